from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from quantri.orgs.access import Access
from quantri.oversight import services
from quantri.oversight.conclusion import conclusion_docx as render_conclusion
from quantri.oversight.forms import (
    ConclusionForm,
    FindingForm,
    InspectionForm,
    RemedyForm,
    ViolationForm,
)
from quantri.oversight.remedy_tasks import remedies_make_tasks
from quantri.oversight.views.common import inspection_for, writable_departments
from quantri.plans.forms import add_service_error

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@login_required
@require_http_methods(["GET", "POST"])
def inspection_new(request):
    access = Access.for_request(request)
    agencies = writable_departments(access)
    agency = agencies.filter(pk=request.GET.get("agency") or None).first() or agencies.first()
    if agency is None:
        raise PermissionDenied
    form = InspectionForm(request.POST or None, agency=agency)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        fields = services.InspectionFields(
            kind=data["kind"],
            subject=services.Subject(
                data["subject_kind"], data["subject_text"], data["subject_unit"]
            ),
            decision_number=data["decision_number"],
            decision_date=data["decision_date"],
            period_from=data["period_from"],
            period_to=data["period_to"],
            team=list(data["team"]),
            team_lead=data["team_lead"],
        )
        try:
            inspection = services.inspection_open(agency=agency, user=request.user, fields=fields)
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            return redirect("oversight:inspection_detail", inspection.pk)
    status = 400 if form.errors else 200
    context = {"form": form, "agency": agency}
    return render(request, "oversight/inspection_form.html", context, status=status)


def _detail_context(inspection, access, forms: dict | None = None) -> dict:
    full = access.can_read_all_inspections(inspection.agency_id)
    findings = inspection.findings.select_related("subject_unit").prefetch_related(
        "violations__unit", "violations__finding__inspection"
    )
    remedies = inspection.remedies.select_related("lead_unit", "task", "finding")
    if not full:
        findings = findings.filter(subject_unit_id__in=access.task_unit_ids)
        remedies = remedies.filter(
            Q(lead_unit_id__in=access.task_unit_ids)
            | Q(finding__subject_unit_id__in=access.task_unit_ids)
        )
    rows = []
    for finding in findings:
        violations = [(v, access.can_view_violation_names(v)) for v in finding.violations.all()]
        rows.append((finding, violations))
    writes = access.can_write_inspections(inspection.agency_id) and inspection.status != "closed"
    forms = forms or {}
    if writes:
        forms.setdefault("finding", FindingForm(agency=inspection.agency))
        forms.setdefault("violation", ViolationForm(inspection=inspection))
        forms.setdefault("remedy", RemedyForm(inspection=inspection))
        forms.setdefault("conclusion", ConclusionForm(initial=_conclusion_initial(inspection)))
    return {
        "inspection": inspection,
        "full": full,
        "findings": rows,
        "remedies": remedies,
        "writes": writes,
        "makes_tasks": access.can_make_remedy_tasks(inspection.agency_id),
        "forms": forms,
    }


def _conclusion_initial(inspection) -> dict:
    return {
        "conclusion_number": inspection.conclusion_number,
        "conclusion_date": inspection.conclusion_date,
        "conclusion": inspection.conclusion,
        "signer_name": inspection.signer_name or inspection.team_lead,
        "signer_position": inspection.signer_position,
    }


@login_required
def inspection_detail(request, pk: int):
    inspection, access = inspection_for(request, pk)
    return render(request, "oversight/inspection.html", _detail_context(inspection, access))


def _act(request, pk: int, name: str, form_class, call):
    """A write on an inspection's page: the form parses, the service decides; errors go back
    to the page on the form's fields with status 400."""
    inspection, access = inspection_for(request, pk, full=True)
    if not access.can_write_inspections(inspection.agency_id):
        raise PermissionDenied
    kwargs = {"agency": inspection.agency} if form_class is FindingForm else {}
    if form_class in (ViolationForm, RemedyForm):
        kwargs = {"inspection": inspection}
    form = form_class(request.POST, **kwargs)
    if form.is_valid():
        try:
            call(inspection, form.cleaned_data)
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("oversight:inspection_detail", inspection.pk)
    context = _detail_context(inspection, access, {name: form})
    return render(request, "oversight/inspection.html", context, status=400)


@login_required
@require_POST
def finding_add(request, pk: int):
    def call(inspection, data):
        services.finding_add(inspection=inspection, user=request.user, **data)

    return _act(request, pk, "finding", FindingForm, call)


@login_required
@require_POST
def violation_add(request, pk: int):
    def call(inspection, data):
        finding = data.pop("finding")
        fields = services.ViolationFields(**data)
        services.violation_add(finding=finding, user=request.user, fields=fields)

    return _act(request, pk, "violation", ViolationForm, call)


@login_required
@require_POST
def remedy_add(request, pk: int):
    def call(inspection, data):
        services.remedy_add(
            inspection=inspection,
            user=request.user,
            text=data["text"],
            lead_unit=data["lead_unit"],
            due_on=data["due_on"],
            support_units=list(data["support_units"]),
            finding=data["finding"],
        )

    return _act(request, pk, "remedy", RemedyForm, call)


@login_required
@require_POST
def conclude(request, pk: int):
    def call(inspection, data):
        services.inspection_conclude(
            inspection=inspection,
            user=request.user,
            number=data["conclusion_number"],
            concluded_on=data["conclusion_date"],
            conclusion=data["conclusion"],
            signer_name=data["signer_name"],
            signer_position=data["signer_position"],
        )

    return _act(request, pk, "conclusion", ConclusionForm, call)


def _refused(request, inspection, exc: ValidationError):
    for message in exc.messages:
        messages.error(request, message)
    return redirect("oversight:inspection_detail", inspection.pk)


@login_required
@require_POST
def remedies_tasks(request, pk: int):
    inspection, access = inspection_for(request, pk, full=True)
    try:
        made = remedies_make_tasks(inspection=inspection, user=request.user)
    except ValidationError as exc:
        return _refused(request, inspection, exc)
    messages.success(request, _("%(count)d remedies are now plan tasks.") % {"count": len(made)})
    return redirect("oversight:inspection_detail", inspection.pk)


@login_required
@require_POST
def close(request, pk: int):
    inspection, access = inspection_for(request, pk, full=True)
    try:
        services.inspection_close(inspection=inspection, user=request.user)
    except ValidationError as exc:
        return _refused(request, inspection, exc)
    messages.success(request, _("The inspection is closed."))
    return redirect("oversight:inspection_detail", inspection.pk)


@login_required
def conclusion_docx(request, pk: int):
    inspection, access = inspection_for(request, pk, full=True)
    if not inspection.conclusion_number:
        messages.error(request, _("Record the conclusion first."))
        return redirect("oversight:inspection_detail", inspection.pk)
    response = HttpResponse(render_conclusion(inspection), content_type=DOCX)
    filename = f"ket-luan-{inspection.pk}.docx"
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=filename
    )
    return response
