"""The desk staff's forms: they parse input and hand it to quantri.deskstaff.services."""

import datetime

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from quantri.core.names import display_name
from quantri.deskstaff import legal
from quantri.deskstaff.models import Assessment
from quantri.dossiers.models import ReceivingBody
from quantri.orgs.models import Membership

DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]


def _date(label, required=True):
    return forms.DateField(
        label=label,
        required=required,
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy"}),
    )


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return display_name(obj)


def _people(agency_ids: set[int]):
    ids = Membership.objects.active().filter(agency_id__in=agency_ids).values("user_id")
    return get_user_model().objects.filter(pk__in=ids, is_active=True).order_by("last_name")


class PeriodForm(forms.Form):
    start = _date(_("From"))
    end = _date(_("To"))

    @staticmethod
    def default() -> tuple[datetime.date, datetime.date]:
        today = timezone.localdate()
        return today.replace(day=1), today

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", _("The period ends before it starts."))
        return data


class AssignmentForm(forms.Form):
    person = PersonChoiceField(label=_("Desk officer"), queryset=None)
    receiving_body = forms.ModelChoiceField(label=_("Receiving body"), queryset=None)
    valid_from = _date(_("From"))
    valid_to = _date(_("To"), required=False)
    fields = forms.CharField(label=_("Fields received"), max_length=500, required=False)

    def __init__(self, *args, agency_ids: set[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = _people(agency_ids)
        self.fields["receiving_body"].queryset = ReceivingBody.objects.filter(
            agency_id__in=agency_ids
        )


class RotationForm(forms.Form):
    person = PersonChoiceField(label=_("Person"), queryset=None)
    post = forms.CharField(label=_("Post"), max_length=255)
    area = forms.ChoiceField(label=_("Sensitive area"), choices=legal.SENSITIVE_AREAS)
    in_post_since = _date(_("In post since"))
    period_years = forms.IntegerField(
        label=_("Period in post (years)"),
        min_value=legal.MIN_YEARS,
        max_value=legal.MAX_YEARS,
        initial=legal.DEFAULT_YEARS,
    )
    planned_on = _date(_("Planned rotation"))

    def __init__(self, *args, agency_ids: set[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = _people(agency_ids)


class RotationDoneForm(forms.Form):
    done_on = _date(_("Rotated on"))
    new_post = forms.CharField(label=_("New post"), max_length=255, required=False)


class CheckForm(forms.Form):
    period_start = _date(_("Period from"))
    period_end = _date(_("Period to"))
    assessment = forms.ChoiceField(label=_("Assessment"), choices=Assessment.choices)
    reasons = forms.CharField(label=_("Reasons"), widget=forms.Textarea, required=False)
