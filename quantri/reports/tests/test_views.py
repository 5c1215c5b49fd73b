import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from quantri.reports import services
from quantri.reports.models import Notification, ReportingPeriod, ReportStatus, UnitReport
from quantri.reports.services import TaskReportInput
from quantri.reports.tests.conftest import BEFORE_DEADLINE

pytestmark = pytest.mark.django_db


def report_url(request):
    return reverse("reports:unit_report", args=[request.pk])


def form_data(tasks, action="save", progress=50, **extra):
    data = {
        "action": action,
        "general_remarks": "Nhận xét chung.",
        "difficulties": "",
        "proposals": "",
    }
    for task in tasks:
        prefix = f"task-{task.pk}"
        data |= {
            f"{prefix}-status": "in_progress",
            f"{prefix}-progress": progress,
            f"{prefix}-done": "Đã triển khai.",
            f"{prefix}-figures": "Số buổi = 3",
            f"{prefix}-difficulties": "",
            f"{prefix}-proposals": "",
            f"{prefix}-links": "",
        }
    return data | extra


@pytest.fixture
def submitted(culture_request, bob, culture_task, travel):
    travel(BEFORE_DEADLINE)
    report = services.report_save_draft(
        request=culture_request,
        user=bob,
        tasks=[TaskReportInput(task_id=culture_task.pk, progress=70, done="Đã làm xong phần 1.")],
    )
    return services.report_submit(report=report, user=bob)


# The office's pages ---------------------------------------------------------------------------


def test_the_office_opens_a_period_from_the_plans_page(client, alice, plan, regime, culture_task):
    client.force_login(alice)
    page = client.get(reverse("reports:plan_periods", args=[plan.pk]))
    assert page.status_code == 200
    response = client.post(
        reverse("reports:period_open", args=[plan.pk]), {"regime": regime.pk, "code": "2021-H1"}
    )
    period = ReportingPeriod.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("reports:period_detail", args=[period.pk])


def test_a_bad_code_shows_the_form_again_with_the_error(client_en, alice, plan, regime):
    client_en.force_login(alice)
    response = client_en.post(
        reverse("reports:period_open", args=[plan.pk]), {"regime": regime.pk, "code": "H1-2021"}
    )
    assert response.status_code == 400
    assert "is not a period code" in response.content.decode()
    assert not ReportingPeriod.objects.exists()


def test_the_office_sets_a_regime_by_hand(client, alice, plan):
    client.force_login(alice)
    response = client.post(
        reverse("reports:regime_save", args=[plan.pk]),
        {"frequency": "quarterly", "deadline_rule": "fixed_day", "deadline_days": 5,
         "deadline_day": 20, "counts_working_days": "on", "receiving_body": "Lãnh đạo Sở"},
    )  # fmt: skip
    assert response.status_code == 302
    assert plan.reporting_regimes.get().deadline_day == 20


def test_units_cannot_see_the_plans_periods(client, bob, plan, regime):
    client.force_login(bob)
    assert client.get(reverse("reports:plan_periods", args=[plan.pk])).status_code == 404
    response = client.post(
        reverse("reports:period_open", args=[plan.pk]), {"regime": regime.pk, "code": "2021-H1"}
    )
    assert response.status_code == 404


def test_the_period_page_shows_each_units_state(client, alice, period, submitted):
    client.force_login(alice)
    html = client.get(reverse("reports:period_detail", args=[period.pk])).content.decode()
    assert 'data-unit="T-QLVH" data-state="submitted"' in html
    assert 'data-unit="T-TV" data-state="missing"' in html
    assert '<strong data-figure="expected">2</strong>' in html
    assert '<strong data-figure="submitted">1</strong>' in html


def test_the_inspection_board_reads_the_period_but_cannot_close_it(client, dave, period):
    client.force_login(dave)
    assert client.get(reverse("reports:period_detail", args=[period.pk])).status_code == 200
    response = client.post(reverse("reports:period_status", args=[period.pk]), {"action": "close"})
    assert response.status_code == 403


def test_the_office_closes_the_period(client, alice, period):
    client.force_login(alice)
    client.post(reverse("reports:period_status", args=[period.pk]), {"action": "close"})
    period.refresh_from_db()
    assert not period.is_open


def test_the_overview_lists_the_plans_the_user_follows(client, alice, bob, period, plan):
    client.force_login(alice)
    assert plan.number in client.get(reverse("reports:overview")).content.decode()
    client.force_login(bob)
    assert plan.number not in client.get(reverse("reports:overview")).content.decode()


