import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from quantri.orgs.models import AgencyKind, Role
from quantri.plans.models import Evidence, Frequency, ReportingRule, TaskStatus
from quantri.reports import services
from quantri.reports.models import (
    Notification,
    ReportingPeriod,
    ReportStatus,
    TaskReport,
    UnitReport,
)
from quantri.reports.services import EvidenceInput, TaskReportInput
from quantri.reports.tests.conftest import AFTER_DEADLINE, BEFORE_DEADLINE
from quantri.testing.factories import AgencyFactory, MembershipFactory, TaskFactory, UserFactory

pytestmark = pytest.mark.django_db


def draft(request, user, task, **fields):
    item = TaskReportInput(task_id=task.pk, **{"progress": 60, "done": "Đã làm.", **fields})
    return services.report_save_draft(
        request=request, user=user, general_remarks="Nhận xét chung.", tasks=[item]
    )


# Periods ------------------------------------------------------------------------------------


def test_opening_a_period_requests_a_report_from_every_lead_and_supporting_unit(
    period, culture_unit, library
):
    assert period.code == "2021-H1"
    assert (period.starts_on, period.ends_on) == (
        datetime.date(2020, 12, 15),
        datetime.date(2021, 6, 14),
    )
    assert period.deadline == datetime.date(2021, 6, 21)  # 5 working days after 14/06
    assert {r.unit for r in period.requests.all()} == {culture_unit, library}


def test_opening_it_again_doubles_nothing_and_adds_newly_assigned_units(
    period, regime, alice, plan, culture_task
):
    newcomer = AgencyFactory(code="T-BT", name="Bảo tàng tỉnh", parent=plan.agency)
    TaskFactory(group=culture_task.group, order=9, lead_unit=newcomer)
    again = services.period_open(regime=regime, code="2021-H1", user=alice)
    assert again == period
    assert ReportingPeriod.objects.count() == 1
    assert period.requests.count() == 3


def test_a_bad_period_code_is_refused_with_the_field_named(regime, alice):
    with pytest.raises(ValidationError) as error:
        services.period_open(regime=regime, code="2021-Q3", user=alice)
    assert "code" in error.value.message_dict
    assert ReportingPeriod.objects.count() == 0


def test_only_the_office_opens_periods(regime, bob):
    with pytest.raises(PermissionDenied):
        services.period_open(regime=regime, code="2021-H1", user=bob)


def test_the_office_of_the_department_manages_its_reports(regime, office):
    """Like the demo's vanphong: office coordinator held in the Department Office."""
    coordinator = UserFactory(username="hanh")
    MembershipFactory(user=coordinator, agency=office, role=Role.OFFICE_COORDINATOR)
    assert services.period_open(regime=regime, code="2021-H1", user=coordinator)


