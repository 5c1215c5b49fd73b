"""The catalogue workbook: which sheets and columns it has, reading it into rows that know
their sheet and row number, and writing it. No database here: importing.py does that.

Sheets and column headers are written in the reader's language and recognised in any of the
product's languages (and without diacritics), so a file exported in English can be
re-imported by a Vietnamese user and the other way round.
"""

import datetime
import io
from dataclasses import dataclass, field
from xml.etree.ElementTree import ParseError

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font

from quantri.core.spreadsheets import append_row
from quantri.core.text import fold


@dataclass(frozen=True)
class Column:
    key: str
    label: object  # a gettext_lazy string
    required: bool = False
    width: int = 18


@dataclass(frozen=True)
class Sheet:
    key: str
    title: object
    columns: tuple[Column, ...]
    required: bool = False


FIELDS = Sheet(
    "fields",
    _("Fields"),
    (Column("code", _("Field code"), True, 14), Column("name", _("Field name"), True, 50)),
)
PROCEDURES = Sheet(
    "procedures",
    _("Procedures"),
    (
        Column("code", _("National code"), True, 14),
        Column("name", _("Procedure name"), True, 60),
        Column("field", _("Field code"), True, 14),
        Column("level", _("Level"), True, 12),
        Column("agency", _("Implementing agency code"), False, 20),
        Column("processing_days", _("Processing time (working days)"), False, 14),
        Column("processing_time_text", _("Processing time as written"), False, 30),
        Column("online_service", _("Online service"), False, 16),
        Column("old_online_level", _("Old online level (1–4)"), False, 10),
        Column("steps", _("Steps (one per line)"), False, 60),
        Column("legal_bases", _("Legal bases (one per line)"), False, 60),
        Column("published", _("Published"), False, 10),
        Column("last_reviewed_on", _("Last reviewed on"), False, 14),
    ),
    required=True,
)
DOCUMENTS = Sheet(
    "documents",
    _("Documents"),
    (
        Column("procedure", _("National code"), True, 14),
        Column("name", _("Document"), True, 60),
        Column("copies", _("Copies"), False, 20),
        Column("form", _("Form"), False, 30),
    ),
)
FEES = Sheet(
    "fees",
    _("Fees"),
    (
        Column("procedure", _("National code"), True, 14),
        Column("name", _("Fee or charge"), True, 40),
        Column("amount", _("Amount (VND)"), False, 14),
        Column("amount_text", _("Amount as written"), False, 40),
        Column("legal_basis", _("Legal basis"), False, 40),
    ),
)
SHEETS = (FIELDS, PROCEDURES, DOCUMENTS, FEES)
YES, NO = _("yes"), _("no")


class WorkbookError(Exception):
    """The file cannot be read as the catalogue workbook at all (one message)."""


@dataclass
class Row:
    sheet: Sheet
    number: int  # as Excel shows it, the header being row 1
    values: dict[str, object]

    def where(self, key: str) -> str:
        """ "Sheet “Procedures”, row 5, column “Level”" for a message."""
        column = next(c for c in self.sheet.columns if c.key == key)
        return _("Sheet “%(sheet)s”, row %(row)s, column “%(column)s”") % {
            "sheet": self.sheet.title,
            "row": self.number,
            "column": column.label,
        }

    def text(self, key: str) -> str:
        value = self.values.get(key)
        if value is None:
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return str(value).strip()


@dataclass
class ReadWorkbook:
    rows: dict[str, list[Row]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


def in_all_languages(label) -> set[str]:
    """A lazy label folded in every language the product speaks."""
    names = set()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            names.add(fold(str(label)))
    return names


def read_workbook(content: bytes) -> ReadWorkbook:
    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        try:
            return _read_sheets(book)
        finally:
            book.close()
    except WorkbookError:
        raise
    except Exception as exc:
        # A damaged file fails deep in openpyxl's zip and XML layers with whatever those raise
        # (zipfile, lxml, expat, KeyError…): the user needs one message, not their names.
        raise WorkbookError(_("The file is not a readable .xlsx workbook.")) from exc


def _read_sheets(book) -> ReadWorkbook:
    result = ReadWorkbook()
    titles = {fold(ws.title): ws for ws in book.worksheets}
    for sheet in SHEETS:
        worksheet = next((titles[t] for t in in_all_languages(sheet.title) if t in titles), None)
        if worksheet is None:
            if sheet.required:
                raise WorkbookError(
                    _("The workbook has no sheet named “%(sheet)s”.") % {"sheet": sheet.title}
                )
            result.rows[sheet.key] = []
            continue
        result.rows[sheet.key] = _read_sheet(sheet, worksheet, result.errors)
    return result


def _read_sheet(sheet: Sheet, worksheet, errors: list[str]) -> list[Row]:
    lines = worksheet.iter_rows(values_only=True)
    header = next(lines, None) or ()
    positions = _column_positions(sheet, header, errors)
    if positions is None:
        return []
    rows, number = [], 1
    try:
        for number, line in enumerate(lines, start=2):
            values = {key: line[i] if i < len(line) else None for key, i in positions.items()}
            if any(v not in (None, "") for v in values.values()):
                rows.append(Row(sheet, number, values))
    except ParseError:
        # The sheet is parsed as it is read: a cell no XML may hold (a NUL or another control
        # character, written into the file by hand) stops it on the row after the last read.
        raise WorkbookError(
            _("Sheet “%(sheet)s”, row %(row)s: a cell holds a control character (such as NUL).")
            % {"sheet": sheet.title, "row": number + 1}
        ) from None
    return rows


def _column_positions(sheet: Sheet, header, errors: list[str]) -> dict[str, int] | None:
    folded = [fold(str(cell)) if cell is not None else "" for cell in header]
    positions = {}
    for column in sheet.columns:
        names = in_all_languages(column.label)
        index = next((i for i, cell in enumerate(folded) if cell in names), None)
        if index is not None:
            positions[column.key] = index
        elif column.required:
            errors.append(
                _("Sheet “%(sheet)s”: the column “%(column)s” is missing from row 1.")
                % {"sheet": sheet.title, "column": column.label}
            )
    missing = [c for c in sheet.columns if c.required and c.key not in positions]
    return None if missing else positions


def write_workbook(rows: dict[str, list[dict]]) -> bytes:
    """One sheet per SHEETS entry, a bold header in the reader's language, then the rows."""
    book = Workbook()
    book.remove(book.active)
    for sheet in SHEETS:
        worksheet = book.create_sheet(str(sheet.title)[:31])
        for cell in append_row(worksheet, [str(c.label) for c in sheet.columns]):
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for row in rows.get(sheet.key, []):
            append_row(worksheet, [_cell(row.get(c.key)) for c in sheet.columns])
        _format_dates(worksheet)
        for index, column in enumerate(sheet.columns, start=1):
            worksheet.column_dimensions[worksheet.cell(1, index).column_letter].width = column.width
        worksheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _cell(value):
    """Lists (steps, legal bases) go one item per line in a single cell."""
    if isinstance(value, list):
        return "\n".join(str(v) for v in value)
    return value


def _format_dates(worksheet) -> None:
    for line in worksheet.iter_rows(min_row=2):
        for cell in line:
            if isinstance(cell.value, datetime.date):
                cell.number_format = "DD/MM/YYYY"
