"""`quantri report consolidate`: the files it writes and the errors it gives."""

import io

import docx
import openpyxl
import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from quantri.reports.tests.consolidation_factories import make_province, make_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(plan, department, office, culture_unit, library):
    return make_world(
        plan=plan,
        department=department,
        office=office,
        culture_unit=culture_unit,
        library=library,
    )


def consolidate(*args) -> str:
    """The command, its messages in English (the msgids) whatever the site's language."""
    out = io.StringIO()
    with translation.override("en"):
        call_command("report", "consolidate", *args, stdout=out)
    return out.getvalue()


def test_it_writes_the_report_and_the_annex(world, tmp_path):
    report, annex = tmp_path / "bao-cao.docx", tmp_path / "phu-luc.xlsx"
    output = consolidate(
        "--plan",
        str(world.plan.pk),
        "--period",
        "2021-H1",
        "--out",
        str(report),
        "--xlsx",
        str(annex),
    )
    document = docx.Document(str(report))
    assert "BÁO CÁO" in [p.text for p in document.paragraphs]
    assert openpyxl.load_workbook(str(annex))["Nhiệm vụ"].max_row == 6
    assert "5 tasks" in output and f"Wrote {report}" in output and f"Wrote {annex}" in output


def test_the_period_code_is_read_whatever_its_case(world, tmp_path):
    consolidate(
        "--plan", str(world.plan.pk), "--period", "2021-h1", "--out", str(tmp_path / "a.docx")
    )
    assert (tmp_path / "a.docx").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--plan", "999999", "--period", "2021-H1"], "No plan has the id 999999."),
        (["--period", "2021-H1"], "Give --plan ID"),
        (
            ["--plan", "{plan}", "--period", "2021-H2"],
            "has no period 2021-H2 (its periods: 2021-H1)",
        ),
        (["--plan", "{plan}", "--period", "2021-H3"], "is not a period code"),
        (["--agency", "NOWHERE", "--period", "2021-H1"], "No agency has the code NOWHERE."),
    ],
)
def test_bad_arguments_get_one_clear_message(world, tmp_path, args, message):
    args = [a.replace("{plan}", str(world.plan.pk)) for a in args]
    with pytest.raises(CommandError, match=message.replace("(", r"\(").replace(")", r"\)")):
        consolidate(*args, "--out", str(tmp_path / "a.docx"))
    assert not (tmp_path / "a.docx").exists()


def test_a_missing_folder_is_refused_before_any_work(world, tmp_path):
    target = tmp_path / "nowhere" / "a.docx"
    with pytest.raises(CommandError, match="Folder not found"):
        consolidate("--plan", str(world.plan.pk), "--period", "2021-H1", "--out", str(target))


def test_a_folder_given_as_the_file_is_refused(world, tmp_path):
    with pytest.raises(CommandError, match="is a folder"):
        consolidate("--plan", str(world.plan.pk), "--period", "2021-H1", "--out", str(tmp_path))


def test_an_unwritable_file_is_refused(world, tmp_path):
    target = tmp_path / "locked.docx"
    target.write_bytes(b"")
    target.chmod(0o444)
    try:
        import os

        if os.access(target, os.W_OK):
            pytest.skip("running as a user who can write anything (root)")
        with pytest.raises(CommandError, match="Cannot write"):
            consolidate("--plan", str(world.plan.pk), "--period", "2021-H1", "--out", str(target))
    finally:
        target.chmod(0o644)


def test_with_an_agency_it_consolidates_the_departments_below(db, tmp_path):
    province, departments = make_province(departments=2, units=3, tasks=9)
    report = tmp_path / "tinh.docx"
    output = consolidate("--agency", province.code, "--period", "2021-H1", "--out", str(report))
    lines = [p.text for p in docx.Document(str(report)).paragraphs]
    assert "18 tasks" in output
    assert "Tổng hợp từ báo cáo của 2 sở, ngành." in lines


def test_an_agency_with_no_department_reporting_is_an_error(db, tmp_path):
    province, _ = make_province(departments=1, units=2, tasks=3)
    with pytest.raises(CommandError, match="No department below GEN-P has a period 2021-Y"):
        consolidate("--agency", "GEN-P", "--period", "2021-Y", "--out", str(tmp_path / "a.docx"))


def test_with_an_agency_the_plan_must_be_the_agencys_own(world, tmp_path, province):
    with pytest.raises(CommandError, match="with --agency, --plan names the agency's own plan"):
        consolidate(
            "--agency",
            province.code,
            "--plan",
            str(world.plan.pk),
            "--period",
            "2021-H1",
            "--out",
            str(tmp_path / "a.docx"),
        )
