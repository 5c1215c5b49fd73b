"""Editing a plan after its import: its header, groups, new tasks, bulk actions on a selection
of tasks, and the list of tasks still without a lead unit or a deadline. The editing services
decide who may do what (PermissionDenied is a 403); these views only parse and call them."""

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from quantri.plans import editing
from quantri.plans.forms import add_service_error
from quantri.plans.forms_editing import (
    BulkForm,
    GroupEditForm,
    GroupMergeForm,
    GroupMoveForm,
    PlanEditForm,
    TaskAddForm,
)
from quantri.plans.models import TaskGroup
from quantri.plans.views.plans import plan_page_context, viewable_plan


def attempt(form, call):
    """Run a service; its ValidationError goes onto the form's fields. What the service
    returned (True if nothing) when it ran, None when it refused."""
    try:
        result = call()
    except ValidationError as exc:
        add_service_error(form, exc)
        return None
    return True if result is None else result


def _managed_plan(request, pk: int):
    """The plan for an editing page: 404 if the user may not see it, 403 if only see it."""
    plan, access = viewable_plan(request, pk)
    if not access.can_manage_plan(plan):
        raise PermissionDenied
    return plan


def _saved(request, plan_id: int):
    messages.success(request, _("Your changes have been saved."))
    return redirect("plans:plan_detail", pk=plan_id)


@login_required
def plan_edit(request, pk: int):
    plan = _managed_plan(request, pk)
    form = PlanEditForm(request.POST or None, plan=plan)
    if request.method == "POST" and form.is_valid():
        call = partial(
            editing.plan_edit,
            plan=plan,
            user=request.user,
            header=form.header(),
            reason=form.cleaned_data["reason"],
        )
        if attempt(form, call):
            return _saved(request, plan.pk)
        plan.refresh_from_db()
    context = {"plan": plan, "form": form, "title": _("Edit the plan")}
    return render(request, "plans/edit_form.html", context)


@login_required
def group_add(request, pk: int):
    plan = _managed_plan(request, pk)
    form = GroupEditForm(request.POST or None, plan=plan)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        call = partial(
            editing.group_add,
            plan=plan,
            user=request.user,
            title=data["title"],
            dimension=data["dimension"],
            reason=data["reason"],
        )
        if attempt(form, call):
            return _saved(request, plan.pk)
    context = {"plan": plan, "form": form, "title": _("Add a group")}
    return render(request, "plans/edit_form.html", context)


@login_required
def group_edit(request, pk: int):
    group = get_object_or_404(TaskGroup.objects.select_related("plan"), pk=pk)
    plan = _managed_plan(request, group.plan_id)
    action = request.POST.get("action") if request.method == "POST" else None
    forms = {
        "edit": GroupEditForm(
            request.POST if action == "edit" else None, plan=plan, group=group, prefix="edit"
        ),
        "move": GroupMoveForm(
            request.POST if action == "move" else None,
            initial={"position": group.order},
            prefix="move",
        ),
        "merge": GroupMergeForm(
            request.POST if action == "merge" else None, group=group, prefix="merge"
        ),
    }
    form = forms.get(action)
    if (
        form is not None
        and form.is_valid()
        and attempt(form, _group_call(action, form, group, request.user))
    ):
        return _saved(request, plan.pk)
    return render(request, "plans/group_edit.html", {"plan": plan, "group": group, "forms": forms})


def _group_call(action: str, form, group, user):
    data = form.cleaned_data
    if action == "edit":
        return partial(
            editing.group_edit,
            group=group,
            user=user,
            title=data["title"],
            dimension=data["dimension"],
            reason=data["reason"],
        )
    if action == "move":
        return partial(
            editing.group_move,
            group=group,
            user=user,
            position=data["position"],
            reason=data["reason"],
        )
    return partial(
        editing.group_merge, source=group, target=data["target"], user=user, reason=data["reason"]
    )


@login_required
def task_add(request, pk: int):
    plan = _managed_plan(request, pk)
    form = TaskAddForm(request.POST or None, plan=plan, initial={"group": request.GET.get("group")})
    if request.method == "POST" and form.is_valid():
        call = partial(
            editing.task_add,
            group=form.cleaned_data["group"],
            user=request.user,
            fields=form.task_fields(),
            reason=form.cleaned_data["reason"],
        )
        task = attempt(form, call)
        if task:
            messages.success(request, _("The task has been added; now assign it."))
            return redirect("plans:task_edit", pk=task.pk)
    context = {"plan": plan, "form": form, "title": _("Add a task")}
    return render(request, "plans/edit_form.html", context)


@login_required
@require_POST
def plan_bulk(request, pk: int):
    """The bulk-action form of the plan page; on a problem the plan page comes back with the
    selection kept and the message on the field."""
    plan = _managed_plan(request, pk)
    form = BulkForm(request.POST, plan=plan)
    if form.is_valid() and attempt(form, _bulk_call(form, plan, request.user)):
        count = len(form.task_ids())
        messages.success(request, _("Done for %(count)s task(s).") % {"count": count})
        return redirect("plans:plan_detail", pk=plan.pk)
    plan, access = viewable_plan(request, pk)
    context = plan_page_context(plan, access, bulk_form=form)
    return render(request, "plans/plan_detail.html", context, status=400)


def _bulk_call(form: BulkForm, plan, user):
    data, ids = form.cleaned_data, form.task_ids()
    common = {"plan": plan, "user": user, "task_ids": ids, "reason": data["reason"]}
    action = data["action"]
    if action == "assign":
        supports = list(data["support_units"]) or None
        return partial(
            editing.tasks_bulk_assign,
            **common,
            lead_unit=data["lead_unit"],
            support_units=supports,
        )
    if action == "officers":
        officers = list(data["responsible_officers"])
        return partial(editing.tasks_bulk_set_officers, **common, officers=officers)
    if action == "deadline":
        return partial(editing.tasks_bulk_set_deadline, **common, deadline=form.deadline())
    if action == "weight":
        if data["weight"] is None:
            return partial(_missing, "weight", _("Enter the weight."))
        return partial(editing.tasks_bulk_set_weight, **common, weight=data["weight"])
    if action == "move":
        if data["group"] is None:
            return partial(_missing, "group", _("Choose the group to move the tasks to."))
        return partial(editing.tasks_bulk_move, **common, group=data["group"])
    if action == "merge":
        tasks = sorted(data["tasks"], key=lambda t: (t.group.order, t.order))
        return partial(editing.task_merge, tasks=tasks, user=user, reason=data["reason"])
    return partial(editing.tasks_bulk_cancel, **common)


def _missing(field: str, message: str):
    raise ValidationError({field: message})


@login_required
def plan_unassigned(request, pk: int):
    plan = _managed_plan(request, pk)
    tasks = list(editing.unassigned_tasks(plan))
    return render(request, "plans/unassigned.html", {"plan": plan, "tasks": tasks})
