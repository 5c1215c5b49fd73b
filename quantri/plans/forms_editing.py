"""Forms for editing a plan after its import: each parses input into what one editing service
takes, and shows the service's errors on the field they name."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from quantri.core.names import display_name
from quantri.plans.editing import Deadline, PlanHeader, TaskFields
from quantri.plans.editing.assignment import DeadlineKind
from quantri.plans.editing.header import parent_agency_ids
from quantri.plans.editing.rules import assignable_officers, assignable_units, plan_officers
from quantri.plans.forms import DATE_INPUT_FORMATS
from quantri.plans.models import Plan, Recurrence, Task, TaskGroup, dimension_model
from quantri.plans.widgets import FastSelect, FastSelectMultiple

DATE_WIDGET = forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy"})


def _date_field(label, **kwargs) -> forms.DateField:
    return forms.DateField(
        label=label, input_formats=DATE_INPUT_FORMATS, widget=DATE_WIDGET, **kwargs
    )


class ReasonField(forms.CharField):
    def __init__(self, required: bool = False, **kwargs):
        super().__init__(
            label=_("Reason (kept in the history)"), max_length=200, required=required, **kwargs
        )


def _unit_label(unit) -> str:
    return unit.name


class PlanEditForm(forms.Form):
    number = forms.CharField(label=_("Number/symbol"), max_length=60, required=False)
    issued_on = _date_field(_("Issue date"), required=False)
    year = forms.IntegerField(label=_("Year"), min_value=1990, max_value=2200)
    title = forms.CharField(label=_("Title"), widget=forms.Textarea(attrs={"rows": 2}))
    signer_name = forms.CharField(label=_("Signer"), max_length=150, required=False)
    signer_position = forms.CharField(label=_("Signer's position"), max_length=150, required=False)
    signer_authority = forms.CharField(label=_("Signing authority"), max_length=150, required=False)
    parent = forms.ModelChoiceField(label=_("Parent plan"), queryset=None, required=False)
    parent_refs = forms.CharField(
        label=_("Parent plans as written"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("One document per line."),
    )
    reason = ReasonField()

    def __init__(self, *args, plan: Plan, **kwargs):
        header = PlanHeader.of(plan)
        initial = {**vars(header), "parent_refs": "\n".join(header.parent_refs)}
        super().__init__(*args, initial=initial, **kwargs)
        # Only plans a parent may come from: this agency's and those above it, never another
        # department's (whose titles are not this user's to list).
        self.fields["parent"].queryset = (
            Plan.objects.filter(agency_id__in=parent_agency_ids(plan))
            .exclude(pk=plan.pk)
            .select_related("agency")
        )

    def header(self) -> PlanHeader:
        data = {k: v for k, v in self.cleaned_data.items() if k != "reason"}
        data["parent_refs"] = data["parent_refs"].splitlines()
        return PlanHeader(**data)


class GroupEditForm(forms.Form):
    title = forms.CharField(label=_("Group title"), max_length=500)
    dimension = forms.ModelChoiceField(label=_("PAPI dimension"), queryset=None, required=False)
    reason = ReasonField()

    def __init__(self, *args, plan: Plan, group: TaskGroup | None = None, **kwargs):
        if group is not None:
            kwargs.setdefault("initial", {"title": group.title, "dimension": group.dimension})
        super().__init__(*args, **kwargs)
        self.fields["dimension"].queryset = (
            dimension_model().objects.filter(framework_id=plan.framework_id).top_level()
        )


class GroupMoveForm(forms.Form):
    position = forms.IntegerField(label=_("New position"), min_value=1)
    reason = ReasonField()


class GroupMergeForm(forms.Form):
    target = forms.ModelChoiceField(label=_("Merge into group"), queryset=None)
    reason = ReasonField()

    def __init__(self, *args, group: TaskGroup, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = group.plan.groups.exclude(pk=group.pk)


class TaskFieldsForm(forms.Form):
    title = forms.CharField(
        label=_("Task"), max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )
    description = forms.CharField(
        label=_("Full text"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    expected_output = forms.CharField(
        label=_("Expected output"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    weight = forms.IntegerField(label=_("Weight"), min_value=1, max_value=100, initial=1)
    reason = ReasonField()

    def __init__(self, *args, task: Task | None = None, **kwargs):
        if task is not None:
            kwargs.setdefault("initial", vars(TaskFields.of(task)))
        super().__init__(*args, **kwargs)

    def task_fields(self) -> TaskFields:
        data = self.cleaned_data
        return TaskFields(
            title=data["title"],
            description=data["description"],
            expected_output=data["expected_output"],
            weight=data["weight"],
        )


class TaskAddForm(TaskFieldsForm):
    group = forms.ModelChoiceField(label=_("Task group"), queryset=None)

    def __init__(self, *args, plan: Plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = plan.groups.all()


class AssignForm(forms.Form):
    lead_unit = forms.ModelChoiceField(label=_("Lead unit"), queryset=None, required=False)
    support_units = forms.ModelMultipleChoiceField(
        label=_("Supporting units"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    reason = ReasonField()

    def __init__(self, *args, plan: Plan, task: Task | None = None, **kwargs):
        if task is not None:
            kwargs.setdefault(
                "initial",
                {"lead_unit": task.lead_unit, "support_units": list(task.support_units.all())},
            )
        super().__init__(*args, **kwargs)
        # Any unit may be submitted so that a foreign one gets the service's clear message
        # rather than a bare "not one of the choices".
        from quantri.orgs.models import Agency

        self.fields["lead_unit"].queryset = Agency.objects.all()
        self.fields["support_units"].queryset = Agency.objects.all()
        units = list(assignable_units(plan))
        self.fields["lead_unit"].widget.choices = [("", "—")] + [(u.pk, u.name) for u in units]
        self.fields["support_units"].widget.choices = [(u.pk, u.name) for u in units]


class OfficersForm(forms.Form):
    responsible_officers = forms.ModelMultipleChoiceField(
        label=_("Responsible officers"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    reason = ReasonField()

    def __init__(self, *args, task: Task, **kwargs):
        kwargs.setdefault(
            "initial", {"responsible_officers": list(task.responsible_officers.all())}
        )
        super().__init__(*args, **kwargs)
        self.fields["responsible_officers"].queryset = get_user_model().objects.filter(
            is_active=True
        )
        self.fields["responsible_officers"].widget.choices = [
            (u.pk, display_name(u)) for u in assignable_officers(task.lead_unit)
        ]


class DeadlineForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind of deadline"),
        choices=[
            (DeadlineKind.DATE, _("A date")),
            (DeadlineKind.RECURRENCE, _("Recurring")),
            (DeadlineKind.PERIOD, _("By the end of a period")),
            (DeadlineKind.NONE, _("No deadline")),
        ],
        widget=forms.RadioSelect,
    )
    due_on = _date_field(_("Deadline"), required=False)
    recurrence = forms.ChoiceField(
        label=_("Recurrence"), choices=[("", "—"), *Recurrence.choices], required=False
    )
    due_period = forms.CharField(
        label=_("Period"),
        max_length=40,
        required=False,
        help_text=_("e.g. 2026-Q3, 2026-H1, 2026-05 or 2026; the deadline is its last day."),
    )
    reason = ReasonField()

    def __init__(self, *args, task: Task | None = None, **kwargs):
        if task is not None:
            kwargs.setdefault("initial", _deadline_initial(task))
        super().__init__(*args, **kwargs)

    def deadline(self) -> Deadline:
        data = self.cleaned_data
        return Deadline(
            kind=data["kind"],
            due_on=data["due_on"],
            recurrence=data["recurrence"],
            period=data["due_period"],
        )


def _deadline_initial(task: Task) -> dict:
    if task.recurrence:
        kind = DeadlineKind.RECURRENCE
    elif task.due_period:
        kind = DeadlineKind.PERIOD
    else:
        kind = DeadlineKind.DATE if task.due_on else DeadlineKind.NONE
    return {
        "kind": kind,
        "due_on": task.due_on,
        "recurrence": task.recurrence,
        "due_period": task.due_period,
    }


class TaskMoveForm(forms.Form):
    group = forms.ModelChoiceField(label=_("Task group"), queryset=None)
    position = forms.IntegerField(
        label=_("Position in the group"),
        min_value=1,
        required=False,
        help_text=_("Left empty: at the end."),
    )
    reason = ReasonField()

    def __init__(self, *args, task: Task, **kwargs):
        kwargs.setdefault("initial", {"group": task.group_id, "position": task.order})
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = task.group.plan.groups.all()


class TaskSplitForm(forms.Form):
    titles = forms.CharField(
        label=_("Titles of the parts"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One task per line; the first line stays with this task."),
    )
    reason = ReasonField()

    def titles_list(self) -> list[str]:
        return self.cleaned_data["titles"].splitlines()


class TaskRemoveForm(forms.Form):
    reason = ReasonField(
        help_text=_(
            "A task nothing was reported on is deleted; otherwise it is cancelled, "
            "which needs a reason."
        )
    )


BULK_ACTIONS = [
    ("assign", _("Assign lead/supporting units")),
    ("officers", _("Choose the responsible officers")),
    ("deadline", _("Set the deadline")),
    ("weight", _("Set the weight")),
    ("move", _("Move to a group")),
    ("merge", _("Merge into the first selected task")),
    ("cancel", _("Cancel")),
]


class BulkForm(forms.Form):
    """One form for every bulk action; each action reads the fields it needs. Its selects are
    written in Python (plans.widgets): the plan page renders them beside 300 task rows."""

    tasks = forms.ModelMultipleChoiceField(label=_("Selected tasks"), queryset=None)
    action = forms.ChoiceField(label=_("Action"), choices=BULK_ACTIONS, widget=FastSelect)
    lead_unit = forms.ModelChoiceField(
        label=_("Lead unit"), queryset=None, required=False, widget=FastSelect
    )
    support_units = forms.ModelMultipleChoiceField(
        label=_("Supporting units"), queryset=None, required=False, widget=FastSelectMultiple
    )
    responsible_officers = forms.ModelMultipleChoiceField(
        label=_("Responsible officers"),
        queryset=None,
        required=False,
        widget=FastSelectMultiple,
    )
    kind = DeadlineForm.base_fields["kind"]
    due_on = _date_field(_("Deadline"), required=False)
    recurrence = forms.ChoiceField(
        label=_("Recurrence"),
        choices=[("", "—"), *Recurrence.choices],
        required=False,
        widget=FastSelect,
    )
    due_period = DeadlineForm.base_fields["due_period"]
    weight = forms.IntegerField(label=_("Weight"), min_value=1, max_value=100, required=False)
    group = forms.ModelChoiceField(
        label=_("Task group"), queryset=None, required=False, widget=FastSelect
    )
    reason = ReasonField()

    def __init__(self, *args, plan: Plan, **kwargs):
        super().__init__(*args, **kwargs)
        from quantri.orgs.models import Agency

        self.fields["kind"].required = False
        self.fields["tasks"].queryset = Task.objects.filter(group__plan=plan).select_related(
            "group__plan"
        )
        self.fields["lead_unit"].queryset = Agency.objects.all()
        self.fields["support_units"].queryset = Agency.objects.all()
        units = [(u.pk, u.name) for u in assignable_units(plan)]
        self.fields["lead_unit"].widget.choices = [("", "—")] + units
        self.fields["support_units"].widget.choices = units
        self.fields["group"].queryset = plan.groups.all()
        # The units just read, not the tree walked again for the officers' subquery.
        officers = plan_officers(plan, unit_ids=[pk for pk, _name in units])
        self.fields["responsible_officers"].queryset = officers

    def task_ids(self) -> list[int]:
        return [t.pk for t in self.cleaned_data["tasks"]]

    def deadline(self) -> Deadline:
        data = self.cleaned_data
        return Deadline(
            kind=data["kind"] or "",
            due_on=data["due_on"],
            recurrence=data["recurrence"],
            period=data["due_period"],
        )
