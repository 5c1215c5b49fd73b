from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from quantri.orgs.models import Agency
from quantri.procedures.models import Procedure
from quantri.quality.models import Finding, FindingKind, QualityProcess
from quantri.quality.steps_text import StepsError, parse_steps

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def add_service_errors(form: forms.Form, exc) -> None:
    """A service's ValidationError beside the field it names, or above the form."""
    if hasattr(exc, "error_dict"):
        for name, errors in exc.message_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


class ProcessForm(forms.Form):
    procedure = forms.ModelChoiceField(Procedure.objects.none(), label=gettext_lazy("Procedure"))
    unit = forms.ModelChoiceField(Agency.objects.none(), label=gettext_lazy("Unit in charge"))
    code = forms.CharField(label=gettext_lazy("Process code"), max_length=40)
    title = forms.CharField(label=gettext_lazy("Title"), max_length=500)

    def __init__(self, *args, agency: Agency, **kwargs):
        super().__init__(*args, **kwargs)
        ids = Agency.objects.subtree_ids(agency)
        self.fields["procedure"].queryset = Procedure.objects.filter(
            agency_id__in=ids, quality_process__isnull=True
        )
        self.fields["unit"].queryset = Agency.objects.filter(pk__in=ids)


class VersionForm(forms.Form):
    steps = forms.CharField(
        label=gettext_lazy("Steps"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=gettext_lazy(
            "One step per line: what is done | responsible role or unit | form used | time "
            "(“4 giờ” or “2 ngày”)."
        ),
    )
    change_note = forms.CharField(label=gettext_lazy("What changed"), required=False)

    def clean_steps(self) -> list[dict]:
        try:
            return parse_steps(self.cleaned_data["steps"])
        except StepsError as exc:
            raise forms.ValidationError([_(t) % p for t, p in exc.messages]) from None


class ApproveForm(forms.Form):
    effective_on = forms.DateField(label=gettext_lazy("Effective from"), widget=DATE)


class DeclarationForm(forms.Form):
    number = forms.CharField(label=gettext_lazy("Decision number"), max_length=60)
    signed_on = forms.DateField(label=gettext_lazy("Signed on"), widget=DATE)
    signer_name = forms.CharField(label=gettext_lazy("Signed by"), max_length=255)
    signer_position = forms.CharField(label=gettext_lazy("Signer's position"), max_length=255)
    scope = forms.CharField(label=gettext_lazy("Scope"), widget=forms.Textarea(attrs={"rows": 3}))
    processes = forms.ModelMultipleChoiceField(
        QualityProcess.objects.none(),
        label=gettext_lazy("Processes covered"),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, agency: Agency, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["processes"].queryset = QualityProcess.objects.filter(agency=agency)


class AuditForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Title"), max_length=500)
    starts_on = forms.DateField(label=gettext_lazy("From"), widget=DATE)
    ends_on = forms.DateField(label=gettext_lazy("To"), widget=DATE)
    auditors = forms.ModelMultipleChoiceField(
        get_user_model().objects.none(),
        label=gettext_lazy("Auditors"),
        widget=forms.CheckboxSelectMultiple,
    )
    units = forms.ModelMultipleChoiceField(
        Agency.objects.none(),
        label=gettext_lazy("Units audited"),
        widget=forms.CheckboxSelectMultiple,
    )
    checklist = forms.CharField(
        label=gettext_lazy("Checklist"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=gettext_lazy("One item per line: ISO clause | what to check."),
    )

    def __init__(self, *args, agency: Agency, **kwargs):
        super().__init__(*args, **kwargs)
        ids = Agency.objects.subtree_ids(agency)
        self.fields["units"].queryset = Agency.objects.filter(pk__in=ids).exclude(pk=agency.pk)
        self.fields["auditors"].queryset = (
            get_user_model()
            .objects.filter(memberships__agency_id__in=ids, is_active=True)
            .distinct()
            .order_by("last_name", "first_name", "username")
        )

    def clean_checklist(self) -> list[tuple[str, str]]:
        items = []
        for line in self.cleaned_data["checklist"].splitlines():
            if line.strip():
                clause, _bar, question = line.rpartition("|") if "|" in line else ("", "", line)
                items.append((clause.strip()[:20], question.strip()))
        return items


class FindingForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("Kind"), choices=FindingKind.choices)
    unit = forms.ModelChoiceField(Agency.objects.none(), label=gettext_lazy("Unit"))
    clause = forms.CharField(label=gettext_lazy("ISO clause"), max_length=20, required=False)
    description = forms.CharField(
        label=gettext_lazy("Finding"), widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, audit, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = audit.units.all()


class ActionForm(forms.Form):
    cause = forms.CharField(label=gettext_lazy("Cause"), widget=forms.Textarea(attrs={"rows": 2}))
    action = forms.CharField(
        label=gettext_lazy("Corrective action"), widget=forms.Textarea(attrs={"rows": 2})
    )
    owner = forms.ModelChoiceField(get_user_model().objects.none(), label=gettext_lazy("Owner"))
    deadline = forms.DateField(label=gettext_lazy("Deadline"), widget=DATE)
    done_on = forms.DateField(label=gettext_lazy("Done on"), widget=DATE, required=False)

    def __init__(self, *args, finding: Finding, **kwargs):
        super().__init__(*args, **kwargs)
        ids = Agency.objects.subtree_ids(finding.audit.agency)
        self.fields["owner"].queryset = (
            get_user_model().objects.filter(memberships__agency_id__in=ids).distinct()
        )


class VerifyForm(forms.Form):
    verified_on = forms.DateField(label=gettext_lazy("Verified on"), widget=DATE)
    note = forms.CharField(label=gettext_lazy("Verification"), required=False)


class CloseForm(forms.Form):
    conclusion = forms.CharField(
        label=gettext_lazy("Conclusion"), widget=forms.Textarea(attrs={"rows": 3})
    )


class ReviewForm(forms.Form):
    year = forms.IntegerField(label=gettext_lazy("Year"), min_value=2000, max_value=2100)
    held_on = forms.DateField(label=gettext_lazy("Held on"), widget=DATE)
    chaired_by = forms.CharField(label=gettext_lazy("Chaired by"), max_length=255)
    period_start = forms.DateField(label=gettext_lazy("Figures from"), widget=DATE)
    period_end = forms.DateField(label=gettext_lazy("Figures to"), widget=DATE)
    decisions = forms.CharField(
        label=gettext_lazy("Decisions and outputs"), widget=forms.Textarea(attrs={"rows": 4})
    )

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and start > end:
            self.add_error("period_end", _("The period ends before it starts."))
        return data
