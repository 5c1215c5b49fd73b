import json
import unicodedata
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from quantri.conftest import REAL_PLAN
from quantri.plans.models import Plan, Task

pytestmark = pytest.mark.django_db


def run(*args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("import_plan", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_dry_run_prints_the_real_plan_as_json_and_saves_nothing():
    out, _ = run(str(REAL_PLAN), "--dry-run", "--format", "json")
    result = json.loads(out)
    groups = result["groups"]
    assert [g["dimension"] for g in groups] == [None, "1", "2", "3", "4", "5", "6", "7", "8"]
    assert sum(len(g["tasks"]) for g in groups) == 23
    assert result["plan"]["signer"] == {
        **result["plan"]["signer"],
        "name": "Đào Mạnh Huân",
        "position": "PHÓ GIÁM ĐỐC ĐIỀU HÀNH",
    }
    assert len(result["plan"]["recipients"]) == 4
    assert {(r["frequency"], r["via"]) for r in result["reporting"]} == {
        ("semiannual", "Văn phòng Sở"),
        ("annual", "Văn phòng Sở"),
    }
    assert not Plan.objects.exists()


def test_text_format_is_readable_outline():
    out, _ = run(str(REAL_PLAN), "--dry-run")
    assert "Quản trị điện tử" in out or "8" in out
    assert "Tăng cường công tác tuyên truyền" in out


def test_saving_with_agency_creates_the_plan(department, office):
    _, err = run(str(REAL_PLAN), "--agency", department.code)
    plan = Plan.objects.get()
    assert plan.agency == department and plan.year == 2021
    assert Task.objects.filter(group__plan=plan).count() == 23
    assert plan.source_document.read() == REAL_PLAN.read_bytes()
    assert f"#{plan.pk}" in err


def test_saving_without_agency_is_refused():
    with pytest.raises(CommandError, match="--agency"):
        run(str(REAL_PLAN))
    assert not Plan.objects.exists()


def test_unknown_agency_is_named(department):
    with pytest.raises(CommandError, match="NOPE"):
        run(str(REAL_PLAN), "--agency", "NOPE")


def test_missing_file_is_named(tmp_path):
    with pytest.raises(CommandError, match="khong-co.docx"):
        run(str(tmp_path / "khong-co.docx"), "--dry-run")


@pytest.mark.parametrize(
    "name, content",
    [
        ("rong.txt", b""),
        ("bang-tinh.xlsx", b"PK\x03\x04 not a plan"),
        ("hong.docx", b"this is not a zip"),
        ("hong.pdf", b"%PDF-1.4 garbage"),
    ],
)
def test_bad_files_get_one_clear_message_naming_the_file(tmp_path, department, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(CommandError) as error:
        run(str(path), "--agency", department.code)
    assert name in str(error.value)
    assert "Traceback" not in str(error.value)
    assert not Plan.objects.exists()


def test_a_csv_is_refused_with_the_accepted_types(tmp_path, department):
    path = tmp_path / "ke-hoach.csv"
    path.write_text("STT,Nhiệm vụ,Chủ trì\n1,Rà soát thủ tục,Văn phòng\n", encoding="utf-8")
    with pytest.raises(CommandError) as error:
        run(str(path), "--agency", department.code)
    assert "ke-hoach.csv" in str(error.value)
    assert ".txt, .md, .docx, .pdf" in str(error.value)
    assert not Plan.objects.exists()


def test_units_are_matched_and_unknown_names_warned(tmp_path, department, office, culture_unit):
    path = tmp_path / "ke-hoach.txt"
    path.write_text(
        "KẾ HOẠCH\nCải thiện Chỉ số PAPI năm 2022\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n- Nâng cao chất lượng phục vụ.\n"
        "II. NHIỆM VỤ\n1. Công khai minh bạch\n"
        "- Niêm yết thủ tục hành chính. Van phong So chủ trì, phối hợp với P. Quản lý Văn hóa"
        " và Tổ Công nghệ XYZ. Thời gian: hoàn thành trước 30/11/2022.\n"
        "III. TỔ CHỨC THỰC HIỆN\n1. Định kỳ 6 tháng báo cáo Lãnh đạo Sở.\n",
        encoding="utf-8",
    )
    out, err = run(str(path), "--agency", department.code, "--format", "json", "--dry-run")
    task = json.loads(out)["groups"][0]["tasks"][0]
    assert task["lead_code"] == office.code
    assert culture_unit.code in task["support_codes"]
    assert task["due"] == "2022-11-30"
    assert "Tổ Công nghệ XYZ" in err


# The same duplicate check as the import page (issue 12): refuse, --new or --amend PLAN_ID.


def test_a_second_import_is_refused_with_the_matching_plan_listed(department, office):
    run(str(REAL_PLAN), "--agency", department.code)
    first = Plan.objects.get()
    with pytest.raises(CommandError) as exc:
        run(str(REAL_PLAN), "--agency", department.code)
    message = str(exc.value)
    assert f"#{first.pk}" in message and first.number in message
    assert "--new" in message and "--amend" in message
    assert Plan.objects.count() == 1


def test_new_saves_a_second_plan_despite_the_match(department, office):
    run(str(REAL_PLAN), "--agency", department.code)
    run(str(REAL_PLAN), "--agency", department.code, "--new")
    assert Plan.objects.count() == 2


def test_amend_applies_the_document_to_the_plan_as_a_revision(department, office):
    run(str(REAL_PLAN), "--agency", department.code)
    plan = Plan.objects.get()
    Task.objects.filter(group__plan=plan).order_by("pk").first().delete()
    _, err = run(
        str(REAL_PLAN), "--agency", department.code, "--amend", str(plan.pk), "--reason", "Bổ sung"
    )
    assert Plan.objects.count() == 1
    revision = plan.revisions.get()
    assert revision.reason == "Bổ sung"
    assert Task.objects.filter(group__plan=plan).count() == 23  # the deleted task is back
    assert f"#{plan.pk}" in err


def test_amend_names_a_plan_the_agency_does_not_have(department, office):
    with pytest.raises(CommandError) as exc:
        run(str(REAL_PLAN), "--agency", department.code, "--amend", "999999")
    assert "999999" in str(exc.value) and department.code in str(exc.value)
    assert not Plan.objects.exists()


def test_a_title_matching_without_diacritics_is_a_match(department, office):
    run(str(REAL_PLAN), "--agency", department.code)
    plan = Plan.objects.get()
    bare = unicodedata.normalize("NFD", plan.title.upper())
    plan.number = "99/KH-KHAC"
    plan.title = "".join(c for c in bare if not unicodedata.combining(c))
    plan.save()
    with pytest.raises(CommandError):
        run(str(REAL_PLAN), "--agency", department.code)
