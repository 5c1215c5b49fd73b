"""Reference data read once and kept for a while (quantri.core.refdata), as the public
submission path uses it: a change made in this process is seen at once, a change made by
another process (here: a bulk update, which sends no signal) once the time has passed."""

import datetime

import pytest
from django.test import override_settings

from quantri.core import refdata
from quantri.core.models import CalendarDay, CalendarDayKind
from quantri.feedback.deadlines import current_calendar

pytestmark = pytest.mark.django_db
# A Monday that is an ordinary working day.
MONDAY = datetime.date(2026, 10, 12)


@override_settings(QUANTRI_REFERENCE_SECONDS=60)
def test_a_day_off_is_kept_in_memory_and_seen_again_when_changed_or_expired(monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(refdata, "clock", lambda: now[0])
    assert current_calendar().is_working_day(MONDAY)
    day = CalendarDay.objects.create(date=MONDAY, kind=CalendarDayKind.DAY_OFF, note="Bão")
    # Saved here: the kept calendar is dropped at once.
    assert not current_calendar().is_working_day(MONDAY)
    # Changed where no signal is sent (as by another server process): kept for a minute.
    CalendarDay.objects.filter(pk=day.pk).update(kind=CalendarDayKind.WORKING_DAY)
    now[0] += 59
    assert not current_calendar().is_working_day(MONDAY)
    now[0] += 2
    assert current_calendar().is_working_day(MONDAY)
