"""Amendments (điều chỉnh, bổ sung kế hoạch): a revision records the amending document's number,
date and reason with a snapshot of the plan before it; the edits that follow belong to it until
the next revision. An amending document can also be imported onto the plan it amends."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from quantri.core.text import fold
from quantri.orgs.models import Agency
from quantri.plans.amending.diff import TaskChange, compare
from quantri.plans.amending.snapshot import plan_snapshot
from quantri.plans.editing.rules import require_manager, require_reason
from quantri.plans.models import Plan, PlanRevision, Task, TaskStatus


@transaction.atomic
def plan_revise(
    *,
    plan: Plan,
    user,
    issued_on: datetime.date | None,
    reason: str,
    document_number: str = "",
    source_filename: str = "",
) -> PlanRevision:
    """Record an amendment before its changes are made: the plan as it stands is kept."""
    require_manager(user, plan)
    reason = require_reason(reason)
    if issued_on is None:
        raise ValidationError({"issued_on": _("Enter the date of the amendment as dd/mm/yyyy.")})
    if plan.issued_on and issued_on < plan.issued_on:
        raise ValidationError(
            {
                "issued_on": _("The amendment's date %(date)s is before the plan's %(issued)s.")
                % {"date": f"{issued_on:%d/%m/%Y}", "issued": f"{plan.issued_on:%d/%m/%Y}"}
            }
        )
    # The plan's row is locked so two amendments recorded at once get different numbers.
    Plan.objects.select_for_update().filter(pk=plan.pk).first()
    last = plan.revisions.aggregate(last=Max("number"))["last"] or 0
    revision = PlanRevision(
        plan=plan,
        number=last + 1,
        document_number=(document_number or "").strip()[:60],
        issued_on=issued_on,
        reason=reason,
        source_filename=source_filename[:255],
        snapshot=plan_snapshot(plan),
        created_by=user,
    )
    revision.full_clean()
    revision.save()
    return revision


def revision_changes(revision: PlanRevision) -> list[TaskChange]:
    """From this revision's snapshot to the next one's, or to the plan as it is now."""
    following = revision.plan.revisions.filter(number__gt=revision.number).order_by("number")
    after = following.first()
    return compare(revision.snapshot, after.snapshot if after else plan_snapshot(revision.plan))


def matching_plans(*, agency: Agency, number: str, title: str, year: int | None) -> list[Plan]:
    """Plans of the agency an imported document may duplicate or amend: the same number (in
    the same year, since numbers restart each year) or the same title, ignoring case and
    diacritics."""
    number, title = fold(number), fold(title)
    found = []
    for plan in Plan.objects.filter(agency=agency).order_by("-year", "-pk"):
        same_number = number and fold(plan.number) == number and (year in (None, plan.year))
        if same_number or (title and fold(plan.title) == title):
            found.append(plan)
    return found


def task_title(data: dict) -> str:
    """An imported task's title as plan_import saves it."""
    return (data.get("title") or data.get("description") or "").strip()[:500]


def missing_tasks(plan: Plan, parsed: dict) -> list[Task]:
    """The plan's tasks (not cancelled) whose title the new document no longer has."""
    kept = {fold(task_title(t)) for g in parsed.get("groups") or [] for t in g.get("tasks") or []}
    tasks = (
        Task.objects.filter(group__plan=plan)
        .exclude(status=TaskStatus.CANCELLED)
        .select_related("group")
        .order_by("group__order", "order")
    )
    return [t for t in tasks if fold(t.title) not in kept]
