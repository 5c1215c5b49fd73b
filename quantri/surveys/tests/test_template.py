import pytest

from quantri.surveys import services
from quantri.surveys.models import QuestionType, SurveyKind, SurveyStatus

pytestmark = pytest.mark.django_db


def test_the_sipas_template_has_five_elements_of_rating_questions(sipas):
    sections = list(sipas.sections.all())
    assert [s.title for s in sections] == [
        "Tiếp cận dịch vụ",
        "Thủ tục hành chính",
        "Công chức giải quyết công việc",
        "Kết quả giải quyết công việc",
        "Tiếp nhận, xử lý ý kiến phản hồi",
    ]
    for section in sections:
        ratings = section.questions.filter(type=QuestionType.LIKERT)
        assert ratings.count() >= 3
        assert all(q.likert_points == 5 and len(q.likert_labels) == 5 for q in ratings)
    assert sipas.kind == SurveyKind.SATISFACTION and sipas.template == "sipas"
    assert sipas.asks_profile and sipas.status == SurveyStatus.DRAFT


def test_it_ends_with_a_required_overall_question(sipas):
    overall = sipas.questions.get(is_overall=True)
    assert overall.required and overall.section is None
    assert overall.text.startswith("Nhìn chung")


def test_its_feedback_follow_ups_show_only_after_a_yes(sipas):
    conditional = list(sipas.questions.filter(condition_question__isnull=False))
    assert len(conditional) == 2
    for question in conditional:
        assert question.condition_values == ["co"]
        assert question.condition_question.comes_before(question)


def test_it_can_be_published_once_it_has_a_service_point(sipas, office, alice):
    services.service_point_create(survey=sipas, user=alice, name="Một cửa", unit=office)
    services.survey_publish(survey=sipas, user=alice)
    assert sipas.status == SurveyStatus.OPEN
