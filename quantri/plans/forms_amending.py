"""Forms for a plan's amendments, its deletion and deadline extensions: each parses input into
what one service takes; the service's errors come back on the field they name."""

from django import forms
from django.utils.translation import gettext_lazy as _

from quantri.plans.forms_editing import _date_field


class RevisionForm(forms.Form):
    document_number = forms.CharField(
        label=_("Number of the amending document"), max_length=60, required=False
    )
    issued_on = _date_field(_("Date of the amendment"))
    reason = forms.CharField(
        label=_("Reason for the amendment"), widget=forms.Textarea(attrs={"rows": 3})
    )


class ExtensionRequestForm(forms.Form):
    requested_due_on = _date_field(_("New deadline"))
    reason = forms.CharField(
        label=_("Why the task needs more time"), widget=forms.Textarea(attrs={"rows": 3})
    )


class ExtensionDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve the new deadline")), ("refuse", _("Refuse"))],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("Required when refusing: the unit sees it."),
    )


class ImportChoiceForm(forms.Form):
    """The save step of an import that matches an existing plan: a new plan, or an amendment
    of one of the matching plans."""

    mode = forms.ChoiceField(label=_("Save as"), widget=forms.RadioSelect)
    cancel_missing = forms.BooleanField(
        label=_("Cancel the tasks the new document no longer has"), required=False
    )
    reason = forms.CharField(label=_("Reason for the amendment"), max_length=500, required=False)

    def __init__(self, *args, matches, **kwargs):
        super().__init__(*args, prefix="save", **kwargs)
        choices = [("new", _("A new plan"))]
        choices += [(str(p.pk), _("An amendment of plan %(plan)s") % {"plan": p}) for p in matches]
        self.fields["mode"].choices = choices
        self.matches = list(matches)

    def amended_plan_id(self) -> int | None:
        mode = self.cleaned_data["mode"]
        return None if mode == "new" else int(mode)
