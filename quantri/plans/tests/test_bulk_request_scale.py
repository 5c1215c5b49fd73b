"""Bulk-assigning 300 tasks from the plan page is one request with a bounded number of
queries (issue 12, speed)."""

import pytest
from django.urls import reverse

from quantri.plans.models import Task
from quantri.testing.factories import TaskGroupFactory

pytestmark = pytest.mark.django_db

# Measured at 30 and 300 tasks alike; the bound leaves room for the session and messages.
MAX_QUERIES = 40


@pytest.fixture
def tasks_300(plan):
    group = TaskGroupFactory(plan=plan, order=9)
    return Task.objects.bulk_create(
        Task(group=group, order=n, title=f"Nhiệm vụ {n}") for n in range(1, 301)
    )


def post_bulk(client, plan, tasks, **fields):
    data = {"tasks": [t.pk for t in tasks], "reason": "", **fields}
    return client.post(reverse("plans:plan_bulk", args=[plan.pk]), data)


def test_bulk_assigning_300_tasks_is_one_request_with_bounded_queries(
    client, alice, plan, tasks_300, culture_unit, library, django_assert_max_num_queries
):
    client.force_login(alice)
    with django_assert_max_num_queries(MAX_QUERIES):
        response = post_bulk(
            client,
            plan,
            tasks_300,
            action="assign",
            lead_unit=culture_unit.pk,
            support_units=[library.pk],
        )
    assert response.status_code == 302
    assert Task.objects.filter(group__plan=plan, lead_unit=culture_unit).count() == 300


def test_bulk_choosing_officers_for_300_tasks_is_bounded_too(
    client, alice, bob, plan, tasks_300, culture_unit, django_assert_max_num_queries
):
    Task.objects.filter(pk__in=[t.pk for t in tasks_300]).update(lead_unit=culture_unit)
    client.force_login(alice)
    with django_assert_max_num_queries(MAX_QUERIES):
        response = post_bulk(
            client, plan, tasks_300, action="officers", responsible_officers=[bob.pk]
        )
    assert response.status_code == 302
    assert Task.objects.filter(group__plan=plan, responsible_officers=bob).count() == 300


def test_an_officer_outside_a_lead_unit_is_refused_and_nothing_changes(
    client_en, alice, carol, plan, tasks_300, culture_unit
):
    Task.objects.filter(pk__in=[t.pk for t in tasks_300]).update(lead_unit=culture_unit)
    client_en.force_login(alice)
    response = post_bulk(
        client_en, plan, tasks_300[:3], action="officers", responsible_officers=[carol.pk]
    )
    assert response.status_code == 400
    assert "Not members of every selected task&#x27;s lead unit: carol." in response.text
    assert not Task.objects.filter(responsible_officers=carol).exists()
