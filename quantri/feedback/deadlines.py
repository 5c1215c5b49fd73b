"""Deadlines of a feedback item, from the rules stored as data and the working calendar."""

import datetime
from functools import lru_cache

from quantri.core.models import CalendarDay, CalendarDayKind
from quantri.core.refdata import Snapshot
from quantri.core.workdays import WorkingCalendar
from quantri.feedback.models import DeadlineRule, DeadlineTrigger


def _read_calendar() -> WorkingCalendar:
    days = CalendarDay.objects.values_list("date", "kind")
    days_off = frozenset(d for d, kind in days if kind == CalendarDayKind.DAY_OFF)
    working = frozenset(d for d, kind in days if kind == CalendarDayKind.WORKING_DAY)
    return _calendar(days_off, working)


@lru_cache(maxsize=8)
def _calendar(days_off: frozenset, working: frozenset) -> WorkingCalendar:
    return WorkingCalendar(days_off=days_off, working_days=working)


# Every submission computes its deadlines: the calendar and the rules are reference data
# (quantri.core.refdata), read again when they change or after a minute.
_CALENDAR = Snapshot(_read_calendar, models=[CalendarDay])
_RULES = Snapshot(
    lambda: list(DeadlineRule.objects.order_by("trigger", "-valid_from")), models=[DeadlineRule]
)


def current_calendar() -> WorkingCalendar:
    """The working calendar with its stored exceptions; its holiday tables are built once."""
    return _CALENDAR.get()


def _rules_in_force(triggers: list[str], on: datetime.date) -> dict[str, DeadlineRule]:
    """The rule in force on a day for each trigger (the newest one already valid)."""
    rules: dict[str, DeadlineRule] = {}
    for rule in _RULES.get():
        if rule.trigger in triggers and rule.valid_from <= on:
            rules.setdefault(rule.trigger, rule)
    return rules


def _end(rule: DeadlineRule | None, start: datetime.date, calendar: WorkingCalendar):
    return calendar.add_working_days(start, rule.working_days) if rule else None


def deadline(trigger: str, start: datetime.date, calendar: WorkingCalendar) -> datetime.date | None:
    """The day the rule in force on `start` ends, counted in working days; None without a rule."""
    return _end(_rules_in_force([trigger], start).get(trigger), start, calendar)


def receipt_deadlines(received_on: datetime.date, calendar: WorkingCalendar) -> dict:
    rules = _rules_in_force([DeadlineTrigger.ACCEPTANCE, DeadlineTrigger.TRANSFER], received_on)
    return {
        "decision_due_on": _end(rules.get(DeadlineTrigger.ACCEPTANCE), received_on, calendar),
        "transfer_due_on": _end(rules.get(DeadlineTrigger.TRANSFER), received_on, calendar),
    }


def answer_deadline(decided_on: datetime.date, calendar: WorkingCalendar) -> datetime.date | None:
    return deadline(DeadlineTrigger.ANSWER, decided_on, calendar)
