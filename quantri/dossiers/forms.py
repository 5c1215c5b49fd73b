from pathlib import PurePath

from django import forms
from django.conf import settings
from django.core.validators import RegexValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from quantri.core.calendar import working_calendar
from quantri.core.uploads import TEXT, XLSX, CheckedUpload, check_upload
from quantri.dossiers.models import Channel, ColumnMapping, IndexInputFigure, Rating
from quantri.orgs.models import Agency
from quantri.procedures.models import Procedure

# The importer's built-in mapping: our own export's column names.
DEFAULT_SOURCE = "default"


class RegisterForm(forms.Form):
    """The desk registers a dossier; the due date is computed, never typed."""

    agency = forms.ModelChoiceField(queryset=Agency.objects.none(), label=_("Agency"))
    procedure = forms.ModelChoiceField(queryset=Procedure.objects.none(), label=_("Procedure"))
    applicant_name = forms.CharField(label=_("Applicant name"), max_length=255)
    applicant_id = forms.CharField(label=_("Applicant ID number"), max_length=30, required=False)
    # The receipt slip (Circular 03/2025/TT-VPCP, form 01) names where the applicant lives and
    # how to reach them about the dossier.
    applicant_phone = forms.CharField(
        label=_("Applicant phone"),
        max_length=20,
        validators=[
            RegexValidator(
                r"^\+?[0-9][0-9 .]{7,18}$",
                _("Write the phone number in digits, e.g. 0912 345 678."),
            )
        ],
    )
    applicant_address = forms.CharField(label=_("Applicant address"), max_length=255)
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


class HandOverForm(forms.Form):
    """One hand-over of the processing control slip: to a unit of the dossier's agency."""

    to_unit = forms.ModelChoiceField(queryset=Agency.objects.none(), label=_("To unit"))
    result_note = forms.CharField(label=_("Result"), max_length=500, required=False)

    def __init__(self, *args, dossier, **kwargs):
        super().__init__(*args, **kwargs)
        ids = Agency.objects.subtree_ids(dossier.agency)
        self.fields["to_unit"].queryset = (
            Agency.objects.filter(pk__in=ids).active().order_by("parent_id", "name")
        )


class FlagsForm(forms.Form):
    """The citizen's rating and complaint, online payment and digitisation, all at once: an
    unticked box is a "no", as on paper."""

    rating = forms.ChoiceField(
        label=_("Citizen rating"),
        choices=[("", _("Not rated"))] + Rating.choices,
        required=False,
    )
    complaint = forms.BooleanField(label=_("The citizen complained"), required=False)
    paid_online = forms.BooleanField(label=_("Fees paid online"), required=False)
    digitised = forms.BooleanField(label=_("Documents digitised"), required=False)


def import_sources() -> list[tuple[str, str]]:
    saved = ColumnMapping.objects.exclude(source=DEFAULT_SOURCE).order_by("source")
    return [(DEFAULT_SOURCE, _("default (our column names)"))] + [
        (source, source) for source in saved.values_list("source", flat=True)
    ]


class ImportForm(forms.Form):
    """An export of the one-stop software (CSV or XLSX), read with a saved column mapping."""

    file = forms.FileField(label=_("Export file (.csv or .xlsx)"))
    source = forms.ChoiceField(label=_("Source (column mapping)"), choices=())
    partial = forms.BooleanField(
        label=_("Save the good rows even if some rows are wrong"), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].choices = import_sources()

    def clean_file(self):
        max_bytes = settings.QUANTRI_MAX_UPLOAD_MB * 1024 * 1024
        upload = self.cleaned_data["file"]
        try:
            checked = check_upload(upload, kinds={TEXT, XLSX}, max_bytes=max_bytes)
        except forms.ValidationError:
            checked = _csv_with_control_characters(upload, max_bytes)
            if checked is None:
                raise
        if checked.kind == TEXT and not checked.name.lower().endswith(".csv"):
            raise forms.ValidationError(
                _("%(name)s is not a .csv or .xlsx file.") % {"name": checked.name}
            )
        return checked


def _csv_with_control_characters(upload, max_bytes: int) -> CheckedUpload | None:
    """A .csv that is UTF-8 text but for a control character somewhere (a NUL byte in a
    code): check_upload refuses it as "not text", which does not say where to look. It goes
    to the importer, which names each such cell by row and column and saves nothing."""
    name = PurePath(upload.name or "").name
    if not name.lower().endswith(".csv") or upload.size > max_bytes:
        return None
    upload.seek(0)
    content = upload.read()
    try:
        content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    return CheckedUpload(name=name, content=content, kind=TEXT) if content else None


class MonthInput(forms.DateInput):
    input_type = "month"

    def format_value(self, value):
        return value.strftime("%Y-%m") if hasattr(value, "strftime") else value


class IndexInputForm(forms.Form):
    """One figure of the 766 index that the agency's office supplies for a month."""

    agency = forms.ModelChoiceField(queryset=Agency.objects.none(), label=_("Agency"))
    month = forms.DateField(
        label=_("Month"),
        input_formats=["%Y-%m"],
        widget=MonthInput(),
        error_messages={"invalid": _("Write the month as YYYY-MM.")},
    )
    figure = forms.ChoiceField(label=_("Figure"), choices=IndexInputFigure.choices)
    value = forms.IntegerField(label=_("Value"), min_value=0, max_value=10_000_000)

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Agency.objects.filter(pk__in=[a.pk for a in agencies])
        self.fields["agency"].initial = self.initial.get("agency") or agencies[0].pk
        self.default_agency = agencies[0]

    def chosen(self):
        """The agency and month whose entered figures the page lists."""
        if self.is_bound and self.is_valid():
            return self.cleaned_data["agency"], self.cleaned_data["month"]
        wanted = str(self.initial.get("agency") or "")
        queryset = self.fields["agency"].queryset
        agency = queryset.filter(pk=wanted).first() if wanted.isdigit() else None
        return agency or self.default_agency, self.initial.get("month")
