"""The task page with its progress form, the unit's task list and the office's follow-up list."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from quantri.orgs.access import Access
from quantri.orgs.models import Agency, AgencyKind, Role
from quantri.plans import services
from quantri.plans.amending import may_request_extension
from quantri.plans.editing import children_progress
from quantri.plans.editing.rules import may_pick_officers
from quantri.plans.extensions import annotate_tasks
from quantri.plans.follow_up import TaskFilterForm, followed_tasks, followed_units
from quantri.plans.forms import ProgressForm, add_service_error
from quantri.plans.history import task_changes
from quantri.plans.models import Evidence, PlanStatus, Task, TaskStatus

DUE_SOON_DAYS = 14


@login_required
def task_detail(request, pk: int):
    task = get_object_or_404(
        Task.objects.for_page().select_related(
            "group__dimension", "group__plan__framework", "parent_task__group__plan"
        ),
        pk=pk,
    )
    access = Access.for_request(request)
    if not access.can_view_plan(task.plan):
        raise Http404
    can_update = access.can_update_task(task)
    if request.method == "POST":
        services.require_task_updater(request.user, task)  # a 403 before the form is read
        form = ProgressForm(request.POST, request.FILES)
        if form.is_valid() and _record_progress(form, task, request.user):
            messages.success(request, _("Progress recorded."))
            return redirect("plans:task_detail", pk=task.pk)
        # The service may have changed the task in memory before refusing.
        task.refresh_from_db(fields=["progress", "status"])
    else:
        # Status starts on "set from progress", so reporting 100% marks the task done.
        form = ProgressForm(initial={"progress": task.progress}) if can_update else None
    return render(request, "plans/task_detail.html", _task_context(task, access, form))


def _record_progress(form: ProgressForm, task: Task, user) -> bool:
    try:
        services.task_record_progress(
            task=task,
            user=user,
            progress=form.cleaned_data["progress"],
            status=form.cleaned_data["status"] or None,
            note=form.cleaned_data["note"],
            evidence=form.evidence(),
        )
    except ValidationError as exc:
        add_service_error(form, exc)
        return False
    return True


def _task_context(task: Task, access: Access, form) -> dict:
    internals = access.can_read_plan_internals(task.plan)
    annotate_tasks([task], plan=task.plan, access=access)
    return {
        "task": task,
        "plan": task.plan,
        "form": form,
        "can_read_internals": internals,
        "updates": task.updates.select_related("created_by") if internals else [],
        "evidence": task.evidence.select_related("uploaded_by") if internals else [],
        "history": task_changes(task) if internals else [],
        "officers": list(task.responsible_officers.all()),
        "children": children_progress(task=task).get(task.pk, []) if internals else [],
        "can_edit": access.can_manage_plan(task.plan) or may_pick_officers(access.user, task),
        **extension_context(task, access),
    }


def extension_context(task: Task, access: Access) -> dict:
    can_decide = access.can_manage_plan(task.plan)
    can_request = task.due_on is not None and may_request_extension(access.user, task)
    shown = can_decide or can_request or access.can_read_plan_internals(task.plan)
    return {
        "extensions": list(task.extensions.select_related("requested_by")) if shown else [],
        "can_request_extension": can_request and task.status not in ("done", "cancelled"),
        "can_decide_extensions": can_decide,
    }


@login_required
def evidence_file(request, pk: int):
    """Evidence files are internal: served through this check, never from a public folder."""
    evidence = get_object_or_404(Evidence.objects.select_related("task__group__plan"), pk=pk)
    if not evidence.file or not Access.for_request(request).can_read_plan_internals(
        evidence.task.plan
    ):
        raise Http404
    name = evidence.file.name.rsplit("/", 1)[-1]
    return FileResponse(evidence.file.open("rb"), as_attachment=True, filename=name)


@login_required
def my_tasks(request):
    access = Access.for_request(request)
    tasks = (
        Task.objects.for_page()
        .select_related("group__dimension", "group__plan__framework")
        .filter(Q(lead_unit_id__in=own_unit_ids(access)) | Q(responsible_officers=request.user.pk))
        .exclude(group__plan__status=PlanStatus.CLOSED)
        .working()
        .distinct()
    )
    plans = _by_plan(tasks)
    for plan, plan_tasks in plans:  # one query per plan: a unit works on a few at a time
        annotate_tasks(plan_tasks, plan=plan, access=access)
    return render(request, "plans/my_tasks.html", {"plans": plans})


def own_unit_ids(access: Access) -> set[int]:
    """The units whose tasks are this user's to carry: where they are head or staff, and the
    Office itself for its coordinator — the office leads tasks of its own (filing, reporting,
    the one-stop desk) and works them like any unit. The coordinator's role is held either in
    the office or in its department (as quantri.reports.reminders reads it): from the
    department, the office units under it."""
    held = {m.agency for m in access.memberships if m.role == Role.OFFICE_COORDINATOR}
    offices = {agency.pk for agency in held if agency.kind == AgencyKind.OFFICE}
    departments = [agency.pk for agency in held if agency.kind != AgencyKind.OFFICE]
    if departments:
        below = Agency.objects.filter(parent_id__in=departments, kind=AgencyKind.OFFICE)
        offices |= set(below.active().values_list("pk", flat=True))
    return set(access.task_unit_ids) | offices


def _by_plan(tasks) -> list[tuple]:
    """[(plan, tasks)] in the plans' order; in each plan overdue tasks first, then by deadline,
    finished and cancelled ones last."""
    today = timezone.localdate()
    by_plan: dict = {}
    for task in tasks.order_by("-group__plan__year", "-group__plan__pk"):
        by_plan.setdefault(task.plan, []).append(task)
    for plan_tasks in by_plan.values():
        plan_tasks.sort(
            key=lambda t: (
                t.status in (TaskStatus.DONE, TaskStatus.CANCELLED),
                not t.is_overdue(today),
                t.due_on is None,
                t.due_on or today,
                t.group.order,
                t.order,
            )
        )
    return list(by_plan.items())


@login_required
def due_tasks(request):
    access = Access.for_request(request)
    if not access.manages_any_agency():
        raise PermissionDenied
    today = timezone.localdate()
    form = TaskFilterForm(request.GET or None, units=followed_units(access))
    tasks = followed_tasks(access)
    if form.is_valid():
        tasks = form.apply(tasks, today)
    context = {
        "overdue": tasks.overdue(today),
        "due_soon": tasks.due_within(DUE_SOON_DAYS, today),
        "days": DUE_SOON_DAYS,
        "today": today,
        "form": form,
        "query": request.GET.urlencode(),
    }
    return render(request, "plans/due.html", context)
