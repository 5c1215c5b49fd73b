"""What the follow-up pages and their XLSX exports list: one reader per list, so a page and
its export cannot drift apart."""

import datetime

from django import forms
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from quantri.orgs.models import Agency
from quantri.plans.models import Plan, PlanStatus, Task, TaskStatus
from quantri.plans.outline import UNIT_NAME_FIELDS


def for_listing(tasks):
    """Tasks with what a list or an export shows loaded, in a fixed number of queries."""
    units = Prefetch("support_units", queryset=Agency.objects.only(*UNIT_NAME_FIELDS))
    officers = Prefetch("responsible_officers", to_attr="officers_shown")
    return tasks.select_related("lead_unit", "group__plan").prefetch_related(units, officers)


def followed_tasks(access):
    """Open tasks of the plans in force in the agencies this user follows up."""
    return for_listing(
        Task.objects.filter(
            group__plan__agency__in=access.manageable_agencies(),
            # Closed and draft plans have nobody left to urge.
            group__plan__status=PlanStatus.ACTIVE,
        ).working()
    ).order_by("due_on", "lead_unit__name", "pk")


def followed_units(access):
    """The units a follow-up list can be narrowed to: those of the agencies the user manages."""
    ids: set[int] = set()
    for agency in access.manageable_agencies():
        ids |= Agency.objects.subtree_ids(agency)
    return Agency.objects.filter(pk__in=ids).order_by("order", "name")


def plan_tasks(plan: Plan):
    return for_listing(Task.objects.filter(group__plan=plan)).order_by("group__order", "order")


class TaskFilterForm(forms.Form):
    """The filters of a task list; an export applies the same ones as the page."""

    unit = forms.ModelChoiceField(
        label=_("Lead unit"), queryset=Agency.objects.none(), required=False
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", "—"), *TaskStatus.choices], required=False
    )
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)

    def __init__(self, data=None, *, units, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["unit"].queryset = units

    def apply(self, tasks, today: datetime.date):
        data = self.cleaned_data
        if data["unit"]:
            tasks = tasks.filter(lead_unit=data["unit"])
        if data["status"]:
            tasks = tasks.filter(status=data["status"])
        if data["overdue"]:
            tasks = tasks.overdue(today)
        return tasks

    def error_text(self) -> str:
        return " ".join(
            f"{self.fields[name].label}: {' '.join(errors)}" for name, errors in self.errors.items()
        )
