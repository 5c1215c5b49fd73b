"""The cascade operations of the API (issue 12, item 5): link a department's task to the task
of the province plan it carries out, and send a province task down to the departments' plans.
They call the same services as the task page (quantri.plans.editing.cascade): the services
decide who may (403) and what is valid (400 naming the field)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from ninja import Schema

from quantri.api.plans import tasks_router  # noqa: I001 -- imported at that module's end
from quantri.plans import editing
from quantri.plans.api import AUTH, Reason, _managed_task, _task_out, _units
from quantri.plans.models import Task


class ParentIn(Reason):
    # The task of the parent plan this task carries out; absent or null unlinks it.
    parent_task: int | None = None


class SendDownIn(Reason):
    agencies: list[str]  # agency codes, e.g. ["SVHTTDL-HY", "SYT-HY"]


class SentDownOut(Schema):
    created: list[dict]
    updated: list[dict]


@tasks_router.put(
    "/{task_id}/parent",
    **AUTH,
    summary="Link the task to the parent plan's task it carries out (null unlinks)",
    response=dict,
)
def link_parent(request, task_id: int, payload: ParentIn):
    task = _managed_task(request, task_id)
    parent = None
    if payload.parent_task is not None:
        parent = Task.objects.select_related("group__plan").filter(pk=payload.parent_task).first()
        if parent is None:
            raise ValidationError(
                {"parent_task": _("No task has the id %(id)s.") % {"id": payload.parent_task}}
            )
    editing.task_link_parent(
        task=task, user=request.user, parent_task=parent, reason=payload.reason
    )
    return _task_out(task)


@tasks_router.post(
    "/{task_id}/send-down",
    **AUTH,
    summary="Send the task down to each agency's plan implementing this one",
    response=SentDownOut,
)
def send_down(request, task_id: int, payload: SendDownIn):
    task = _managed_task(request, task_id)
    agencies = _units(payload.agencies, "agencies")
    sent = editing.task_send_down(
        task=task, user=request.user, agencies=agencies, reason=payload.reason
    )
    return {
        "created": [_task_out(t) for t in sent.created],
        "updated": [_task_out(t) for t in sent.updated],
    }
