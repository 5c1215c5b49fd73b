from django import forms
from django.utils.translation import gettext_lazy as _

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
