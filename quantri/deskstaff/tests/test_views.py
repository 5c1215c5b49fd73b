"""Who sees a desk officer's figures (their managers and themself), the office's pages, the
export reopened, and bad input on the forms (a message on the field, nothing saved)."""

import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from quantri.deskstaff.models import DeskAssignment, DeskCheck, Rotation
from quantri.deskstaff.tests.conftest import local
from quantri.dossiers import services as desk
from quantri.dossiers.models import Dossier

pytestmark = pytest.mark.django_db
MARCH = {"start": "01/03/2026", "end": "31/03/2026"}


@pytest.fixture
def lans_dossiers(department, procedure, lan, huy):
    """March 2026: Lan received two, one processed late; Huy handed that one back, satisfied;
    a third dossier has no officer (as if imported)."""
    made = [
        desk.dossier_register(
            procedure=procedure,
            agency=department,
            applicant_name="Nguyễn Văn An",
            channel="desk",
            user=None,
            received_at=local(moment),
        )
        for moment in ("2026-03-02 09:00", "2026-03-03 09:00", "2026-03-04 09:00")
    ]
    Dossier.objects.filter(pk__in=[made[0].pk, made[1].pk]).update(received_by=lan)
    late = made[0]
    desk.dossier_transition(dossier=late, to_state="processing", user=None)
    desk.dossier_transition(
        dossier=late, to_state="processed", user=None, at=local("2026-03-20 10:00")
    )
    desk.dossier_transition(
        dossier=late, to_state="returned", user=None, at=local("2026-03-23 10:00")
    )
    desk.dossier_update_flags(dossier=late, user=None, rating="satisfied")
    Dossier.objects.filter(pk=late.pk).update(returned_by=huy)
    return made


def officer_page(client, user, person):
    client.force_login(user)
    return client.get(reverse("deskstaff:officer", args=[person.pk]), MARCH)


def test_the_office_sees_a_desk_officers_figures(client, alice, lan, lans_dossiers):
    client.force_login(alice)
    response = client.get(reverse("deskstaff:index"), MARCH)
    assert response.status_code == 200
    rows = dict(
        (str(person) if person else None, figures) for person, figures in response.context["rows"]
    )
    assert (rows["lan"].received, rows["lan"].late, rows["lan"].late_share) == (2, 1, 100.0)
    assert (rows["huy"].returned, rows["huy"].satisfied) == (1, 1)
    assert rows[None].received == 1
    assert "Ngô Thị Lan" in response.content.decode()


def test_the_officer_sees_their_own_figures(client, lan, lans_dossiers):
    response = officer_page(client, lan, lan)
    assert response.status_code == 200
    [(agency, figures)] = response.context["figures"]
    assert figures.received == 2


def test_another_officer_does_not_see_them(client, lan, huy, lans_dossiers):
    assert officer_page(client, huy, lan).status_code == 403


@pytest.mark.parametrize("persona", ["bob", "carol", "dave"])
def test_unit_heads_staff_and_the_board_do_not(client, request, lan, persona, lans_dossiers):
    user = request.getfixturevalue(persona)
    assert officer_page(client, user, lan).status_code == 403
    client.force_login(user)
    assert client.get(reverse("deskstaff:index")).status_code == 403
    assert client.get(reverse("deskstaff:figures_xlsx")).status_code == 403


def test_another_departments_leader_sees_only_their_own_desk(client, erin, lan, lans_dossiers):
    assert officer_page(client, erin, lan).status_code == 403
    response = client.get(reverse("deskstaff:index"), MARCH)
    assert response.status_code == 200
    assert response.context["agency"].name == "Sở Y tế"
    assert response.context["rows"] == []


def test_the_export_reopens_with_the_officers_and_the_unknown_row(
    client, alice, lan, lans_dossiers
):
    client.force_login(alice)
    response = client.get(reverse("deskstaff:figures_xlsx"), MARCH)
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["A2"].value == "Từ ngày 01/03/2026 đến ngày 31/03/2026"
    rows = {row[0]: row for row in sheet.iter_rows(min_row=4, values_only=True)}
    assert rows["Ngô Thị Lan"][1:6] == (2, 0, 1, 1, 100.0)
    assert rows["Không rõ người tiếp nhận"][1] == 1


def test_an_overlapping_assignment_gets_a_message_on_the_field(client, alice, lan, body):
    client.force_login(alice)
    response = client.post(
        reverse("deskstaff:assignment_new"),
        {"person": lan.pk, "receiving_body": body.pk, "valid_from": "01/06/2026"},
    )
    assert response.status_code == 400
    assert response.context["form"].errors["valid_from"]
    assert DeskAssignment.objects.filter(person=lan).count() == 1


def test_a_rotation_before_the_start_in_post_gets_a_message_on_the_field(client, alice, lan):
    client.force_login(alice)
    response = client.post(
        reverse("deskstaff:rotation_new"),
        {
            "person": lan.pk,
            "post": "Tiếp nhận hồ sơ",
            "area": "direct_contact",
            "in_post_since": "01/01/2026",
            "period_years": "3",
            "planned_on": "01/12/2025",
        },
    )
    assert response.status_code == 400
    assert "trước ngày bắt đầu giữ vị trí" in response.context["form"].errors["planned_on"][0]
    assert not Rotation.objects.exists()


def test_does_not_meet_without_reasons_gets_a_message_on_the_field(client, alice, lan):
    client.force_login(alice)
    url = reverse("deskstaff:check_new", args=[lan.pk])
    data = {"period_start": "01/03/2026", "period_end": "31/03/2026"}
    response = client.post(url, data | {"assessment": "does_not_meet", "reasons": ""})
    assert response.status_code == 400
    assert response.context["form"].errors["reasons"]
    assert not DeskCheck.objects.exists()
    response = client.post(url, data | {"assessment": "does_not_meet", "reasons": "Chậm trả"})
    assert response.status_code == 302
    assert DeskCheck.objects.get().reasons == "Chậm trả"


def test_the_officer_may_not_check_themself(client, lan):
    client.force_login(lan)
    assert client.get(reverse("deskstaff:check_new", args=[lan.pk])).status_code == 403


def test_overdue_rotations_are_listed(client, alice, lan, department):
    from quantri.deskstaff import services

    services.rotation_plan(
        user=alice,
        person=lan,
        agency=department,
        post="Tiếp nhận hồ sơ",
        in_post_since=datetime.date(2020, 1, 1),
        planned_on=datetime.date(2023, 1, 1),
        period_years=3,
    )
    client.force_login(alice)
    response = client.get(reverse("deskstaff:index"))
    assert [item["rotation"].person for item in response.context["overdue"]] == [lan]
    rotation = Rotation.objects.get()
    client.post(reverse("deskstaff:rotation_done", args=[rotation.pk]), {"done_on": "02/01/2023"})
    response = client.get(reverse("deskstaff:index"))
    assert response.context["overdue"] == []
