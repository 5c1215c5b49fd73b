"""Use cases of periodic reporting. Views, the API and commands all call these, and these check
who may do what (quantri.orgs.access), so every door applies the same rules."""

from quantri.reports.services.common import period_code_error
from quantri.reports.services.periods import (
    period_close,
    period_dates,
    period_open,
    period_reopen,
    period_set_dates,
    regime_from_rule,
    regime_save,
    regimes_for_plan,
    reporting_units,
)
from quantri.reports.services.reports import (
    EvidenceInput,
    TaskReportInput,
    notification_mark_read,
    report_accept,
    report_import_xlsx,
    report_return,
    report_save_draft,
    report_submit,
    report_url,
    require_report_writer,
    unit_tasks,
)

__all__ = [
    "require_report_writer",
    "EvidenceInput",
    "TaskReportInput",
    "notification_mark_read",
    "period_close",
    "period_code_error",
    "period_dates",
    "period_open",
    "period_reopen",
    "period_set_dates",
    "regime_from_rule",
    "regime_save",
    "regimes_for_plan",
    "report_accept",
    "report_import_xlsx",
    "report_return",
    "report_save_draft",
    "report_submit",
    "report_url",
    "reporting_units",
    "unit_tasks",
]
