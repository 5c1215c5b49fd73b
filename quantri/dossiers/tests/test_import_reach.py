"""A dossier code is unique across every agency, so an import that names its own agency and
another agency's dossier code must not take that dossier over (issue 11): on the upload page,
through the command with --agency, through the API with a session and with a one-stop key, the
row is a row error that names neither the owner nor what the dossier holds, and nothing is
saved. A control character in a cell is a row error on every path too."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from quantri.dossiers.models import Dossier, DossierImport
from quantri.dossiers.tests.conftest import register
from quantri.dossiers.tests.test_api import _record
from quantri.dossiers.tests.test_import import HEADER, good_rows, write_csv
from quantri.dossiers.tests.test_import_page import csv_file, upload
from quantri.dossiers.tests.test_source_keys import _post, raw_key  # noqa: F401 (fixture)
from quantri.orgs.models import Agency
from quantri.testing.workbooks import with_raw_xml

API = "/api/dossiers/import"
ENGLISH = {"HTTP_COOKIE": "django_language=en"}  # messages asserted as their msgids
REFUSED = "this code belongs to a dossier outside the agencies you manage"


@pytest.fixture
def erins_dossier(erin, procedure):
    """A dossier of erin's department (Sở Y tế), received at its own desk."""
    health = Agency.objects.get(code="T-DEPT2")
    return register(procedure, health, code="YT-0001", applicant_name="Phạm Thị Lan")


def assert_untouched(dossier):
    kept = Dossier.objects.get(pk=dossier.pk)
    assert (kept.agency_id, kept.applicant_name, kept.state) == (
        dossier.agency_id,
        "Phạm Thị Lan",
        "received",
    )


def assert_names_no_owner(errors):
    text = " ".join(errors)
    assert "T-DEPT2" not in text and "Y tế" not in text and "Lan" not in text


def takeover_rows(procedure, department, dossier):
    """Alice's export: one dossier of her own, and one naming her department with the code
    of erin's dossier."""
    rows = good_rows(procedure, department)
    rows[1][0] = dossier.code
    return rows


def test_the_upload_page_refuses_another_agencys_code(
    client_en, alice, procedure, department, erins_dossier
):
    client_en.force_login(alice)
    rows = takeover_rows(procedure, department, erins_dossier)
    response = upload(client_en, csv_file(rows))
    html = response.content.decode()
    assert f"export.csv, row 3, column code: {REFUSED}" in html
    assert "T-DEPT2" not in html
    assert_untouched(erins_dossier)
    assert not Dossier.objects.filter(code="HS-1").exists()
    upload(client_en, csv_file(rows), partial=True)
    assert_untouched(erins_dossier)
    assert Dossier.objects.filter(code="HS-1", agency=department).exists()


def test_the_upload_page_still_updates_the_users_own_dossiers(
    client_en, alice, procedure, department, culture_unit
):
    mine = register(procedure, department, unit=culture_unit, code="HS-2")
    client_en.force_login(alice)
    upload(client_en, csv_file(good_rows(procedure, department)))
    mine.refresh_from_db()
    assert mine.applicant_name == "Trần Văn Nam" and mine.state == "processing"


def test_the_session_api_refuses_another_agencys_code(
    client_en, alice, procedure, department, erins_dossier
):
    client_en.force_login(alice)
    body = {
        "dossiers": [
            _record(procedure, department),
            _record(procedure, department, code=erins_dossier.code, applicant_name="Kẻ Lạ"),
        ]
    }
    response = client_en.post(API, body, content_type="application/json")
    assert response.status_code == 400
    assert response.json() == {
        "created": 0,
        "updated": 0,
        "rejected": 1,
        "errors": [f"item 2, field code: {REFUSED}"],
    }
    assert_untouched(erins_dossier)
    assert not Dossier.objects.filter(code="API-1").exists()
    assert not DossierImport.objects.exists()


def test_a_key_refuses_another_agencys_code_even_partially(
    raw_key,  # noqa: F811 (fixture)
    procedure,
    department,
    erins_dossier,
):
    body = {
        "partial": True,
        "dossiers": [
            _record(procedure, department),
            _record(procedure, department, code=erins_dossier.code),
        ],
    }
    response = _post(raw_key, body, **ENGLISH)
    assert response.status_code == 200
    data = response.json()
    assert (data["created"], data["updated"], data["rejected"]) == (1, 0, 1)
    assert data["errors"] == [f"item 2, field code: {REFUSED}"]
    assert_untouched(erins_dossier)


def test_the_command_with_agency_keeps_to_it(
    tmp_path, procedure, department, erins_dossier, capsys
):
    path = write_csv(tmp_path / "export.csv", takeover_rows(procedure, department, erins_dossier))
    args = ("dossiers", "import", str(path), "--source", "ours", "--agency", department.code)
    with pytest.raises(CommandError, match="1 bad row"):
        call_command(*args)
    assert f"export.csv, row 3, column code: {REFUSED}" in capsys.readouterr().err
    assert_untouched(erins_dossier)
    assert not Dossier.objects.filter(code="HS-1").exists()
    with pytest.raises(CommandError, match="no agency"):
        call_command("dossiers", "import", str(path), "--source", "ours", "--agency", "NO")


