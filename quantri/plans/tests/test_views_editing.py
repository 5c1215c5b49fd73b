"""The editing pages: forms on the plan and task pages, the bulk form, the list of tasks still to
assign or date, the history, and "my unit's tasks" for the office."""

import datetime

import pytest
from django.urls import reverse

from quantri.orgs.models import Role
from quantri.plans import editing
from quantri.plans.models import Plan, Task, TaskStatus
from quantri.testing.factories import MembershipFactory, TaskFactory, UserFactory

pytestmark = pytest.mark.django_db


def plan_url(plan, name="plan_detail"):
    return reverse(f"plans:{name}", args=[plan.pk])


def edit_url(task):
    return reverse("plans:task_edit", args=[task.pk])


def test_the_plan_page_offers_the_office_its_editing_actions(client, alice, culture_task):
    TaskFactory(group=culture_task.group, order=2)
    client.force_login(alice)
    response = client.get(plan_url(culture_task.plan))
    assert plan_url(culture_task.plan, "plan_edit") in response.text
    assert 'form="bulk-form"' in response.text and 'id="bulk-form"' in response.text
    assert "<script>" not in response.text  # the CSP coming allows only static scripts
    assert response.context["unassigned_count"] == 2
    assert plan_url(culture_task.plan, "plan_unassigned") in response.text


def test_units_and_the_board_see_no_editing_actions(client, bob, dave, culture_task):
    for user in (bob, dave):
        client.force_login(user)
        response = client.get(plan_url(culture_task.plan))
        assert 'id="bulk-form"' not in response.text
        assert plan_url(culture_task.plan, "plan_edit") not in response.text


def test_the_office_edits_the_header_with_a_reason_shown_in_the_history(client, alice, plan):
    client.force_login(alice)
    data = {
        "number": "99/KH-SVHTTDL",
        "issued_on": "05/01/2026",
        "year": "2026",
        "title": "Kế hoạch đã sửa",
        "reason": "Theo bản đã ký",
    }
    response = client.post(plan_url(plan, "plan_edit"), data)
    assert response.status_code == 302
    plan.refresh_from_db()
    assert (plan.number, plan.issued_on) == ("99/KH-SVHTTDL", datetime.date(2026, 1, 5))
    page = client.get(plan_url(plan))
    assert "Theo bản đã ký" in page.text and "05/01/2026" in page.text


def test_a_header_without_a_title_is_a_message_on_the_field(client, alice, plan):
    client.force_login(alice)
    response = client.post(plan_url(plan, "plan_edit"), {"year": "2026", "title": ""})
    assert response.status_code == 200
    assert response.context["form"].errors["title"]
    assert Plan.objects.get().title == plan.title


def test_the_bulk_form_assigns_and_dates_the_ticked_tasks(client, alice, culture_task, library):
    other = TaskFactory(group=culture_task.group, order=2)
    client.force_login(alice)
    url = plan_url(culture_task.plan, "plan_bulk")
    ticked = [culture_task.pk, other.pk]
    response = client.post(url, {"tasks": ticked, "action": "assign", "lead_unit": library.pk})
    assert response.status_code == 302
    response = client.post(
        url, {"tasks": ticked, "action": "deadline", "kind": "period", "due_period": "2026-Q3"}
    )
    assert response.status_code == 302
    assert set(Task.objects.values_list("lead_unit", "due_on")) == {
        (library.pk, datetime.date(2026, 9, 30))
    }
    assert client.get(plan_url(culture_task.plan)).context["unassigned_count"] == 0


def test_a_bulk_problem_keeps_the_selection_and_names_the_field(client, alice, culture_task):
    client.force_login(alice)
    response = client.post(
        plan_url(culture_task.plan, "plan_bulk"),
        {"tasks": [culture_task.pk], "action": "cancel", "reason": ""},
    )
    assert response.status_code == 400
    assert response.context["bulk_form"].errors["reason"]
    assert "checked" in response.text
    culture_task.refresh_from_db()
    assert culture_task.status != TaskStatus.CANCELLED


