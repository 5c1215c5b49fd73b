import pytest
from django.core.exceptions import ValidationError

from quantri.surveys import services
from quantri.surveys.models import QuestionType, SurveyStatus
from quantri.surveys.services import ChoiceInput, QuestionInput
from quantri.surveys.tests.factories import QuestionFactory

pytestmark = pytest.mark.django_db


def yes_no(text="Có góp ý không?"):
    return QuestionInput(
        text=text,
        type=QuestionType.SINGLE,
        choices=[ChoiceInput("Có", "co"), ChoiceInput("Không", "khong")],
    )


def test_questions_are_added_in_order_with_their_choices(survey, alice):
    first = services.question_create(survey=survey, user=alice, data=yes_no())
    second = services.question_create(
        survey=survey,
        user=alice,
        data=QuestionInput(text="Hài lòng?", type=QuestionType.LIKERT, likert_points=5),
    )
    assert (first.order, second.order) == (1, 2)
    assert list(first.choices.values_list("value", "label")) == [("co", "Có"), ("khong", "Không")]


def test_choice_codes_are_made_from_labels_without_diacritics(survey, alice):
    data = yes_no()
    data.choices = [ChoiceInput("Đúng hẹn"), ChoiceInput("Trễ hẹn"), ChoiceInput("Trễ hẹn")]
    question = services.question_create(survey=survey, user=alice, data=data)
    assert list(question.choices.values_list("value", flat=True)) == [
        "dung-hen",
        "tre-hen",
        "tre-hen-2",
    ]


def test_a_condition_must_refer_to_an_earlier_question(survey, alice):
    later = QuestionFactory(survey=survey, order=5)
    first = QuestionFactory(survey=survey, order=1)
    first.condition_question, first.condition_values = later, ["4"]
    with pytest.raises(ValidationError, match="earlier question"):
        first.full_clean()


def test_a_condition_must_name_answers_its_question_offers(survey, alice):
    gave = services.question_create(survey=survey, user=alice, data=yes_no())
    data = QuestionInput(
        text="Trả lời kịp thời?",
        type=QuestionType.LIKERT,
        likert_points=5,
        condition_question=gave,
        condition_values=["maybe"],
    )
    with pytest.raises(ValidationError, match="maybe"):
        services.question_create(survey=survey, user=alice, data=data)
    assert survey.questions.count() == 1


def test_removing_a_choice_a_condition_uses_is_refused(survey, alice):
    gave = services.question_create(survey=survey, user=alice, data=yes_no())
    services.question_create(
        survey=survey,
        user=alice,
        data=QuestionInput(
            text="Trả lời kịp thời?",
            type=QuestionType.LIKERT,
            likert_points=5,
            condition_question=gave,
            condition_values=["co"],
        ),
    )
    data = yes_no()
    data.choices = [ChoiceInput("Không", "khong")]
    with pytest.raises(ValidationError, match="co"):
        services.question_update(question=gave, user=alice, data=data)
    assert gave.choices.count() == 2


def test_a_question_cannot_move_above_its_condition(survey, alice):
    gave = services.question_create(survey=survey, user=alice, data=yes_no())
    follow = services.question_create(
        survey=survey,
        user=alice,
        data=QuestionInput(
            text="Trả lời kịp thời?",
            type=QuestionType.LIKERT,
            likert_points=5,
            condition_question=gave,
            condition_values=["co"],
        ),
    )
    with pytest.raises(ValidationError, match="must stay after"):
        services.question_move(question=follow, user=alice, offset=-1)
    other = services.question_create(survey=survey, user=alice, data=yes_no("Khác"))
    services.question_move(question=other, user=alice, offset=-1)
    assert list(survey.questions.order_by("order").values_list("pk", flat=True)) == [
        gave.pk,
        other.pk,
        follow.pk,
    ]


def test_a_question_others_depend_on_cannot_be_deleted(feedback_survey, alice):
    survey, _, gave, _ = feedback_survey
    survey.status = SurveyStatus.DRAFT
    survey.save()
    with pytest.raises(ValidationError, match="depending on it"):
        services.question_delete(question=gave, user=alice)


def test_questions_of_a_published_survey_cannot_change(feedback_survey, alice):
    survey, rating, *_ = feedback_survey
    with pytest.raises(ValidationError, match="no longer a draft"):
        services.question_update(
            question=rating,
            user=alice,
            data=QuestionInput(text="Khác", type=QuestionType.LIKERT, likert_points=5),
        )


def test_publishing_needs_questions_choices_and_a_service_point(survey, office, alice):
    with pytest.raises(ValidationError, match="at least one question"):
        services.survey_publish(survey=survey, user=alice)
    data = yes_no()
    data.choices = [ChoiceInput("Có", "co")]
    services.question_create(survey=survey, user=alice, data=data)
    with pytest.raises(ValidationError, match="two choices"):
        services.survey_publish(survey=survey, user=alice)
    question = survey.questions.get()
    services.question_update(question=question, user=alice, data=yes_no())
    with pytest.raises(ValidationError, match="service point"):
        services.survey_publish(survey=survey, user=alice)
    services.service_point_create(survey=survey, user=alice, name="Một cửa", unit=office)
    services.survey_publish(survey=survey, user=alice)
    assert survey.status == SurveyStatus.OPEN
    services.survey_close(survey=survey, user=alice)
    assert survey.history.first().history_user == alice


def test_a_service_point_gets_a_code_and_must_be_the_agencys(survey, office, alice, erin):
    point = services.service_point_create(survey=survey, user=alice, name="Một cửa", unit=office)
    assert len(point.code) == 8 and point.code.isalnum()
    stranger = erin.memberships.get().agency
    with pytest.raises(ValidationError, match="must belong to"):
        services.service_point_create(survey=survey, user=alice, name="Khác", unit=stranger)


def test_a_likert_question_needs_its_points_and_matching_labels(survey, alice):
    with pytest.raises(ValidationError):
        services.question_create(
            survey=survey, user=alice, data=QuestionInput(text="Hài lòng?", type="likert")
        )
    with pytest.raises(ValidationError, match="one label per point"):
        services.question_create(
            survey=survey,
            user=alice,
            data=QuestionInput(
                text="Hài lòng?", type="likert", likert_points=5, likert_labels=["Tệ", "Tốt"]
            ),
        )


def test_only_rating_number_and_single_choice_questions_map_to_indicators(survey, alice):
    from quantri.testing.factories import papi_dimension

    text = QuestionFactory(survey=survey, type=QuestionType.TEXT)
    with pytest.raises(ValidationError, match="can be indicators"):
        services.indicator_set(
            question=text, user=alice, code="q1", subdimension=papi_dimension("5.4")
        )
    rating = QuestionFactory(survey=survey)
    with pytest.raises(ValidationError, match="sub-dimension"):
        services.indicator_set(
            question=rating, user=alice, code="q1", subdimension=papi_dimension("5")
        )
    mapping = services.indicator_set(
        question=rating, user=alice, code="q1", subdimension=papi_dimension("5.4")
    )
    assert mapping.subdimension.code == "5.4"
