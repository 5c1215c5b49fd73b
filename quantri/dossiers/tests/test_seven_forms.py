"""Issue 15, "Done when": the desk makes all seven forms of Circular 03/2025/TT-VPCP, Phụ lục I
(Mẫu số 01–07), as DOCX and, where LibreOffice is installed, as PDF; each file is reopened and
read back for its title (as the appendix lists it, slips.SOURCES) and its form number."""

import datetime
import io

import pytest
import time_machine
from docx import Document
from pypdf import PdfReader

from quantri.documents.pdf import docx_to_pdf, soffice_path
from quantri.dossiers import desk_slips, logbook, slips
from quantri.dossiers.tests.conftest import register

# The titles of Phụ lục I as the appendix lists them, form by form.
TITLES = {
    1: "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
    2: "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
    3: "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
    4: "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT",
    5: "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ",
    6: "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
    7: "SỔ THEO DÕI HỒ SƠ",
}


@pytest.fixture(autouse=True)
def monday_16_march():
    with time_machine.travel("2026-03-16 08:00 +0700", tick=False):
        yield


@pytest.fixture
def forms(procedure, department) -> dict[int, bytes]:
    dossier = register(procedure, department)
    march = (datetime.date(2026, 3, 1), datetime.date(2026, 3, 31))
    return {
        1: slips.receipt_docx(dossier),
        2: desk_slips.additional_request_docx(dossier, items="Bản sao Giấy chứng nhận"),
        3: desk_slips.refusal_docx(dossier, reason="Không thuộc thẩm quyền"),
        4: desk_slips.apology_docx(dossier, new_due=datetime.date(2026, 3, 20)),
        5: desk_slips.stop_notice_docx(dossier, reason="Công dân đề nghị dừng"),
        6: desk_slips.control_slip_docx(dossier),
        7: logbook.logbook_docx(department, [dossier], first=march[0], last=march[1]),
    }


def _words(text: str) -> str:
    return " ".join(text.split())


def docx_text(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return _words("\n".join(parts))


def test_the_seven_forms_as_docx_carry_their_titles_and_numbers(forms):
    assert sorted(forms) == list(range(1, 8))
    for number, content in forms.items():
        text = docx_text(content)
        assert TITLES[number] in text, number
        assert f"Mẫu số {number:02d}" in text and "03/2025/TT-VPCP" in text, number


def test_the_apology_asks_to_extend_and_gives_the_new_appointment(forms):
    text = docx_text(forms[4])
    assert "HẸN LẠI NGÀY TRẢ KẾT QUẢ" not in text  # the 2018 title
    assert "gia hạn thời gian giải quyết" in text and "20/03/2026" in text


@pytest.mark.skipif(soffice_path() is None, reason="LibreOffice not installed")
def test_the_seven_forms_as_pdf_carry_their_titles_and_numbers(forms):
    for number, content in forms.items():
        reader = PdfReader(io.BytesIO(docx_to_pdf(content)))
        text = _words("\n".join(page.extract_text() for page in reader.pages))
        assert TITLES[number] in text, number
        assert f"Mẫu số {number:02d}" in text, number
