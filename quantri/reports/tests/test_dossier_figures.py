"""The units' one-stop figures in the periodic reports: the unit's report page, the
consolidated DOCX and its XLSX annex, and `quantri report consolidate`."""

import datetime
import io
import re

import docx
import openpyxl
import pytest
from django.core.management import call_command
from django.urls import reverse

from quantri.procedures.tests.factories import ProcedureFactory
from quantri.reports.consolidation import loader, services
from quantri.reports.consolidation.aggregate import aggregate
from quantri.reports.consolidation.data import (
    ConsolidationInput,
    DimensionInfo,
    Meta,
    Narrative,
    ServiceRow,
    TaskRow,
)
from quantri.reports.consolidation.docx_writer import write_docx
from quantri.reports.consolidation.xlsx_writer import SERVICE_SHEET, write_xlsx
from quantri.reports.tests.consolidation_factories import make_world
from quantri.testing.dossiers import handled_dossier

pytestmark = pytest.mark.django_db
AFTER_DEADLINE = datetime.date(2021, 7, 1)
# The world's period 2021-H1 reads the data of 15/12/2020 – 14/06/2021.
EARLY = {"received": "2021-03-02 09:00", "processed": "2021-03-03 10:00"}
LATE = {"received": "2021-03-02 09:00", "processed": "2021-03-30 10:00"}
AFTER_THE_WINDOW = {"received": "2021-06-14 09:00", "processed": "2021-06-16 10:00"}
SERVICES_TITLE = "Kết quả giải quyết hồ sơ thủ tục hành chính"


@pytest.fixture
def world(plan, department, office, culture_unit, library):
    return make_world(
        plan=plan, department=department, office=office, culture_unit=culture_unit, library=library
    )


@pytest.fixture
def dossiers(department, culture_unit, library):
    """Culture: 3 processed in the window, 1 late, 2 rated, 1 satisfied. Library: 2 received,
    1 processed in the window (satisfied), 1 after it. The office and the inspectorate: none."""
    procedure = ProcedureFactory(agency=department, processing_days=3, online_service="none")

    def dossier(unit, when, rating=""):
        handled_dossier(procedure=procedure, agency=department, unit=unit, rating=rating, **when)

    dossier(culture_unit, EARLY, "very_satisfied")
    dossier(culture_unit, EARLY)
    dossier(culture_unit, LATE, "not_satisfied")
    dossier(library, EARLY, "satisfied")
    dossier(library, AFTER_THE_WINDOW)


def load(world):
    period = loader.periods_for_consolidation().get(pk=world.period.pk)
    return loader.load_period(period, AFTER_DEADLINE)


# The loader ------------------------------------------------------------------------------------


def test_the_loader_gives_each_requested_unit_with_dossiers_its_figures_for_the_window(
    world, dossiers
):
    rows = {row.unit: row for row in load(world).services}

    assert set(rows) == {"Phòng Quản lý Văn hóa", "Thư viện tỉnh"}
    culture = rows["Phòng Quản lý Văn hóa"]
    assert (culture.processed, culture.late, culture.rated, culture.satisfied) == (3, 1, 2, 1)
    assert (culture.late_rate, culture.satisfaction_rate) == (33.3, 50.0)
    library = rows["Thư viện tỉnh"]
    assert (library.processed, library.late, library.received) == (1, 0, 2)


def test_without_dossiers_the_report_has_no_dossier_figures(world):
    result = services.consolidate_period(world.period, today=AFTER_DEADLINE)

    assert result.data.services == []
    document = docx.Document(io.BytesIO(result.docx()))
    assert SERVICES_TITLE not in "\n".join(p.text for p in document.paragraphs)
    assert SERVICE_SHEET not in openpyxl.load_workbook(io.BytesIO(result.xlsx())).sheetnames


# The DOCX and the XLSX -------------------------------------------------------------------------


def service_table(document):
    headers = [[cell.text for cell in t.rows[0].cells] for t in document.tables]
    return next(t for t, h in zip(document.tables, headers, strict=True) if "Trễ hạn" in h)


