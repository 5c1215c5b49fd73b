"""Keys for programs (an Open311 application, a one-stop system): made once, shown once, kept
as a hash (core.models.HashedKey).

A key is 32 random bytes, so a plain SHA-256 is enough to store it (nothing to brute-force,
unlike a password) and lets a request's key be found with one indexed lookup.
"""

import hashlib
import secrets

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

KEY_PREFIX = "qt_"


def key_hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def new_raw_key() -> str:
    return KEY_PREFIX + secrets.token_urlsafe(32)


@transaction.atomic
def key_create(model, *, name: str, **fields):
    """Return (key, raw key) for a HashedKey `model`. The raw key is stored nowhere: print it
    once."""
    raw = new_raw_key()
    key = model(
        name=name.strip(),
        prefix=raw[: len(KEY_PREFIX) + 6],
        key_hash=key_hash(raw),
        **fields,
    )
    key.full_clean()
    key.save()
    return key, raw


@transaction.atomic
def key_revoke(*, key):
    if key.revoked_at is None:
        key.revoked_at = timezone.now()
        key.save(update_fields=["revoked_at"])
    return key


def key_by_prefix(keys, prefix: str):
    """The one key of `keys` starting with `prefix` (as a list shows it); ValueError saying
    why otherwise."""
    matches = list(keys.filter(prefix__startswith=prefix.rstrip("…")))
    if len(matches) == 1:
        return matches[0]
    message = (
        _("No key starts with %(prefix)s.")
        if not matches
        else _("Several keys start with %(prefix)s; give more of it.")
    )
    raise ValueError(message % {"prefix": prefix})


def key_line(key) -> str:
    """One line of a key list: never the key itself."""
    state = _("revoked") if key.revoked else _("active")
    return f"{key.prefix}…  {key.created_at:%d/%m/%Y}  {state:<8} {key.name}"
