"""Every spreadsheet and CSV the product writes keeps user text as text: a task title, a report,
a procedure or a survey section typed as a formula reaches the office's Excel as the words
typed, never as a formula ("CSV injection", OWASP). Each exporter is run through its real
view or service with a hostile value in every user-text field, and its file is reopened."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from quantri.dossiers import generate
from quantri.plans.models import Task, TaskGroup, TaskStatus
from quantri.procedures.tests.factories import FeeFactory, ProcedureFactory, ProcedureFieldFactory
from quantri.reports.models import ReportStatus, TaskReport, UnitReport
from quantri.reports.tests.consolidation_factories import make_world
from quantri.reports.tests.factories import (
    ReportingPeriodFactory,
    ReportingRegimeFactory,
    ReportRequestFactory,
)
from quantri.surveys import services as survey_services
from quantri.surveys.models import SurveyStatus
from quantri.surveys.tests.factories import (
    QuestionFactory,
    SectionFactory,
    ServicePointFactory,
    SurveyFactory,
)
from quantri.testing.factories import TaskFactory, TaskGroupFactory

pytestmark = pytest.mark.django_db

HOSTILE = [
    '=HYPERLINK("http://x","y")',
    "+1+1",
    "-2+3",
    "@SUM(A1)",
    "\t=1",
    "\r=1",
    "=cmd|' /C calc'!A0",
]


def report_template(client, world, text) -> tuple[str, bytes]:
    """The offline report a unit downloads, pre-filled with its saved draft."""
    task = TaskFactory(group=TaskGroupFactory(plan=world.plan), lead_unit=world.culture_unit)
    Task.objects.filter(pk=task.pk).update(title=text)
    regime = ReportingRegimeFactory(plan=world.plan)
    period = ReportingPeriodFactory(regime=regime, plan=world.plan)
    request = ReportRequestFactory(period=period, unit=world.culture_unit)
    report = UnitReport.objects.create(
        request=request,
        status=ReportStatus.DRAFT,
        general_remarks=text,
        difficulties=text,
        proposals=text,
    )
    TaskReport.objects.create(
        report=report,
        task=task,
        status=TaskStatus.IN_PROGRESS,
        progress=50,
        done=text,
        difficulties=text,
        proposals=text,
    )
    client.force_login(world.bob)
    return "xlsx", client.get(reverse("reports:report_template", args=[request.pk])).content


def consolidation_annex(client, world, text) -> tuple[str, bytes]:
    """The consolidated report's XLSX annex: task titles, groups, units and what was done."""
    made = make_world(
        plan=world.plan,
        department=world.department,
        office=world.office,
        culture_unit=world.culture_unit,
        library=world.library,
    )
    Task.objects.filter(group__plan=world.plan).update(title=text)
    TaskGroup.objects.filter(plan=world.plan, dimension=None).update(title=text)
    TaskReport.objects.filter(report__request__period=made.period).update(done=text)
    world.library.name = text
    world.library.save(update_fields=["name"])
    client.force_login(world.alice)
    url = reverse("reports:consolidation_xlsx", args=[made.period.pk])
    return "xlsx", client.get(url).content


def procedure_catalogue(client, world, text) -> tuple[str, bytes]:
    """The catalogue workbook: fields, procedures, their documents, steps and fees."""
    procedure = ProcedureFactory(
        name=text,
        field=ProcedureFieldFactory(code="VH", name=text),
        agency=world.department,
        processing_time_text=text,
        steps=[text],
        legal_bases=[text],
        documents=[{"name": text, "copies": text, "form": text}],
    )
    FeeFactory(procedure=procedure, name=text, amount_text=text, legal_basis=text)
    client.force_login(world.alice)
    return "xlsx", client.get(reverse("procedures:export")).content


