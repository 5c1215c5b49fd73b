"""The per-officer figures of a period as XLSX, through quantri.core.spreadsheets: Vietnamese
headers, dates dd/mm/yyyy, the officers whose dossiers carry no name on a row of their own."""

import datetime
import io

from openpyxl import Workbook
from openpyxl.styles import Font

from quantri.core.spreadsheets import append_row

UNKNOWN = "Không rõ người tiếp nhận"
HEADERS = [
    "Cán bộ",
    "Đã tiếp nhận",
    "Đã trả kết quả",
    "Có kết quả trong kỳ",
    "Trễ hạn",
    "Tỷ lệ trễ hạn (%)",
    "Yêu cầu bổ sung hồ sơ",
    "Văn bản xin lỗi",
    "Hài lòng",
    "Không hài lòng",
    "Khiếu nại, phản ánh",
]


def figures_xlsx(
    *, agency_name: str, start: datetime.date, end: datetime.date, rows: list[tuple[str, object]]
) -> bytes:
    """`rows`: (officer's name, or None for the unknown officer; OfficerFigures)."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Cán bộ một cửa"
    caption = f"Số liệu cán bộ một cửa – {agency_name}"
    append_row(sheet, [caption])[0].font = Font(bold=True, size=13)
    append_row(sheet, [f"Từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y}"])
    for cell in append_row(sheet, HEADERS):
        cell.font = Font(bold=True)
    sheet.freeze_panes = "B4"
    sheet.column_dimensions["A"].width = 30
    for name, figures in rows:
        share = figures.late_share
        append_row(
            sheet,
            [
                name or UNKNOWN,
                figures.received,
                figures.returned,
                figures.with_result,
                figures.late,
                "" if share is None else share,
                figures.additional_requests,
                figures.apologies,
                figures.satisfied,
                figures.not_satisfied,
                figures.complaints,
            ],
        )
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
