"""The desk's forms as Circular 03/2025/TT-VPCP words them (Decree 118/2025/NĐ-CP), the
register of dossiers, the exports and the printed history: each file reopened."""

import io

import pytest
import time_machine
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from quantri.dossiers import services
from quantri.dossiers.models import DeskLetter, Dossier, ReceivingBody, State
from quantri.dossiers.tests.conftest import register

CENTRE = "Trung tâm Phục vụ hành chính công tỉnh Thử Nghiệm – Chi nhánh số 2"


@pytest.fixture(autouse=True)
def monday_16_march():
    with time_machine.travel("2026-03-16 08:00 +0700", tick=False):
        yield


@pytest.fixture
def dossier(procedure, department):
    return register(
        procedure,
        department,
        applicant_phone="0912 345 678",
        applicant_address="Số 5 đường Lê Lợi",
    )


def _text(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def _flat(text: str) -> str:
    """The header wraps the body's name over lines: compare the words."""
    return " ".join(text.split())


def test_the_receipt_names_the_centre_cites_the_circular_and_reaches_the_applicant(
    client, alice, dossier, department
):
    ReceivingBody.objects.create(
        agency=department, name=CENTRE, parent_name="Ủy ban nhân dân tỉnh Thử Nghiệm"
    )
    client.force_login(alice)
    text = _text(client.get(reverse("dossiers:receipt", args=[dossier.pk])).content)
    assert CENTRE.upper() in _flat(text) and f"{CENTRE} tiếp nhận hồ sơ của:" in text
    assert "Mẫu số 01" in text and "03/2025/TT-VPCP" in text and "118/2025/NĐ-CP" in text
    assert "0912 345 678" in text and "Số 5 đường Lê Lợi" in text
    assert "không kể ngày tiếp nhận hồ sơ" in text


def test_without_a_centre_the_forms_name_the_agencys_one_stop_desk(client, alice, dossier):
    client.force_login(alice)
    text = _text(client.get(reverse("dossiers:control_slip", args=[dossier.pk])).content)
    assert f"Bộ phận Một cửa – {dossier.agency.name}".upper() in _flat(text) and "Mẫu số 06" in text


def test_the_stop_notice_stops_the_dossier_and_is_printed_again_as_issued(client, alice, dossier):
    client.force_login(alice)
    url = reverse("dossiers:stop_notice", args=[dossier.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"text": "Công dân đề nghị dừng giải quyết"})
    text = _text(response.content)
    assert "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ" in text and "Mẫu số 05" in text
    assert "Công dân đề nghị dừng giải quyết" in text
    dossier.refresh_from_db()
    assert dossier.state == State.STOPPED
    letter = DeskLetter.objects.get(dossier=dossier, kind="stop_notice")
    again = client.get(reverse("dossiers:letter", args=[dossier.pk, letter.pk]))
    assert "Công dân đề nghị dừng giải quyết" in _text(again.content)
    # Stopped: no second notice.
    assert client.get(url).status_code == 404


def test_a_stop_notice_needs_a_reason_and_changes_nothing_without(dossier):
    with pytest.raises(Exception, match="why"):
        services.dossier_stop(dossier=dossier, user=None, reason="  ")
    dossier.refresh_from_db()
    assert dossier.state == State.RECEIVED


@pytest.mark.parametrize(
    ("name", "number", "title"),
    [
        ("additional_request", 2, "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ"),
        ("refusal", 3, "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ"),
        ("apology", 4, "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT"),
    ],
)
def test_every_letter_carries_its_form_number(client, alice, dossier, name, number, title):
    client.force_login(alice)
    data = {"new_due": "18/03/2026"} if name == "apology" else {"text": "Bản sao CCCD"}
    text = _text(client.post(reverse(f"dossiers:{name}", args=[dossier.pk]), data).content)
    assert title in text and f"Mẫu số {number:02d}" in text


def test_the_register_of_dossiers_lists_the_months_dossiers(client, alice, dossier, erin):
    client.force_login(alice)
    response = client.get(
        reverse("dossiers:logbook"), {"agency": dossier.agency.pk, "month": "2026-03"}
    )
    document = Document(io.BytesIO(response.content))
    text = _text(response.content)
    assert "SỔ THEO DÕI HỒ SƠ" in text and "Mẫu số 07" in text
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "TT")
    assert table.rows[0].cells[1].text == "Mã hồ sơ"
    row = [cell.text for cell in table.rows[1].cells]
    assert row[1] == dossier.code and row[6] == "10/03/2026" and row[7] == "13/03/2026"
    assert "0912 345 678" in row[4]
    client.force_login(erin)  # another department's office: not this agency's register
    other = client.get(reverse("dossiers:logbook"), {"agency": dossier.agency.pk})
    assert other.status_code == 404


