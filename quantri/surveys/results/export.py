"""Tables written to CSV and XLSX for people who work in spreadsheets."""

import io

from openpyxl import Workbook
from openpyxl.styles import Font

from quantri.core.spreadsheets import append_row, csv_writer


def to_csv(headers: list[str], rows: list[list]) -> bytes:
    """UTF-8 with a byte-order mark, so Excel opens Vietnamese text correctly."""
    buffer = io.StringIO()
    writer = csv_writer(buffer)
    writer.writerow(headers)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def to_xlsx(headers: list[str], rows: list[list], title: str = "Results") -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31]  # Excel's limit on sheet names
    for cell in append_row(sheet, headers):
        cell.font = Font(bold=True)
    for row in rows:
        append_row(sheet, row)
    for column, header in enumerate(headers, start=1):
        width = max([len(str(header))] + [len(str(r[column - 1] or "")) for r in rows[:200]])
        sheet.column_dimensions[sheet.cell(1, column).column_letter].width = min(width + 2, 60)
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
