"""Import dossiers from a one-stop system's export (CSV or XLSX) or from API records.

Idempotent by dossier code: a known code is updated, a new one created (quantri.dossiers.bulk).
Every bad cell is reported as "row N, column X: …"; nothing is written unless every row is
good (or, with partial=True, the good rows are written and the bad ones reported)."""

import csv
import datetime
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from tqdm import tqdm

from quantri.core.cells import control_character
from quantri.core.text import fold
from quantri.dossiers import aggregates, bulk, codes, services
from quantri.dossiers.import_values import COLUMNS, ChoiceReader
from quantri.dossiers.models import (
    DONE_STATES,
    Channel,
    ColumnMapping,
    DossierImport,
    State,
)
from quantri.orgs.models import Agency
from quantri.procedures.models import Procedure

# Our own export format: the header of each field is its name.
FIELDS = (
    "code",
    "procedure",
    "agency",
    "unit",
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
    rejected: int = 0  # rows with at least one error
    errors: list[str] = field(default_factory=list)


def mapping_for(source: str) -> dict[str, str]:
    return source_settings(source)[0]


def source_settings(source: str) -> tuple[dict[str, str], dict[str, dict]]:
    """A source's column names (ours where it saved none) and its own choice words."""
    saved = ColumnMapping.objects.filter(source=source).first()
    if saved is None:
        return dict(DEFAULT_MAPPING), {}
    if not isinstance(saved.values or {}, dict):
        raise ValueError(f"source {source}: its words must be {{column: {{their word: code}}}}")
    return DEFAULT_MAPPING | saved.columns, saved.values or {}


def iter_rows(path: Path, *, max_bytes: int | None = None) -> Iterator[list]:
    """Each row's cells; ValueError naming the file when it is too large or unreadable.
    Reads as it goes: memory stays flat for any size."""
    size = path.stat().st_size
    if max_bytes is not None and size > max_bytes:
        raise ValueError(f"{path.name}: the file is larger than {max_bytes // 2**20} MB")
    with path.open("rb") as handle:
        magic = handle.read(4)
    yield from _xlsx_rows(path) if magic == b"PK\x03\x04" else _csv_rows(path)


HEADER_SEARCH = 20  # rows above the header: the agency, the report's title, its period…


def heading(cell) -> str:
    """A header cell as compared with a mapping: case, diacritics, spaces and line breaks
    inside the cell ignored ("Ngày\ntiếp nhận" is "ngày tiếp nhận")."""
    return fold(str(cell or ""))


def find_header(rows: Iterator[list], mapping: dict, name: str) -> tuple[int, dict[str, int]]:
    """Skip the title block some exports carry above their header: the header is the first
    of the first HEADER_SEARCH rows holding every required column. Returns its row number
    and each mapped column's position (by the mapping's header text)."""
    wanted = {field: heading(mapping[field]) for field in FIELDS}
    first = None
    for number, row in enumerate(rows, start=1):
        found: dict[str, int] = {}
        for position, cell in enumerate(row):
            found.setdefault(heading(cell), position)
        first = first if first is not None else found
        if all(wanted[field] in found for field in REQUIRED):
            return number, {
                mapping[field]: found[text] for field, text in wanted.items() if text in found
            }
        if number == HEADER_SEARCH:
            break
    if first is None:
        raise ValueError(f"{name}: the file is empty")
    missing = [mapping[field] for field in REQUIRED if wanted[field] not in first]
    raise ValueError(
        f"{name}: missing column(s) {', '.join(missing)} "
        f"(no header row with them among the first {HEADER_SEARCH} rows)"
    )


def _csv_rows(path: Path) -> Iterator[list]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        try:
            yield from csv.reader(handle)
        except UnicodeDecodeError:
            raise ValueError(f"{path.name}: neither an XLSX workbook nor UTF-8 CSV") from None
        except csv.Error as error:
            raise ValueError(f"{path.name}: not a readable CSV file ({error})") from None


def _xlsx_rows(path: Path) -> Iterator[list]:
    from quantri.core.spreadsheets import UnreadableSpreadsheet, open_workbook, read_rows

    # openpyxl's message would name the server's temporary copy of an upload: only the name.
    unreadable = f"{path.name}: not a readable XLSX workbook"
    try:
        book = open_workbook(path, read_only=True, data_only=True)
    except UnreadableSpreadsheet:
        raise ValueError(unreadable) from None
    read = 0  # rows handed on, for the message below
    try:
        for row in read_rows(book.active):
            yield ["" if v is None else v for v in row]
            read += 1
    except UnreadableSpreadsheet:
        # The sheet is parsed as it is read, so a cell no XML may hold (a NUL or another
        # control character, written by hand into the file) stops it midway.
        message = _("%(name)s, row %(row)s: a cell holds a control character (such as NUL)")
        raise ValueError(message % {"name": path.name, "row": read + 1}) from None
    finally:
        book.close()


_ZONE = timezone.get_default_timezone  # cached by Django
DAY_MONTH_YEAR = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?")
# The other ways one-stop systems write a moment: 15-03-2024, 15.03.2024, and the time first
# ("08:30 15/03/2024", "08 giờ 30 phút, ngày 15/03/2024" as on a receipt).
_DATE = r"(?P<day>\d{1,2})[/.-](?P<month>\d{1,2})[/.-](?P<year>\d{4})"
_TIME = (
    r"(?P<hour>\d{1,2})\s*(?::|giờ|h)\s*(?P<minute>\d{1,2})"
    r"(?:\s*(?::|phút)\s*(?P<second>\d{1,2})?)?"
)
OTHER_MOMENTS = (
    re.compile(rf"{_DATE}(?:[\sT,]+{_TIME}\s*(?:giây)?)?", re.IGNORECASE),
    re.compile(rf"{_TIME}\s*(?:giây)?[\s,]+(?:ngày\s*)?{_DATE}", re.IGNORECASE),
)


def parse_moment(value) -> datetime.datetime:
    """dd/mm/yyyy [hh:mm[:ss]] as the one-stop systems write it, or ISO 8601; local time
    unless the text names its offset."""
    if isinstance(value, datetime.datetime):
        moment = value
    elif isinstance(value, datetime.date):
        moment = datetime.datetime.combine(value, datetime.time())
    else:
        text = str(value).strip()
        match = DAY_MONTH_YEAR.fullmatch(text)
        try:
            if match:
                day, month, year, hour, minute, second = (int(g or 0) for g in match.groups())
                moment = datetime.datetime(year, month, day, hour, minute, second)
            else:
                moment = _other_moment(text)
        except ValueError:
            raise ValueError(f"“{text}” is not a date and time (dd/mm/yyyy hh:mm)") from None
    # replace() is how Django's make_aware attaches a zoneinfo zone (fold handled by zoneinfo).
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=_ZONE())


