"""The office's dossier lists and figures as XLSX, for meetings: Vietnamese headers, dates
dd/mm/yyyy, every value through quantri.core.spreadsheets (text never becomes a formula).
No applicant personal data (models.Dossier: never in exports)."""

import datetime
import io

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font

from quantri.core.spreadsheets import append_row

DATE_FORMAT = "dd/mm/yyyy"
MOMENT_FORMAT = "dd/mm/yyyy hh:mm"

LIST_HEADERS = [
    "Mã hồ sơ",
    "Mã thủ tục",
    "Tên thủ tục",
    "Đơn vị giải quyết",
    "Hình thức nộp",
    "Ngày nhận",
    "Ngày hẹn trả",
    "Ngày có kết quả",
    "Kết quả xử lý",
    "Trạng thái",
]
FIGURE_HEADERS = [
    "Đã tiếp nhận",
    "Trực tuyến",
    "Giải quyết trước hạn",
    "Giải quyết đúng hạn",
    "Giải quyết quá hạn",
    "Đang giải quyết trong hạn",
    "Đang giải quyết quá hạn",
    "Đã đánh giá",
    "Hài lòng",
]


def _local(value) -> datetime.datetime | None:
    return timezone.localtime(value).replace(tzinfo=None) if value else None


def _sheet(workbook, title: str, caption: str, headers: list[str]):
    sheet = workbook.create_sheet(title[:31])
    append_row(sheet, [caption])[0].font = Font(bold=True, size=13)
    for cell in append_row(sheet, headers):
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A3"
    for column in range(1, len(headers) + 1):
        sheet.column_dimensions[sheet.cell(2, column).column_letter].width = 18
    return sheet


def _put_row(sheet, values: list) -> None:
    cells = append_row(sheet, values)
    for cell, value in zip(cells, values, strict=True):
        if isinstance(value, datetime.datetime):
            cell.number_format = MOMENT_FORMAT
        elif isinstance(value, datetime.date):
            cell.number_format = DATE_FORMAT


def _save(workbook) -> bytes:
    workbook.remove(workbook.worksheets[0])  # the empty default sheet
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def dossier_list_xlsx(dossiers, *, caption: str) -> bytes:
    """`dossiers`: with procedure and unit loaded, in the list's order."""
    workbook = Workbook()
    sheet = _sheet(workbook, "Hồ sơ", caption, LIST_HEADERS)
    for d in dossiers:
        _put_row(
            sheet,
            [
                d.code,
                d.procedure.code,
                d.procedure.name,
                d.unit.name,
                d.get_channel_display(),
                _local(d.received_at),
                _local(d.due_at),
                _local(d.result_at),
                d.get_outcome_display() if d.outcome else "",
                d.get_state_display(),
            ],
        )
    return _save(workbook)


def _figures(row) -> list:
    return [
        row.received,
        row.online,
        row.processed_early,
        row.processed_on_time,
        row.processed_late,
        row.within_time,
        row.overdue,
        row.rated,
        row.satisfied,
    ]


def figures_xlsx(*, caption: str, by_unit, by_procedure) -> bytes:
    """The dashboard's tables: each handling unit's figures, then each procedure's."""
    workbook = Workbook()
    units = _sheet(workbook, "Theo đơn vị", caption, ["Đơn vị giải quyết", *FIGURE_HEADERS])
    for row in by_unit:
        _put_row(units, [row.subject.name, *_figures(row)])
    procedures = _sheet(
        workbook, "Theo thủ tục", caption, ["Mã thủ tục", "Tên thủ tục", *FIGURE_HEADERS]
    )
    for row in by_procedure:
        _put_row(procedures, [row.subject.code, row.subject.name, *_figures(row)])
    return _save(workbook)
