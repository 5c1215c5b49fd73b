"""Feedback statistics: volume, answers on time, overdue — overall and by unit, category and
PAPI dimension. One grouped query per breakdown."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from quantri.feedback.models import OPEN_STATUSES, FeedbackCategory
from quantri.indices.models import Dimension
from quantri.orgs.models import Agency


@dataclass
class Row:
    label: str
    volume: int = 0
    answered: int = 0
    judged: int = 0  # answered items with a deadline to be measured against
    on_time: int = 0
    overdue: int = 0

    @property
    def on_time_rate(self) -> float | None:
        """Share of answers given on time, in percent; None before any answer is measured."""
        return round(100 * self.on_time / self.judged, 1) if self.judged else None

    def as_dict(self) -> dict:
        return {
            "label": self.label,
            "volume": self.volume,
            "answered": self.answered,
            "on_time": self.on_time,
            "on_time_rate": self.on_time_rate,
            "overdue": self.overdue,
        }


@dataclass
class Statistics:
    total: Row
    by_status: list[tuple[str, int]] = field(default_factory=list)
    by_unit: list[Row] = field(default_factory=list)
    by_category: list[Row] = field(default_factory=list)
    by_dimension: list[Row] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "total": self.total.as_dict(),
            "by_status": dict(self.by_status),
            "by_unit": [r.as_dict() for r in self.by_unit],
            "by_category": [r.as_dict() for r in self.by_category],
            "by_dimension": [r.as_dict() for r in self.by_dimension],
        }


def _counts(today: datetime.date) -> dict:
    return {
        "volume": Count("pk"),
        "answered": Count("pk", filter=Q(answered_at__isnull=False)),
        "judged": Count("pk", filter=Q(answered_on_time__isnull=False)),
        "on_time": Count("pk", filter=Q(answered_on_time=True)),
        "overdue": Count("pk", filter=Q(status__in=OPEN_STATUSES, due_on__lt=today)),
    }


def _grouped(items, key: str, labels: dict, today, none_label: str) -> list[Row]:
    rows = []
    for values in items.values(key).annotate(**_counts(today)).order_by(key):
        label = labels.get(values.pop(key), none_label)
        rows.append(Row(label=label, **values))
    return sorted(rows, key=lambda r: (-r.volume, r.label))


def feedback_statistics(items, today: datetime.date | None = None) -> Statistics:
    today = today or timezone.localdate()
    items = items.order_by()
    total = Row(label=_("All feedback"), **items.aggregate(**_counts(today)))
    by_status = [
        (row["status"], row["n"])
        for row in items.values("status").annotate(n=Count("pk")).order_by("status")
    ]
    units = {a.pk: str(a) for a in Agency.objects.filter(pk__in=items.values("assigned_unit"))}
    categories = {
        c.pk: str(c) for c in FeedbackCategory.objects.filter(pk__in=items.values("category"))
    }
    dimensions = {
        d.pk: str(d) for d in Dimension.objects.filter(pk__in=items.values("category__dimension"))
    }
    return Statistics(
        total=total,
        by_status=by_status,
        by_unit=_grouped(items, "assigned_unit", units, today, _("No unit")),
        by_category=_grouped(items, "category", categories, today, "—"),
        by_dimension=_grouped(
            items, "category__dimension", dimensions, today, _("No PAPI dimension")
        ),
    )
