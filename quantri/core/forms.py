"""Form pieces several apps use."""

from django import forms


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; cleans to a list (empty when none were chosen)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


def checked_files(uploads, kinds, max_bytes: int) -> list:
    """Every file checked by content, every refusal reported at once, so one bad file among
    several names itself."""
    from django.core.exceptions import ValidationError

    from quantri.core.uploads import check_upload

    checked, errors = [], []
    for upload in uploads:
        try:
            checked.append(check_upload(upload, kinds=kinds, max_bytes=max_bytes))
        except ValidationError as exc:
            errors.extend(exc.messages)
    if errors:
        raise ValidationError(errors)
    return checked


def is_web_link(link: str, max_length: int = 1000) -> bool:
    from django.core.exceptions import ValidationError
    from django.core.validators import URLValidator

    try:
        URLValidator(schemes=["http", "https"])(link)
    except ValidationError:
        return False
    return len(link) <= max_length
