"""The administrator's pages: scope, units, people and roles, the upload with its preview, and
the history the People's Inspection Board reads."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from quantri.orgs.example_data import DEPARTMENT, EXAMPLE_FILE
from quantri.orgs.models import Agency, AgencyKind, Membership, Role
from quantri.testing.factories import AgencyFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def department(example_department):
    return example_department


@pytest.fixture
def office(department):
    return AgencyFactory(
        code="STP-HY-VP", kind=AgencyKind.OFFICE, name="Văn phòng Sở", parent=department
    )


@pytest.fixture
def other_department(department):
    """Charlie's: another department of the same province."""
    return AgencyFactory(
        code="SYT-HY", kind=AgencyKind.DEPARTMENT, name="Sở Y tế", parent=department.parent
    )


def _member(username, agency, role):
    user = UserFactory(username=username)
    MembershipFactory(user=user, agency=agency, role=role)
    return user


@pytest.fixture
def alice(client, department):
    """The department's administrator, signed in."""
    user = _member("alice", department, Role.ADMIN)
    client.force_login(user)
    return user


def test_a_leader_has_no_organisation_pages(client, department):
    client.force_login(_member("bob", department, Role.LEADER))

    assert client.get(reverse("orgs:tree")).status_code == 403
    assert client.get(reverse("orgs:people")).status_code == 403


def test_the_tree_shows_the_administrators_units_and_not_another_departments(
    client, alice, office, other_department
):
    page = client.get(reverse("orgs:tree")).content.decode()

    assert "Văn phòng Sở" in page and "Sở Tư pháp" in page
    assert "Sở Y tế" not in page
    assert client.get(reverse("orgs:unit_detail", args=[other_department.pk])).status_code == 404


def test_an_administrator_creates_renames_and_moves_a_unit_with_reasons(client, alice, office):
    response = client.post(
        reverse("orgs:unit_new"),
        {
            "code": "STP-HY-MC",
            "name": "Bộ phận Một cửa",
            "kind": "specialised",
            "parent": office.department_id
            if hasattr(office, "department_id")
            else office.parent_id,
        },
    )
    unit = Agency.objects.get(code="STP-HY-MC")
    assert response.status_code == 302 and unit.parent_id == office.parent_id

    client.post(
        reverse("orgs:unit_rename", args=[unit.pk]),
        {
            "name": "Bộ phận Tiếp nhận và Trả kết quả",
            "short_name": "Một cửa",
            "reason": "Quyết định 12/QĐ-STP",
        },
    )
    client.post(
        reverse("orgs:unit_move", args=[unit.pk]), {"parent": office.pk, "reason": "Sắp xếp lại"}
    )

    unit.refresh_from_db()
    assert unit.name == "Bộ phận Tiếp nhận và Trả kết quả" and unit.parent == office
    assert "Bộ phận Một cửa" in unit.aliases  # old documents still match it
    latest = unit.history.order_by("-history_date").first()
    assert latest.history_user == alice and latest.history_change_reason.endswith("Sắp xếp lại")


def test_a_unit_cannot_be_moved_under_its_own_unit(client, alice, office):
    desk = AgencyFactory(code="STP-HY-MC", parent=office, name="Bộ phận Một cửa")

    response = client.post(
        reverse("orgs:unit_move", args=[office.pk]), {"parent": desk.pk, "reason": "thử"}
    )

    assert response.status_code == 400
    assert "Không thể đặt một đơn vị trực thuộc chính nó" in response.content.decode()
    office.refresh_from_db()
    assert office.parent.code == DEPARTMENT


def test_a_rename_without_a_reason_is_refused(client, alice, office):
    response = client.post(
        reverse("orgs:unit_rename", args=[office.pk]), {"name": "Văn phòng", "reason": ""}
    )

    assert response.status_code == 400
    office.refresh_from_db()
    assert office.name == "Văn phòng Sở"


