"""Every spreadsheet and CSV file the product writes goes through here, so that text a user
typed (a task title, a procedure name, an answer) is written as text and never becomes a
formula in the office's Excel ("CSV/formula injection": `=HYPERLINK(…)`, `=cmd|' /C calc'!A0`).

- XLSX: a text value is stored as a string cell, whatever it starts with; one that Excel would
  read as a formula also gets the quotePrefix style, so editing the cell keeps it text.
- CSV: a text value starting (after spaces) with =, +, -, @, or starting with a tab or carriage
  return, gets a leading apostrophe (OWASP's advice); numbers we write as numbers stay numbers.
- A formula of our own (a total) is written only through `write_formula`, never from text.

Reading: `open_workbook` and `read_rows` turn whatever openpyxl and the XML parsers raise on
a damaged file into one `UnreadableSpreadsheet`, whose text names no path: openpyxl puts the
server's temporary path in some of its messages, and a user must never see it.

Plain Python: no Django here.
"""

import csv
from collections.abc import Iterable, Iterator

from openpyxl import load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.utils.exceptions import IllegalCharacterError

FORMULA_STARTS = ("=", "+", "-", "@")
# Tab and carriage return start a formula in some spreadsheets even before the = (OWASP).
FORMULA_PREFIXES = ("\t", "\r")
LEADING_SPACES = " \n\u00a0"


def looks_like_formula(text: str) -> bool:
    """Would a spreadsheet read this text as a formula (or a sum like +1+1)?"""
    if text.startswith(FORMULA_PREFIXES):
        return True
    return text.lstrip(LEADING_SPACES).startswith(FORMULA_STARTS)


# XLSX ---------------------------------------------------------------------------------------


def write_cell(sheet, row: int, column: int, value, *, style: str | None = None):
    """Put a value in a cell: text as text, numbers and dates as themselves. The named style
    goes on first because assigning one resets the cell's quotePrefix."""
    cell = sheet.cell(row=row, column=column)
    if style is not None:
        cell.style = style
    if isinstance(value, str):
        try:
            cell.value = value
        except IllegalCharacterError:
            # Control characters other than tab and line breaks are not allowed in a
            # worksheet: they never mean anything in user text, so they go, not the export.
            value = ILLEGAL_CHARACTERS_RE.sub("", value)
            cell.value = value
        cell.data_type = "s"  # openpyxl makes "=…" a formula and "#N/A" an error
        if looks_like_formula(value):
            cell.quotePrefix = True
    else:
        cell.value = value
    return cell


def write_at(sheet, coordinate: str, value, *, style: str | None = None):
    """write_cell by the cell's name ("B2")."""
    cell = sheet[coordinate]
    return write_cell(sheet, cell.row, cell.column, value, style=style)


def write_row(sheet, row: int, values: Iterable, *, style: str | None = None) -> list:
    """A row's values from column A on; returns the cells."""
    return [
        write_cell(sheet, row, column, value, style=style)
        for column, value in enumerate(values, start=1)
    ]


def append_row(sheet, values: Iterable, *, style: str | None = None) -> list:
    """The values as a new row under the last one, like openpyxl's sheet.append."""
    # openpyxl's own append counts rows in _current_row; max_row would scan every cell.
    return write_row(sheet, sheet._current_row + 1, values, style=style)


def write_formula(sheet, row: int, column: int, formula: str):
    """A formula we wrote ourselves (a total): the one way a formula gets into a file."""
    if not formula.startswith("="):
        raise ValueError(f"a formula starts with '=': {formula!r}")
    cell = sheet.cell(row=row, column=column)
    cell.value = formula
    return cell


# CSV ----------------------------------------------------------------------------------------


def csv_value(value):
    """A value as a CSV cell: text a spreadsheet would run gets a leading apostrophe."""
    if isinstance(value, str) and looks_like_formula(value):
        return "'" + value
    return value


class CsvWriter:
    """csv.writer whose rows have their text neutralised by csv_value."""

    def __init__(self, stream, **options) -> None:
        self._writer = csv.writer(stream, **options)

    def writerow(self, values: Iterable) -> None:
        self._writer.writerow([csv_value(value) for value in values])

    def writerows(self, rows: Iterable[Iterable]) -> None:
        for values in rows:
            self.writerow(values)


def csv_writer(stream, **options) -> CsvWriter:
    return CsvWriter(stream, **options)


# Reading ------------------------------------------------------------------------------------


class UnreadableSpreadsheet(Exception):
    """A workbook openpyxl cannot read. The library's own message is kept out of str():
    it may name the server's temporary file."""

    def __init__(self) -> None:
        super().__init__("not a readable .xlsx workbook")


def open_workbook(source, **options):
    """openpyxl's load_workbook on a path or a file object; UnreadableSpreadsheet if damaged."""
    try:
        return load_workbook(source, **options)
    except Exception as exc:  # zipfile, lxml, expat, KeyError, ValueError naming the path…
        raise UnreadableSpreadsheet() from exc


def read_rows(sheet) -> Iterator[tuple]:
    """A worksheet's rows as values; in read-only mode the XML is parsed as it goes, so a
    damaged sheet fails here, not when the workbook is opened."""
    try:
        yield from sheet.iter_rows(values_only=True)
    except Exception as exc:
        raise UnreadableSpreadsheet() from exc
