import datetime

import pytest

from quantri.plans.models import TaskStatus
from quantri.reports import queries
from quantri.reports.models import ReportStatus
from quantri.reports.tests.factories import (
    ReportingPeriodFactory,
    ReportRequestFactory,
    UnitReportFactory,
)
from quantri.testing.factories import AgencyFactory, TaskFactory, TaskGroupFactory

pytestmark = pytest.mark.django_db

AFTER = datetime.date(2021, 6, 25)  # four days after the 21/06/2021 deadline


@pytest.fixture
def period(plan):
    return ReportingPeriodFactory(regime__plan=plan)


def request_for(period, name, order, status=None, late=False):
    unit = AgencyFactory(code=f"T-{name}", name=name, order=order, parent=period.plan.agency)
    request = ReportRequestFactory(period=period, unit=unit)
    if status:
        UnitReportFactory(request=request, status=status, is_late=late)
    return request


@pytest.fixture
def five_units(period):
    """accepted on time, submitted late, returned, a draft, nothing at all."""
    return [
        request_for(period, "A", 1, ReportStatus.ACCEPTED),
        request_for(period, "B", 2, ReportStatus.SUBMITTED, late=True),
        request_for(period, "C", 3, ReportStatus.RETURNED),
        request_for(period, "D", 4, ReportStatus.DRAFT),
        request_for(period, "E", 5),
    ]


def test_completeness_counts_a_hand_computed_period(period, five_units):
    result = queries.completeness(period, today=AFTER)
    assert (result.expected, result.submitted, result.accepted) == (5, 2, 1)
    assert (result.on_time, result.late, result.returned) == (1, 1, 1)
    assert (result.missing, result.overdue_missing) == (2, 2)
    assert result.reporting_rate == 40  # 2 of 5 submitted
    assert result.on_time_rate == 20  # 1 of 5 by the deadline
    assert [row.state for row in result.units] == [
        "accepted",
        "submitted",
        "returned",
        "missing",
        "missing",
    ]


def test_missing_reports_are_not_late_before_the_deadline(period, five_units):
    result = queries.completeness(period, today=datetime.date(2021, 6, 18))
    assert result.overdue_missing == 0
    assert result.late == 1  # a late submission stays late


def test_an_empty_period_has_zero_rates(period):
    result = queries.completeness(period, today=AFTER)
    assert (result.expected, result.reporting_rate, result.on_time_rate) == (0, 0, 0)


def test_overdue_tasks_are_shown_behind_their_unit(period, five_units):
    group = TaskGroupFactory(plan=period.plan)
    unit = five_units[3].unit
    late = TaskFactory(group=group, lead_unit=unit, due_on=datetime.date(2021, 5, 1))
    TaskFactory(group=group, lead_unit=unit, due_on=datetime.date(2021, 7, 1))
    TaskFactory(
        group=group,
        lead_unit=unit,
        due_on=datetime.date(2021, 5, 1),
        status=TaskStatus.DONE,
        progress=100,
    )
    result = queries.completeness(period, today=AFTER)
    assert result.units[3].overdue_tasks == [late]
    assert result.overdue_tasks == [late]


def test_completeness_takes_two_queries_however_many_units(
    period, five_units, django_assert_num_queries
):
    for order in range(6, 30):
        request_for(period, f"X{order}", order, ReportStatus.SUBMITTED)
    with django_assert_num_queries(2):
        result = queries.completeness(period, today=AFTER)
        [row.report for row in result.units]
    assert result.expected == 29
