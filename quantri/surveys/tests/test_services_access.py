"""The survey services decide who may build, publish, close and weight a survey, whoever calls
them (page, API or command): the survey's office may; its People's Inspection Board, a unit's
staff and another department's leader may not, and nothing changes when they try."""

import pytest
from django.core.exceptions import PermissionDenied

from quantri.surveys import services
from quantri.surveys.models import Question, Section, ServicePoint, Survey, SurveyStatus

pytestmark = pytest.mark.django_db


def outsiders(dave, carol, erin):
    return (dave, carol, erin)


def test_only_an_agencys_office_creates_its_surveys(department, alice, dave, carol, erin):
    for user in outsiders(dave, carol, erin):
        with pytest.raises(PermissionDenied):
            services.survey_create(agency=department, user=user, title="Khảo sát")
        with pytest.raises(PermissionDenied):
            services.survey_from_template("sipas", agency=department, user=user)
    assert not Survey.objects.exists()
    assert services.survey_create(agency=department, user=alice, title="Khảo sát").pk


def test_others_change_nothing_of_a_survey(survey, desk, office, alice, dave, carol, erin):
    for user in outsiders(dave, carol, erin):
        attempts = [
            lambda u=user: services.survey_update(survey=survey, user=u, title="Đổi tên"),
            lambda u=user: services.section_create(survey=survey, user=u, title="Phần A"),
            lambda u=user: services.service_point_create(
                survey=survey, user=u, name="Quầy 2", unit=office
            ),
            lambda u=user: services.service_point_update(
                point=desk, user=u, name="Đổi tên", unit=office
            ),
            lambda u=user: services.survey_publish(survey=survey, user=u),
            lambda u=user: services.margins_set(survey=survey, user=u, method="none", margins={}),
        ]
        for attempt in attempts:
            with pytest.raises(PermissionDenied):
                attempt()
    survey.refresh_from_db()
    desk.refresh_from_db()
    assert survey.title == "Khảo sát một cửa" and survey.status == SurveyStatus.DRAFT
    assert desk.name == "Bộ phận một cửa" and ServicePoint.objects.count() == 1
    assert not Section.objects.exists()
    services.section_create(survey=survey, user=alice, title="Phần A")
    assert Section.objects.count() == 1


def test_others_cannot_close_an_open_survey_nor_touch_its_questions(
    feedback_survey, alice, dave, carol, erin
):
    feedback_survey, question, *_others = feedback_survey
    for user in outsiders(dave, carol, erin):
        with pytest.raises(PermissionDenied):
            services.survey_close(survey=feedback_survey, user=user)
        with pytest.raises(PermissionDenied):
            services.question_delete(question=question, user=user)
    feedback_survey.refresh_from_db()
    assert feedback_survey.status == SurveyStatus.OPEN
    assert Question.objects.filter(pk=question.pk).exists()
    services.survey_close(survey=feedback_survey, user=alice)
