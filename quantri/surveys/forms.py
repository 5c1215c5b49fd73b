"""Forms of the survey builder (staff) and the weighting page. The public answer form is in
public_forms.py."""

from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from quantri.indices.models import Dimension
from quantri.orgs.models import Agency
from quantri.surveys.models import (
    PROFILE_CATEGORIES,
    Direction,
    Question,
    QuestionType,
    Section,
    SurveyKind,
    Weighting,
)
from quantri.surveys.services import ChoiceInput, QuestionInput
from quantri.surveys.services.templates import TEMPLATES


def add_service_error(form: forms.Form, exc: ValidationError) -> None:
    """A service's ValidationError on the form: on the fields it names, the rest on top."""
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc.messages)
        return
    for name, errors in exc.message_dict.items():
        form.add_error(name if name in form.fields else None, errors)


def date_field(label) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=False,
        widget=forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy"}),
    )


class SurveyForm(forms.Form):
    agency = forms.ModelChoiceField(label=_("Agency"), queryset=Agency.objects.none())
    template = forms.ChoiceField(
        label=_("Start from"),
        required=False,
        choices=[("", _("An empty questionnaire"))] + list(TEMPLATES.items()),
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=255,
        required=False,
        help_text=_("Left empty with a template: its title."),
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=SurveyKind.choices)
    description = forms.CharField(
        label=_("Introduction"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    opens_on = date_field(_("Opens on"))
    closes_on = date_field(_("Closes on"))
    is_anonymous = forms.BooleanField(label=_("Anonymous"), required=False, initial=True)
    asks_profile = forms.BooleanField(
        label=_("Ask sex, age group and area (to weight the results)"),
        required=False,
        initial=True,
    )

    def __init__(self, *args, agencies=None, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies if agencies is not None else Agency.objects.none()
        if editing:
            del self.fields["agency"], self.fields["template"]
            self.fields["title"].required = True
            self.fields["title"].help_text = ""

    def clean(self):
        data = super().clean()
        if not data.get("title") and not data.get("template"):
            self.add_error("title", _("Give the survey a title."))
        return data


class SectionForm(forms.Form):
    title = forms.CharField(label=_("Section (element) title"), max_length=255)


CHOICES_HELP = _(
    "One choice per line: “label”, or “code | label”, or “code | label | score”. "
    "Codes are kept with answers and used in conditions; left out, they are made from the label."
)


class QuestionForm(forms.Form):
    text = forms.CharField(label=_("Question"), widget=forms.Textarea(attrs={"rows": 2}))
    help_text = forms.CharField(label=_("Help"), max_length=500, required=False)
    type = forms.ChoiceField(label=_("Type"), choices=QuestionType.choices)
    section = forms.ModelChoiceField(
        label=_("Section"), queryset=Section.objects.none(), required=False
    )
    required = forms.BooleanField(label=_("Required"), required=False)
    likert_points = forms.IntegerField(
        label=_("Scale points"), min_value=2, max_value=11, required=False, initial=5
    )
    likert_labels = forms.CharField(
        label=_("Scale labels"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line, lowest first; or none."),
    )
    number_min = forms.DecimalField(label=_("Smallest number"), required=False)
    number_max = forms.DecimalField(label=_("Largest number"), required=False)
    choices = forms.CharField(
        label=_("Choices"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=CHOICES_HELP,
    )
    condition_question = forms.ModelChoiceField(
        label=_("Show only if the answer to"), queryset=Question.objects.none(), required=False
    )
    condition_values = forms.CharField(
        label=_("is one of"),
        required=False,
        help_text=_("Choice codes or scale points, separated by commas."),
    )
    is_overall = forms.BooleanField(label=_("Overall satisfaction question"), required=False)

    def __init__(self, *args, survey, question: Question | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = survey.sections.all()
        earlier = survey.questions.all()
        if question is not None:
            earlier = [q for q in earlier if q.comes_before(question)]
            self.fields["condition_question"].queryset = survey.questions.filter(
                pk__in=[q.pk for q in earlier]
            )
        else:
            self.fields["condition_question"].queryset = earlier
        self.fields["condition_question"].label_from_instance = lambda q: q.text[:80]

    @classmethod
    def initial_for(cls, question: Question) -> dict:
        lines = [
            " | ".join(str(p) for p in (c.value, c.label, c.score) if p is not None)
            for c in question.choices.all()
        ]
        return {
            **{
                f: getattr(question, f)
                for f in (
                    "text",
                    "help_text",
                    "type",
                    "section",
                    "required",
                    "likert_points",
                    "number_min",
                    "number_max",
                    "condition_question",
                    "is_overall",
                )
            },  # fmt: skip
            "likert_labels": "\n".join(question.likert_labels),
            "choices": "\n".join(lines),
            "condition_values": ", ".join(question.condition_values),
        }

    def clean_choices(self) -> list[ChoiceInput]:
        parsed = []
        for number, line in enumerate(self.cleaned_data["choices"].splitlines(), start=1):
            parts = [p.strip() for p in line.split("|")]
            if not any(parts):
                continue
            label = parts[0] if len(parts) == 1 else parts[1]
            if len(parts) > 3 or not label:
                raise ValidationError(
                    _("Line %(number)s: write “code | label | score”.") % {"number": number}
                )
            parsed.append(_choice(parts, number))
        return parsed

    def question_input(self) -> QuestionInput:
        data = self.cleaned_data
        is_likert = data["type"] == QuestionType.LIKERT
        return QuestionInput(
            text=data["text"],
            type=data["type"],
            section=data["section"],
            help_text=data["help_text"],
            required=data["required"],
            likert_points=data["likert_points"] if is_likert else None,
            likert_labels=[x.strip() for x in data["likert_labels"].splitlines() if x.strip()]
            if is_likert
            else [],
            number_min=data["number_min"],
            number_max=data["number_max"],
            condition_question=data["condition_question"],
            condition_values=[v.strip() for v in data["condition_values"].split(",") if v.strip()],
            is_overall=data["is_overall"],
            choices=data["choices"],
        )


def _choice(parts: list[str], number: int) -> ChoiceInput:
    if len(parts) == 1:
        return ChoiceInput(label=parts[0])
    score = None
    if len(parts) == 3 and parts[2]:
        try:
            score = Decimal(parts[2].replace(",", "."))
        except InvalidOperation:
            raise ValidationError(
                _("Line %(number)s: the score must be a number.") % {"number": number}
            ) from None
    return ChoiceInput(label=parts[1], value=parts[0], score=score)


class ServicePointForm(forms.Form):
    name = forms.CharField(label=_("Service point"), max_length=255)
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=Agency.objects.none())
    is_active = forms.BooleanField(label=_("Active"), required=False, initial=True)

    def __init__(self, *args, survey, **kwargs):
        super().__init__(*args, **kwargs)
        ids = Agency.objects.subtree_ids(survey.agency)
        self.fields["unit"].queryset = Agency.objects.filter(pk__in=ids).active()


class IndicatorForm(forms.Form):
    code = forms.CharField(label=_("Indicator code"), max_length=30)
    subdimension = forms.ModelChoiceField(
        label=_("Sub-dimension"),
        queryset=Dimension.objects.filter(parent__isnull=False).select_related("framework"),
    )
    direction = forms.ChoiceField(label=_("Direction"), choices=Direction.choices)
    weight = forms.DecimalField(label=_("Weight"), min_value=Decimal("0.001"), initial=1)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subdimension"].label_from_instance = lambda d: f"{d.framework} {d}"


def margin_field_name(variable: str, category: str) -> str:
    return f"{variable}__{category}"


class MarginsForm(forms.Form):
    """The weighting method and the population's shares, in percent, per category."""

    weighting = forms.ChoiceField(label=_("Weighting"), choices=Weighting.choices)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for variable, categories in PROFILE_CATEGORIES.items():
            for category in categories:
                self.fields[margin_field_name(variable, category)] = forms.DecimalField(
                    label=f"{category.label} (%)",
                    required=False,
                    min_value=Decimal("0.01"),
                    max_value=Decimal(100),
                    decimal_places=2,
                )

    def groups(self) -> list[tuple[str, list]]:
        """The share fields grouped under their variable, for the template."""
        return [
            (variable.label, [self[margin_field_name(variable, c)] for c in categories])
            for variable, categories in PROFILE_CATEGORIES.items()
        ]

    @staticmethod
    def initial_from(survey) -> dict:
        initial = {"weighting": survey.weighting}
        for margin in survey.margins.all():
            initial[margin_field_name(margin.variable, margin.category)] = margin.share * 100
        return initial

    def margins(self) -> dict:
        shares: dict = {}
        for variable, categories in PROFILE_CATEGORIES.items():
            for category in categories:
                value = self.cleaned_data.get(margin_field_name(variable, category))
                if value is not None:
                    shares.setdefault(str(variable), {})[str(category)] = value / 100
        return shares
