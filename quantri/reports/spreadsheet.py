"""The offline report: an XLSX template a unit downloads, fills in and uploads back.

Sheet "Nhiệm vụ" has one row per task of the unit (the task's id in hidden column A), sheet
"Đơn vị" the unit's general remarks. Reading checks every cell and reports each problem with
its sheet, row and column; the caller saves nothing unless there is none.
"""

import io
from dataclasses import dataclass, field
from xml.etree.ElementTree import ParseError

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from quantri.core.spreadsheets import UnreadableSpreadsheet, open_workbook, write_at
from quantri.core.text import fold
from quantri.plans.models import TaskStatus
from quantri.reports.figures import FiguresError, format_figures, parse_figures
from quantri.reports.services import TaskReportInput

TASKS_SHEET = "Nhiệm vụ"
UNIT_SHEET = "Đơn vị"
HEADER_ROW = 4
FIRST_TASK_ROW = HEADER_ROW + 1
# Column letter → (field, header). The order is the file's contract: do not reorder.
COLUMNS = {
    "A": ("task_id", gettext_noop("Task id")),
    "B": ("number", gettext_noop("No.")),
    "C": ("title", gettext_noop("Task")),
    "D": ("status", gettext_noop("Status")),
    "E": ("progress", gettext_noop("Progress %")),
    "F": ("done", gettext_noop("What was done")),
    "G": ("difficulties", gettext_noop("Difficulties")),
    "H": ("proposals", gettext_noop("Proposals")),
    "I": ("figures", gettext_noop("Figures (name = number, one per line)")),
}
WIDTHS = {"A": 8, "B": 6, "C": 50, "D": 16, "E": 11, "F": 50, "G": 35, "H": 35, "I": 35}
# Sheet "Đơn vị": the request's id in B2 ties the file to one unit and period.
REQUEST_CELL = "B2"
UNIT_FIELDS = {
    5: ("general_remarks", gettext_noop("General remarks")),
    6: ("difficulties", gettext_noop("Difficulties")),
    7: ("proposals", gettext_noop("Proposals")),
}


def _header(column: str) -> str:
    return _(COLUMNS[column][1])


# Writing ------------------------------------------------------------------------------------


def build_template(request, tasks, report=None) -> bytes:
    """The workbook for a request, pre-filled with the saved draft when there is one."""
    saved = {tr.task_id: tr for tr in report.task_reports.all()} if report else {}
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = TASKS_SHEET
    _title(sheet, request)
    for column, width in WIDTHS.items():
        sheet.column_dimensions[column].width = width
        cell = write_at(sheet, f"{column}{HEADER_ROW}", _header(column))
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE5EC")
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.column_dimensions["A"].hidden = True
    sheet.freeze_panes = f"D{FIRST_TASK_ROW}"
    for row, task in enumerate(tasks, start=FIRST_TASK_ROW):
        _task_row(sheet, row, task, saved.get(task.pk))
    _status_list(sheet, len(tasks))
    _unit_sheet(workbook.create_sheet(UNIT_SHEET), request, report)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _title(sheet, request) -> None:
    title = _("Report %(code)s — %(unit)s") % {
        "code": request.period.code,
        "unit": request.unit.name_on(request.period.ends_on),
    }
    write_at(sheet, "B1", title).font = Font(bold=True, size=13)
    dates = _("Data from %(start)s to %(end)s; due %(deadline)s.") % {
        "start": f"{request.period.starts_on:%d/%m/%Y}",
        "end": f"{request.period.ends_on:%d/%m/%Y}",
        "deadline": f"{request.period.deadline:%d/%m/%Y}",
    }
    write_at(sheet, "B2", dates)
    guide = _(
        "Fill in columns D to I; do not add, remove or reorder rows. "
        "Upload the file on the report's page."
    )
    write_at(sheet, "B3", guide).font = Font(italic=True)


