"""Import dossiers from a one-stop system's export (CSV or XLSX) and write many dossiers at
once (the import, the generator and the demo share bulk_save).

Idempotent by dossier code: a known code is updated, a new one created. Every bad cell is
reported as "row N, column X: …"; nothing is written unless every row is good (or, with
partial=True, the good rows are written and the bad ones reported)."""

import csv
import datetime
import io
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from quantri.core.calendar import working_calendar
from quantri.dossiers import aggregates, services
from quantri.dossiers.models import (
    DONE_STATES,
    Channel,
    ColumnMapping,
    Dossier,
    Rating,
    State,
)
from quantri.orgs.models import Agency
from quantri.procedures.models import Procedure

MAX_BYTES = 200 * 1024 * 1024

# Our own export format: the header of each field is its name.
FIELDS = (
    "code",
    "procedure",
    "agency",
    "unit",
    "applicant_name",
    "applicant_id",
    "channel",
    "received_at",
    "due_at",
    "state",
    "result_at",
    "returned_at",
    "paid_online",
    "digitised",
    "rating",
    "complaint",
)
REQUIRED = ("code", "procedure", "agency", "applicant_name", "channel", "received_at", "state")
DEFAULT_MAPPING = {name: name for name in FIELDS}
TRUE = {"1", "true", "x", "yes", "có", "co", "c"}
FALSE = {"", "0", "false", "no", "không", "khong", "k"}


@dataclass
class Result:
    created: int = 0
    updated: int = 0
    errors: list[str] = field(default_factory=list)


def mapping_for(source: str) -> dict[str, str]:
    saved = ColumnMapping.objects.filter(source=source).first()
    return DEFAULT_MAPPING | (saved.columns if saved else {})


def read_rows(path: Path) -> list[dict[str, str]]:
    """The file's rows as {header: text}; ValueError naming the file when unreadable."""
    if path.stat().st_size > MAX_BYTES:
        raise ValueError(f"{path.name}: the file is larger than {MAX_BYTES // 2**20} MB")
    content = path.read_bytes()
    if content[:4] == b"PK\x03\x04":
        return _xlsx_rows(path, content)
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValueError(f"{path.name}: neither an XLSX workbook nor UTF-8 CSV") from None
    return list(csv.DictReader(io.StringIO(text)))


def _xlsx_rows(path: Path, content: bytes) -> list[dict[str, str]]:
    from openpyxl import load_workbook

    try:
        sheet = load_workbook(io.BytesIO(content), read_only=True, data_only=True).active
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise ValueError(f"{path.name}: not a readable XLSX workbook ({error})") from None
    values = sheet.iter_rows(values_only=True)
    header = [str(h or "").strip() for h in next(values, [])]
    return [
        {h: "" if v is None else v for h, v in zip(header, row, strict=False)} for row in values
    ]


def parse_moment(value) -> datetime.datetime:
    if isinstance(value, datetime.datetime):
        moment = value
    else:
        text = str(value).strip()
        for pattern in ("%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%d/%m/%Y"):
            try:
                moment = datetime.datetime.strptime(text, pattern)
                break
            except ValueError:
                continue
        else:
            try:
                moment = datetime.datetime.fromisoformat(text)
            except ValueError:
                raise ValueError("not a date and time (dd/mm/yyyy hh:mm)") from None
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment)


def _flag(value) -> bool:
    text = str(value).strip().lower()
    if text in TRUE:
        return True
    if text in FALSE:
        return False
    raise ValueError("not yes/no (1 or 0)")


class Lookups:
    """Procedures and agencies by code, loaded once per file."""

    def __init__(self):
        self.procedures = {p.code: p for p in Procedure.objects.all()}
        self.agencies = dict(Agency.objects.values_list("code", "pk"))
        self.calendar = working_calendar()


def clean_row(raw: dict, mapping: dict, lookups: Lookups) -> tuple[dict, list[tuple[str, str]]]:
    """One file row → Dossier field values, and the (column, message) pairs of its errors."""
    errors: list[tuple[str, str]] = []
    values: dict = {}

    def cell(name):
        return raw.get(mapping.get(name, name), "")

    def check(name, convert):
        text = cell(name)
        if str(text).strip() == "":
            if name in REQUIRED:
                errors.append((mapping.get(name, name), "required"))
            return None
        try:
            return convert(text)
        except (ValueError, KeyError) as error:
            errors.append((mapping.get(name, name), str(error).strip("'")))
            return None

    values["code"] = check("code", lambda t: str(t).strip()[:60])
    procedure = check(
        "procedure", lambda t: _known(lookups.procedures, str(t).strip(), "procedure")
    )
    values["agency_id"] = check(
        "agency", lambda t: _known(lookups.agencies, str(t).strip(), "agency")
    )
    values["unit_id"] = (
        check("unit", lambda t: _known(lookups.agencies, str(t).strip(), "unit"))
        or values["agency_id"]
    )
    values["applicant_name"] = check("applicant_name", lambda t: str(t).strip()[:255])
    values["applicant_id"] = check("applicant_id", lambda t: str(t).strip()[:30]) or ""
    values["channel"] = check("channel", lambda t: _choice(t, Channel))
    values["received_at"] = check("received_at", parse_moment)
    values["due_at"] = check("due_at", parse_moment)
    values["state"] = check("state", lambda t: _choice(t, State))
    values["result_at"] = check("result_at", parse_moment)
    values["returned_at"] = check("returned_at", parse_moment)
    for name in ("paid_online", "digitised", "complaint"):
        values[name] = check(name, _flag) or False
    values["rating"] = check("rating", lambda t: _choice(t, Rating)) or ""
    if errors:
        return values, errors
    return _complete(values, procedure, lookups, mapping, errors), errors


