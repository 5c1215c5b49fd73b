"""From the database to the plain shapes quantri.surveys.results and the index engine take."""

import datetime
from dataclasses import dataclass

import numpy as np
from django.core.exceptions import ValidationError
from django.utils import timezone

from quantri.surveys.engine import Dimension as EngineDimension
from quantri.surveys.engine import IndexSpec
from quantri.surveys.engine import Indicator as EngineIndicator
from quantri.surveys.engine import SubDimension as EngineSubDimension
from quantri.surveys.models import (
    Answer,
    IndicatorMapping,
    QuestionType,
    Survey,
    Weighting,
)
from quantri.surveys.results import Item, Respondent
from quantri.surveys.services.weighting import compute_weights

PROFILE = ("sex", "age_group", "area")


@dataclass
class SurveyData:
    items: list[Item]
    elements: list[tuple[str, str]]  # (key, title), in survey order
    respondents: list[Respondent]
    units: dict[str, str]  # unit code → name
    weighted: bool
    weighting_error: str = ""
    unplaced: int = 0


def rating_items(survey: Survey) -> tuple[list[Item], list[tuple[str, str]]]:
    items, elements = [], []
    questions = survey.questions.filter(type=QuestionType.LIKERT).select_related("section")
    for question in questions.order_by("order", "pk"):
        key = str(question.section_id) if question.section_id else None
        if key and not question.is_overall and key not in dict(elements):
            elements.append((key, question.section.title))
        items.append(
            Item(question.pk, key, question.likert_points, question.is_overall, question.text)
        )
    return items, elements


def load_survey_data(
    survey: Survey,
    *,
    unit_code: str = "",
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
) -> SurveyData:
    """Respondents with their rating answers and weights. Weights are computed on the whole
    sample (the margins describe the whole population), then the filters apply."""
    items, elements = rating_items(survey)
    rows = list(
        survey.responses.order_by("pk").values(
            "pk", "submitted_at", "service_point__unit__code", "service_point__unit__name", *PROFILE
        )
    )
    weighted, error, unplaced = survey.weighting != Weighting.NONE, "", 0
    weights = [1.0] * len(rows)
    if weighted:
        try:
            result = compute_weights(survey, rows)
            weights, unplaced = result.values, result.unplaced
        except ValidationError as exc:
            weighted, error = False, " ".join(exc.messages)
    ratings = _ratings(survey)
    respondents, units = [], {}
    for row, weight in zip(rows, weights, strict=True):
        day = timezone.localtime(row["submitted_at"]).date()
        code = row["service_point__unit__code"] or ""
        if (unit_code and code != unit_code) or (date_from and day < date_from):
            continue
        if date_to and day > date_to:
            continue
        units[code] = row["service_point__unit__name"] or "—"
        respondents.append(
            Respondent(
                unit=code,
                submitted_on=day,
                ratings=ratings.get(row["pk"], {}),
                weight=weight,
                profile={k: row[k] for k in PROFILE},
            )
        )
    return SurveyData(items, elements, respondents, units, weighted, error, unplaced)


def _ratings(survey: Survey) -> dict[int, dict[int, int]]:
    answers = Answer.objects.filter(
        response__survey=survey, question__type=QuestionType.LIKERT, number__isnull=False
    ).values_list("response_id", "question_id", "number")
    ratings: dict[int, dict[int, int]] = {}
    for response_id, question_id, number in answers.iterator(chunk_size=5000):
        ratings.setdefault(response_id, {})[question_id] = int(number)
    return ratings


@dataclass
class IndexData:
    spec: IndexSpec
    answers: np.ndarray
    units: list[str]
    weights: np.ndarray
    unit_names: dict[str, str]
    subdimension_names: dict[str, str]
    dimension_names: dict[str, str]


def load_index_data(survey: Survey) -> IndexData | None:
    """The survey's indicator questions as an engine spec and answer matrix (None when no
    question is mapped to an indicator). Sub-dimensions and dimensions keep their framework's
    ranges (PAPI: 1–10 per dimension); only those the survey measures are included.
    Respondent weights are those stored by the last reweighting (services.survey_reweight)."""
    mappings = list(
        IndicatorMapping.objects.filter(question__survey=survey)
        .select_related("question", "subdimension__parent")
        .prefetch_related("question__choices")
        .order_by("question__order", "question__pk")
    )
    if not mappings:
        return None
    spec, names = _index_spec(mappings, _survey_year(survey))
    rows = list(
        survey.responses.order_by("pk").values(
            "pk", "weight", "service_point__unit__code", "service_point__unit__name"
        )
    )
    position = {row["pk"]: k for k, row in enumerate(rows)}
    column = {m.question_id: k for k, m in enumerate(mappings)}
    answers = np.full((len(rows), len(mappings)), np.nan)
    numbers = Answer.objects.filter(
        question_id__in=column, number__isnull=False, response__survey=survey
    ).values_list("response_id", "question_id", "number")
    for response_id, question_id, number in numbers.iterator(chunk_size=5000):
        answers[position[response_id], column[question_id]] = number
    units = [row["service_point__unit__code"] or "—" for row in rows]
    return IndexData(
        spec=spec,
        answers=answers,
        units=units,
        weights=np.array([row["weight"] for row in rows], dtype=float),
        unit_names={
            row["service_point__unit__code"] or "—": row["service_point__unit__name"] or "—"
            for row in rows
        },
        subdimension_names=names[0],
        dimension_names=names[1],
    )


def _survey_year(survey: Survey) -> int:
    """The PAPI year a survey is compared with: a sub-dimension's range is that year's (5.1
    spans 0.25–2.5 up to 2020 and 0.33–3.33 from 2021), not the latest."""
    day = survey.opens_on or survey.closes_on or timezone.localdate()
    return day.year


def _index_spec(mappings: list[IndicatorMapping], year: int):
    indicators, subs, dims = [], {}, {}
    for mapping in mappings:
        sub = mapping.subdimension
        subs[sub.code] = sub
        dims[sub.parent.code] = sub.parent
        indicators.append(_indicator(mapping))
    spec = IndexSpec(
        tuple(indicators),
        tuple(
            EngineSubDimension(s.code, s.parent.code, *s.range_in(year))
            for s in sorted(subs.values(), key=lambda s: (s.parent.order, s.order))
        ),
        tuple(
            EngineDimension(d.code, *d.range_in(year))
            for d in sorted(dims.values(), key=lambda d: d.order)
        ),
    )
    names = (
        {s.code: s.display_name for s in subs.values()},
        {d.code: d.display_name for d in dims.values()},
    )
    return spec, names


def _indicator(mapping: IndicatorMapping) -> EngineIndicator:
    question = mapping.question
    common = {
        "code": mapping.code,
        "subdimension": mapping.subdimension.code,
        "direction": mapping.direction,
        "weight": float(mapping.weight),
    }
    if question.type == QuestionType.LIKERT:
        return EngineIndicator(kind="likert", points=question.likert_points, **common)
    if question.type == QuestionType.SINGLE:
        scores = [float(c.score) for c in question.choices.all() if c.score is not None]
        if len(set(scores)) >= 2:
            return EngineIndicator(kind="scale", low=min(scores), high=max(scores), **common)
        return EngineIndicator(kind="scale", **common)
    low, high = question.number_min, question.number_max
    if low is not None and high is not None:
        return EngineIndicator(kind="scale", low=float(low), high=float(high), **common)
    return EngineIndicator(kind="scale", **common)
