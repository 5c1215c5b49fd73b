"""Who may edit what, and the checks every edit shares (units of the plan's agency, deadlines
not before the plan, a reason kept in the history)."""

import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from quantri.orgs.access import Access
from quantri.orgs.models import Agency, Membership
from quantri.plans.models import Plan, Task

REASON_MAX = 100  # simple-history's change reason column


def require_manager(user, plan: Plan) -> None:
    """The plan's office (leaders, office coordinators, administrators of its agency)."""
    if user is not None and not Access.for_user(user).can_manage_plan(plan):
        raise PermissionDenied(_("Only the plan's office may change this plan."))


def may_pick_officers(user, task: Task) -> bool:
    """The head of the lead unit picks who carries the task; the office may too."""
    if user is None:
        return True
    access = Access.for_user(user)
    if access.can_manage_plan(task.group.plan):
        return True
    return task.lead_unit_id is not None and access.is_unit_head(task.lead_unit_id)


def require_officer_picker(user, task: Task) -> None:
    if not may_pick_officers(user, task):
        raise PermissionDenied(
            _("Only the head of the lead unit or the plan's office may choose the officers.")
        )


def assignable_units(plan: Plan) -> QuerySet:
    """Units of the plan's agency that tasks can be given to, as of today."""
    return Agency.objects.units_of(plan.agency).order_by("order", "name")


def plan_officers(plan: Plan, *, unit_ids: list[int] | None = None) -> QuerySet:
    """Active members of the plan's units (`unit_ids` if the caller already read them) who
    can carry a task, for the bulk form."""
    units = assignable_units(plan) if unit_ids is None else unit_ids
    member_ids = (
        Membership.objects.active()
        .filter(agency__in=units)
        .exclude(role="inspection_board")
        .values("user_id")
    )
    users = get_user_model().objects.filter(is_active=True, pk__in=member_ids)
    return users.order_by("last_name", "first_name", "username")


def assignable_officers(unit: Agency | None) -> QuerySet:
    """Active members of a unit (any role but the oversight board's)."""
    users = get_user_model().objects.filter(is_active=True)
    if unit is None:
        return users.none()
    member_ids = (
        Membership.objects.active()
        .filter(agency=unit)
        .exclude(role="inspection_board")
        .values("user_id")
    )
    return users.filter(pk__in=member_ids).order_by("last_name", "first_name", "username")


def check_units(plan: Plan, lead: Agency | None, supports: list[Agency]) -> None:
    """Raise a ValidationError on the field that names a unit outside the plan's agency, or
    a supporting unit that is the lead unit itself."""
    allowed = set(assignable_units(plan).values_list("pk", flat=True))
    errors: dict[str, list[str]] = {}
    if lead is not None and lead.pk not in allowed:
        errors["lead_unit"] = [
            _("%(unit)s is not a unit of %(agency)s.") % {"unit": lead, "agency": plan.agency}
        ]
    foreign = [str(u) for u in supports if u.pk not in allowed]
    if foreign:
        errors["support_units"] = [
            _("Not units of %(agency)s: %(units)s.")
            % {"agency": plan.agency, "units": ", ".join(foreign)}
        ]
    if lead is not None and any(u.pk == lead.pk for u in supports):
        errors.setdefault("support_units", []).append(
            _("%(unit)s is the lead unit; it cannot also support the task.") % {"unit": lead}
        )
    if errors:
        raise ValidationError(errors)


def check_deadline(plan: Plan, due_on: datetime.date | None) -> None:
    if due_on is not None and plan.issued_on is not None and due_on < plan.issued_on:
        raise ValidationError(
            {
                "due_on": _("The deadline %(due)s is before the plan's issue date %(issued)s.")
                % {
                    "due": due_on.strftime("%d/%m/%Y"),
                    "issued": plan.issued_on.strftime("%d/%m/%Y"),
                }
            }
        )


def change_reason(action: str, reason: str = "") -> str:
    """What was done and, when given, why: the history's one line per change."""
    reason = (reason or "").strip()
    return (f"{action} — {reason}" if reason else action)[:REASON_MAX]


def record(obj, user, action: str, reason: str = "") -> None:
    """Who and why for the history row the next save() writes."""
    obj._history_user = user
    obj._change_reason = change_reason(action, reason)


def require_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Give a reason: it is kept in the history.")})
    return reason


def unassigned_tasks(plan: Plan) -> QuerySet:
    return (
        Task.objects.filter(group__plan=plan)
        .unassigned_or_undated()
        .select_related("group", "lead_unit")
        .order_by("group__order", "order")
    )
