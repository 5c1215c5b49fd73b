"""Reading a workbook of named sheets whose row 1 names the columns, into rows that know their
sheet and row number, so that each importer's messages can say where a value is ("Sheet
“Units”, row 5, column “Parent unit code”"). The organisation import and the procedure
catalogue import describe their sheets with Sheet and Column and read them here.

Sheet titles and column headers are recognised in any of the product's languages, without
diacritics and whatever their case, so a file written in English imports for a Vietnamese
reader and the other way round. No database here.
"""

import io
from dataclasses import dataclass, field
from xml.etree.ElementTree import ParseError

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from quantri.core.spreadsheets import UnreadableSpreadsheet, open_workbook
from quantri.core.text import fold

UNREADABLE = _("The file is not a readable .xlsx workbook.")


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
    # Cells of one line each (names, codes): line breaks and runs of spaces read as one space.
    single_line: bool = False


class WorkbookError(Exception):
    """The file cannot be read as the expected workbook at all (one message)."""


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
        if self.sheet.single_line:
            return " ".join(str(value).split())
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


def read_workbook(content: bytes, sheets: tuple[Sheet, ...]) -> ReadWorkbook:
    """The rows of each sheet; a missing column goes to `errors` (every sheet is still read, so
    the user sees all of them at once); a file that cannot be read at all, or lacks a
    required sheet, raises WorkbookError."""
    try:
        book = open_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except UnreadableSpreadsheet:
        raise WorkbookError(UNREADABLE) from None
    try:
        return _read_sheets(book, sheets)
    finally:
        book.close()


def _read_sheets(book, sheets: tuple[Sheet, ...]) -> ReadWorkbook:
    result = ReadWorkbook()
    titles = {fold(ws.title): ws for ws in book.worksheets}
    for sheet in sheets:
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
    rows, number = [], 1
    try:
        lines = worksheet.iter_rows(values_only=True)
        positions = _column_positions(sheet, next(lines, None) or (), errors)
        if positions is None:
            return []
        for number, line in enumerate(lines, start=2):
            values = {key: line[i] if i < len(line) else None for key, i in positions.items()}
            if any(v not in (None, "") for v in values.values()):
                rows.append(Row(sheet, number, values))
    except ParseError:
        # A read-only sheet is parsed as it is read: a cell no XML may hold (a NUL or another
        # control character, written into the file by hand) stops it on the row after the last.
        raise WorkbookError(
            _("Sheet “%(sheet)s”, row %(row)s: a cell holds a control character (such as NUL).")
            % {"sheet": sheet.title, "row": number + 1}
        ) from None
    except Exception as exc:
        # Damaged XML fails deep in openpyxl with whatever its layers raise (zipfile, lxml,
        # KeyError…), some naming the server's temporary file: the user gets one message.
        raise WorkbookError(UNREADABLE) from exc
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
