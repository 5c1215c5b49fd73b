from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from quantri.core.calendar import working_calendar
from quantri.dossiers.models import Channel
from quantri.orgs.models import Agency
from quantri.procedures.models import Procedure


class RegisterForm(forms.Form):
    """The desk registers a dossier; the due date is computed, never typed."""

    agency = forms.ModelChoiceField(queryset=Agency.objects.none(), label=_("Agency"))
    procedure = forms.ModelChoiceField(queryset=Procedure.objects.none(), label=_("Procedure"))
    applicant_name = forms.CharField(label=_("Applicant name"), max_length=255)
    applicant_id = forms.CharField(label=_("Applicant ID number"), max_length=30, required=False)
    channel = forms.ChoiceField(label=_("Channel"), choices=Channel.choices)

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies
        self.fields["procedure"].queryset = Procedure.objects.filter(agency__in=agencies).order_by(
            "code"
        )

    def clean(self):
        data = super().clean()
        agency, procedure = data.get("agency"), data.get("procedure")
        if agency and procedure and procedure.agency_id not in Agency.objects.subtree_ids(agency):
            self.add_error("procedure", _("This procedure is not one of the agency's."))
        return data


class NewAppointmentForm(forms.Form):
    """The apology letter's new appointment: a working day after today."""

    new_due = forms.DateField(
        label=_("New appointment date"),
        input_formats=["%d/%m/%Y"],
        help_text=_("dd/mm/yyyy, a working day after today."),
        error_messages={"invalid": _("Enter the date as dd/mm/yyyy, e.g. 15/06/2026.")},
    )

    def clean_new_due(self):
        day = self.cleaned_data["new_due"]
        if day <= timezone.localdate():
            raise forms.ValidationError(_("The new appointment must be after today."))
        if not working_calendar().is_working_day(day):
            raise forms.ValidationError(
                _("%(day)s is not a working day.") % {"day": f"{day:%d/%m/%Y}"}
            )
        return day


class SlipTextForm(forms.Form):
    """The listed items of a request for additional documents, or a refusal's reason."""

    text = forms.CharField(
        label=_("Items or reason (one per line)"), widget=forms.Textarea, max_length=4000
    )

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(_("Write at least one line."))
        return text
