"""Forms: the citizen's feedback form and the staff inbox's actions."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from quantri.core.forms import MultipleFileField
from quantri.core.uploads import allowed_extensions, check_upload
from quantri.feedback import codes
from quantri.feedback.models import Feedback, FeedbackCategory, FeedbackStatus
from quantri.feedback.services import (
    ATTACHMENT_KINDS,
    MAX_ATTACHMENTS,
    Contact,
    max_attachment_bytes,
)
from quantri.orgs.models import Agency
from quantri.procedures.models import Procedure

MAX_TEXT = 5000


class FeedbackForm(forms.Form):
    category = forms.ModelChoiceField(
        queryset=FeedbackCategory.objects.none(),
        label=_("What is it about?"),
        empty_label=_("— choose a category —"),
    )
    text = forms.CharField(
        label=_("Your feedback"),
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What happened, where and when. Please do not write personal details here."),
    )
    procedure = forms.CharField(
        label=_("Administrative procedure (optional)"),
        max_length=40,
        required=False,
        help_text=_("Its code on the procedures page (e.g. 1.004227), when your feedback is "
                    "about one."),
    )  # fmt: skip
    location = forms.CharField(label=_("Where (optional)"), max_length=255, required=False)
    name = forms.CharField(label=_("Your name"), max_length=150, required=False)
    phone = forms.CharField(label=_("Telephone"), max_length=40, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    address = forms.CharField(label=_("Address"), max_length=255, required=False)
    attachments = MultipleFileField(label=_("Photos or documents (optional)"), required=False)
    consent_to_publish = forms.BooleanField(
        label=_("The content of my feedback may be published with the answer"),
        required=False,
        help_text=_("Your name and contact details are never published."),
    )
    # Hidden from people by the page; robots that fill every field fill this one.
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = FeedbackCategory.objects.filter(active=True)
        self.fields["attachments"].help_text = _(
            "Up to %(n)s files of %(mb)s MB each. Accepted: %(types)s."
        ) % {
            "n": MAX_ATTACHMENTS,
            "mb": max_attachment_bytes() // (1024 * 1024),
            "types": ", ".join(allowed_extensions(ATTACHMENT_KINDS)),
        }
        self.fields["website"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})

    @property
    def is_robot(self) -> bool:
        return bool(self.data.get("website"))

    def clean_procedure(self) -> Procedure | None:
        return procedure_by_code(self.cleaned_data["procedure"])

    def clean_attachments(self):
        uploads = self.cleaned_data["attachments"]
        if len(uploads) > MAX_ATTACHMENTS:
            raise ValidationError(
                _("At most %(n)s files may be attached.") % {"n": MAX_ATTACHMENTS}
            )
        checked, errors = [], []
        for upload in uploads:
            try:
                checked.append(
                    check_upload(upload, kinds=ATTACHMENT_KINDS, max_bytes=max_attachment_bytes())
                )
            except ValidationError as exc:
                errors.extend(exc.messages)
        if errors:
            raise ValidationError(errors)
        return checked

    def contact(self) -> Contact:
        data = self.cleaned_data
        return Contact(
            name=data["name"], phone=data["phone"], email=data["email"], address=data["address"]
        )


def procedure_by_code(code: str) -> Procedure | None:
    """A published procedure by its national code; None for an empty code."""
    code = (code or "").strip()
    if not code:
        return None
    procedure = Procedure.objects.published().filter(code=code).first()
    if procedure is None:
        raise ValidationError(_("No published procedure has the code %(code)s.") % {"code": code})
    return procedure


class ProcedureLinkForm(forms.Form):
    procedure = forms.CharField(
        label=_("Procedure code"),
        max_length=40,
        required=False,
        help_text=_("Leave empty when the feedback is not about an administrative procedure."),
    )
    note = forms.CharField(label=_("Note"), max_length=1000, required=False)

    def clean_procedure(self) -> Procedure | None:
        return procedure_by_code(self.cleaned_data["procedure"])


class TrackForm(forms.Form):
    code = forms.CharField(label=_("Tracking code"), max_length=20)

    def clean_code(self):
        code = codes.normalise(self.cleaned_data["code"])
        if code is None:
            raise ValidationError(_("A tracking code looks like PA-7K3M9Q."))
        return code


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), max_length=200, required=False)


class InboxFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), required=False)
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=Agency.objects.none(), required=False)
    category = forms.ModelChoiceField(
        label=_("Category"), queryset=FeedbackCategory.objects.all(), required=False
    )
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)
    q = forms.CharField(label=_("Code or words"), max_length=100, required=False)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            ("", _("All")),
            ("open", _("Open")),
            *FeedbackStatus.choices,
        ]
        self.fields["unit"].queryset = units


# The inbox's actions: one small form each, posted to its own URL.


class NoteForm(forms.Form):
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Why it is not in scope (shown to the citizen)"),
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class DuplicateForm(forms.Form):
    original = forms.CharField(label=_("Tracking code of the original"), max_length=20)

    def clean_original(self):
        code = codes.normalise(self.cleaned_data["original"])
        original = Feedback.objects.filter(code=code).first() if code else None
        if original is None:
            raise ValidationError(_("No feedback has this tracking code."))
        return original


class UnitForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=Agency.objects.none())
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class AnswerForm(forms.Form):
    text = forms.CharField(
        label=_("Answer"), max_length=20000, widget=forms.Textarea(attrs={"rows": 6})
    )


class PublishForm(forms.Form):
    published = forms.BooleanField(required=False, widget=forms.HiddenInput)
