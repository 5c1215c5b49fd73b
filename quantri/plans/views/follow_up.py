"""Follow-up from the page: the task list and the overdue list as XLSX, and the plan's print
view with its assignment table (the annex agencies attach to the plan)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from quantri.orgs.access import Access
from quantri.orgs.models import Agency
from quantri.plans.exports import tasks_workbook
from quantri.plans.follow_up import TaskFilterForm, followed_tasks, followed_units, plan_tasks
from quantri.plans.outline import plan_outline
from quantri.plans.views.plans import viewable_plan

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _xlsx(content: bytes, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _internal_plan(request, pk: int):
    plan, access = viewable_plan(request, pk)
    if not access.can_read_plan_internals(plan):
        raise Http404
    return plan, access


@login_required
def plan_tasks_xlsx(request, pk: int):
    plan, _access = _internal_plan(request, pk)
    units = Agency.objects.filter(pk__in=Agency.objects.subtree_ids(plan.agency))
    form = TaskFilterForm(request.GET, units=units.order_by("order", "name"))
    if not form.is_valid():
        return HttpResponseBadRequest(form.error_text(), content_type="text/plain; charset=utf-8")
    today = timezone.localdate()
    tasks = form.apply(plan_tasks(plan), today)
    content = tasks_workbook(tasks, title=_("Tasks"), today=today)
    return _xlsx(content, f"nhiem-vu-ke-hoach-{plan.pk}-{today:%Y%m%d}.xlsx")


@login_required
def due_tasks_xlsx(request):
    access = _follower(request)
    form = TaskFilterForm(request.GET, units=followed_units(access))
    if not form.is_valid():
        return HttpResponseBadRequest(form.error_text(), content_type="text/plain; charset=utf-8")
    today = timezone.localdate()
    tasks = form.apply(followed_tasks(access), today).overdue(today)
    content = tasks_workbook(tasks, title=_("Overdue"), today=today)
    return _xlsx(content, f"nhiem-vu-qua-han-{today:%Y%m%d}.xlsx")


def _follower(request) -> Access:
    access = Access.for_request(request)
    if not access.manages_any_agency():
        raise PermissionDenied
    return access


@login_required
def plan_print(request, pk: int):
    plan, _access = _internal_plan(request, pk)
    outline = plan_outline(plan, with_officers=True)
    context = {"plan": plan, "outline": outline, "today": timezone.localdate()}
    return render(request, "plans/plan_print.html", context)
