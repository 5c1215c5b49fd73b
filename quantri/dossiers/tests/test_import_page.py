"""The import page: an export uploaded, checked by content, read by the importer; counts or
the rows to fix; nothing saved on a bad row unless asked. Office only."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from quantri.dossiers.models import ColumnMapping, Dossier, DossierImport
from quantri.dossiers.tests.test_import import HEADER, good_rows

URL = "/dossiers/import/"


def csv_file(rows, name="export.csv", header=HEADER) -> SimpleUploadedFile:
    lines = [",".join(header)] + [",".join(row) for row in rows]
    return SimpleUploadedFile(name, "\n".join(lines).encode(), content_type="text/csv")


def upload(client, file, source="default", partial=False):
    data = {"file": file, "source": source}
    if partial:
        data["partial"] = "on"
    return client.post(reverse("dossiers:import"), data)


def test_the_page_is_at_its_address_with_the_saved_sources(client, alice, department):
    ColumnMapping.objects.create(source="motcua-hy", columns={"code": "Mã hồ sơ"})
    client.force_login(alice)
    assert reverse("dossiers:import") == URL
    html = client.get(URL).content.decode()
    assert '<option value="default"' in html and '<option value="motcua-hy"' in html
    assert 'enctype="multipart/form-data"' in html


def test_a_good_file_is_imported_and_recorded(client, alice, procedure, department):
    client.force_login(alice)
    response = upload(client, csv_file(good_rows(procedure, department)))
    html = response.content.decode()
    assert response.status_code == 200 and "data-result" in html and "data-errors" not in html
    assert sorted(Dossier.objects.values_list("code", flat=True)) == ["HS-1", "HS-2"]
    record = DossierImport.objects.get()
    assert (record.file_name, record.source, record.user, record.created) == (
        "export.csv",
        "default",
        alice,
        2,
    )
    assert html.count("data-import") == 1 and "export.csv" in html
    assert "<table" not in html  # the recent imports are a list: nothing wider than a phone


def test_counts_are_shown_in_english_when_chosen(client_en, alice, procedure, department):
    client_en.force_login(alice)
    upload(client_en, csv_file(good_rows(procedure, department)))
    html = upload(client_en, csv_file(good_rows(procedure, department))).content.decode()
    assert "0 created, 2 updated." in html


def test_a_bad_row_is_named_and_nothing_is_saved(client, alice, procedure, department):
    rows = good_rows(procedure, department)
    rows[1][4] = "fax"
    client.force_login(alice)
    html = upload(client, csv_file(rows, name="bad.csv")).content.decode()
    assert "bad.csv, row 3, column channel" in html
    assert not Dossier.objects.exists() and not DossierImport.objects.exists()


def test_partial_saves_the_good_rows(client, alice, procedure, department):
    rows = good_rows(procedure, department)
    rows[1][4] = "fax"
    client.force_login(alice)
    html = upload(client, csv_file(rows), partial=True).content.decode()
    assert "row 3, column channel" in html
    assert list(Dossier.objects.values_list("code", flat=True)) == ["HS-1"]
    assert DossierImport.objects.get().rejected == 1


def test_only_the_first_200_errors_are_listed(client, alice, procedure, department):
    row = good_rows(procedure, department)[1]
    rows = [[f"HS-{n}", *row[1:4], "fax", *row[5:]] for n in range(250)]
    client.force_login(alice)
    html = upload(client, csv_file(rows)).content.decode()
    assert html.count("column channel") == 200
    assert 'data-more-errors="50"' in html
    assert not Dossier.objects.exists()


def test_an_xlsx_read_with_a_saved_mapping(client, alice, procedure, department):
    ColumnMapping.objects.create(
        source="motcua", columns={"code": "Mã hồ sơ", "applicant_name": "Người nộp"}
    )
    book = Workbook()
    book.active.append(
        ["Mã hồ sơ", "procedure", "agency", "Người nộp", "channel"]
        + [
            "received_at",
            "state",
        ]
    )
    book.active.append(
        [
            "MC-1",
            procedure.code,
            department.code,
            "Phạm Thu",
            "post",
            "02/03/2026 08:30",
            "received",
        ]
    )
    content = io.BytesIO()
    book.save(content)
    file = SimpleUploadedFile("motcua.xlsx", content.getvalue())
    client.force_login(alice)
    upload(client, file, source="motcua")
    assert Dossier.objects.get(code="MC-1").applicant_name == "Phạm Thu"


@pytest.mark.parametrize(
    ("file", "message"),
    [
        (SimpleUploadedFile("export.csv", b"\x89PNG\r\n\x1a\n\x00\x00"), "not an accepted file"),
        (SimpleUploadedFile("export.txt", b"code,state\nHS-1,received\n"), "not a .csv or .xlsx"),
        (SimpleUploadedFile("export.csv", b""), "empty"),
        (SimpleUploadedFile("short.csv", b"code\nHS-1\n"), "short.csv: missing column"),
    ],
    ids=["renamed-image", "text-file", "empty", "missing-columns"],
)
def test_a_wrong_file_gets_one_clear_message(client_en, alice, department, file, message):
    client_en.force_login(alice)
    html = upload(client_en, file).content.decode()
    assert message in html and 'class="error"' in html
    assert not Dossier.objects.exists() and not DossierImport.objects.exists()


def test_a_file_over_the_limit_is_refused(client_en, alice, procedure, department, settings):
    settings.QUANTRI_MAX_UPLOAD_MB = 0
    client_en.force_login(alice)
    html = upload(client_en, csv_file(good_rows(procedure, department))).content.decode()
    assert "export.csv is larger than the 0.0 MB limit." in html
    assert not Dossier.objects.exists()


@pytest.mark.parametrize("user_fixture", ["bob", "carol", "dave"])
def test_only_managers_may_import(client, request, procedure, department, user_fixture):
    client.force_login(request.getfixturevalue(user_fixture))
    assert client.get(URL).status_code == 403
    response = upload(client, csv_file(good_rows(procedure, department)))
    assert response.status_code == 403 and not Dossier.objects.exists()


def test_another_departments_imports_are_not_listed(client, alice, erin, procedure, department):
    client.force_login(alice)
    upload(client, csv_file(good_rows(procedure, department), name="alice-export.csv"))
    client.force_login(erin)
    html = client.get(URL).content.decode()
    assert "alice-export.csv" not in html and "data-import" not in html


def test_anonymous_is_sent_to_login(client, db):
    response = client.get(URL)
    assert response.status_code == 302 and "login" in response["Location"]


def test_rows_of_an_agency_not_managed_are_refused(client_en, alice, erin, procedure, department):
    rows = good_rows(procedure, department)
    rows[1][2] = "T-DEPT2"  # erin's department
    client_en.force_login(alice)
    html = upload(client_en, csv_file(rows)).content.decode()
    assert "export.csv, row 3, column agency: not an agency you manage" in html
    assert not Dossier.objects.exists() and not DossierImport.objects.exists()
    html = upload(client_en, csv_file(rows), partial=True).content.decode()
    assert "export.csv, row 3, column agency: not an agency you manage" in html
    assert list(Dossier.objects.values_list("code", flat=True)) == ["HS-1"]


def test_an_imported_dossier_shows_the_import_that_wrote_it(
    client_en, alice, procedure, department
):
    client_en.force_login(alice)
    upload(client_en, csv_file(good_rows(procedure, department)))
    dossier = Dossier.objects.get(code="HS-1")
    html = client_en.get(reverse("dossiers:detail", args=[dossier.pk])).content.decode()
    assert f'data-import="{dossier.last_import_id}"' in html
    assert "Last written by the import of export.csv (default)" in html
