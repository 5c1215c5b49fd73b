"""Periodic reports over the API (/api/reports/…): the same services, hence the same rules, as
the pages. Everything needs the signed-in session (with the CSRF token for writes)."""

import datetime

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import File, Router, Schema, Status
from ninja.files import UploadedFile
from ninja.security import django_auth

from quantri.core.params import FiniteFloat
from quantri.core.uploads import XLSX, check_upload
from quantri.orgs.access import Access
from quantri.plans.models import Plan, TaskStatus
from quantri.plans.services import max_upload_bytes
from quantri.reports import queries, services
from quantri.reports.models import ReportingPeriod, ReportingRegime, ReportRequest
from quantri.reports.services import TaskReportInput

router = Router(tags=["reports"], auth=django_auth)


class PeriodOut(Schema):
    id: int
    plan: int
    code: str
    frequency: str
    starts_on: datetime.date
    ends_on: datetime.date
    deadline: datetime.date
    status: str


class PeriodOpenIn(Schema):
    code: str
    frequency: str | None = None
    deadline: datetime.date | None = None


class UnitRowOut(Schema):
    request: int
    unit: str
    unit_code: str
    state: str
    late: bool
    submitted_at: datetime.datetime | None
    overdue_tasks: list[int]


class CompletenessOut(Schema):
    period: PeriodOut
    expected: int
    submitted: int
    accepted: int
    on_time: int
    late: int
    missing: int
    returned: int
    reporting_rate: int
    on_time_rate: int
    units: list[UnitRowOut]


class TaskReportIO(Schema):
    task: int
    status: str = TaskStatus.IN_PROGRESS
    progress: int = 0
    done: str = ""
    figures: dict[str, int | FiniteFloat] = {}
    difficulties: str = ""
    proposals: str = ""


class ReportIn(Schema):
    general_remarks: str = ""
    difficulties: str = ""
    proposals: str = ""
    tasks: list[TaskReportIO] = []


class ReportOut(ReportIn):
    request: int
    period: str
    unit: str
    status: str | None
    is_late: bool
    submitted_at: datetime.datetime | None
    return_comments: str
    accepted_at: datetime.datetime | None
    unit_tasks: list[int]


class ReturnIn(Schema):
    comments: str


def period_out(period: ReportingPeriod) -> dict:
    return {
        "id": period.pk,
        "plan": period.plan_id,
        "code": period.code,
        "frequency": period.regime.frequency,
        "starts_on": period.starts_on,
        "ends_on": period.ends_on,
        "deadline": period.deadline,
        "status": period.status,
    }


def _overseen_plan(request, plan_id: int) -> tuple[Plan, Access]:
    plan = get_object_or_404(Plan, pk=plan_id)
    access = Access.for_user(request.user)
    if not access.can_oversee_reports(plan):
        raise Http404
    return plan, access


@router.get("/plans/{plan_id}/periods", response=list[PeriodOut], summary="A plan's periods")
def list_periods(request, plan_id: int):
    plan, _access = _overseen_plan(request, plan_id)
    return [period_out(p) for p in plan.reporting_periods.select_related("regime")]


@router.post(
    "/plans/{plan_id}/periods",
    response={201: PeriodOut},
    summary="Open a period (office only); idempotent",
)
def open_period(request, plan_id: int, payload: PeriodOpenIn):
    plan, _access = _overseen_plan(request, plan_id)
    regimes = services.regimes_for_plan(plan=plan, user=request.user)
    regime = _regime(regimes, payload.frequency)
    period = services.period_open(
        regime=regime, code=payload.code, user=request.user, deadline=payload.deadline
    )
    return Status(201, period_out(period))


def _regime(regimes: list[ReportingRegime], frequency: str | None) -> ReportingRegime:
    for regime in regimes:
        if frequency in (None, regime.frequency):
            return regime
    raise ValidationError({"frequency": _("The plan has no reporting regime of this frequency.")})


@router.get(
    "/periods/{period_id}/completeness",
    response=CompletenessOut,
    summary="Expected, submitted, on time, late, missing, returned — per unit and overall",
)
def period_completeness(request, period_id: int):
    period = get_object_or_404(ReportingPeriod.objects.select_related("regime"), pk=period_id)
    _overseen_plan(request, period.plan_id)
    result = queries.completeness(period)
    counts = {
        name: getattr(result, name)
        for name in (
            "expected",
            "submitted",
            "accepted",
            "on_time",
            "late",
            "missing",
            "returned",
            "reporting_rate",
            "on_time_rate",
        )
    }
    units = [_row(r, period.ends_on) for r in result.units]
    return {"period": period_out(period), **counts, "units": units}