def _task_row(sheet, row: int, task, task_report) -> None:
    values = {
        "A": task.pk,
        "B": f"{task.group.order}.{task.order}",
        "C": task.title,
        "D": str(TaskStatus(task_report.status if task_report else task.status).label),
        "E": task_report.progress if task_report else task.progress,
    }
    if task_report:
        values |= {
            "F": task_report.done,
            "G": task_report.difficulties,
            "H": task_report.proposals,
            "I": format_figures(task_report.figures),
        }
    for column, value in values.items():
        cell = write_at(sheet, f"{column}{row}", value)
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def _status_list(sheet, count: int) -> None:
    if not count:
        return
    labels = ",".join(str(label) for label in TaskStatus.labels)
    validation = DataValidation(type="list", formula1=f'"{labels}"', allow_blank=True)
    validation.add(f"D{FIRST_TASK_ROW}:D{FIRST_TASK_ROW + count - 1}")
    sheet.add_data_validation(validation)


def _unit_sheet(sheet, request, report) -> None:
    sheet.column_dimensions["A"].width = 28
    sheet.column_dimensions["B"].width = 90
    title = _("Report %(code)s — %(unit)s") % {
        "code": request.period.code,
        "unit": request.unit.name_on(request.period.ends_on),
    }
    write_at(sheet, "A1", title).font = Font(bold=True, size=13)
    write_at(sheet, "A2", _("Request no. (do not change)"))
    write_at(sheet, REQUEST_CELL, request.pk)
    for row, (name, label) in UNIT_FIELDS.items():
        write_at(sheet, f"A{row}", _(label)).font = Font(bold=True)
        value = getattr(report, name, "") if report else ""
        write_at(sheet, f"B{row}", value).alignment = Alignment(wrap_text=True, vertical="top")


# Reading ------------------------------------------------------------------------------------


@dataclass
class TemplateContent:
    general_remarks: str = ""
    difficulties: str = ""
    proposals: str = ""
    tasks: list[TaskReportInput] = field(default_factory=list)


class TemplateErrors(Exception):
    def __init__(self, messages: list[str]):
        self.messages = messages
        super().__init__("\n".join(messages))


def read_template(content: bytes, *, request, tasks) -> TemplateContent:
    """Read an uploaded template for a request; TemplateErrors lists every problem."""
    workbook = _open(content)
    missing = [name for name in (TASKS_SHEET, UNIT_SHEET) if name not in workbook.sheetnames]
    if missing:
        message = _(
            "The file has no sheet “%(sheet)s”: use the template downloaded from the report's page."
        )
        raise TemplateErrors([message % {"sheet": name} for name in missing])
    errors: list[str] = []
    result = _read_unit_sheet(workbook[UNIT_SHEET], request, errors)
    if not errors:
        result.tasks = _read_task_rows(workbook[TASKS_SHEET], {t.pk: t for t in tasks}, errors)
    if errors:
        raise TemplateErrors(errors)
    return result


def _open(content: bytes):
    try:
        return open_workbook(io.BytesIO(content), data_only=True)
    except UnreadableSpreadsheet as exc:
        if isinstance(exc.__cause__, ParseError):  # a cell no XML may hold, written by hand
            message = _("A cell of the file holds a control character (such as NUL).")
        else:
            message = _("The file is not a readable .xlsx workbook.")
        raise TemplateErrors([message]) from None


def _where(sheet: str, row: int, column: str, header: str) -> str:
    return _("Sheet %(sheet)s, row %(row)s, column %(column)s (%(header)s)") % {
        "sheet": sheet,
        "row": row,
        "column": column,
        "header": header,
    }


def _read_unit_sheet(sheet, request, errors: list[str]) -> TemplateContent:
    if _as_int(sheet[REQUEST_CELL].value) != request.pk:
        errors.append(
            _(
                "Sheet %(sheet)s, cell %(cell)s: this file is the template of another report "
                "(request %(found)s, expected %(expected)s). Download this report's template."
            )
            % {
                "sheet": UNIT_SHEET,
                "cell": REQUEST_CELL,
                "found": sheet[REQUEST_CELL].value or "—",
                "expected": request.pk,
            }
        )
    values = {name: _text(sheet[f"B{row}"].value) for row, (name, _l) in UNIT_FIELDS.items()}
    return TemplateContent(**values)


def _read_task_rows(sheet, tasks: dict, errors: list[str]) -> list[TaskReportInput]:
    statuses = _status_names()
    inputs, seen = [], set()
    for row in range(FIRST_TASK_ROW, sheet.max_row + 1):
        cells = {column: sheet[f"{column}{row}"] for column in COLUMNS}
        if all(_text(cells[c].value) == "" for c in "DEFGHI") and cells["A"].value is None:
            continue
        item = _read_task_row(row, cells, tasks, statuses, seen, errors)
        if item is not None:
            inputs.append(item)
    return inputs