@pytest.mark.parametrize(("persona", "status"), [("bob", 403), ("dave", 403), ("erin", 404)])
def test_others_may_not_post_bulk_actions(client, request, persona, status, culture_task, library):
    client.force_login(request.getfixturevalue(persona))
    response = client.post(
        plan_url(culture_task.plan, "plan_bulk"),
        {"tasks": [culture_task.pk], "action": "assign", "lead_unit": library.pk},
    )
    assert response.status_code == status
    culture_task.refresh_from_db()
    assert culture_task.lead_unit != library


def test_the_task_page_assigns_and_refuses_a_lead_unit_as_support(
    client, alice, culture_task, culture_unit, library
):
    client.force_login(alice)
    bad = {"action": "assign", "assign-lead_unit": culture_unit.pk}
    bad["assign-support_units"] = [culture_unit.pk]
    response = client.post(edit_url(culture_task), bad)
    assert response.status_code == 400
    assert response.context["forms"]["assign"].errors["support_units"]
    good = {"action": "assign", "assign-lead_unit": library.pk, "assign-support_units": []}
    assert client.post(edit_url(culture_task), good).status_code == 302
    culture_task.refresh_from_db()
    assert culture_task.lead_unit == library


def test_a_unit_of_another_agency_is_refused_on_the_field(client, alice, erin, culture_task):
    foreign = erin.memberships.get().agency
    client.force_login(alice)
    response = client.post(
        edit_url(culture_task), {"action": "assign", "assign-lead_unit": foreign.pk}
    )
    assert response.status_code == 400
    assert response.context["forms"]["assign"].errors["lead_unit"]


def test_a_deadline_before_the_plan_is_refused_on_the_field(client, alice, culture_task):
    plan = culture_task.plan
    plan.issued_on = datetime.date(2026, 1, 5)
    plan.save()
    client.force_login(alice)
    data = {"action": "deadline", "deadline-kind": "date", "deadline-due_on": "31/12/2025"}
    response = client.post(edit_url(culture_task), data)
    assert response.status_code == 400
    assert response.context["forms"]["deadline"].errors["due_on"]
    culture_task.refresh_from_db()
    assert culture_task.due_on is None


def test_the_unit_head_picks_officers_on_the_task_page(client, bob, culture_task, culture_unit):
    officer = UserFactory(username="officer", first_name="Minh", last_name="Trần")
    MembershipFactory(user=officer, agency=culture_unit, role=Role.STAFF)
    client.force_login(bob)
    page = client.get(edit_url(culture_task))
    assert page.status_code == 200
    assert "assign" not in page.context["forms"]  # the office's forms are the office's
    data = {"action": "officers", "officers-responsible_officers": [officer.pk]}
    assert client.post(edit_url(culture_task), data).status_code == 302
    assert list(culture_task.responsible_officers.all()) == [officer]
    detail = client.get(reverse("plans:task_detail", args=[culture_task.pk]))
    assert "Trần" in detail.text or "Minh" in detail.text


def test_a_unit_head_may_not_use_the_offices_forms(client, bob, culture_task, library):
    client.force_login(bob)
    data = {"action": "assign", "assign-lead_unit": library.pk}
    response = client.post(edit_url(culture_task), data)
    assert response.status_code == 200  # no such form for him: nothing is done
    culture_task.refresh_from_db()
    assert culture_task.lead_unit != library


@pytest.mark.parametrize(("persona", "status"), [("carol", 403), ("dave", 403), ("erin", 404)])
def test_others_do_not_reach_the_task_editing_page(client, request, persona, status, culture_task):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(edit_url(culture_task)).status_code == status


