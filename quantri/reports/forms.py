"""Forms of periodic reporting: the regime, opening a period, the unit's report (one block per
task), the office's review and the spreadsheet upload."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from quantri.core.forms import MultipleFileField, checked_files, is_web_link
from quantri.core.uploads import EVIDENCE_KINDS, XLSX, allowed_extensions
from quantri.plans.forms import DATE_INPUT_FORMATS
from quantri.plans.models import TaskStatus
from quantri.plans.services import max_upload_bytes
from quantri.reports.figures import FiguresError, format_figures, parse_figures
from quantri.reports.models import DeadlineRule, ReportingRegime
from quantri.reports.services import EvidenceInput, TaskReportInput


def _date_field(label, required=True):
    return forms.DateField(
        label=label,
        required=required,
        input_formats=DATE_INPUT_FORMATS,
        widget=forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy"}),
    )


class RegimeForm(forms.ModelForm):
    class Meta:
        model = ReportingRegime
        fields = [
            "frequency",
            "deadline_rule",
            "deadline_days",
            "deadline_day",
            "counts_working_days",
            "receiving_body",
            "via_unit",
        ]

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["via_unit"].queryset = units

    def clean(self):
        data = super().clean()
        if data.get("deadline_rule") == DeadlineRule.FIXED_DAY and not data.get("deadline_day"):
            self.add_error("deadline_day", _("Give the day of the month reports are due."))
        return data

    def validate_unique(self):
        """regime_save updates the plan's regime of that frequency instead of refusing it."""


class PeriodOpenForm(forms.Form):
    regime = forms.ModelChoiceField(queryset=None, label=_("Reporting regime"), empty_label=None)
    code = forms.CharField(
        label=_("Period"),
        max_length=10,
        help_text=_("2021-H1 or 2021-H2 (half year), 2021-Y (year), 2021-Q3, 2021-05 (month)."),
    )
    deadline = _date_field(_("Deadline"), required=False)

    def __init__(self, *args, regimes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["regime"].queryset = regimes
        self.fields["deadline"].help_text = _(
            "Leave empty to count it from the regime (days after the 14th cut-off)."
        )


class TaskBlockForm(forms.Form):
    """One task of the unit in its report; prefixed with the task's id."""

    status = forms.ChoiceField(label=_("Status"), choices=TaskStatus.choices)
    progress = forms.IntegerField(label=_("Progress (%)"), min_value=0, max_value=100)
    done = forms.CharField(
        label=_("What was done"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    figures = forms.CharField(
        label=_("Figures"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("One per line: name = number, e.g. “Số buổi tiếp công dân = 6”."),
    )
    difficulties = forms.CharField(
        label=_("Difficulties"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    proposals = forms.CharField(
        label=_("Proposals"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    files = MultipleFileField(label=_("Evidence files"), required=False)
    links = forms.CharField(
        label=_("Evidence links"),
        widget=forms.Textarea(attrs={"rows": 1}),
        required=False,
        help_text=_("One link per line, starting with http:// or https://."),
    )

    def __init__(self, *args, task, **kwargs):
        self.task = task
        super().__init__(*args, prefix=f"task-{task.pk}", **kwargs)
        self.fields["files"].help_text = _("Up to %(mb)s MB each. Accepted: %(types)s.") % {
            "mb": settings.QUANTRI_MAX_UPLOAD_MB,
            "types": ", ".join(allowed_extensions(EVIDENCE_KINDS)),
        }

    @staticmethod
    def initial_for(task, task_report) -> dict:
        if task_report is None:
            return {"status": task.status, "progress": task.progress}
        return {
            "status": task_report.status,
            "progress": task_report.progress,
            "done": task_report.done,
            "figures": format_figures(task_report.figures),
            "difficulties": task_report.difficulties,
            "proposals": task_report.proposals,
        }

    def clean_figures(self):
        try:
            return parse_figures(self.cleaned_data["figures"])
        except FiguresError as exc:
            raise ValidationError(gettext(exc.template) % exc.params) from None

    def clean_files(self):
        return checked_files(self.cleaned_data["files"], EVIDENCE_KINDS, max_upload_bytes())

    def clean_links(self):
        links = [line.strip() for line in self.cleaned_data["links"].splitlines() if line.strip()]
        bad = [link for link in links if not is_web_link(link)]
        if bad:
            raise ValidationError(
                [_("%(link)s is not a valid web link.") % {"link": link[:100]} for link in bad]
            )
        return links

    def clean(self):
        data = super().clean()
        if data.get("status") == TaskStatus.DONE and data.get("progress") not in (None, 100):
            self.add_error("progress", _("A task marked done must be at 100%."))
        return data

    def as_input(self) -> TaskReportInput:
        data = self.cleaned_data
        evidence = [
            EvidenceInput(title=f.name, file_name=f.name, file_content=f.content)
            for f in data["files"]
        ] + [EvidenceInput(title=link, url=link) for link in data["links"]]
        return TaskReportInput(
            task_id=self.task.pk,
            status=data["status"],
            progress=data["progress"],
            done=data["done"],
            figures=data["figures"],
            difficulties=data["difficulties"],
            proposals=data["proposals"],
            evidence=evidence,
        )


class UnitReportForm(forms.Form):
    general_remarks = forms.CharField(
        label=_("General remarks"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    difficulties = forms.CharField(
        label=_("Difficulties"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    proposals = forms.CharField(
        label=_("Proposals"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class ReviewForm(forms.Form):
    ACCEPT, RETURN = "accept", "return"
    action = forms.ChoiceField(choices=[(ACCEPT, _("Accept")), (RETURN, _("Return"))])
    comments = forms.CharField(
        label=_("Comments for the unit"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("Required when returning: say what to correct."),
    )

    def clean(self):
        data = super().clean()
        if data.get("action") == self.RETURN and not data.get("comments", "").strip():
            self.add_error("comments", _("Say what the unit should correct."))
        return data


class TemplateUploadForm(forms.Form):
    file = forms.FileField(label=_("Filled-in template (.xlsx)"))

    def clean_file(self):
        return checked_files([self.cleaned_data["file"]], {XLSX}, max_upload_bytes())[0]