def _other_moment(text: str) -> datetime.datetime:
    for pattern in OTHER_MOMENTS:
        match = pattern.fullmatch(text)
        if match:
            parts = {name: int(value or 0) for name, value in match.groupdict().items()}
            return datetime.datetime(**parts)
    return datetime.datetime.fromisoformat(text)


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
        self.due_dates = services.due_dates()


def _text(limit: int):
    return lambda text: text[:limit]


class Cleaner:
    """Turns one row into Dossier field values: one (field, header, converter, default) entry
    per column, built once per import — a province's file has a million rows."""

    def __init__(
        self,
        mapping: dict,
        lookups: Lookups,
        allowed: set[int] | None = None,
        words: dict | None = None,
    ):
        """`words`: a source's own words in its choice columns ({"state": {text: code}})."""
        self.mapping, self.lookups, self.allowed = mapping, lookups, allowed
        known = _known
        procedures, agencies = lookups.procedures, lookups.agencies
        words = words or {}
        channel, state, rating = (
            ChoiceReader(COLUMNS[name], words.get(name), where=f"the source's words for {name}: ")
            for name in ("channel", "state", "rating")
        )
        self.columns = [
            (name, mapping.get(source, source), convert, default)
            for name, source, convert, default in (
                ("code", "code", lambda t: codes.normalise(t)[:60], None),
                ("procedure", "procedure", lambda t: known(procedures, t, "procedure"), None),
                ("agency_id", "agency", lambda t: known(agencies, t, "agency"), None),
                ("unit_id", "unit", lambda t: known(agencies, t, "unit"), None),
                ("applicant_name", "applicant_name", _text(255), None),
                ("applicant_id", "applicant_id", _text(30), ""),
                ("applicant_phone", "applicant_phone", _text(20), ""),
                ("applicant_address", "applicant_address", _text(255), ""),
                ("channel", "channel", channel, None),
                ("received_at", "received_at", parse_moment, None),
                ("due_at", "due_at", parse_moment, None),
                ("state", "state", state, None),
                ("result_at", "result_at", parse_moment, None),
                ("returned_at", "returned_at", parse_moment, None),
                ("paid_online", "paid_online", _flag, False),
                ("digitised", "digitised", _flag, False),
                ("complaint", "complaint", _flag, False),
                ("rating", "rating", rating, ""),
            )
        ]
        self.required = {mapping.get(n, n) for n in REQUIRED}

    def __call__(self, raw: dict) -> tuple[dict, list[tuple[str, str]]]:
        """The row's values, and the (column, message) pairs of its errors."""
        errors: list[tuple[str, str]] = []
        values: dict = {}
        # One look at the whole row (isprintable is false for any control character, and for
        # a few harmless ones such as a no-break space); the cells are searched one by one only
        # then: a search per cell would cost a tenth of the import's time.
        suspect = not "".join([c for c in raw.values() if isinstance(c, str)]).isprintable()
        for name, header, convert, default in self.columns:
            cell = raw.get(header, "")
            text = cell.strip() if isinstance(cell, str) else cell
            if text == "" or text is None:
                if header in self.required:
                    errors.append((header, "required"))
                values[name] = default
                continue
            if (
                suspect
                and isinstance(text, str)
                and (bad := control_character(text, code=name != "applicant_name"))
            ):
                errors.append(
                    (header, _("contains the control character %(char)s") % {"char": bad})
                )
                values[name] = default
                continue
            try:
                values[name] = convert(text if isinstance(text, str | datetime.date) else str(text))
            except (ValueError, KeyError) as error:
                errors.append((header, str(error).strip("'")))
                values[name] = default
        values["unit_id"] = values["unit_id"] or values["agency_id"]
        if self.allowed is not None:
            for name in ("agency", "unit"):
                value = values[f"{name}_id"]
                repeated = name == "unit" and value == values["agency_id"]
                if value is not None and value not in self.allowed and not repeated:
                    errors.append((self.mapping.get(name, name), "not an agency you manage"))
        procedure = values.pop("procedure")
        if errors:
            return values, errors
        return _complete(values, procedure, self.lookups, self.mapping, errors), errors


