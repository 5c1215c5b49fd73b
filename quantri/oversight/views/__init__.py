"""The oversight pages: the list and the year's plan, an inspection's page with its actions,
and the conclusion as DOCX."""

from quantri.oversight.views.inspection import (
    close,
    conclude,
    conclusion_docx,
    finding_add,
    inspection_detail,
    inspection_new,
    remedies_tasks,
    remedy_add,
    violation_add,
)
from quantri.oversight.views.lists import index, plan_detail

__all__ = [
    "close",
    "conclude",
    "conclusion_docx",
    "finding_add",
    "index",
    "inspection_detail",
    "inspection_new",
    "plan_detail",
    "remedies_tasks",
    "remedy_add",
    "violation_add",
]
