"""The internal notices in the order work is due (issue 16 item 6): notices still to publish by
their legal deadline, the nearest (or most overdue) first; published ones after them, even when
they were decided last."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from quantri.disclosures.tests.factories import DisclosureFactory

pytestmark = pytest.mark.django_db


def _internal(department, category, title, decided, due, published=None):
    return DisclosureFactory(
        agency=department,
        category=category,
        audience="internal",
        title=title,
        decision_date=decided,
        due_on=due,
        published_on=published,
    )


@time_machine.travel(datetime.date(2026, 3, 30))
def test_notices_to_publish_come_first_by_deadline_then_published_ones(
    client, alice, department, work_plans
):
    day = datetime.date
    published = _internal(
        department, work_plans, "Đã công khai", day(2026, 3, 25), day(2026, 4, 1), day(2026, 3, 26)
    )
    later = _internal(department, work_plans, "Hạn ngày 20", day(2026, 3, 13), day(2026, 3, 20))
    sooner = _internal(department, work_plans, "Hạn ngày 12", day(2026, 3, 5), day(2026, 3, 12))
    client.force_login(alice)
    listed = client.get(reverse("disclosures:internal_list")).context["page"].object_list
    assert [n.title for n in listed] == [n.title for n in (sooner, later, published)]
