"""The organisation workbook: a department of 12 units and 40 people from the template, errors
named by sheet, row and column, and a second import that changes nothing."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from quantri.orgs.example_data import DEPARTMENT, EXAMPLE_FILE, PEOPLE, UNITS
from quantri.orgs.importing.service import OrgImportError, org_import
from quantri.orgs.models import Agency, AgencyKind, Membership, Role
from quantri.orgs.services.rules import Scope
from quantri.testing.factories import AgencyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def department(example_department):
    return example_department


@pytest.fixture
def alice(example_admin):
    return example_admin


def _scope(department):
    return Scope.below(department)


def _example() -> bytes:
    return EXAMPLE_FILE.read_bytes()


def _edited(cells: dict[tuple[str, str], object]) -> bytes:
    """The example with some cells changed: {(sheet index as "units"/"people", "B5"): value}."""
    book = load_workbook(io.BytesIO(_example()))
    sheets = {"units": book.worksheets[0], "people": book.worksheets[1]}
    for (sheet, coordinate), value in cells.items():
        sheets[sheet][coordinate] = value
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_an_administrator_imports_a_department_of_12_units_and_40_people(department, alice):
    report = org_import(content=_example(), user=alice, scope=_scope(department))

    units = Agency.objects.filter(parent__isnull=False).exclude(code=DEPARTMENT)
    assert units.filter(code__startswith="STP-HY-").count() == len(UNITS) - 1 == 12
    assert len(report.people["created"]) == len(PEOPLE) == 40
    person = get_user_model().objects.get(username="hung.nv@sotuphap.hungyen.gov.vn")
    assert (person.last_name, person.first_name) == ("Nguyễn Văn", "Hùng")
    assert not person.has_usable_password() and person.is_active
    assert person.org_profile.phone == "0221 3862001"
    assert Membership.objects.get(user=person).role == Role.LEADER
    one_stop = Agency.objects.get(code="STP-HY-MC")
    assert one_stop.parent.code == "STP-HY-VP" and one_stop.name == "Bộ phận Một cửa"


def test_importing_the_same_file_again_changes_nothing(department, alice):
    org_import(content=_example(), user=alice, scope=_scope(department))
    history_rows = Agency.history.count() + Membership.history.count()

    report = org_import(content=_example(), user=alice, scope=_scope(department))

    assert report.changes == 0
    assert len(report.units["unchanged"]) == 13 and len(report.people["unchanged"]) == 40
    assert Agency.history.count() + Membership.history.count() == history_rows


def test_a_changed_row_updates_and_a_missing_one_is_listed_for_closing(department, alice):
    org_import(content=_example(), user=alice, scope=_scope(department))
    edited = _edited({("units", "B5"): "Phòng Hành chính - Tư pháp"})
    edited = _edited_rows_removed(edited, units_row=13)

    report = org_import(content=edited, user=alice, scope=_scope(department))

    assert report.units["updated"] == ["STP-HY-HCTP"]
    assert Agency.objects.get(code="STP-HY-HCTP").name == "Phòng Hành chính - Tư pháp"
    assert [u.code for u in report.units_to_close] == ["STP-HY-DGTS"]
    assert {m.agency.code for m in report.roles_to_close} == {"STP-HY-DGTS"}
    assert len(report.roles_to_close) == 3
    assert Agency.objects.get(code="STP-HY-DGTS").valid_to is None  # listed, not closed


def _edited_rows_removed(content: bytes, *, units_row: int) -> bytes:
    book = load_workbook(io.BytesIO(content))
    book.worksheets[0].delete_rows(units_row)
    people = book.worksheets[1]
    for row in range(people.max_row, 1, -1):
        if people.cell(row, 4).value == "STP-HY-DGTS":
            people.delete_rows(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_three_errors_are_named_by_sheet_row_and_column_and_nothing_is_saved(department, alice):
    broken = _edited(
        {
            ("units", "E5"): "STP-HY-KHONG-CO",  # a parent that does not exist
            ("people", "B6"): "hung.nv@sotuphap.hungyen.gov.vn",  # row 2's e-mail again
            ("people", "F8"): "Thủ quỹ",  # not a role
        }
    )

    with pytest.raises(OrgImportError) as raised:
        org_import(content=broken, user=alice, scope=_scope(department))

    errors = raised.value.errors
    assert len(errors) == 3
    assert errors[0].startswith("Sheet “Units”, row 5, column “Parent unit code”")
    assert "STP-HY-KHONG-CO" in errors[0]
    assert errors[1].startswith("Sheet “People”, row 6, column “E-mail”")
    assert "row 2" in errors[1]
    assert errors[2].startswith("Sheet “People”, row 8, column “Role”")
    assert Agency.objects.filter(code__startswith="STP-HY-").count() == 0
    assert not get_user_model().objects.filter(username__endswith="hungyen.gov.vn").exists()

    org_import(content=_example(), user=alice, scope=_scope(department))  # the fixed sheet
    assert Agency.objects.filter(code__startswith="STP-HY-").count() == 12


def test_a_cycle_is_named(department, alice):
    broken = _edited({("units", "E3"): "STP-HY-MC"})  # the Office under its own one-stop desk

    with pytest.raises(OrgImportError) as raised:
        org_import(content=broken, user=alice, scope=_scope(department))

    assert any("column “Parent unit code”" in e and "cycle" in e for e in raised.value.errors)


def test_a_unit_outside_the_administrators_reach_is_refused(department, alice):
    AgencyFactory(code="SYT-HY", kind=AgencyKind.DEPARTMENT, parent=department.parent)
    broken = _edited({("units", "E4"): "SYT-HY"})

    with pytest.raises(OrgImportError) as raised:
        org_import(content=broken, user=alice, scope=_scope(department))

    assert raised.value.errors == [
        "Sheet “Units”, row 4, column “Parent unit code”: SYT-HY is outside your reach."
    ]


def test_the_command_checks_with_dry_run_and_imports_with_a_summary(department, capsys):
    call_command("orgs", "import", str(EXAMPLE_FILE), "--agency", DEPARTMENT, "--dry-run")
    assert not Agency.objects.filter(code="STP-HY-VP").exists()

    call_command("orgs", "import", str(EXAMPLE_FILE), "--agency", DEPARTMENT)

    out = capsys.readouterr().out
    assert "Units: 12 new, 1 updated" in out or "Units: 12 new, 0 updated" in out
    assert "People: 40 new" in out
    assert Agency.objects.filter(code="STP-HY-VP").exists()


def test_the_command_names_a_file_that_is_not_a_workbook(tmp_path):
    path = tmp_path / "nhan-su.xlsx"
    path.write_text("họ tên, email")

    with pytest.raises(CommandError, match="not an .xlsx workbook"):
        call_command("orgs", "import", str(path))
