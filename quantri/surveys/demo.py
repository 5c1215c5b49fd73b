"""Demo: the department's SIPAS-style satisfaction survey at its one-stop desk, the library
and the museum, with ~300 generated responses (seeded: the same every time) and population
margins, so the results, intervals and weighting have something to show.

The answers are drawn to look like real ones: most people satisfied, procedures and feedback
handling weaker than the rest, the library best liked, rural respondents a little harsher —
and the sample more urban than the province, so weighting moves the figures a little.
"""

import datetime
import math

import numpy as np
from django.utils import timezone

from quantri.core.calendar import working_calendar
from quantri.surveys import services
from quantri.surveys.models import QuestionType, Survey, Weighting

TITLE = "Khảo sát mức độ hài lòng về sự phục vụ hành chính năm {year}"
RESPONDENTS = 300
SEED = 2026
POINTS = [  # (unit key, link code, name, share of respondents, satisfaction shift)
    ("VP", "sipas-vp", "Bộ phận một cửa (Văn phòng Sở)", 0.5, 0.0),
    ("TV", "sipas-tv", "Thư viện tỉnh", 0.3, 0.5),
    ("BT", "sipas-bt", "Bảo tàng tỉnh", 0.2, -0.2),
]
# Chance that a typical respondent is satisfied with each element, in section order.
ELEMENT_SATISFACTION = [0.92, 0.80, 0.93, 0.91, 0.78]
SAMPLE_PROFILE = {
    "sex": (["female", "male"], [0.56, 0.44]),
    "age_group": (["under_30", "30_44", "45_59", "60_plus"], [0.22, 0.36, 0.28, 0.14]),
    "area": (["urban", "rural"], [0.62, 0.38]),
}
# Population margins (census-like shares of the province's adults).
MARGINS = {
    "sex": {"female": "0.51", "male": "0.49"},
    "age_group": {"under_30": "0.27", "30_44": "0.30", "45_59": "0.25", "60_plus": "0.18"},
    "area": {"urban": "0.36", "rural": "0.64"},
}
SUGGESTIONS = [
    "Nên bố trí thêm chỗ ngồi chờ vào buổi sáng.",
    "Đề nghị niêm yết phí, lệ phí rõ hơn.",
    "Cán bộ hướng dẫn nhiệt tình, cảm ơn.",
    "Nên trả kết quả qua bưu điện.",
]


def load(context) -> None:
    department = context.department
    year = context.plan.year
    title = TITLE.format(year=year)
    if Survey.objects.filter(agency=department, template="sipas", title=title).exists():
        return
    user = context.user("vanphong")
    survey = services.survey_from_template("sipas", agency=department, user=user, title=title)
    services.survey_update(
        survey=survey,
        user=user,
        opens_on=datetime.date(year, 1, 1),
        closes_on=datetime.date(year, 12, 31),
    )
    points = [
        services.service_point_create(
            survey=survey, user=user, name=name, unit=context.units[key], code=code
        )
        for key, code, name, _share, _shift in POINTS
    ]
    services.survey_publish(survey=survey, user=user)
    _responses(survey, points, year)
    services.margins_set(survey=survey, user=user, method=Weighting.RAKING, margins=MARGINS)
    services.survey_reweight(survey=survey)


def _responses(survey: Survey, points, year: int) -> None:
    rng = np.random.default_rng(SEED)
    questions = list(survey.questions.prefetch_related("choices").select_related("section"))
    sections = list(survey.sections.all())
    days = _days(year)
    for _ in range(RESPONDENTS):
        k = rng.choice(len(POINTS), p=[p[3] for p in POINTS])
        profile = {v: str(rng.choice(c, p=p)) for v, (c, p) in SAMPLE_PROFILE.items()}
        if rng.random() < 0.08:
            profile = {}  # some people skip the "about you" part
        shift = POINTS[k][4] - (0.35 if profile.get("area") == "rural" else 0.0)
        answers = _answers(rng, questions, sections, shift + rng.normal(0, 0.9))
        moment = _moment(rng, days)
        services.response_submit(
            service_point=points[k], answers=answers, profile=profile, submitted_at=moment
        )


def _answers(rng, questions, sections, mood: float) -> dict:
    index = {s.pk: n for n, s in enumerate(sections)}
    gave_feedback = rng.random() < 0.25
    answers, ratings = {}, []
    for question in questions:
        if question.type == QuestionType.SINGLE:
            answers[question.pk] = "co" if gave_feedback else "khong"
        elif question.type == QuestionType.TEXT:
            if rng.random() < 0.06:
                answers[question.pk] = str(rng.choice(SUGGESTIONS))
        elif question.is_overall:
            mean = sum(ratings) / len(ratings) if ratings else 4
            answers[question.pk] = int(np.clip(round(mean + rng.normal(0, 0.5)), 1, 5))
        elif question.condition_question_id and not gave_feedback:
            continue
        elif question.required or rng.random() > (0.4 if question.help_text else 0.08):
            base = ELEMENT_SATISFACTION[index[question.section_id]]
            answers[question.pk] = _rating(rng, base, mood)
            ratings.append(answers[question.pk])
    return answers


def _rating(rng, base: float, mood: float) -> int:
    """A 1–5 answer: satisfied (4–5) with the element's chance moved by the person's mood."""
    logit = math.log(base / (1 - base)) + mood
    if rng.random() < 1 / (1 + math.exp(-logit)):
        return 5 if rng.random() < 0.4 else 4
    return int(rng.choice([3, 2, 1], p=[0.6, 0.3, 0.1]))


def _days(year: int) -> list[datetime.date]:
    """Working days (weekends, Tết and holidays left out) of the survey's year up to today,
    or the whole year when the demo runs before it."""
    calendar = working_calendar()
    today = timezone.localdate()
    first = datetime.date(year, 1, 5)
    last = min(today - datetime.timedelta(days=1), datetime.date(year, 12, 31))
    if last < first + datetime.timedelta(days=30):
        last = datetime.date(year, 12, 31)  # run before (or just into) the year: all of it
    day, days = first, []
    while day <= last:
        if calendar.is_working_day(day):
            days.append(day)
        day += datetime.timedelta(days=1)
    return days


def _moment(rng, days: list[datetime.date]) -> datetime.datetime:
    day = days[int(rng.integers(len(days)))]
    minutes = int(rng.integers(7 * 60 + 30, 16 * 60 + 30))
    naive = datetime.datetime.combine(day, datetime.time(minutes // 60, minutes % 60))
    return timezone.make_aware(naive)
