"""Units and people over /api/: the administrator's rules, and bad bodies named by field."""

import hashlib

import pytest

from quantri.orgs.models import Agency, AgencyKind, Membership, Role
from quantri.testing.factories import AgencyFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def department():
    province = AgencyFactory(code="HY", kind=AgencyKind.PROVINCE)
    return AgencyFactory(
        code="STP-HY", kind=AgencyKind.DEPARTMENT, name="Sở Tư pháp", parent=province
    )


@pytest.fixture
def office(department):
    return AgencyFactory(
        code="STP-HY-VP", kind=AgencyKind.OFFICE, name="Văn phòng Sở", parent=department
    )


def _signed_in(client, agency, role, username="alice"):
    user = UserFactory(username=username)
    MembershipFactory(user=user, agency=agency, role=role)
    client.force_login(user)
    return user


def test_an_administrator_creates_a_unit_and_a_person_with_a_role(client, department, office):
    _signed_in(client, department, Role.ADMIN)

    unit = client.post(
        "/api/agencies",
        {
            "code": "STP-HY-MC",
            "name": "Bộ phận Một cửa",
            "kind": "specialised",
            "parent_code": "STP-HY-VP",
        },
        content_type="application/json",
    )
    person = client.post(
        "/api/people",
        {
            "full_name": "Trần Thị Thu Hà",
            "email": "ha.ttt@stp.vn",
            "unit_code": "STP-HY-MC",
            "role": "staff",
            "valid_from": "2026-01-05",
            "reason": "Tuyển dụng",
        },
        content_type="application/json",
    )

    assert unit.status_code == 201 and unit.json()["parent_code"] == "STP-HY-VP"
    assert person.status_code == 201
    assert person.json()["full_name"] == "Trần Thị Thu Hà"
    assert person.json()["roles"][0]["unit_code"] == "STP-HY-MC"
    listed = client.get("/api/people", {"q": "tran thi thu ha"}).json()
    assert [p["email"] for p in listed] == ["ha.ttt@stp.vn"]


def test_a_bad_body_names_the_field(client, department, office):
    _signed_in(client, department, Role.ADMIN)

    missing = client.post("/api/people", {"email": "x@stp.vn"}, content_type="application/json")
    bad_role = client.post(
        "/api/people",
        {"full_name": "Lê Văn A", "email": "a@stp.vn", "unit_code": "STP-HY-VP", "role": "boss"},
        content_type="application/json",
    )
    bad_unit = client.post(
        "/api/people",
        {"full_name": "Lê Văn A", "email": "a@stp.vn", "unit_code": "NOPE", "role": "staff"},
        content_type="application/json",
    )

    assert missing.status_code == 422 and "full_name" in str(missing.json())
    assert bad_role.status_code == 400 and "role" in bad_role.json()["detail"]
    assert bad_unit.status_code == 400 and "unit_code" in bad_unit.json()["detail"]
    assert not Membership.objects.filter(user__username="a@stp.vn").exists()


def test_a_leader_may_not_write_units(client, department, office):
    _signed_in(client, department, Role.LEADER)

    response = client.post(
        "/api/agencies",
        {"code": "X", "name": "X", "kind": "specialised", "parent_code": "STP-HY"},
        content_type="application/json",
    )

    assert response.status_code == 403
    assert not Agency.objects.filter(code="X").exists()


def test_another_departments_administrator_cannot_close_our_unit(client, department, office):
    other = AgencyFactory(code="SYT-HY", kind=AgencyKind.DEPARTMENT, parent=department.parent)
    _signed_in(client, other, Role.ADMIN, username="charlie")

    response = client.post(
        "/api/agencies/STP-HY-VP/close",
        {"valid_to": "2026-07-01", "reason": "x"},
        content_type="application/json",
    )

    assert response.status_code == 404
    office.refresh_from_db()
    assert office.valid_to is None


def test_a_role_ends_on_a_day_through_the_api(client, department, office):
    _signed_in(client, department, Role.ADMIN)
    bob = UserFactory(username="bob")
    role = MembershipFactory(user=bob, agency=office, role=Role.STAFF)

    response = client.post(
        f"/api/memberships/{role.pk}/end",
        {"valid_to": "2026-03-01", "reason": "Chuyển công tác"},
        content_type="application/json",
    )

    assert response.status_code == 200 and response.json()["valid_to"] == "2026-03-01"


# The workbook import -----------------------------------------------------------------------


def _xlsx(content: bytes, name="to-chuc.xlsx"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content)


def test_an_administrator_previews_then_confirms_the_workbook(client, department):
    from quantri.orgs.example_data import EXAMPLE_FILE

    _signed_in(client, department, Role.ADMIN)
    content = EXAMPLE_FILE.read_bytes()

    preview = client.post("/api/org-imports/preview", {"file": _xlsx(content)})

    assert preview.status_code == 200, preview.content
    body = preview.json()
    assert body["saved"] is False and len(body["units"]["created"]) == 12
    assert not Agency.objects.filter(code="STP-HY-VP").exists()

    saved = client.post(
        "/api/org-imports/confirm", {"file": _xlsx(content), "token": body["token"]}
    )

    assert saved.status_code == 200 and saved.json()["saved"] is True
    assert Agency.objects.filter(code__startswith="STP-HY-").count() == 12
    assert Membership.objects.filter(agency__code__startswith="STP-HY").count() >= 40


def test_the_api_names_sheet_row_and_column_and_saves_nothing(client, department):
    from quantri.orgs.example_data import example_rows
    from quantri.orgs.importing.workbook import write_workbook

    _signed_in(client, department, Role.ADMIN)
    rows = example_rows()
    rows["units"][3]["parent"] = "KHONG-CO"
    content = write_workbook(rows)

    preview = client.post("/api/org-imports/preview", {"file": _xlsx(content)})
    token = hashlib.sha256(content).hexdigest()[:16]
    confirm = client.post("/api/org-imports/confirm", {"file": _xlsx(content), "token": token})

    assert preview.status_code == 400 and confirm.status_code == 400
    errors = " ".join(preview.json()["errors"])
    assert "row 5" in errors or "dòng 5" in errors
    assert "KHONG-CO" in errors or "Mã đơn vị cấp trên" in errors
    assert not Agency.objects.filter(code="STP-HY-VP").exists()


def test_a_confirmation_of_another_file_than_the_one_previewed_is_refused(client, department):
    from quantri.orgs.example_data import EXAMPLE_FILE

    _signed_in(client, department, Role.ADMIN)

    response = client.post(
        "/api/org-imports/confirm", {"file": _xlsx(EXAMPLE_FILE.read_bytes()), "token": "0" * 16}
    )

    assert response.status_code == 400
    assert not Agency.objects.filter(code="STP-HY-VP").exists()


def test_only_an_administrator_imports_through_the_api(client, department):
    from quantri.orgs.example_data import EXAMPLE_FILE

    _signed_in(client, department, Role.LEADER, username="bob")

    response = client.post("/api/org-imports/preview", {"file": _xlsx(EXAMPLE_FILE.read_bytes())})

    assert response.status_code == 403
