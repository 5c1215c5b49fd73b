from django import forms
from django.utils.translation import gettext_lazy as _

from quantri.feedback.models import FeedbackCategory
from quantri.orgs.models import Agency
from quantri.plans.models import PlanStatus, TaskGroup
from quantri.reception.models import SessionKind, SessionMode

DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]


def _date_field(label, required=True):
    return forms.DateField(
        label=label,
        required=required,
        input_formats=DATE_INPUT_FORMATS,
        widget=forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy"}),
    )


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class SessionForm(forms.Form):
    agency = forms.ModelChoiceField(label=_("Agency"), queryset=Agency.objects.none())
    kind = forms.ChoiceField(label=_("Kind"), choices=SessionKind.choices)
    date = _date_field(_("Date"))
    start_time = forms.TimeField(label=_("From"), widget=forms.TimeInput(attrs={"type": "time"}))
    end_time = forms.TimeField(label=_("To"), widget=forms.TimeInput(attrs={"type": "time"}))
    mode = forms.ChoiceField(
        label=_("Form of reception"),
        choices=SessionMode.choices,
        initial=SessionMode.IN_PERSON,
        required=False,  # in person unless said otherwise, as before online reception
    )
    place = forms.CharField(label=_("Place"), max_length=255, required=False)
    online_link = forms.URLField(
        label=_("Online link"),
        max_length=500,
        required=False,
        assume_scheme="https",
        help_text=_("For an online session: the address citizens join by."),
    )
    receiver_name = forms.CharField(label=_("Receiving official"), max_length=150)
    receiver_position = forms.CharField(label=_("Position"), max_length=150)
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    is_published = forms.BooleanField(label=_("Publish on the schedule"), required=False)

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies
        self.fields["agency"].initial = agencies.first()

    def clean(self):
        data = super().clean()
        data["mode"] = data.get("mode") or SessionMode.IN_PERSON
        if data.get("mode") == SessionMode.ONLINE and not data.get("online_link"):
            self.add_error("online_link", _("An online session needs the link citizens join by."))
        if data.get("mode") == SessionMode.IN_PERSON and not data.get("place"):
            self.add_error("place", _("An in-person session needs its place."))
        return data


class RecordForm(forms.Form):
    people_count = forms.IntegerField(label=_("People received"), min_value=0, max_value=10000)
    people = forms.CharField(
        label=_("Who (personal data, never published)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One person per line."),
    )
    summary = forms.CharField(
        label=_("Summary"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    new_matters = forms.CharField(
        label=_("Matters raised"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One matter per line; each can then become a feedback item."),
    )

    def clean_new_matters(self):
        return _lines(self.cleaned_data["new_matters"])


class MatterFeedbackForm(forms.Form):
    category = forms.ModelChoiceField(
        label=_("Feedback category"), queryset=FeedbackCategory.objects.filter(active=True)
    )


class DialogueForm(forms.Form):
    agency = forms.ModelChoiceField(label=_("Organising agency"), queryset=Agency.objects.none())
    date = _date_field(_("Date"))
    topic = forms.CharField(label=_("Topic"), max_length=500)
    place = forms.CharField(label=_("Place"), max_length=255, required=False)
    participants = forms.CharField(
        label=_("Participants"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    issues = forms.CharField(
        label=_("Issues raised"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    commitments = forms.CharField(
        label=_("Commitments"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One commitment per line; each can then become a plan task."),
    )
    is_published = forms.BooleanField(label=_("Publish"), required=False)

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies
        self.fields["agency"].initial = agencies.first()

    def clean_commitments(self):
        return _lines(self.cleaned_data["commitments"])


class CommitmentTaskForm(forms.Form):
    group = forms.ModelChoiceField(label=_("Plan task group"), queryset=TaskGroup.objects.none())
    lead_unit = forms.ModelChoiceField(
        label=_("Lead unit"), queryset=Agency.objects.none(), required=False
    )
    due_on = _date_field(_("Deadline"), required=False)

    def __init__(self, *args, commitment, **kwargs):
        kwargs.setdefault("initial", {"lead_unit": commitment.unit_id, "due_on": commitment.due_on})
        super().__init__(*args, **kwargs)
        agency = commitment.dialogue.agency
        ids = Agency.objects.subtree_ids(agency)
        self.fields["group"].queryset = (
            TaskGroup.objects.filter(plan__agency_id__in=ids, plan__status=PlanStatus.ACTIVE)
            .select_related("plan")
            .order_by("-plan__year", "plan__pk", "order")
        )
        self.fields["group"].label_from_instance = lambda g: (
            f"{g.plan.number or g.plan.title[:40]} — {g.order}. {g.title[:80]}"
        )
        self.fields["lead_unit"].queryset = Agency.objects.units_of(agency)


def session_agencies(access):
    """The agencies whose receptions the user organises: the departments of their office."""
    return (
        Agency.objects.filter(pk__in=access.office_agency_ids, kind__in=["department", "province"])
        if not access.is_superuser
        else Agency.objects.filter(kind__in=["department", "province"])
    )