def _row(row, day: datetime.date) -> dict:
    # A past period names each unit as it was called then, like its page and spreadsheet.
    return {
        "request": row.request.pk,
        "unit": row.unit.name_on(day),
        "unit_code": row.unit.code,
        "state": row.state,
        "late": row.is_late,
        "submitted_at": row.report.submitted_at if row.report else None,
        "overdue_tasks": [t.pk for t in row.overdue_tasks],
    }


def _visible_request(request, request_id: int) -> tuple[ReportRequest, Access]:
    report_request = get_object_or_404(
        ReportRequest.objects.select_related("unit", "period__plan", "report"), pk=request_id
    )
    access = Access.for_user(request.user)
    report = getattr(report_request, "report", None)
    if not access.can_view_unit_report(report_request, report.status if report else None):
        raise Http404
    return report_request, access


def report_out(report_request: ReportRequest) -> dict:
    report = getattr(report_request, "report", None)
    tasks = (
        [
            {
                "task": tr.task_id,
                "status": tr.status,
                "progress": tr.progress,
                "done": tr.done,
                "figures": tr.figures,
                "difficulties": tr.difficulties,
                "proposals": tr.proposals,
            }
            for tr in report.task_reports.all()
        ]
        if report
        else []
    )
    return {
        "request": report_request.pk,
        "period": report_request.period.code,
        "unit": report_request.unit.code,
        "status": report.status if report else None,
        "is_late": bool(report and report.is_late),
        "submitted_at": report.submitted_at if report else None,
        "return_comments": report.return_comments if report else "",
        "accepted_at": report.accepted_at if report else None,
        "general_remarks": report.general_remarks if report else "",
        "difficulties": report.difficulties if report else "",
        "proposals": report.proposals if report else "",
        "tasks": tasks,
        "unit_tasks": list(services.unit_tasks(report_request).values_list("pk", flat=True)),
    }


def _reloaded(request_id: int) -> ReportRequest:
    return ReportRequest.objects.select_related("unit", "period__plan", "report").get(pk=request_id)


def _report(report_request: ReportRequest):
    report = getattr(report_request, "report", None)
    if report is None:
        raise Http404
    return report


@router.get("/requests/{request_id}", response=ReportOut, summary="A unit's report")
def get_report(request, request_id: int):
    report_request, _access = _visible_request(request, request_id)
    return report_out(report_request)


@router.put("/requests/{request_id}", response=ReportOut, summary="Save the draft (the unit)")
def save_report(request, request_id: int, payload: ReportIn):
    report_request, _access = _visible_request(request, request_id)
    services.report_save_draft(
        request=report_request,
        user=request.user,
        general_remarks=payload.general_remarks,
        difficulties=payload.difficulties,
        proposals=payload.proposals,
        tasks=[
            TaskReportInput(task_id=item.task, **item.dict(exclude={"task"}))
            for item in payload.tasks
        ],
    )
    return report_out(_reloaded(request_id))


@router.post(
    "/requests/{request_id}/xlsx",
    response=ReportOut,
    summary="Save the draft from a filled-in XLSX template",
)
def upload_template(request, request_id: int, file: File[UploadedFile]):
    report_request, _access = _visible_request(request, request_id)
    services.require_report_writer(request=report_request, user=request.user)
    checked = check_upload(file, kinds={XLSX}, max_bytes=max_upload_bytes())
    services.report_import_xlsx(request=report_request, user=request.user, content=checked.content)
    return report_out(_reloaded(request_id))


@router.post("/requests/{request_id}/submit", response=ReportOut, summary="Submit (unit head)")
def submit_report(request, request_id: int):
    report_request, _access = _visible_request(request, request_id)
    services.report_submit(report=_report(report_request), user=request.user)
    return report_out(_reloaded(request_id))


@router.post("/requests/{request_id}/accept", response=ReportOut, summary="Accept (office)")
def accept_report(request, request_id: int):
    report_request, _access = _visible_request(request, request_id)
    services.report_accept(report=_report(report_request), user=request.user)
    return report_out(_reloaded(request_id))


@router.post(
    "/requests/{request_id}/return", response=ReportOut, summary="Return with comments (office)"
)
def return_report(request, request_id: int, payload: ReturnIn):
    report_request, _access = _visible_request(request, request_id)
    services.report_return(
        report=_report(report_request), user=request.user, comments=payload.comments
    )
    return report_out(_reloaded(request_id))
