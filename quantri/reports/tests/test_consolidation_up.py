"""Loading in a fixed number of queries, and consolidating one level up (the province)."""

import io

import docx
import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from quantri.orgs.models import AgencyKind, Role
from quantri.plans.models import PlanStatus
from quantri.reports.consolidation import loader, services
from quantri.reports.consolidation.aggregate import aggregate
from quantri.reports.models import ConsolidatedReport
from quantri.reports.tests.consolidation_factories import make_department, make_province
from quantri.testing.factories import AgencyFactory, MembershipFactory, PlanFactory, UserFactory

pytestmark = pytest.mark.django_db
# 10, the agency tree the one-stop figures follow, the units' former names; then a fixed 8
# for the lines oversight adds to dimension 4 and up to 14 for the quality system's dimension 5
# (quantri.reports.contributions), however many units or departments.
MAX_QUERIES = 34


def queries_for(work) -> int:
    with CaptureQueriesContext(connection) as captured:
        work()
    return len(captured)


def test_consolidating_a_period_costs_the_same_queries_for_2_or_12_units(
    django_assert_max_num_queries,
):
    province, (small,) = make_province(departments=1, units=2, tasks=4)
    large = make_department(province=province, index=2, units=12, tasks=60)
    few = queries_for(lambda: services.consolidate_period(small.period).docx())
    many = queries_for(lambda: services.consolidate_period(large.period).docx())
    assert few == many
    with django_assert_max_num_queries(MAX_QUERIES):
        services.consolidate_period(large.period).xlsx()


def test_consolidating_up_costs_the_same_queries_for_1_or_4_departments():
    one, _ = make_province(departments=1, units=2, tasks=4)
    few = queries_for(lambda: services.consolidate_agency(one, "2021-H1"))
    for index in range(2, 5):
        make_department(province=one, index=index, units=5, tasks=20)
    many = queries_for(lambda: services.consolidate_agency(one, "2021-H1"))
    assert few == many <= MAX_QUERIES


def test_the_loader_counts_what_the_generated_reports_hold():
    province, (department,) = make_province(departments=1, units=7, tasks=14)
    period = loader.periods_for_consolidation().get(pk=department.period.pk)
    data = loader.load_period(period)
    assert len(data.tasks) == 14
    total = aggregate(data).completeness
    # One unit in each state of the factories' cycle.
    assert (total.expected, total.submitted, total.accepted, total.returned) == (7, 4, 2, 1)
    assert (total.on_time, total.late, total.missing) == (2, 2, 2)


@pytest.fixture
def province_world():
    province, departments = make_province(departments=2, units=3, tasks=9)
    return province, departments


def test_the_province_counts_each_department_with_its_own_figures(province_world):
    province, departments = province_world
    result = services.consolidate_agency(province, "2021-H1")
    assert [part.name for part in result.data.parts] == ["Sở số 1", "Sở số 2"]
    theirs = [services.consolidate_period(d.period).figures for d in departments]
    assert result.figures.overall.tasks == sum(f.overall.tasks for f in theirs) == 18
    # Pooled: Σ weight × progress over Σ weight, across both departments' tasks.
    weighted = sum(f.overall.weighted_progress for f in theirs)
    weight = sum(f.overall.counted_weight for f in theirs)
    assert result.figures.progress == round(weighted / weight)
    units = {row.name: row for row in result.figures.units}
    assert units["Sở số 1"].expected == 3
    assert result.figures.completeness.expected == 6


def test_draft_plans_other_periods_and_other_provinces_stay_out(province_world):
    province, departments = province_world
    departments[1].plan.status = PlanStatus.DRAFT
    departments[1].plan.save()
    elsewhere = AgencyFactory(code="OTHER-P", kind=AgencyKind.PROVINCE, name="UBND tỉnh Khác")
    make_department(province=elsewhere, index=7, units=2, tasks=3)
    make_department(province=province, index=8, units=2, tasks=3, code="2021-Y")
    result = services.consolidate_agency(province, "2021-H1")
    assert [part.name for part in result.data.parts] == ["Sở số 1"]


def test_with_the_province_plan_only_the_plans_made_under_it_count(province_world):
    province, departments = province_world
    province_plan = PlanFactory(agency=province, number="21/KH-UBND")
    departments[0].plan.parent = province_plan
    departments[0].plan.save()
    result = services.consolidate_agency(province, "2021-H1", parent_plan=province_plan)
    assert [part.name for part in result.data.parts] == ["Sở số 1"]


