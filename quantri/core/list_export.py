"""A list a manager reads, as the XLSX they take to a meeting: a title row, Vietnamese column
headers, one row per item with the page's filters already applied, dates as dd/mm/yyyy.
Cells are written through quantri.core.spreadsheets, so no text a user typed becomes a
formula."""

import datetime
import io
from collections.abc import Iterable, Sequence

from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from openpyxl import Workbook
from openpyxl.styles import Font

from quantri.core.spreadsheets import write_cell, write_row

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DATE_FORMAT = "DD/MM/YYYY"
DATETIME_FORMAT = "DD/MM/YYYY HH:MM"


def _cell_value(value) -> tuple[object, str | None]:
    """(value openpyxl can store, number format): aware times in the local zone, None → ''."""
    if value is None:
        return "", None
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value).replace(tzinfo=None)
        return value, DATETIME_FORMAT
    if isinstance(value, datetime.date):
        return value, DATE_FORMAT
    return value, None


def list_workbook(*, title: str, headers: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]  # Excel's limit on a sheet name
    write_cell(sheet, 1, 1, title).font = Font(bold=True, size=13)
    for cell in write_row(sheet, 3, headers):
        cell.font = Font(bold=True)
    for row_number, row in enumerate(rows, start=4):
        for column, raw in enumerate(row, start=1):
            value, number_format = _cell_value(raw)
            cell = write_cell(sheet, row_number, column, value)
            if number_format:
                cell.number_format = number_format
    for column, header in enumerate(headers, start=1):
        sheet.column_dimensions[sheet.cell(3, column).column_letter].width = max(
            12, min(len(str(header)) + 4, 40)
        )
    sheet.freeze_panes = "B4"  # the headers and the key column stay in view
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def xlsx_response(*, filename: str, title: str, headers: Sequence[str], rows) -> HttpResponse:
    response = HttpResponse(
        list_workbook(title=title, headers=headers, rows=rows), content_type=XLSX
    )
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
