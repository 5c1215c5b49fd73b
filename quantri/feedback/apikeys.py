"""Open311 API keys: made once, shown once, kept as a hash.

A key is 32 random bytes, so a plain SHA-256 is enough to store it (nothing to brute-force, unlike
a password) and lets a request's key be found with one indexed lookup.
"""

import hashlib
import secrets

from django.db import transaction
from django.utils import timezone

KEY_PREFIX = "qt_"


def key_hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def new_raw_key() -> str:
    return KEY_PREFIX + secrets.token_urlsafe(32)


@transaction.atomic
def apikey_create(*, name: str):
    """Return (ApiKey, raw key). The raw key is not stored anywhere: print it once."""
    from quantri.feedback.models import ApiKey

    raw = new_raw_key()
    key = ApiKey(name=name.strip(), prefix=raw[: len(KEY_PREFIX) + 6], key_hash=key_hash(raw))
    key.full_clean()
    key.save()
    return key, raw


@transaction.atomic
def apikey_revoke(*, key):
    if key.revoked_at is None:
        key.revoked_at = timezone.now()
        key.save(update_fields=["revoked_at"])
    return key
