"""The narrative of the consolidated report as the leadership edits it."""

from django import forms
from django.utils.translation import gettext_lazy as _

from quantri.reports.models import ConsolidatedReport

DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
MAX_RECIPIENTS = 50


def _text(rows: int, help_text=None):
    return forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": rows}), help_text=help_text
    )


class ConsolidatedReportForm(forms.ModelForm):
    issued_on = forms.DateField(
        label=_("Issue date"),
        required=False,
        input_formats=DATE_INPUT_FORMATS,
        widget=forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy"}),
        help_text=_("Leave empty in a draft: the document keeps a blank for the clerk."),
    )
    recipients = forms.CharField(
        label=_("Recipients"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_('One per line; the last line may be the archive line, e.g. "Lưu: VT, VP".'),
    )

    class Meta:
        model = ConsolidatedReport
        fields = [
            "number",
            "issued_on",
            "place",
            "summary",
            "results_intro",
            "shortcomings",
            "causes",
            "next_tasks",
            "proposals",
            "recipients",
            "signer_authority",
            "signer_position",
            "signer_name",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 2}),
            "results_intro": forms.Textarea(attrs={"rows": 3}),
            "shortcomings": forms.Textarea(attrs={"rows": 5}),
            "causes": forms.Textarea(attrs={"rows": 4}),
            "next_tasks": forms.Textarea(attrs={"rows": 5}),
            "proposals": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "number": _("The number alone (5 is written 05) or the full number/symbol."),
            "results_intro": _("Opens part I; the figures and the units' results follow it."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance and not self.is_bound:
            self.initial["recipients"] = "\n".join(self.instance.recipients or [])

    def clean_recipients(self) -> list[str]:
        lines = [line.strip() for line in self.cleaned_data["recipients"].splitlines()]
        lines = [line for line in lines if line]
        if len(lines) > MAX_RECIPIENTS:
            raise forms.ValidationError(
                _("At most %(count)s recipients.") % {"count": MAX_RECIPIENTS}
            )
        return lines

    def narrative(self) -> dict:
        """The cleaned fields, as consolidated_report_update takes them."""
        return {name: self.cleaned_data[name] for name in self.Meta.fields}
