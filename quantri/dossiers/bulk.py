"""Write many dossiers at once: the import, the API, the generator and the demo share this.

Idempotent by dossier code: a known code is updated, a new one created. Rows go to the
database through executemany with each field's own database conversion (the ORM's
bulk_update writes a CASE per field and row, and instantiating a model per row costs more
than the insert itself). The aggregates get the difference of each dossier's contribution
before and after, summed over the chunk, in the caller's transaction. Bulk writes keep no
per-dossier history rows: the import's DossierImport record says who brought them."""

from collections import Counter, defaultdict

from django.db import connection, transaction
from django.db.models import DateTimeField

from quantri.dossiers import aggregates, sql
from quantri.dossiers.models import DailyAggregate, Dossier, MonthlyAggregate

# The values a row (a dict) must hold besides "code"; outcome and online_type are derived by
# the caller (importer.Cleaner, generate._row) with the same rules as the services.
UPDATABLE = (
    "procedure_id",
    "agency_id",
    "unit_id",
    "applicant_name",
    "applicant_id",
    "applicant_phone",
    "applicant_address",
    "channel",
    "received_at",
    "due_at",
    "state",
    "result_at",
    "returned_at",
    "outcome",
    "paid_online",
    "digitised",
    "rating",
    "complaint",
    "online_type",
)
# Written too, but not compared: a re-import that changes nothing leaves the rows alone.
WRITTEN = (*UPDATABLE, "last_import_id")
LOOKUP_BATCH = 900  # under SQLite's oldest limit on query parameters


def _columns(names) -> list:
    by_attname = {f.attname: f for f in Dossier._meta.concrete_fields}
    return [by_attname[name] for name in names]


def _converters(fields) -> list:
    """Each field's conversion to the database value, looked up once per chunk: strings,
    numbers and booleans go as they are; datetimes as Django's backend writes them (SQLite:
    UTC text)."""
    adapt = connection.ops.adapt_datetimefield_value
    identity = None
    return [adapt if isinstance(f, DateTimeField) else identity for f in fields]


def _prepared(names, converters, row: dict) -> list:
    return [
        row[name] if convert is None or row[name] is None else convert(row[name])
        for name, convert in zip(names, converters, strict=True)
    ]


def existing(codes: list[str]) -> dict[str, dict]:
    """The stored values (and pk) of the dossiers with these codes."""
    found = {}
    for start in range(0, len(codes), LOOKUP_BATCH):
        batch = codes[start : start + LOOKUP_BATCH]
        for values in Dossier.objects.filter(code__in=batch).values("pk", "code", *UPDATABLE):
            found[values["code"]] = values
    return found


def held_elsewhere(codes: list[str], allowed: set[int] | None) -> set[str]:
    """Those of `codes` that are already dossiers of an agency not in `allowed` (None: every
    agency is allowed). One query per LOOKUP_BATCH codes; the agencies are compared here
    rather than in SQL, since a province's manager may hold hundreds of them."""
    if allowed is None:
        return set()
    held = set()
    for start in range(0, len(codes), LOOKUP_BATCH):
        batch = codes[start : start + LOOKUP_BATCH]
        for code, agency_id in Dossier.objects.filter(code__in=batch).values_list(
            "code", "agency_id"
        ):
            if agency_id not in allowed:
                held.add(code)
    return held


@transaction.atomic
def save(rows: list[dict], *, deltas: dict | None = None, last_import=None) -> tuple[int, int]:
    """Create or update dossiers by code. Returns (created, updated); a known dossier whose
    values are all the same counts as updated but is not written (re-running an import).

    The aggregate differences are written at the end unless the caller passes its own
    `deltas` (key → Counter) to collect them over many chunks and call aggregates.write once:
    a year of dossiers touches the same few hundred thousand keys chunk after chunk."""
    for row in rows:
        row["last_import_id"] = getattr(last_import, "pk", None)
    own = deltas is None
    deltas = defaultdict(Counter) if own else deltas
    stored = existing([row["code"] for row in rows])
    new, changed, same = [], [], 0
    for row in rows:
        before = stored.get(row["code"])
        aggregates.add_difference(deltas, before, row)
        if before is None:
            new.append(row)
        elif any(before[name] != row[name] for name in UPDATABLE):
            changed.append((row, before["pk"]))
        else:
            same += 1
    _insert(new)
    _update(changed)
    if own:
        aggregates.write(deltas)
    return len(new), len(changed) + same


def _insert(rows: list[dict]) -> None:
    names = ("code", *WRITTEN)
    fields = _columns(names)
    converters = _converters(fields)
    sql.insert(
        Dossier._meta.db_table,
        [f.column for f in fields],
        [_prepared(names, converters, row) for row in rows],
    )


def _update(rows: list[tuple[dict, int]]) -> None:
    fields = _columns(WRITTEN)
    converters = _converters(fields)
    sql.update(
        Dossier._meta.db_table,
        ["id"],
        [f.column for f in fields],
        [[*_prepared(WRITTEN, converters, row), pk] for row, pk in rows],
    )


def analyze() -> None:
    """The planner's statistics of the tables a bulk write fills (after it commits)."""
    sql.analyze(*(m._meta.db_table for m in (Dossier, DailyAggregate, MonthlyAggregate)))
