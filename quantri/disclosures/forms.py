"""Forms: recording a notice with its attachment, and publishing it."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from quantri.core.uploads import (
    DOCX,
    JPEG,
    ODS,
    ODT,
    PDF,
    PNG,
    XLSX,
    allowed_extensions,
    check_upload,
)
from quantri.disclosures.models import Audience, DisclosureCategory

ATTACHMENT_KINDS = frozenset({PDF, DOCX, XLSX, ODT, ODS, PNG, JPEG})
DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]


class DisclosureForm(forms.Form):
    agency = forms.ModelChoiceField(label=_("Agency"), queryset=None)
    category = forms.ModelChoiceField(
        label=_("Category"), queryset=DisclosureCategory.objects.all()
    )
    title = forms.CharField(label=_("Title"), max_length=500)
    summary = forms.CharField(
        label=_("Summary"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    audience = forms.ChoiceField(
        label=_("Audience"),
        required=False,
        choices=[("", _("The category's usual audience")), *Audience.choices],
    )
    decision_number = forms.CharField(label=_("Decision number"), max_length=60, required=False)
    decision_date = forms.DateField(
        label=_("Decision date"), input_formats=DATE_FORMATS, help_text=_("dd/mm/yyyy")
    )
    published_on = forms.DateField(
        label=_("Published on"),
        required=False,
        input_formats=DATE_FORMATS,
        help_text=_("Leave empty if it is not published yet."),
    )
    attachment = forms.FileField(label=_("Attachment"), required=False)

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies
        self.fields["attachment"].help_text = _("Up to %(mb)s MB. Accepted: %(types)s.") % {
            "mb": settings.QUANTRI_MAX_UPLOAD_MB,
            "types": ", ".join(allowed_extensions(ATTACHMENT_KINDS)),
        }

    def clean_attachment(self):
        upload = self.cleaned_data["attachment"]
        if not upload:
            return None
        max_bytes = settings.QUANTRI_MAX_UPLOAD_MB * 1024 * 1024
        return check_upload(upload, kinds=ATTACHMENT_KINDS, max_bytes=max_bytes)


class PublishForm(forms.Form):
    published_on = forms.DateField(
        label=_("Published on"),
        required=False,
        input_formats=DATE_FORMATS,
        help_text=_("dd/mm/yyyy; today if left empty."),
    )