def test_an_administrator_creates_an_account_with_a_role(client, alice, office):
    response = client.post(
        reverse("orgs:person_new"),
        {
            "full_name": "Nguyễn Thị Thu Hà",
            "email": "Ha.NTT@sotuphap.hungyen.gov.vn",
            "unit": office.pk,
            "role": Role.STAFF,
            "valid_from": "2026-01-05",
        },
    )

    person = get_user_model().objects.get(username="ha.ntt@sotuphap.hungyen.gov.vn")
    assert response.status_code == 302
    assert (person.last_name, person.first_name) == ("Nguyễn Thị Thu", "Hà")
    assert not person.has_usable_password()
    role = Membership.objects.get(user=person)
    assert (role.agency, role.role, role.valid_from) == (
        office,
        Role.STAFF,
        datetime.date(2026, 1, 5),
    )


def test_an_account_on_another_departments_staff_is_refused(
    client, alice, office, other_department
):
    _member("nurse@syt.hungyen.gov.vn", other_department, Role.STAFF)

    response = client.post(
        reverse("orgs:person_new"),
        {
            "full_name": "Lê Văn Y",
            "email": "nurse@syt.hungyen.gov.vn",
            "unit": office.pk,
            "role": Role.STAFF,
            "valid_from": "2026-01-05",
        },
    )

    assert response.status_code == 200
    assert "thuộc nhân sự của cơ quan khác" in response.content.decode()
    assert not Membership.objects.filter(agency=office).exists()


def test_a_role_is_withdrawn_on_a_day_with_a_reason_and_kept(client, alice, office):
    bob = _member("bob", office, Role.STAFF)
    role = bob.memberships.get()

    response = client.post(
        reverse("orgs:role_withdraw", args=[role.pk]),
        {"valid_to": "2026-03-01", "reason": "Nghỉ hưu"},
    )

    role.refresh_from_db()
    assert response.status_code == 302 and role.valid_to == datetime.date(2026, 3, 1)
    latest = role.history.latest()
    assert latest.history_user == alice and latest.history_change_reason.endswith("— Nghỉ hưu")


def test_an_administrator_cannot_withdraw_a_role_in_another_department(
    client, alice, other_department
):
    role = _member("charlie", other_department, Role.ADMIN).memberships.get()

    response = client.post(
        reverse("orgs:role_withdraw", args=[role.pk]), {"valid_to": "2026-03-01", "reason": "x"}
    )

    assert response.status_code == 404
    role.refresh_from_db()
    assert role.valid_to is None


def test_people_are_searched_without_diacritics(client, alice, office):
    ha = _member("ha@stp.vn", office, Role.STAFF)
    ha.last_name, ha.first_name = "Nguyễn Thị Thu", "Hà"
    ha.save()
    _member("dung@stp.vn", office, Role.STAFF)

    page = client.get(reverse("orgs:people"), {"q": "nguyen thi thu ha"}).content.decode()

    assert "ha@stp.vn" in page and "dung@stp.vn" not in page


def test_the_upload_previews_then_saves_on_confirmation(client, alice, department):
    with EXAMPLE_FILE.open("rb") as workbook:
        preview = client.post(reverse("orgs:import"), {"file": workbook})

    assert preview.status_code == 200
    assert len(preview.context["report"].units["created"]) == 12
    assert not Agency.objects.filter(code="STP-HY-VP").exists()

    confirmed = client.post(
        reverse("orgs:import"), {"confirm": "1", "token": preview.context["token"]}
    )

    assert confirmed.status_code == 302
    assert Agency.objects.filter(code__startswith="STP-HY-").count() == 12
    assert (
        get_user_model().objects.filter(username__endswith="@sotuphap.hungyen.gov.vn").count() == 40
    )


def test_the_template_downloads_with_both_sheets(client, alice):
    from io import BytesIO

    from openpyxl import load_workbook

    response = client.get(reverse("orgs:template"))

    book = load_workbook(BytesIO(response.content))
    assert book.sheetnames == ["Đơn vị", "Nhân sự"]  # the reader's language
    assert [c.value for c in book["Nhân sự"][1]][:2] == ["Họ và tên", "E-mail"]


