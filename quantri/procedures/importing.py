"""XLSX import and export of the catalogue.

The import is all or nothing: every row of every sheet is checked first and each problem is
reported with its sheet, row and column; only a clean workbook is saved, in one transaction.
Procedures are matched by national code, so importing the same file twice changes nothing
and an edited file updates what changed.
"""

import datetime
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from quantri.core.sheets import ReadWorkbook, Row, WorkbookError, in_all_languages
from quantri.core.text import fold
from quantri.core.uploads import XLSX, detect_kind
from quantri.orgs.models import Agency
from quantri.procedures import spreadsheet
from quantri.procedures.models import (
    CODE_PATTERN,
    Level,
    OnlineService,
    Procedure,
    ProcedureField,
)
from quantri.procedures.services import (
    FeeData,
    ProcedureData,
    field_add,
    field_save,
    procedure_save,
)

MAX_ERRORS_SHOWN = 50
_TRUE = {"1", "x", "yes", "y", "true", "co"}
_FALSE = {"", "0", "no", "n", "false", "khong"}


class CatalogueImportError(Exception):
    """A workbook that cannot be imported; `errors` lists every problem found."""

    def __init__(self, errors: list[str]):
        self.errors = errors
        shown = errors[:MAX_ERRORS_SHOWN]
        if len(errors) > MAX_ERRORS_SHOWN:
            shown.append(_("… and %(n)s more.") % {"n": len(errors) - MAX_ERRORS_SHOWN})
        super().__init__("\n".join(shown))


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    fields_saved: int = 0
    warnings: list[str] = field(default_factory=list)
    dry_run: bool = False

    @property
    def total(self) -> int:
        return len(self.created) + len(self.updated) + len(self.unchanged)


class _DryRun(Exception):
    """Raised inside the transaction to roll a dry run back after everything was checked."""


def catalogue_import(
    *,
    content: bytes,
    user,
    agencies=None,
    default_agency: Agency | None = None,
    owns_fields: bool = False,
    dry_run: bool = False,
    track: Callable[[Iterable], Iterable] = lambda rows: rows,
) -> ImportReport:
    """Import a catalogue workbook. `agencies` limits the implementing agencies rows may name
    (the ones the user manages); rows with no agency take `default_agency`.

    Fields (lĩnh vực) are shared by every agency's procedures and shown on every agency's
    public pages, so only their owner — an administrator, or the operator running the
    command for no particular agency: `owns_fields` — renames or reorders them. Anyone
    else's workbook may add a field the catalogue lacks (it changes nothing another agency
    shows); a known field keeps its name and place, and a different name in the workbook
    is reported as a warning."""
    if detect_kind(content) != XLSX:
        raise CatalogueImportError([_("The file is not an .xlsx workbook.")])
    try:
        book = spreadsheet.read_workbook(content)
    except WorkbookError as exc:
        raise CatalogueImportError([str(exc)]) from None
    checker = _Checker(agencies if agencies is not None else Agency.objects.all(), default_agency)
    fields, procedures = checker.check(book)
    if checker.errors:
        raise CatalogueImportError(checker.errors)
    report = ImportReport(dry_run=dry_run)
    try:
        with transaction.atomic():
            _save_fields(fields, report, owns_fields)
            _save(procedures, user, report, track)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return report


def _save_fields(fields, report: ImportReport, owns_fields: bool) -> None:
    if owns_fields:
        for order, (_row, code, name) in enumerate(fields, start=1):
            report.fields_saved += field_save(code=code, name=name, order=order)[1]
        return
    for row, code, name in fields:
        kept, created = field_add(code=code, name=name)
        report.fields_saved += created
        if kept.name != name:
            report.warnings.append(
                _(
                    "%(where)s: the field %(code)s keeps its name “%(kept)s”; fields are "
                    "shared by every agency and only an administrator renames them."
                )
                % {"where": row.where("name"), "code": code, "kept": kept.name}
            )


def _save(procedures, user, report: ImportReport, track) -> None:
    known = {f.code: f for f in ProcedureField.objects.all()}
    errors = []
    for row, data in track(procedures):
        data.field = known[data.field]  # checked as a code: the sheet's fields were not saved yet
        try:
            procedure, result = procedure_save(data=data, user=user)
        except ValidationError as exc:
            errors.append(f"{row.where('code')}: {_join(exc)}")
            continue
        getattr(report, result).append(procedure.code)
    if errors:
        raise CatalogueImportError(errors)


def _join(exc: ValidationError) -> str:
    if not hasattr(exc, "error_dict"):
        return " ".join(exc.messages)
    return "; ".join(f"{name}: {' '.join(msgs)}" for name, msgs in exc.message_dict.items())