def test_removing_a_task_deletes_it_or_cancels_it(client, alice, bob, culture_task):
    from quantri.plans import services

    spare = TaskFactory(group=culture_task.group, order=2)
    client.force_login(alice)
    assert client.post(edit_url(spare), {"action": "remove"}).status_code == 302
    assert not Task.objects.filter(pk=spare.pk).exists()
    services.task_record_progress(task=culture_task, user=bob, progress=10)
    response = client.post(edit_url(culture_task), {"action": "remove"})
    assert response.context["forms"]["remove"].errors["reason"]
    data = {"action": "remove", "remove-reason": "Không còn phù hợp"}
    assert client.post(edit_url(culture_task), data).status_code == 302
    culture_task.refresh_from_db()
    assert culture_task.status == TaskStatus.CANCELLED


def test_the_task_page_shows_its_history(client, alice, culture_task, library):
    editing.task_assign(
        task=culture_task, user=alice, lead_unit=library, support_units=[], reason="Đổi đơn vị"
    )
    client.force_login(alice)
    response = client.get(reverse("plans:task_detail", args=[culture_task.pk]))
    assert "Đổi đơn vị" in response.text
    assert edit_url(culture_task) in response.text


def test_groups_and_tasks_are_added_from_the_pages(client, alice, plan):
    client.force_login(alice)
    response = client.post(plan_url(plan, "group_add"), {"title": "Nhóm mới"})
    assert response.status_code == 302
    group = plan.groups.get()
    response = client.post(
        plan_url(plan, "task_add"), {"group": group.pk, "title": "Việc mới", "weight": "2"}
    )
    assert response.status_code == 302
    task = Task.objects.get()
    assert response.url == edit_url(task)
    response = client.post(
        plan_url(plan, "task_add"), {"group": group.pk, "title": "", "weight": "1"}
    )
    assert response.context["form"].errors["title"]
    assert Task.objects.count() == 1


def test_the_unassigned_list_is_for_the_office(client, alice, bob, culture_task):
    bare = TaskFactory(group=culture_task.group, order=2, title="Chưa giao")
    client.force_login(alice)
    response = client.get(plan_url(culture_task.plan, "plan_unassigned"))
    assert "Chưa giao" in response.text and edit_url(bare) in response.text
    client.force_login(bob)
    assert client.get(plan_url(culture_task.plan, "plan_unassigned")).status_code == 403


def test_my_unit_tasks_include_the_offices_own_tasks(client, culture_task, office):
    coordinator = UserFactory(username="vanphong")
    MembershipFactory(user=coordinator, agency=office, role=Role.OFFICE_COORDINATOR)
    office_task = TaskFactory(group=culture_task.group, order=2, lead_unit=office, title="Việc VP")
    client.force_login(coordinator)
    response = client.get(reverse("plans:my_tasks"))
    assert office_task.title in response.text
    assert culture_task.title not in response.text


def test_my_tasks_include_the_tasks_an_officer_carries(client, alice, culture_task):
    officer = UserFactory(username="officer")
    MembershipFactory(user=officer, agency=culture_task.lead_unit, role=Role.INSPECTION_BOARD)
    culture_task.responsible_officers.add(officer)
    client.force_login(officer)
    assert culture_task.title in client.get(reverse("plans:my_tasks")).text


def test_the_plan_page_escapes_what_the_office_typed(client, alice, culture_task):
    culture_task.title = '<img src=x onerror="alert(1)"> & co'
    culture_task.save()
    client.force_login(alice)
    page = client.get(plan_url(culture_task.plan)).text
    assert "<img src=x" not in page
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; co" in page


def test_parent_plans_offered_are_this_agencys_or_above(client, alice, erin, plan, province):
    from quantri.testing.factories import PlanFactory

    provincial = PlanFactory(agency=province, title="Kế hoạch của tỉnh")
    elsewhere = PlanFactory(agency=erin.memberships.get().agency, title="Kế hoạch của Sở Y tế")
    client.force_login(alice)
    choices = client.get(plan_url(plan, "plan_edit")).context["form"].fields["parent"].queryset
    assert provincial in choices and elsewhere not in choices
