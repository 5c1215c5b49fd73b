"""The unit's report: its form (a block per task), submission, the office's review, history."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from quantri.dossiers.service_figures import figures_shown
from quantri.orgs.access import Access
from quantri.plans.forms import add_service_error
from quantri.reports import queries, services
from quantri.reports.forms import ReviewForm, TaskBlockForm, TemplateUploadForm, UnitReportForm
from quantri.reports.models import ReportEvidence, ReportStatus
from quantri.reports.views.common import page, report_of, visible_request

SAVE, SUBMIT = "save", "submit"


@login_required
def my_reports(request):
    access = Access.for_request(request)
    requests = queries.requests_for_units(access.report_unit_ids())
    return render(request, "reports/my_reports.html", page(request, requests=requests))


@login_required
def unit_report(request, pk: int):
    report_request, access = visible_request(request, pk)
    report = report_of(report_request)
    tasks = list(services.unit_tasks(report_request).prefetch_related("support_units"))
    rights = _rights(access, report_request, report)
    if request.method == "POST":
        if not rights["can_edit"]:
            raise PermissionDenied
        action = SUBMIT if request.POST.get("action") == SUBMIT else SAVE
        if action == SUBMIT and not rights["can_submit"]:
            raise PermissionDenied
        form, blocks = _forms(tasks, report, request.POST, request.FILES)
        if _save(request, report_request, form, blocks, action):
            return redirect("reports:unit_report", pk=report_request.pk)
    else:
        form, blocks = _forms(tasks, report)
    context = {
        "report_request": report_request,
        "period": report_request.period,
        "report": report,
        "form": form if rights["can_edit"] else None,
        "blocks": _blocks(tasks, report, blocks),
        "review_form": ReviewForm() if rights["can_review"] else None,
        "upload_form": TemplateUploadForm() if rights["can_edit"] else None,
        "service_figures": _service_figures(report_request, access),
        **rights,
    }
    return render(request, "reports/unit_report.html", page(request, **context))


def _service_figures(report_request, access: Access):
    """The unit's one-stop dossiers over the period's window: figures for its report."""
    period = report_request.period
    return figures_shown(report_request.unit_id, period.starts_on, period.ends_on, access)


def _rights(access: Access, report_request, report) -> dict:
    editable = report_request.period.is_open and (report is None or report.is_editable)
    can_edit = editable and access.can_edit_unit_report(report_request)
    return {
        "can_edit": can_edit,
        "can_submit": can_edit and access.can_submit_unit_report(report_request),
        "can_review": report is not None
        and report.status == ReportStatus.SUBMITTED
        and access.can_review_unit_report(report_request),
    }


def _forms(tasks, report, data=None, files=None):
    saved = {tr.task_id: tr for tr in report.task_reports.all()} if report else {}
    initial = {
        "general_remarks": report.general_remarks if report else "",
        "difficulties": report.difficulties if report else "",
        "proposals": report.proposals if report else "",
    }
    form = UnitReportForm(data, initial=initial)
    blocks = [
        TaskBlockForm(
            data, files, task=task, initial=TaskBlockForm.initial_for(task, saved.get(task.pk))
        )
        for task in tasks
    ]
    return form, blocks


def _blocks(tasks, report, forms) -> list[dict]:
    """Each task with its form and what the unit has reported on it so far."""
    saved = {}
    if report is not None:
        saved = {tr.task_id: tr for tr in report.task_reports.prefetch_related("evidence").all()}
    return [
        {"task": task, "form": form, "saved": saved.get(task.pk)}
        for task, form in zip(tasks, forms, strict=True)
    ]


def _save(request, report_request, form, blocks, action) -> bool:
    if not (form.is_valid() and all(block.is_valid() for block in blocks)):
        messages.error(request, _("The report was not saved: correct the fields marked below."))
        return False
    try:
        report = services.report_save_draft(
            request=report_request,
            user=request.user,
            tasks=[block.as_input() for block in blocks],
            **form.cleaned_data,
        )
        if action == SUBMIT:
            services.report_submit(report=report, user=request.user)
    except ValidationError as exc:
        add_service_error(form, exc)
        return False
    if action == SUBMIT:
        messages.success(request, _("The report was submitted to the office."))
    else:
        messages.success(request, _("Draft saved."))
    return True


@login_required
@require_POST
def report_review(request, pk: int):
    report_request, access = visible_request(request, pk)
    report = report_of(report_request)
    if report is None or not access.can_review_unit_report(report_request):
        raise PermissionDenied
    form = ReviewForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("reports:unit_report", pk=report_request.pk)
    try:
        if form.cleaned_data["action"] == ReviewForm.ACCEPT:
            services.report_accept(report=report, user=request.user)
            messages.success(request, _("The report was accepted."))
        else:
            services.report_return(
                report=report, user=request.user, comments=form.cleaned_data["comments"]
            )
            messages.success(request, _("The report was returned to the unit."))
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    return redirect("reports:unit_report", pk=report_request.pk)


@login_required
def report_history(request, pk: int):
    report_request, _access = visible_request(request, pk)
    report = report_of(report_request)
    records = report.history.select_related("history_user") if report else []
    context = {
        "report_request": report_request,
        "period": report_request.period,
        "records": records,
    }
    return render(request, "reports/report_history.html", page(request, **context))


@login_required
def evidence_file(request, pk: int):
    """Report evidence is internal: served after the same check as the report itself."""
    evidence = get_object_or_404(
        ReportEvidence.objects.select_related("task_report__report__request"), pk=pk
    )
    visible_request(request, evidence.task_report.report.request_id)
    if not evidence.file:
        raise Http404
    name = evidence.file.name.rsplit("/", 1)[-1]
    return FileResponse(evidence.file.open("rb"), as_attachment=True, filename=name)
