"""How many posts one client may make in a window, counted in the database so the limit holds
across all server processes (Django's default cache is per process).

A client is whatever the caller counts by: an address (quantri.core.addresses), an API key.
Each use has its own scope, so a citizen's feedback does not use up their survey answers.
"""

import datetime
import functools
import hashlib

from django.conf import settings
from django.db import connection
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
    count = _count_post(scope, key, window)
    if count == 1:
        # A client's first post in a window: its earlier windows are no longer needed.
        RateCount.objects.filter(scope=scope, client=key, window_start__lt=window).delete()
    return count <= limit


def _count_post(scope: str, key: str, window: datetime.datetime) -> int:
    """Add one to the window's count and read it back in a single statement.

    Every public post passes here, so it is one round trip and one (implicit) transaction
    instead of update-or-create plus a read: an upsert with RETURNING, which SQLite (3.35+)
    and PostgreSQL both understand. Concurrent posts are serialised by the row's unique
    constraint, so no count is lost. The ORM has no upsert that adds to the stored value."""
    # The same stored form as the ORM writes, so the unique constraint compares like values.
    stamp = connection.ops.adapt_datetimefield_value(window)
    with connection.cursor() as cursor:
        cursor.execute(_upsert_sql(connection.vendor), [scope, key, stamp])
        return cursor.fetchone()[0]


# Written once per kind of database: only the quoting of the names depends on it.
@functools.cache
def _upsert_sql(vendor: str) -> str:
    q = connection.ops.quote_name
    table, scope_, client_, window_, count_ = (
        q(name) for name in (RateCount._meta.db_table, "scope", "client", "window_start", "count")
    )
    return (
        f"INSERT INTO {table} ({scope_}, {client_}, {window_}, {count_}) VALUES (%s, %s, %s, 1) "
        f"ON CONFLICT ({scope_}, {client_}, {window_}) "
        f"DO UPDATE SET {count_} = {table}.{count_} + 1 RETURNING {count_}"
    )


def forget_old_windows(now: datetime.datetime | None = None) -> int:
    start = _window_start(now or timezone.now())
    return RateCount.objects.filter(window_start__lt=start).delete()[0]