def cells(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_the_docx_puts_the_figures_under_the_procedures_dimension(world, dossiers):
    result = services.consolidate_period(world.period, today=AFTER_DEADLINE)
    document = docx.Document(io.BytesIO(result.docx()))
    texts = [p.text for p in document.paragraphs if p.text]

    dimension_5 = next(i for i, t in enumerate(texts) if "(chỉ số nội dung 5)" in t)
    point = next(i for i, t in enumerate(texts) if SERVICES_TITLE in t)
    assert point > dimension_5
    assert (
        "Các phòng, đơn vị đã giải quyết 4 hồ sơ thủ tục hành chính, trong đó trễ hạn 1 hồ sơ "
        "(tỷ lệ 25,0%); 2/3 lượt đánh giá hài lòng (tỷ lệ 66,7%)." in texts
    )
    assert cells(service_table(document))[1:] == [
        ["1", "Phòng Quản lý Văn hóa", "3", "1", "33,3", "2", "1", "50,0"],
        ["2", "Thư viện tỉnh", "1", "0", "0,0", "1", "1", "100,0"],
    ]


def test_the_xlsx_annex_has_a_dossier_sheet_with_a_row_per_unit(world, dossiers):
    result = services.consolidate_period(world.period, today=AFTER_DEADLINE)
    sheet = openpyxl.load_workbook(io.BytesIO(result.xlsx()))[SERVICE_SHEET]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]

    assert rows[0][:5] == [
        "Phòng, đơn vị",
        "Đã tiếp nhận",
        "Đã giải quyết",
        "Trễ hạn",
        "Tỷ lệ trễ hạn (%)",
    ]
    assert rows[1:] == [
        ["Phòng Quản lý Văn hóa", 3, 3, 1, 33.3, 2, 1, 50.0],
        ["Thư viện tỉnh", 2, 1, 0, 0.0, 1, 1, 100.0],
        ["Tổng cộng", 5, 4, 1, 25.0, 3, 2, 66.7],
    ]


def plain_input(dimension_code: str) -> ConsolidationInput:
    key = f"d:{dimension_code}"
    return ConsolidationInput(
        meta=Meta(
            agency_name="Sở Văn hóa, Thể thao và Du lịch",
            period_code="2026-H1",
            period_starts_on=datetime.date(2025, 12, 15),
            period_ends_on=datetime.date(2026, 6, 14),
        ),
        dimensions=[DimensionInfo(key, "Công khai, minh bạch", dimension_code, 1)],
        tasks=[TaskRow(key, "1.1", "Niêm yết", "Phòng A", "done", 100)],
        services=[
            ServiceRow("Phòng A", processed=1280, late=41, rated=582, satisfied=530),
            ServiceRow("Phòng B", received=7),
        ],
    )


def test_a_plan_without_procedure_tasks_still_reports_the_figures_in_their_own_item():
    data = plain_input("2")
    document = docx.Document(io.BytesIO(write_docx(data, aggregate(data), Narrative())))
    texts = [p.text for p in document.paragraphs if p.text]

    assert any(re.fullmatch(rf"\d\. {SERVICES_TITLE}", t) for t in texts)
    assert cells(service_table(document))[1:] == [
        ["1", "Phòng A", "1.280", "41", "3,2", "582", "530", "91,1"],
        ["2", "Phòng B", "0", "0", "—", "0", "0", "—"],
    ]
    caption = f"{SERVICES_TITLE} từ 15/12/2025 đến 14/06/2026"
    assert any(caption in t for t in texts)


def test_rates_of_a_unit_with_nothing_processed_stay_empty_in_the_annex():
    data = plain_input("6")
    sheet = openpyxl.load_workbook(io.BytesIO(write_xlsx(data, aggregate(data))))[SERVICE_SHEET]

    assert list(sheet.iter_rows(min_row=3, max_row=3, values_only=True))[0] == (
        "Phòng B",
        7,
        0,
        0,
        None,
        0,
        0,
        None,
    )


# The unit's report page ------------------------------------------------------------------------


def figures_of(response) -> list[str]:
    return re.findall(r'<p class="meta service-figures".*?</p>', response.text, re.S)


