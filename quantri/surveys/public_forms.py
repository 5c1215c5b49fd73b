"""The public answer form: one field per question, built from the survey.

Every field is optional here: what is required depends on the conditions, which the service
applies on the server (quantri.surveys.services.responses). The form only draws the page,
keeps what was typed when something must be corrected, and carries two guards: a field people
never see (robots fill it) and a signed one-time token (one response per page load).
"""

import secrets

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

from quantri.surveys.models import PROFILE_CATEGORIES, ProfileVariable, Question, QuestionType
from quantri.surveys.services.responses import answer_field

TOKEN_SALT = "quantri.surveys.response"
TOKEN_MAX_AGE = 12 * 3600  # a form left open half a day is reloaded rather than trusted
HONEYPOT = "website"
TOO_MANY = _("Too many answers from your connection. Please try again in a while.")
BAD_TOKEN = _(
    "The token is missing, expired or from another service point: "
    "fetch the questionnaire again for a new one."
)


def new_token(point_code: str) -> str:
    return signing.TimestampSigner(salt=TOKEN_SALT).sign_object(
        {"p": point_code, "n": secrets.token_hex(12)}
    )


def read_token(token: str, point_code: str) -> str | None:
    """The one-time code inside a token from this service point's page; None if it is forged,
    expired or from another page."""
    try:
        data = signing.TimestampSigner(salt=TOKEN_SALT).unsign_object(token, max_age=TOKEN_MAX_AGE)
    except signing.BadSignature:
        return None
    return data.get("n") if data.get("p") == point_code else None


def _field(question: Question) -> forms.Field:
    common = {"label": question.text, "required": False, "help_text": question.help_text}
    if question.type == QuestionType.SINGLE:
        choices = [(c.value, c.label) for c in question.choices.all()]
        return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **common)
    if question.type == QuestionType.MULTIPLE:
        choices = [(c.value, c.label) for c in question.choices.all()]
        return forms.MultipleChoiceField(
            choices=choices, widget=forms.CheckboxSelectMultiple, **common
        )
    if question.type == QuestionType.LIKERT:
        return forms.ChoiceField(
            choices=likert_choices(question), widget=forms.RadioSelect, **common
        )
    if question.type == QuestionType.NUMBER:
        attrs = {"inputmode": "decimal"}
        return forms.CharField(widget=forms.TextInput(attrs=attrs), max_length=30, **common)
    return forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), max_length=2000, **common)


def likert_choices(question: Question) -> list[tuple[str, str]]:
    labels = question.likert_labels or []
    out = []
    for point in range(1, question.likert_points + 1):
        label = labels[point - 1] if len(labels) == question.likert_points else ""
        out.append((str(point), f"{point} – {label}" if label else str(point)))
    return out


class ResponseForm(forms.Form):
    token = forms.CharField(widget=forms.HiddenInput)
    # Named like a real field so robots fill it; hidden from people by CSS and aria-hidden.
    website = forms.CharField(required=False, label=_("Leave this field empty"))

    def __init__(
        self, *args, questions: list[Question], asks_profile: bool, anonymous: bool = True, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            self.fields[answer_field(question)] = _field(question)
        if not anonymous:
            self.fields["name"] = forms.CharField(
                label=_("Your name"), max_length=150, required=False
            )
            self.fields["contact"] = forms.CharField(
                label=_("Phone or e-mail, if you want an answer"), max_length=150, required=False
            )
        if asks_profile:
            for variable, categories in PROFILE_CATEGORIES.items():
                self.fields[str(variable)] = forms.ChoiceField(
                    label=ProfileVariable(variable).label,
                    required=False,
                    choices=[("", _("Prefer not to say"))] + list(categories.choices),
                )

    def answers(self) -> dict:
        return {q.pk: self.cleaned_data.get(answer_field(q)) for q in self.questions}

    def profile(self) -> dict:
        keys = [str(v) for v in PROFILE_CATEGORIES] + ["name", "contact"]
        return {key: self.cleaned_data.get(key, "") for key in keys if key in self.fields}

    def is_robot(self) -> bool:
        return bool(self.cleaned_data.get(HONEYPOT))

    def rows(self) -> list[tuple[Question, forms.BoundField, Question | None]]:
        """(question, its field, the question its display depends on) in survey order."""
        by_pk = {q.pk: q for q in self.questions}
        return [
            (q, self[answer_field(q)], by_pk.get(q.condition_question_id)) for q in self.questions
        ]