class _Checker:
    """Turns rows into data, collecting every problem with where it is."""

    def __init__(self, agencies, default_agency):
        self.errors: list[str] = []
        self.agencies = {a.code: a for a in agencies}
        self.default_agency = default_agency
        self.field_codes = set(ProcedureField.objects.values_list("code", flat=True))
        self.owners: dict[str, Agency] = {}

    def error(self, row: Row, key: str, message: str) -> None:
        self.errors.append(f"{row.where(key)}: {message}")

    def check(self, book: ReadWorkbook):
        self.errors.extend(book.errors)
        fields = self._fields(book.rows["fields"])
        codes = [row.text("code") for row in book.rows["procedures"]]
        self.owners = {
            p.code: p.agency
            for p in Procedure.objects.filter(code__in=codes).select_related("agency")
        }
        procedures = self._procedures(book.rows["procedures"])
        by_code = {data.code: data for _row, data in procedures}
        for row in book.rows["documents"]:
            self._document(row, by_code)
        for row in book.rows["fees"]:
            self._fee(row, by_code)
        if not procedures and not self.errors:
            self.errors.append(
                _("The sheet “%(sheet)s” has no rows.") % {"sheet": spreadsheet.PROCEDURES.title}
            )
        return fields, procedures

    def _fields(self, rows: list[Row]) -> list[tuple[Row, str, str]]:
        fields = []
        for row in rows:
            code, name = row.text("code"), row.text("name")
            if not code:
                self.error(row, "code", _("a field code is required."))
            elif not name:
                self.error(row, "name", _("a field name is required."))
            else:
                fields.append((row, code[:30], name[:255]))
                self.field_codes.add(code)
        return fields

    def _procedures(self, rows: list[Row]) -> list[tuple[Row, ProcedureData]]:
        seen: dict[str, int] = {}
        result = []
        for row in rows:
            data = self._procedure(row)
            if data is None:
                continue
            if data.code in seen:
                self.error(
                    row,
                    "code",
                    _("%(code)s is already on row %(row)s.")
                    % {"code": data.code, "row": seen[data.code]},
                )
                continue
            seen[data.code] = row.number
            result.append((row, data))
        return result

    def _procedure(self, row: Row) -> ProcedureData | None:
        before = len(self.errors)
        values = {
            "code": self._code(row, "code"),
            "name": self._required(row, "name"),
            "field": self._field(row),
            "level": self._choice(row, "level", Level, required=True),
            "agency": self._agency(row),
            "processing_days": self._integer(row, "processing_days", 0, 32767),
            "processing_time_text": row.text("processing_time_text")[:500],
            "online_service": self._choice(row, "online_service", OnlineService) or "none",
            "old_online_level": self._integer(row, "old_online_level", 1, 4),
            "steps": _lines(row.text("steps")),
            "legal_bases": _lines(row.text("legal_bases")),
            "is_published": self._boolean(row, "published"),
            "last_reviewed_on": self._date(row, "last_reviewed_on"),
        }
        if len(self.errors) > before:
            return None
        return ProcedureData(**values)

    def _required(self, row: Row, key: str) -> str:
        text = row.text(key)
        if not text:
            self.error(row, key, _("this cell must not be empty."))
        return text

    def _code(self, row: Row, key: str) -> str:
        code = self._required(row, key)
        if code and not re.match(CODE_PATTERN, code):
            self.error(
                row, key, _("%(code)s is not a national code such as 1.001234.") % {"code": code}
            )
        owner = self.owners.get(code)
        if owner is not None and owner.code not in self.agencies:
            # Without naming the owner: the code is all the importer brought.
            self.error(
                row,
                key,
                _("%(code)s is a procedure of an agency whose procedures you may not manage.")
                % {"code": code},
            )
        return code

    def _field(self, row: Row) -> str:
        code = self._required(row, "field")
        if code and code not in self.field_codes:
            self.error(
                row,
                "field",
                _("no field has the code %(code)s (add it to the “%(sheet)s” sheet).")
                % {"code": code, "sheet": spreadsheet.FIELDS.title},
            )
        return code

    def _agency(self, row: Row) -> Agency | None:
        code = row.text("agency")
        if not code:
            if self.default_agency is None:
                self.error(row, "agency", _("give the implementing agency's code."))
            return self.default_agency
        agency = self.agencies.get(code)
        if agency is None:
            self.error(
                row,
                "agency",
                _("%(code)s is not an agency whose procedures you may manage.") % {"code": code},
            )
        return agency

    def _choice(self, row: Row, key: str, choices, required: bool = False) -> str:
        text = fold(row.text(key))
        if not text:
            if required:
                self.error(row, key, _("this cell must not be empty."))
            return ""
        for value, label in choices.choices:
            if text == value or text in in_all_languages(label):
                return value
        labels = ", ".join(str(label) for _value, label in choices.choices)
        self.error(
            row,
            key,
            _("“%(value)s” is not one of: %(labels)s.")
            % {"value": row.text(key), "labels": labels},
        )
        return ""

    def _integer(self, row: Row, key: str, low: int, high: int) -> int | None:
        value = row.values.get(key)
        if value in (None, ""):
            return None
        try:
            number = Decimal(str(value).strip())
        except InvalidOperation:
            number = None
        if number is None or number != number.to_integral_value() or not low <= number <= high:
            self.error(
                row,
                key,
                _("“%(value)s” is not a whole number from %(low)s to %(high)s.")
                % {"value": value, "low": low, "high": high},
            )
            return None
        return int(number)

    def _boolean(self, row: Row, key: str) -> bool:
        value = row.values.get(key)
        if isinstance(value, bool):
            return value
        text = fold(row.text(key))
        if text in _TRUE or text in in_all_languages(spreadsheet.YES):
            return True
        if text in _FALSE or text in in_all_languages(spreadsheet.NO):
            return False
        self.error(row, key, _("“%(value)s” is not yes or no.") % {"value": row.text(key)})
        return False

    def _date(self, row: Row, key: str) -> datetime.date | None:
        value = row.values.get(key)
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        text = row.text(key)
        if not text:
            return None
        try:
            return datetime.datetime.strptime(text, "%d/%m/%Y").date()
        except ValueError:
            self.error(row, key, _("“%(value)s” is not a date (dd/mm/yyyy).") % {"value": text})
            return None

    def _document(self, row: Row, by_code: dict[str, ProcedureData]) -> None:
        data = self._parent(row, by_code)
        name = self._required(row, "name")
        if data is not None and name:
            data.documents.append(
                {"name": name, "copies": row.text("copies"), "form": row.text("form")}
            )

    def _fee(self, row: Row, by_code: dict[str, ProcedureData]) -> None:
        data = self._parent(row, by_code)
        name = self._required(row, "name")
        amount = self._amount(row)
        amount_text = row.text("amount_text")[:500]
        if amount is None and not amount_text and row.values.get("amount") in (None, ""):
            self.error(row, "amount", _("give an amount, or the amount as written."))
            return
        if data is not None and name:
            fee = FeeData(name[:500], amount, amount_text, row.text("legal_basis")[:500])
            data.fees.append(fee)

    def _parent(self, row: Row, by_code: dict[str, ProcedureData]) -> ProcedureData | None:
        code = self._required(row, "procedure")
        if code and code not in by_code:
            self.error(
                row,
                "procedure",
                _("%(code)s is not a valid procedure of the “%(sheet)s” sheet.")
                % {"code": code, "sheet": spreadsheet.PROCEDURES.title},
            )
        return by_code.get(code)

    def _amount(self, row: Row) -> Decimal | None:
        value = row.values.get("amount")
        if value in (None, ""):
            return None
        if isinstance(value, int | float | Decimal):
            text = str(value)
        else:  # "1.500.000" or "1,500,000": separators of thousands, never decimals in đồng
            text = re.sub(r"[.,\s]", "", str(value))
        try:
            amount = Decimal(text)
        except InvalidOperation:
            amount = None
        if amount is None or amount < 0 or amount != amount.to_integral_value():
            self.error(row, "amount", _("“%(value)s” is not an amount in đồng.") % {"value": value})
            return None
        return amount


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def catalogue_export(*, procedures) -> bytes:
    """The workbook catalogue_import reads, for these procedures and the fields they use."""
    procedures = list(procedures.select_related("field", "agency").prefetch_related("fees"))
    field_ids = {p.field_id for p in procedures}
    fields = ProcedureField.objects.filter(pk__in=field_ids)
    rows = {
        "fields": [{"code": f.code, "name": f.name} for f in fields],
        "procedures": [_procedure_row(p) for p in procedures],
        "documents": [
            {"procedure": p.code, **document} for p in procedures for document in p.documents
        ],
        "fees": [_fee_row(p, fee) for p in procedures for fee in p.fees.all()],
    }
    return spreadsheet.write_workbook(rows)


def _procedure_row(p: Procedure) -> dict:
    return {
        "code": p.code,
        "name": p.name,
        "field": p.field.code,
        "level": str(p.get_level_display()),
        "agency": p.agency.code,
        "processing_days": p.processing_days,
        "processing_time_text": p.processing_time_text,
        "online_service": str(p.get_online_service_display()),
        "old_online_level": p.old_online_level,
        "steps": p.steps,
        "legal_bases": p.legal_bases,
        "published": str(spreadsheet.YES if p.is_published else spreadsheet.NO),
        "last_reviewed_on": p.last_reviewed_on,
    }


def _fee_row(p: Procedure, fee) -> dict:
    return {
        "procedure": p.code,
        "name": fee.name,
        "amount": int(fee.amount) if fee.amount is not None else None,
        "amount_text": fee.amount_text,
        "legal_basis": fee.legal_basis,
    }