def test_the_inspection_board_reads_the_history_and_changes_nothing(client, department, office):
    admin = _member("alice", department, Role.ADMIN)
    client.force_login(admin)
    client.post(
        reverse("orgs:unit_rename", args=[office.pk]),
        {"name": "Văn phòng Sở Tư pháp", "reason": "Theo Quyết định 5/QĐ-UBND"},
    )
    client.force_login(_member("board", department, Role.INSPECTION_BOARD))

    page = client.get(reverse("orgs:history")).content.decode()

    assert "Theo Quyết định 5/QĐ-UBND" in page and "Văn phòng Sở Tư pháp" in page
    assert client.get(reverse("orgs:tree")).status_code == 403


def test_the_person_page_invites_and_deactivates_through_the_accounts_rules(
    client, alice, office, mailoutbox
):
    """The organisation pages carry the accounts app's actions: a new account is invited from
    the person page, and deactivating it there ends the account."""
    newcomer = get_user_model().objects.create_user(
        username="mai@stp.example.vn",
        email="mai@stp.example.vn",
        last_name="Đặng Thị",
        first_name="Mai",
    )
    newcomer.set_unusable_password()
    newcomer.save()
    MembershipFactory(user=newcomer, agency=office, role=Role.STAFF)
    page = client.get(reverse("orgs:person_detail", args=[newcomer.pk])).content.decode()
    invite = reverse("accounts:invite_again", args=[newcomer.pk])
    deactivate = reverse("accounts:deactivate", args=[newcomer.pk])
    assert invite in page and deactivate in page

    client.post(invite)
    assert [m.to for m in mailoutbox] == [["mai@stp.example.vn"]]
    client.post(deactivate)
    newcomer.refresh_from_db()
    assert not newcomer.is_active


def _import(client, content: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("to-chuc.xlsx", content)
    preview = client.post(reverse("orgs:import"), {"file": upload})
    assert preview.status_code == 200 and preview.context["token"]
    return client.post(reverse("orgs:import"), {"confirm": "1", "token": preview.context["token"]})


def test_units_and_roles_missing_from_a_new_file_are_closed_in_one_action(
    client, alice, department
):
    from quantri.orgs.example_data import example_rows
    from quantri.orgs.importing.workbook import write_workbook

    _import(client, EXAMPLE_FILE.read_bytes())
    rows = example_rows()
    rows["units"] = [u for u in rows["units"] if u["code"] != "STP-HY-DGTS"]
    rows["people"] = [p for p in rows["people"] if p["unit"] != "STP-HY-DGTS"]

    confirmed = _import(client, write_workbook(rows))
    listed = client.get(reverse("orgs:import_close")).content.decode()
    # The file's roles start on the day they are imported: the unit closes the day after.
    day = timezone.localdate() + datetime.timedelta(days=1)
    closed = client.post(
        reverse("orgs:import_close"), {"valid_to": day.isoformat(), "reason": "Giải thể trung tâm"}
    )

    assert confirmed.url == reverse("orgs:import_close")
    assert "Trung tâm Dịch vụ đấu giá tài sản" in listed and "Cao Văn Dũng" in listed
    assert closed.status_code == 302
    auction = Agency.objects.get(code="STP-HY-DGTS")
    assert auction.valid_to == day
    roles = Membership.objects.filter(agency=auction)
    assert roles.count() == 3 and all(m.valid_to == day for m in roles)
    assert auction.history.latest().history_change_reason.endswith("Giải thể trung tâm")
    assert Agency.objects.get(code="STP-HY-CC1").valid_to is None


def test_closing_all_listed_needs_a_reason_and_then_closes_nothing(client, alice, department):
    from quantri.orgs.example_data import example_rows
    from quantri.orgs.importing.workbook import write_workbook

    _import(client, EXAMPLE_FILE.read_bytes())
    rows = example_rows()
    rows["people"] = [p for p in rows["people"] if p["unit"] != "STP-HY-CC2"]
    _import(client, write_workbook(rows))

    refused = client.post(reverse("orgs:import_close"), {"valid_to": "2026-12-01", "reason": ""})

    assert refused.status_code == 400
    assert not Membership.objects.filter(agency__code="STP-HY-CC2", valid_to__isnull=False)
