import io
import zipfile
from decimal import Decimal

import pytest
from django.utils import translation
from openpyxl import load_workbook

from quantri.procedures.importing import CatalogueImportError, catalogue_export, catalogue_import
from quantri.procedures.models import Procedure, ProcedureField
from quantri.procedures.tests.workbooks import PROCEDURE_HEADER, good_rows, workbook

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    """Messages are asserted in English (the msgids); headers are recognised in any language."""
    with translation.override("en"):
        yield


def run(content: bytes, **kwargs):
    return catalogue_import(content=content, user=None, **kwargs)


def test_a_workbook_creates_procedures_with_documents_fees_and_steps(department):
    content = workbook(
        good_rows(department.code),
        documents=[("1.001234", "Văn bản đề nghị", "01 bản chính", "Mẫu số 01")],
        fees=[("1.001234", "Phí thẩm định", "1.500.000", ""), ("1.001235", "Lệ phí", None, "Miễn")],
    )
    report = run(content)
    assert report.created == ["1.001234", "1.001235"] and not report.dry_run
    festival = Procedure.objects.get(code="1.001234")
    assert festival.folded_name == "cap giay phep to chuc le hoi"
    assert festival.field.name == "Văn hóa" and festival.agency == department
    assert festival.online_service == "partial" and festival.is_published
    assert festival.steps == ["Nộp hồ sơ", "Thẩm định", "Trả kết quả"]
    assert festival.documents == [
        {"name": "Văn bản đề nghị", "copies": "01 bản chính", "form": "Mẫu số 01"}
    ]
    assert [(f.name, f.amount) for f in festival.fees.all()] == [
        ("Phí thẩm định", Decimal(1500000))
    ]
    notice = Procedure.objects.get(code="1.001235")
    assert not notice.is_published and notice.online_service == "none"
    assert notice.fees.get().amount_text == "Miễn"


def test_importing_the_same_file_again_changes_nothing(department):
    content = workbook(good_rows(department.code), fees=[("1.001234", "Phí", 100000, "")])
    run(content)
    history = Procedure.history.count()
    report = run(content)
    assert report.unchanged == ["1.001234", "1.001235"] and not report.created
    assert Procedure.objects.count() == 2 and Procedure.history.count() == history


def test_an_edited_file_updates_the_procedures_by_code(department):
    run(workbook(good_rows(department.code)))
    rows = good_rows(department.code)
    rows[0] = ("1.001234", "Cấp phép tổ chức lễ hội (sửa đổi)", *rows[0][2:5], 7, *rows[0][6:])
    report = run(workbook(rows))
    assert report.updated == ["1.001234"] and report.unchanged == ["1.001235"]
    festival = Procedure.objects.get(code="1.001234")
    assert (festival.processing_days, festival.folded_name) == (
        7,
        "cap phep to chuc le hoi (sua doi)",
    )


def test_bad_rows_are_all_named_by_sheet_row_and_column_and_nothing_is_saved(department):
    rows = good_rows(department.code) + [
        ("1.23", "Tên", "VH", "province", department.code, 5, "", "", ""),
        ("1.001236", "Tên", "XX", "tỉnh thành", department.code, "mười", "", "", "maybe"),
        ("1.001234", "Trùng mã", "VH", "province", department.code, 5, "", "", ""),
    ]
    content = workbook(rows, fees=[("1.999999", "Phí", "nhiều", "")])
    with pytest.raises(CatalogueImportError) as caught:
        run(content)
    errors = caught.value.errors
    assert (
        "Sheet “Procedures”, row 4, column “National code”: 1.23 is not a national code"
        in (errors[0])
    )
    assert any("row 5, column “Field code”: no field has the code XX" in e for e in errors)
    assert any("row 5, column “Level”: “tỉnh thành” is not one of" in e for e in errors)
    assert any("row 5, column “Processing time (working days)”" in e for e in errors)
    assert any("row 5, column “Published”: “maybe” is not yes or no" in e for e in errors)
    assert any("row 6, column “National code”: 1.001234 is already on row 2" in e for e in errors)
    assert any(e.startswith("Sheet “Fees”, row 2, column “National code”") for e in errors)
    assert any(e.startswith("Sheet “Fees”, row 2, column “Amount (VND)”") for e in errors)
    assert not Procedure.objects.exists() and not ProcedureField.objects.exists()


