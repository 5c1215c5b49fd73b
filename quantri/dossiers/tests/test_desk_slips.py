"""The desk's apology, control slip, request for additional documents and refusal: reopened
with python-docx, and refused to anyone outside the dossier's agency."""

import io

import pytest
import time_machine
from django.urls import reverse
from docx import Document

from quantri.dossiers import services
from quantri.dossiers.tests.conftest import local, register

APPLICANT_ID = "001099012345"


@pytest.fixture(autouse=True)
def monday_16_march():
    # A dossier received on 10/03/2026 with 3 working days is due 13/03/2026 17:00: overdue.
    with time_machine.travel("2026-03-16 08:00 +0700", tick=False):
        yield


@pytest.fixture
def late(procedure, department):
    return register(procedure, department, applicant_id=APPLICANT_ID)


def _text(response) -> str:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    document = Document(io.BytesIO(response.content))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def _rows(response) -> list[list[str]]:
    document = Document(io.BytesIO(response.content))
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "TT")
    return [[cell.text for cell in row.cells] for row in table.rows[1:]]


def test_apology_form_then_docx_with_the_new_appointment(client, alice, late):
    client.force_login(alice)
    url = reverse("dossiers:apology", args=[late.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"new_due": "18/03/2026"})
    text = _text(response)
    assert late.code in response["Content-Disposition"]
    assert "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT" in text and late.code in text
    assert "10/03/2026" in text and "13/03/2026" in text
    assert "Thời gian hẹn trả kết quả mới: ngày 18/03/2026" in text
    assert "Nguyễn Văn An" in text and APPLICANT_ID not in text
    # The head of the agency signs it: the desk officer's name is not put under the title.
    assert "THỦ TRƯỞNG CƠ QUAN" in text and "alice" not in text


@pytest.mark.parametrize(
    "value",
    ["16/03/2026", "21/03/2026", "2026-03-18", "31/02/2026", ""],
    ids=["today", "saturday", "iso", "no-such-day", "empty"],
)
def test_apology_refuses_a_bad_appointment_date(client_en, alice, late, value):
    client_en.force_login(alice)
    response = client_en.post(reverse("dossiers:apology", args=[late.pk]), {"new_due": value})
    assert response.status_code == 200 and "text/html" in response["Content-Type"]
    assert 'class="error"' in response.content.decode()


def test_saturday_is_named_as_not_a_working_day(client_en, alice, late):
    client_en.force_login(alice)
    url = reverse("dossiers:apology", args=[late.pk])
    html = client_en.post(url, {"new_due": "21/03/2026"}).content.decode()
    assert "21/03/2026 is not a working day." in html


def test_apology_only_for_a_late_dossier(client, alice, procedure, department, late):
    client.force_login(alice)
    fresh = register(procedure, department, received_at=local("2026-03-16 07:30"))
    assert client.get(reverse("dossiers:apology", args=[fresh.pk])).status_code == 404
    assert (
        'href="{}"'.format(reverse("dossiers:apology", args=[late.pk]))
        in client.get(reverse("dossiers:detail", args=[late.pk])).content.decode()
    )
    page = client.get(reverse("dossiers:detail", args=[fresh.pk])).content.decode()
    assert reverse("dossiers:apology", args=[fresh.pk]) not in page


def test_apology_for_a_dossier_processed_late(client, alice, late):
    services.dossier_transition(dossier=late, to_state="processing", user=None)
    services.dossier_transition(
        dossier=late, to_state="processed", user=None, at=local("2026-03-16 07:00")
    )
    client.force_login(alice)
    response = client.post(reverse("dossiers:apology", args=[late.pk]), {"new_due": "17/03/2026"})
    assert "ngày 17/03/2026" in _text(response)


def test_control_slip_lists_every_hand_over(client, alice, late, culture_unit, library):
    services.dossier_hand_over(
        dossier=late,
        to_unit=culture_unit,
        user=None,
        result_note="Chuyển thẩm định",
        at=local("2026-03-10 10:15"),
    )
    services.dossier_hand_over(
        dossier=late,
        to_unit=library,
        user=None,
        result_note="Đã thẩm định",
        at=local("2026-03-11 14:05"),
    )
    client.force_login(alice)
    response = client.get(reverse("dossiers:control_slip", args=[late.pk]))
    text = _text(response)
    assert "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ" in text and late.code in text
    assert "10/03/2026" in text and "13/03/2026" in text
    assert _rows(response) == [
        ["1", late.unit.name, culture_unit.name, "10/03/2026 10:15", "Chuyển thẩm định"],
        ["2", culture_unit.name, library.name, "11/03/2026 14:05", "Đã thẩm định"],
    ]
    # It goes around the units: no personal data of the applicant.
    assert "Nguyễn Văn An" not in text and APPLICANT_ID not in text


def test_additional_request_lists_the_items(client, alice, late):
    client.force_login(alice)
    url = reverse("dossiers:additional_request", args=[late.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"text": "Bản sao CCCD\n\n  Sơ đồ mặt bằng  "})
    text = _text(response)
    assert "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ" in text and late.code in text
    assert "Ngày 10/03/2026" in text
    assert "Thử Nghiệm, ngày" in text  # dated at the province's place, not "UBND tỉnh"
    assert _rows(response) == [["1", "Bản sao CCCD"], ["2", "Sơ đồ mặt bằng"]]
    assert "Nguyễn Văn An" in text and APPLICANT_ID not in text


def test_refusal_gives_the_reason(client, alice, late):
    client.force_login(alice)
    url = reverse("dossiers:refusal", args=[late.pk])
    response = client.post(url, {"text": "Không thuộc thẩm quyền giải quyết của Sở"})
    text = _text(response)
    assert "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ" in text and late.code in text
    assert "- Không thuộc thẩm quyền giải quyết của Sở" in text
    assert "Nguyễn Văn An" in text and APPLICANT_ID not in text


def test_blank_items_or_reason_are_refused(client, alice, late):
    client.force_login(alice)
    for name in ("additional_request", "refusal"):
        response = client.post(reverse(f"dossiers:{name}", args=[late.pk]), {"text": "  \n "})
        assert response.status_code == 200 and "text/html" in response["Content-Type"]


def test_no_request_or_refusal_once_processed(client, alice, late):
    services.dossier_transition(dossier=late, to_state="processing", user=None)
    services.dossier_transition(dossier=late, to_state="processed", user=None)
    client.force_login(alice)
    for name in ("additional_request", "refusal"):
        assert client.get(reverse(f"dossiers:{name}", args=[late.pk])).status_code == 404
    page = client.get(reverse("dossiers:detail", args=[late.pk])).content.decode()
    assert reverse("dossiers:refusal", args=[late.pk]) not in page
    assert reverse("dossiers:control_slip", args=[late.pk]) in page


@pytest.mark.parametrize("user_fixture", ["erin", "bob", "dave"])
@pytest.mark.parametrize("name", ["apology", "control_slip", "additional_request", "refusal"])
def test_outsiders_cannot_get_the_slips(client, request, late, user_fixture, name):
    client.force_login(request.getfixturevalue(user_fixture))
    url = reverse(f"dossiers:{name}", args=[late.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"new_due": "18/03/2026", "text": "x"}).status_code == 403


def test_anonymous_is_sent_to_login(client, late):
    response = client.get(reverse("dossiers:control_slip", args=[late.pk]))
    assert response.status_code == 302 and "login" in response["Location"]
