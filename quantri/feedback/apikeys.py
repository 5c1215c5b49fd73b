"""Open311 API keys (core.keys: made once, shown once, kept as a hash)."""

from quantri.core.keys import key_create, key_revoke


def apikey_create(*, name: str):
    """Return (ApiKey, raw key). The raw key is not stored anywhere: print it once."""
    from quantri.feedback.models import ApiKey

    return key_create(ApiKey, name=name)


def apikey_revoke(*, key):
    return key_revoke(key=key)
