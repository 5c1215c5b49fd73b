"""A month's figures of an agency split by handling unit or by procedure: the dashboard's
tables that say where the late dossiers are. Read from the monthly aggregates (GROUP BY), the
"within time / overdue" counts from their running totals (open_counts): the same rules as
stats.figures, one row per unit or procedure."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Sum

from quantri.dossiers import stats
from quantri.dossiers.models import MonthlyAggregate
from quantri.dossiers.open_counts import open_counts
from quantri.orgs.models import Agency
from quantri.procedures.models import Procedure

KEYS = {"unit": ("unit_id", Agency), "procedure": ("procedure_id", Procedure)}
SUMMED = (
    "received",
    "online_full",
    "online_partial",
    "processed_early",
    "processed_on_time",
    "processed_late",
    "rated",
    "satisfied",
)


@dataclass
class Row:
    subject: object  # the unit (Agency) or the Procedure
    received: int = 0
    online: int = 0
    processed_early: int = 0
    processed_on_time: int = 0
    processed_late: int = 0
    rated: int = 0
    satisfied: int = 0
    within_time: int = 0
    overdue: int = 0

    @property
    def processed(self) -> int:
        return self.processed_early + self.processed_on_time + self.processed_late

    @property
    def late_share(self) -> float | None:
        """Late or overdue among those handled (the 766 progress group's complement)."""
        handled = self.processed + self.within_time + self.overdue
        return (self.processed_late + self.overdue) / handled if handled else None

    @property
    def satisfied_share(self) -> float | None:
        return self.satisfied / self.rated if self.rated else None


def breakdown(agency: Agency, month, *, by: str, unit=None, now=None) -> list[Row]:
    """Rows with anything to show, most received first; ValueError for an unknown `by`."""
    if by not in KEYS:
        raise ValueError(f"unknown breakdown “{by}”")
    key, model = KEYS[by]
    ids = Agency.objects.subtree_ids(agency)
    narrow = {"unit": unit} if unit is not None else {}
    rows = MonthlyAggregate.objects.filter(agency_id__in=ids, **narrow).order_by()
    values: dict[int, dict] = defaultdict(lambda: defaultdict(int))
    flows = (
        rows.filter(month__range=(month.first, month.last))
        .values(key)
        .annotate(**{n: Sum(n) for n in SUMMED})
    )
    for row in flows:
        target = values[row[key]]
        for name in SUMMED:
            target[name] += row[name] or 0
    for pk, counts in _open(ids, month, key, narrow, now).items():
        values[pk].update(counts)
    subjects = model.objects.in_bulk(list(values))
    out = [_row(subjects[pk], counts) for pk, counts in values.items() if pk in subjects]
    out = [row for row in out if row.received or row.processed or row.within_time or row.overdue]
    return sorted(out, key=lambda row: (-row.received, -row.processed, str(row.subject)))


def _open(ids, month, key, narrow, now) -> dict[int, dict]:
    return open_counts(ids, stats.judged_at(month, now), narrow, by=key)


def _row(subject, counts: dict) -> Row:
    return Row(
        subject=subject,
        received=counts["received"],
        online=counts["online_full"] + counts["online_partial"],
        processed_early=counts["processed_early"],
        processed_on_time=counts["processed_on_time"],
        processed_late=counts["processed_late"],
        rated=counts["rated"],
        satisfied=counts["satisfied"],
        within_time=counts["within_time"],
        overdue=counts["overdue"],
    )
