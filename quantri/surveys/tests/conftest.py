"""Survey fixtures on top of the shared personas (quantri/conftest.py): alice manages the
department and its surveys; erin leads another department; carol is library staff."""

import datetime

import pytest

from quantri.surveys import services
from quantri.surveys.models import QuestionType, SurveyStatus
from quantri.surveys.tests.factories import (
    QuestionFactory,
    SectionFactory,
    ServicePointFactory,
    SurveyFactory,
)


@pytest.fixture
def survey(department):
    return SurveyFactory(agency=department, title="Khảo sát một cửa")


@pytest.fixture
def desk(survey, office):
    return ServicePointFactory(survey=survey, unit=office, name="Bộ phận một cửa", code="mot-cua")


@pytest.fixture
def library_desk(survey, library):
    return ServicePointFactory(survey=survey, unit=library, name="Thư viện", code="thu-vien")


@pytest.fixture
def feedback_survey(survey, desk):
    """An open survey: a required rating, a yes/no question, and a rating shown only on yes."""
    rating = QuestionFactory(survey=survey, order=1, text="Thái độ công chức", required=True)
    gave = QuestionFactory(
        survey=survey,
        order=2,
        type=QuestionType.SINGLE,
        text="Có góp ý không?",
        choices=["co", "khong"],
    )
    follow_up = QuestionFactory(
        survey=survey,
        order=3,
        text="Góp ý được trả lời kịp thời",
        required=True,
        condition_question=gave,
        condition_values=["co"],
    )
    survey.status = SurveyStatus.OPEN
    survey.save()
    return survey, rating, gave, follow_up


@pytest.fixture
def sipas(department, alice):
    return services.survey_from_template("sipas", agency=department, user=alice)


@pytest.fixture(autouse=True)
def english():
    """Messages are asserted against their English msgids, whatever the catalogue says."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def answered(survey, desk, library_desk):
    """8 respondents: urban people at the desk are satisfied, rural ones at the library not."""
    section = SectionFactory(survey=survey, title="Công chức")
    rating = QuestionFactory(survey=survey, section=section, order=1)
    overall = QuestionFactory(survey=survey, order=2, is_overall=True)
    survey.status = SurveyStatus.OPEN
    survey.save()
    people = [
        (desk, "female", "urban", 5),
        (desk, "female", "urban", 4),
        (desk, "male", "urban", 4),
        (desk, "male", "rural", 5),
        (library_desk, "female", "rural", 2),
        (library_desk, "female", "rural", 3),
        (library_desk, "male", "rural", 1),
        (library_desk, "female", "urban", 4),
    ]
    for point, sex, area, score in people:
        services.response_submit(
            service_point=point,
            answers={rating.pk: score, overall.pk: score},
            profile={"sex": sex, "area": area},
            submitted_at=datetime.datetime(2026, 3, 10, 9, tzinfo=datetime.UTC),
        )
    return survey
