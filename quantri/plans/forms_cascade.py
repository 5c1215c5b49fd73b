"""The task page's cascade forms: link a task to the parent plan's task it carries out, and
send a task down to the departments whose plans implement this one."""

from django import forms
from django.utils.translation import gettext_lazy as _

from quantri.orgs.models import Agency
from quantri.plans.editing import implementing_plans
from quantri.plans.forms_editing import ReasonField
from quantri.plans.models import Task


class ParentTaskForm(forms.Form):
    parent_task = forms.ModelChoiceField(
        label=_("Implements task"), queryset=Task.objects.none(), required=False
    )
    reason = ReasonField()

    def __init__(self, data=None, *, task: Task, **kwargs):
        super().__init__(data, initial={"parent_task": task.parent_task_id}, **kwargs)
        parent_id = task.group.plan.parent_id
        self.fields["parent_task"].queryset = Task.objects.filter(
            group__plan_id=parent_id
        ).order_by("group__order", "order")


class SendDownForm(forms.Form):
    agencies = forms.ModelMultipleChoiceField(
        label=_("Agencies"),
        queryset=Agency.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Each gets this task in its plan implementing this one, linked back; sending "
            "again updates those tasks."
        ),
    )
    reason = ReasonField()

    def __init__(self, data=None, *, task: Task, **kwargs):
        super().__init__(data, **kwargs)
        ids = implementing_plans(task.group.plan).values_list("agency_id", flat=True)
        self.fields["agencies"].queryset = Agency.objects.filter(pk__in=ids).order_by("name")
