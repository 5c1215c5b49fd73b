"""The inspector works from the pages: the year's plan and its items, an inspection recorded,
a remedy required; the menu shows the pages to the readers only."""

import pytest
from django.urls import reverse

from quantri.oversight.models import Inspection, InspectionPlan, Remedy

pytestmark = pytest.mark.django_db


def test_the_inspector_opens_the_years_plan_and_plans_a_check(client_en, ivan, department, office):
    client_en.force_login(ivan)
    response = client_en.post(reverse("oversight:index"), {"agency": department.pk, "year": 2027})
    plan = InspectionPlan.objects.get(agency=department, year=2027)
    assert response.url == reverse("oversight:plan_detail", args=[plan.pk])
    item = {
        "kind": "check",
        "subject_kind": "gifts",
        "subject_text": "Quà tặng dịp Tết",
        "starts_on": "2027-02-01",
        "ends_on": "2027-01-15",
    }
    refused = client_en.post(response.url, item)
    assert refused.status_code == 400
    assert "The planned period ends before it starts." in refused.content.decode()
    assert not plan.items.exists()
    client_en.post(response.url, {**item, "ends_on": "2027-02-28"})
    assert plan.items.get().subject_text == "Quà tặng dịp Tết"


def test_the_inspector_records_a_check_and_requires_a_remedy(client_en, ivan, office):
    client_en.force_login(ivan)
    response = client_en.post(
        reverse("oversight:inspection_new"),
        {
            "kind": "check",
            "subject_kind": "one_stop_desk",
            "subject_unit": office.pk,
            "subject_text": "Bộ phận Một cửa",
            "decision_number": "20/QĐ-SVHTTDL",
            "decision_date": "2021-02-01",
            "period_from": "2020-01-01",
            "period_to": "2020-12-31",
        },
    )
    inspection = Inspection.objects.get(decision_number="20/QĐ-SVHTTDL")
    assert response.url == reverse("oversight:inspection_detail", args=[inspection.pk])
    client_en.post(
        reverse("oversight:remedy_add", args=[inspection.pk]),
        {"text": "Niêm yết lại thủ tục.", "lead_unit": office.pk, "due_on": "2021-05-01"},
    )
    assert Remedy.objects.get().lead_unit == office
    page = client_en.get(reverse("oversight:inspection_detail", args=[inspection.pk]))
    assert "Niêm yết lại thủ tục." in page.content.decode()


@pytest.mark.parametrize(("persona", "shown"), [("ivan", True), ("dave", True), ("bob", False)])
def test_the_menu_shows_inspections_to_readers(request, client_en, persona, shown):
    client_en.force_login(request.getfixturevalue(persona))
    page = client_en.get(reverse("plans:plan_list")).content.decode()
    assert (reverse("oversight:index") in page) is shown
