"""The editing operations of the API call the same services: same rules, same refusals."""

import datetime
import json

import pytest

from quantri.orgs.models import Role
from quantri.plans.models import Task, TaskStatus
from quantri.testing.factories import MembershipFactory, TaskFactory, UserFactory

pytestmark = pytest.mark.django_db


def send(client, method: str, url: str, body: dict):
    return getattr(client, method)(url, data=json.dumps(body), content_type="application/json")


def test_the_office_edits_the_header(client, alice, plan):
    client.force_login(alice)
    response = send(client, "patch", f"/api/plans/{plan.pk}", {"number": "7/KH", "reason": "Sửa"})
    assert response.status_code == 200, response.content
    assert response.json()["number"] == "7/KH"
    history = client.get(f"/api/plans/{plan.pk}/history").json()
    assert history[0]["by"] == "alice" and "Sửa" in history[0]["reason"]


def test_groups_and_tasks_through_the_api(client, alice, plan):
    client.force_login(alice)
    group = send(
        client, "post", f"/api/plans/{plan.pk}/groups", {"title": "Nhóm", "dimension": "5"}
    )
    assert group.status_code == 201 and group.json()["dimension"] == "5"
    group_id = group.json()["id"]
    task = send(client, "post", f"/api/plans/{plan.pk}/tasks", {"group": group_id, "title": "Việc"})
    assert task.status_code == 201
    task_id = task.json()["id"]
    parts = send(client, "post", f"/api/tasks/{task_id}/split", {"titles": ["Việc 1", "Việc 2"]})
    assert [p["title"] for p in parts.json()] == ["Việc 1", "Việc 2"]
    merged = send(
        client,
        "post",
        f"/api/plans/{plan.pk}/tasks/merge",
        {"tasks": [p["id"] for p in parts.json()]},
    )
    assert merged.status_code == 200 and Task.objects.count() == 1
    removed = send(client, "post", f"/api/tasks/{task_id}/remove", {})
    assert removed.json() == {"deleted": True, "task": None}


def test_assignment_officers_and_deadline(client, alice, bob, culture_task, library, culture_unit):
    officer = UserFactory(username="officer")
    MembershipFactory(user=officer, agency=library, role=Role.STAFF)
    client.force_login(alice)
    url = f"/api/tasks/{culture_task.pk}"
    body = {"lead_unit": library.code, "support_units": [culture_unit.code], "reason": "Giao"}
    assert send(client, "put", f"{url}/assignment", body).json()["lead_code"] == library.code
    assert send(client, "put", f"{url}/officers", {"officers": ["officer"]}).json()["officers"] == [
        "officer"
    ]
    deadline = send(client, "put", f"{url}/deadline", {"kind": "period", "period": "2026-Q3"})
    assert deadline.json()["due"] == "2026-09-30" and deadline.json()["due_period"] == "2026-Q3"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"lead_unit": "T-QLVH", "support_units": ["T-QLVH"]}, "support_units"),
        ({"lead_unit": "T-DEPT2"}, "lead_unit"),
        ({"lead_unit": "NO-SUCH"}, "lead_unit"),
    ],
)
def test_bad_assignments_are_400_naming_the_field(client, alice, erin, culture_task, body, field):
    client.force_login(alice)
    response = send(client, "put", f"/api/tasks/{culture_task.pk}/assignment", body)
    assert response.status_code == 400
    assert field in response.json()["detail"]
    culture_task.refresh_from_db()
    assert not culture_task.support_units.exists()


def test_a_title_less_task_and_an_early_deadline_are_400(client, alice, culture_task):
    plan = culture_task.plan
    plan.issued_on = datetime.date(2026, 1, 5)
    plan.save()
    client.force_login(alice)
    response = send(client, "patch", f"/api/tasks/{culture_task.pk}", {"title": " "})
    assert response.status_code == 400 and "title" in response.json()["detail"]
    body = {"kind": "date", "date": "2025-12-01"}
    response = send(client, "put", f"/api/tasks/{culture_task.pk}/deadline", body)
    assert response.status_code == 400 and "due_on" in response.json()["detail"]
    culture_task.refresh_from_db()
    assert culture_task.due_on is None and culture_task.title.strip()


def test_bulk_assign_in_one_request(client, alice, culture_task, library):
    others = [TaskFactory(group=culture_task.group, order=n) for n in (2, 3)]
    ids = [culture_task.pk] + [t.pk for t in others]
    client.force_login(alice)
    url = f"/api/plans/{culture_task.plan.pk}/tasks/bulk"
    response = send(
        client, "post", url, {"action": "assign", "tasks": ids, "lead_unit": library.code}
    )
    assert response.status_code == 200
    assert Task.objects.filter(lead_unit=library).count() == 3
    body = {
        "action": "deadline",
        "tasks": ids,
        "deadline": {"kind": "recurrence", "recurrence": "annual"},
    }
    assert send(client, "post", url, body).status_code == 200
    assert client.get(f"/api/plans/{culture_task.plan.pk}/unassigned").json() == []
    cancel = send(client, "post", url, {"action": "cancel", "tasks": ids[:1], "reason": "Bỏ"})
    assert cancel.status_code == 200
    assert Task.objects.get(pk=ids[0]).status == TaskStatus.CANCELLED


@pytest.mark.parametrize(("persona", "status"), [("bob", 403), ("dave", 403), ("erin", 404)])
def test_others_get_403_or_404_and_nothing_changes(
    client, request, persona, status, culture_task, library
):
    client.force_login(request.getfixturevalue(persona))
    plan = culture_task.plan
    calls = [
        ("patch", f"/api/plans/{plan.pk}", {"title": "X"}),
        (
            "post",
            f"/api/plans/{plan.pk}/tasks/bulk",
            {"action": "assign", "tasks": [culture_task.pk], "lead_unit": library.code},
        ),
        ("put", f"/api/tasks/{culture_task.pk}/assignment", {"lead_unit": library.code}),
        ("post", f"/api/tasks/{culture_task.pk}/remove", {"reason": "x"}),
    ]
    for method, url, body in calls:
        assert send(client, method, url, body).status_code == status, url
    culture_task.refresh_from_db()
    assert culture_task.lead_unit != library
    assert plan.title != "X"


def test_writes_need_a_signed_in_user(client, culture_task):
    response = send(client, "patch", f"/api/tasks/{culture_task.pk}", {"title": "X"})
    assert response.status_code == 401