# The unit's report -----------------------------------------------------------------------------


def test_staff_save_a_draft_on_the_page(client, frank, culture_request, culture_task, library_task):
    client.force_login(frank)
    assert client.get(report_url(culture_request)).status_code == 200
    response = client.post(report_url(culture_request), form_data([culture_task, library_task]))
    assert response.status_code == 302
    report = UnitReport.objects.get()
    assert report.status == ReportStatus.DRAFT
    assert report.task_reports.get(task=culture_task).figures == {"Số buổi": 3}


def test_staff_cannot_submit_on_the_page(
    client, frank, culture_request, culture_task, library_task
):
    client.force_login(frank)
    data = form_data([culture_task, library_task], action="submit")
    assert client.post(report_url(culture_request), data).status_code == 403
    assert not UnitReport.objects.exists()


def test_the_head_submits_on_the_page(
    client, bob, culture_request, culture_task, library_task, travel
):
    travel(BEFORE_DEADLINE)
    client.force_login(bob)
    client.post(report_url(culture_request), form_data([culture_task, library_task], "submit"))
    report = UnitReport.objects.get()
    assert (report.status, report.is_late) == (ReportStatus.SUBMITTED, False)
    culture_task.refresh_from_db()
    assert culture_task.progress == 50


def test_bad_input_names_the_field_and_saves_nothing(
    client_en, bob, culture_request, culture_task, library_task
):
    client_en.force_login(bob)
    data = form_data([culture_task, library_task], **{f"task-{culture_task.pk}-figures": "abc"})
    response = client_en.post(report_url(culture_request), data)
    assert response.status_code == 200
    assert "should read “name = number”" in response.content.decode()
    assert not UnitReport.objects.exists()


def test_another_unit_cannot_see_a_draft(client, bob, carol, culture_request, culture_task):
    services.report_save_draft(
        request=culture_request, user=bob, tasks=[TaskReportInput(task_id=culture_task.pk)]
    )
    client.force_login(carol)
    assert client.get(report_url(culture_request)).status_code == 404
    assert client.post(report_url(culture_request), {"action": "save"}).status_code == 404


def test_the_office_does_not_read_drafts(client, alice, bob, culture_request, culture_task):
    services.report_save_draft(
        request=culture_request, user=bob, tasks=[TaskReportInput(task_id=culture_task.pk)]
    )
    client.force_login(alice)
    assert client.get(report_url(culture_request)).status_code == 404


def test_the_office_returns_then_accepts(client, alice, bob, submitted, culture_request):
    client.force_login(alice)
    page = client.get(report_url(culture_request)).content.decode()
    assert reverse("reports:report_review", args=[culture_request.pk]) in page
    review = reverse("reports:report_review", args=[culture_request.pk])
    client.post(review, {"action": "return", "comments": ""})
    assert UnitReport.objects.get().status == ReportStatus.SUBMITTED  # comments are required
    client.post(review, {"action": "return", "comments": "Bổ sung minh chứng."})
    assert UnitReport.objects.get().status == ReportStatus.RETURNED
    services.report_submit(report=UnitReport.objects.get(), user=bob)
    client.post(review, {"action": "accept"})
    assert UnitReport.objects.get().status == ReportStatus.ACCEPTED


def test_the_unit_cannot_review_its_own_report(client, bob, submitted, culture_request):
    client.force_login(bob)
    review = reverse("reports:report_review", args=[culture_request.pk])
    assert client.post(review, {"action": "accept"}).status_code == 403


def test_an_accepted_report_shows_no_form_and_refuses_posts(
    client, alice, bob, submitted, culture_request, culture_task, library_task
):
    services.report_accept(report=submitted, user=alice)
    client.force_login(bob)
    page = client.get(report_url(culture_request)).content.decode()
    assert 'name="action" value="save"' not in page
    assert "Đã làm xong phần 1." in page
    response = client.post(report_url(culture_request), form_data([culture_task, library_task]))
    assert response.status_code == 403


def test_the_history_page_lists_each_step(client, alice, bob, submitted, culture_request):
    services.report_return(report=submitted, user=alice, comments="Thiếu số liệu quý II.")
    client.force_login(bob)
    page = client.get(reverse("reports:report_history", args=[culture_request.pk]))
    assert "Thiếu số liệu quý II." in page.content.decode()


def test_my_reports_lists_only_my_units(client, bob, carol, culture_request, library_request):
    client.force_login(bob)
    page = client.get(reverse("reports:my_reports")).content.decode()
    assert report_url(culture_request) in page
    assert report_url(library_request) not in page


