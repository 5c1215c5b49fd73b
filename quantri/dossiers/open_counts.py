""" "Still within time" and "overdue" at any moment, without reading the open dossiers.

At the end of a day X both counts are running totals of the aggregates' interval counters up
to X (aggregates' module docstring): the month rows before X's month plus X's month's day
rows up to X — a few hundred rows per year of history whatever the volume. A moment inside a
day (now, for the month in progress) starts from the end of the day before and adds the change
brought by the dossiers with an event since then: received, given a result, or falling due.
Those are one day's events read through three indexes, never the agency's open backlog.

The reference is stats._open_figures_naive, a scan of the dossiers; a test holds both equal.
"""

import datetime
from collections import defaultdict

from django.db.models import Count, Q, Sum

from quantri.dossiers.aggregates import end_of, local_day
from quantri.dossiers.models import OPEN_STATES, DailyAggregate, Dossier, MonthlyAggregate, State

INTERVALS = ("within_opened", "within_closed", "overdue_opened", "overdue_closed")
NAMES = ("within_time", "overdue")

Counts = dict[object, dict[str, int]]  # the `by` key's value (None without `by`) → counts


def open_counts(ids, moment: datetime.datetime, narrow: dict, *, by: str | None = None) -> Counts:
    """Dossiers of the agencies `ids` (narrowed by unit / procedure) within time and overdue
    at `moment`, per value of the field `by` when given."""
    day = local_day(moment)
    if moment >= end_of(day):
        return _running_totals(ids, day, narrow, by)
    before = day - datetime.timedelta(days=1)
    out = _running_totals(ids, before, narrow, by)
    for key, change in _changes(ids, end_of(before), moment, narrow, by).items():
        counts = out.setdefault(key, dict.fromkeys(NAMES, 0))
        for name in NAMES:
            counts[name] += change[name]
    return out


def _running_totals(ids, day: datetime.date, narrow: dict, by) -> Counts:
    first = day.replace(day=1)
    months = MonthlyAggregate.objects.filter(agency_id__in=ids, **narrow).order_by()
    if (day + datetime.timedelta(days=1)).month != day.month:  # the month's last day
        parts = [months.filter(month__lte=first)]
    else:
        days = DailyAggregate.objects.filter(agency_id__in=ids, day__range=(first, day), **narrow)
        parts = [months.filter(month__lt=first), days.order_by()]
    out: Counts = defaultdict(lambda: dict.fromkeys(NAMES, 0))
    sums = {name: Sum(name) for name in INTERVALS}
    for part in parts:
        rows = [part.aggregate(**sums)] if by is None else part.values(by).annotate(**sums)
        for row in rows:
            counts = out[row[by] if by else None]
            counts["within_time"] += (row["within_opened"] or 0) - (row["within_closed"] or 0)
            counts["overdue"] += (row["overdue_opened"] or 0) - (row["overdue_closed"] or 0)
    return dict(out)


def _status(at: datetime.datetime) -> dict[str, Q]:
    """stats._open_figures_naive's rule as conditions: open at `at` and due after or before."""
    opened = Q(received_at__lte=at) & (
        Q(result_at__gt=at) | Q(result_at__isnull=True, state__in=OPEN_STATES)
    )
    return {"within_time": opened & Q(due_at__gte=at), "overdue": opened & Q(due_at__lt=at)}


def _changes(ids, start, moment, narrow: dict, by) -> Counts:
    """Counts at `moment` minus counts at `start`, over the dossiers whose status can differ:
    received or given a result in (start, moment], or due in [start, moment). Each dossier is
    read once: the second and third queries leave out what the earlier ones took."""
    dossiers = Dossier.objects.filter(agency_id__in=ids, **narrow).order_by()
    received = Q(received_at__gt=start, received_at__lte=moment)
    resulted = Q(result_at__gt=start, result_at__lte=moment)
    # Every state listed, so that the index (agency, state, due_at) serves a due-date range.
    falling_due = Q(due_at__gte=start, due_at__lt=moment, state__in=State.values)
    parts = (
        dossiers.filter(received),
        dossiers.filter(resulted).exclude(received),
        dossiers.filter(falling_due).exclude(received).exclude(resulted),
    )
    now, then = _status(moment), _status(start)
    counts = {
        **{f"{name}_now": Count("pk", filter=now[name]) for name in NAMES},
        **{f"{name}_then": Count("pk", filter=then[name]) for name in NAMES},
    }
    out: Counts = defaultdict(lambda: dict.fromkeys(NAMES, 0))
    for part in parts:
        rows = [part.aggregate(**counts)] if by is None else part.values(by).annotate(**counts)
        for row in rows:
            target = out[row[by] if by else None]
            for name in NAMES:
                target[name] += row[f"{name}_now"] - row[f"{name}_then"]
    return dict(out)
