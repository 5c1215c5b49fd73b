"""Remedies become plan tasks. Each agency has one "remedies" plan a year (the year of the
conclusion), made on first need, with one group per inspection: the remedies then sit in the
units' task lists, the office's overdue lists, extensions and reports like any plan task, and
the office may re-assign or extend them there. A separate plan, rather than a group in the
plan in force, keeps the governance plan's progress figures to what its document set out.

The plan services are called as a trusted operator (user=None): their own rule lets only the
plan's office edit a plan, and the inspector who concluded is not that office; who may make
the tasks is decided here first (Access.can_make_remedy_tasks)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from quantri.orgs.access import Access
from quantri.oversight.models import Inspection, InspectionStatus, Remedy, RemedyGroup, RemedyPlan
from quantri.plans.editing import (
    Deadline,
    TaskFields,
    group_add,
    task_add,
    task_assign,
    task_set_deadline,
)
from quantri.plans.editing.assignment import DeadlineKind
from quantri.plans.models import Plan, PlanStatus, TaskGroup

TITLE_MAX = 500


def remedy_plan(agency, year: int, user=None) -> Plan:
    found = RemedyPlan.objects.filter(agency=agency, year=year).select_related("plan").first()
    if found is not None:
        return found.plan
    plan = Plan(
        agency=agency,
        year=year,
        title=f"Khắc phục sau thanh tra, kiểm tra năm {year}",
        issuer=agency.name,
        status=PlanStatus.ACTIVE,
        created_by=user,
    )
    plan.full_clean()
    plan.save()
    RemedyPlan.objects.create(agency=agency, year=year, plan=plan)
    return plan


def _group(inspection: Inspection, user) -> TaskGroup:
    found = RemedyGroup.objects.filter(inspection=inspection).select_related("group").first()
    if found is not None:
        return found.group
    year = (inspection.conclusion_date or inspection.decision_date).year
    plan = remedy_plan(inspection.agency, year, user)
    number = inspection.conclusion_number or inspection.decision_number
    title = f"Kết luận số {number}: {inspection.subject_text}"[:TITLE_MAX]
    group = group_add(plan=plan, user=None, title=title, reason=_("Remedies of an inspection"))
    RemedyGroup.objects.create(inspection=inspection, group=group)
    return group


@transaction.atomic
def remedies_make_tasks(*, inspection: Inspection, user) -> list[Remedy]:
    """Every remedy of a concluded inspection that is not yet a task becomes one, led by its
    lead unit with its supporting units and deadline. Safe to repeat."""
    if user is not None and not Access.for_user(user).can_make_remedy_tasks(inspection.agency_id):
        raise PermissionDenied(_("Only the inspector or the office may assign remedies."))
    if inspection.status != InspectionStatus.CONCLUDED:
        raise ValidationError(
            {"status": _("Remedies become tasks once the conclusion is recorded.")}
        )
    made = []
    for remedy in inspection.remedies.filter(task__isnull=True).select_related("lead_unit"):
        made.append(_make_task(remedy, _group(inspection, user)))
    return made


def _make_task(remedy: Remedy, group: TaskGroup) -> Remedy:
    reason = _("Remedy required by an inspection")
    fields = TaskFields(title=remedy.text[:TITLE_MAX], description=remedy.text)
    task = task_add(group=group, user=None, fields=fields, reason=reason)
    supports = list(remedy.support_units.all())
    task_assign(task=task, user=None, lead_unit=remedy.lead_unit, support_units=supports)
    deadline = Deadline(kind=DeadlineKind.DATE, due_on=remedy.due_on)
    task_set_deadline(task=task, user=None, deadline=deadline, reason=reason)
    remedy.task = task
    remedy.save(update_fields=["task"])
    return remedy