def _read_task_row(row, cells, tasks, statuses, seen, errors) -> TaskReportInput | None:
    before = len(errors)

    def fail(column: str, message: str) -> None:
        errors.append(f"{_where(TASKS_SHEET, row, column, _header(column))}: {message}")

    task_id = _as_int(cells["A"].value)
    if task_id not in tasks:
        message = _(
            "“%(value)s” is not one of this unit's tasks; do not add rows or change this column."
        )
        fail("A", message % {"value": _text(cells["A"].value)})
    elif task_id in seen:
        fail("A", _("task %(id)s appears twice.") % {"id": task_id})
    seen.add(task_id)
    progress = _progress(cells["E"], fail)
    status = _status(cells["D"].value, progress, statuses, fail)
    figures = _figures(cells["I"].value, fail)
    if len(errors) > before:
        return None
    return TaskReportInput(
        task_id=task_id,
        status=status,
        progress=progress,
        done=_text(cells["F"].value),
        difficulties=_text(cells["G"].value),
        proposals=_text(cells["H"].value),
        figures=figures,
    )


def _progress(cell, fail) -> int | None:
    value = cell.value
    if isinstance(value, str):
        value = value.strip().rstrip("%").strip().replace(",", ".")
        try:
            value = float(value) if value else None
        except ValueError:
            fail("E", _("“%(value)s” is not a number 0–100.") % {"value": cell.value})
            return None
    if value is None:
        fail("E", _("empty; enter a number 0–100."))
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        fail("E", _("“%(value)s” is not a number 0–100.") % {"value": cell.value})
        return None
    if "%" in (cell.number_format or "") and 0 <= value <= 1:
        value *= 100  # a cell formatted as a percentage stores 60% as 0.6
    if not 0 <= value <= 100:
        fail("E", _("“%(value)s” is not a number 0–100.") % {"value": cell.value})
        return None
    return round(value)


def _status(value, progress, statuses: dict, fail) -> str:
    text = _text(value)
    if not text:
        if progress == 100:
            return TaskStatus.DONE
        return TaskStatus.IN_PROGRESS if progress else TaskStatus.NOT_STARTED
    status = statuses.get(fold(text))
    if status is None:
        fail(
            "D",
            _("“%(value)s” is not a status; choose one of: %(choices)s.")
            % {"value": text, "choices": ", ".join(str(label) for label in TaskStatus.labels)},
        )
        return ""
    if status == TaskStatus.NOT_STARTED and progress:
        # The template comes pre-filled with the task's status: a unit that only raised the
        # progress means it has started.
        return TaskStatus.IN_PROGRESS
    if status == TaskStatus.DONE and progress is not None and progress != 100:
        message = _("a task marked done must be at 100%% (column E says %(progress)s).")
        fail("D", message % {"progress": progress})
    return status


# What people type instead of picking from the list (folded: no diacritics, lower case).
STATUS_SYNONYMS = {
    "hoan thanh": TaskStatus.DONE,
    "xong": TaskStatus.DONE,
    "da xong": TaskStatus.DONE,
    "dang trien khai": TaskStatus.IN_PROGRESS,
    "dang lam": TaskStatus.IN_PROGRESS,
    "chua trien khai": TaskStatus.NOT_STARTED,
    "chua lam": TaskStatus.NOT_STARTED,
    "tam dung": TaskStatus.PAUSED,
    "huy": TaskStatus.CANCELLED,
    "da huy": TaskStatus.CANCELLED,
}


def _status_names() -> dict[str, str]:
    """Status codes by their folded labels in every language, common synonyms, and the codes
    themselves."""
    names = {fold(code): code for code in TaskStatus.values} | STATUS_SYNONYMS
    for language in ("vi", "en"):
        with translation.override(language):
            names |= {fold(str(label)): code for code, label in TaskStatus.choices}
    return names


def _figures(value, fail) -> dict:
    try:
        return parse_figures(_text(value))
    except FiguresError as exc:
        fail("I", _(exc.template) % exc.params)
        return {}


def _text(value) -> str:
    if value is None:
        return ""
    return str(value).strip()


def _as_int(value) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None
