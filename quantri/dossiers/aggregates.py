"""Keep DailyAggregate and MonthlyAggregate in step with dossiers.

Each dossier contributes counters to (unit, procedure, day) keys. A change writes the
difference of its contribution before and after, inside the caller's transaction, to the day
row and to its month's row. A bulk import sums the differences of a whole chunk first and
writes each key once. The rebuild recomputes everything from the raw rows with the same
contribution function, so the paths cannot disagree by construction — and a test checks it.

The counters are of two kinds:
- flows, counted on one day: received (and its online type, digitised) on the day of
  reception; processed early / on time / late, online payment, ratings and complaints on the
  day of the result;
- interval ends, for the figures that depend on a moment. At the end of day X a dossier is
  "within time" when it was received by X, is due after X and had no result by X; "overdue"
  when it was due by X and had no result by X. Each is a run of days, opened on one day and
  closed on another, so the count at X is the running total of openings minus closings up to
  X — read from a few month rows, never from the dossiers.
"""

import datetime
from collections import Counter, defaultdict

from django.db import connection, transaction
from django.utils import timezone
from tqdm import tqdm

from quantri.dossiers import sql
from quantri.dossiers.models import (
    COUNTERS,
    OPEN_STATES,
    DailyAggregate,
    Dossier,
    MonthlyAggregate,
    Rating,
)

Key = tuple[int, int, int, datetime.date]  # agency, unit, procedure, day (or month)
Contribution = dict[Key, Counter]

SATISFIED = {Rating.VERY_SATISFIED, Rating.SATISFIED}
FIELDS = (
    "agency_id",
    "unit_id",
    "procedure_id",
    "state",
    "received_at",
    "due_at",
    "result_at",
    "outcome",
    "online_type",
    "digitised",
    "paid_online",
    "rating",
    "complaint",
)


def local_day(moment: datetime.datetime) -> datetime.date:
    """The day in the project's time zone (settings.TIME_ZONE), never the zone a request may
    have activated: the same dossier must land on the same day row whoever saves it."""
    if moment.tzinfo is None:
        return moment.date()
    return moment.astimezone(timezone.get_default_timezone()).date()


def end_of(day: datetime.date) -> datetime.datetime:
    """The last moment of a local day: a day's figures are those "at the end of day X"."""
    latest = datetime.datetime.combine(day, datetime.time.max)
    return timezone.make_aware(latest, timezone.get_default_timezone())


def contribution(row: dict) -> Contribution:
    """`row` holds FIELDS (a Dossier's values() or snapshot())."""
    base = (row["agency_id"], row["unit_id"], row["procedure_id"])
    out: dict[Key, Counter] = defaultdict(Counter)
    received = local_day(row["received_at"])
    counts = out[(*base, received)]
    counts["received"] = 1
    if row["online_type"] in ("full", "partial"):
        counts[f"online_{row['online_type']}"] = 1
    if row["digitised"]:
        counts["digitised"] = 1
    result = local_day(row["result_at"]) if row["result_at"] is not None else None
    if result is not None and row["outcome"]:
        done = out[(*base, result)]
        done[f"processed_{row['outcome']}"] += 1
        done["paid_online"] += int(bool(row["paid_online"]))
        done["rated"] += int(bool(row["rating"]))
        done["satisfied"] += int(row["rating"] in SATISFIED)
        done["complaints"] += int(bool(row["complaint"]))
    # Only a dossier with a result, or one still in the agency's hands, is ever "open":
    # one withdrawn or refused without a result counts in neither figure (stats' definition).
    if result is not None or row["state"] in OPEN_STATES:
        due = local_day(row["due_at"])
        _interval(out, base, "within", received, min(due, result) if result else due)
        _interval(out, base, "overdue", due, result)
    return {key: counts for key, counts in out.items() if +counts}


def _interval(out, base, name: str, first: datetime.date, end: datetime.date | None) -> None:
    """Open on `first`, close on `end` (the first day no longer counted); none when empty."""
    if end is not None and end <= first:
        return
    out[(*base, first)][f"{name}_opened"] += 1
    if end is not None:
        out[(*base, end)][f"{name}_closed"] += 1


def snapshot(dossier: Dossier) -> dict | None:
    """The contribution-relevant values of a dossier (None for one not saved yet)."""
    if dossier.pk is None:
        return None
    return {name: getattr(dossier, name) for name in FIELDS}


def add_difference(deltas: dict, before: dict | None, after: dict | None) -> None:
    """Add after's contribution and take away before's into `deltas` (key → Counter)."""
    for row, sign in ((before, -1), (after, 1)):
        for key, counts in (contribution(row) if row else {}).items():
            target = deltas[key]
            for name, value in counts.items():
                target[name] += sign * value


def apply_change(before: dict | None, after: dict | None) -> None:
    deltas: dict[Key, Counter] = defaultdict(Counter)
    add_difference(deltas, before, after)
    write(deltas)


def write(deltas: dict[Key, Counter]) -> None:
    """Add per-day deltas to the day rows and to their month rows (the caller's transaction)."""
    months: dict[Key, Counter] = defaultdict(Counter)
    for (agency, unit, procedure, day), delta in deltas.items():
        months[(agency, unit, procedure, day.replace(day=1))].update(delta)
    _write(DailyAggregate, "day", deltas)
    _write(MonthlyAggregate, "month", months)


def _write(model, period: str, deltas: dict[Key, Counter]) -> None:
    """Keys whose change is all additions are upserted (INSERT … ON CONFLICT DO UPDATE adds,
    which both SQLite and PostgreSQL know, and which is safe when two desks create the same
    row at once); a key with any subtraction already has its row, so it is an UPDATE."""
    adding, changing = [], []
    for (agency, unit, procedure, day), delta in deltas.items():
        day = connection.ops.adapt_datefield_value(day)
        values = [delta.get(name, 0) for name in COUNTERS]
        if not any(values):
            continue
        if min(values) >= 0:
            adding.append((agency, unit, procedure, day, *values))
        else:
            changing.append((*values, unit, procedure, day))
    table = model._meta.db_table
    sums = ", ".join(f"{n} = {sql.quote(table)}.{n} + excluded.{n}" for n in COUNTERS)
    sql.insert(
        table,
        ("agency_id", "unit_id", "procedure_id", period, *COUNTERS),
        adding,
        on_conflict=f"ON CONFLICT (unit_id, procedure_id, {period}) DO UPDATE SET {sums}",
    )
    sql.update(
        table,
        ("unit_id", "procedure_id", period),
        COUNTERS,
        changing,
        add=True,
    )


def totals(dossiers, *, progress: bool = False) -> dict[Key, Counter]:
    out: dict[Key, Counter] = defaultdict(Counter)
    rows = dossiers.values_list(*FIELDS).iterator(chunk_size=10000)
    for values in tqdm(rows, desc="Reading", unit=" dossiers", disable=not progress):
        for key, counts in contribution(dict(zip(FIELDS, values, strict=True))).items():
            out[key].update(counts)
    return out


@transaction.atomic
def rebuild(*, progress: bool = False) -> int:
    """Recompute both aggregate tables from the dossiers. Returns the number of day rows."""
    counts = totals(Dossier.objects.all(), progress=progress)
    DailyAggregate.objects.all().delete()
    MonthlyAggregate.objects.all().delete()
    write(counts)
    return len(counts)
