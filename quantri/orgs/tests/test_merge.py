"""A unit merged into another on a day: its past reports and plans keep its name, its people
hold their roles in the successor from that day, and new work can no longer go to it."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse

from quantri.demo.services import demo_load
from quantri.orgs.models import Agency, AgencyKind, Membership
from quantri.orgs.services.rules import Scope
from quantri.orgs.services.units import unit_merge
from quantri.reports.models import ReportingPeriod
from quantri.testing.factories import AgencyFactory

pytestmark = pytest.mark.django_db

MERGED_ON = datetime.date(2026, 1, 1)


@pytest.fixture
def merged():
    """The demo department's administrator merges Tourism into Culture on 1 January 2026."""
    demo_load()
    department = Agency.objects.get(code="SVHTTDL-HY")
    tourism = Agency.objects.get(code="SVHTTDL-HY-QLDL")
    culture = Agency.objects.get(code="SVHTTDL-HY-QLVH")
    admin = get_user_model().objects.get(username="quantri")
    unit_merge(
        scope=Scope.below(department),
        user=admin,
        unit=tourism,
        successor=culture,
        on=MERGED_ON,
        reason="Nghị quyết sắp xếp tổ chức",
    )
    return tourism, culture


def test_last_years_reports_still_show_the_old_unit(client, merged):
    tourism, culture = merged
    period = ReportingPeriod.objects.get(code="2021-H1")
    client.force_login(get_user_model().objects.get(username="vanphong"))

    page = client.get(reverse("reports:period_detail", args=[period.pk])).content.decode()

    assert period.requests.filter(unit=tourism).exists()
    assert "Phòng Quản lý Du lịch" in page
    tourism.refresh_from_db()
    assert tourism.name == "Phòng Quản lý Du lịch" and tourism.successor == culture


def test_from_that_day_the_unit_gets_no_new_work_and_its_people_move(merged):
    tourism, culture = merged
    department = culture.parent

    assert tourism.valid_to == MERGED_ON
    assert tourism in Agency.objects.units_of(department, on=datetime.date(2025, 12, 31))
    assert tourism not in Agency.objects.units_of(department, on=MERGED_ON)
    ended = Membership.objects.filter(agency=tourism)
    assert ended.exists() and all(m.valid_to == MERGED_ON for m in ended)
    for membership in ended:
        assert Membership.objects.filter(
            user=membership.user, agency=culture, role=membership.role
        ).exists()
    record = tourism.history.latest()
    assert record.history_change_reason.endswith("Nghị quyết sắp xếp tổ chức")
    assert record.history_user.username == "quantri"


def test_a_unit_cannot_be_merged_into_a_closed_one():
    department = AgencyFactory(code="D", kind=AgencyKind.DEPARTMENT)
    closed = AgencyFactory(code="D-OLD", parent=department, valid_to=datetime.date(2026, 1, 1))
    library = AgencyFactory(code="D-TV", parent=department)

    with pytest.raises(ValidationError, match="not open on that day"):
        unit_merge(
            scope=Scope.below(department),
            user=None,
            unit=library,
            successor=closed,
            on=datetime.date(2026, 6, 1),
            reason="thử",
        )
    library.refresh_from_db()
    assert library.valid_to is None
