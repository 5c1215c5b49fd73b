"""How many public posts one client address may make in a window, counted in the database so
the limit holds across all server processes (Django's default cache is per process)."""

import datetime
import hashlib
import os

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from quantri.feedback.models import PostCount

WINDOW_SECONDS = 600
DEFAULT_LIMIT = 10
ENVIRONMENT_VARIABLE = "QUANTRI_FEEDBACK_RATE_LIMIT"


def post_limit() -> int:
    """Posts allowed per client and 10 minutes; 0 turns the limit off. The setting wins; the
    environment variable lets the load benchmark lift it without a settings change."""
    value = getattr(settings, "QUANTRI_FEEDBACK_RATE_LIMIT", None)
    if value is None:
        value = os.environ.get(ENVIRONMENT_VARIABLE, DEFAULT_LIMIT)
    return int(value)


def client_address(request) -> str:
    """REMOTE_ADDR only: X-Forwarded-For is whatever the client wants it to be unless a proxy
    we trust rewrites it, and behind nginx REMOTE_ADDR is set from it by the proxy setup."""
    return request.META.get("REMOTE_ADDR", "")


def _client_key(address: str) -> str:
    # Hashed with the secret: the table holds no readable addresses.
    return hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()


def _window_start(now: datetime.datetime) -> datetime.datetime:
    seconds = int(now.timestamp()) // WINDOW_SECONDS * WINDOW_SECONDS
    return datetime.datetime.fromtimestamp(seconds, tz=datetime.UTC)


def allow_post(address: str, now: datetime.datetime | None = None) -> bool:
    """Count this post; False when the client has used up its posts for the window."""
    limit = post_limit()
    if limit <= 0:
        return True
    key, window = _client_key(address), _window_start(now or timezone.now())
    with transaction.atomic():
        counted = PostCount.objects.filter(client=key, window_start=window).update(
            count=F("count") + 1
        )
        if not counted:
            # A client's first post in a window: its earlier windows are no longer needed.
            PostCount.objects.filter(client=key, window_start__lt=window).delete()
            try:
                with transaction.atomic():
                    PostCount.objects.create(client=key, window_start=window, count=1)
            except IntegrityError:  # another process created it first
                PostCount.objects.filter(client=key, window_start=window).update(
                    count=F("count") + 1
                )
        count = PostCount.objects.get(client=key, window_start=window).count
    return count <= limit


def forget_old_windows(now: datetime.datetime | None = None) -> int:
    start = _window_start(now or timezone.now())
    return PostCount.objects.filter(window_start__lt=start).delete()[0]
