"""Surveys over the API: the definition of an open survey and answering it are public (a
kiosk or another portal can collect answers); lists, results and index scores are for staff."""

import datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status
from ninja.security import django_auth

from quantri.core.addresses import client_address
from quantri.core.ratelimit import rate_allow
from quantri.orgs.access import Access
from quantri.surveys.index import survey_index
from quantri.surveys.models import Response, ServicePoint, Survey, SurveyStatus
from quantri.surveys.public_forms import BAD_TOKEN, TOO_MANY, new_token, read_token
from quantri.surveys.reporting import survey_results
from quantri.surveys.results import PERIODS
from quantri.surveys.services import response_submit

router = Router(tags=["surveys"])


class ChoiceOut(Schema):
    value: str
    label: str


class ConditionOut(Schema):
    question: int
    values: list[str]


class QuestionOut(Schema):
    id: int
    order: int
    section: str | None
    text: str
    help: str
    type: str
    required: bool
    likert_points: int | None
    likert_labels: list[str]
    number_min: float | None
    number_max: float | None
    choices: list[ChoiceOut]
    condition: ConditionOut | None
    overall: bool


class ServicePointOut(Schema):
    code: str
    name: str
    unit: str


class SurveySummaryOut(Schema):
    id: int
    title: str
    kind: str
    status: str
    agency: str
    opens_on: datetime.date | None
    closes_on: datetime.date | None


class SurveyOut(SurveySummaryOut):
    description: str
    anonymous: bool
    asks_profile: bool
    questions: list[QuestionOut]
    service_points: list[ServicePointOut]


class PointSurveyOut(SurveyOut):
    token: str


class ResponseIn(Schema):
    answers: dict[str, Any]
    profile: dict[str, str] = {}
    # From GET /points/{code}: one response per token, as on the public page.
    token: str = ""


class ResponseCreated(Schema):
    id: int


class DetailOut(Schema):
    detail: str


class ShareOut(Schema):
    unit: str
    unit_name: str
    period: str
    element: str
    element_label: str
    respondents: int
    effective_size: float
    share: float | None
    low: float | None
    high: float | None


class ResultsOut(Schema):
    survey: int
    weighted: bool
    weighting_error: str
    respondents: int
    shares: list[ShareOut]


class ResultsQuery(Schema):
    period: str = "all"
    unit: str = ""
    weighted: bool = True


def _summary(survey: Survey) -> dict:
    return {
        "id": survey.pk,
        "title": survey.title,
        "kind": survey.kind,
        "status": survey.status,
        "agency": survey.agency.code,
        "opens_on": survey.opens_on,
        "closes_on": survey.closes_on,
    }


def _question(question) -> dict:
    condition = None
    if question.condition_question_id:
        condition = {
            "question": question.condition_question_id,
            "values": question.condition_values,
        }
    return {
        "id": question.pk,
        "order": question.order,
        "section": question.section.title if question.section_id else None,
        "text": question.text,
        "help": question.help_text,
        "type": question.type,
        "required": question.required,
        "likert_points": question.likert_points,
        "likert_labels": question.likert_labels,
        "number_min": question.number_min,
        "number_max": question.number_max,
        "choices": [{"value": c.value, "label": c.label} for c in question.choices.all()],
        "condition": condition,
        "overall": question.is_overall,
    }


def survey_out(survey: Survey) -> dict:
    questions = survey.questions.select_related("section").prefetch_related("choices")
    points = survey.service_points.filter(is_active=True).select_related("unit")
    return {
        **_summary(survey),
        "description": survey.description,
        "anonymous": survey.is_anonymous,
        "asks_profile": survey.asks_profile,
        "questions": [_question(q) for q in questions.order_by("order", "pk")],
        "service_points": [{"code": p.code, "name": p.name, "unit": p.unit.name} for p in points],
    }


def _staff_survey(request, survey_id: int) -> Survey:
    survey = get_object_or_404(Survey.objects.select_related("agency"), pk=survey_id)
    access = Access.for_request(request)
    if not (access.can_view_survey_results(survey) or access.can_manage_survey(survey)):
        raise Http404
    return survey