def _complete(values, procedure, lookups, mapping, errors) -> dict:
    values["procedure_id"] = procedure.pk
    if values["due_at"] is None:
        zone = _ZONE()
        local = values["received_at"].astimezone(zone).replace(tzinfo=None)
        due = lookups.due_dates(local, procedure)
        values["due_at"] = due.replace(tzinfo=zone)
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


NUMBER = re.compile(r"\d+\.\d+")


def _known(table: dict, code: str, what: str):
    if code in table:
        return table[code]
    # A spreadsheet that took the national code 1.001230 for a number shows 1.00123: the
    # codes have six digits after the dot.
    if what == "procedure" and NUMBER.fullmatch(code):
        padded = f"{float(code):.6f}"
        if padded in table:
            return table[padded]
    raise ValueError(f"unknown {what} “{code}”")


CHUNK = 5000
ANALYZE_AFTER = 10_000  # rows written by one import that make the planner's statistics stale
MAX_ERRORS = 1000  # reported one by one; beyond that only counted


class _Refused(Exception):
    """Raised inside the import's transaction to undo it when any row is bad."""


def import_file(
    path: Path,
    *,
    source: str,
    partial: bool = False,
    user=None,
    allowed: set[int] | None = None,
    max_bytes: int | None = None,
    progress: bool = False,
) -> Result:
    """Import one export file. `allowed`: the agency ids the user may import for (a row of
    another agency is an error; None for the command line). `max_bytes` limits uploads; the
    command line reads any size, a row at a time (a province's year is hundreds of MB)."""
    mapping, words = source_settings(source)
    rows = iter_rows(path, max_bytes=max_bytes)
    header_row, positions = find_header(rows, mapping, path.name)
    # A line with none of the required cells is no dossier: a blank line, the footer
    # under the table ("Người lập biểu", a signature, a total). It is skipped, not an error.
    required = [positions[mapping[field]] for field in REQUIRED]
    numbered = (
        (number, {header: row[i] if i < len(row) else "" for header, i in positions.items()})
        for number, row in enumerate(rows, start=header_row + 1)
        if any(i < len(row) and row[i] not in ("", None) for i in required)
    )
    return run(
        numbered,
        mapping=mapping,
        words=words,
        partial=partial,
        where=lambda number, column: f"{path.name}, row {number}, column {column}",
        audit={"source": source, "file_name": path.name, "user": user},
        allowed=allowed,
        progress=progress,
    )


