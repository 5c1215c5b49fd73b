"""The issue's scenario on the real plan: imported, most of its tasks name no unit and no
deadline; the office bulk-assigns all 23, and they reach the units' lists and the next
period's report requests."""

import pytest
from django.urls import reverse

from quantri.orgs.models import Role
from quantri.plans import editing, services
from quantri.plans.editing import Deadline
from quantri.plans.models import Task
from quantri.reports import services as report_services
from quantri.testing.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def real_plan(real_plan_bytes, department, office, culture_unit, library):
    parsed = services.plan_parse(
        data=real_plan_bytes, filename="ke-hoach-papi-2021.txt", agency=department
    )
    return services.plan_import(parsed=parsed, agency=department, filename="kh.txt")


def test_the_office_assigns_the_whole_real_plan_and_units_see_it(
    client, alice, bob, carol, real_plan, office, culture_unit, library
):
    tasks = list(Task.objects.filter(group__plan=real_plan).order_by("group__order", "order"))
    assert len(tasks) == 23
    assert len(editing.unassigned_tasks(real_plan)) > 0
    leads = {office: tasks[:7], culture_unit: tasks[7:16], library: tasks[16:]}
    for unit, chunk in leads.items():
        supports = [culture_unit] if unit != culture_unit else [office]
        editing.tasks_bulk_assign(
            plan=real_plan,
            user=alice,
            task_ids=[t.pk for t in chunk],
            lead_unit=unit,
            support_units=supports,
        )
    editing.tasks_bulk_set_deadline(
        plan=real_plan,
        user=alice,
        task_ids=[t.pk for t in tasks],
        deadline=Deadline(kind="period", period="2021-Q4"),
    )
    assert list(editing.unassigned_tasks(real_plan)) == []

    coordinator = UserFactory(username="vanphong")
    MembershipFactory(user=coordinator, agency=office, role=Role.OFFICE_COORDINATOR)
    for user, chunk in (
        (coordinator, leads[office]),
        (bob, leads[culture_unit]),
        (carol, leads[library]),
    ):
        client.force_login(user)
        page = client.get(reverse("plans:my_tasks")).text
        assert all(reverse("plans:task_detail", args=[t.pk]) in page for t in chunk), user

    rule = real_plan.reporting_rules.order_by("frequency").first()
    regime = report_services.regime_from_rule(rule=rule, user=alice)
    code = {"semiannual": "2021-H2", "annual": "2021-Y", "quarterly": "2021-Q4"}[regime.frequency]
    period = report_services.period_open(regime=regime, code=code, user=alice)
    requests = {r.unit: r for r in period.requests.select_related("unit", "period")}
    assert set(requests) == {office, culture_unit, library}
    reported = {t.pk for r in requests.values() for t in report_services.unit_tasks(r)}
    assert reported == {t.pk for t in tasks}
