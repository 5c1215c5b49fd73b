"""The plan list, the plan page and publishing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from quantri.orgs.access import Access
from quantri.plans import services
from quantri.plans.amending.reads import amendment_context
from quantri.plans.editing import children_progress
from quantri.plans.extensions import annotate_tasks, plan_links
from quantri.plans.forms_editing import BulkForm
from quantri.plans.history import plan_changes
from quantri.plans.models import Plan, TaskStatus
from quantri.plans.outline import attach_page_urls, plan_outline, plan_summaries


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
    archived = request.GET.get("archived") == "1"
    plans = Plan.objects.select_related("agency").filter(archived_at__isnull=not archived)
    plans = list(access.viewable_plans(plans))
    context = {"summaries": plan_summaries(plans), "can_import": access.manages_any_agency()}
    context["archived"] = archived
    return render(request, "plans/plan_list.html", context)


@login_required
def plan_detail(request, pk: int):
    plan, access = viewable_plan(request, pk)
    return render(request, "plans/plan_detail.html", plan_page_context(plan, access))


def plan_page_context(plan: Plan, access: Access, bulk_form=None) -> dict:
    outline = plan_outline(plan)
    tasks = outline.tasks
    annotate_tasks(tasks, plan=plan, access=access)
    attach_page_urls(tasks)
    can_manage = access.can_manage_plan(plan)
    context = {
        "outline": outline,
        "reporting_rules": plan.reporting_rules.select_related("via_unit"),
        "can_manage": can_manage,
        "links": plan_links(plan, access),
        # The reports link only for those the reports pages let in (a unit head met a 404).
        "follows_reports": access.can_oversee_reports(plan),
        "writes_reports": bool(access.report_unit_ids()),
        "history": plan_changes(plan) if access.can_read_plan_internals(plan) else [],
        "can_read_internals": access.can_read_plan_internals(plan),
        "cascade": _cascade_rows(plan, tasks) if access.can_read_plan_internals(plan) else [],
    }
    context |= amendment_context(plan, access)
    if can_manage:
        context["bulk_form"] = bulk_form or BulkForm(plan=plan)
        context["unassigned_count"] = sum(1 for t in tasks if _unassigned(t))
        context["selected"] = _selected(bulk_form)
    return context


def _cascade_rows(plan: Plan, tasks) -> list[tuple]:
    """[(task, [ChildProgress])] for the plan's tasks that implementing plans carry out."""
    children = children_progress(plan=plan)
    return [(task, children[task.pk]) for task in tasks if task.pk in children]


def _selected(bulk_form) -> set[int]:
    """The ticked tasks of a refused bulk form, so the page comes back with them ticked."""
    if bulk_form is None:
        return set()
    return {int(pk) for pk in bulk_form.data.getlist("tasks") if str(pk).isdigit()}


def _unassigned(task) -> bool:
    """Task.objects.unassigned_or_undated() for a task already loaded."""
    undated = task.due_on is None and not task.recurrence
    return task.status != TaskStatus.CANCELLED and (task.lead_unit_id is None or undated)


@login_required
@require_POST
def plan_publish(request, pk: int):
    plan, _access = viewable_plan(request, pk)
    published = request.POST.get("published") == "1"
    services.plan_set_published(plan=plan, user=request.user, published=published)
    if published:
        messages.success(request, _("The plan is now shown on the public portal."))
    else:
        messages.success(request, _("The plan is no longer shown on the public portal."))
    return redirect("plans:plan_detail", pk=plan.pk)
