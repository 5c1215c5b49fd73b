"""Archiving a plan and deleting one nothing was reported on."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from quantri.plans import amending, services
from quantri.plans.models import Plan, Task

pytestmark = pytest.mark.django_db


def test_an_archived_plan_leaves_the_working_lists_and_comes_back(alice, plan, culture_task):
    amending.plan_archive(plan=plan, user=alice)
    assert plan not in Plan.objects.working()
    assert culture_task not in Task.objects.working()
    assert plan.history.first().history_change_reason == "Plan archived"
    amending.plan_archive(plan=plan, user=alice, archived=False)
    assert plan in Plan.objects.working()


def test_only_the_office_archives(bob, plan):
    with pytest.raises(PermissionDenied):
        amending.plan_archive(plan=plan, user=bob)
    plan.refresh_from_db()
    assert plan.archived_at is None


def test_a_plan_with_no_reports_is_deleted_with_its_tasks(alice, plan, culture_task):
    amending.plan_delete(plan=plan, user=alice)
    assert not Plan.objects.filter(pk=plan.pk).exists()
    assert not Task.objects.filter(pk=culture_task.pk).exists()


def test_a_plan_with_reports_is_refused_and_kept(alice, plan, culture_task):
    services.task_record_progress(task=culture_task, user=alice, progress=20, note="Đã họp")
    with pytest.raises(ValidationError) as exc:
        amending.plan_delete(plan=plan, user=alice)
    assert "progress update" in exc.value.message_dict["plan"][0]
    assert Plan.objects.filter(pk=plan.pk).exists()


def test_only_the_office_deletes(bob, dave, plan):
    for user in (bob, dave):
        with pytest.raises(PermissionDenied):
            amending.plan_delete(plan=plan, user=user)
    assert Plan.objects.filter(pk=plan.pk).exists()
