import pytest
import time_machine
from django.urls import reverse

from quantri.dossiers.models import Dossier
from quantri.dossiers.tests.conftest import local, register


@pytest.fixture(autouse=True)
def may_2026():
    with time_machine.travel("2026-05-01 08:00 +0700", tick=False):
        yield


def test_anonymous_is_sent_to_login(client, department):
    response = client.get(reverse("dossiers:dashboard"))
    assert response.status_code == 302 and "login" in response["Location"]


def test_unit_head_and_inspection_board_are_refused(client, bob, dave):
    for user in (bob, dave):
        client.force_login(user)
        assert client.get(reverse("dossiers:dashboard")).status_code == 403
        assert client.get(reverse("dossiers:register")).status_code == 403


def test_dashboard_shows_the_groups_and_links_each_figure(client, alice, march, department):
    client.force_login(alice)
    response = client.get(
        reverse("dossiers:dashboard"), {"agency": department.pk, "month": "2026-03"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("data-group=") == 6 and "/ 100" in html
    link = f"agency={department.pk}&amp;month=2026-03&amp;figure=processed_late"
    assert link in html
    listing = client.get(
        reverse("dossiers:list"),
        {"agency": department.pk, "month": "2026-03", "figure": "processed_late"},
    )
    late = Dossier.objects.get(outcome="late")
    assert late.code in listing.content.decode()
    assert Dossier.objects.get(outcome="early").code not in listing.content.decode()


def test_another_departments_leader_cannot_pick_or_open_our_dossiers(
    client, erin, march, department
):
    client.force_login(erin)
    response = client.get(reverse("dossiers:dashboard"), {"agency": department.pk})
    assert response.status_code == 404
    dossier = Dossier.objects.first()
    assert client.get(reverse("dossiers:detail", args=[dossier.pk])).status_code == 403
    response = client.post(
        reverse("dossiers:transition", args=[dossier.pk]), {"state": "processing"}
    )
    assert response.status_code == 403


def test_a_bad_month_is_refused_and_an_unknown_figure_is_not_found(client, alice, department):
    client.force_login(alice)
    bad_month = client.get(reverse("dossiers:dashboard"), {"month": "06/2026"})
    assert bad_month.status_code == 400 and "(month=06/2026)" in bad_month.text
    assert client.get(reverse("dossiers:list"), {"figure": "nope"}).status_code == 404


def test_desk_registers_a_dossier_and_sees_its_due_date(client, alice, procedure, department):
    client.force_login(alice)
    with time_machine.travel(local("2026-03-13 16:30"), tick=False):
        response = client.post(
            reverse("dossiers:register"),
            {
                "agency": department.pk,
                "procedure": procedure.pk,
                "applicant_name": "Đỗ Thị Mai",
                "applicant_phone": "0912 345 678",
                "applicant_address": "Số 5, đường Lê Lợi, phường Hiến Nam",
                "channel": "desk",
            },
        )
    dossier = Dossier.objects.get()
    assert dossier.applicant_phone == "0912 345 678"
    assert response.status_code == 302 and dossier.due_at == local("2026-03-18 17:00")
    page = client.get(response["Location"]).content.decode()
    assert "18/03/2026 17:00" in page and "Đỗ Thị Mai" in page


def test_register_form_refuses_missing_applicant(client, alice, procedure, department):
    client.force_login(alice)
    response = client.post(
        reverse("dossiers:register"),
        {"agency": department.pk, "procedure": procedure.pk, "channel": "desk"},
    )
    assert response.status_code == 200 and not Dossier.objects.exists()


def test_state_actions_move_the_dossier(client, alice, procedure, department):
    client.force_login(alice)
    dossier = register(procedure, department)
    url = reverse("dossiers:transition", args=[dossier.pk])
    client.post(url, {"state": "processing"})
    client.post(url, {"state": "returned"})  # not allowed from processing: refused
    dossier.refresh_from_db()
    assert dossier.state == "processing"


def test_transition_needs_post(client, alice, procedure, department):
    client.force_login(alice)
    dossier = register(procedure, department)
    assert client.get(reverse("dossiers:transition", args=[dossier.pk])).status_code == 405


@pytest.mark.parametrize("user_fixture", ["alice"])
def test_nav_entry_for_managers(client, request, user_fixture, department):
    client.force_login(request.getfixturevalue(user_fixture))
    html = client.get(reverse("dossiers:dashboard")).content.decode()
    assert reverse("dossiers:dashboard") in html


def test_receipt_docx_reopens_with_the_code_applicant_and_appointment(
    client, alice, procedure, department, erin
):
    import io

    from docx import Document

    dossier = register(procedure, department, received_at=local("2026-03-13 16:30"))
    client.force_login(alice)
    response = client.get(reverse("dossiers:receipt", args=[dossier.pk]))
    assert response.status_code == 200
    assert dossier.code in response["Content-Disposition"]
    document = Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" in text
    assert dossier.code in text and "Nguyễn Văn An" in text
    assert "17 giờ 00 phút, ngày 18/03/2026" in text  # paper, after the cut-off
    client.force_login(erin)
    assert client.get(reverse("dossiers:receipt", args=[dossier.pk])).status_code == 403


@time_machine.travel("2026-05-01 08:00 +0700", tick=False)
def test_dashboard_narrows_to_the_dossiers_a_unit_handles(
    client, alice, erin, march, department, culture_unit
):
    client.force_login(alice)
    url = f"/dossiers/?unit={culture_unit.pk}&month=2026-03"
    html = client.get(url).content.decode()
    # march: two dossiers handled by the culture unit, one by the department itself
    assert 'data-figure="received">2<' in html and f'data-unit="{culture_unit.pk}"' in html
    listing = client.get(f"/dossiers/list/?unit={culture_unit.pk}&month=2026-03&figure=received")
    assert len(listing.context["page"].object_list) == 2
    whole = client.get("/dossiers/?month=2026-03").content.decode()
    assert 'data-figure="received">3<' in whole
    client.force_login(erin)  # another department: not hers
    assert client.get(url).status_code == 404


def test_the_desk_finds_a_dossier_by_code_or_id_number_in_its_own_agencies(
    client, alice, erin, procedure, department
):
    one = register(procedure, department, code="SVH-260310-AB12CD", applicant_id="034090001234")
    register(procedure, department, code="SVH-260310-AB99EF", applicant_id="034090001234")
    client.force_login(alice)
    response = client.get("/dossiers/find/?q=SVH-260310-AB12CD")
    assert response.status_code == 302 and response["Location"] == f"/dossiers/{one.pk}/"
    both = client.get("/dossiers/find/?q=034090001234")
    assert len(both.context["found"]) == 2
    assert len(client.get("/dossiers/find/?q=svh-260310-ab").context["found"]) == 2
    assert client.get("/dossiers/find/?q=nope").context["found"] == []
    client.force_login(erin)  # another department: finds nothing of alice's
    assert client.get("/dossiers/find/?q=034090001234").context["found"] == []
