"""An imported document applied to the plan it amends, as one revision: tasks matched by title
keep their assignment, officers and reports; new tasks are added to the matching group (or a
new one); tasks the document no longer has are cancelled only when the user confirms."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from quantri.core.text import fold
from quantri.orgs.models import Agency
from quantri.plans import editing
from quantri.plans.amending.revisions import missing_tasks, plan_revise, task_title
from quantri.plans.editing import Deadline, TaskFields
from quantri.plans.models import (
    Plan,
    PlanImport,
    PlanRevision,
    Task,
    TaskGroup,
    TaskStatus,
    dimension_model,
)


@transaction.atomic
def plan_amend_from_import(
    *,
    plan: Plan,
    parsed: dict,
    user,
    reason: str = "",
    cancel_missing: bool = False,
    filename: str = "",
) -> PlanRevision:
    header = parsed.get("plan") or {}
    number = (header.get("number") or "").strip()
    revision = plan_revise(
        plan=plan,
        user=user,
        issued_on=_date(header.get("issued_on")) or timezone.localdate(),
        reason=reason or _("Amended by document %(number)s") % {"number": number or filename},
        document_number=number,
        source_filename=filename,
    )
    why = _("Amendment %(number)s") % {"number": revision.number}
    missing = missing_tasks(plan, parsed)
    _apply(plan, parsed, user, why)
    if cancel_missing and missing:
        editing.tasks_bulk_cancel(
            plan=plan,
            user=user,
            task_ids=[t.pk for t in missing],
            reason=_("No longer in the plan after amendment %(number)s")
            % {"number": revision.number},
        )
    return revision


def _apply(plan: Plan, parsed: dict, user, why: str) -> None:
    groups = {fold(g.title): g for g in plan.groups.all()}
    tasks = {
        fold(t.title): t
        for t in Task.objects.filter(group__plan=plan).exclude(status=TaskStatus.CANCELLED)
    }
    units = {u.code: u for u in Agency.objects.units_of(plan.agency)}
    for data in parsed.get("groups") or []:
        group = groups.get(fold(data.get("title") or "")) or _new_group(plan, data, user, why)
        groups[fold(group.title)] = group
        for task_data in data.get("tasks") or []:
            task = tasks.get(fold(task_title(task_data)))
            if task is None:
                _new_task(group, task_data, units, user, why)
            else:
                _update_task(task, task_data, units, user, why)


def _new_group(plan: Plan, data: dict, user, why: str) -> TaskGroup:
    code = data.get("dimension")
    dimension = (
        dimension_model().objects.filter(framework_id=plan.framework_id, code=code).first()
        if code
        else None
    )
    title = (data.get("title") or "").strip() or _("Untitled group")
    return editing.group_add(
        plan=plan, user=user, title=title[:500], dimension=dimension, reason=why
    )


def _new_task(group: TaskGroup, data: dict, units: dict, user, why: str) -> Task:
    fields = TaskFields(
        title=task_title(data),
        description=data.get("description") or data.get("title") or "",
        expected_output=data.get("output") or "",
    )
    task = editing.task_add(group=group, user=user, fields=fields, reason=why)
    lead = units.get(data.get("lead_code") or "")
    supports = [
        units[c] for c in data.get("support_codes") or [] if c in units and units[c] != lead
    ]
    if lead is not None or supports:
        editing.task_assign(
            task=task, user=user, lead_unit=lead, support_units=supports, reason=why
        )
    deadline = _deadline(data)
    if deadline is not None:
        editing.task_set_deadline(task=task, user=user, deadline=deadline, reason=why)
    return task


def _update_task(task: Task, data: dict, units: dict, user, why: str) -> None:
    """A matched task keeps what the office gave it; the document fills in a lead unit it
    lacked and moves a dated deadline the document moved."""
    lead = units.get(data.get("lead_code") or "")
    if lead is not None and task.lead_unit_id is None:
        supports = [u for u in task.support_units.all() if u.pk != lead.pk]
        editing.task_assign(
            task=task, user=user, lead_unit=lead, support_units=supports, reason=why
        )
    due = _date(data.get("due"))
    if due is not None and due != task.due_on:
        editing.task_set_deadline(
            task=task, user=user, deadline=Deadline(kind="date", due_on=due), reason=why
        )


def _deadline(data: dict) -> Deadline | None:
    due = _date(data.get("due"))
    if due is not None:
        return Deadline(kind="date", due_on=due)
    if data.get("recurrence"):
        return Deadline(kind="recurrence", recurrence=data["recurrence"])
    return None


def _date(value) -> datetime.date | None:
    if not value or isinstance(value, datetime.date):
        return value or None
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise ValidationError(
            {"document": _("%(value)s is not a date (YYYY-MM-DD).") % {"value": str(value)[:40]}}
        ) from None


@transaction.atomic
def draft_amend(
    *,
    draft: PlanImport,
    parsed: dict,
    plan: Plan,
    user,
    reason: str = "",
    cancel_missing: bool = False,
) -> PlanRevision:
    """The import preview's "amendment of plan X": the draft is applied to X, never saved
    as a plan of its own."""
    if draft.plan_id:
        raise ValidationError({"mode": _("This document has already been saved.")})
    if plan.agency_id != draft.agency_id:
        raise ValidationError({"mode": _("Choose a plan of the agency the document is for.")})
    revision = plan_amend_from_import(
        plan=plan,
        parsed=parsed,
        user=user,
        reason=reason,
        cancel_missing=cancel_missing,
        filename=draft.source_filename,
    )
    draft.parsed, draft.plan = parsed, plan
    draft.save(update_fields=["parsed", "plan"])
    return revision
