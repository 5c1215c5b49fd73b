"""Issue 13: the corpus report (`import-plan --report DIR`) and the preview's "check these
first" list, with each task saying how its lead and deadline were found."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from quantri.plans.models import Plan, PlanImport

from .test_views_import import SMALL_PLAN, upload

pytestmark = pytest.mark.django_db


def report(folder) -> str:
    out = StringIO()
    call_command("import_plan", "--report", str(folder), stdout=out)
    return out.getvalue()


def test_the_report_goes_through_every_file_and_names_the_ones_it_cannot_read(tmp_path):
    (tmp_path / "ke-hoach.txt").write_text(SMALL_PLAN, encoding="utf-8")
    (tmp_path / "ke-hoach-web.md").write_text(f"**{SMALL_PLAN}**\n|\n", encoding="utf-8")
    (tmp_path / "hong.docx").write_bytes(b"this is not a zip")
    (tmp_path / "rong.txt").write_bytes(b"")
    (tmp_path / "anh.png").write_bytes(b"\x89PNG\r\n\x1a\n")  # not a plan format: skipped

    out = report(tmp_path)

    rows = {line.split()[0]: line for line in out.splitlines() if line[:1].isalnum()}
    assert "FAILED" not in rows["ke-hoach.txt"] and "FAILED" not in rows["ke-hoach-web.md"]
    assert "hong.docx" in rows["hong.docx"] and "FAILED" in rows["hong.docx"]
    assert "rỗng" in rows["rong.txt"]
    assert "anh.png" not in out
    assert "files: 4, parsed: 2, failed: 2" in out
    assert "groups: 4, tasks: 6" in out
    assert "largest file:" in out and "whole corpus:" in out
    assert str(tmp_path) not in out  # names files, never the server's paths
    assert not Plan.objects.exists()


def test_the_report_refuses_a_folder_that_does_not_exist(tmp_path):
    with pytest.raises(CommandError, match="khong-co"):
        report(tmp_path / "khong-co")


def test_the_preview_lists_what_to_check_first_and_flags_each_task(client, alice, department):
    client.force_login(alice)
    upload(client, department)
    draft = PlanImport.objects.get()

    page = client.get(reverse("plans:import_preview", args=[draft.pk])).text

    review = page.split('id="import-review"', 1)[1].split("</section>", 1)[0]
    # 2.1 and 2.2 give no deadline; 2.2's lead is read from its sentence, not a label
    assert '<a href="#import-task-2-1">2.1</a>' in review
    assert '<a href="#import-task-2-2">2.2</a>' in review
    assert '<a href="#import-task-1-1">' not in review.split("</li>", 1)[0]
    flags = page.split('id="import-task-2-1"', 1)[1].split("</p>", 1)[0]
    assert "badge-missing" in flags
    first = page.split('id="import-task-1-1"', 1)[1].split("</p>", 1)[0]
    assert "badge-missing" not in first


def test_supporting_units_get_a_search_box_over_the_plain_multiple_select(
    client, alice, department
):
    client.force_login(alice)
    upload(client, department)
    draft = PlanImport.objects.get()

    page = client.get(reverse("plans:import_preview", args=[draft.pk])).text

    assert (
        "multiple data-filterable" in page
        or "data-filterable multiple" in page
        or ("data-filterable" in page and "multiple" in page)
    )
    assert "plans/select_filter" in page and 'id="select-filter-label"' in page
