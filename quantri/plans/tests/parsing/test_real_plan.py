"""The Hưng Yên Department of Culture, Sports and Tourism's 2021 PAPI plan, as extracted from
its PDF: blank lines between lines, sentences broken across lines, no header block."""

import json

import pytest

from quantri.plans.parsing import format_text, parse_plan

from .conftest import REPO, all_texts

REAL_PLAN = REPO.parent / "shared" / "documents" / "ke-hoach-papi-2021-so-vhttdl-hung-yen.txt"

pytestmark = pytest.mark.skipif(
    not REAL_PLAN.exists(), reason=f"the shared documents are not checked out at {REAL_PLAN}"
)


@pytest.fixture(scope="module")
def plan(papi):
    return parse_plan(REAL_PLAN.read_bytes(), REAL_PLAN.name, dimensions=papi)


def test_it_finds_nine_groups_mapped_by_wording_not_by_their_numbers(plan):
    assert [g.title for g in plan.groups] == [
        "Công tác chỉ đạo điều hành",
        "Tham gia của người dân ở cấp cơ sở",
        "Công khai minh bạch",
        "Trách nhiệm giải trình với người dân",
        "Kiểm soát tham nhũng trong khu vực công",
        "Thủ tục hành chính công",
        "Cung ứng dịch vụ công",
        "Quản trị môi trường",
        "Quản trị điện tử",
    ]
    assert [g.dimension for g in plan.groups] == [None, "1", "2", "3", "4", "5", "6", "7", "8"]


def test_it_finds_every_task(plan):
    assert [len(g.tasks) for g in plan.groups] == [2, 1, 3, 3, 4, 4, 3, 1, 2]
    assert len(plan.tasks) == 23


def test_a_group_written_as_one_paragraph_is_one_rejoined_task(plan):
    (task,) = plan.groups[1].tasks
    assert task.description == (
        "Tăng cường công tác tuyên truyền trong đội ngũ cán bộ, công chức, viên chức và nhân "
        "dân thực hiện dân chủ ở cơ sở về các nội dung, vấn đề mà người dân có quyền được "
        "biết, được tham gia thực hiện hoặc kiểm tra, giám sát việc thực hiện và tạo điều kiện "
        "thuận lợi để nhân dân tham gia thực hiện đúng quy định."
    )
    (environment,) = plan.groups[7].tasks
    assert environment.description == (
        "Đẩy mạnh công tác tuyên truyền, nâng cao ý thức bảo vệ môi trường nhất là hoạt động "
        "du lịch"
    )


def test_bulleted_tasks_are_rejoined_across_broken_lines(plan):
    descriptions = [t.description for t in plan.tasks]
    assert (
        "Triển khai có hiệu quả Hệ thống quản lý chất lượng tiêu chuẩn quốc gia "
        "TCVN ISO 9001:2015." in descriptions
    )
    assert plan.groups[4].tasks[3].description == (
        "Tăng cường thanh tra, kiểm tra việc giải quyết thủ tục hành chính, việc thực hiện các "
        "quy định của pháp luật về phòng, chống tham nhũng để kịp thời ngăn chặn và xử lý "
        "nghiêm các trường hợp vi phạm, trách nhiệm của người đứng đầu cơ quan, đơn vị khi để "
        "xảy ra vi phạm."
    )
    assert plan.groups[0].tasks[1].description.startswith("Chỉ đạo các phòng, đơn vị trực thuộc")


def test_titles_are_short_and_descriptions_whole(plan):
    for task in plan.tasks:
        assert 0 < len(task.title) <= 151
        assert task.description.startswith(task.title.rstrip("…"))
    short = plan.groups[6].tasks[2]
    assert (
        short.title == short.description == "Tăng cường cung cấp dịch vụ công mức độ 3, mức độ 4."
    )


def test_no_page_debris_or_marker_leaks_into_the_texts(plan):
    for text in all_texts(plan):
        assert "\n" not in text and "  " not in text and text == text.strip()
        assert not text.startswith(("- ", "1. ", "II."))


def test_plan_details(plan):
    info = plan.plan
    assert info.issuer == "Sở Văn hóa, Thể thao và Du lịch"
    assert info.year == 2021
    assert info.parent_refs == ["21/KH-UBND"]
    assert info.number is None and info.issued_on is None
    assert "Chỉ số hiệu quả quản trị và hành chính công" in info.title
    assert len(info.purposes) == 2 and len(info.requirements) == 2
    assert info.requirements[1].endswith("sự phục vụ của cơ quan, đơn vị.")
    assert len(info.responsibilities) == 2


def test_closing_gives_recipients_and_signer(plan):
    assert plan.plan.recipients == [
        "UBND tỉnh",
        "Lãnh đạo Sở",
        "Các phòng, đơn vị thuộc Sở",
        "Lưu: VT",
    ]
    assert plan.plan.signer.name == "Đào Mạnh Huân"
    assert plan.plan.signer.position == "PHÓ GIÁM ĐỐC ĐIỀU HÀNH"


def test_reporting_is_every_six_months_and_yearly_through_the_office(plan):
    assert [(r.frequency, r.to, r.via) for r in plan.reporting] == [
        ("semiannual", "Lãnh đạo Sở", "Văn phòng Sở"),
        ("annual", "Lãnh đạo Sở", "Văn phòng Sở"),
    ]


def test_to_dict_has_the_import_shape(plan):
    data = json.loads(json.dumps(plan.to_dict(), ensure_ascii=False))
    assert set(data) >= {"plan", "groups", "reporting", "warnings"}
    assert set(data["plan"]) >= {
        "title", "number", "issued_on", "issuer", "year", "place", "parent_refs", "signer",
        "recipients", "purposes", "requirements", "responsibilities", "attached_to",
    }  # fmt: skip
    task = data["groups"][0]["tasks"][0]
    assert set(task) >= {
        "title", "description", "lead", "lead_code", "support", "support_codes", "due",
        "recurrence", "due_text", "output",
    }  # fmt: skip
    assert data["groups"][1]["dimension"] == "1"
    assert data["plan"]["signer"]["name"] == "Đào Mạnh Huân"


def test_text_outline_lists_groups_and_tasks(plan):
    text = format_text(plan)
    assert "9. Quản trị điện tử [chỉ số 8]" in text
    assert text == format_text(plan.to_dict())
