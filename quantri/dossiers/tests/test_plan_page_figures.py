"""The lead unit's one-stop figures beside the plan's PAPI 5 and 6 tasks."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from quantri.procedures.tests.factories import ProcedureFactory
from quantri.testing.dossiers import handled_dossier
from quantri.testing.factories import (
    AgencyFactory,
    PlanFactory,
    TaskFactory,
    TaskGroupFactory,
    papi_dimension,
)

pytestmark = pytest.mark.django_db

EARLY = {"received": "2026-03-02 09:00", "processed": "2026-03-03 10:00"}
LATE = {"received": "2026-03-02 09:00", "processed": "2026-03-30 10:00"}


@pytest.fixture
def plan(department):
    return PlanFactory(agency=department, number="12/KH-SVHTTDL", year=2026)


@pytest.fixture
def procedure(department):
    return ProcedureFactory(agency=department, processing_days=3, online_service="none")


def task_in(plan, dimension: str, unit, order: int = 1):
    group = TaskGroupFactory(plan=plan, order=order, dimension=papi_dimension(dimension))
    return TaskFactory(group=group, order=1, lead_unit=unit)


@pytest.fixture
def procedures_task(plan, culture_unit):
    return task_in(plan, "5", culture_unit)


@pytest.fixture
def culture_dossiers(procedure, department, culture_unit):
    """Four processed in 2026 (one late), three rated (two satisfied); one processed in 2025."""
    for kind, rating in ((EARLY, "very_satisfied"), (EARLY, "not_satisfied"), (LATE, "satisfied")):
        handled_dossier(
            procedure=procedure, agency=department, unit=culture_unit, rating=rating, **kind
        )
    handled_dossier(procedure=procedure, agency=department, unit=culture_unit, **EARLY)
    handled_dossier(
        procedure=procedure,
        agency=department,
        unit=culture_unit,
        received="2025-12-01 09:00",
        processed="2025-12-30 10:00",
    )


def figures_of(response) -> list[str]:
    return re.findall(r'<p class="meta service-figures".*?</p>', response.text, re.S)


def dashboard_link(unit) -> str:
    return f"{reverse('dossiers:dashboard')}?unit={unit.pk}&amp;month=2026-"


def test_the_plan_page_shows_the_lead_units_figures_for_the_plans_year(
    client, alice, plan, procedures_task, culture_dossiers, culture_unit
):
    client.force_login(alice)
    response = client.get(reverse("plans:plan_detail", args=[plan.pk]))

    [shown] = figures_of(response)
    assert f'data-unit="{culture_unit.pk}"' in shown
    assert "01/01/2026 – 31/12/2026" in shown
    assert "25,0 %" in shown and "(1/4)" in shown  # the 2025 dossier left out
    assert "66,7 %" in shown and "(2/3)" in shown
    assert dashboard_link(culture_unit) in shown


def test_the_figures_read_in_english_with_english_separators(
    client_en, alice, plan, procedures_task, culture_dossiers
):
    client_en.force_login(alice)
    response = client_en.get(reverse("plans:plan_detail", args=[plan.pk]))

    [shown] = figures_of(response)
    assert "One-stop dossiers" in shown
    assert "late <strong data-late-rate>25.0 %</strong>" in shown
    assert "satisfied <strong data-satisfaction-rate>66.7 %</strong>" in shown


def test_service_delivery_tasks_get_figures_but_other_dimensions_do_not(
    client, alice, plan, culture_dossiers, culture_unit
):
    task_in(plan, "6", culture_unit, order=1)
    task_in(plan, "2", culture_unit, order=2)
    client.force_login(alice)
    response = client.get(reverse("plans:plan_detail", args=[plan.pk]))

    assert len(figures_of(response)) == 1


def test_a_unit_without_dossiers_shows_nothing(client, alice, plan, library):
    task_in(plan, "5", library)
    client.force_login(alice)
    response = client.get(reverse("plans:plan_detail", args=[plan.pk]))

    assert response.status_code == 200
    assert figures_of(response) == []


def test_the_unit_head_sees_the_figures_without_the_office_dashboard_link(
    client, bob, plan, procedures_task, culture_dossiers
):
    client.force_login(bob)
    response = client.get(reverse("plans:task_detail", args=[procedures_task.pk]))

    [shown] = figures_of(response)
    assert "25,0 %" in shown
    assert reverse("dossiers:dashboard") not in shown


def test_the_task_page_shows_the_figures_and_links_a_manager_to_the_dashboard(
    client, alice, procedures_task, culture_dossiers, culture_unit
):
    client.force_login(alice)
    response = client.get(reverse("plans:task_detail", args=[procedures_task.pk]))

    [shown] = figures_of(response)
    assert "(1/4)" in shown and "(2/3)" in shown
    assert dashboard_link(culture_unit) in shown


def test_a_manager_of_another_department_sees_neither_the_task_nor_its_figures(
    client, erin, procedures_task, culture_dossiers
):
    client.force_login(erin)
    for url in (
        reverse("plans:plan_detail", args=[procedures_task.plan.pk]),
        reverse("plans:task_detail", args=[procedures_task.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 404
        assert figures_of(response) == []


def test_the_public_portal_never_shows_the_figures(client, plan, procedures_task, culture_dossiers):
    plan.is_published = True
    plan.save(update_fields=["is_published"])
    response = client.get(reverse("portal:plan_detail", args=[plan.pk]))

    assert response.status_code == 200
    assert figures_of(response) == []


def plan_page_queries(client, plan) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("plans:plan_detail", args=[plan.pk]))
    assert response.status_code == 200
    return len(queries)


def test_the_plan_page_costs_the_same_queries_for_one_service_task_or_twenty(
    client, alice, plan, procedure, department
):
    def service_task(order: int):
        unit = AgencyFactory(parent=department)
        AgencyFactory(parent=unit)  # a team below: its dossiers count as the unit's
        handled_dossier(procedure=procedure, agency=department, unit=unit, **EARLY)
        return task_in(plan, "5" if order % 2 else "6", unit, order=order)

    service_task(1)
    client.force_login(alice)
    one = plan_page_queries(client, plan)
    for order in range(2, 21):
        service_task(order)

    assert plan_page_queries(client, plan) == one
    assert len(figures_of(client.get(reverse("plans:plan_detail", args=[plan.pk])))) == 20


def test_the_unit_heads_task_list_shows_the_figures_beside_its_procedure_tasks(
    client, bob, plan, procedures_task, culture_dossiers, culture_unit
):
    task_in(plan, "2", culture_unit, order=2)
    client.force_login(bob)
    response = client.get(reverse("plans:my_tasks"))

    [shown] = figures_of(response)
    assert "(1/4)" in shown and "(2/3)" in shown


def test_a_unit_with_dossiers_received_but_none_processed_says_so(
    client_en, alice, plan, procedures_task, procedure, department, culture_unit
):
    handled_dossier(
        procedure=procedure, agency=department, unit=culture_unit, received="2026-03-02 09:00"
    )
    client_en.force_login(alice)
    response = client_en.get(reverse("plans:plan_detail", args=[plan.pk]))

    [shown] = figures_of(response)
    assert "1 received, none processed yet" in shown
    assert "data-late-rate" not in shown
