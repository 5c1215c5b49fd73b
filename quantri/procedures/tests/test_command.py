import io
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation
from openpyxl import load_workbook

from quantri.procedures.models import Procedure
from quantri.procedures.tests.workbooks import good_rows, workbook

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def run(*args) -> str:
    out = StringIO()
    call_command("procedures", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_import_with_a_default_agency_then_again_changes_nothing(tmp_path, department):
    rows = [r[:4] + ("",) + r[5:] for r in good_rows(department.code)]
    path = tmp_path / "tthc.xlsx"
    path.write_bytes(workbook(rows))
    assert "2 new" in run("import", str(path), "--agency", department.code)
    assert "2 unchanged" in run("import", str(path), "--agency", department.code)
    assert Procedure.objects.count() == 2


def test_a_dry_run_saves_nothing(tmp_path, department):
    path = tmp_path / "tthc.xlsx"
    path.write_bytes(workbook(good_rows(department.code)))
    assert "nothing was saved" in run("import", str(path), "--dry-run")
    assert not Procedure.objects.exists()


def test_bad_rows_stop_the_command_with_their_place(tmp_path, department):
    path = tmp_path / "tthc.xlsx"
    path.write_bytes(workbook([("1.0012", "Tên", "VH", "province", department.code)]))
    with pytest.raises(CommandError, match="row 2, column “National code”"):
        run("import", str(path))
    assert not Procedure.objects.exists()


def test_unknown_files_and_agencies_are_named(tmp_path):
    with pytest.raises(CommandError, match="File not found"):
        run("import", str(tmp_path / "none.xlsx"))
    path = tmp_path / "tthc.xlsx"
    path.write_bytes(workbook([]))
    with pytest.raises(CommandError, match="No agency has the code NOPE"):
        run("import", str(path), "--agency", "NOPE")


def test_export_writes_a_workbook_that_reopens(tmp_path, festival, draft_procedure):
    path = tmp_path / "out.xlsx"
    assert "Wrote 1 procedures" in run("export", str(path), "--published-only")
    book = load_workbook(io.BytesIO(path.read_bytes()))
    assert [row[0].value for row in book["Procedures"].iter_rows(min_row=2)] == ["1.001234"]
