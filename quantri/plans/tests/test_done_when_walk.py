"""Issue 12's "Done when", walked step by step through the pages as the office and the units
use them, on the real plan imported fresh (../shared/documents/): the office assigns all 23
tasks to units and officers with deadlines through the plan page's bulk actions; the tasks
reach the units' "my tasks" lists and the next period's report requests; the print view shows
the assignment table. (The amendment and extension steps are tested with those features.)"""

import datetime

import pytest
from django.urls import reverse

from quantri.core.names import display_name
from quantri.orgs.models import Role
from quantri.plans.editing import unassigned_tasks
from quantri.plans.models import Plan, PlanImport, Task
from quantri.plans.tests.test_views_import import preview_data, upload
from quantri.reports import services as report_services
from quantri.testing.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def hanh(office):
    """Staff of the Department Office: carries the office's own tasks."""
    user = UserFactory(username="hanh", first_name="Hạnh", last_name="Trần Thị")
    MembershipFactory(user=user, agency=office, role=Role.STAFF)
    return user


@pytest.fixture
def imported(client, alice, department, office, culture_unit, library, real_plan_bytes):
    """Step 1: the real plan, uploaded and saved through the import preview."""
    client.force_login(alice)
    upload(client, department, name="ke-hoach-papi-2021.txt", content=real_plan_bytes)
    draft = PlanImport.objects.get()
    response = client.post(reverse("plans:import_preview", args=[draft.pk]), preview_data(draft))
    assert response.status_code == 302
    return Plan.objects.get()


def tasks_of(plan) -> list[Task]:
    return list(Task.objects.filter(group__plan=plan).order_by("group__order", "order"))


def bulk(client, plan, tasks, **fields) -> None:
    data = {"tasks": [t.pk for t in tasks], "reason": "", **fields}
    response = client.post(reverse("plans:plan_bulk", args=[plan.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]


@pytest.fixture
def split(imported, office, culture_unit, library, hanh, bob, carol):
    tasks = tasks_of(imported)
    return {
        office: (tasks[:7], hanh),
        culture_unit: (tasks[7:16], bob),
        library: (tasks[16:], carol),
    }


@pytest.fixture
def assigned(client, alice, imported, split, office, culture_unit):
    """Step 2: the office's bulk actions on the plan page — lead and supporting units, the
    officers, and one deadline for all."""
    client.force_login(alice)
    for unit, (chunk, officer) in split.items():
        support = culture_unit if unit != culture_unit else office
        bulk(
            client, imported, chunk, action="assign", lead_unit=unit.pk, support_units=[support.pk]
        )
        bulk(client, imported, chunk, action="officers", responsible_officers=[officer.pk])
    bulk(
        client, imported, tasks_of(imported), action="deadline", kind="period", due_period="2021-Q4"
    )
    return imported


def test_step_1_the_real_plan_arrives_with_most_tasks_unassigned(client_en, alice, imported):
    assert len(tasks_of(imported)) == 23
    client_en.force_login(alice)
    page = client_en.get(reverse("plans:plan_detail", args=[imported.pk])).text
    count = len(unassigned_tasks(imported))
    assert count >= 20
    assert f"{count} tasks have no lead unit or no deadline yet." in page


def test_step_2_the_office_assigns_all_23_tasks_through_bulk_actions(
    client_en, alice, assigned, split
):
    assert list(unassigned_tasks(assigned)) == []
    for unit, (chunk, officer) in split.items():
        for task in Task.objects.filter(pk__in=[t.pk for t in chunk]):
            assert task.lead_unit == unit
            assert list(task.responsible_officers.all()) == [officer]
            assert task.due_on == datetime.date(2021, 12, 31) and task.due_period == "2021-Q4"
    client_en.force_login(alice)
    page = client_en.get(reverse("plans:plan_detail", args=[assigned.pk])).text
    assert "Every task has a lead unit and a deadline." in page


def test_step_3_the_tasks_appear_in_each_units_list(client, alice, assigned, split, hanh):
    for unit, (chunk, officer) in split.items():
        for person in (officer, alice) if officer == hanh else (officer,):
            client.force_login(person)
            page = client.get(reverse("plans:my_tasks")).text
            missing = [
                t.title for t in chunk if reverse("plans:task_detail", args=[t.pk]) not in page
            ]
            assert missing == [], (person.username, unit.code)


def test_step_4_the_tasks_reach_the_next_periods_report_requests(
    client, alice, assigned, split, office, culture_unit, library
):
    rule = assigned.reporting_rules.order_by("frequency").first()
    regime = report_services.regime_from_rule(rule=rule, user=alice)
    code = {"semiannual": "2021-H2", "annual": "2021-Y", "quarterly": "2021-Q4"}[regime.frequency]
    period = report_services.period_open(regime=regime, code=code, user=alice)
    requests = {r.unit: r for r in period.requests.select_related("unit")}
    assert set(requests) == {office, culture_unit, library}
    for unit, (chunk, officer) in split.items():
        client.force_login(officer)
        page = client.get(reverse("reports:unit_report", args=[requests[unit].pk])).text
        missing = [t.title[:40] for t in chunk if t.title[:40] not in page]
        assert missing == [], unit.code


def test_step_5_the_print_view_shows_the_assignment_table(client, alice, assigned, split):
    client.force_login(alice)
    page = client.get(reverse("plans:plan_print", args=[assigned.pk])).text
    assert page.count('<tr class="task"') == 23
    for unit, (chunk, officer) in split.items():
        for task in chunk:
            row = page[page.index(f'data-task="{task.pk}"') :].split("</tr>")[0]
            assert unit.name in row
            assert display_name(officer) in row
            assert "31/12/2021" in row