@router.get("", response=list[SurveySummaryOut], auth=django_auth, summary="Surveys you can see")
def list_surveys(request):
    access = Access.for_request(request)
    return [_summary(s) for s in access.viewable_surveys(Survey.objects.select_related("agency"))]


@router.get("/{int:survey_id}", response=SurveyOut, summary="A survey's questionnaire")
def get_survey(request, survey_id: int):
    """Public while the survey is open; drafts and closed surveys only for its agency."""
    survey = get_object_or_404(Survey.objects.select_related("agency"), pk=survey_id)
    if survey.status != SurveyStatus.OPEN:
        survey = _staff_survey(request, survey_id)
    return survey_out(survey)


def _open_point(code: str) -> ServicePoint:
    point = get_object_or_404(ServicePoint.objects.select_related("survey__agency"), code=code)
    if not (point.is_active and point.survey.accepts_responses()):
        raise Http404
    return point


@router.get(
    "/points/{code}", response=PointSurveyOut, summary="The questionnaire of a service point"
)
def get_point_survey(request, code: str):
    """With a one-time `token` to send back with the answers (valid 12 hours)."""
    return {**survey_out(_open_point(code).survey), "token": new_token(code)}


@router.post(
    "/points/{code}/responses",
    response={201: ResponseCreated, 200: ResponseCreated, 429: DetailOut},
    summary="Answer a survey at a service point",
)
def submit_response(request, code: str, payload: ResponseIn):
    """`answers` maps question ids to answers: a choice code, a list of codes, a scale point,
    a number or text. Conditions and required questions are checked as on the page; errors
    come back as {"detail": {"q<id>": [message]}} and nothing is saved. `token` comes from
    the questionnaire (GET /points/{code}); a token already used answers 200 with the
    response it made, so a retried send is not counted twice. Posts per client address are
    limited (QUANTRI_SURVEY_RATE_LIMIT per 10 minutes, then 429)."""
    point = _open_point(code)
    if not rate_allow(
        scope="survey", client=client_address(request), limit=settings.QUANTRI_SURVEY_RATE_LIMIT
    ):
        return Status(429, {"detail": str(TOO_MANY)})
    nonce = read_token(payload.token, code)
    if nonce is None:
        raise ValidationError({"token": [BAD_TOKEN]})
    already = Response.objects.filter(token=nonce).first()
    if already is not None:
        return Status(200, {"id": already.pk})
    response = response_submit(
        service_point=point, answers=payload.answers, profile=payload.profile, token=nonce
    )
    return Status(201, {"id": response.pk})


@router.get(
    "/{int:survey_id}/results", response=ResultsOut, auth=django_auth, summary="Shares satisfied"
)
def get_results(request, survey_id: int, filters: Query[ResultsQuery]):
    survey = _staff_survey(request, survey_id)
    if filters.period not in PERIODS:
        raise ValidationError(
            {"period": [_("Choose one of: %(periods)s.") % {"periods": ", ".join(PERIODS)}]}
        )
    results = survey_results(
        survey, period=filters.period, unit_code=filters.unit, weighted=filters.weighted
    )
    return {
        "survey": survey.pk,
        "weighted": results.weighted,
        "weighting_error": results.weighting_error,
        "respondents": results.respondents,
        "shares": [
            {
                "unit": line.unit,
                "unit_name": line.unit_name,
                "period": line.period,
                "element": line.element,
                "element_label": line.element_label,
                "respondents": line.estimate.respondents,
                "effective_size": round(line.estimate.effective, 2),
                "share": line.share,
                "low": line.low,
                "high": line.high,
            }
            for line in results.lines
        ],
    }


@router.get("/{int:survey_id}/index", auth=django_auth, summary="Index scores per unit")
def get_index(request, survey_id: int):
    """Scores per unit with bootstrap 95% intervals and rank sensitivity, for surveys whose
    questions are mapped to indicators; 404 when there is nothing to score."""
    survey = _staff_survey(request, survey_id)
    index = survey_index(survey)
    if index is None:
        raise Http404
    columns = [{"code": c.code, "name": c.name, "level": c.level} for c in index.columns]
    return {"columns": columns, "rows": index.rows, "ranks": index.ranks}