def _answered_survey(world, text):
    survey = SurveyFactory(agency=world.department, title=text, status=SurveyStatus.OPEN)
    point = ServicePointFactory(survey=survey, unit=world.office, name=text, code="mot-cua")
    world.office.name = text
    world.office.save(update_fields=["name"])
    rating = QuestionFactory(survey=survey, section=SectionFactory(survey=survey, title=text))
    rating.text = text
    rating.save(update_fields=["text"])
    for score in (5, 2):
        survey_services.response_submit(
            service_point=point,
            answers={rating.pk: score},
            profile={},
            submitted_at=datetime.datetime(2026, 3, 10, 9, tzinfo=datetime.UTC),
        )
    return survey


def survey_results_xlsx(client, world, text) -> tuple[str, bytes]:
    survey = _answered_survey(world, text)
    client.force_login(world.alice)
    return "xlsx", client.get(f"/surveys/{survey.pk}/results.xlsx").content


def survey_results_csv(client, world, text) -> tuple[str, bytes]:
    survey = _answered_survey(world, text)
    client.force_login(world.alice)
    return "csv", client.get(f"/surveys/{survey.pk}/results.csv").content


def dossier_export(client, world, text, tmp_path) -> tuple[str, bytes]:
    """The one-stop export file the generator writes: procedure and unit codes as typed."""
    ProcedureFactory(code=text, agency=world.department, field=ProcedureFieldFactory(code="VH"))
    world.culture_unit.code = text
    world.culture_unit.save(update_fields=["code"])
    path = tmp_path / "export.csv"
    generate.write_export(
        path, count=40, year=2026, agency=world.department, until=datetime.date(2026, 3, 31)
    )
    return "csv", path.read_bytes()


EXPORTERS = [
    report_template,
    consolidation_annex,
    procedure_catalogue,
    survey_results_xlsx,
    survey_results_csv,
    dossier_export,
]


class World:
    def __init__(self, **objects):
        self.__dict__.update(objects)


@pytest.fixture
def world(plan, department, office, culture_unit, library, alice, bob):
    return World(
        plan=plan,
        department=department,
        office=office,
        culture_unit=culture_unit,
        library=library,
        alice=alice,
        bob=bob,
    )


def reopened_cells(kind: str, content: bytes) -> list:
    """(value, is_formula) of every cell of every sheet. An XLSX text cell that looks like a
    formula counts as one unless it has the quotePrefix style: without it Excel turns "+1+1"
    into a formula as soon as someone edits the cell."""
    if kind == "csv":
        rows = csv.reader(io.StringIO(content.decode("utf-8-sig"), newline=""))
        return [(value, _runs_in_a_spreadsheet(value)) for row in rows for value in row]
    book = load_workbook(io.BytesIO(content))
    return [
        (cell.value, _is_formula(cell))
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    ]


def _is_formula(cell) -> bool:
    if cell.data_type == "f":
        return True
    return (
        isinstance(cell.value, str)
        and _runs_in_a_spreadsheet(cell.value)
        and not (cell.quotePrefix)
    )


def _runs_in_a_spreadsheet(value: str) -> bool:
    """Excel and LibreOffice run a CSV cell starting with these as a formula, unless it is
    only a number."""
    try:
        float(value)
        return False
    except ValueError:
        return value[:1] in ("\t", "\r") or value.lstrip(" ")[:1] in ("=", "+", "-", "@")


@pytest.mark.parametrize("text", HOSTILE)
@pytest.mark.parametrize("exporter", EXPORTERS, ids=lambda e: e.__name__)
def test_user_text_is_written_as_text_never_as_a_formula(client, world, exporter, text, tmp_path):
    arguments = (tmp_path,) if exporter is dossier_export else ()
    kind, content = exporter(client, world, text, *arguments)
    cells = reopened_cells(kind, content)
    assert [value for value, is_formula in cells if is_formula] == []
    # The words typed come back as typed (a CSV cell behind the apostrophe Excel hides).
    typed = text if kind == "xlsx" else "'" + text
    assert typed in [value for value, _formula in cells]
