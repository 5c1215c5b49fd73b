"""Amendments, archive/delete, extensions and the import's save step through /api/: the same
services, the same refusals as the pages."""

import datetime
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from quantri.plans.models import DeadlineExtension, Plan, PlanRevision
from quantri.plans.tests.test_views_import import SMALL_PLAN

pytestmark = pytest.mark.django_db

JUNE = datetime.date(2021, 6, 30)
OUTSIDE_MESSAGE = (
    "Only the lead unit of this task (its head or the officers who carry it) may ask for an "
    "extension."
)


def send(client, method: str, url: str, body: dict | None = None):
    return getattr(client, method)(
        url, data=json.dumps(body or {}), content_type="application/json"
    )


@pytest.fixture
def dated_task(culture_task):
    culture_task.due_on = JUNE
    culture_task.save()
    return culture_task


def test_an_amendment_then_its_changes(client, alice, plan, culture_task):
    client.force_login(alice)
    body = {"document_number": "88/KH", "issued_on": "2021-05-04", "reason": "Bổ sung"}
    created = send(client, "post", f"/api/plans/{plan.pk}/revisions", body)
    assert created.status_code == 201, created.content
    send(
        client,
        "put",
        f"/api/tasks/{culture_task.pk}/deadline",
        {"kind": "date", "date": "2021-09-30"},
    )
    revision = client.get(f"/api/plans/{plan.pk}/revisions/{created.json()['id']}").json()
    assert [(c["kind"], c["after"]) for c in revision["changes"]] == [
        ("deadline_moved", "30/09/2021")
    ]
    assert [r["number"] for r in client.get(f"/api/plans/{plan.pk}/revisions").json()] == [1]


def test_an_amendment_without_a_reason_is_a_400_on_the_field(client, alice, plan):
    client.force_login(alice)
    response = send(client, "post", f"/api/plans/{plan.pk}/revisions", {"issued_on": "2021-05-04"})
    assert response.status_code == 400 and "reason" in response.json()["detail"]
    assert not PlanRevision.objects.exists()


def test_archive_and_delete(client, alice, bob, plan):
    client.force_login(bob)
    assert send(client, "post", f"/api/plans/{plan.pk}/archive").status_code == 403
    assert client.delete(f"/api/plans/{plan.pk}").status_code == 403
    client.force_login(alice)
    archived = send(client, "post", f"/api/plans/{plan.pk}/archive", {"archived": True})
    assert archived.status_code == 200 and archived.json()["archived_at"]
    assert client.delete(f"/api/plans/{plan.pk}").status_code == 204
    assert not Plan.objects.filter(pk=plan.pk).exists()


def test_an_extension_asked_and_approved(client, alice, bob, dated_task):
    client.force_login(bob)
    url = f"/api/tasks/{dated_task.pk}/extensions"
    asked = send(client, "post", url, {"new_deadline": "2021-09-30", "reason": "Chờ kinh phí"})
    assert asked.status_code == 201, asked.content
    client.force_login(alice)
    decided = send(client, "post", f"{url}/{asked.json()['id']}/decision", {"approve": True})
    assert decided.json()["status"] == "approved"
    task = client.get(f"/api/tasks/{dated_task.pk}").json()
    assert task["due"] == "2021-09-30"


def test_a_shortening_or_outside_request_is_refused(client, bob, carol, dated_task):
    url = f"/api/tasks/{dated_task.pk}/extensions"
    client.force_login(bob)
    short = send(client, "post", url, {"new_deadline": "2021-06-01", "reason": "x"})
    assert short.status_code == 400 and "requested_due_on" in short.json()["detail"]
    client.force_login(carol)
    outside = send(client, "post", url, {"new_deadline": "2021-09-30", "reason": "x"})
    with translation.override("vi"):  # the site's default language
        expected = str(translation.gettext(OUTSIDE_MESSAGE))
    assert outside.status_code == 403 and outside.json()["detail"] == expected
    assert not DeadlineExtension.objects.exists()


def test_only_the_office_decides(client, bob, dated_task):
    client.force_login(bob)
    url = f"/api/tasks/{dated_task.pk}/extensions"
    asked = send(client, "post", url, {"new_deadline": "2021-09-30", "reason": "Chờ"}).json()
    refused = send(client, "post", f"{url}/{asked['id']}/decision", {"approve": True})
    assert refused.status_code == 403
    assert DeadlineExtension.objects.get().status == "pending"


def post_import(client, agency, **fields):
    document = SimpleUploadedFile("ke-hoach.txt", SMALL_PLAN.encode())
    return client.post("/api/plans/import", {"agency": agency.code, "file": document, **fields})


def test_reimporting_is_a_409_naming_the_plan_until_the_caller_chooses(client, alice, department):
    client.force_login(alice)
    assert post_import(client, department).status_code == 201
    plan = Plan.objects.get()
    again = post_import(client, department)
    assert again.status_code == 409 and [m["id"] for m in again.json()["matches"]] == [plan.pk]
    assert Plan.objects.count() == 1
    bad = post_import(client, department, save_as="999999")
    assert bad.status_code == 400 and "save_as" in bad.json()["detail"]
    amended = post_import(client, department, save_as=str(plan.pk), reason="Điều chỉnh")
    assert amended.status_code == 200 and amended.json()["number"] == 1
    assert Plan.objects.count() == 1 and plan.revisions.count() == 1
