import pytest

from quantri.orgs.access import Access
from quantri.orgs.models import AgencyKind, Role
from quantri.testing.factories import (
    AgencyFactory,
    MembershipFactory,
    PlanFactory,
    TaskFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def test_office_coordinator_manages_the_departments_plans(alice, plan):
    assert Access.for_user(alice).can_manage_plan(plan)


def test_unit_head_updates_the_tasks_his_unit_leads(bob, culture_task):
    assert Access.for_user(bob).can_update_task(culture_task)
    assert not Access.for_user(bob).can_manage_plan(culture_task.group.plan)


def test_staff_of_another_unit_cannot_update_the_task(carol, culture_task):
    access = Access.for_user(carol)
    assert access.can_view_plan(culture_task.group.plan)
    assert not access.can_update_task(culture_task)


def test_inspection_board_member_reads_but_never_writes(dave, culture_task):
    access = Access.for_user(dave)
    assert access.can_view_plan(culture_task.group.plan)
    assert not access.can_update_task(culture_task)
    assert not access.can_manage_plan(culture_task.group.plan)


def test_the_public_sees_only_published_plans(plan, django_user_model):
    from django.contrib.auth.models import AnonymousUser

    access = Access.for_user(AnonymousUser())
    assert not access.can_view_plan(plan)
    plan.is_published = True
    plan.save()
    assert access.can_view_plan(plan)


def test_a_published_draft_stays_hidden(plan):
    from django.contrib.auth.models import AnonymousUser

    plan.is_published, plan.status = True, "draft"
    plan.save()
    assert not Access.for_user(AnonymousUser()).can_view_plan(plan)


def test_manager_of_another_department_cannot_see_or_manage_the_plan(province, plan):
    other = AgencyFactory(code="T-SYT", kind=AgencyKind.DEPARTMENT, parent=province)
    erin = UserFactory(username="erin")
    MembershipFactory(user=erin, agency=other, role=Role.LEADER)
    access = Access.for_user(erin)
    assert not access.can_view_plan(plan)
    assert not access.can_manage_plan(plan)


def test_a_closed_membership_grants_nothing(bob, culture_task):
    import datetime

    bob.memberships.update(valid_to=datetime.date(2020, 1, 1))
    assert not Access.for_user(bob).can_update_task(culture_task)


def test_province_leader_manages_plans_of_departments_below(province, plan):
    frank = UserFactory(username="frank")
    MembershipFactory(user=frank, agency=province, role=Role.LEADER)
    assert Access.for_user(frank).can_manage_plan(plan)
    assert Access.for_user(frank).can_update_task(TaskFactory(group__plan=plan))


def test_superuser_may_do_everything(plan):
    root = UserFactory(username="root", is_superuser=True)
    assert Access.for_user(root).can_manage_plan(PlanFactory(agency=plan.agency))


def test_an_office_coordinator_sitting_in_the_office_manages_the_department(office, plan):
    grace = UserFactory(username="grace")
    MembershipFactory(user=grace, agency=office, role=Role.OFFICE_COORDINATOR)
    access = Access.for_user(grace)
    assert access.can_manage_plan(plan)
    assert access.can_update_task(TaskFactory(group__plan=plan))
