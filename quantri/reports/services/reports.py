"""The unit's report: drafted by staff, submitted by the head, accepted or returned by the
office; progress reported on the tasks the unit leads moves them."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from quantri.plans import services as plan_services
from quantri.plans.models import Evidence, Task, TaskStatus
from quantri.reports.models import (
    Notification,
    ReportEvidence,
    ReportingPeriod,
    ReportRequest,
    ReportStatus,
    TaskReport,
    UnitReport,
)
from quantri.reports.queries import office_users, unit_users
from quantri.reports.services.common import access_of as _access
from quantri.reports.services.common import require as _require


def unit_tasks(request: ReportRequest):
    """The tasks a unit reports on in a period: those it leads or supports."""
    return (
        Task.objects.filter(group__plan_id=request.period.plan_id)
        .filter(Q(lead_unit=request.unit_id) | Q(support_units=request.unit_id))
        .exclude(status=TaskStatus.CANCELLED)
        .distinct()
        .select_related("group__dimension", "lead_unit")
        .order_by("group__order", "order")
    )


@dataclass
class EvidenceInput:
    title: str = ""
    url: str = ""
    file_name: str = ""
    file_content: bytes | None = None


@dataclass
class TaskReportInput:
    task_id: int
    status: str = TaskStatus.IN_PROGRESS
    progress: int = 0
    done: str = ""
    figures: dict = field(default_factory=dict)
    difficulties: str = ""
    proposals: str = ""
    evidence: list[EvidenceInput] = field(default_factory=list)


def require_report_writer(*, request: ReportRequest, user) -> None:
    """Staff and the head of the unit write its report. Asked before an uploaded file is
    read, so a refused caller is told so whatever the file holds."""
    _require(
        _access(user).can_edit_unit_report(request),
        _("Only the unit's own staff and head write its report."),
    )


@transaction.atomic
def report_save_draft(
    *,
    request: ReportRequest,
    user,
    general_remarks: str = "",
    difficulties: str = "",
    proposals: str = "",
    tasks: list[TaskReportInput] = (),
) -> UnitReport:
    """Staff or the head of the unit write the report; nothing leaves the unit yet."""
    require_report_writer(request=request, user=user)
    _require_open(request.period)
    report = _report_for(request)
    if not report.is_editable:
        raise ValidationError(
            _("This report is %(status)s and can no longer be changed.")
            % {"status": report.get_status_display()}
        )
    report.general_remarks, report.difficulties = general_remarks, difficulties
    report.proposals, report.updated_by = proposals, user
    report._history_user = user
    report.full_clean()
    report.save()
    allowed = {t.pk: t for t in unit_tasks(request)}
    for item in tasks:
        _save_task_report(report, item, allowed, user)
    return report


def _require_open(period: ReportingPeriod) -> None:
    if not period.is_open:
        raise ValidationError(_("Period %(code)s is closed.") % {"code": period.code})


def _report_for(request: ReportRequest) -> UnitReport:
    report = UnitReport.objects.select_for_update().filter(request=request).first()
    return report or UnitReport(request=request)


def _save_task_report(report: UnitReport, item: TaskReportInput, allowed: dict, user) -> None:
    task = allowed.get(item.task_id)
    if task is None:
        raise ValidationError(
            _("Task %(id)s is not one of this unit's tasks in the plan.") % {"id": item.task_id}
        )
    task_report = TaskReport.objects.filter(report=report, task=task).first()
    task_report = task_report or TaskReport(report=report, task=task)
    for name in ("status", "progress", "done", "figures", "difficulties", "proposals"):
        setattr(task_report, name, getattr(item, name))
    task_report._history_user = user
    try:
        task_report.full_clean(exclude=["report", "task"])
    except ValidationError as exc:
        raise ValidationError(_task_errors(task, exc)) from exc
    task_report.save()
    for evidence in item.evidence:
        _save_evidence(task_report, evidence, user)


def _task_errors(task: Task, exc: ValidationError) -> str:
    """One message saying which task and which field, e.g. "Task 3.1 — progress: …"."""
    details = "; ".join(
        " ".join(messages) if name == "__all__" else f"{name}: {' '.join(messages)}"
        for name, messages in exc.message_dict.items()
    )
    return _("Task %(number)s: %(details)s") % {
        "number": f"{task.group.order}.{task.order}",
        "details": details,
    }


def _save_evidence(task_report: TaskReport, item: EvidenceInput, user) -> ReportEvidence:
    evidence = ReportEvidence(
        task_report=task_report, title=item.title[:255], url=item.url, uploaded_by=user
    )
    if item.file_content is not None:
        evidence.file.save(item.file_name, ContentFile(item.file_content), save=False)
    evidence.full_clean(exclude=["task_report", "task_evidence"])
    evidence.save()
    return evidence


@transaction.atomic
def report_submit(*, report: UnitReport, user) -> UnitReport:
    """The unit head sends the report to the office. The first submission after the
    deadline is marked late; progress reported on the tasks the unit leads updates them."""
    request = report.request
    _require(
        _access(user).can_submit_unit_report(request),
        _("Only the head of the unit submits its report."),
    )
    _require_open(request.period)
    if not report.pk or not report.is_editable:
        raise ValidationError(_("Only a draft or returned report can be submitted."))
    now = timezone.now()
    if report.submitted_at is None:
        # Timeliness is the first submission's (as in DHIS2): a report the office returns
        # and the unit corrects after the deadline was still on time.
        report.is_late = timezone.localdate(now) > request.period.deadline
    report.status, report.submitted_at, report.submitted_by = ReportStatus.SUBMITTED, now, user
    report.updated_by, report._history_user = user, user
    report.full_clean()
    report.save()
    _update_tasks(report, user)
    _notify_office(
        request,
        _("%(unit)s submitted report %(code)s.")
        % {"unit": request.unit.name, "code": request.period.code},
    )
    return report


def _update_tasks(report: UnitReport, user) -> None:
    unit_id, code = report.request.unit_id, report.request.period.code
    task_reports = report.task_reports.select_related("task__group").prefetch_related("evidence")
    for task_report in task_reports:
        task = task_report.task
        if task.lead_unit_id != unit_id:
            continue  # supporting units report their part; the lead unit moves the task
        update = plan_services.task_record_progress(
            task=task,
            user=user,
            progress=task_report.progress,
            status=task_report.status,
            note=_("Report %(code)s: %(done)s") % {"code": code, "done": task_report.done},
        )
        for evidence in task_report.evidence.all():
            _copy_evidence(evidence, task, update, user)


def _copy_evidence(evidence: ReportEvidence, task: Task, update, user) -> None:
    if evidence.task_evidence_id:
        return
    # The same stored file, not a copy of its bytes.
    evidence.task_evidence = Evidence.objects.create(
        task=task,
        update=update,
        title=evidence.title,
        file=evidence.file.name,
        url=evidence.url,
        uploaded_by=evidence.uploaded_by or user,
    )
    evidence.save(update_fields=["task_evidence"])


@transaction.atomic
def report_return(*, report: UnitReport, user, comments: str) -> UnitReport:
    """The office sends a submitted report back to the unit with what to correct."""
    _require(
        _access(user).can_review_unit_report(report.request),
        _("Only the office returns reports."),
    )
    if report.status != ReportStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted report can be returned."))
    if not comments.strip():
        raise ValidationError({"return_comments": _("Say what the unit should correct.")})
    report.status, report.return_comments = ReportStatus.RETURNED, comments.strip()
    report.returned_by, report.returned_at = user, timezone.now()
    report.updated_by, report._history_user = user, user
    report.full_clean()
    report.save()
    _notify_unit(
        report,
        _("Your report for %(code)s was returned: %(comments)s")
        % {"code": report.request.period.code, "comments": report.return_comments},
    )
    return report


@transaction.atomic
def report_accept(*, report: UnitReport, user) -> UnitReport:
    """The office accepts a submitted report; from then on it is locked."""
    _require(
        _access(user).can_review_unit_report(report.request),
        _("Only the office accepts reports."),
    )
    if report.status != ReportStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted report can be accepted."))
    report.status, report.accepted_by, report.accepted_at = (
        ReportStatus.ACCEPTED,
        user,
        timezone.now(),
    )
    report.updated_by, report._history_user = user, user
    report.full_clean()
    report.save()
    _notify_unit(
        report, _("Your report for %(code)s was accepted.") % {"code": report.request.period.code}
    )
    return report


def _notify_unit(report: UnitReport, text: str) -> None:
    url = report_url(report.request)
    Notification.objects.bulk_create(
        Notification(user=user, text=text, url=url) for user in unit_users(report.request.unit_id)
    )


def _notify_office(request: ReportRequest, text: str) -> None:
    url = report_url(request)
    Notification.objects.bulk_create(
        Notification(user=user, text=text, url=url)
        for user in office_users(request.period.plan.agency_id)
    )


def report_url(request: ReportRequest) -> str:
    return reverse("reports:unit_report", args=[request.pk])


def notification_mark_read(*, user, pk: int | None = None) -> int:
    """Mark one notification, or all of a user's, as read; returns how many changed."""
    unread = Notification.objects.filter(user=user).unread()
    if pk is not None:
        unread = unread.filter(pk=pk)
    return unread.update(read_at=timezone.now())


@transaction.atomic
def report_import_xlsx(*, request: ReportRequest, user, content: bytes) -> UnitReport:
    """Save a filled-in template as the draft. Any problem in the file: ValidationError
    listing each (sheet, row, column) and nothing saved."""
    from quantri.reports.spreadsheet import TemplateErrors, read_template

    require_report_writer(request=request, user=user)
    try:
        data = read_template(content, request=request, tasks=list(unit_tasks(request)))
    except TemplateErrors as exc:
        raise ValidationError(exc.messages) from None
    return report_save_draft(
        request=request,
        user=user,
        general_remarks=data.general_remarks,
        difficulties=data.difficulties,
        proposals=data.proposals,
        tasks=data.tasks,
    )
