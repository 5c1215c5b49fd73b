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


# Open work moves to the successor ---------------------------------------------------------


@pytest.fixture
def desk():
    """A department with Tourism (to be merged), Culture (its successor) and the Library,
    and Tourism's work: open and done, this year's and last year's."""
    from quantri.feedback.models import Feedback, FeedbackStatus
    from quantri.feedback.tests.factories import FeedbackCategoryFactory, submit
    from quantri.plans.models import Frequency, TaskStatus
    from quantri.reports.models import PeriodStatus, ReportingRegime, ReportRequest
    from quantri.testing.factories import (
        MembershipFactory,
        PlanFactory,
        TaskFactory,
        TaskGroupFactory,
        UserFactory,
    )

    department = AgencyFactory(code="SVH", kind=AgencyKind.DEPARTMENT, name="Sở Văn hóa")
    tourism = AgencyFactory(code="SVH-DL", parent=department, name="Phòng Du lịch")
    culture = AgencyFactory(code="SVH-VH", parent=department, name="Phòng Văn hóa")
    library = AgencyFactory(code="SVH-TV", parent=department, name="Thư viện")
    admin = UserFactory(username="quantri_svh")
    MembershipFactory(user=admin, agency=department, role="admin")
    group = TaskGroupFactory(plan=PlanFactory(agency=department, year=2026, number="5/KH"))
    work = {
        "lead": TaskFactory(group=group, lead_unit=tourism, title="Quảng bá du lịch mùa hè"),
        "support": TaskFactory(group=group, lead_unit=library, title="Ngày hội đọc sách"),
        "done": TaskFactory(
            group=group,
            lead_unit=tourism,
            title="Khảo sát điểm đến",
            status=TaskStatus.DONE,
            progress=100,
        ),
        "past": TaskFactory(
            group=TaskGroupFactory(plan=PlanFactory(agency=department, year=2025)),
            lead_unit=tourism,
            title="Việc năm ngoái chưa xong",
        ),
    }
    work["support"].support_units.add(tourism)
    plan = group.plan
    regime = ReportingRegime.objects.create(plan=plan, frequency=Frequency.SEMIANNUAL)

    def period(code, starts, ends, status):
        made = plan.reporting_periods.create(
            regime=regime, code=code, starts_on=starts, ends_on=ends, deadline=ends, status=status
        )
        return ReportRequest.objects.create(period=made, unit=tourism)

    work["pending"] = period(
        "2026-H2", datetime.date(2026, 7, 1), datetime.date(2026, 12, 31), PeriodStatus.OPEN
    )
    work["closed"] = period(
        "2026-H1", datetime.date(2026, 1, 1), datetime.date(2026, 6, 30), PeriodStatus.CLOSED
    )
    category = FeedbackCategoryFactory(unit=department)
    work["feedback"] = submit(category, text="Bãi đỗ xe ở khu du lịch thu phí quá cao.")
    work["answered"] = submit(category, text="Hỏi giờ mở cửa bảo tàng.")
    Feedback.objects.filter(pk=work["feedback"].pk).update(assigned_unit=tourism)
    Feedback.objects.filter(pk=work["answered"].pk).update(
        assigned_unit=tourism, status=FeedbackStatus.ANSWERED
    )
    return department, tourism, culture, admin, work


def test_the_merge_confirmation_lists_the_open_work_that_moves(client, desk):
    department, tourism, culture, admin, work = desk
    client.force_login(admin)
    form = {"successor": culture.pk, "valid_to": "2026-12-01", "reason": "Sắp xếp tổ chức"}

    page = client.post(reverse("orgs:unit_merge", args=[tourism.pk]), form).content.decode()

    assert "Quảng bá du lịch mùa hè" in page and "Ngày hội đọc sách" in page
    assert "2026-H2" in page and work["feedback"].code in page
    assert "Khảo sát điểm đến" not in page and "Việc năm ngoái chưa xong" not in page
    assert "2026-H1" not in page and work["answered"].code not in page
    tourism.refresh_from_db()
    assert tourism.valid_to is None  # nothing saved before the confirmation


def test_a_confirmed_merge_moves_open_work_and_leaves_the_rest_under_the_old_name(client, desk):
    department, tourism, culture, admin, work = desk
    client.force_login(admin)
    form = {"successor": culture.pk, "valid_to": "2026-12-01", "reason": "Sắp xếp tổ chức"}

    response = client.post(reverse("orgs:unit_merge", args=[tourism.pk]), {**form, "confirm": "1"})

    assert response.status_code == 302
    for item in work.values():
        item.refresh_from_db()
    assert work["lead"].lead_unit == culture
    assert list(work["support"].support_units.all()) == [culture]
    assert work["done"].lead_unit == tourism and work["past"].lead_unit == tourism
    assert work["pending"].unit == culture and work["closed"].unit == tourism
    assert work["feedback"].assigned_unit == culture
    assert work["answered"].assigned_unit == tourism
    assert work["feedback"].events.filter(kind="assigned", unit=culture).exists()
    change = work["lead"].history.latest()
    assert change.history_user == admin and change.history_change_reason.endswith("Sắp xếp tổ chức")
