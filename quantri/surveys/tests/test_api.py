"""/api/surveys: the questionnaire and answering are public for open surveys; results and
index scores are for the agency's staff."""

import pytest

from quantri.surveys.models import Response, SurveyStatus

pytestmark = pytest.mark.django_db


def answer(client, desk, payload, token=None, **extra):
    """Post answers the way a client does: the questionnaire first, for its one-time token."""
    if token is None:
        token = client.get(f"/api/surveys/points/{desk.code}").json()["token"]
    return client.post(
        f"/api/surveys/points/{desk.code}/responses",
        {**payload, "token": token},
        content_type="application/json",
        **extra,
    )


def test_anyone_reads_an_open_surveys_questionnaire(client, feedback_survey, desk):
    survey, rating, gave, follow_up = feedback_survey
    body = client.get(f"/api/surveys/{survey.pk}").json()
    assert body["title"] == survey.title and body["status"] == "open"
    questions = {q["id"]: q for q in body["questions"]}
    assert questions[follow_up.pk]["condition"] == {"question": gave.pk, "values": ["co"]}
    assert [c["value"] for c in questions[gave.pk]["choices"]] == ["co", "khong"]
    assert body["service_points"] == [
        {"code": "mot-cua", "name": desk.name, "unit": desk.unit.name}
    ]
    assert client.get(f"/api/surveys/points/{desk.code}").json()["id"] == survey.pk


def test_a_draft_is_hidden_from_the_public_but_not_from_its_agency(client, alice, survey):
    assert client.get(f"/api/surveys/{survey.pk}").status_code == 404
    client.force_login(alice)
    assert client.get(f"/api/surveys/{survey.pk}").status_code == 200


def test_anyone_answers_through_a_service_point(client, feedback_survey, desk):
    _, rating, gave, follow_up = feedback_survey
    payload = {
        "answers": {str(rating.pk): 5, str(gave.pk): "co", str(follow_up.pk): 4},
        "profile": {"sex": "male"},
    }
    response = answer(client, desk, payload)
    assert response.status_code == 201
    saved = Response.objects.get(pk=response.json()["id"])
    assert saved.sex == "male" and saved.answers.count() == 3


def test_a_bad_answer_comes_back_named_and_nothing_is_saved(client, feedback_survey, desk):
    _, rating, gave, follow_up = feedback_survey
    payload = {"answers": {str(gave.pk): "co", str(follow_up.pk): 9}}
    response = answer(client, desk, payload)
    assert response.status_code == 400
    detail = response.json()["detail"]
    assert set(detail) == {f"q{rating.pk}", f"q{follow_up.pk}"}
    assert not Response.objects.exists()


def test_a_closed_survey_takes_no_answers(client, feedback_survey, desk):
    survey, rating, *_ = feedback_survey
    survey.status = SurveyStatus.CLOSED
    survey.save()
    payload = {"answers": {str(rating.pk): 5}}
    response = client.post(
        f"/api/surveys/points/{desk.code}/responses", payload, content_type="application/json"
    )
    assert response.status_code == 404


def test_results_need_a_login_and_the_agency(client, erin, alice, answered, office):
    url = f"/api/surveys/{answered.pk}/results?period=quarter"
    assert client.get(url).status_code == 401
    client.force_login(erin)
    assert client.get(url).status_code == 404
    client.force_login(alice)
    body = client.get(url).json()
    assert body["respondents"] == 8 and not body["weighted"]
    overall = {(s["unit"], s["element"]): s for s in body["shares"]}
    assert overall["", "overall"]["share"] == 62.5 and overall["", "overall"]["period"] == "2026-Q1"
    assert overall[office.code, "overall"]["share"] == 100
    assert client.get(f"/api/surveys/{answered.pk}/results?period=week").status_code == 400


def test_the_survey_list_is_for_signed_in_staff(client, alice, erin, survey):
    assert client.get("/api/surveys").status_code == 401
    client.force_login(alice)
    assert [s["id"] for s in client.get("/api/surveys").json()] == [survey.pk]
    client.force_login(erin)
    assert client.get("/api/surveys").json() == []


def test_index_scores_over_the_api(client, alice, answered):
    from quantri.surveys import services
    from quantri.testing.factories import papi_dimension

    client.force_login(alice)
    assert client.get(f"/api/surveys/{answered.pk}/index").status_code == 404
    rating = answered.questions.get(is_overall=False)
    services.indicator_set(
        question=rating, user=alice, code="Q1", subdimension=papi_dimension("5.4")
    )
    body = client.get(f"/api/surveys/{answered.pk}/index").json()
    assert [c["code"] for c in body["columns"]] == ["total", "5", "5.4"]
    assert len(body["rows"]) == 2 and len(body["ranks"]) == 2


# Issue 11 item 4: the API has the page's protection, a one-time token and a limit per address.


def test_answers_without_a_token_from_the_questionnaire_are_refused(client, feedback_survey, desk):
    _, rating, *_ = feedback_survey
    url = f"/api/surveys/points/{desk.code}/responses"
    for payload in [{}, {"token": "forged:token:value"}]:
        body = {"answers": {str(rating.pk): 5}, **payload}
        response = client.post(url, body, content_type="application/json")
        assert response.status_code == 400 and "token" in response.json()["detail"]
    assert not Response.objects.exists()


def test_one_token_makes_one_response_however_often_it_is_sent(client, feedback_survey, desk):
    _, rating, *_ = feedback_survey
    token = client.get(f"/api/surveys/points/{desk.code}").json()["token"]
    first = answer(client, desk, {"answers": {str(rating.pk): 5}}, token=token)
    again = answer(client, desk, {"answers": {str(rating.pk): 1}}, token=token)
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["id"] == first.json()["id"] and Response.objects.count() == 1


def test_answers_are_limited_per_address(client, feedback_survey, desk, settings):
    _, rating, *_ = feedback_survey
    settings.QUANTRI_SURVEY_RATE_LIMIT = 2
    codes = [answer(client, desk, {"answers": {str(rating.pk): 5}}).status_code for _ in range(3)]
    assert codes == [201, 201, 429]
    assert Response.objects.count() == 2
    other = answer(client, desk, {"answers": {str(rating.pk): 5}}, REMOTE_ADDR="10.9.8.7")
    assert other.status_code == 201


def test_a_not_a_number_answer_is_a_400(client, feedback_survey, desk):
    _, rating, *_ = feedback_survey
    token = client.get(f"/api/surveys/points/{desk.code}").json()["token"]
    for value in ["NaN", "Infinity", "1e999"]:
        body = f'{{"answers": {{"{rating.pk}": {value}}}, "token": "{token}"}}'
        response = client.post(
            f"/api/surveys/points/{desk.code}/responses", body, content_type="application/json"
        )
        assert response.status_code in (400, 422), value
    assert not Response.objects.exists()
