"""The quality system's pages. Each parses input, calls a service, renders; the services
decide who may act and the access rules who may read."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from quantri.orgs.access import Access
from quantri.orgs.models import Agency
from quantri.quality import legal, services
from quantri.quality.documents import DOCX_TYPE, XLSX_TYPE, audit_report_docx, review_xlsx
from quantri.quality.forms import (
    ActionForm,
    ApproveForm,
    AuditForm,
    CloseForm,
    DeclarationForm,
    FindingForm,
    ProcessForm,
    ReviewForm,
    VerifyForm,
    VersionForm,
    add_service_errors,
)
from quantri.quality.models import (
    Audit,
    CorrectiveAction,
    Declaration,
    Finding,
    FindingKind,
    ManagementReview,
    ProcessVersion,
    QualityProcess,
)
from quantri.quality.steps_text import steps_as_text
from quantri.quality.timing import exceeds_limit

DEPARTMENT_KINDS = ["department", "province"]


def _departments(access: Access, *, write: bool = False):
    if access.is_superuser:
        return Agency.objects.filter(kind__in=DEPARTMENT_KINDS)
    ids = access.quality_agency_ids if write else access.quality_reader_agency_ids()
    return Agency.objects.filter(pk__in=ids, kind__in=DEPARTMENT_KINDS)


def _writable_department(request) -> Agency:
    department = _departments(Access.for_request(request), write=True).first()
    if department is None:
        raise PermissionDenied
    return department


def _save(form, call):
    """Run the service; its errors go on the form. Returns the result or None."""
    try:
        return call()
    except ValidationError as exc:
        add_service_errors(form, exc)
        return None


def _create(request, department, form, create, *, done: str, next_page, title: str):
    """A new record of the department's quality system: the service decides, its errors go
    on the form, and a saved record leads to `next_page(record)`."""
    if request.method == "POST" and form.is_valid():
        record = _save(
            form,
            lambda: create(user=request.user, agency=department, **form.cleaned_data),
        )
        if record:
            messages.success(request, done)
            return redirect(next_page(record))
    return render(request, "quality/form.html", {"form": form, "title": title})


@login_required
def home(request):
    access = Access.for_request(request)
    if not access.uses_quality():
        raise PermissionDenied
    ids = set(_departments(access).values_list("pk", flat=True))
    processes = QualityProcess.objects.select_related("procedure", "unit").filter(
        Q(agency_id__in=ids) | Q(unit_id__in=access.task_unit_ids)
    )
    audits = Audit.objects.filter(
        Q(agency_id__in=ids) | Q(units__in=access.task_unit_ids) | Q(auditors=request.user)
    ).distinct()
    context = {
        "flagged": processes.flagged(),
        "processes": processes,
        "audits": audits,
        "declarations": Declaration.objects.filter(agency_id__in=ids),
        "reviews": ManagementReview.objects.filter(agency_id__in=ids),
        "today": timezone.localdate(),
        "can_write": bool(access.is_superuser or access.quality_agency_ids),
        "rule": legal.UPDATE_RULE,
    }
    return render(request, "quality/home.html", context)


@login_required
def process_new(request):
    department = _writable_department(request)
    return _create(
        request,
        department,
        ProcessForm(request.POST or None, agency=department),
        services.process_create,
        done=_("Process created: write its first version."),
        next_page=lambda process: reverse("quality:process_detail", args=[process.pk]),
        title=_("New process"),
    )


def _readable_process(request, pk: int) -> tuple[QualityProcess, Access]:
    process = get_object_or_404(QualityProcess.objects.select_related("procedure"), pk=pk)
    access = Access.for_request(request)
    if not access.can_read_process(process):
        raise Http404
    return process, access


@login_required
def process_detail(request, pk: int):
    process, access = _readable_process(request, pk)
    can_write = access.can_write_quality(process.agency_id)
    latest = process.versions.first()
    initial = {"steps": steps_as_text(latest.steps.all())} if latest else {}
    form = VersionForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if not can_write:
            raise PermissionDenied
        if form.is_valid():
            steps = [services.StepData(**step) for step in form.cleaned_data["steps"]]
            version = _save(
                form,
                lambda: services.version_create(
                    user=request.user,
                    process=process,
                    steps=steps,
                    change_note=form.cleaned_data["change_note"],
                ),
            )
            if version:
                messages.success(request, _("Version %(n)d saved.") % {"n": version.number})
                return redirect("quality:process_detail", pk=process.pk)
    versions = list(process.versions.select_related("author", "approved_by"))
    limit = process.procedure.processing_days
    for version in versions:
        version.total = version.total_days()
        version.too_long = exceeds_limit(version.total, limit)
    context = {
        "process": process,
        "versions": versions,
        "limit": limit,
        "form": form if can_write else None,
        "approve_form": ApproveForm() if access.can_approve_process(process.agency_id) else None,
        "today": timezone.localdate(),
    }
    return render(request, "quality/process_detail.html", context)


@login_required
@require_POST
def version_approve(request, pk: int):
    version = get_object_or_404(ProcessVersion.objects.select_related("process"), pk=pk)
    access = Access.for_request(request)
    if not access.can_read_process(version.process):
        raise Http404
    if not access.can_approve_process(version.process.agency_id):
        raise PermissionDenied
    form = ApproveForm(request.POST)
    if form.is_valid():
        try:
            services.version_approve(user=request.user, version=version, **form.cleaned_data)
        except ValidationError as exc:
            for error in exc.messages:
                messages.error(request, error)
        else:
            messages.success(request, _("Version approved."))
    else:
        messages.error(request, _("Give the date the version takes effect."))
    return redirect("quality:process_detail", pk=version.process_id)


@login_required
def declaration_new(request):
    department = _writable_department(request)
    return _create(
        request,
        department,
        DeclarationForm(request.POST or None, agency=department),
        services.declaration_save,
        done=_("Declaration saved; publish it from the list."),
        next_page=lambda _declaration: reverse("quality:home"),
        title=_("Declaration of conformity"),
    )


@login_required
@require_POST
def declaration_publish(request, pk: int):
    declaration = get_object_or_404(Declaration, pk=pk)
    if not Access.for_request(request).can_write_quality(declaration.agency_id):
        raise PermissionDenied
    try:
        services.declaration_publish(user=request.user, declaration=declaration)
    except ValidationError as exc:
        for error in exc.messages:
            messages.error(request, error)
    else:
        messages.success(request, _("The declaration is on the public portal."))
    return redirect("quality:home")


def declaration_public(request):
    """Public: the published declarations only — number, date, signer, scope and the
    processes covered by name; nothing internal (no audits, no findings, no people)."""
    declarations = (
        Declaration.objects.filter(is_published=True)
        .select_related("agency")
        .prefetch_related("processes__procedure")
    )
    context = {"declarations": declarations, "standard": legal.STANDARD, "basis": legal.DECISION}
    return render(request, "quality/declaration_public.html", context)


@login_required
def audit_new(request):
    department = _writable_department(request)
    return _create(
        request,
        department,
        AuditForm(request.POST or None, agency=department),
        services.audit_plan,
        done=_("Audit planned."),
        next_page=lambda audit: reverse("quality:audit_detail", args=[audit.pk]),
        title=_("Plan an internal audit"),
    )


def _readable_audit(request, pk: int) -> tuple[Audit, Access]:
    audit = get_object_or_404(Audit.objects.select_related("agency"), pk=pk)
    access = Access.for_request(request)
    if not access.can_read_audit(audit):
        raise Http404
    return audit, access


def _unit_findings(audit: Audit, access: Access):
    """A unit reads only the findings about itself; writers, the board and auditors read all."""
    findings = audit.findings.select_related("unit", "corrective_action__owner")
    if access.reads_all_quality(audit.agency_id) or access.is_auditor(audit):
        return findings
    return findings.filter(unit_id__in=access.task_unit_ids)


@login_required
def audit_detail(request, pk: int):
    audit, access = _readable_audit(request, pk)
    can_record = access.can_record_findings(audit) and not audit.is_closed
    form = FindingForm(request.POST or None, audit=audit)
    if request.method == "POST":
        if not can_record:
            raise PermissionDenied
        if form.is_valid():
            finding = _save(
                form,
                lambda: services.finding_add(user=request.user, audit=audit, **form.cleaned_data),
            )
            if finding:
                messages.success(request, _("Finding recorded."))
                return redirect("quality:audit_detail", pk=audit.pk)
    findings = list(_unit_findings(audit, access))
    for finding in findings:
        if can_record and finding.kind == FindingKind.NONCONFORMITY:
            finding.action_form = ActionForm(finding=finding, prefix=f"f{finding.pk}")
            finding.verify_form = VerifyForm(prefix=f"v{finding.pk}")
    context = {
        "audit": audit,
        "findings": findings,
        "form": form if can_record else None,
        "close_form": CloseForm() if access.can_write_quality(audit.agency_id) else None,
        "today": timezone.localdate(),
        "can_read_report": access.can_read_audit_report(audit),
    }
    return render(request, "quality/audit_detail.html", context)


@login_required
@require_POST
def action_save(request, pk: int):
    finding = get_object_or_404(Finding.objects.select_related("audit"), pk=pk)
    access = Access.for_request(request)
    if not access.can_read_audit(finding.audit):
        raise Http404
    if not access.can_record_findings(finding.audit):
        raise PermissionDenied
    form = ActionForm(request.POST, finding=finding, prefix=f"f{finding.pk}")
    if form.is_valid():
        try:
            services.corrective_action_save(user=request.user, finding=finding, **form.cleaned_data)
        except ValidationError as exc:
            for error in exc.messages:
                messages.error(request, error)
        else:
            messages.success(request, _("Corrective action saved."))
    else:
        for name, errors in form.errors.items():
            label = form.fields[name].label if name in form.fields else ""
            messages.error(request, f"{label}: {' '.join(errors)}" if label else " ".join(errors))
    return redirect("quality:audit_detail", pk=finding.audit_id)


@login_required
@require_POST
def action_verify(request, pk: int):
    record = get_object_or_404(CorrectiveAction.objects.select_related("finding__audit"), pk=pk)
    access = Access.for_request(request)
    if not access.can_read_audit(record.finding.audit):
        raise Http404
    if not access.can_record_findings(record.finding.audit):
        raise PermissionDenied
    form = VerifyForm(request.POST, prefix=f"v{record.finding_id}")
    if form.is_valid():
        try:
            services.corrective_action_verify(
                user=request.user,
                record=record,
                verified_on=form.cleaned_data["verified_on"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as exc:
            for error in exc.messages:
                messages.error(request, error)
        else:
            messages.success(request, _("Corrective action verified."))
    else:
        messages.error(request, _("Give the date of the verification."))
    return redirect("quality:audit_detail", pk=record.finding.audit_id)


@login_required
@require_POST
def audit_close(request, pk: int):
    audit, access = _readable_audit(request, pk)
    if not access.can_write_quality(audit.agency_id):
        raise PermissionDenied
    form = CloseForm(request.POST)
    if form.is_valid():
        try:
            services.audit_close(
                user=request.user, audit=audit, conclusion=form.cleaned_data["conclusion"]
            )
        except ValidationError as exc:
            for error in exc.messages:
                messages.error(request, error)
        else:
            messages.success(request, _("Audit closed."))
    else:
        messages.error(request, _("Write the audit's conclusion."))
    return redirect("quality:audit_detail", pk=audit.pk)


@login_required
def audit_report(request, pk: int):
    audit, access = _readable_audit(request, pk)
    if not access.can_read_audit_report(audit):
        raise Http404
    content = audit_report_docx(audit, signer=audit.auditors.first() or request.user)
    response = HttpResponse(content, content_type=DOCX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="danh-gia-noi-bo-{audit.pk}.docx"'
    return response


@login_required
def review_new(request):
    department = _writable_department(request)
    today = timezone.localdate()
    initial = {
        "year": today.year,
        "period_start": today.replace(month=1, day=1),
        "period_end": today,
        "held_on": today,
    }
    return _create(
        request,
        department,
        ReviewForm(request.POST or None, initial=initial),
        services.review_record,
        done=_("Management review recorded."),
        next_page=lambda review: reverse("quality:review_detail", args=[review.pk]),
        title=_("Management review"),
    )


def _readable_review(request, pk: int) -> ManagementReview:
    review = get_object_or_404(ManagementReview.objects.select_related("agency"), pk=pk)
    if not Access.for_request(request).reads_all_quality(review.agency_id):
        raise Http404
    return review


@login_required
def review_detail(request, pk: int):
    review = _readable_review(request, pk)
    return render(request, "quality/review_detail.html", {"review": review})


@login_required
def review_export(request, pk: int):
    review = _readable_review(request, pk)
    response = HttpResponse(review_xlsx(review), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="xem-xet-{review.year}.xlsx"'
    return response
