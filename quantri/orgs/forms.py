"""Forms of the organisation pages: they parse, the services in quantri.orgs.services decide."""

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from quantri.core.uploads import XLSX, check_upload
from quantri.orgs.models import AgencyKind, Role

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
REASON_HELP = _("Kept in the history with your name and the time.")


def _reason(required: bool = True) -> forms.CharField:
    return forms.CharField(
        label=_("Reason"), max_length=90, required=required, help_text=REASON_HELP
    )


class UnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.name} ({obj.code})"


def _units(queryset, label, required: bool = True) -> UnitChoiceField:
    return UnitChoiceField(queryset=queryset, label=label, required=required)


class UnitCreateForm(forms.Form):
    code = forms.CharField(label=_("Unit code"), max_length=40)
    name = forms.CharField(label=_("Unit name"), max_length=255)
    short_name = forms.CharField(label=_("Short name"), max_length=100, required=False)
    name_en = forms.CharField(label=_("English name"), max_length=255, required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=AgencyKind.choices)
    valid_from = forms.DateField(label=_("Valid from"), required=False, widget=DATE)
    reason = _reason(required=False)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"] = _units(units, _("Belongs to"))
        self.order_fields(["code", "name", "short_name", "name_en", "kind", "parent"])


class UnitRenameForm(forms.Form):
    name = forms.CharField(label=_("Unit name"), max_length=255)
    short_name = forms.CharField(label=_("Short name"), max_length=100, required=False)
    name_en = forms.CharField(label=_("English name"), max_length=255, required=False)
    on = forms.DateField(
        label=_("Renamed on"),
        required=False,
        widget=DATE,
        initial=timezone.localdate,
        help_text=_("The first day of the new name; earlier periods keep showing the old one."),
    )
    reason = _reason()


class UnitMoveForm(forms.Form):
    reason = _reason()

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"] = _units(units, _("Move under"))
        self.order_fields(["parent", "reason"])


class UnitCloseForm(forms.Form):
    valid_to = forms.DateField(
        label=_("Closed from"),
        widget=DATE,
        initial=timezone.localdate,
        help_text=_("The first day the unit no longer exists."),
    )
    reason = _reason()


class UnitMergeForm(forms.Form):
    valid_to = forms.DateField(
        label=_("Merged from"),
        widget=DATE,
        initial=timezone.localdate,
        help_text=_("From this day its work and its people belong to the successor."),
    )
    reason = _reason()

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["successor"] = _units(units, _("Merged into"))
        self.order_fields(["successor", "valid_to", "reason"])


class CloseListedForm(forms.Form):
    valid_to = forms.DateField(
        label=_("Closed from"),
        widget=DATE,
        initial=timezone.localdate,
        help_text=_("The first day these units and roles no longer exist."),
    )
    reason = _reason()


class PeopleFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    role = forms.ChoiceField(
        label=_("Role"), choices=[("", _("All roles"))] + Role.choices, required=False
    )
    former = forms.BooleanField(label=_("Include roles that have ended"), required=False)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"] = _units(units, _("Unit"), required=False)
        self.order_fields(["q", "unit", "role", "former"])


class RoleGrantForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    position = forms.CharField(label=_("Position"), max_length=150, required=False)
    valid_from = forms.DateField(label=_("From"), widget=DATE, initial=timezone.localdate)
    valid_to = forms.DateField(label=_("Until"), widget=DATE, required=False)
    reason = _reason()

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"] = _units(units, _("Unit"))
        self.order_fields(["unit", "role", "position", "valid_from", "valid_to", "reason"])


class PersonCreateForm(RoleGrantForm):
    full_name = forms.CharField(
        label=_("Full name"),
        max_length=300,
        help_text=_("As written in Vietnamese, family name first."),
    )
    email = forms.EmailField(label=_("E-mail"))
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.order_fields(
            [
                "full_name",
                "email",
                "phone",
                "unit",
                "role",
                "position",
                "valid_from",
                "valid_to",
                "reason",
            ]
        )
        self.fields["reason"].required = False


class RoleWithdrawForm(forms.Form):
    valid_to = forms.DateField(
        label=_("Ends from"),
        widget=DATE,
        initial=timezone.localdate,
        help_text=_("The first day the role no longer applies."),
    )
    reason = _reason()


class OrgUploadForm(forms.Form):
    file = forms.FileField(label=_("Workbook (.xlsx)"))

    def clean_file(self):
        max_bytes = settings.QUANTRI_MAX_UPLOAD_MB * 1024 * 1024
        return check_upload(self.cleaned_data["file"], kinds={XLSX}, max_bytes=max_bytes)
