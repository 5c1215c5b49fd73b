"""Cascade between levels (issue 12, item 5): a department's plan implements the province's
plan, its tasks are linked to the province tasks they carry out, the province sees their
progress, and a province task for every department is sent down in one step."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from quantri.orgs.models import AgencyKind, Role
from quantri.plans import editing
from quantri.plans.models import Task
from quantri.testing.factories import (
    AgencyFactory,
    MembershipFactory,
    PlanFactory,
    TaskFactory,
    TaskGroupFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def governor(province):
    """Leads the province: owns the province plan."""
    user = UserFactory(username="governor")
    MembershipFactory(user=user, agency=province, role=Role.LEADER)
    return user


@pytest.fixture
def province_plan(province):
    return PlanFactory(agency=province, number="21/KH-UBND", year=2026)


@pytest.fixture
def province_task(province_plan):
    group = TaskGroupFactory(plan=province_plan, order=1, title="Cải cách thủ tục hành chính")
    return TaskFactory(group=group, order=1, title="Mỗi sở rà soát thủ tục hành chính")


@pytest.fixture
def health(province):
    return AgencyFactory(code="T-SYT", kind=AgencyKind.DEPARTMENT, name="Sở Y tế", parent=province)


@pytest.fixture
def department_plan(department, province_plan):
    return PlanFactory(agency=department, number="12/KH-SVHTTDL", year=2026, parent=province_plan)


@pytest.fixture
def health_plan(health, province_plan):
    return PlanFactory(agency=health, number="30/KH-SYT", year=2026, parent=province_plan)


@pytest.fixture
def department_task(department_plan, culture_unit):
    group = TaskGroupFactory(plan=department_plan, order=1)
    return TaskFactory(group=group, order=1, lead_unit=culture_unit, progress=40)


def edit_url(task) -> str:
    return reverse("plans:task_edit", args=[task.pk])


def test_the_department_office_links_its_task_to_the_province_task(
    client, alice, department_task, province_task
):
    client.force_login(alice)
    response = client.post(
        edit_url(department_task),
        {"action": "parent", "parent-parent_task": province_task.pk, "parent-reason": ""},
    )
    assert response.status_code == 302
    department_task.refresh_from_db()
    assert department_task.parent_task == province_task
    page = client.get(reverse("plans:task_detail", args=[department_task.pk])).text
    assert province_task.title in page


def test_a_task_outside_the_parent_plan_is_refused_on_the_field(
    client_en, alice, department_task, plan, culture_task
):
    client_en.force_login(alice)
    response = client_en.post(
        edit_url(department_task),
        {"action": "parent", "parent-parent_task": culture_task.pk},
    )
    assert response.status_code == 400
    assert "Select a valid choice" in response.text
    department_task.refresh_from_db()
    assert department_task.parent_task is None


def test_the_service_refuses_a_task_of_another_plan(alice, department_task, culture_task):
    with pytest.raises(ValidationError) as exc:
        editing.task_link_parent(task=department_task, user=alice, parent_task=culture_task)
    assert "parent_task" in exc.value.message_dict


def test_the_province_sees_the_departments_progress_on_its_task_and_plan(
    client, governor, department_task, province_task, province_plan
):
    department_task.parent_task = province_task
    department_task.save()
    client.force_login(governor)
    for url in (
        reverse("plans:task_detail", args=[province_task.pk]),
        reverse("plans:plan_detail", args=[province_plan.pk]),
    ):
        page = client.get(url).text
        row = page[page.index('data-agency="T-DEPT"') :].split("</tr>")[0]
        assert "Sở Văn hóa, Thể thao và Du lịch" in row
        assert 'value="40"' in row


def test_a_province_task_is_sent_down_to_each_chosen_department_once(
    client, governor, province_task, department_plan, health_plan, department, health
):
    client.force_login(governor)
    data = {"action": "send_down", "send_down-agencies": [department.pk, health.pk]}
    assert client.post(edit_url(province_task), data).status_code == 302
    copies = Task.objects.filter(parent_task=province_task)
    assert {c.group.plan for c in copies} == {department_plan, health_plan}
    assert {c.title for c in copies} == {province_task.title}
    assert {c.group.title for c in copies} == {province_task.group.title}

    province_task.title = "Mỗi sở rà soát, đơn giản hóa thủ tục hành chính"
    province_task.save()
    assert client.post(edit_url(province_task), data).status_code == 302
    copies = Task.objects.filter(parent_task=province_task)
    assert copies.count() == 2
    assert {c.title for c in copies} == {province_task.title}


def test_a_department_without_an_implementing_plan_is_named(governor, province_task, health):
    with pytest.raises(ValidationError) as exc:
        editing.task_send_down(task=province_task, user=governor, agencies=[health])
    assert "Sở Y tế" in str(exc.value.message_dict["agencies"])
    assert not Task.objects.filter(parent_task=province_task).exists()


def test_a_department_office_cannot_send_down_a_province_task(
    alice, province_task, department_plan, department
):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        editing.task_send_down(task=province_task, user=alice, agencies=[department])