def test_a_missing_column_or_sheet_is_reported(department):
    header = [h for h in PROCEDURE_HEADER if h != "Level"]
    rows = [r[:3] + r[4:] for r in good_rows(department.code)]
    with pytest.raises(CatalogueImportError, match="the column “Level” is missing"):
        run(workbook(rows, header=header))


def test_headers_are_recognised_without_diacritics_or_case(department):
    header = [h.upper() for h in PROCEDURE_HEADER]
    assert run(workbook(good_rows(department.code), header=header)).total == 2


def test_a_file_that_is_not_a_workbook_is_refused():
    with pytest.raises(CatalogueImportError, match="not an .xlsx workbook"):
        run(b"code,name\n1.001234,x\n")


def test_rows_without_an_agency_take_the_default_one(department):
    rows = [r[:4] + ("",) + r[5:] for r in good_rows(department.code)]
    with pytest.raises(CatalogueImportError, match="implementing agency"):
        run(workbook(rows))
    run(workbook(rows), default_agency=department)
    assert set(Procedure.objects.values_list("agency", flat=True)) == {department.pk}


def test_rows_may_only_name_agencies_the_importer_manages(department, library):
    rows = good_rows(library.code)
    with pytest.raises(CatalogueImportError, match="not an agency whose procedures you may"):
        run(workbook(rows), agencies=[department])


def test_a_dry_run_checks_everything_and_saves_nothing(department):
    report = run(workbook(good_rows(department.code)), dry_run=True)
    assert report.dry_run and report.created == ["1.001234", "1.001235"]
    assert not Procedure.objects.exists()


def test_the_export_reopens_with_every_sheet_and_imports_back_the_same(festival, department):
    festival.fees.create(name="Phí thẩm định", amount=Decimal(2000000), order=1)
    content = catalogue_export(procedures=Procedure.objects.all())
    book = load_workbook(io.BytesIO(content))
    assert book.sheetnames == ["Fields", "Procedures", "Documents", "Fees"]
    procedures = book["Procedures"]
    assert procedures["A1"].value == "National code"
    assert (procedures["A2"].value, procedures["B2"].value) == ("1.001234", festival.name)
    assert procedures["J2"].value == "Nộp hồ sơ tại Bộ phận một cửa\nThẩm định hồ sơ\nTrả kết quả"
    assert [c.value for c in book["Fees"][2]] == ["1.001234", "Phí thẩm định", 2000000, None, None]
    assert book["Documents"]["B2"].value == "Văn bản đề nghị"
    before = Procedure.objects.values().get()
    assert run(content).unchanged == ["1.001234"]
    festival.delete()
    assert run(content).created == ["1.001234"]
    after = Procedure.objects.values().get()
    same = ("name", "folded_name", "level", "online_service", "documents", "steps", "legal_bases")
    assert {k: after[k] for k in same} == {k: before[k] for k in same}


def damaged(part: str) -> bytes:
    """A real workbook with one of its parts replaced by garbage."""
    source = zipfile.ZipFile(io.BytesIO(workbook([])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            target.writestr(name, b"<not xml" if name == part else source.read(name))
    return out.getvalue()


@pytest.mark.parametrize(
    "part", ["xl/workbook.xml", "xl/worksheets/sheet2.xml", "xl/styles.xml", "[Content_Types].xml"]
)
def test_a_damaged_workbook_gets_one_clear_message(part):
    with pytest.raises(CatalogueImportError, match="not a readable .xlsx workbook|not an .xlsx"):
        run(damaged(part))
