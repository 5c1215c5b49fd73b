"""The task's editing page: its text, assignment, officers, deadline, place, split and
removal, each a form of its own posting an `action`. The office edits everything; the head of
the lead unit picks the officers."""

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from quantri.orgs.access import Access
from quantri.plans import editing
from quantri.plans.editing.rules import may_pick_officers
from quantri.plans.forms_cascade import ParentTaskForm, SendDownForm
from quantri.plans.forms_editing import (
    AssignForm,
    DeadlineForm,
    OfficersForm,
    TaskFieldsForm,
    TaskMoveForm,
    TaskRemoveForm,
    TaskSplitForm,
)
from quantri.plans.models import Task
from quantri.plans.views.editing import attempt

MANAGER_ACTIONS = ("fields", "assign", "deadline", "move", "split", "remove", "parent", "send_down")


def _forms(task: Task, data, action: str | None, can_manage: bool) -> dict:
    """The page's forms, only the posted one bound; the office's only for the office."""
    plan = task.group.plan

    def bound(name):
        return data if name == action else None

    forms = {"officers": OfficersForm(bound("officers"), task=task, prefix="officers")}
    if can_manage:
        forms |= {
            "fields": TaskFieldsForm(bound("fields"), task=task, prefix="fields"),
            "assign": AssignForm(bound("assign"), plan=plan, task=task, prefix="assign"),
            "deadline": DeadlineForm(bound("deadline"), task=task, prefix="deadline"),
            "move": TaskMoveForm(bound("move"), task=task, prefix="move"),
            "split": TaskSplitForm(bound("split"), prefix="split"),
            "remove": TaskRemoveForm(bound("remove"), prefix="remove"),
        }
        forms |= _cascade_forms(task, bound)
    return forms


def _cascade_forms(task: Task, bound) -> dict:
    """Linking to the parent plan's task when the plan implements one; sending down when
    plans implement this one."""
    forms = {}
    if task.group.plan.parent_id:
        forms["parent"] = ParentTaskForm(bound("parent"), task=task, prefix="parent")
    send_down = SendDownForm(bound("send_down"), task=task, prefix="send_down")
    if send_down.fields["agencies"].queryset.exists():
        forms["send_down"] = send_down
    return forms


def _call(action: str, form, task: Task, user):
    data = form.cleaned_data
    common = {"task": task, "user": user, "reason": data.get("reason", "")}
    calls = {
        "fields": lambda: partial(editing.task_edit, **common, fields=form.task_fields()),
        "assign": lambda: partial(
            editing.task_assign,
            **common,
            lead_unit=data["lead_unit"],
            support_units=list(data["support_units"]),
        ),
        "officers": lambda: partial(
            editing.task_set_officers, **common, officers=list(data["responsible_officers"])
        ),
        "deadline": lambda: partial(editing.task_set_deadline, **common, deadline=form.deadline()),
        "move": lambda: partial(
            editing.task_move, **common, group=data["group"], position=data["position"]
        ),
        "split": lambda: partial(editing.task_split, **common, titles=form.titles_list()),
        "remove": lambda: partial(editing.task_remove, **common),
        "parent": lambda: partial(
            editing.task_link_parent, **common, parent_task=data["parent_task"]
        ),
        "send_down": lambda: partial(
            editing.task_send_down, **common, agencies=list(data["agencies"])
        ),
    }
    return calls[action]()


@login_required
def task_edit(request, pk: int):
    task = get_object_or_404(Task.objects.select_related("group__plan__agency", "lead_unit"), pk=pk)
    access = Access.for_request(request)
    if not access.can_view_plan(task.group.plan):
        raise Http404
    can_manage = access.can_manage_plan(task.group.plan)
    if not (can_manage or may_pick_officers(request.user, task)):
        raise PermissionDenied
    action = request.POST.get("action") if request.method == "POST" else None
    forms = _forms(task, request.POST, action, can_manage)
    form = forms.get(action)
    if form is not None and form.is_valid():
        plan_id = task.group.plan_id
        result = attempt(form, _call(action, form, task, request.user))
        if result is not None:
            return _done(request, action, result, task, plan_id)
        task.refresh_from_db()
    context = {"task": task, "plan": task.group.plan, "forms": forms, "can_manage": can_manage}
    return render(request, "plans/task_edit.html", context, status=400 if form else 200)


def _done(request, action: str, result, task: Task, plan_id: int):
    if action == "send_down":
        messages.success(
            request,
            _("Sent down: %(created)d new, %(updated)d updated.")
            % {"created": len(result.created), "updated": len(result.updated)},
        )
        return redirect("plans:task_detail", pk=task.pk)
    if action == "remove":
        if result is True:
            messages.success(request, _("The task has been deleted."))
        else:
            messages.success(request, _("Something was reported on this task: it is cancelled."))
        return (
            redirect("plans:plan_detail", pk=plan_id)
            if result is True
            else redirect("plans:task_detail", pk=task.pk)
        )
    messages.success(request, _("Your changes have been saved."))
    return redirect("plans:task_detail", pk=task.pk)