def test_the_operator_without_agency_may_still_move_a_dossier(
    tmp_path, procedure, department, erins_dossier, capsys
):
    """On the server the operator acts for every agency (a dossier handed over to another
    agency is corrected this way); --agency is how a run is kept to one."""
    path = write_csv(tmp_path / "export.csv", takeover_rows(procedure, department, erins_dossier))
    call_command("dossiers", "import", str(path), "--source", "ours")
    assert "1 created, 1 updated" in capsys.readouterr().out
    assert Dossier.objects.get(pk=erins_dossier.pk).agency == department


def test_a_refused_code_beyond_the_first_chunk_is_found(
    client_en, alice, procedure, department, erins_dossier, monkeypatch
):
    """Codes are checked a chunk at a time; the chunk boundary changes nothing."""
    monkeypatch.setattr("quantri.dossiers.importer.CHUNK", 2)
    client_en.force_login(alice)
    records = [_record(procedure, department, code=f"API-{n}") for n in range(5)]
    records.append(_record(procedure, department, code=erins_dossier.code))
    response = client_en.post(API, {"dossiers": records}, content_type="application/json")
    assert response.json()["errors"] == [f"item 6, field code: {REFUSED}"]
    assert not Dossier.objects.filter(agency=department).exists()
    assert_untouched(erins_dossier)


# A control character in a cell (issue 11, item 6).


def test_the_upload_page_refuses_a_nul_byte_in_a_code(client_en, alice, procedure, department):
    client_en.force_login(alice)
    rows = good_rows(procedure, department)
    rows[0][0] = "HS-\x001"
    html = upload(client_en, csv_file(rows)).content.decode()
    assert "export.csv, row 2, column code: contains the control character U+0000" in html
    assert not Dossier.objects.exists()


def test_the_command_refuses_a_control_character(tmp_path, procedure, department, capsys):
    rows = good_rows(procedure, department)
    rows[1][3] = "Trần\x07 Văn Nam"
    path = write_csv(tmp_path / "export.csv", rows)
    with pytest.raises(CommandError, match="1 bad row"):
        call_command("dossiers", "import", str(path), "--source", "ours")
    err = capsys.readouterr().err
    assert "row 3, column applicant_name: contains the control character U+0007" in err
    assert not Dossier.objects.exists()


@pytest.mark.parametrize("code", ["API-\x001", "API-\n1", "API-\x1b1"])
def test_the_session_api_refuses_a_control_character_in_a_code(
    client_en, alice, procedure, department, code
):
    client_en.force_login(alice)
    body = {"dossiers": [_record(procedure, department, code=code)]}
    response = client_en.post(API, body, content_type="application/json")
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error.startswith("item 1, field code: contains the control character U+00")
    assert not Dossier.objects.exists()


def test_a_key_refuses_a_nul_byte(raw_key, procedure, department):  # noqa: F811
    body = {"dossiers": [_record(procedure, department, code="API-\x001")]}
    response = _post(raw_key, body, **ENGLISH)
    assert response.status_code == 400
    assert response.json()["errors"] == [
        "item 1, field code: contains the control character U+0000"
    ]
    assert not Dossier.objects.exists()


def test_a_line_break_in_a_name_is_no_error(client_en, alice, procedure, department):
    client_en.force_login(alice)
    body = {"dossiers": [_record(procedure, department, applicant_name="Lê Văn\nBình")]}
    response = client_en.post(API, body, content_type="application/json")
    assert response.status_code == 200 and response.json()["created"] == 1


def xlsx_with_a_control_character(procedure, department) -> bytes:
    """An export whose second dossier's code holds &#1; in the sheet's XML: openpyxl cannot
    write such a cell, someone editing the file by hand can."""
    rows = good_rows(procedure, department)
    rows[1][0] = "MARK"
    book = Workbook()
    for row in [HEADER, *rows]:
        book.active.append(row)
    saved = io.BytesIO()
    book.save(saved)
    return with_raw_xml(saved.getvalue(), b"MARK", b"HS-&#1;2")


def test_the_upload_page_names_the_row_of_a_control_character_in_a_workbook(
    client_en, alice, procedure, department
):
    client_en.force_login(alice)
    content = xlsx_with_a_control_character(procedure, department)
    response = upload(client_en, SimpleUploadedFile("export.xlsx", content))
    assert response.status_code == 200
    assert "export.xlsx, row 3: a cell holds a control character" in response.content.decode()
    assert not Dossier.objects.exists()


def test_the_command_names_the_row_of_a_control_character_in_a_workbook(
    tmp_path, procedure, department
):
    path = tmp_path / "export.xlsx"
    path.write_bytes(xlsx_with_a_control_character(procedure, department))
    with pytest.raises(CommandError, match="export.xlsx, row 3: a cell holds a control"):
        call_command("dossiers", "import", str(path), "--source", "ours")
    assert not Dossier.objects.exists()


def test_the_refusal_reads_in_vietnamese_on_the_page(
    client, alice, procedure, department, erins_dossier
):
    client.force_login(alice)
    html = upload(client, csv_file(takeover_rows(procedure, department, erins_dossier)))
    assert "mã này thuộc một hồ sơ ngoài các cơ quan, đơn vị bạn quản lý" in html.content.decode()