def test_the_units_report_page_shows_its_figures_for_the_period(
    client, bob, world, dossiers, culture_unit
):
    request = world.period.requests.get(unit=culture_unit)
    client.force_login(bob)
    response = client.get(reverse("reports:unit_report", args=[request.pk]))

    [shown] = figures_of(response)
    assert "15/12/2020 – 14/06/2021" in shown
    assert "33,3 %" in shown and "(1/3)" in shown and "50,0 %" in shown and "(1/2)" in shown
    assert reverse("dossiers:dashboard") not in shown  # bob heads a unit, not the office


def test_the_office_sees_the_figures_with_the_dashboard_link(
    client, alice, world, dossiers, library
):
    request = world.period.requests.get(unit=library)
    client.force_login(alice)
    response = client.get(reverse("reports:unit_report", args=[request.pk]))

    [shown] = figures_of(response)
    assert "(0/1)" in shown
    assert f"{reverse('dossiers:dashboard')}?unit={library.pk}&amp;month=2021-06" in shown


def test_a_unit_without_dossiers_shows_no_figures(client, alice, world, dossiers, office):
    request = world.period.requests.get(unit=office)
    client.force_login(alice)
    response = client.get(reverse("reports:unit_report", args=[request.pk]))

    assert response.status_code == 200
    assert figures_of(response) == []


def test_another_units_staff_cannot_open_the_report_and_its_figures(
    client, carol, world, dossiers, culture_unit
):
    request = world.period.requests.get(unit=culture_unit)
    request.report.status = "draft"
    request.report.save(update_fields=["status"])
    client.force_login(carol)
    response = client.get(reverse("reports:unit_report", args=[request.pk]))

    assert response.status_code == 404
    assert figures_of(response) == []


# The command -----------------------------------------------------------------------------------


def test_the_consolidate_command_writes_the_figures(world, dossiers, tmp_path):
    report, annex = tmp_path / "bao-cao.docx", tmp_path / "phu-luc.xlsx"
    call_command(
        "report",
        "consolidate",
        "--plan",
        str(world.plan.pk),
        "--period",
        "2021-H1",
        "--out",
        str(report),
        "--xlsx",
        str(annex),
        stdout=io.StringIO(),
    )

    assert cells(service_table(docx.Document(str(report))))[1][1:3] == [
        "Phòng Quản lý Văn hóa",
        "3",
    ]
    sheet = openpyxl.load_workbook(str(annex))[SERVICE_SHEET]
    assert sheet.cell(row=4, column=1).value == "Tổng cộng"
    assert sheet.cell(row=4, column=3).value == 4


def test_the_province_report_has_a_row_per_department_with_dossiers():
    from quantri.reports.tests.consolidation_factories import make_province

    province, departments = make_province(departments=2, units=2, tasks=4)
    first = departments[0]
    procedure = ProcedureFactory(agency=first.agency, processing_days=3, online_service="none")
    for unit, when, rating in (
        (first.units[0], EARLY, "satisfied"),
        (first.units[1], LATE, "not_satisfied"),
    ):
        handled_dossier(procedure=procedure, agency=first.agency, unit=unit, rating=rating, **when)
    result = services.consolidate_agency(province, "2021-H1", today=AFTER_DEADLINE)
    document = docx.Document(io.BytesIO(result.docx()))
    texts = [p.text for p in document.paragraphs if p.text]
    assert (
        "Các sở, ngành đã giải quyết 2 hồ sơ thủ tục hành chính, trong đó trễ hạn 1 hồ sơ "
        "(tỷ lệ 50,0%); 1/2 lượt đánh giá hài lòng (tỷ lệ 50,0%)." in texts
    )
    rows = cells(service_table(document))
    assert rows[0][1] == "Sở, ngành"
    assert rows[1:] == [["1", "Sở số 1", "2", "1", "50,0", "2", "1", "50,0"]]
    sheet = openpyxl.load_workbook(io.BytesIO(result.xlsx()))[SERVICE_SHEET]
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert any(row[:3] == ["Sở số 1", 2, 2] for row in values)
