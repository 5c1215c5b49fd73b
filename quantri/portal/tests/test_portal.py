import pytest
from django.urls import reverse

from quantri.plans import services
from quantri.plans.models import PlanStatus, TaskStatus
from quantri.testing.factories import PlanFactory, TaskFactory, TaskGroupFactory, papi_dimension

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(plan, culture_task, bob):
    """The department's plan, published, with progress on two PAPI dimensions and one group
    that has none."""
    plan.is_published = True
    plan.save()
    services.task_record_progress(task=culture_task, user=bob, progress=50, note="Ghi chú nội bộ")
    TaskFactory(group=culture_task.group, weight=3, progress=100, status=TaskStatus.DONE)
    e_gov = TaskGroupFactory(plan=plan, order=2, dimension=papi_dimension("8"))
    TaskFactory(group=e_gov, progress=20, status=TaskStatus.IN_PROGRESS)
    TaskFactory(group=e_gov, progress=90, status=TaskStatus.CANCELLED)
    general = TaskGroupFactory(plan=plan, order=3, dimension=None)
    TaskFactory(group=general, progress=10, status=TaskStatus.IN_PROGRESS)
    return plan


def test_the_home_page_shows_published_plans_with_progress_by_dimension(client, published):
    response = client.get(reverse("portal:home"))
    assert response.status_code == 200
    [summary] = response.context["summaries"]
    by_code = {
        (row.dimension.code if row.dimension else None): row.progress for row in summary.dimensions
    }
    assert by_code == {"2": 88, "8": 20, None: 10}  # (1*50 + 3*100) / 4 rounds to 88
    assert [row.dimension.code if row.dimension else None for row in summary.dimensions] == [
        "2",
        "8",
        None,
    ]
    assert summary.progress == published.progress()
    assert published.title in response.text and 'value="88"' in response.text


def test_the_home_page_leaves_out_unpublished_and_draft_plans(client, plan, department):
    draft = PlanFactory(agency=department, is_published=True, status=PlanStatus.DRAFT)
    page = client.get(reverse("portal:home")).text
    assert plan.title not in page and draft.title not in page


def test_the_public_plan_page_shows_tasks_but_no_internal_notes(client, published, culture_task):
    response = client.get(reverse("portal:plan_detail", args=[published.pk]))
    assert response.status_code == 200
    assert culture_task.title in response.text and "50%" in response.text
    assert "Ghi chú nội bộ" not in response.text
    assert reverse("plans:task_detail", args=[culture_task.pk]) not in response.text


def test_an_unpublished_plan_is_not_found_by_the_public(client, plan):
    assert client.get(reverse("portal:plan_detail", args=[plan.pk])).status_code == 404
    response = client.get(reverse("plans:plan_detail", args=[plan.pk]))
    assert response.status_code == 302  # internal pages ask anonymous visitors to log in


def test_the_home_page_fits_a_phone(client):
    page = client.get(reverse("portal:home")).text
    assert 'name="viewport"' in page and "quantri/app.css" in page
