"""The API's amendments, archiving, deleting and deadline extensions, mounted on the plan and
task routers of quantri/api/plans.py. They parse the body and call the same services as the
pages (quantri.plans.amending): the services decide who may (403) and what is valid (400
naming the field); a plan the caller may not see is a 404."""

import datetime

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Schema, Status

from quantri.api.plans import router, tasks_router  # noqa: I001 -- imported at that module's end
from quantri.orgs.access import Access
from quantri.plans import amending
from quantri.plans.amending.diff import TaskChange
from quantri.plans.amending.extensions import require_requester
from quantri.plans.api import AUTH, _plan, _task
from quantri.plans.models import DeadlineExtension, PlanRevision


class RevisionIn(Schema):
    document_number: str = ""
    issued_on: datetime.date | None = None
    reason: str = ""


class ArchiveIn(Schema):
    archived: bool = True


class ExtensionIn(Schema):
    new_deadline: datetime.date | None = None
    reason: str = ""


class DecisionIn(Schema):
    approve: bool
    note: str = ""


def revision_out(revision: PlanRevision, changes: list[TaskChange] | None = None) -> dict:
    out = {
        "id": revision.pk,
        "number": revision.number,
        "document_number": revision.document_number,
        "issued_on": revision.issued_on,
        "reason": revision.reason,
        "source_filename": revision.source_filename,
        "recorded_by": revision.created_by.get_username() if revision.created_by else None,
        "recorded_at": revision.created_at,
    }
    if changes is not None:
        out["changes"] = [
            {
                "kind": c.kind,
                "task": c.task_id,
                "title": c.title,
                "group": c.group,
                "before": c.before,
                "after": c.after,
            }
            for c in changes
        ]
        out["before"] = revision.snapshot
    return out


def extension_out(extension: DeadlineExtension) -> dict:
    return {
        "id": extension.pk,
        "task": extension.task_id,
        "previous_deadline": extension.previous_due_on,
        "new_deadline": extension.requested_due_on,
        "reason": extension.reason,
        "status": extension.status,
        "requested_by": extension.requested_by.get_username() if extension.requested_by else None,
        "requested_at": extension.requested_at,
        "decided_by": extension.decided_by.get_username() if extension.decided_by else None,
        "decided_at": extension.decided_at,
        "note": extension.decision_note,
    }


# Amendments, archive, delete ------------------------------------------------------------------


@router.get("/{plan_id}/revisions", **AUTH, summary="The plan's amendments", response=list[dict])
def revisions(request, plan_id: int):
    plan = _plan(request, plan_id)
    return [revision_out(r) for r in plan.revisions.select_related("created_by")]


@router.post(
    "/{plan_id}/revisions",
    **AUTH,
    summary="Record an amendment (the plan as it stands is kept; later edits belong to it)",
    response={201: dict},
)
def add_revision(request, plan_id: int, payload: RevisionIn):
    plan = _plan(request, plan_id)
    revision = amending.plan_revise(plan=plan, user=request.user, **payload.dict())
    return Status(201, revision_out(revision, []))


@router.get(
    "/{plan_id}/revisions/{revision_id}",
    **AUTH,
    summary="An amendment with what it changed and the plan before it",
    response=dict,
)
def revision(request, plan_id: int, revision_id: int):
    plan = _plan(request, plan_id)
    found = get_object_or_404(plan.revisions.select_related("created_by"), pk=revision_id)
    return revision_out(found, amending.revision_changes(found))


@router.post(
    "/{plan_id}/archive",
    **AUTH,
    summary="Archive the plan (it leaves the working lists) or restore it",
    response=dict,
)
def archive(request, plan_id: int, payload: ArchiveIn):
    plan = amending.plan_archive(
        plan=_plan(request, plan_id), user=request.user, archived=payload.archived
    )
    return {"id": plan.pk, "archived_at": plan.archived_at}


@router.delete(
    "/{plan_id}",
    **AUTH,
    summary="Delete a plan nothing was reported on",
    response={204: None},
)
def delete_plan(request, plan_id: int):
    amending.plan_delete(plan=_plan(request, plan_id), user=request.user)
    return Status(204, None)


# Deadline extensions ---------------------------------------------------------------------------


def _extensions_visible(request, task) -> bool:
    access = Access.for_user(request.user)
    return (
        access.can_read_plan_internals(task.group.plan)
        or access.can_manage_plan(task.group.plan)
        or amending.may_request_extension(request.user, task)
    )


@tasks_router.get(
    "/{task_id}/extensions", **AUTH, summary="The task's extension requests", response=list[dict]
)
def extensions(request, task_id: int):
    task = _task(request, task_id)
    if not _extensions_visible(request, task):
        raise Http404
    rows = task.extensions.select_related("requested_by", "decided_by")
    return [extension_out(e) for e in rows]


@tasks_router.post(
    "/{task_id}/extensions",
    **AUTH,
    summary="Ask for a later deadline (the lead unit's head or the task's officers)",
    response={201: dict},
)
def request_extension(request, task_id: int, payload: ExtensionIn):
    task = _task(request, task_id)
    require_requester(request.user, task)  # a 403 before the body is read
    extension = amending.extension_request(
        task=task, user=request.user, new_due_on=payload.new_deadline, reason=payload.reason
    )
    return Status(201, extension_out(extension))


@tasks_router.post(
    "/{task_id}/extensions/{extension_id}/decision",
    **AUTH,
    summary="Approve or refuse an extension request (the plan's office or leadership)",
    response=dict,
)
def decide_extension(request, task_id: int, extension_id: int, payload: DecisionIn):
    task = _task(request, task_id)
    extension = get_object_or_404(task.extensions.all(), pk=extension_id)
    extension = amending.extension_decide(
        extension=extension, user=request.user, approve=payload.approve, note=payload.note
    )
    return extension_out(extension)


# The import's save step ------------------------------------------------------------------------


def import_choice(request, agency, parsed: dict, save_as: str, cancel_missing, reason, filename):
    """None when the document is to be saved as a new plan (it matches none); otherwise the
    answer: 409 with the matching plans, or the amendment applied to the chosen plan."""
    header = parsed.get("plan") or {}
    matches = amending.matching_plans(
        agency=agency,
        number=header.get("number") or "",
        title=header.get("title") or "",
        year=header.get("year"),
    )
    if not save_as:
        if not matches:
            return None
        return Status(409, _conflict(matches, parsed))
    chosen = next((p for p in matches if str(p.pk) == save_as.strip()), None)
    if chosen is None:
        choices = ", ".join(["new", *(str(p.pk) for p in matches)])
        raise ValidationError(
            {
                "save_as": _("%(value)s is not one of %(choices)s.")
                % {"value": save_as[:20], "choices": choices}
            }
        )
    revision = amending.plan_amend_from_import(
        plan=chosen,
        parsed=parsed,
        user=request.user,
        reason=reason,
        cancel_missing=cancel_missing,
        filename=filename,
    )
    return Status(200, revision_out(revision, amending.revision_changes(revision)))


def _conflict(matches, parsed: dict) -> dict:
    return {
        "detail": _(
            "This document matches a plan already saved. Send save_as=new to save it as a new "
            "plan, or save_as=<plan id> to apply it to that plan as an amendment."
        ),
        "matches": [
            {
                "id": plan.pk,
                "number": plan.number,
                "title": plan.title,
                "year": plan.year,
                "missing_tasks": [
                    {"id": t.pk, "title": t.title} for t in amending.missing_tasks(plan, parsed)
                ],
            }
            for plan in matches
        ],
    }
