import datetime

import pytest

from quantri.dossiers.service_figures import ServiceFigures, rate, unit_service_figures
from quantri.procedures.tests.factories import ProcedureFactory
from quantri.testing.dossiers import handled_dossier
from quantri.testing.factories import AgencyFactory

pytestmark = pytest.mark.django_db

MARCH = (datetime.date(2026, 3, 1), datetime.date(2026, 3, 31))


@pytest.fixture
def procedure(department):
    return ProcedureFactory(agency=department, processing_days=3, online_service="none")


@pytest.fixture
def heritage_team(culture_unit):
    """A team under the culture unit: its dossiers count as the unit's."""
    return AgencyFactory(code="T-QLVH-DS", name="Tổ Di sản", parent=culture_unit)


def dossier(procedure, department, unit, **kw):
    return handled_dossier(procedure=procedure, agency=department, unit=unit, **kw)


def test_it_sums_a_units_processed_late_and_satisfied_dossiers(
    procedure, department, culture_unit, heritage_team
):
    early = {"received": "2026-03-02 09:00", "processed": "2026-03-03 10:00"}
    late = {"received": "2026-03-02 09:00", "processed": "2026-03-30 10:00"}
    dossier(procedure, department, culture_unit, **early, rating="very_satisfied")
    dossier(procedure, department, culture_unit, **early, rating="not_satisfied")
    dossier(procedure, department, heritage_team, **late, rating="satisfied")
    dossier(procedure, department, heritage_team, **early)
    dossier(procedure, department, culture_unit, received="2026-03-25 09:00")  # still open

    figures = unit_service_figures([culture_unit.pk], *MARCH)[culture_unit.pk]

    assert figures == ServiceFigures(processed=4, late=1, rated=3, satisfied=2, received=5)
    assert figures.late_rate == 25.0
    assert figures.satisfaction_rate == 66.7


def test_it_counts_processed_dossiers_on_their_result_day_within_the_window(
    procedure, department, culture_unit
):
    dossier(
        procedure,
        department,
        culture_unit,
        received="2026-02-23 09:00",
        processed="2026-02-27 10:00",
    )
    dossier(
        procedure,
        department,
        culture_unit,
        received="2026-03-31 09:00",
        processed="2026-04-01 10:00",
    )
    dossier(
        procedure,
        department,
        culture_unit,
        received="2026-02-26 09:00",
        processed="2026-03-01 10:00",
    )

    figures = unit_service_figures([culture_unit.pk], *MARCH)[culture_unit.pk]

    assert (figures.processed, figures.received) == (1, 1)


def test_a_unit_with_no_dossiers_has_empty_figures_and_no_rates(culture_unit, library):
    figures = unit_service_figures([culture_unit.pk, library.pk], *MARCH)

    assert figures == {culture_unit.pk: ServiceFigures(), library.pk: ServiceFigures()}
    assert figures[library.pk].is_empty
    assert figures[library.pk].late_rate is None
    assert figures[library.pk].satisfaction_rate is None


def test_a_unit_asked_for_with_its_parent_counts_under_both(
    procedure, department, culture_unit, library
):
    done = {"received": "2026-03-02 09:00", "processed": "2026-03-03 10:00"}
    dossier(procedure, department, culture_unit, **done)
    dossier(procedure, department, library, **done)

    figures = unit_service_figures([department.pk, culture_unit.pk], *MARCH)

    assert figures[department.pk].processed == 2
    assert figures[culture_unit.pk].processed == 1


def test_it_follows_the_subtree_to_any_depth(procedure, department, culture_unit):
    team = AgencyFactory(parent=culture_unit)
    group = AgencyFactory(parent=team)
    desk = AgencyFactory(parent=group)  # four levels below the department
    done = {"received": "2026-03-02 09:00", "processed": "2026-03-03 10:00"}
    dossier(procedure, department, desk, **done)
    dossier(procedure, department, team, **done)

    chain = (department.pk, culture_unit.pk, team.pk, group.pk, desk.pk)
    figures = unit_service_figures(chain, *MARCH)

    assert [figures[pk].processed for pk in chain] == [2, 2, 2, 1, 1]


def test_the_figures_of_many_units_cost_two_queries(
    procedure, department, django_assert_num_queries
):
    units = [AgencyFactory(parent=department) for _ in range(12)]
    for unit in units:
        team = AgencyFactory(parent=unit)
        for handler in (unit, team):
            dossier(
                procedure,
                department,
                handler,
                received="2026-03-02 09:00",
                processed="2026-03-03 10:00",
            )

    with django_assert_num_queries(2):  # the tree, then the sums
        figures = unit_service_figures([u.pk for u in units], *MARCH)

    assert [figures[u.pk].processed for u in units] == [2] * 12


def test_rates_are_percentages_with_one_decimal():
    assert rate(41, 1280) == 3.2
    assert rate(530, 582) == 91.1
    assert rate(1, 3) == 33.3
    assert rate(0, 5) == 0.0
    assert rate(0, 0) is None
