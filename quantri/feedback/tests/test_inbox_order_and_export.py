"""The inbox in the order work is due (issue 16.6): open items by deadline, the nearest first,
answered and closed ones after them; and the same list as an XLSX with its filters (16.5)."""

import datetime
import io

import pytest
import time_machine
from django.urls import reverse
from openpyxl import load_workbook

from quantri.feedback.models import Feedback, FeedbackStatus
from quantri.feedback.tests.factories import submit

pytestmark = pytest.mark.django_db
S = FeedbackStatus


def _received(on: datetime.date, category, text: str) -> Feedback:
    with time_machine.travel(datetime.datetime.combine(on, datetime.time(9)), tick=False):
        return submit(category, text=text)


@pytest.fixture
def month_of_items(advertising):
    """An old item already answered, an old one still open (overdue) and a new one."""
    old_answered = _received(datetime.date(2026, 3, 2), advertising, "Đã trả lời từ lâu.")
    Feedback.objects.filter(pk=old_answered.pk).update(status=S.ANSWERED)
    overdue = _received(datetime.date(2026, 3, 3), advertising, "Còn mở, quá hạn.")
    new = _received(datetime.date(2026, 4, 20), advertising, "Mới nhận hôm nay.")
    closed = _received(datetime.date(2026, 3, 1), advertising, "Đã đóng.")
    Feedback.objects.filter(pk=closed.pk).update(status=S.CLOSED)
    return {"old_answered": old_answered, "overdue": overdue, "new": new, "closed": closed}


@time_machine.travel(datetime.datetime(2026, 4, 20, 15), tick=False)
def test_open_items_come_first_by_deadline_and_closed_ones_after(client, alice, month_of_items):
    client.force_login(alice)
    page = client.get(reverse("feedback:inbox")).context["page"]
    codes = [item.code for item in page]
    items = month_of_items
    assert codes[:2] == [items["overdue"].code, items["new"].code]
    assert set(codes[2:]) == {items["old_answered"].code, items["closed"].code}


@time_machine.travel(datetime.datetime(2026, 4, 20, 15), tick=False)
def test_the_api_lists_the_inbox_in_the_same_order(client, alice, month_of_items):
    client.force_login(alice)
    codes = [row["code"] for row in client.get("/api/feedback").json()]
    assert codes[:2] == [month_of_items["overdue"].code, month_of_items["new"].code]


@time_machine.travel(datetime.datetime(2026, 4, 20, 15), tick=False)
def test_the_inbox_downloads_as_a_workbook_with_its_filters(client, alice, month_of_items):
    client.force_login(alice)
    response = client.get(reverse("feedback:inbox"), {"status": "open", "format": "xlsx"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["A3"].value == "Mã"
    assert [sheet.cell(3, c).value for c in range(5, 7)] == ["Ngày nhận", "Thời hạn"]
    codes = [sheet.cell(row, 1).value for row in range(4, sheet.max_row + 1)]
    assert codes == [month_of_items["overdue"].code, month_of_items["new"].code]
    received = sheet.cell(5, 5)
    assert received.value.date() == datetime.date(2026, 4, 20)
    assert received.number_format == "DD/MM/YYYY"


def test_text_a_citizen_typed_never_becomes_a_formula(client, alice, advertising):
    submit(advertising, text='=HYPERLINK("http://x.example","bấm vào")')
    client.force_login(alice)
    response = client.get(reverse("feedback:inbox"), {"format": "xlsx"})
    cell = load_workbook(io.BytesIO(response.content)).active.cell(4, 7)
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")
