"""Keep DailyAggregate in step with dossiers: each dossier contributes counters to (unit,
procedure, day) keys; a change applies the difference of its contribution before and after,
inside the caller's transaction. The rebuild recomputes everything from the raw rows with the
same contribution function, so the two cannot disagree by construction — and a test checks it."""

import datetime
from collections import Counter, defaultdict

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from quantri.dossiers.models import COUNTERS, DailyAggregate, Dossier, Rating

Key = tuple[int, int, int, datetime.date]  # agency, unit, procedure, day
Contribution = dict[Key, Counter]

SATISFIED = {Rating.VERY_SATISFIED, Rating.SATISFIED}
FIELDS = (
    "agency_id",
    "unit_id",
    "procedure_id",
    "received_at",
    "result_at",
    "outcome",
    "online_type",
    "digitised",
    "paid_online",
    "rating",
    "complaint",
)


def _local_day(moment: datetime.datetime) -> datetime.date:
    return timezone.localtime(moment).date() if timezone.is_aware(moment) else moment.date()


def contribution(row: dict) -> Contribution:
    """`row` holds FIELDS (a Dossier's values() or snapshot())."""
    base = (row["agency_id"], row["unit_id"], row["procedure_id"])
    received: Counter = Counter(received=1)
    if row["online_type"] in ("full", "partial"):
        received[f"online_{row['online_type']}"] = 1
    if row["digitised"]:
        received["digitised"] = 1
    result: dict = {(*base, _local_day(row["received_at"])): received}
    if row["result_at"] is not None and row["outcome"]:
        done = Counter({f"processed_{row['outcome']}": 1})
        done["paid_online"] = int(bool(row["paid_online"]))
        done["rated"] = int(bool(row["rating"]))
        done["satisfied"] = int(row["rating"] in SATISFIED)
        done["complaints"] = int(bool(row["complaint"]))
        key = (*base, _local_day(row["result_at"]))
        result[key] = result.get(key, Counter()) + done
    return result


def snapshot(dossier: Dossier) -> dict | None:
    """The contribution-relevant values of a dossier (None for one not saved yet)."""
    if dossier.pk is None:
        return None
    return {name: getattr(dossier, name) for name in FIELDS}


def apply_change(before: dict | None, after: dict | None) -> None:
    """Add after's contribution and take away before's, by F() updates (concurrent-safe)."""
    deltas: dict[Key, Counter] = defaultdict(Counter)
    for row, sign in ((before, -1), (after, 1)):
        for key, counts in (contribution(row) if row else {}).items():
            for name, value in counts.items():
                deltas[key][name] += sign * value
    for key, delta in deltas.items():
        delta = {name: value for name, value in delta.items() if value}
        if delta:
            _add(key, delta)


def _add(key: Key, delta: dict) -> None:
    agency_id, unit_id, procedure_id, day = key
    lookup = {"unit_id": unit_id, "procedure_id": procedure_id, "day": day}
    updates = {name: F(name) + value for name, value in delta.items()}
    if not DailyAggregate.objects.filter(**lookup).update(**updates):
        DailyAggregate.objects.create(agency_id=agency_id, **lookup, **delta)


def totals(dossiers) -> dict[Key, Counter]:
    out: dict[Key, Counter] = defaultdict(Counter)
    for row in dossiers.values(*FIELDS).iterator(chunk_size=5000):
        for key, counts in contribution(row).items():
            out[key].update(counts)
    return out


@transaction.atomic
def rebuild(*, days: set[datetime.date] | None = None) -> int:
    """Recompute the aggregates (of `days` only when given: the days an import touched).
    Returns the number of aggregate rows written."""
    dossiers = Dossier.objects.all()
    aggregates = DailyAggregate.objects.all()
    if days is not None:
        start, end = min(days), max(days) + datetime.timedelta(days=2)
        # A wide UTC window around the local days, then exact filtering by key below.
        lo = timezone.make_aware(
            datetime.datetime.combine(start - datetime.timedelta(days=1), datetime.time())
        )
        hi = timezone.make_aware(datetime.datetime.combine(end, datetime.time()))
        dossiers = dossiers.filter(Q(received_at__range=(lo, hi)) | Q(result_at__range=(lo, hi)))
        aggregates = aggregates.filter(day__in=days)
    counts = {k: v for k, v in totals(dossiers).items() if days is None or k[3] in days}
    aggregates.delete()
    rows = [
        DailyAggregate(agency_id=a, unit_id=u, procedure_id=p, day=d, **{n: c[n] for n in COUNTERS})
        for (a, u, p, d), c in counts.items()
    ]
    DailyAggregate.objects.bulk_create(rows, batch_size=2000)
    return len(rows)
