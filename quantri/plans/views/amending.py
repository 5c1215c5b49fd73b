"""Amendments, archiving and deleting a plan, and deadline extensions. The services in
quantri.plans.amending decide who may (PermissionDenied is a 403) and what is valid (the
message lands on the field); these views only parse and call them."""

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from quantri.orgs.access import Access
from quantri.plans import amending
from quantri.plans.amending.diff import ChangeKind
from quantri.plans.forms_amending import (
    ExtensionDecisionForm,
    ExtensionRequestForm,
    RevisionForm,
)
from quantri.plans.models import DeadlineExtension, PlanRevision, Task
from quantri.plans.views.editing import _managed_plan, attempt
from quantri.plans.views.plans import viewable_plan

KIND_LABELS = {
    ChangeKind.ADDED: gettext_lazy("Tasks added"),
    ChangeKind.REMOVED: gettext_lazy("Tasks removed"),
    ChangeKind.CANCELLED: gettext_lazy("Tasks cancelled"),
    ChangeKind.REASSIGNED: gettext_lazy("Tasks re-assigned"),
    ChangeKind.DEADLINE_MOVED: gettext_lazy("Deadlines moved"),
    ChangeKind.RENAMED: gettext_lazy("Tasks renamed"),
}


@login_required
def revision_add(request, pk: int):
    plan = _managed_plan(request, pk)
    form = RevisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        call = partial(amending.plan_revise, plan=plan, user=request.user, **form.cleaned_data)
        revision = attempt(form, call)
        if revision:
            messages.success(
                request,
                _("Amendment %(number)s is recorded: the changes you make now are listed under it.")
                % {"number": revision.number},
            )
            return redirect("plans:plan_detail", pk=plan.pk)
    context = {
        "plan": plan,
        "form": form,
        "title": _("Record an amendment of the plan"),
        "help": _(
            "Record the amending document first, then edit the plan: the plan as it stands now "
            "is kept, and every change made until the next amendment is listed under this one."
        ),
    }
    return render(request, "plans/edit_form.html", context, status=400 if form.errors else 200)


@login_required
def revision_detail(request, pk: int):
    revision = get_object_or_404(
        PlanRevision.objects.select_related("plan__agency", "created_by"), pk=pk
    )
    plan, _access = viewable_plan(request, revision.plan_id)
    changes = amending.revision_changes(revision)
    by_kind = [(kind, [c for c in changes if c.kind == kind]) for kind in ChangeKind.ORDER]
    context = {
        "plan": plan,
        "revision": revision,
        "changes_by_kind": [(KIND_LABELS[kind], rows) for kind, rows in by_kind if rows],
        "before": revision.snapshot,
    }
    return render(request, "plans/revision_detail.html", context)


@login_required
@require_POST
def plan_archive(request, pk: int):
    plan = _managed_plan(request, pk)
    archived = request.POST.get("archived") != "0"
    try:
        amending.plan_archive(plan=plan, user=request.user, archived=archived)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        if archived:
            messages.success(request, _("The plan is archived: it left the working lists."))
        else:
            messages.success(request, _("The plan is back in the working lists."))
    return redirect("plans:plan_detail", pk=plan.pk)


@login_required
def plan_delete(request, pk: int):
    """A confirmation page; the deletion itself is a POST."""
    plan = _managed_plan(request, pk)
    blockers = amending.deletion_blockers(plan)
    if request.method == "POST":
        try:
            amending.plan_delete(plan=plan, user=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect("plans:plan_detail", pk=plan.pk)
        messages.success(request, _("The plan %(plan)s has been deleted.") % {"plan": plan})
        return redirect("plans:plan_list")
    context = {
        "plan": plan,
        "blockers": blockers,
        "task_count": Task.objects.filter(group__plan=plan).count(),
    }
    return render(request, "plans/plan_delete.html", context)


@login_required
def extension_request(request, pk: int):
    task = get_object_or_404(Task.objects.select_related("group__plan__agency", "lead_unit"), pk=pk)
    if not Access.for_request(request).can_view_plan(task.group.plan):
        raise Http404
    if not amending.may_request_extension(request.user, task):
        raise PermissionDenied
    form = ExtensionRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        call = partial(
            amending.extension_request,
            task=task,
            user=request.user,
            new_due_on=form.cleaned_data["requested_due_on"],
            reason=form.cleaned_data["reason"],
        )
        if attempt(form, call):
            messages.success(request, _("Your request has been sent to the plan's office."))
            return redirect("plans:task_detail", pk=task.pk)
    context = {"task": task, "plan": task.group.plan, "form": form}
    return render(
        request, "plans/extension_request.html", context, status=400 if form.errors else 200
    )


@login_required
def extension_decide(request, pk: int):
    extension = get_object_or_404(
        DeadlineExtension.objects.select_related("task__group__plan__agency", "requested_by"),
        pk=pk,
    )
    plan = _managed_plan(request, extension.task.group.plan_id)
    form = ExtensionDecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        call = partial(
            amending.extension_decide,
            extension=extension,
            user=request.user,
            approve=form.cleaned_data["decision"] == "approve",
            note=form.cleaned_data["note"],
        )
        if attempt(form, call):
            messages.success(request, _("The decision has been recorded."))
            return redirect("plans:task_detail", pk=extension.task_id)
        extension.refresh_from_db()
    context = {"extension": extension, "task": extension.task, "plan": plan, "form": form}
    return render(
        request, "plans/extension_decide.html", context, status=400 if form.errors else 200
    )
