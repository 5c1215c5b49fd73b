"""The public answer page: no login, one response per page load, conditions on the server."""

import re

import pytest

from quantri.surveys.models import Response, SurveyStatus

pytestmark = pytest.mark.django_db


def page_token(content: str) -> str:
    return re.search(r'name="token" value="([^"]+)"', content).group(1)


def fill(client, desk, answers: dict, **extra):
    page = client.get(f"/surveys/r/{desk.code}/")
    data = {"token": page_token(page.content.decode()), **answers, **extra}
    return client.post(f"/surveys/r/{desk.code}/", data)


def test_anyone_can_open_the_page_of_an_open_survey(client, feedback_survey, desk):
    survey, rating, gave, follow_up = feedback_survey
    page = client.get(f"/surveys/r/{desk.code}/")
    assert page.status_code == 200
    content = page.content.decode()
    assert survey.title in content and rating.text in content
    # Without JavaScript the follow-up is there, with its hint and the data for the script.
    assert f'data-condition="{gave.pk}" data-values="co"' in content
    assert 'name="website"' in content  # the honeypot


def test_the_page_hint_names_the_condition(client_en, feedback_survey, desk):
    page = client_en.get(f"/surveys/r/{desk.code}/")
    assert "Answer only if you answered “Co” to question 2." in page.content.decode()


def test_a_response_is_saved_and_thanked(client, feedback_survey, desk):
    _, rating, gave, follow_up = feedback_survey
    answers = {f"q{rating.pk}": "5", f"q{gave.pk}": "khong", f"q{follow_up.pk}": "2"}
    response = fill(client, desk, answers, sex="female", area="rural")
    assert response.status_code == 302 and response.url == f"/surveys/r/{desk.code}/thanks/"
    saved = Response.objects.get()
    assert (saved.service_point, saved.sex, saved.area) == (desk, "female", "rural")
    # "khong" hides the follow-up: its answer was dropped on the server.
    assert set(saved.answers.values_list("question_id", flat=True)) == {rating.pk, gave.pk}


def test_one_page_load_sends_one_response(client, feedback_survey, desk):
    _, rating, *_ = feedback_survey
    page = client.get(f"/surveys/r/{desk.code}/")
    data = {"token": page_token(page.content.decode()), f"q{rating.pk}": "4"}
    client.post(f"/surveys/r/{desk.code}/", data)
    again = client.post(f"/surveys/r/{desk.code}/", data)
    assert again.status_code == 302
    assert Response.objects.count() == 1


def test_a_forged_token_is_not_accepted(client, feedback_survey, desk):
    _, rating, *_ = feedback_survey
    response = client.post(f"/surveys/r/{desk.code}/", {"token": "x:y:z", f"q{rating.pk}": "4"})
    assert response.status_code == 200 and not Response.objects.exists()


def test_a_token_from_another_desk_is_not_accepted(client, feedback_survey, desk, library_desk):
    _, rating, *_ = feedback_survey
    other = client.get(f"/surveys/r/{library_desk.code}/")
    data = {"token": page_token(other.content.decode()), f"q{rating.pk}": "4"}
    response = client.post(f"/surveys/r/{desk.code}/", data)
    assert response.status_code == 200 and not Response.objects.exists()


def test_robots_filling_the_honeypot_are_thanked_and_ignored(client, feedback_survey, desk):
    _, rating, *_ = feedback_survey
    response = fill(client, desk, {f"q{rating.pk}": "4"}, website="http://spam.example")
    assert response.status_code == 302 and not Response.objects.exists()


def test_a_missing_required_answer_is_shown_and_answers_kept(client_en, feedback_survey, desk):
    _, rating, gave, follow_up = feedback_survey
    response = fill(client_en, desk, {f"q{gave.pk}": "co", f"q{follow_up.pk}": "3"})
    content = response.content.decode()
    assert response.status_code == 200 and not Response.objects.exists()
    assert "Question 1 (“Thái độ công chức”): This question is required." in content
    assert re.search(r'value="co" id="[^"]+" checked', content)  # the answers stay


def test_a_closed_survey_says_so(client, feedback_survey, desk):
    survey, *_ = feedback_survey
    survey.status = SurveyStatus.CLOSED
    survey.save()
    page = client.get(f"/surveys/r/{desk.code}/")
    assert page.status_code == 200 and 'name="token"' not in page.content.decode()


def test_an_unknown_code_is_not_found(client, feedback_survey):
    assert client.get("/surveys/r/nope/").status_code == 404


def test_a_named_survey_asks_for_name_and_contact(client, feedback_survey, desk):
    survey, rating, *_ = feedback_survey
    assert 'name="contact"' not in client.get(f"/surveys/r/{desk.code}/").content.decode()
    survey.is_anonymous = False
    survey.save()
    fill(client, desk, {f"q{rating.pk}": "4", "name": "Trần B", "contact": "b@example.vn"})
    assert Response.objects.get().contact == "b@example.vn"


def test_answers_on_the_page_are_limited_per_address(client, feedback_survey, desk, settings):
    _, rating, *_ = feedback_survey
    settings.QUANTRI_SURVEY_RATE_LIMIT = 2
    codes = [fill(client, desk, {f"q{rating.pk}": "4"}).status_code for _ in range(3)]
    assert codes == [302, 302, 429]
    assert Response.objects.count() == 2
