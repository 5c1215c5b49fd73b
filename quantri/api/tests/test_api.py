import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from quantri.conftest import REAL_PLAN
from quantri.plans.models import Plan

pytestmark = pytest.mark.django_db


def test_openapi_schema_and_docs_are_served(client):
    schema = client.get("/api/openapi.json")
    assert schema.status_code == 200
    assert "/api/plans/{plan_id}" in schema.json()["paths"]
    assert client.get("/api/docs").status_code == 200


def test_the_public_lists_only_published_plans(client, plan, department):
    published = Plan.objects.create(
        agency=department, title="KH công khai", year=2021, is_published=True
    )
    ids = [p["id"] for p in client.get("/api/plans").json()]
    assert ids == [published.pk]
    assert client.get(f"/api/plans/{plan.pk}").status_code == 404


def test_a_member_reads_the_plan_with_groups_and_tasks(client, carol, culture_task):
    client.force_login(carol)
    body = client.get(f"/api/plans/{culture_task.group.plan_id}").json()
    task = body["groups"][0]["tasks"][0]
    assert body["groups"][0]["dimension"] == "2"
    assert task["lead_code"] == "T-QLVH"


def test_lead_unit_records_progress_through_the_api(client, bob, culture_task):
    client.force_login(bob)
    response = client.post(
        f"/api/tasks/{culture_task.pk}/progress",
        data=json.dumps({"progress": 40, "note": "Đang làm", "links": ["https://example.org/a"]}),
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    assert response.json()["progress"] == 40
    assert culture_task.evidence.get().url == "https://example.org/a"


def test_another_units_staff_gets_403_and_nothing_changes(client, carol, culture_task):
    client.force_login(carol)
    response = client.post(
        f"/api/tasks/{culture_task.pk}/progress",
        data=json.dumps({"progress": 90}),
        content_type="application/json",
    )
    assert response.status_code == 403
    culture_task.refresh_from_db()
    assert culture_task.progress == 0


def test_writes_need_a_signed_in_user(client, culture_task):
    response = client.post(
        f"/api/tasks/{culture_task.pk}/progress",
        data=json.dumps({"progress": 90}),
        content_type="application/json",
    )
    assert response.status_code == 401


def test_bad_progress_is_a_400_naming_the_field(client, bob, culture_task):
    client.force_login(bob)
    response = client.post(
        f"/api/tasks/{culture_task.pk}/progress",
        data=json.dumps({"progress": 50, "status": "finished"}),
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "status" in response.json()["detail"]


def test_manager_imports_a_plan_by_upload(client, alice, department):
    client.force_login(alice)
    upload = SimpleUploadedFile(REAL_PLAN.name, REAL_PLAN.read_bytes(), "text/plain")
    response = client.post(
        "/api/plans/import", {"agency": department.code, "file": upload, "dry_run": "true"}
    )
    assert response.status_code == 200, response.content
    assert sum(len(g["tasks"]) for g in response.json()["groups"]) == 23
    assert not Plan.objects.exists()


def test_unit_head_may_not_import_plans(client, bob, department):
    client.force_login(bob)
    upload = SimpleUploadedFile(REAL_PLAN.name, REAL_PLAN.read_bytes(), "text/plain")
    response = client.post("/api/plans/import", {"agency": department.code, "file": upload})
    assert response.status_code == 403
    assert not Plan.objects.exists()


def test_a_broken_upload_is_a_400_with_a_message(client, alice, department):
    client.force_login(alice)
    upload = SimpleUploadedFile("hong.pdf", b"%PDF-1.4 junk", "application/pdf")
    response = client.post("/api/plans/import", {"agency": department.code, "file": upload})
    assert response.status_code == 400
    assert "hong.pdf" in response.json()["detail"]


def test_a_csv_upload_is_a_400_naming_the_accepted_types(client, alice, department):
    client.force_login(alice)
    upload = SimpleUploadedFile("ke-hoach.csv", REAL_PLAN.read_bytes(), "text/csv")
    response = client.post("/api/plans/import", {"agency": department.code, "file": upload})
    assert response.status_code == 400
    detail = response.json()["detail"]
    assert "ke-hoach.csv" in detail and ".txt, .md, .docx, .pdf" in detail
    assert not Plan.objects.exists()


def test_a_url_no_operation_matches_is_a_json_404(client):
    # Found by the fuzz (test_fuzz.py): a framework code holding "/" reaches no route, and
    # Django's bare HTML page came back instead of the API's {"detail": ...}.
    response = client.get("/api/frameworks/a%2Fb/dimensions")
    assert response.status_code == 404
    assert "detail" in response.json()


def test_a_multipart_body_without_a_boundary_is_a_400_naming_it(client, alice):
    client.force_login(alice)
    response = client.post("/api/plans/import", b"x", content_type="multipart/form-data")
    assert response.status_code == 400
    assert "multipart" in response.json()["detail"]


def test_a_nul_in_an_upload_form_field_is_a_400_naming_it(client, alice):
    # PostgreSQL cannot compare text holding NUL: the agency's lookup failed with a 500.
    client.force_login(alice)
    upload = SimpleUploadedFile("ke-hoach.txt", b"x")
    response = client.post("/api/plans/import", {"agency": "T-DEPT\x00", "file": upload})
    assert response.status_code == 400
    assert "agency" in response.json()["detail"]
