"""The catalogue workbook: which sheets and columns it has, read by quantri.core.sheets into
rows that know their sheet and row number, and writing it. No database here: importing.py
does that.

Sheets and column headers are written in the reader's language and recognised in any of the
product's languages, so a file exported in English can be re-imported by a Vietnamese user
and the other way round.
"""

import datetime
import io

from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from quantri.core import sheets
from quantri.core.sheets import Column, ReadWorkbook, Sheet
from quantri.core.spreadsheets import append_row

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


def read_workbook(content: bytes) -> ReadWorkbook:
    return sheets.read_workbook(content, SHEETS)


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