def test_the_province_docx_is_issued_by_the_province_and_lists_the_departments(province_world):
    province, _ = province_world
    result = services.consolidate_agency(province, "2021-H1")
    document = docx.Document(io.BytesIO(result.docx()))
    header = document.tables[0]
    assert [p.text for p in header.cell(0, 0).paragraphs if p.text] == [
        "ỦY BAN NHÂN DÂN\nTỈNH SINH THỬ"
    ]
    assert header.cell(1, 1).text.startswith("Sinh Thử, ngày")
    lines = [p.text for p in document.paragraphs if p.text]
    assert (
        "Kết quả thực hiện nhiệm vụ nâng cao Chỉ số hiệu quả quản trị và hành chính công (PAPI) "
        "của các sở, ngành 6 tháng đầu năm 2021"
    ) in lines
    dimension = result.figures.dimensions[1]
    mine = result.data.parts[0].figures.dimension(dimension.key)
    assert (
        f"- Sở số 1: {mine.tasks} nhiệm vụ, hoàn thành {mine.done}, đang thực hiện "
        f"{mine.in_progress}; tiến độ {mine.progress}%."
    ) in lines


def test_a_coordinating_body_may_issue_the_province_report(province_world):
    province, _ = province_world
    home_affairs = AgencyFactory(
        code="GEN-SNV", kind=AgencyKind.DEPARTMENT, name="Sở Nội vụ", parent=province
    )
    result = services.consolidate_agency(province, "2021-H1", issuer=home_affairs)
    header = docx.Document(io.BytesIO(result.docx())).tables[0]
    assert [p.text for p in header.cell(0, 0).paragraphs if p.text] == [
        "UBND TỈNH SINH THỬ",
        "SỞ NỘI VỤ",
    ]


def test_the_province_annex_lists_every_departments_tasks(province_world):
    province, _ = province_world
    result = services.consolidate_agency(province, "2021-H1")
    workbook = openpyxl.load_workbook(io.BytesIO(result.xlsx()))
    rows = list(workbook["Nhiệm vụ"].iter_rows(values_only=True))
    assert rows[0][0] == "Cơ quan"
    assert len(rows) == 1 + 18
    assert {row[0] for row in rows[1:]} == {"Sở số 1", "Sở số 2"}
    units = list(workbook["Đơn vị"].iter_rows(values_only=True))
    assert [row[0] for row in units[1:]] == ["Sở số 1", "Sở số 2", "Tổng cộng"]


def test_the_departments_own_shortcomings_reach_the_provinces_draft(province_world):
    province, departments = province_world
    ConsolidatedReport.objects.create(
        period=departments[0].period,
        agency=departments[0].agency,
        shortcomings="Thiếu kinh phí số hóa.",
        proposals="Bổ sung kinh phí.",
    )
    narrative = services.consolidate_agency(province, "2021-H1").narrative
    assert narrative.shortcomings == "- Sở số 1:\nThiếu kinh phí số hóa."
    assert narrative.proposals == "- Sở số 1:\nBổ sung kinh phí."


# The province's page -------------------------------------------------------------------------


@pytest.fixture
def governor(province_world):
    province, _ = province_world
    user = UserFactory(username="governor")
    MembershipFactory(user=user, agency=province, role=Role.LEADER)
    return user


def province_urls(province, code="2021-H1") -> list[str]:
    names = ("consolidation_agency", "consolidation_agency_docx", "consolidation_agency_xlsx")
    return [f"{reverse(f'reports:{name}', args=[province.pk])}?code={code}" for name in names]


def test_the_provinces_leader_sees_every_department_and_downloads(client, governor, province_world):
    province, _ = province_world
    client.force_login(governor)
    page, docx_url, xlsx_url = province_urls(province)
    html = client.get(page).content.decode()
    assert 'data-department="Sở số 1"' in html and 'data-department="Sở số 2"' in html
    assert 'data-figure="tasks">18<' in html
    document = docx.Document(io.BytesIO(client.get(docx_url).content))
    assert "BÁO CÁO" in [p.text for p in document.paragraphs]
    workbook = openpyxl.load_workbook(io.BytesIO(client.get(xlsx_url).content))
    assert workbook["Nhiệm vụ"].max_row == 19


def test_without_a_code_the_latest_period_is_shown(client, governor, province_world):
    province, _ = province_world
    client.force_login(governor)
    response = client.get(reverse("reports:consolidation_agency", args=[province.pk]))
    assert response.context["code"] == "2021-H1"


def test_a_bad_code_is_not_found(client, governor, province_world):
    province, _ = province_world
    client.force_login(governor)
    assert [client.get(u).status_code for u in province_urls(province, "2021-H9")] == [404] * 3


def test_a_departments_office_cannot_consolidate_the_province(client, province_world):
    province, departments = province_world
    coordinator = UserFactory(username="dept-office")
    MembershipFactory(user=coordinator, agency=departments[0].agency, role=Role.OFFICE_COORDINATOR)
    client.force_login(coordinator)
    assert [client.get(u).status_code for u in province_urls(province)] == [404] * 3


def test_the_department_page_links_up_for_whoever_manages_the_province(
    client, governor, province_world
):
    province, departments = province_world
    client.force_login(governor)
    page = client.get(reverse("reports:consolidation", args=[departments[0].period.pk]))
    assert page.status_code == 200
    assert province_urls(province)[0] in page.content.decode()
