"""The plan list, the plan page and publishing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from quantri.dossiers.service_figures import attach_to_tasks
from quantri.orgs.access import Access
from quantri.plans import services
from quantri.plans.models import Plan
from quantri.plans.outline import plan_outline, plan_summaries


def viewable_plan(request, pk: int) -> tuple[Plan, Access]:
    """The plan if this user may read it; a 404 otherwise, so its existence does not leak."""
    plan = get_object_or_404(Plan.objects.select_related("agency", "framework"), pk=pk)
    access = Access.for_request(request)
    if not access.can_view_plan(plan):
        raise Http404
    return plan, access


@login_required
def plan_list(request):
    access = Access.for_request(request)
    plans = list(access.viewable_plans(Plan.objects.select_related("agency")))
    context = {"summaries": plan_summaries(plans), "can_import": access.manages_any_agency()}
    return render(request, "plans/plan_list.html", context)


@login_required
def plan_detail(request, pk: int):
    plan, access = viewable_plan(request, pk)
    outline = plan_outline(plan)
    attach_to_tasks(outline.tasks, plan=plan, access=access)
    context = {
        "outline": outline,
        "reporting_rules": plan.reporting_rules.select_related("via_unit"),
        "can_manage": access.can_manage_plan(plan),
    }
    return render(request, "plans/plan_detail.html", context)


@login_required
@require_POST
def plan_publish(request, pk: int):
    plan, access = viewable_plan(request, pk)
    if not access.can_manage_plan(plan):
        raise PermissionDenied
    published = request.POST.get("published") == "1"
    services.plan_set_published(plan=plan, user=request.user, published=published)
    if published:
        messages.success(request, _("The plan is now shown on the public portal."))
    else:
        messages.success(request, _("The plan is no longer shown on the public portal."))
    return redirect("plans:plan_detail", pk=plan.pk)
