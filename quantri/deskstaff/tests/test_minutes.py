"""The minutes of a periodic check as a DOCX, reopened: the officer, the period, the figures the
check recorded and the assessment with its reasons; for the officer's managers and the officer,
not for another officer or the board."""

import datetime
import io

import docx
import pytest
from django.urls import reverse

from quantri.deskstaff import services
from quantri.deskstaff.tests.test_views import lans_dossiers  # noqa: F401

pytestmark = pytest.mark.django_db


def _text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


@pytest.fixture
def check(alice, lan, department, lans_dossiers):  # noqa: F811
    return services.check_record(
        user=alice,
        person=lan,
        agency=department,
        period_start=datetime.date(2026, 3, 1),
        period_end=datetime.date(2026, 3, 31),
        assessment="does_not_meet",
        reasons="Một hồ sơ trả kết quả trễ hạn chưa có phiếu xin lỗi.",
    )


def _minutes(client, user, check):
    client.force_login(user)
    return client.get(reverse("deskstaff:check_minutes", args=[check.pk]))


def test_the_minutes_carry_the_recorded_figures_and_the_assessment(client, alice, check):
    response = _minutes(client, alice, check)
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.docx"')
    text = _text(docx.Document(io.BytesIO(response.content)))
    assert "BIÊN BẢN" in text
    assert "/BB-" in text
    assert "Ngô Thị Lan" in text
    assert "từ ngày 01/03/2026 đến ngày 31/03/2026" in text
    assert "Không đáp ứng yêu cầu" in text
    assert check.reasons in text
    [table] = [
        t
        for t in docx.Document(io.BytesIO(response.content)).tables
        if t.rows[0].cells[1].text == "Chỉ tiêu"
    ]
    rows = {row.cells[1].text: row.cells[2].text for row in table.rows[1:]}
    assert rows["Hồ sơ tiếp nhận"] == str(check.figures["received"]) == "2"
    assert rows["Tỷ lệ trễ hạn (%)"] == "100,0"


def test_the_officer_downloads_the_minutes_of_their_own_check(client, lan, check):
    assert _minutes(client, lan, check).status_code == 200


@pytest.mark.parametrize("persona", ["huy", "dave", "bob"])
def test_others_may_not(client, request, persona, check):
    assert _minutes(client, request.getfixturevalue(persona), check).status_code == 403


def test_the_officers_page_links_the_minutes(client, alice, lan, check):
    client.force_login(alice)
    page = client.get(reverse("deskstaff:officer", args=[lan.pk])).content.decode()
    assert reverse("deskstaff:check_minutes", args=[check.pk]) in page
