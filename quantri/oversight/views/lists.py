import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from quantri.orgs.access import Access
from quantri.oversight import services
from quantri.oversight.figures import oversight_figures
from quantri.oversight.forms import PlanItemForm
from quantri.oversight.models import Finding, Inspection, InspectionPlan
from quantri.oversight.views.common import departments, writable_departments
from quantri.plans.forms import add_service_error


@login_required
@require_http_methods(["GET", "POST"])
def index(request):
    access = Access.for_request(request)
    if not access.uses_oversight():
        raise PermissionDenied
    if request.method == "POST":
        return _plan_for_year(request, access)
    today = timezone.localdate()
    readers = departments(access.inspection_reader_agency_ids(), access.is_superuser)
    inspections = access.viewable_inspections(Inspection.objects.select_related("agency"))
    findings = access.viewable_findings(
        Finding.objects.select_related("inspection", "subject_unit")
    ).filter(subject_unit_id__in=access.task_unit_ids)
    start = datetime.date(today.year, 1, 1)
    context = {
        "inspections": inspections,
        "plans": InspectionPlan.objects.filter(agency__in=readers),
        "own_findings": findings,
        "figures": [(a, oversight_figures(agency=a, start=start, end=today)) for a in readers],
        "writable": writable_departments(access),
        "year": today.year,
    }
    return render(request, "oversight/index.html", context)


def _plan_for_year(request, access):
    agencies = writable_departments(access)
    if not agencies.exists():
        raise PermissionDenied
    agency = agencies.filter(pk=_number(request.POST.get("agency"))).first()
    if agency is None:
        messages.error(request, _("Choose the department whose plan to open."))
        return redirect("oversight:index")
    try:
        year = int(request.POST.get("year", ""))
    except ValueError:
        messages.error(request, _("The year must be a number, such as 2026."))
        return redirect("oversight:index")
    plan = services.inspection_plan_for(agency=agency, year=year, user=request.user)
    return redirect("oversight:plan_detail", plan.pk)


def _number(value) -> int | None:
    return int(value) if value and str(value).isdigit() else None


@login_required
@require_http_methods(["GET", "POST"])
def plan_detail(request, pk: int):
    plan = get_object_or_404(InspectionPlan.objects.select_related("agency"), pk=pk)
    access = Access.for_request(request)
    if not access.can_read_all_inspections(plan.agency_id):
        raise PermissionDenied
    form = PlanItemForm(request.POST or None, agency=plan.agency)
    if request.method == "POST":
        if not access.can_write_inspections(plan.agency_id):
            raise PermissionDenied
        if form.is_valid():
            try:
                services.plan_item_add(plan=plan, user=request.user, **form.service_kwargs())
            except ValidationError as exc:
                add_service_error(form, exc)
            else:
                messages.success(request, _("The planned inspection was added."))
                return redirect("oversight:plan_detail", plan.pk)
    context = {
        "plan": plan,
        "items": plan.items.select_related("subject_unit"),
        "form": form if access.can_write_inspections(plan.agency_id) else None,
    }
    return render(request, "oversight/plan.html", context, status=400 if form.errors else 200)
