"""Taking in a response: every answer checked against its question, conditions applied on the
server (a hidden question's answer is dropped), required questions enforced — all or nothing."""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from quantri.surveys.logic import AnswerError, parse_answer, visible_questions
from quantri.surveys.models import (
    PROFILE_CATEGORIES,
    Answer,
    Question,
    Response,
    ServicePoint,
    Survey,
)


def ALREADY_SENT() -> str:  # noqa: N802 — a message, worded at call time in the reader's language
    return _("These answers were already sent. Thank you!")


def answer_field(question: Question) -> str:
    """The name a question's answer goes by in forms and in ValidationError dicts."""
    return f"q{question.pk}"


def survey_questions(survey: Survey) -> list[Question]:
    return list(survey.questions.prefetch_related("choices").order_by("order", "pk"))


@transaction.atomic
def response_submit(
    *,
    service_point: ServicePoint,
    answers: dict,
    profile: dict | None = None,
    submitted_at: datetime.datetime | None = None,
    token: str | None = None,
) -> Response:
    """Save one response. `answers` maps question ids (int or "12") to raw answers;
    `profile` may hold sex, age_group, area (and name, contact when the survey is not
    anonymous); `token` is the one-time code of the page that sent it. ValidationError keyed
    by answer_field() names every question at fault; nothing is saved."""
    survey = service_point.survey
    submitted_at = submitted_at or timezone.now()
    if not service_point.is_active or not survey.accepts_responses(
        timezone.localtime(submitted_at).date()
    ):
        raise ValidationError(_("This survey is not taking answers at the moment."))
    if token and Response.objects.filter(token=token).exists():
        raise ValidationError(ALREADY_SENT())
    questions = survey_questions(survey)
    values = _parsed_answers(questions, _by_id(answers, questions))
    response = Response(
        survey=survey,
        service_point=service_point,
        submitted_at=submitted_at,
        token=token or None,
        **_profile(survey, profile or {}),
        **_identity(survey, profile or {}),
    )
    response.full_clean(validate_unique=False)
    try:
        with transaction.atomic():
            response.save()
    except IntegrityError:
        # The same page sent twice at the same moment: the unique index settles it.
        raise ValidationError(ALREADY_SENT()) from None
    Answer.objects.bulk_create(
        Answer(response=response, question_id=pk, value=value, number=number)
        for pk, (value, number) in values.items()
    )
    return response


def _by_id(answers: dict, questions: list[Question]) -> dict[int, object]:
    known = {q.pk for q in questions}
    out = {}
    for key, raw in answers.items():
        try:
            pk = int(str(key).removeprefix("q"))
        except ValueError:
            pk = None
        if pk not in known:
            raise ValidationError(_("%(key)s is not a question of this survey.") % {"key": key})
        out[pk] = raw
    return out


def _parsed_answers(questions: list[Question], raw: dict) -> dict[int, tuple]:
    errors, parsed = {}, {}
    for question in questions:
        try:
            parsed[question.pk] = parse_answer(question, raw.get(question.pk))
        except AnswerError as exc:
            errors[answer_field(question)] = [_named(questions, question, str(exc))]
    values = {pk: p[0] for pk, p in parsed.items() if p is not None}
    visible = visible_questions(questions, values)
    for question in questions:
        field = answer_field(question)
        if question.pk not in visible:
            errors.pop(field, None)  # a hidden question's answer is not read at all
        elif question.required and parsed.get(question.pk) is None and field not in errors:
            errors[field] = [_named(questions, question, _("This question is required."))]
    if errors:
        raise ValidationError(errors)
    return {pk: p for pk, p in parsed.items() if p is not None and pk in visible}


def _named(questions: list[Question], question: Question, message: str) -> str:
    number = questions.index(question) + 1
    return _("Question %(number)s (“%(text)s”): %(message)s") % {
        "number": number,
        "text": question.text,
        "message": message,
    }


def _profile(survey: Survey, profile: dict) -> dict:
    if not survey.asks_profile:
        return {}
    out = {}
    for variable, choices in PROFILE_CATEGORIES.items():
        value = (profile.get(variable) or "").strip()
        if value and value not in choices.values:
            raise ValidationError({variable: _("Choose one of the answers offered.")})
        out[str(variable)] = value
    return out


def _identity(survey: Survey, profile: dict) -> dict:
    """Name and contact, kept only when the survey says it is not anonymous."""
    if survey.is_anonymous:
        return {}
    return {key: str(profile.get(key) or "").strip()[:150] for key in ("name", "contact")}
