"""Forms: the public catalogue search, the office's workbook upload, reviews and tasks."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from quantri.core.uploads import XLSX, check_upload
from quantri.plans.models import TaskGroup
from quantri.procedures.models import Level, OnlineService, ProcedureField, Proposal


class CatalogueSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search procedures"),
        required=False,
        max_length=200,
        widget=forms.TextInput(
            attrs={
                "placeholder": _("e.g. giay phep le hoi"),
                "enterkeyhint": "search",
                "autocomplete": "off",
            }
        ),
        help_text=_("Type words of the name, with or without diacritics, or the code."),
    )
    field = forms.ChoiceField(label=_("Field"), required=False)
    level = forms.ChoiceField(
        label=_("Level"), required=False, choices=[("", _("All levels")), *Level.choices]
    )
    online = forms.ChoiceField(
        label=_("Online service"),
        required=False,
        choices=[("", _("All")), *OnlineService.choices],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        fields = ProcedureField.objects.values_list("code", "name")
        self.fields["field"].choices = [("", _("All fields")), *fields]

    def filters(self) -> dict:
        """The valid filters; an invalid value filters nothing rather than failing the page."""
        data = self.cleaned_data if self.is_valid() else {}
        return {
            "q": data.get("q", ""),
            "field": data.get("field", ""),
            "level": data.get("level", ""),
            "online": data.get("online", ""),
        }


class CatalogueUploadForm(forms.Form):
    file = forms.FileField(label=_("Workbook (.xlsx)"))
    agency = forms.ModelChoiceField(
        label=_("Implementing agency for rows that name none"),
        queryset=None,
        required=False,
    )
    dry_run = forms.BooleanField(label=_("Only check the workbook, save nothing"), required=False)

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies

    def clean_file(self):
        max_bytes = settings.QUANTRI_MAX_UPLOAD_MB * 1024 * 1024
        return check_upload(self.cleaned_data["file"], kinds={XLSX}, max_bytes=max_bytes)


class ReviewForm(forms.Form):
    agency = forms.ModelChoiceField(label=_("Agency"), queryset=None)
    year = forms.IntegerField(label=_("Year"), min_value=1990, max_value=2200)
    title = forms.CharField(label=_("Title"), max_length=500)

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies


class ReviewItemForm(forms.Form):
    procedure = forms.CharField(
        label=_("National code"), max_length=40, help_text=_("e.g. 1.001234")
    )
    proposal = forms.ChoiceField(label=_("Proposal"), choices=Proposal.choices)
    reasons = forms.CharField(
        label=_("Reasons"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, procedures, **kwargs):
        super().__init__(*args, **kwargs)
        self.procedures = procedures

    def clean_procedure(self):
        code = self.cleaned_data["procedure"].strip()
        procedure = self.procedures.filter(code=code).first()
        if procedure is None:
            raise ValidationError(
                _("No procedure of this agency has the code %(code)s.") % {"code": code}
            )
        return procedure


class ReviewTaskForm(forms.Form):
    group = forms.ModelChoiceField(label=_("Plan and task group"), queryset=None)
    title = forms.CharField(label=_("Task title"), max_length=500)
    due_on = forms.DateField(
        label=_("Deadline"),
        required=False,
        input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        help_text=_("dd/mm/yyyy"),
    )

    def __init__(self, *args, groups, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = groups
        self.fields["group"].label_from_instance = _group_label


def _group_label(group: TaskGroup) -> str:
    plan = group.plan
    return f"{plan.number or plan.title[:40]} ({plan.year}) — {group.order}. {group.title}"
