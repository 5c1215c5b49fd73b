"""The task list and the overdue list as XLSX workbooks, in Vietnamese whatever the reader's
language (the office files and forwards them), dates as dd/mm/yyyy. Cells are written only
through quantri.core.spreadsheets, so a task title never becomes a formula."""

import datetime
import io

from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from quantri.core.names import display_name
from quantri.core.spreadsheets import append_row

DATE_FORMAT = "DD/MM/YYYY"
WIDTHS = (6, 60, 30, 30, 30, 14, 14, 10, 40, 30)
DATE_COLUMN = 6


def _headers() -> list[str]:
    return [
        _("Item no."),
        _("Task"),
        _("Lead unit"),
        _("Supporting units"),
        _("Responsible officers"),
        _("Deadline"),
        _("Status"),
        _("Progress (%)"),
        _("Expected output"),
        _("Plan"),
    ]


def _row(number: int, task, today: datetime.date) -> list:
    due = task.current_due(today)
    officers = ", ".join(display_name(o) for o in task.officers_shown)
    return [
        number,
        task.title,
        task.lead_display or "",
        ", ".join(str(unit) for unit in task.support_units.all()) or ", ".join(task.support_text),
        officers,
        due if due else (task.get_recurrence_display() or task.due_text),
        task.get_status_display(),
        task.progress,
        task.expected_output,
        task.plan.number or task.plan.title,
    ]


def tasks_workbook(tasks, *, title: str, today: datetime.date) -> bytes:
    """`tasks` need their lead and supporting units, officers (as `officers_shown`) and plan
    loaded; one row each, in the order given."""
    with translation.override("vi"):
        book = Workbook()
        sheet = book.active
        sheet.title = str(title)[:31]
        for cell in append_row(sheet, _headers()):
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for number, task in enumerate(tasks, start=1):
            cells = append_row(sheet, _row(number, task, today))
            cells[DATE_COLUMN - 1].number_format = DATE_FORMAT
            for cell in cells:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        for index, width in enumerate(WIDTHS):
            sheet.column_dimensions[chr(ord("A") + index)].width = width
        sheet.freeze_panes = "A2"
        out = io.BytesIO()
        book.save(out)
    return out.getvalue()
