"""Ending a person's open sessions (the database session backend, settings.SESSION_ENGINE).

Sessions do not record their user in a column, so each live one is decoded. They end after
QUANTRI_SESSION_IDLE_MINUTES of inactivity, so only those of the last half-hour are read.
"""

from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.utils import timezone


def end_sessions(*, user) -> int:
    """Delete every live session of the user; returns how many ended."""
    keys = [
        session.session_key
        for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
        if session.get_decoded().get(SESSION_KEY) == str(user.pk)
    ]
    Session.objects.filter(session_key__in=keys).delete()
    return len(keys)
