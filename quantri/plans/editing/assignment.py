"""Who carries a task and by when: lead and supporting units, the lead unit's officers, and
the deadline as a date, a recurrence or a period such as "end of Q3 2026"."""

import dataclasses
import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from quantri.core.names import display_name
from quantri.orgs.models import Agency
from quantri.plans import deadlines
from quantri.plans.editing.rules import (
    assignable_officers,
    check_deadline,
    check_units,
    record,
    require_manager,
    require_officer_picker,
)
from quantri.plans.models import Plan, Recurrence, Task


class DeadlineKind:
    NONE = "none"
    DATE = "date"
    RECURRENCE = "recurrence"
    PERIOD = "period"
    ALL = (NONE, DATE, RECURRENCE, PERIOD)


@dataclasses.dataclass
class Deadline:
    kind: str
    due_on: datetime.date | None = None
    recurrence: str = ""
    period: str = ""

    def resolve(self, plan: Plan, today: datetime.date | None = None) -> dict:
        """The task's due_on, recurrence and due_period for this deadline, checked."""
        if self.kind not in DeadlineKind.ALL:
            raise ValidationError({"kind": _("Choose a kind of deadline.")})
        # A deadline the office sets replaces any extension granted before it.
        values = {"due_on": None, "recurrence": "", "due_period": "", "original_due_on": None}
        if self.kind == DeadlineKind.DATE:
            if self.due_on is None:
                raise ValidationError({"due_on": _("Enter the deadline as dd/mm/yyyy.")})
            values["due_on"] = self.due_on
        elif self.kind == DeadlineKind.RECURRENCE:
            values.update(self._recurring(plan, today))
        elif self.kind == DeadlineKind.PERIOD:
            values["due_period"], values["due_on"] = self._period()
        check_deadline(plan, values["due_on"])
        return values

    def _recurring(self, plan: Plan, today: datetime.date | None) -> dict:
        if self.recurrence not in Recurrence.values:
            raise ValidationError({"recurrence": _("Choose how often the task recurs.")})
        today = today or timezone.localdate()
        # A plan issued later than today starts its first cycle on its issue date.
        start = max(today, plan.issued_on) if plan.issued_on else today
        return {"recurrence": self.recurrence, "due_on": deadlines.next_due(self.recurrence, start)}

    def _period(self) -> tuple[str, datetime.date]:
        try:
            return deadlines.period_end(self.period or "")
        except deadlines.PeriodError:
            raise ValidationError(
                {
                    "due_period": _(
                        "“%(value)s” is not a period: write it as 2026-Q3, 2026-H1, 2026-05 "
                        "or 2026."
                    )
                    % {"value": (self.period or "")[:40]}
                }
            ) from None


def describe_deadline(values: dict) -> str:
    if values["due_period"]:
        return _("Deadline: end of %(period)s") % {"period": values["due_period"]}
    if values["recurrence"]:
        return _("Deadline: %(recurrence)s") % {
            "recurrence": Recurrence(values["recurrence"]).label
        }
    if values["due_on"]:
        return _("Deadline: %(date)s") % {"date": values["due_on"].strftime("%d/%m/%Y")}
    return _("Deadline removed")


@transaction.atomic
def task_set_deadline(*, task: Task, user, deadline: Deadline, reason: str = "") -> Task:
    plan = task.group.plan
    require_manager(user, plan)
    values = deadline.resolve(plan)
    for name, value in values.items():
        setattr(task, name, value)
    task.full_clean()
    record(task, user, describe_deadline(values), reason)
    task.save()
    return task


def describe_units(lead: Agency | None, supports: list[Agency]) -> str:
    text = _("Lead: %(lead)s") % {"lead": lead.short_name or lead.name if lead else "—"}
    if supports:
        text += "; " + _("support: %(units)s") % {
            "units": ", ".join(u.short_name or u.name for u in supports)
        }
    return text


@transaction.atomic
def task_assign(
    *,
    task: Task,
    user,
    lead_unit: Agency | None,
    support_units: list[Agency],
    reason: str = "",
) -> Task:
    """Set the lead and supporting units. Officers who are not members of a new lead unit
    no longer carry the task."""
    plan = task.group.plan
    require_manager(user, plan)
    check_units(plan, lead_unit, support_units)
    lead_changed = task.lead_unit_id != (lead_unit.pk if lead_unit else None)
    task.lead_unit = lead_unit
    if lead_unit is not None:
        task.lead_text = ""
    matched = {u.name for u in support_units}
    task.support_text = [s for s in task.support_text if s not in matched]
    task.full_clean()
    record(task, user, describe_units(lead_unit, support_units), reason)
    task.save()
    task.support_units.set(support_units)
    if lead_changed:
        members = assignable_officers(lead_unit)
        task.responsible_officers.set(task.responsible_officers.filter(pk__in=members))
    return task


@transaction.atomic
def task_set_officers(*, task: Task, user, officers: list, reason: str = "") -> Task:
    """The officers of the lead unit who carry the task (picked by the unit's head)."""
    require_officer_picker(user, task)
    if officers and task.lead_unit_id is None:
        raise ValidationError(
            {"responsible_officers": _("Give the task a lead unit before choosing officers.")}
        )
    members = set(assignable_officers(task.lead_unit).values_list("pk", flat=True))
    outsiders = [display_name(o) for o in officers if o.pk not in members]
    if outsiders:
        raise ValidationError(
            {
                "responsible_officers": _("Not members of %(unit)s: %(names)s.")
                % {"unit": task.lead_unit, "names": ", ".join(outsiders)}
            }
        )
    names = ", ".join(display_name(o) for o in officers) or "—"
    record(task, user, _("Officers: %(names)s") % {"names": names}, reason)
    task.save()
    task.responsible_officers.set(officers)
    return task
