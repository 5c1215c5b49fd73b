"""The builder pages and who may use them: alice manages the department's surveys; carol
(library staff of the same department) reads results only; erin (another department) sees
nothing; the public answers but reads no results."""

import pytest

from quantri.surveys.models import Question, Survey, SurveyStatus

pytestmark = pytest.mark.django_db


def test_alice_creates_a_survey_from_the_sipas_template(client, alice, department):
    client.force_login(alice)
    response = client.post(
        "/surveys/new/",
        {"agency": department.pk, "template": "sipas", "title": "", "kind": "satisfaction",
         "is_anonymous": "on", "asks_profile": "on"},
    )  # fmt: skip
    survey = Survey.objects.get()
    assert response.url == f"/surveys/{survey.pk}/"
    assert survey.template == "sipas" and survey.sections.count() == 5
    assert survey.title.startswith("Khảo sát mức độ hài lòng")


def test_alice_adds_a_conditional_question_and_reorders(client, alice, survey):
    client.force_login(alice)
    client.post(
        f"/surveys/{survey.pk}/questions/new/",
        {"text": "Có góp ý không?", "type": "single", "choices": "co | Có\nkhong | Không"},
    )
    gave = Question.objects.get()
    response = client.post(
        f"/surveys/{survey.pk}/questions/new/",
        {"text": "Được trả lời kịp thời?", "type": "likert", "likert_points": 5,
         "condition_question": gave.pk, "condition_values": "co", "required": "on"},
    )  # fmt: skip
    assert response.status_code == 302
    follow = Question.objects.exclude(pk=gave.pk).get()
    assert follow.condition_question == gave and follow.condition_values == ["co"]
    client.post(f"/surveys/questions/{follow.pk}/move/", {"direction": "up"})
    follow.refresh_from_db()
    assert follow.order == 2  # refused: it depends on the question above it


def test_a_bad_choice_line_is_shown_on_the_form(client_en, alice, survey):
    client_en.force_login(alice)
    response = client_en.post(
        f"/surveys/{survey.pk}/questions/new/",
        {"text": "Kênh?", "type": "single", "choices": "a | b | c | d"},
    )
    assert response.status_code == 200
    assert "Line 1: write “code | label | score”." in response.content.decode()
    assert not Question.objects.exists()


def test_alice_publishes_after_adding_a_service_point(client, alice, survey, office):
    client.force_login(alice)
    client.post(f"/surveys/{survey.pk}/questions/new/", {"text": "Hài lòng?", "type": "likert",
                                                          "likert_points": 5})  # fmt: skip
    client.post(f"/surveys/{survey.pk}/points/new/", {"name": "Một cửa", "unit": office.pk})
    client.post(f"/surveys/{survey.pk}/publish/")
    survey.refresh_from_db()
    assert survey.status == SurveyStatus.OPEN
    point = survey.service_points.get()
    assert client.get(f"/surveys/r/{point.code}/").status_code == 200


def test_the_qr_code_is_an_svg_of_the_public_link(client, alice, desk):
    client.force_login(alice)
    response = client.get(f"/surveys/points/{desk.pk}/qr.svg")
    assert response["Content-Type"] == "image/svg+xml"
    assert response.content.startswith(b"<svg") and b"</svg>" in response.content
    printed = client.get(f"/surveys/{desk.survey_id}/points/print/").content.decode()
    assert "http://testserver/surveys/r/mot-cua/" in printed and "<svg" in printed


def test_carol_reads_but_cannot_change_the_departments_survey(client, carol, feedback_survey):
    survey, rating, *_ = feedback_survey
    client.force_login(carol)
    assert client.get(f"/surveys/{survey.pk}/").status_code == 200
    assert client.get(f"/surveys/{survey.pk}/results/").status_code == 200
    assert client.get(f"/surveys/questions/{rating.pk}/edit/").status_code == 403
    assert client.post(f"/surveys/{survey.pk}/close/").status_code == 403
    assert client.get(f"/surveys/{survey.pk}/weighting/").status_code == 403
    survey.refresh_from_db()
    assert survey.status == SurveyStatus.OPEN


def test_erin_of_another_department_sees_nothing(client, erin, feedback_survey):
    survey, rating, *_ = feedback_survey
    client.force_login(erin)
    assert client.get(f"/surveys/{survey.pk}/").status_code == 404
    assert client.get(f"/surveys/{survey.pk}/results/").status_code == 404
    assert client.post(f"/surveys/questions/{rating.pk}/delete/").status_code == 404
    assert client.get(f"/surveys/{survey.pk}/results.csv").status_code == 404
    assert survey.title not in client.get("/surveys/").content.decode()


def test_the_public_answers_but_reads_no_results(client, feedback_survey, desk):
    survey, *_ = feedback_survey
    assert client.get(f"/surveys/r/{desk.code}/").status_code == 200
    for url in (f"/surveys/{survey.pk}/results/", f"/surveys/{survey.pk}/results.xlsx",
                f"/surveys/{survey.pk}/", f"/surveys/{survey.pk}/index/"):  # fmt: skip
        assert client.get(url).status_code == 302  # to the login page


def test_the_menu_shows_surveys_to_members_only(client, alice):
    assert "/surveys/" not in client.get("/").content.decode()
    client.force_login(alice)
    assert 'href="/surveys/"' in client.get("/surveys/").content.decode()


def test_the_office_coordinator_sitting_in_the_office_runs_the_departments_survey(
    client, office, feedback_survey
):
    from quantri.orgs.models import Role
    from quantri.testing.factories import MembershipFactory, UserFactory

    survey, *_ = feedback_survey
    coordinator = UserFactory(username="hanh")
    MembershipFactory(user=coordinator, agency=office, role=Role.OFFICE_COORDINATOR)
    client.force_login(coordinator)
    client.post(f"/surveys/{survey.pk}/close/")
    survey.refresh_from_db()
    assert survey.status == SurveyStatus.CLOSED


def test_bob_a_unit_head_cannot_create_surveys(client, bob):
    client.force_login(bob)
    assert client.get("/surveys/new/").status_code == 403


def test_question_pages_of_a_published_survey_send_back(client, alice, feedback_survey):
    survey, rating, *_ = feedback_survey
    client.force_login(alice)
    response = client.get(f"/surveys/questions/{rating.pk}/edit/")
    assert response.status_code == 302 and response.url == f"/surveys/{survey.pk}/"
