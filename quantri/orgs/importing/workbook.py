"""The organisation workbook: sheet "Đơn vị" (units) and sheet "Nhân sự" (people), read into
rows that know their sheet and row number, and the empty template written for download.

Sheet titles and headers are written in the reader's language and recognised in any of the
product's languages, without diacritics and whatever their case, so a Vietnamese file and an
English one both import.
"""

import io
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook
from openpyxl.styles import Font

from quantri.core.spreadsheets import UnreadableSpreadsheet, append_row, open_workbook, read_rows
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


UNITS = Sheet(
    "units",
    _("Units"),
    (
        Column("code", _("Unit code"), True, 16),
        Column("name", _("Unit name"), True, 50),
        Column("short_name", _("Short name"), False, 16),
        Column("kind", _("Kind"), True, 24),
        Column("parent", _("Parent unit code"), False, 18),
        Column("valid_from", _("Valid from"), False, 14),
    ),
)
PEOPLE = Sheet(
    "people",
    _("People"),
    (
        Column("full_name", _("Full name"), True, 30),
        Column("email", _("E-mail"), True, 30),
        Column("phone", _("Phone"), False, 16),
        Column("unit", _("Unit code"), True, 16),
        Column("position", _("Position"), False, 24),
        Column("role", _("Role"), True, 24),
    ),
)
SHEETS = (UNITS, PEOPLE)


class WorkbookError(Exception):
    """The file cannot be read as the organisation workbook at all (one message)."""


@dataclass
class Row:
    sheet: Sheet
    number: int  # as Excel shows it, the header being row 1
    values: dict[str, object]

    def where(self, key: str) -> str:
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
        return " ".join(str(value).split())


@dataclass
class ReadWorkbook:
    rows: dict[str, list[Row]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


def in_all_languages(label) -> set[str]:
    names = set()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            names.add(fold(str(label)))
    return names


def read_workbook(content: bytes) -> ReadWorkbook:
    try:
        book = open_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except UnreadableSpreadsheet:
        raise WorkbookError(_("The file is not a readable .xlsx workbook.")) from None
    try:
        result = ReadWorkbook()
        titles = {fold(ws.title): ws for ws in book.worksheets}
        for sheet in SHEETS:
            names = in_all_languages(sheet.title)
            worksheet = next((titles[t] for t in names if t in titles), None)
            if worksheet is None:
                raise WorkbookError(
                    _("The workbook has no sheet named “%(sheet)s”.") % {"sheet": sheet.title}
                )
            result.rows[sheet.key] = _read_sheet(sheet, worksheet, result.errors)
        return result
    except UnreadableSpreadsheet:
        raise WorkbookError(_("The file is not a readable .xlsx workbook.")) from None
    finally:
        book.close()


def _read_sheet(sheet: Sheet, worksheet, errors: list[str]) -> list[Row]:
    lines = read_rows(worksheet)
    positions = _positions(sheet, next(lines, None) or (), errors)
    if positions is None:
        return []
    rows = []
    for number, line in enumerate(lines, start=2):
        values = {key: line[i] if i < len(line) else None for key, i in positions.items()}
        if any(v not in (None, "") for v in values.values()):
            rows.append(Row(sheet, number, values))
    return rows


def _positions(sheet: Sheet, header, errors: list[str]) -> dict[str, int] | None:
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
    return None if any(c.required and c.key not in positions for c in sheet.columns) else positions


def write_workbook(rows: dict[str, list[dict]] | None = None) -> bytes:
    """The two sheets with a bold header in the reader's language, then the given rows (none
    for the template)."""
    book = Workbook()
    book.remove(book.active)
    for sheet in SHEETS:
        worksheet = book.create_sheet(str(sheet.title)[:31])
        for cell in append_row(worksheet, [str(c.label) for c in sheet.columns]):
            cell.font = Font(bold=True)
        for row in (rows or {}).get(sheet.key, []):
            append_row(worksheet, [row.get(c.key) for c in sheet.columns])
        for index, column in enumerate(sheet.columns, start=1):
            worksheet.column_dimensions[worksheet.cell(1, index).column_letter].width = column.width
        worksheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
