import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import File, Form, Router, Schema, Status
from ninja.files import UploadedFile
from ninja.security import django_auth

from quantri.core.names import display_name
from quantri.orgs.access import Access
from quantri.orgs.models import Agency
from quantri.plans import services
from quantri.plans.import_deadline import apply_deadlines, deadlines_from_json
from quantri.plans.models import Plan, Task, TaskStatus
from quantri.plans.outline import plan_outline, plan_summaries, support_units_of

router = Router(tags=["plans"])
tasks_router = Router(tags=["tasks"])


class TaskOut(Schema):
    id: int
    order: int
    title: str
    description: str
    lead: str | None
    lead_code: str | None
    support: list[str]
    due: datetime.date | None
    recurrence: str | None
    due_text: str
    due_period: str
    output: str
    weight: int
    status: str
    progress: int
    officers: list[str]  # user names, as PUT …/officers takes them
    officer_names: list[str]  # as people read them, family name first
    cancel_reason: str


class GroupOut(Schema):
    id: int
    order: int
    title: str
    dimension: str | None
    progress: int
    tasks: list[TaskOut]


class PlanSummaryOut(Schema):
    id: int
    number: str
    title: str
    year: int
    issued_on: datetime.date | None
    agency: str
    published: bool
    progress: int


class PlanOut(PlanSummaryOut):
    issuer: str
    parent_refs: list[str]
    signer: dict
    recipients: list[str]
    groups: list[GroupOut]


def task_out(task: Task) -> dict:
    support = [u.name for u in support_units_of(task)] + list(task.support_text)
    return {
        "id": task.pk,
        "order": task.order,
        "title": task.title,
        "description": task.description,
        "lead": task.lead_display or None,
        "lead_code": task.lead_unit.code if task.lead_unit_id else None,
        "support": support,
        "due": task.due_on,
        "recurrence": task.recurrence or None,
        "due_text": task.due_text,
        "due_period": task.due_period,
        "output": task.expected_output,
        "weight": task.weight,
        "status": task.status,
        "progress": task.progress,
        "officers": [u.get_username() for u in task.responsible_officers.all()],
        "officer_names": [display_name(u) for u in task.responsible_officers.all()],
        "cancel_reason": task.cancel_reason,
        "parent_task": task.parent_task_id,  # the parent plan's task it carries out
    }


def plan_summary(plan: Plan, progress: int) -> dict:
    return {
        "id": plan.pk,
        "number": plan.number,
        "title": plan.title,
        "year": plan.year,
        "issued_on": plan.issued_on,
        "agency": plan.agency.code,
        "published": plan.is_published,
        "progress": progress,
    }


def plan_out(plan: Plan) -> dict:
    outline = plan_outline(plan, with_officers=True)
    return {
        **plan_summary(plan, outline.progress),
        "issuer": plan.issuer,
        "parent_refs": plan.parent_refs,
        "signer": {
            "name": plan.signer_name,
            "position": plan.signer_position,
            "authority": plan.signer_authority,
        },
        "recipients": plan.recipients,
        "groups": [
            {
                "id": row.group.pk,
                "order": row.group.order,
                "title": row.group.title,
                "dimension": row.group.dimension.code if row.group.dimension_id else None,
                "progress": row.progress,
                "tasks": [task_out(t) for t in row.tasks],
            }
            for row in outline.groups
        ],
    }


def _visible_plan(request, plan_id: int) -> Plan:
    plan = get_object_or_404(Plan.objects.select_related("agency"), pk=plan_id)
    if not Access.for_user(request.user).can_view_plan(plan):
        raise Http404
    return plan


@router.get("", response=list[PlanSummaryOut], summary="Plans the caller may see")
def list_plans(request):
    plans = Access.for_user(request.user).viewable_plans(Plan.objects.select_related("agency"))
    return [plan_summary(row.plan, row.progress) for row in plan_summaries(list(plans))]


