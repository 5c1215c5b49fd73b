"""How many posts one client may make in a window, counted in the database so the limit holds
across all server processes (Django's default cache is per process).

A client is whatever the caller counts by: an address (quantri.core.addresses), an API key.
Each use has its own scope, so a citizen's feedback does not use up their survey answers.
"""

import datetime
import hashlib

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from quantri.core.models import RateCount

WINDOW_SECONDS = 600


def _client_key(scope: str, client: str) -> str:
    # Hashed with the secret: the table holds no readable addresses.
    return hashlib.sha256(f"{settings.SECRET_KEY}:{scope}:{client}".encode()).hexdigest()


def _window_start(now: datetime.datetime) -> datetime.datetime:
    seconds = int(now.timestamp()) // WINDOW_SECONDS * WINDOW_SECONDS
    return datetime.datetime.fromtimestamp(seconds, tz=datetime.UTC)


def rate_allow(
    *, scope: str, client: str, limit: int, now: datetime.datetime | None = None
) -> bool:
    """Count this post; False when the client has used up its `limit` posts for the window.
    A limit of 0 or less turns the count off."""
    if limit <= 0:
        return True
    key, window = _client_key(scope, client), _window_start(now or timezone.now())
    rows = RateCount.objects.filter(scope=scope, client=key)
    with transaction.atomic():
        counted = rows.filter(window_start=window).update(count=F("count") + 1)
        if not counted:
            # A client's first post in a window: its earlier windows are no longer needed.
            rows.filter(window_start__lt=window).delete()
            try:
                with transaction.atomic():
                    RateCount.objects.create(scope=scope, client=key, window_start=window, count=1)
            except IntegrityError:  # another process created it first
                rows.filter(window_start=window).update(count=F("count") + 1)
        count = rows.get(window_start=window).count
    return count <= limit


def forget_old_windows(now: datetime.datetime | None = None) -> int:
    start = _window_start(now or timezone.now())
    return RateCount.objects.filter(window_start__lt=start).delete()[0]
