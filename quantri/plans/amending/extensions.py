"""Deadline extensions (gia hạn): the lead unit asks, the plan's office or leadership decides.
Only an approved request moves the task's deadline; the deadline it had before its first
extension stays in Task.original_due_on, and overdue lists and on-time figures judge the task
against the extended deadline."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from quantri.orgs.access import Access
from quantri.orgs.models import AgencyKind, Role
from quantri.plans.editing.rules import check_deadline, record, require_manager
from quantri.plans.models import DeadlineExtension, ExtensionStatus, Task, TaskStatus


def may_request_extension(user, task: Task) -> bool:
    """The lead unit: its head, the officers who carry the task, and for a task the
    Office leads, its coordinator."""
    if user is None:
        return True
    if task.lead_unit_id is None or not getattr(user, "is_authenticated", False):
        return False
    access = Access.for_user(user)
    if access.is_unit_head(task.lead_unit_id):
        return True
    if task.responsible_officers.filter(pk=user.pk).exists():
        return True
    return any(
        m.agency_id == task.lead_unit_id
        and m.role == Role.OFFICE_COORDINATOR
        and m.agency.kind == AgencyKind.OFFICE
        for m in access.memberships
    )


def require_requester(user, task: Task) -> None:
    if not may_request_extension(user, task):
        raise PermissionDenied(
            _(
                "Only the lead unit of this task (its head or the officers who carry it) may "
                "ask for an extension."
            )
        )


def _date(value: datetime.date) -> str:
    return value.strftime("%d/%m/%Y")


def _check_request(task: Task, new_due_on: datetime.date | None, reason: str) -> str:
    if task.status in (TaskStatus.DONE, TaskStatus.CANCELLED):
        raise ValidationError(
            {"requested_due_on": _("A task that is done or cancelled needs no extension.")}
        )
    current = task.current_due()
    if current is None:
        raise ValidationError({"requested_due_on": _("This task has no deadline date to extend.")})
    if new_due_on is None:
        raise ValidationError({"requested_due_on": _("Enter the new deadline as dd/mm/yyyy.")})
    if new_due_on <= current:
        raise ValidationError(
            {
                "requested_due_on": _(
                    "The new deadline %(new)s must be later than the current one, %(due)s: "
                    "an extension cannot shorten the deadline."
                )
                % {"new": _date(new_due_on), "due": _date(current)}
            }
        )
    check_deadline(task.group.plan, new_due_on)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the task needs more time.")})
    if task.extensions.filter(status=ExtensionStatus.PENDING).exists():
        raise ValidationError(
            {"requested_due_on": _("A request for this task is already waiting for a decision.")}
        )
    return reason


@transaction.atomic
def extension_request(
    *, task: Task, user, new_due_on: datetime.date | None, reason: str
) -> DeadlineExtension:
    require_requester(user, task)
    reason = _check_request(task, new_due_on, reason)
    extension = DeadlineExtension(
        task=task,
        # A recurring task's running occurrence, not the stored date it started from.
        previous_due_on=task.current_due(),
        requested_due_on=new_due_on,
        reason=reason,
        requested_by=user,
    )
    extension.full_clean()
    extension.save()
    return extension


@transaction.atomic
def extension_decide(
    *, extension: DeadlineExtension, user, approve: bool, note: str = ""
) -> DeadlineExtension:
    """Approve (the task's deadline moves) or refuse (nothing changes but the request's
    status). A refusal says why."""
    task = Task.objects.select_for_update().select_related("group__plan").get(pk=extension.task_id)
    require_manager(user, task.group.plan)
    if extension.status != ExtensionStatus.PENDING:
        raise ValidationError({"status": _("This request has already been decided.")})
    note = (note or "").strip()
    if not approve and not note:
        raise ValidationError({"note": _("Say why the request is refused.")})
    if approve:
        _extend(task, extension, user)
    extension.status = ExtensionStatus.APPROVED if approve else ExtensionStatus.REFUSED
    extension.decided_by, extension.decided_at = user, timezone.now()
    extension.decision_note = note
    extension.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
    return extension


def _extend(task: Task, extension: DeadlineExtension, user) -> None:
    current = task.current_due()
    if current is None or extension.requested_due_on <= current:
        raise ValidationError(
            {
                "status": _(
                    "The task's deadline has changed since the request (now %(due)s): ask the "
                    "unit for a new request."
                )
                % {"due": _date(current) if current else "—"}
            }
        )
    if task.recurrence:
        # Each occurrence is extended on its own: the one extended now was due on `current`,
        # and the schedule, not this extension, gives the next (Task.current_due).
        task.original_due_on = current
    elif task.original_due_on is None:
        task.original_due_on = task.due_on
    task.due_on = extension.requested_due_on
    action = _("Deadline extended to %(date)s") % {"date": _date(task.due_on)}
    record(task, user, action, extension.reason)
    task.save(update_fields=["original_due_on", "due_on"])
