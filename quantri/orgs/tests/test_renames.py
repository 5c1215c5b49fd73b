"""A unit renamed on a day: pages, reports and documents of earlier periods show the name it
carried then, today's pages the new one, and plan documents still match the old name."""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse
from docx import Document

from quantri.demo.services import demo_load
from quantri.orgs.models import Agency
from quantri.orgs.services.rules import Scope
from quantri.orgs.services.units import unit_rename
from quantri.plans.services import _match_unit_by_name
from quantri.reports.models import ReportingPeriod

pytestmark = pytest.mark.django_db

OLD, NEW = "Phòng Quản lý Du lịch", "Phòng Phát triển Du lịch"
RENAMED_ON = datetime.date(2026, 1, 1)


@pytest.fixture
def renamed(client):
    """The demo department's administrator renames Tourism on its page, from 1 January 2026."""
    demo_load()
    tourism = Agency.objects.get(code="SVHTTDL-HY-QLDL")
    client.force_login(get_user_model().objects.get(username="quantri"))
    response = client.post(
        reverse("orgs:unit_rename", args=[tourism.pk]),
        {"name": NEW, "short_name": "QLDL", "on": "2026-01-01", "reason": "Quyết định 3/QĐ"},
    )
    assert response.status_code == 302
    tourism.refresh_from_db()
    return tourism


def _page(client, username, url) -> str:
    client.force_login(get_user_model().objects.get(username=username))
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_rename_page_records_the_day_and_shows_the_former_name(client, renamed):
    former = renamed.former_names.get()

    assert renamed.name == NEW and former.name == OLD and former.valid_to == RENAMED_ON
    assert renamed.name_on(datetime.date(2025, 12, 31)) == OLD
    assert renamed.name_on(RENAMED_ON) == NEW
    page = _page(client, "quantri", reverse("orgs:unit_detail", args=[renamed.pk]))
    assert OLD in page and "01/01/2026" in page


def test_a_past_periods_pages_show_the_name_valid_then(client, renamed):
    period = ReportingPeriod.objects.get(code="2021-H1")
    request = period.requests.get(unit=renamed)

    detail = _page(client, "vanphong", reverse("reports:period_detail", args=[period.pk]))
    report = _page(client, "vanphong", reverse("reports:unit_report", args=[request.pk]))

    assert OLD in detail and NEW not in detail
    assert OLD in report and NEW not in report


def _consolidated_text(client, period) -> str:
    client.force_login(get_user_model().objects.get(username="vanphong"))
    response = client.get(reverse("reports:consolidation_docx", args=[period.pk]))
    assert response.status_code == 200
    document = Document(
        io.BytesIO(b"".join(response.streaming_content) if response.streaming else response.content)
    )
    return "\n".join(p.text for p in document.paragraphs) + "\n".join(
        cell.text for table in document.tables for row in table.rows for cell in row.cells
    )


def test_the_consolidated_report_of_a_past_period_names_the_unit_as_it_was(client, renamed):
    text = _consolidated_text(client, ReportingPeriod.objects.get(code="2021-H1"))

    assert OLD in text and NEW not in text


def test_a_past_periods_completeness_through_the_api_names_the_unit_as_it_was(client, renamed):
    period = ReportingPeriod.objects.get(code="2021-H1")
    client.force_login(get_user_model().objects.get(username="vanphong"))

    response = client.get(f"/api/reports/periods/{period.pk}/completeness")

    assert response.status_code == 200
    names = {row["unit_code"]: row["unit"] for row in response.json()["units"]}
    assert names[renamed.code] == OLD


def test_a_past_consolidated_report_is_written_by_the_department_as_it_was_called(client):
    demo_load()
    period = ReportingPeriod.objects.select_related("plan__agency").get(code="2021-H1")
    department = period.plan.agency
    old_name, new_name = department.name, "Sở Văn hóa, Thể thao và Du lịch (tên mới)"
    client.force_login(get_user_model().objects.get(username="quantri"))
    response = client.post(
        reverse("orgs:unit_rename", args=[department.pk]),
        {"name": new_name, "short_name": "", "on": "2026-01-01", "reason": "Quyết định 4/QĐ"},
    )
    assert response.status_code == 302

    text = _consolidated_text(client, period).upper()  # the issuer heads it in capitals

    assert old_name.upper() in text and new_name.upper() not in text


def test_a_past_plans_page_shows_its_lead_units_by_their_names_then(client, renamed):
    task = renamed.led_tasks.select_related("group__plan").order_by("group__plan__year").first()
    plan = task.group.plan
    assert plan.year < RENAMED_ON.year

    page = _page(client, "vanphong", reverse("plans:plan_detail", args=[plan.pk]))
    task_page = _page(client, "vanphong", reverse("plans:task_detail", args=[task.pk]))

    assert OLD in page  # the rows; the bulk form offers today's units by today's names
    assert OLD in task_page and NEW not in task_page


def test_todays_pages_use_the_new_name_and_plan_import_still_matches_the_old(client, renamed):
    page = _page(client, "quantri", reverse("orgs:tree"))

    assert NEW in page
    assert _match_unit_by_name(OLD, [renamed]) == renamed


def test_a_rename_cannot_go_back_before_the_current_name_began(renamed):
    admin = get_user_model().objects.get(username="quantri")

    with pytest.raises(ValidationError, match="01/01/2026"):
        unit_rename(
            scope=Scope.below(renamed.parent),
            user=admin,
            unit=renamed,
            name="Phòng Du lịch",
            short_name="",
            on=datetime.date(2025, 6, 1),
            reason="thử",
        )
    renamed.refresh_from_db()
    assert renamed.name == NEW and renamed.former_names.count() == 1