def import_records(
    records: list[dict],
    *,
    partial: bool = False,
    user=None,
    key=None,
    allowed: set[int] | None = None,
) -> Result:
    """Import dossiers sent as JSON objects named like our export's columns (the API), by a
    signed-in `user` or a one-stop system's `key` (SourceKey: its name is the source)."""
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise ValueError("the body must be a list of dossier objects")
    return run(
        enumerate(records, start=1),
        mapping=DEFAULT_MAPPING,
        partial=partial,
        where=lambda number, column: f"item {number}, field {column}",
        audit={
            "source": key.name[:60] if key is not None else "api",
            "file_name": f"API, {len(records)} records",
            "user": user,
            "key": key,
        },
        allowed=allowed,
    )


def run(
    numbered, *, mapping, partial, where, audit, allowed=None, words=None, progress=False
) -> Result:
    """Check every row; write the good ones chunk by chunk in one transaction, which is
    undone at the end when a row was bad and `partial` is off (every error is still found
    and reported, so one run lists everything to fix).

    With `allowed`, a row whose code is already a dossier of an agency outside it is a row
    error: codes are unique across all agencies, and without this an import naming its own
    agency would take another agency's dossier over (issue 11)."""
    clean, result, seen = Cleaner(mapping, Lookups(), allowed, words), Result(), set()
    deltas: dict = defaultdict(Counter)
    try:
        with transaction.atomic():
            record = DossierImport.objects.create(**audit, partial=partial)
            batch = _Batch(result, deltas, record, mapping, where, allowed, partial)
            for number, raw in tqdm(numbered, desc="Importing", unit=" rows", disable=not progress):
                values, errors = clean(raw)
                if not errors and values["code"] in seen:
                    errors.append((mapping["code"], "the same code appears twice in the file"))
                if errors:
                    _reject(result, where, number, errors)
                    continue
                seen.add(values["code"])
                batch.add(number, values)
            batch.flush()
            if result.rejected and not partial:
                raise _Refused
            aggregates.write(deltas)
            record.created, record.updated = result.created, result.updated
            record.rejected = result.rejected
            record.save(update_fields=["created", "updated", "rejected"])
    except _Refused:
        result.created = result.updated = 0
    if result.created + result.updated >= ANALYZE_AFTER:
        bulk.analyze()
    return result


def _reject(result: Result, where, number: int, errors: list[tuple[str, str]]) -> None:
    result.rejected += 1
    for column, message in errors:
        if len(result.errors) < MAX_ERRORS:
            result.errors.append(f"{where(number, column)}: {message}")
        elif len(result.errors) == MAX_ERRORS:
            result.errors.append(f"… more errors after the first {MAX_ERRORS}")


@dataclass
class _Batch:
    """Rows whose cells are good, held until CHUNK of them can be checked against the stored
    dossiers in one query (whose codes are out of reach) and written."""

    result: Result
    deltas: dict
    record: DossierImport
    mapping: dict
    where: Callable[[int, str], str]
    allowed: set[int] | None
    partial: bool
    rows: list = field(default_factory=list)

    def add(self, number: int, values: dict) -> None:
        self.rows.append((number, values))
        if len(self.rows) >= CHUNK:
            self.flush()

    def flush(self) -> None:
        held = bulk.held_elsewhere([values["code"] for _n, values in self.rows], self.allowed)
        chunk = []
        for number, values in self.rows:
            if values["code"] in held:
                # Says neither whose dossier it is nor anything of what it holds.
                message = _("this code belongs to a dossier outside the agencies you manage")
                _reject(self.result, self.where, number, [(self.mapping["code"], message)])
            elif self.partial or not self.result.rejected:  # after a fatal error: only checked
                chunk.append(values)
        self.rows.clear()
        _write(chunk, self.result, self.deltas, self.record)


def _write(chunk: list, result: Result, deltas, record) -> None:
    created, updated = bulk.save(chunk, deltas=deltas, last_import=record)
    result.created += created
    result.updated += updated
    chunk.clear()
