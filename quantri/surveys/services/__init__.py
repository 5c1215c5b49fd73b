"""Use cases that change surveys. Views, the API, commands and the demo all call these."""

from quantri.surveys.services.builder import (
    ChoiceInput,
    QuestionInput,
    indicator_clear,
    indicator_set,
    question_create,
    question_delete,
    question_move,
    question_update,
    require_survey_creator,
    require_survey_manager,
    section_create,
    section_delete,
    section_update,
    service_point_create,
    service_point_update,
    survey_close,
    survey_create,
    survey_publish,
    survey_update,
)
from quantri.surveys.services.responses import response_submit
from quantri.surveys.services.templates import TEMPLATES, survey_from_template
from quantri.surveys.services.weighting import margins_set, survey_reweight

__all__ = [
    "require_survey_creator",
    "require_survey_manager",
    "TEMPLATES",
    "ChoiceInput",
    "QuestionInput",
    "indicator_clear",
    "indicator_set",
    "margins_set",
    "question_create",
    "question_delete",
    "question_move",
    "question_update",
    "response_submit",
    "section_create",
    "section_delete",
    "section_update",
    "service_point_create",
    "service_point_update",
    "survey_close",
    "survey_create",
    "survey_from_template",
    "survey_publish",
    "survey_reweight",
    "survey_update",
]
