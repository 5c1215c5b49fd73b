"""Documented processes: versions, approval by a leader other than the author, the step-time
check against the legal limit, and the 3-month flag when the legal basis changes."""

import datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from quantri.procedures.services import ProcedureData, procedure_save
from quantri.quality import services
from quantri.quality.models import ProcessStep, ProcessVersion, QualityProcess
from quantri.quality.tests.conftest import steps

pytestmark = pytest.mark.django_db

FIVE_DAYS = [
    ("Tiếp nhận hồ sơ", "Bộ phận Một cửa", "4", "hours"),
    ("Thẩm định", "Phòng Quản lý Văn hóa", "4", "days"),
    ("Trả kết quả", "Bộ phận Một cửa", "4", "hours"),
]


def _change_legal_basis(procedure, bases):
    data = ProcedureData(
        code=procedure.code,
        name=procedure.name,
        field=procedure.field,
        level=procedure.level,
        agency=procedure.agency,
        processing_days=procedure.processing_days,
        legal_bases=bases,
        is_published=procedure.is_published,
    )
    return procedure_save(data=data, user=None)


def test_a_version_approved_by_a_leader_other_than_its_author_is_in_force(process, leader, deputy):
    version = services.version_create(user=leader, process=process, steps=steps(*FIVE_DAYS))
    services.version_approve(user=deputy, version=version, effective_on=datetime.date(2026, 1, 2))
    assert process.current_version() == version
    assert version.total_days() == 5


def test_a_leader_may_not_approve_the_version_he_wrote(process, leader):
    version = services.version_create(user=leader, process=process, steps=steps(*FIVE_DAYS))
    with pytest.raises(ValidationError) as caught:
        services.version_approve(
            user=leader, version=version, effective_on=datetime.date(2026, 1, 2)
        )
    assert "approved_by" in caught.value.message_dict
    version.refresh_from_db()
    assert version.approved_by is None and process.current_version() is None


def test_the_office_writes_but_does_not_approve(process, alice, leader):
    version = services.version_create(user=alice, process=process, steps=steps(*FIVE_DAYS))
    with pytest.raises(PermissionDenied):
        services.version_approve(user=alice, version=version, effective_on=datetime.date.today())


def test_a_unit_head_may_not_write_a_process(process, bob):
    with pytest.raises(PermissionDenied):
        services.version_create(user=bob, process=process, steps=steps(*FIVE_DAYS))


def test_a_step_without_a_responsible_role_saves_nothing(process, alice):
    bad = steps(("Tiếp nhận", "Bộ phận Một cửa", "4", "hours"), ("Thẩm định", " ", "1", "days"))
    with pytest.raises(ValidationError) as caught:
        services.version_create(user=alice, process=process, steps=bad)
    assert caught.value.message_dict["steps"] == ["Step 2 has no responsible role or unit."]
    assert not ProcessVersion.objects.exists() and not ProcessStep.objects.exists()


def test_the_page_warns_when_the_steps_take_longer_than_the_legal_limit(client_en, process, alice):
    services.version_create(
        user=alice, process=process, steps=steps(*FIVE_DAYS, ("Ký duyệt", "Lãnh đạo", "1", "days"))
    )
    client_en.force_login(alice)
    page = client_en.get(reverse("quality:process_detail", args=[process.pk])).content.decode()
    assert "Total: 6 working days." in page
    assert "Longer than the procedure" in page


def test_the_steps_form_shows_the_bad_line_on_the_field_and_saves_nothing(
    client_en, process, alice
):
    client_en.force_login(alice)
    response = client_en.post(
        reverse("quality:process_detail", args=[process.pk]),
        {"steps": "Tiếp nhận | Một cửa | | 4 giờ\nThẩm định | | | 2 ngày", "change_note": ""},
    )
    assert response.status_code == 200
    assert (
        "Line 2: the step has no responsible role or unit."
        in response.context["form"].errors["steps"]
    )
    assert not ProcessVersion.objects.exists()


def test_approving_through_the_page_by_the_author_shows_why_and_changes_nothing(
    client_en, process, leader
):
    version = services.version_create(user=leader, process=process, steps=steps(*FIVE_DAYS))
    client_en.force_login(leader)
    response = client_en.post(
        reverse("quality:version_approve", args=[version.pk]),
        {"effective_on": "2026-01-02"},
        follow=True,
    )
    assert "The author of a version may not approve it" in response.content.decode()
    version.refresh_from_db()
    assert version.approved_by is None


@time_machine.travel(datetime.datetime(2026, 11, 30, 9, tzinfo=datetime.UTC), tick=False)
def test_a_change_of_legal_basis_flags_the_process_for_three_months(process, procedure):
    _change_legal_basis(procedure, ["Luật Di sản văn hóa số 45/2024/QH15", "Nghị định 39/2026"])
    process.refresh_from_db()
    assert process.update_due_on == datetime.date(2027, 2, 28)
    assert "không quá 3 tháng" in process.update_reason
    assert "19/2014/QĐ-TTg" in process.update_reason


def test_saving_the_procedure_without_changing_its_legal_basis_flags_nothing(process, procedure):
    procedure.name = "Tên mới"
    _change_legal_basis(procedure, list(procedure.legal_bases))
    process.refresh_from_db()
    assert process.update_due_on is None


def test_the_next_approved_version_clears_the_flag(process, procedure, leader, deputy):
    _change_legal_basis(procedure, ["Nghị định mới"])
    version = services.version_create(user=leader, process=process, steps=steps(*FIVE_DAYS))
    services.version_approve(user=deputy, version=version, effective_on=datetime.date.today())
    process.refresh_from_db()
    assert process.update_due_on is None


def test_the_office_list_shows_flagged_processes_overdue_first(
    client_en, department, culture_unit, process, procedure, alice
):
    from quantri.procedures.tests.factories import ProcedureFactory

    later = services.process_create(
        user=None,
        agency=department,
        unit=culture_unit,
        procedure=ProcedureFactory(agency=department, legal_bases=["A"]),
        code="QT-02",
        title="Quy trình mới gắn cờ",
    )
    with time_machine.travel(datetime.date(2026, 6, 1), tick=False):
        _change_legal_basis(procedure, ["Nghị định mới"])  # due 1/9/2026: overdue now
    _change_legal_basis(later.procedure, ["B"])
    client_en.force_login(alice)
    response = client_en.get(reverse("quality:home"))
    flagged = list(response.context["flagged"])
    assert flagged == [process, later]
    assert QualityProcess.objects.get(pk=process.pk).update_due_on == datetime.date(2026, 9, 1)
    assert "Overdue" in response.content.decode()
