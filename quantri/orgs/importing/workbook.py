"""The organisation workbook: sheet "Đơn vị" (units) and sheet "Nhân sự" (people), read by
quantri.core.sheets into rows that know their sheet and row number, and the empty template
written for download.

Sheet titles and headers are written in the reader's language and recognised in any of the
product's languages, so a Vietnamese file and an English one both import.
"""

import io

from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook
from openpyxl.styles import Font

from quantri.core import sheets
from quantri.core.sheets import Column, ReadWorkbook, Sheet
from quantri.core.spreadsheets import append_row

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
    required=True,
    single_line=True,
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
    required=True,
    single_line=True,
)
SHEETS = (UNITS, PEOPLE)


def read_workbook(content: bytes) -> ReadWorkbook:
    return sheets.read_workbook(content, SHEETS)


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
