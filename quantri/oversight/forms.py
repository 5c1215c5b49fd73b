"""Forms of the oversight pages: they parse input; the services decide and validate."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from quantri.orgs.models import Agency
from quantri.oversight.models import (
    HeadAccountability,
    InspectionKind,
    Severity,
    SubjectKind,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _units(agency: Agency):
    return Agency.objects.filter(pk__in=Agency.objects.subtree_ids(agency)).order_by(
        "order", "name"
    )


class InspectionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=InspectionKind.choices)
    subject_kind = forms.ChoiceField(label=_("Subject"), choices=SubjectKind.choices)
    subject_unit = forms.ModelChoiceField(
        label=_("Unit inspected"), queryset=Agency.objects.none(), required=False
    )
    subject_text = forms.CharField(label=_("Subject as written"), max_length=500)
    decision_number = forms.CharField(label=_("Decision number"), max_length=60)
    decision_date = forms.DateField(label=_("Decision date"), widget=DATE)
    period_from = forms.DateField(label=_("Period inspected from"), widget=DATE)
    period_to = forms.DateField(label=_("Period inspected to"), widget=DATE)
    team_lead = forms.CharField(label=_("Head of the team"), max_length=150, required=False)
    team = forms.ModelMultipleChoiceField(
        label=_("Team members"), queryset=get_user_model().objects.none(), required=False
    )

    def __init__(self, *args, agency: Agency, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subject_unit"].queryset = _units(agency)
        self.fields["team"].queryset = (
            get_user_model()
            .objects.filter(is_active=True, memberships__agency__in=_units(agency))
            .distinct()
        )


class FindingForm(forms.Form):
    subject_unit = forms.ModelChoiceField(
        label=_("Unit concerned"), queryset=Agency.objects.none(), required=False
    )
    rule = forms.CharField(label=_("Rule breached"), max_length=500, required=False)
    legal_basis = forms.CharField(label=_("Legal basis"), max_length=500, required=False)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 3}))
    severity = forms.ChoiceField(label=_("Severity"), choices=Severity.choices)

    def __init__(self, *args, agency: Agency, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subject_unit"].queryset = _units(agency)


class ViolationForm(forms.Form):
    finding = forms.ModelChoiceField(label=_("Finding"), queryset=None)
    person_name = forms.CharField(label=_("Person"), max_length=150)
    person_position = forms.CharField(label=_("Position"), max_length=150, required=False)
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=Agency.objects.none())
    rule = forms.CharField(label=_("Rule breached"), max_length=500, required=False)
    severity = forms.ChoiceField(label=_("Severity"), choices=Severity.choices)
    head_name = forms.CharField(label=_("Head of the unit"), max_length=150, required=False)
    head_accountability = forms.ChoiceField(
        label=_("Head's accountability"), choices=HeadAccountability.choices, required=False
    )

    def __init__(self, *args, inspection, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["finding"].queryset = inspection.findings.all()
        self.fields["unit"].queryset = _units(inspection.agency)


class RemedyForm(forms.Form):
    text = forms.CharField(label=_("Remedy required"), widget=forms.Textarea(attrs={"rows": 2}))
    finding = forms.ModelChoiceField(label=_("Finding"), queryset=None, required=False)
    lead_unit = forms.ModelChoiceField(
        label=_("Lead unit"), queryset=Agency.objects.none(), required=False
    )
    support_units = forms.ModelMultipleChoiceField(
        label=_("Supporting units"), queryset=Agency.objects.none(), required=False
    )
    due_on = forms.DateField(label=_("Deadline"), widget=DATE, required=False)

    def __init__(self, *args, inspection, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["finding"].queryset = inspection.findings.all()
        self.fields["lead_unit"].queryset = _units(inspection.agency)
        self.fields["support_units"].queryset = _units(inspection.agency)


class ConclusionForm(forms.Form):
    conclusion_number = forms.CharField(label=_("Conclusion number"), max_length=60, required=False)
    conclusion_date = forms.DateField(label=_("Conclusion date"), widget=DATE, required=False)
    conclusion = forms.CharField(
        label=_("Conclusions"), widget=forms.Textarea(attrs={"rows": 5}), required=False
    )
    signer_name = forms.CharField(label=_("Signer"), max_length=150, required=False)
    signer_position = forms.CharField(label=_("Signer's position"), max_length=150, required=False)


class PlanItemForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=InspectionKind.choices)
    subject_kind = forms.ChoiceField(label=_("Subject"), choices=SubjectKind.choices)
    subject_unit = forms.ModelChoiceField(
        label=_("Unit inspected"), queryset=Agency.objects.none(), required=False
    )
    subject_text = forms.CharField(label=_("Subject as written"), max_length=500, required=False)
    starts_on = forms.DateField(label=_("Planned from"), widget=DATE)
    ends_on = forms.DateField(label=_("Planned to"), widget=DATE)

    def __init__(self, *args, agency: Agency, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subject_unit"].queryset = _units(agency)

    def service_kwargs(self) -> dict:
        from quantri.oversight.services import Subject

        data = self.cleaned_data
        return {
            "inspection_kind": data["kind"],
            "subject": Subject(data["subject_kind"], data["subject_text"], data["subject_unit"]),
            "starts_on": data["starts_on"],
            "ends_on": data["ends_on"],
        }
