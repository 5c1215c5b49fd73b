"""Archiving a plan (it leaves the working lists and stays readable) and deleting one that
nothing was reported on (a duplicate import, a plan saved by mistake)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from quantri.plans.editing.rules import record, require_manager
from quantri.plans.models import Evidence, Plan, ProgressUpdate


@transaction.atomic
def plan_archive(*, plan: Plan, user, archived: bool = True) -> Plan:
    require_manager(user, plan)
    if archived == (plan.archived_at is not None):
        message = (
            _("This plan is already archived.") if archived else _("This plan is not archived.")
        )
        raise ValidationError({"archived": message})
    plan.archived_at = timezone.now() if archived else None
    record(plan, user, _("Plan archived") if archived else _("Plan restored from the archive"))
    plan.save(update_fields=["archived_at", "updated_at"])
    return plan


def deletion_blockers(plan: Plan) -> list[str]:
    """Why the plan cannot be deleted: what was reported on it. Empty when it may be."""
    blockers = []
    periods = plan.reporting_periods.count()
    if periods:
        blockers.append(_("%(count)s reporting period(s) opened") % {"count": periods})
    updates = ProgressUpdate.objects.filter(task__group__plan=plan).count()
    if updates:
        blockers.append(_("%(count)s progress update(s) on its tasks") % {"count": updates})
    evidence = Evidence.objects.filter(task__group__plan=plan).count()
    if evidence:
        blockers.append(_("%(count)s piece(s) of evidence") % {"count": evidence})
    return blockers


@transaction.atomic
def plan_delete(*, plan: Plan, user) -> None:
    """Delete a plan nothing was reported on, with its groups, tasks and revisions; a plan
    with reports is history and can only be archived."""
    require_manager(user, plan)
    blockers = deletion_blockers(plan)
    if blockers:
        raise ValidationError(
            {
                "plan": _(
                    "This plan cannot be deleted because it has %(what)s; archive it instead."
                )
                % {"what": "; ".join(blockers)}
            }
        )
    record(plan, user, _("Plan deleted"))
    plan.delete()
