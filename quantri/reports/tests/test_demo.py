import pytest

from quantri.demo.services import demo_load
from quantri.reports import queries
from quantri.reports.models import (
    Notification,
    ReportingPeriod,
    ReportRequest,
    TaskReport,
    UnitReport,
)

pytestmark = pytest.mark.django_db


def counts() -> tuple:
    return tuple(
        model.objects.count()
        for model in (ReportingPeriod, ReportRequest, UnitReport, TaskReport, Notification)
    )


def test_the_demo_tells_the_2021_h1_story_and_runs_twice_without_doubling():
    demo_load()
    past = ReportingPeriod.objects.get(code="2021-H1")
    assert (past.starts_on.isoformat(), past.ends_on.isoformat()) == ("2020-12-15", "2021-06-14")
    result = queries.completeness(past)
    assert result.expected == 10
    assert (result.missing, result.returned) == (1, 1)
    assert result.late >= 2 and result.on_time >= 4
    assert result.accepted == result.submitted
    assert (
        ReportingPeriod.objects.get(code="2026-H2").requests.filter(report__status="draft").count()
        == 2
    )
    before = counts()
    demo_load()
    assert counts() == before
