"""Ready-made questionnaires, kept as data (quantri/surveys/data/<code>.json): a survey made
from one is an ordinary draft the office can still edit before publishing."""

import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from quantri.orgs.models import Agency
from quantri.surveys.models import QuestionType, Survey
from quantri.surveys.services.builder import (
    ChoiceInput,
    QuestionInput,
    question_create,
    section_create,
    survey_create,
)

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
TEMPLATES = {
    "sipas": gettext_lazy("Citizen satisfaction (SIPAS: 5 elements)"),
}
LIKERT_POINTS = 5


def read_template(code: str) -> dict:
    if code not in TEMPLATES:
        raise ValidationError(_("There is no survey template %(code)s.") % {"code": code})
    with open(DATA_DIR / f"{code}.json", encoding="utf-8") as fh:
        return json.load(fh)


@transaction.atomic
def survey_from_template(
    template: str, *, agency: Agency, user, title: str = "", asks_profile: bool = True
) -> Survey:
    """A draft survey with the template's sections and questions (Likert by default), its
    conditional questions tied to the questions they depend on."""
    data = read_template(template)
    survey = survey_create(
        agency=agency,
        user=user,
        title=title or data["title"],
        kind=data["kind"],
        description=data.get("description", ""),
        asks_profile=asks_profile,
        template=template,
    )
    by_key: dict = {}
    for section_data in data["sections"]:
        section = section_create(survey=survey, user=user, title=section_data["title"])
        for spec in section_data["questions"]:
            _add(survey, user, data, spec, section, by_key)
    for spec in data.get("closing", []):
        _add(survey, user, data, spec, None, by_key)
    return survey


def _add(survey, user, data: dict, spec: dict, section, by_key: dict) -> None:
    kind = spec.get("type", QuestionType.LIKERT)
    condition = spec.get("condition") or {}
    likert = kind == QuestionType.LIKERT
    question = question_create(
        survey=survey,
        user=user,
        data=QuestionInput(
            text=spec["text"],
            type=kind,
            section=section,
            help_text=spec.get("help", ""),
            required=spec.get("required", False),
            likert_points=LIKERT_POINTS if likert else None,
            likert_labels=list(data["likert_labels"]) if likert else [],
            condition_question=by_key.get(condition.get("key")),
            condition_values=list(condition.get("values", [])),
            is_overall=spec.get("overall", False),
            choices=[ChoiceInput(**c) for c in spec.get("choices", [])] or None,
        ),
    )
    if spec.get("key"):
        by_key[spec["key"]] = question
