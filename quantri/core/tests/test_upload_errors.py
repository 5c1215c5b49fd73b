"""A damaged upload is answered, by every reader, with a message that names the file as the user
named it — never the server's temporary path, never a library's raw exception text (openpyxl
names the temporary file it was given; lxml and expat print line and column of their XML)."""

import html
import io
import tempfile
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import Workbook

from quantri.dossiers.forms import DEFAULT_SOURCE
from quantri.reports.models import UnitReport
from quantri.reports.tests.factories import (
    ReportingPeriodFactory,
    ReportingRegimeFactory,
    ReportRequestFactory,
)

pytestmark = pytest.mark.django_db

RAW_LIBRARY_TEXT = ("Unable to read workbook", "line 1, column", "Traceback", "Error:", "KeyError")


def _rewritten(content: bytes, member: str, change) -> bytes:
    source, out = zipfile.ZipFile(io.BytesIO(content)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            target.writestr(info, change(data) if info.filename == member else data)
    return out.getvalue()


def _workbook() -> bytes:
    book = Workbook()
    book.active.append(["code", "procedure"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _half(data: bytes) -> bytes:
    return data[: len(data) // 2]


def _bad_value(data: bytes) -> bytes:
    # openpyxl reports a value it does not know with the path of the file it was reading.
    return data.replace(b'visibility="visible"', b'visibility="bogus"', 1)


DAMAGED_XLSX = {
    "bad-value": lambda: _rewritten(_workbook(), "xl/workbook.xml", _bad_value),
    "cut-workbook": lambda: _rewritten(_workbook(), "xl/workbook.xml", _half),
    "cut-sheet": lambda: _rewritten(_workbook(), "xl/worksheets/sheet1.xml", _half),
    "cut-styles": lambda: _rewritten(_workbook(), "xl/styles.xml", _half),
}
NAME = "Báo cáo hỏng.xlsx"


def assert_names_the_file_and_nothing_else(text: str, name: str) -> None:
    text = html.unescape(text)
    assert name in text
    assert tempfile.gettempdir() not in text and "quantri-import" not in text
    assert not [raw for raw in RAW_LIBRARY_TEXT if raw in text]


@pytest.mark.parametrize("damage", DAMAGED_XLSX)
def test_a_damaged_dossier_export_is_named_without_the_temporary_path(client, alice, damage):
    client.force_login(alice)
    upload = SimpleUploadedFile(NAME, DAMAGED_XLSX[damage]())
    response = client.post(reverse("dossiers:import"), {"file": upload, "source": DEFAULT_SOURCE})
    assert response.status_code == 200
    assert_names_the_file_and_nothing_else(" ".join(response.context["form"].errors["file"]), NAME)


@pytest.mark.parametrize("damage", DAMAGED_XLSX)
def test_a_damaged_report_template_is_named_and_changes_nothing(
    client, plan, culture_unit, bob, damage
):
    period = ReportingPeriodFactory(regime=ReportingRegimeFactory(plan=plan), plan=plan)
    request = ReportRequestFactory(period=period, unit=culture_unit)
    client.force_login(bob)
    upload = SimpleUploadedFile(NAME, DAMAGED_XLSX[damage]())
    url = reverse("reports:report_upload", args=[request.pk])
    response = client.post(url, {"file": upload}, follow=True)
    assert response.status_code == 200 and not UnitReport.objects.filter(request=request)
    shown = " ".join(str(message) for message in response.context["messages"])
    assert_names_the_file_and_nothing_else(shown, NAME)


@pytest.mark.parametrize("damage", DAMAGED_XLSX)
def test_a_damaged_catalogue_is_named(client, alice, department, damage):
    client.force_login(alice)
    upload = SimpleUploadedFile(NAME, DAMAGED_XLSX[damage]())
    response = client.post(reverse("procedures:import"), {"file": upload, "agency": department.pk})
    assert response.status_code == 200
    assert response.context["errors"]
    assert_names_the_file_and_nothing_else(response.content.decode(), NAME)


@pytest.mark.parametrize("damage", DAMAGED_XLSX)
def test_a_damaged_papi_workbook_is_named(tmp_path, damage):
    path = tmp_path / "diem-papi.xlsx"
    path.write_bytes(DAMAGED_XLSX[damage]())
    with pytest.raises(CommandError) as error:
        call_command("papi", "import", str(path), verbosity=0)
    message = str(error.value).replace(str(path), "")  # the path the user typed is fine
    assert "diem-papi.xlsx" in str(error.value)
    assert not [raw for raw in RAW_LIBRARY_TEXT if raw in message]


def _docx(text: str) -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


DAMAGED_PLANS = {
    "cut-docx": (
        "Kế hoạch hỏng.docx",
        lambda: _rewritten(_docx("Kế hoạch"), "word/document.xml", _half),
    ),
    "garbage-pdf": ("Kế hoạch hỏng.pdf", lambda: b"%PDF-1.4\n" + b"\x00\x13garbage" * 50),
}


@pytest.mark.parametrize("damage", DAMAGED_PLANS)
def test_a_damaged_plan_document_is_named(client, alice, department, damage):
    name, content = DAMAGED_PLANS[damage]
    client.force_login(alice)
    upload = SimpleUploadedFile(name, content())
    response = client.post(
        reverse("plans:import_upload"), {"document": upload, "agency": department.pk}
    )
    assert response.status_code == 200
    shown = " ".join(response.context["form"].errors["document"])
    assert_names_the_file_and_nothing_else(shown, name)
