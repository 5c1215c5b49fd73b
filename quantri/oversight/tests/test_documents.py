"""The conclusion as a DOCX in the official layout, reopened; and the oversight figures in
the periodic report's dimension 4 section, on its page and in its DOCX."""

import datetime
import io

import docx
import pytest
from django.urls import reverse

from quantri.oversight.remedy_tasks import remedies_make_tasks
from quantri.reports.tests.conftest import library_task, period, regime  # noqa: F401

pytestmark = pytest.mark.django_db


def _text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def test_the_conclusion_docx_carries_the_findings_violations_and_remedies(client, alice, checked):
    client.force_login(alice)
    response = client.get(reverse("oversight:conclusion_docx", args=[checked.pk]))
    assert response.status_code == 200
    text = _text(docx.Document(io.BytesIO(response.content)))
    assert "KẾT LUẬN" in text
    assert "Số: 02/KL-SVHTTDL" in text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Quyết định số 15/QĐ-SVHTTDL ngày 01/02/2021" in text
    assert "84/2025/QH15" in text
    assert "Xin lỗi khi trả hồ sơ quá hạn" in text
    assert "Nguyễn Văn Hùng" in text and "Lê Văn Dũng" in text  # the violator and the head
    assert "Gửi văn bản xin lỗi người dân" in text and "30/09/2021" in text
    assert "Phòng Quản lý Văn hóa" in text
    assert "ĐỖ VĂN KIÊN" in text.upper()


def test_the_report_shows_the_oversight_figures_under_dimension_4(
    client,
    alice,
    checked,
    ivan,
    period,  # noqa: F811
):
    remedies_make_tasks(inspection=checked, user=ivan)
    client.force_login(alice)
    page = client.get(reverse("reports:consolidation", args=[period.pk]))
    text = page.content.decode()
    assert 'data-dimension-number="4"' in text
    download = client.get(reverse("reports:consolidation_docx", args=[period.pk]))
    document = _text(docx.Document(io.BytesIO(download.content)))
    # The plan has no task group on dimension 4: the lines come as an item of their own.
    assert "Kiểm soát tham nhũng trong khu vực công (chỉ số nội dung 4)" in document
    # 2021-H1: one check concluded (15/03), two violations, one remedy due by 30/06 and overdue.
    lines = [line for line in document.splitlines() if line.startswith("- ")]
    figures = "\n".join(lines)
    assert "1 (0" in figures  # one concluded, none an inspection
    assert ": 2." in figures  # two violations
    assert "0/1 (1" in figures  # remedies due in the window: none done, one overdue
    assert datetime.date(2021, 4, 30) < period.ends_on
