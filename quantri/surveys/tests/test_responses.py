import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError

from quantri.surveys import services
from quantri.surveys.models import Answer, Response, SurveyStatus

pytestmark = pytest.mark.django_db


def submit(desk, answers, **kwargs):
    return services.response_submit(service_point=desk, answers=answers, **kwargs)


def test_it_saves_the_answers_with_numbers_for_ratings(feedback_survey, desk):
    _, rating, gave, follow_up = feedback_survey
    response = submit(desk, {rating.pk: "4", gave.pk: "co", follow_up.pk: 5})
    stored = {a.question_id: (a.value, a.number) for a in response.answers.all()}
    assert stored == {rating.pk: (4, 4.0), gave.pk: ("co", None), follow_up.pk: (5, 5.0)}


def test_a_missing_required_question_is_named_and_nothing_is_saved(feedback_survey, desk):
    _, rating, gave, _ = feedback_survey
    with pytest.raises(ValidationError) as caught:
        submit(desk, {gave.pk: "khong"})
    assert caught.value.message_dict == {
        f"q{rating.pk}": ["Question 1 (“Thái độ công chức”): This question is required."]
    }
    assert not Response.objects.exists()


def test_a_visible_conditional_required_question_must_be_answered(feedback_survey, desk):
    _, rating, gave, follow_up = feedback_survey
    with pytest.raises(ValidationError) as caught:
        submit(desk, {rating.pk: 4, gave.pk: "co"})
    assert list(caught.value.message_dict) == [f"q{follow_up.pk}"]
    assert "Question 3" in caught.value.messages[0]


def test_a_hidden_questions_answer_is_discarded(feedback_survey, desk):
    _, rating, gave, follow_up = feedback_survey
    # The browser sent an answer to the follow-up though "no" hides it: it is not kept,
    # not even checked (it is out of range here).
    response = submit(desk, {rating.pk: 4, gave.pk: "khong", follow_up.pk: 9})
    assert set(response.answers.values_list("question_id", flat=True)) == {rating.pk, gave.pk}


def test_a_condition_on_a_hidden_question_hides_its_dependents_too(feedback_survey, desk):
    from quantri.surveys.tests.factories import QuestionFactory

    survey, rating, gave, follow_up = feedback_survey
    deeper = QuestionFactory(
        survey=survey, order=4, condition_question=follow_up, condition_values=["5"]
    )
    response = submit(desk, {rating.pk: 4, gave.pk: "khong", follow_up.pk: 5, deeper.pk: 5})
    assert not response.answers.filter(question=deeper).exists()


@pytest.mark.parametrize(
    "answer, message",
    [(6, "from 1 to 5"), ("3.5", "from 1 to 5"), ("rất tốt", "point on the scale")],
)
def test_an_answer_off_the_scale_is_refused(feedback_survey, desk, answer, message):
    _, rating, *_ = feedback_survey
    with pytest.raises(ValidationError, match=message):
        submit(desk, {rating.pk: answer})


def test_a_choice_not_offered_is_refused(feedback_survey, desk):
    _, rating, gave, _ = feedback_survey
    with pytest.raises(ValidationError, match="answers offered"):
        submit(desk, {rating.pk: 4, gave.pk: "maybe"})


def test_an_unknown_question_is_refused(feedback_survey, desk):
    _, rating, *_ = feedback_survey
    with pytest.raises(ValidationError, match="99999 is not a question"):
        submit(desk, {rating.pk: 4, 99999: 1})


def test_the_profile_is_kept_when_asked_and_checked(feedback_survey, desk):
    _, rating, *_ = feedback_survey
    response = submit(desk, {rating.pk: 4}, profile={"sex": "female", "area": "rural"})
    assert (response.sex, response.age_group, response.area) == ("female", "", "rural")
    with pytest.raises(ValidationError):
        submit(desk, {rating.pk: 4}, profile={"sex": "robot"})


def test_a_closed_or_not_yet_open_survey_takes_no_answers(feedback_survey, desk):
    survey, rating, *_ = feedback_survey
    survey.opens_on = datetime.date(2026, 3, 1)
    survey.save()
    with time_machine.travel(datetime.datetime(2026, 2, 28, 12, tzinfo=datetime.UTC)):
        with pytest.raises(ValidationError, match="not taking answers"):
            submit(desk, {rating.pk: 4})
    survey.status = SurveyStatus.CLOSED
    survey.save()
    with pytest.raises(ValidationError, match="not taking answers"):
        submit(desk, {rating.pk: 4})
    assert not Answer.objects.exists()


def test_numbers_and_multiple_choices_are_checked(survey, desk):
    from quantri.surveys.tests.factories import QuestionFactory

    waited = QuestionFactory(survey=survey, type="number", number_min=0, number_max=480)
    channels = QuestionFactory(survey=survey, type="multiple", choices=["web", "quay", "dt"])
    survey.status = SurveyStatus.OPEN
    survey.save()
    response = submit(desk, {waited.pk: "12,5", channels.pk: ["dt", "web"]})
    stored = {a.question_id: a.value for a in response.answers.all()}
    assert stored == {waited.pk: 12.5, channels.pk: ["web", "dt"]}
    with pytest.raises(ValidationError, match="at most 480"):
        submit(desk, {waited.pk: 600})


def test_name_and_contact_are_kept_only_when_the_survey_is_not_anonymous(feedback_survey, desk):
    survey, rating, *_ = feedback_survey
    identity = {"name": "Nguyễn Văn A", "contact": "0912345678"}
    anonymous = submit(desk, {rating.pk: 4}, profile=identity)
    assert (anonymous.name, anonymous.contact) == ("", "")
    survey.is_anonymous = False
    survey.save()
    named = submit(desk, {rating.pk: 4}, profile=identity)
    assert (named.name, named.contact) == ("Nguyễn Văn A", "0912345678")