def _complete(values, procedure, lookups, mapping, errors) -> dict:
    values["procedure_id"] = procedure.pk
    if values["due_at"] is None:
        values["due_at"] = services.compute_due_at(
            procedure=procedure,
            channel=values["channel"],
            received_at=values["received_at"],
            calendar=lookups.calendar,
        )
    values["online_type"] = (
        procedure.online_service if values["channel"] == Channel.ONLINE else "none"
    )
    values["outcome"] = ""
    if values["state"] in DONE_STATES:
        if values["result_at"] is None:
            errors.append((mapping["result_at"], "required for a processed dossier"))
        else:
            values["outcome"] = services.outcome_of(values["due_at"], values["result_at"])
    if values["state"] == State.RETURNED and values["returned_at"] is None:
        errors.append((mapping["returned_at"], "required for a returned dossier"))
    if values["due_at"] < values["received_at"]:
        errors.append((mapping["due_at"], "before the reception time"))
    return values


def _known(table: dict, code: str, what: str):
    if code not in table:
        raise ValueError(f"unknown {what} “{code}”")
    return table[code]


def _choice(text, choices) -> str:
    value = str(text).strip()
    if value in choices.values:
        return value
    raise ValueError(f"“{value}” is not one of {', '.join(choices.values)}")


UPDATABLE = [
    name
    for name in (
        "procedure_id",
        "agency_id",
        "unit_id",
        "applicant_name",
        "applicant_id",
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
]


@transaction.atomic
def bulk_save(
    rows: list[dict], *, batch_size: int = 2000, days: set | None = None
) -> tuple[int, int]:
    """Create or update dossiers by code, then rebuild the aggregates of the days touched
    (before and after). Returns (created, updated). A caller writing many chunks passes its
    own `days` set, collects the days there and rebuilds once at the end (in its transaction):
    a year of random days per chunk would otherwise rebuild the whole year every chunk."""
    rebuild_now = days is None
    days = set() if days is None else days
    existing = {}
    codes = [row["code"] for row in rows]
    for start in range(0, len(codes), 900):  # SQLite's variable limit
        for dossier in Dossier.objects.filter(code__in=codes[start : start + 900]):
            existing[dossier.code] = dossier
    new, changed = [], []
    for row in rows:
        dossier = existing.get(row["code"])
        if dossier is not None:
            days |= _days(dossier.received_at, dossier.result_at)
            for name in UPDATABLE:
                setattr(dossier, name, row[name])
            changed.append(dossier)
        else:
            new.append(Dossier(**{name: row[name] for name in ("code", *UPDATABLE)}))
        days |= _days(row["received_at"], row["result_at"])
    Dossier.objects.bulk_create(new, batch_size=batch_size)
    Dossier.objects.bulk_update(changed, UPDATABLE, batch_size=batch_size)
    if rebuild_now and days:
        aggregates.rebuild(days=days)
    return len(new), len(changed)


def _days(*moments) -> set[datetime.date]:
    return {timezone.localtime(m).date() for m in moments if m is not None}


def import_file(path: Path, *, source: str, partial: bool = False) -> Result:
    mapping = mapping_for(source)
    raw_rows = read_rows(path)
    missing = [mapping[n] for n in REQUIRED if raw_rows and mapping[n] not in raw_rows[0]]
    if missing:
        raise ValueError(f"{path.name}: missing column(s) {', '.join(missing)}")
    lookups, result, good, seen = Lookups(), Result(), [], set()
    for number, raw in enumerate(raw_rows, start=2):  # row 1 is the header
        values, errors = clean_row(raw, mapping, lookups)
        if not errors and values["code"] in seen:
            errors.append((mapping["code"], "the same code appears twice in the file"))
        for column, message in errors:
            result.errors.append(f"{path.name}, row {number}, column {column}: {message}")
        if not errors:
            seen.add(values["code"])
            good.append(values)
    if result.errors and not partial:
        return result
    result.created, result.updated = bulk_save(good)
    return result
