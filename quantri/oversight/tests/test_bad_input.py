"""Bad input gets a clear message on the field and saves nothing."""

import pytest
from django.urls import reverse

from quantri.oversight.models import Finding, InspectionStatus, Remedy

pytestmark = pytest.mark.django_db


def post(client, user, name, inspection, data):
    client.force_login(user)
    return client.post(reverse(name, args=[inspection.pk]), data)


def field_errors(response, field):
    return response.context["forms"][field[0]].errors.get(field[1], [])


def test_a_finding_without_a_rule_or_a_subject_is_refused(client_en, ivan, inspection):
    data = {"description": "12 hồ sơ thiếu phiếu.", "severity": "minor", "legal_basis": "Đ15"}
    response = post(client_en, ivan, "oversight:finding_add", inspection, data)
    assert response.status_code == 400
    assert field_errors(response, ("finding", "rule")) == ["Name the rule that was breached."]
    assert field_errors(response, ("finding", "subject_unit")) == [
        "Name the unit the finding is about."
    ]
    assert not Finding.objects.exists()


def test_a_remedy_without_a_deadline_or_a_lead_unit_is_refused(client_en, ivan, inspection):
    response = post(client_en, ivan, "oversight:remedy_add", inspection, {"text": "Khắc phục."})
    assert response.status_code == 400
    assert field_errors(response, ("remedy", "due_on")) == ["Give the remedy a deadline."]
    assert field_errors(response, ("remedy", "lead_unit")) == [
        "Name the unit that leads the remedy."
    ]
    assert not Remedy.objects.exists()


def test_a_remedy_led_by_a_unit_of_another_department_is_refused(client_en, ivan, inspection, erin):
    other = erin.memberships.get().agency
    data = {"text": "Khắc phục.", "lead_unit": other.pk, "due_on": "2021-05-01"}
    response = post(client_en, ivan, "oversight:remedy_add", inspection, data)
    assert response.status_code == 400
    assert not Remedy.objects.exists()


def test_closing_with_remedies_not_yet_tasks_says_so_and_stays_concluded(client_en, ivan, checked):
    client_en.force_login(ivan)
    response = client_en.post(reverse("oversight:close", args=[checked.pk]), follow=True)
    assert "2 remedies are not yet tasks of their units" in response.content.decode()
    checked.refresh_from_db()
    assert checked.status == InspectionStatus.CONCLUDED


def test_the_api_names_the_missing_rule(client_en, ivan, inspection):
    client_en.force_login(ivan)
    response = client_en.post(
        f"/api/oversight/inspections/{inspection.pk}/findings",
        {"unit": "T-VP", "description": "d"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["detail"]["rule"] == ["Name the rule that was breached."]
    assert not Finding.objects.exists()


def test_the_api_names_the_missing_deadline(client_en, ivan, inspection):
    client_en.force_login(ivan)
    response = client_en.post(
        f"/api/oversight/inspections/{inspection.pk}/remedies",
        {"text": "Khắc phục", "lead_unit": "T-VP"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["detail"]["due_on"] == ["Give the remedy a deadline."]
