"""Report requests in the order they are due (issue 16.6) and the period's completeness as
the XLSX the office takes to its meeting (16.5)."""

import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from quantri.reports import services
from quantri.reports.services import TaskReportInput

pytestmark = pytest.mark.django_db
H2_OPEN = datetime.datetime(2021, 12, 1, 9, tzinfo=datetime.UTC)
H2_BEFORE_DEADLINE = datetime.datetime(2021, 12, 16, 9, tzinfo=datetime.UTC)


def _submit(request, user, task):
    report = services.report_save_draft(
        request=request, user=user, tasks=[TaskReportInput(task_id=task.pk, progress=70)]
    )
    return services.report_submit(report=report, user=user)


def test_a_report_still_owed_comes_before_a_newer_one_already_sent(
    client, alice, bob, regime, period, culture_unit, culture_task, travel
):
    """2021-H1 is still owed (its deadline passed); 2021-H2 is already sent: H1 on top."""
    travel(H2_OPEN)
    later = services.period_open(regime=regime, code="2021-H2", user=alice)
    travel(H2_BEFORE_DEADLINE)
    _submit(later.requests.get(unit=culture_unit), bob, culture_task)
    client.force_login(bob)
    rows = list(client.get(reverse("reports:my_reports")).context["requests"])
    assert [row.period.code for row in rows] == ["2021-H1", "2021-H2"]


def test_the_periods_completeness_downloads_as_a_workbook(
    client, alice, period, culture_request, bob, culture_task, travel
):
    travel(datetime.datetime(2021, 6, 16, 9, tzinfo=datetime.UTC))
    _submit(culture_request, bob, culture_task)
    client.force_login(alice)
    url = reverse("reports:period_detail", args=[period.pk])
    assert 'href="?format=xlsx"' in client.get(url).text
    response = client.get(url, {"format": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["A1"].value == "Tình hình gửi báo cáo kỳ 2021-H1"
    assert [c.value for c in sheet[3]] == [
        "Đơn vị",
        "Báo cáo",
        "Đúng hạn hay trễ hạn",
        "Thời điểm gửi",
        "Nhiệm vụ quá hạn",
    ]
    rows = {sheet.cell(r, 1).value: r for r in range(4, sheet.max_row + 1)}
    sent = rows[str(culture_request.unit)]
    assert sheet.cell(sent, 2).value == "Đã gửi"
    assert sheet.cell(sent, 3).value == "Đúng hạn"
    assert sheet.cell(sent, 4).number_format == "DD/MM/YYYY HH:MM"
    assert sheet.cell(sent, 4).value.date() == datetime.date(2021, 6, 16)


def test_the_board_may_read_the_completeness_workbook_but_not_a_unit(client, dave, bob, period):
    url = reverse("reports:period_detail", args=[period.pk])
    client.force_login(dave)
    assert client.get(url, {"format": "xlsx"}).status_code == 200
    client.force_login(bob)
    assert client.get(url, {"format": "xlsx"}).status_code == 404


def test_the_unit_head_confirms_before_sending_and_can_print_the_report(
    client, bob, culture_request, travel
):
    travel(datetime.datetime(2021, 6, 16, 9, tzinfo=datetime.UTC))
    client.force_login(bob)
    html = client.get(reverse("reports:unit_report", args=[culture_request.pk])).text
    confirm = html[html.index('<details class="confirm">') :]
    confirm = confirm[: confirm.index("</details>")]
    assert "Gửi Văn phòng" in confirm.split("</summary>")[0]  # the first click only opens
    assert 'name="action" value="submit"' in confirm.split("</summary>")[1]
    assert "data-print" in html and "print-button.js" in html
