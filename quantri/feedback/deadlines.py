"""Deadlines of a feedback item, from the rules stored as data and the working calendar."""

import datetime
from functools import lru_cache

from quantri.core.models import CalendarDay, CalendarDayKind
from quantri.core.workdays import WorkingCalendar
from quantri.feedback.models import DeadlineRule, DeadlineTrigger


def current_calendar() -> WorkingCalendar:
    """The working calendar with today's exceptions. One query; the calendar object is kept
    while the exceptions stay the same, so its holiday tables are not rebuilt per request."""
    days = CalendarDay.objects.values_list("date", "kind")
    days_off = frozenset(d for d, kind in days if kind == CalendarDayKind.DAY_OFF)
    working = frozenset(d for d, kind in days if kind == CalendarDayKind.WORKING_DAY)
    return _calendar(days_off, working)


@lru_cache(maxsize=8)
def _calendar(days_off: frozenset, working: frozenset) -> WorkingCalendar:
    return WorkingCalendar(days_off=days_off, working_days=working)


def _rules_in_force(triggers: list[str], on: datetime.date) -> dict[str, DeadlineRule]:
    """The rule in force on a day for each trigger, in one query."""
    rules: dict[str, DeadlineRule] = {}
    found = DeadlineRule.objects.filter(trigger__in=triggers, valid_from__lte=on).order_by(
        "trigger", "-valid_from"
    )
    for rule in found:
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
