"""The disclosure services decide who may record and publish a notice, whoever calls them
(page, API or command): the agency's office may, its People's Inspection Board and another
department's leader may not."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied

from quantri.disclosures import services
from quantri.disclosures.models import Disclosure

pytestmark = pytest.mark.django_db


def record(department, category, user):
    return services.disclosure_create(
        agency=department,
        category=category,
        title="Công khai kế hoạch công tác năm 2026",
        decision_date=datetime.date(2026, 3, 2),
        user=user,
    )


def test_the_office_records_a_notice_and_others_may_not(department, work_plans, alice, dave, erin):
    for outsider in (dave, erin):
        with pytest.raises(PermissionDenied):
            record(department, work_plans, outsider)
    assert not Disclosure.objects.exists()
    assert record(department, work_plans, alice).created_by == alice


def test_only_the_office_publishes_a_notice(overdue_notice, alice, dave, erin):
    for outsider in (dave, erin):
        with pytest.raises(PermissionDenied):
            services.disclosure_publish(disclosure=overdue_notice, user=outsider)
    overdue_notice.refresh_from_db()
    assert overdue_notice.published_on is None
    services.disclosure_publish(disclosure=overdue_notice, user=alice)
    overdue_notice.refresh_from_db()
    assert overdue_notice.published_on is not None
