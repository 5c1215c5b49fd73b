# ruff: noqa: F811 -- the fixtures of test_cascade, imported, are redefined as arguments
"""The cascade through the API (issue 12, items 5 and 8): the same services as the task page,
the same refusals, as JSON."""

import json

import pytest

from quantri.plans.models import Task
from quantri.plans.tests.test_cascade import (  # noqa: F401 -- fixtures
    department_plan,
    department_task,
    governor,
    health,
    health_plan,
    province_plan,
    province_task,
)

pytestmark = pytest.mark.django_db


def send(client, method: str, url: str, body: dict):
    return getattr(client, method)(url, data=json.dumps(body), content_type="application/json")


def test_the_office_links_its_task_to_the_province_task_and_unlinks_it(
    client, alice, department_task, province_task
):
    client.force_login(alice)
    url = f"/api/tasks/{department_task.pk}/parent"
    linked = send(client, "put", url, {"parent_task": province_task.pk, "reason": "Theo KH 21"})
    assert linked.status_code == 200, linked.content
    assert linked.json()["parent_task"] == province_task.pk
    department_task.refresh_from_db()
    assert department_task.parent_task == province_task
    history = client.get(f"/api/tasks/{department_task.pk}/history").json()
    assert "Theo KH 21" in history[0]["reason"]

    assert send(client, "put", url, {"parent_task": None}).json()["parent_task"] is None
    department_task.refresh_from_db()
    assert department_task.parent_task is None


def test_a_task_outside_the_parent_plan_is_refused_on_the_field(
    client_en, alice, department_task, culture_task
):
    client_en.force_login(alice)
    url = f"/api/tasks/{department_task.pk}/parent"
    response = send(client_en, "put", url, {"parent_task": culture_task.pk})
    assert response.status_code == 400
    assert "plan this plan implements" in response.json()["detail"]["parent_task"][0]
    missing = send(client_en, "put", url, {"parent_task": 999999})
    assert missing.status_code == 400
    assert "999999" in missing.json()["detail"]["parent_task"][0]
    department_task.refresh_from_db()
    assert department_task.parent_task is None


def test_only_the_plans_managers_link(client, bob, department_task, province_task):
    client.force_login(bob)  # staff of a unit: reads the plan, may not change it
    url = f"/api/tasks/{department_task.pk}/parent"
    assert send(client, "put", url, {"parent_task": province_task.pk}).status_code == 403
    department_task.refresh_from_db()
    assert department_task.parent_task is None


def test_the_province_sends_a_task_down_once_per_department(
    client, governor, province_task, department_plan, health_plan, department, health
):
    client.force_login(governor)
    url = f"/api/tasks/{province_task.pk}/send-down"
    body = {"agencies": [department.code, health.code], "reason": "Giao các sở"}
    first = send(client, "post", url, body)
    assert first.status_code == 200, first.content
    assert len(first.json()["created"]) == 2 and first.json()["updated"] == []
    assert {t["parent_task"] for t in first.json()["created"]} == {province_task.pk}
    again = send(client, "post", url, body).json()
    assert again["created"] == [] and len(again["updated"]) == 2
    assert Task.objects.filter(parent_task=province_task).count() == 2


def test_send_down_refusals_name_the_field_and_change_nothing(
    client_en, governor, province_task, department_plan, health
):
    client_en.force_login(governor)
    url = f"/api/tasks/{province_task.pk}/send-down"
    for body, expected in [
        ({"agencies": []}, "at least one"),
        ({"agencies": ["NO-SUCH"]}, "NO-SUCH"),
        ({"agencies": [health.code]}, "No plan implementing"),
    ]:
        response = send(client_en, "post", url, body)
        assert response.status_code == 400, body
        assert expected in response.json()["detail"]["agencies"][0]
    assert not Task.objects.filter(parent_task=province_task).exists()


def test_the_operations_are_in_the_openapi_schema(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    assert "put" in paths["/api/tasks/{task_id}/parent"]
    assert "post" in paths["/api/tasks/{task_id}/send-down"]
