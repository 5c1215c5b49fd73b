from django.core.exceptions import PermissionDenied, ValidationError


def error_text(error: ValidationError | PermissionDenied) -> str:
    """A service's refusal as one line for a command or a page message."""
    if isinstance(error, PermissionDenied):
        return str(error)
    return " ".join(message for messages in _messages(error) for message in messages)


def _messages(error: ValidationError) -> list[list[str]]:
    if hasattr(error, "error_dict"):
        return list(error.message_dict.values())
    return [error.messages]
