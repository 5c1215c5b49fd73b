"""Who may do what: the inspector writes; the office and the People's Inspection Board read
all; a unit reads only the findings about itself; violators' names follow the complaint rule;
another department sees nothing."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from quantri.oversight import services
from quantri.oversight.remedy_tasks import remedies_make_tasks

pytestmark = pytest.mark.django_db


def page(client, user, inspection):
    client.force_login(user)
    return client.get(reverse("oversight:inspection_detail", args=[inspection.pk]))


@pytest.mark.parametrize("persona", ["alice", "dave", "bob"])
def test_only_the_inspector_records_findings(request, persona, inspection, office):
    user = request.getfixturevalue(persona)
    with pytest.raises(PermissionDenied):
        services.finding_add(
            inspection=inspection,
            user=user,
            subject_unit=office,
            rule="Quy tắc",
            legal_basis="Điều 1",
            description="Mô tả",
            severity="minor",
        )


def test_the_board_may_not_make_remedy_tasks_but_the_office_may(checked, dave, alice):
    with pytest.raises(PermissionDenied):
        remedies_make_tasks(inspection=checked, user=dave)
    assert len(remedies_make_tasks(inspection=checked, user=alice)) == 2


@pytest.mark.parametrize("persona", ["ivan", "alice", "dave"])
def test_readers_of_the_department_see_every_finding_and_the_names(
    request, client, persona, checked
):
    response = page(client, request.getfixturevalue(persona), checked)
    assert response.status_code == 200
    text = response.content.decode()
    assert "Hướng dẫn hồ sơ bằng phiếu" in text and "Xin lỗi khi trả hồ sơ quá hạn" in text
    assert "Nguyễn Văn Hùng" in text and "Trần Thị Lụa" in text


def test_a_unit_sees_only_the_findings_about_itself_and_its_own_peoples_names(client, bob, checked):
    text = page(client, bob, checked).content.decode()
    assert "Xin lỗi khi trả hồ sơ quá hạn" in text
    assert "Hướng dẫn hồ sơ bằng phiếu" not in text  # about the office
    assert "Nguyễn Văn Hùng" in text  # a culture officer
    assert "Trần Thị Lụa" not in text  # an office clerk: another unit's person
    assert "Bổ sung phiếu hướng dẫn" not in text  # the office's remedy


def test_a_unit_may_not_download_the_whole_conclusion(client, bob, checked):
    client.force_login(bob)
    response = client.get(reverse("oversight:conclusion_docx", args=[checked.pk]))
    assert response.status_code == 404


@pytest.mark.parametrize("persona", ["carol", "erin"])
def test_others_cannot_tell_the_inspection_exists(request, client, persona, checked):
    assert page(client, request.getfixturevalue(persona), checked).status_code == 404


def test_the_api_withholds_names_a_unit_may_not_read(client, bob, checked):
    client.force_login(bob)
    response = client.get(f"/api/oversight/inspections/{checked.pk}")
    assert response.status_code == 200
    (finding,) = response.json()["findings"]
    names = {v["unit"]: v["person_name"] for v in finding["violations"]}
    assert names == {"T-QLVH": "Nguyễn Văn Hùng", "T-VP": None}


def test_the_api_refuses_a_finding_from_the_office(client, alice, checked):
    client.force_login(alice)
    response = client.post(
        f"/api/oversight/inspections/{checked.pk}/findings",
        {"unit": "T-VP", "rule": "r", "legal_basis": "b", "description": "d"},
        content_type="application/json",
    )
    assert response.status_code == 403


def test_the_inspector_cannot_record_in_another_department(erin, ivan, office):
    other = erin.memberships.get().agency
    with pytest.raises(PermissionDenied):
        services.inspection_open(
            agency=other,
            user=ivan,
            fields=services.InspectionFields(
                kind="check",
                subject=services.Subject("unit", "x", None),
                decision_number="1/QĐ",
                decision_date=datetime.date(2021, 1, 1),
                period_from=datetime.date(2020, 1, 1),
                period_to=datetime.date(2020, 12, 31),
            ),
        )