def test_the_dossier_list_exports_with_its_filters_dates_and_vietnamese_headers(
    client, alice, march
):
    client.force_login(alice)
    query = {"month": "2026-03", "figure": "processed_late"}
    response = client.get(reverse("dossiers:list_xlsx"), query)
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["A2"].value == "Mã hồ sơ" and sheet["F2"].value == "Ngày nhận"
    rows = list(sheet.iter_rows(min_row=3, values_only=True))
    assert len(rows) == 1  # only the late one, as on the list page
    assert sheet["F3"].number_format == "dd/mm/yyyy hh:mm"
    assert sheet["F3"].value.strftime("%d/%m/%Y") == "10/03/2026"
    assert rows[0][0] == march_late_code(march)
    assert "Nguyễn Văn An" not in str(rows)  # no personal data in exports


def march_late_code(procedure) -> str:
    return procedure.dossiers.get(outcome="late").code


def test_the_dashboard_figures_export_by_unit_and_procedure(client, alice, march, culture_unit):
    client.force_login(alice)
    response = client.get(reverse("dossiers:figures_xlsx"), {"month": "2026-03"})
    book = load_workbook(io.BytesIO(response.content))
    units = book["Theo đơn vị"]
    assert units["A2"].value == "Đơn vị giải quyết" and units["B2"].value == "Đã tiếp nhận"
    by_name = {row[0]: row for row in units.iter_rows(min_row=3, values_only=True)}
    assert by_name[culture_unit.name][1] == 2
    assert book["Theo thủ tục"]["A2"].value == "Mã thủ tục"


def test_the_history_prints_on_a_page_of_its_own(client, alice, dossier, erin):
    client.force_login(alice)
    url = reverse("dossiers:history_print", args=[dossier.pk])
    html = client.get(url).content.decode()
    assert dossier.code in html and "@media print" in html and "<nav" not in html
    client.force_login(erin)
    assert client.get(url).status_code == 403


def test_the_intake_form_asks_for_the_phone_and_address(client, alice, procedure, department):
    client.force_login(alice)
    data = {
        "agency": department.pk,
        "procedure": procedure.pk,
        "applicant_name": "Đỗ Thị Mai",
        "channel": "desk",
        "applicant_phone": "gọi tôi",
    }
    response = client.post(reverse("dossiers:register"), data)
    assert response.status_code == 200
    form = response.context["form"]
    assert "applicant_phone" in form.errors and "applicant_address" in form.errors


def test_desk_codes_follow_one_format_numbered_by_the_day(procedure, department):
    first = register(procedure, department)
    second = register(procedure, department)
    prefix = f"{department.code.upper()}-260310-"
    assert (first.code, second.code) == (f"{prefix}0001", f"{prefix}0002")
    # A code the import brought with another ending does not disturb the numbering, and a
    # code typed in lower case is the same code.
    register(procedure, department, code=f"{prefix.lower()}ab12cd")
    assert register(procedure, department).code == f"{prefix}0003"
    assert Dossier.objects.filter(code=f"{prefix}AB12CD").exists()