def test_the_database_refuses_a_window_ending_before_it_starts(period):
    period.ends_on = period.starts_on - datetime.timedelta(days=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        period.save()


def test_a_regime_is_made_from_the_plans_reporting_duty(plan, alice, office):
    rule = ReportingRule.objects.create(
        plan=plan,
        frequency=Frequency.SEMIANNUAL,
        to_text="Lãnh đạo Sở",
        via_text="Văn phòng Sở",
        via_unit=office,
    )
    regimes = services.regimes_for_plan(plan=plan, user=alice)
    assert [(r.frequency, r.receiving_body, r.via_unit) for r in regimes] == [
        ("semiannual", "Lãnh đạo Sở", office)
    ]
    assert services.regimes_for_plan(plan=plan, user=alice) == regimes
    assert regimes[0].rule == rule


def test_a_fixed_day_regime_sets_the_deadline(plan, alice, culture_task):
    regime = services.regime_save(
        plan=plan, user=alice, frequency="quarterly", deadline_rule="fixed_day", deadline_day=20
    )
    period = services.period_open(regime=regime, code="2021-Q2", user=alice)
    assert period.deadline == datetime.date(2021, 6, 21)  # Sunday 20/06 → Monday


# Drafting and submitting ----------------------------------------------------------------------


def test_staff_draft_the_units_report(culture_request, frank, culture_task):
    report = draft(culture_request, frank, culture_task, figures={"Số buổi": 6})
    assert report.status == ReportStatus.DRAFT
    task_report = report.task_reports.get()
    assert (task_report.progress, task_report.figures) == (60, {"Số buổi": 6})
    # Saving again updates the same rows.
    draft(culture_request, frank, culture_task, progress=70)
    assert TaskReport.objects.get().progress == 70


def test_staff_cannot_submit_the_head_can(culture_request, frank, bob, culture_task, travel):
    travel(BEFORE_DEADLINE)
    report = draft(culture_request, frank, culture_task)
    with pytest.raises(PermissionDenied):
        services.report_submit(report=report, user=frank)
    report = services.report_submit(report=report, user=bob)
    assert report.status == ReportStatus.SUBMITTED
    assert report.is_late is False
    assert report.submitted_by == bob


def test_the_office_hears_of_a_submission(submitted, alice):
    notice = Notification.objects.get(user=alice)
    assert "2021-H1" in notice.text
    assert notice.url.endswith(f"/reports/requests/{submitted.request_id}/")


def test_another_unit_cannot_write_the_report(culture_request, carol, culture_task):
    with pytest.raises(PermissionDenied):
        draft(culture_request, carol, culture_task)


def test_a_unit_reports_only_on_its_own_tasks(library_request, gina, culture_task):
    with pytest.raises(ValidationError, match="not one of this unit's tasks"):
        draft(library_request, gina, culture_task)


def test_bad_progress_names_the_task_and_saves_nothing(culture_request, bob, culture_task):
    with pytest.raises(ValidationError, match=r"Task 1\.1.*progress"):
        draft(culture_request, bob, culture_task, progress=140)
    assert not TaskReport.objects.exists()
    assert not UnitReport.objects.exists()


def test_done_needs_full_progress(culture_request, bob, culture_task):
    with pytest.raises(ValidationError, match=r"Task 1\.1"):
        draft(culture_request, bob, culture_task, status=TaskStatus.DONE, progress=80)


def test_figures_must_be_numbers(culture_request, bob, culture_task):
    with pytest.raises(ValidationError, match="not a number"):
        draft(culture_request, bob, culture_task, figures={"Số buổi": "sáu"})


def test_a_report_after_the_deadline_is_marked_late(culture_request, bob, culture_task, travel):
    travel(AFTER_DEADLINE)
    report = services.report_submit(report=draft(culture_request, bob, culture_task), user=bob)
    assert report.is_late is True


def test_a_submission_on_the_deadline_day_is_on_time(culture_request, bob, culture_task, travel):
    travel(datetime.datetime(2021, 6, 21, 16, tzinfo=datetime.UTC))  # 23:00 in Hà Nội
    report = services.report_submit(report=draft(culture_request, bob, culture_task), user=bob)
    assert report.is_late is False


def test_submitting_moves_the_tasks_the_unit_leads(
    culture_request, bob, culture_task, library_task, travel
):
    travel(BEFORE_DEADLINE)
    item = TaskReportInput(
        task_id=culture_task.pk,
        progress=100,
        status=TaskStatus.DONE,
        done="Hoàn thành.",
        evidence=[EvidenceInput(title="Biên bản", url="https://example.org/bb")],
    )
    support = TaskReportInput(task_id=library_task.pk, progress=90, done="Phối hợp.")
    report = services.report_save_draft(request=culture_request, user=bob, tasks=[item, support])
    services.report_submit(report=report, user=bob)
    culture_task.refresh_from_db()
    library_task.refresh_from_db()
    assert (culture_task.progress, culture_task.status) == (100, TaskStatus.DONE)
    assert "2021-H1" in culture_task.updates.get().note
    assert Evidence.objects.get(task=culture_task).url == "https://example.org/bb"
    # A supporting unit's part does not overwrite the lead unit's progress.
    assert library_task.progress == 0


def test_evidence_files_are_kept_and_copied_once(culture_request, bob, alice, culture_task):
    pdf = EvidenceInput(title="Báo cáo", file_name="bc.pdf", file_content=b"%PDF-1.4 test")
    report = services.report_save_draft(
        request=culture_request,
        user=bob,
        tasks=[TaskReportInput(task_id=culture_task.pk, progress=50, evidence=[pdf])],
    )
    services.report_submit(report=report, user=bob)
    services.report_return(report=report, user=alice, comments="Bổ sung số liệu.")
    services.report_submit(report=report, user=bob)
    evidence = Evidence.objects.get(task=culture_task)
    assert evidence.file.read() == b"%PDF-1.4 test"


# Review ---------------------------------------------------------------------------------------


@pytest.fixture
def submitted(culture_request, bob, culture_task, travel):
    travel(BEFORE_DEADLINE)
    return services.report_submit(report=draft(culture_request, bob, culture_task), user=bob)


def test_only_the_office_accepts(submitted, bob, dave, carol, alice):
    for outsider in (bob, dave, carol):
        with pytest.raises(PermissionDenied):
            services.report_accept(report=submitted, user=outsider)
    report = services.report_accept(report=submitted, user=alice)
    assert (report.status, report.accepted_by) == (ReportStatus.ACCEPTED, alice)


def test_only_the_office_returns(submitted, bob, alice):
    with pytest.raises(PermissionDenied):
        services.report_return(report=submitted, user=bob, comments="x")
    with pytest.raises(ValidationError, match="correct"):
        services.report_return(report=submitted, user=alice, comments="  ")
    report = services.report_return(report=submitted, user=alice, comments="Thiếu số liệu.")
    assert report.status == ReportStatus.RETURNED


def test_an_accepted_report_is_locked(submitted, alice, bob, culture_request, culture_task):
    services.report_accept(report=submitted, user=alice)
    with pytest.raises(ValidationError, match="can no longer be changed"):
        draft(culture_request, bob, culture_task)
    with pytest.raises(ValidationError):
        services.report_submit(report=submitted, user=bob)
    with pytest.raises(ValidationError):
        services.report_return(report=submitted, user=alice, comments="Sửa lại.")


def test_a_returned_report_is_corrected_and_resubmitted_keeping_its_timeliness(
    submitted, alice, bob, culture_request, culture_task, travel
):
    services.report_return(report=submitted, user=alice, comments="Bổ sung minh chứng.")
    assert Notification.objects.filter(user=bob, text__contains="Bổ sung minh chứng").exists()
    travel(AFTER_DEADLINE)
    draft(culture_request, bob, culture_task, progress=80)
    report = services.report_submit(report=submitted, user=bob)
    assert (report.status, report.is_late) == (ReportStatus.SUBMITTED, False)
    assert report.history.count() >= 4  # draft, submitted, returned, draft, submitted


def test_a_closed_period_takes_no_more_reports(period, alice, culture_request, bob, culture_task):
    services.period_close(period=period, user=alice)
    with pytest.raises(ValidationError, match="closed"):
        draft(culture_request, bob, culture_task)


def test_history_records_who_did_what(submitted, alice):
    services.report_accept(report=submitted, user=alice)
    assert submitted.history.first().history_user == alice


def test_another_department_cannot_review(submitted, erin):
    with pytest.raises(PermissionDenied):
        services.report_accept(report=submitted, user=erin)


def test_another_departments_office_manages_nothing_here(regime, province):
    """A manager role in an office acts for the agency above it, never for a sibling."""
    other_department = AgencyFactory(code="T-SYT", kind=AgencyKind.DEPARTMENT, parent=province)
    other_office = AgencyFactory(code="T-SYT-VP", kind=AgencyKind.OFFICE, parent=other_department)
    user = UserFactory(username="olga")
    MembershipFactory(user=user, agency=other_office, role=Role.OFFICE_COORDINATOR)
    with pytest.raises(PermissionDenied):
        services.period_open(regime=regime, code="2021-H1", user=user)


def test_a_monthly_deadline_skips_tet_and_the_extra_days_off_stored_as_data(
    plan, alice, culture_task, travel
):
    from quantri.core.models import CalendarDay, CalendarDayKind

    travel(datetime.datetime(2026, 2, 10, 2, tzinfo=datetime.UTC))
    regime = services.regime_save(plan=plan, user=alice, frequency="monthly")
    # Cut-off Saturday 14/02/2026, Tết 16–20/02: five working days end on Friday 27/02…
    period = services.period_open(regime=regime, code="2026-02", user=alice)
    assert (period.starts_on, period.ends_on) == (
        datetime.date(2026, 1, 15),
        datetime.date(2026, 2, 14),
    )
    assert period.deadline == datetime.date(2026, 2, 27)
    # …and on Monday 02/03 when the government adds a day off after Tết.
    CalendarDay.objects.create(date=datetime.date(2026, 2, 23), kind=CalendarDayKind.DAY_OFF)
    _, _, _, deadline = services.period_dates(regime=regime, code="2026-02")
    assert deadline == datetime.date(2026, 3, 2)


def test_a_semiannual_window_spans_the_new_year(plan, alice, culture_task, travel):
    travel(datetime.datetime(2027, 1, 4, 2, tzinfo=datetime.UTC))
    regime = services.regime_save(plan=plan, user=alice, frequency="semiannual")
    period = services.period_open(regime=regime, code="2027-H1", user=alice)
    assert period.starts_on == datetime.date(2026, 12, 15)
    assert period.deadline == datetime.date(2027, 6, 21)  # Monday 14/06 + 5 working days
