"""An agency's catalogue import changes that agency's procedures only (issue 11): a national
code of another agency's procedure is a row error that does not name the owner, and the
shared fields (lĩnh vực) keep the names and places their owner — an administrator — gave
them, on the import page and through `quantri procedures import --agency`."""

from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from quantri.orgs.models import Agency
from quantri.procedures.importing import CatalogueImportError, catalogue_import
from quantri.procedures.models import Procedure, ProcedureField
from quantri.procedures.tests.factories import ProcedureFactory
from quantri.procedures.tests.workbooks import good_rows, workbook
from quantri.testing.factories import UserFactory
from quantri.testing.workbooks import with_raw_xml

pytestmark = pytest.mark.django_db

RENAMING = [("VH", "Lĩnh vực của riêng Sở"), ("MOI", "Lĩnh vực mới")]


@pytest.fixture
def health_procedure(erin, culture_field):
    """A published procedure of erin's department (Sở Y tế), in the shared field VH."""
    health = Agency.objects.get(code="T-DEPT2")
    return ProcedureFactory(
        code="1.002000", name="Cấp phép hành nghề", field=culture_field, agency=health
    )


def upload(client, content: bytes):
    file = SimpleUploadedFile("tthc.xlsx", content)
    return client.post(reverse("procedures:import"), {"file": file}, follow=True)


def test_an_agencys_import_keeps_the_shared_field_and_says_so(department, health_procedure):
    report = catalogue_import(
        content=workbook(good_rows(department.code), fields=RENAMING),
        user=None,
        agencies=[department],
    )
    assert ProcedureField.objects.get(code="VH").name == "Văn hóa"
    [warning] = report.warnings
    assert "row 2" in warning and "keeps its name “Văn hóa”" in warning
    health_procedure.refresh_from_db()
    assert health_procedure.field.name == "Văn hóa"


def test_an_agencys_import_may_add_a_field_last_without_moving_the_others(
    department, culture_field, tourism_field
):
    places = dict(ProcedureField.objects.values_list("code", "order"))
    catalogue_import(
        content=workbook(good_rows(department.code), fields=RENAMING),
        user=None,
        agencies=[department],
    )
    added = ProcedureField.objects.get(code="MOI")
    assert added.name == "Lĩnh vực mới" and added.order > max(places.values())
    assert dict(ProcedureField.objects.exclude(code="MOI").values_list("code", "order")) == places


def test_the_owner_of_the_fields_renames_them(department, culture_field):
    report = catalogue_import(
        content=workbook(good_rows(department.code), fields=RENAMING),
        user=None,
        owns_fields=True,
    )
    assert ProcedureField.objects.get(code="VH").name == "Lĩnh vực của riêng Sở"
    assert not report.warnings


def test_the_page_keeps_another_agencys_public_field_name(
    client_en, alice, department, health_procedure
):
    client_en.force_login(alice)
    response = upload(client_en, workbook(good_rows(department.code), fields=RENAMING))
    assert "keeps its name “Văn hóa”" in response.text
    public = client_en.get(reverse("procedures:detail", args=[health_procedure.code])).text
    assert "Văn hóa" in public and "Lĩnh vực của riêng Sở" not in public


def test_the_page_of_an_administrator_renames_the_field(client, department, culture_field):
    client.force_login(UserFactory(username="root", is_superuser=True, is_staff=True))
    upload(client, workbook(good_rows(department.code), fields=RENAMING))
    assert ProcedureField.objects.get(code="VH").name == "Lĩnh vực của riêng Sở"


def test_the_page_refuses_another_agencys_code_without_naming_it(
    client_en, alice, department, health_procedure
):
    rows = good_rows(department.code)
    rows[1] = (health_procedure.code, *rows[1][1:])
    client_en.force_login(alice)
    response = upload(client_en, workbook(rows))
    [error] = response.context["errors"]
    assert "row 3" in error and "1.002000 is a procedure of an agency whose" in error
    assert "Y tế" not in response.text and "T-DEPT2" not in response.text
    health_procedure.refresh_from_db()
    assert health_procedure.agency.code == "T-DEPT2" and health_procedure.name == (
        "Cấp phép hành nghề"
    )
    assert not Procedure.objects.filter(agency=department).exists()


def command(*args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("procedures", "import", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_the_command_for_an_agency_keeps_the_fields_and_its_reach(
    tmp_path, department, health_procedure
):
    path = tmp_path / "tthc.xlsx"
    path.write_bytes(workbook(good_rows(department.code), fields=RENAMING))
    _out, err = command(str(path), "--agency", department.code)
    assert "keeps its name “Văn hóa”" in err
    assert ProcedureField.objects.get(code="VH").name == "Văn hóa"
    rows = good_rows(department.code)
    rows[1] = (health_procedure.code, *rows[1][1:])
    path.write_bytes(workbook(rows))
    with pytest.raises(CommandError, match="1.002000 is a procedure of an agency") as raised:
        command(str(path), "--agency", department.code)
    assert "Y tế" not in str(raised.value)
    rows[1] = rows[1][:4] + ("T-DEPT2",) + rows[1][5:]
    path.write_bytes(workbook(rows))
    with pytest.raises(CommandError, match="T-DEPT2 is not an agency whose procedures"):
        command(str(path), "--agency", department.code)
    assert Procedure.objects.get(code="1.002000").name == "Cấp phép hành nghề"


def test_the_command_for_the_whole_catalogue_renames_fields(tmp_path, department, culture_field):
    path = tmp_path / "tthc.xlsx"
    path.write_bytes(workbook(good_rows(department.code), fields=RENAMING))
    command(str(path))
    assert ProcedureField.objects.get(code="VH").name == "Lĩnh vực của riêng Sở"


def test_a_catalogue_import_error_is_still_all_or_nothing(department, health_procedure):
    rows = good_rows(department.code)
    rows[1] = (health_procedure.code, *rows[1][1:])
    with pytest.raises(CatalogueImportError):
        catalogue_import(content=workbook(rows, fields=RENAMING), user=None, agencies=[department])
    assert not ProcedureField.objects.filter(code="MOI").exists()
    assert not Procedure.objects.filter(code="1.001234").exists()


def test_a_control_character_in_a_cell_is_named_by_sheet_and_row(department):
    rows = good_rows(department.code)
    rows[1] = (rows[1][0], "MARK", *rows[1][2:])
    content = with_raw_xml(workbook(rows), b"MARK", b"Th&#0;ng b&#225;o")
    with pytest.raises(CatalogueImportError) as raised:
        catalogue_import(content=content, user=None, agencies=[department])
    assert raised.value.errors == [
        "Sheet “Procedures”, row 3: a cell holds a control character (such as NUL)."
    ]
    assert not Procedure.objects.exists()