def test_evidence_files_are_served_to_the_unit_only(
    client, bob, carol, culture_request, culture_task
):
    from quantri.reports.services import EvidenceInput

    report = services.report_save_draft(
        request=culture_request,
        user=bob,
        tasks=[TaskReportInput(
            task_id=culture_task.pk,
            evidence=[EvidenceInput(title="BB", file_name="bb.pdf", file_content=b"%PDF-1.4 x")],
        )],
    )  # fmt: skip
    evidence = report.task_reports.get().evidence.get()
    url = reverse("reports:evidence_file", args=[evidence.pk])
    client.force_login(bob)
    assert b"".join(client.get(url).streaming_content) == b"%PDF-1.4 x"
    client.force_login(carol)
    assert client.get(url).status_code == 404


# Offline template -------------------------------------------------------------------------------


def test_the_template_downloads_and_uploads_back(client, frank, culture_request, culture_task):
    client.force_login(frank)
    response = client.get(reverse("reports:report_template", args=[culture_request.pk]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "bao-cao-2021-H1-T-QLVH.xlsx" in response["Content-Disposition"]
    book = load_workbook(io.BytesIO(response.content))
    book["Nhiệm vụ"]["E5"] = 35
    out = io.BytesIO()
    book.save(out)
    upload = SimpleUploadedFile("bao-cao.xlsx", out.getvalue())
    client.post(reverse("reports:report_upload", args=[culture_request.pk]), {"file": upload})
    assert UnitReport.objects.get().task_reports.get(task=culture_task).progress == 35


def test_a_bad_template_is_reported_and_changes_nothing(
    client_en, frank, culture_request, culture_task
):
    client_en.force_login(frank)
    response = client_en.get(reverse("reports:report_template", args=[culture_request.pk]))
    book = load_workbook(io.BytesIO(response.content))
    book["Nhiệm vụ"]["E5"] = "abc"
    out = io.BytesIO()
    book.save(out)
    upload = SimpleUploadedFile("bao-cao.xlsx", out.getvalue())
    page = client_en.post(
        reverse("reports:report_upload", args=[culture_request.pk]), {"file": upload}, follow=True
    )
    assert "Sheet Nhiệm vụ, row 5, column E (Progress %): “abc” is not a number 0–100." in (
        page.content.decode()
    )
    assert not UnitReport.objects.exists()


def test_a_renamed_file_is_refused(client, frank, culture_request):
    client.force_login(frank)
    upload = SimpleUploadedFile("bao-cao.xlsx", b"<html>not a workbook</html>")
    client.post(reverse("reports:report_upload", args=[culture_request.pk]), {"file": upload})
    assert not UnitReport.objects.exists()


def test_another_unit_cannot_download_the_template(client, carol, culture_request):
    client.force_login(carol)
    url = reverse("reports:report_template", args=[culture_request.pk])
    assert client.get(url).status_code == 404


# Notifications -----------------------------------------------------------------------------------


def test_report_notifications_are_listed_and_marked_read_on_the_one_notifications_page(client, bob):
    Notification.objects.create(user=bob, text="Báo cáo 2021-H1 sắp đến hạn.", url="/reports/")
    client.force_login(bob)
    old = client.get("/reports/notifications/")
    assert old.status_code == 301 and old["Location"] == reverse("notifications:list")
    page = client.get(reverse("notifications:list"))
    assert "Báo cáo 2021-H1 sắp đến hạn." in page.text and page.context["unread"] == 1
    client.post(reverse("notifications:read"))
    assert not Notification.objects.unread().exists()


def test_pages_need_a_login(client, culture_request):
    response = client.get(report_url(culture_request))
    assert response.status_code == 302 and "/login/" in response.url


def test_the_period_page_runs_the_same_queries_for_more_units(client, alice, period, plan):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from quantri.reports.tests.factories import ReportRequestFactory
    from quantri.testing.factories import AgencyFactory, TaskFactory, TaskGroupFactory

    client.force_login(alice)
    url = reverse("reports:period_detail", args=[period.pk])
    group = TaskGroupFactory(plan=plan, order=5)

    def add_units(count, start):
        for n in range(start, start + count):
            unit = AgencyFactory(code=f"T-U{n}", parent=plan.agency)
            ReportRequestFactory(period=period, unit=unit)
            TaskFactory(group=group, order=n, lead_unit=unit, due_on=period.starts_on)

    add_units(3, 1)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    add_units(12, 10)
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).status_code == 200
    assert len(many) == len(few)