@router.post(
    "/import",
    auth=django_auth,
    response={200: dict, 201: PlanOut, 409: dict},
    summary="Import a plan document (.txt, .docx, .pdf), or apply it to the plan it amends",
)
def import_plan(
    request,
    agency: Form[str],
    file: File[UploadedFile],
    dry_run: Form[bool] = False,
    save_as: Form[str] = "",
    cancel_missing: Form[bool] = False,
    reason: Form[str] = "",
    deadlines: Form[str] = "",
):
    """A document matching a plan of the agency (same number or title) is refused with 409
    and the matching plans, unless `save_as` says `new` or the id of the plan it amends.

    `deadlines` does what the preview's deadline cells do: a JSON object from a task's place
    (group.task, as the preview numbers them: "2.3") to its deadline in words ("Quý III/2026",
    "hằng tháng", "31/12/2026"; "" for none), read by the same rules as the cell."""
    owner = Agency.objects.filter(code=agency).first()
    if owner is None:
        raise Http404
    # Checked here as well as in plan_import so that no upload is parsed for a refused caller.
    if not Access.for_user(request.user).can_manage_agency(owner.pk):
        raise PermissionDenied(_("You may not import plans for this agency."))
    if file.size > services.max_upload_bytes():
        raise services.PlanImportError(
            _("%(name)s is larger than the %(limit)s MB limit.")
            % {"name": file.name, "limit": services.max_upload_bytes() // (1024 * 1024)}
        )
    data = file.read()
    parsed = services.plan_parse(data=data, filename=file.name, agency=owner)
    if deadlines.strip():
        parsed = apply_deadlines(parsed, deadlines_from_json(deadlines))
    if dry_run:
        return Status(200, parsed)
    if save_as != "new":
        # quantri.plans.api_amend: the same choice as the import page's save step.
        answer = import_choice(request, owner, parsed, save_as, cancel_missing, reason, file.name)
        if answer is not None:
            return answer
    plan = services.plan_import(
        parsed=parsed, agency=owner, user=request.user, source=data, filename=file.name
    )
    return Status(201, plan_out(plan))


@router.get("/{plan_id}", response=PlanOut, summary="A plan with its groups and tasks")
def get_plan(request, plan_id: int):
    return plan_out(_visible_plan(request, plan_id))


class ProgressIn(Schema):
    progress: int
    status: str | None = None
    note: str = ""
    links: list[str] = []


def _task_for(request, task_id: int) -> Task:
    task = get_object_or_404(Task.objects.select_related("group__plan", "lead_unit"), pk=task_id)
    if not Access.for_user(request.user).can_view_plan(task.group.plan):
        raise Http404
    return task


@tasks_router.get("/{task_id}", response=TaskOut, summary="A task")
def get_task(request, task_id: int):
    return task_out(_task_for(request, task_id))


@tasks_router.post(
    "/{task_id}/progress", auth=django_auth, response=TaskOut, summary="Record progress"
)
def record_progress(request, task_id: int, payload: ProgressIn):
    task = _task_for(request, task_id)
    # task_record_progress decides who may record progress (PermissionDenied is a 403).
    if payload.status and payload.status not in TaskStatus.values:
        raise ValidationError(
            {
                "status": _("%(value)s is not one of %(choices)s")
                % {"value": payload.status, "choices": ", ".join(TaskStatus.values)}
            }
        )
    services.task_record_progress(
        task=task,
        user=request.user,
        progress=payload.progress,
        status=payload.status,
        note=payload.note,
        evidence=[services.EvidenceInput(url=link) for link in payload.links],
    )
    return task_out(task)


# The editing operations (quantri.plans.api) add themselves to these two routers.
from quantri.plans import api as _editing  # noqa: E402, F401
from quantri.plans import api_amend as _amending  # noqa: E402, F401
from quantri.plans import api_cascade as _cascade  # noqa: E402, F401
from quantri.plans.api_amend import import_choice  # noqa: E402
