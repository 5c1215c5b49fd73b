"""Forms: progress reports with evidence, plan uploads, and the import preview."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from quantri.core.uploads import EVIDENCE_KINDS, PLAN_DOCUMENT_KINDS, allowed_extensions, check_upload
from quantri.plans.models import Evidence, TaskStatus
from quantri.plans.services import EvidenceInput, max_upload_bytes


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; cleans to a list (empty when none were chosen)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


def _checked_files(uploads, kinds) -> list:
    """Every file checked, every refusal reported at once, so one bad file names itself."""
    checked, errors = [], []
    for upload in uploads:
        try:
            checked.append(check_upload(upload, kinds=kinds, max_bytes=max_upload_bytes()))
        except ValidationError as exc:
            errors.extend(exc.messages)
    if errors:
        raise ValidationError(errors)
    return checked


def add_service_error(form: forms.Form, exc: ValidationError) -> None:
    """Show a service's ValidationError on the form: on the fields it names that the form has,
    the rest at the top."""
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc.messages)
        return
    for field, errors in exc.message_dict.items():
        form.add_error(field if field in form.fields else None, errors)


class ProgressForm(forms.Form):
    progress = forms.IntegerField(label=_("Progress (%)"), min_value=0, max_value=100)
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("Set from progress"))] + TaskStatus.choices,
        required=False,
        help_text=_("Left empty: not started at 0%, done at 100%, in progress in between."),
    )
    note = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    files = MultipleFileField(
        label=_("Evidence files"),
        required=False,
        help_text=_("You may choose several files. Accepted: %(types)s.")
        % {"types": ", ".join(allowed_extensions(EVIDENCE_KINDS))},
    )
    links = forms.CharField(
        label=_("Evidence links"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("One link per line, starting with http:// or https://."),
    )

    def clean_files(self):
        return _checked_files(self.cleaned_data["files"], EVIDENCE_KINDS)

    def clean_links(self):
        links = [line.strip() for line in self.cleaned_data["links"].splitlines() if line.strip()]
        max_length = Evidence._meta.get_field("url").max_length
        validate = URLValidator(schemes=["http", "https"])
        errors = []
        for link in links:
            try:
                validate(link)
                if len(link) > max_length:
                    raise ValidationError("")
            except ValidationError:
                errors.append(_("%(link)s is not a valid web link.") % {"link": link[:100]})
        if errors:
            raise ValidationError(errors)
        return links

    def evidence(self) -> list[EvidenceInput]:
        files = [
            EvidenceInput(title=f.name, file_name=f.name, file_content=f.content)
            for f in self.cleaned_data["files"]
        ]
        return files + [EvidenceInput(title=link, url=link) for link in self.cleaned_data["links"]]


class PlanUploadForm(forms.Form):
    agency = forms.ModelChoiceField(queryset=None, label=_("Issuing agency"))
    document = forms.FileField(
        label=_("Plan document"),
        help_text=_("The signed plan as a .txt, .docx or text-based .pdf file."),
    )

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies
        # Preselect the top of the user's tree (their department), not one of its units.
        ids = {a.pk for a in agencies}
        self.fields["agency"].initial = next((a for a in agencies if a.parent_id not in ids), None)

    def clean_document(self):
        return _checked_files([self.cleaned_data["document"]], PLAN_DOCUMENT_KINDS)[0]
