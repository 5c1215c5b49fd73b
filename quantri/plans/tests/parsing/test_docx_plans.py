"""A Word plan: header and signature as tables, Word's own numbering, an annex task table."""

import datetime

import pytest

from .builders import build_docx, build_docx_plan


@pytest.fixture(scope="module")
def docx_bytes():
    return build_docx_plan()


@pytest.fixture
def word(parse, docx_bytes):
    return parse(docx_bytes, "ke-hoach-papi-2022.docx")


def test_header_table_gives_number_date_place_and_issuer(word):
    info = word.plan
    assert info.source_format == "docx"
    assert info.number == "45/KH-SVHTTDL"
    assert info.issued_on == datetime.date(2022, 3, 10)
    assert info.place == "Hưng Yên"
    assert info.issuer == "Sở Văn hóa, Thể thao và Du lịch"
    assert info.issuer_parent == "UBND TỈNH HƯNG YÊN"
    assert info.title == "Nâng cao Chỉ số PAPI và Chỉ số SIPAS năm 2022"
    assert info.parent_refs == ["21/KH-UBND"]


def test_word_bullets_are_list_items(word):
    assert word.plan.purposes == [
        "Nâng cao chất lượng phục vụ người dân, tổ chức.",
        "Cải thiện điểm số các chỉ số nội dung còn thấp.",
    ]
    assert word.plan.requirements == ["Phân công rõ đơn vị chủ trì, thời hạn hoàn thành."]


def test_prose_groups_then_annex_table_groups(word):
    assert [(g.title, g.dimension, len(g.tasks)) for g in word.groups] == [
        ("Công tác chỉ đạo, điều hành", None, 2),
        ("Chỉ số nội dung 6: Cung ứng dịch vụ công", "6", 1),
        ("CHỈ SỐ NỘI DUNG 2: CÔNG KHAI, MINH BẠCH", "2", 2),
        ("THỦ TỤC HÀNH CHÍNH CÔNG", "5", 3),
    ]


def test_auto_numbered_paragraphs_are_tasks_with_prose_units(word):
    first = word.groups[0].tasks[0]
    assert first.description == (
        "Quán triệt Kế hoạch đến toàn thể công chức, viên chức; Văn phòng Sở chủ trì, "
        "thời gian: Quý I/2022."
    )
    assert first.title == "Quán triệt Kế hoạch đến toàn thể công chức, viên chức."
    assert (first.lead, first.due, first.due_text) == (
        "Văn phòng Sở",
        datetime.date(2022, 3, 31),
        "Quý I/2022",
    )


def test_a_nested_bullet_belongs_to_its_task(word):
    (task,) = word.groups[1].tasks
    assert task.description.endswith("Bổ sung đầu sách mới tại Thư viện tỉnh.")
    assert (task.lead, task.support) == ("Trung tâm Văn hóa tỉnh", ["Thư viện tỉnh"])


def test_annex_columns_fill_the_task_fields(word):
    publish, budget = word.groups[2].tasks
    assert publish.title == "Công khai kết quả giải quyết TTHC trên Cổng thông tin điện tử"
    assert publish.lead == "Văn phòng Sở"
    assert publish.support == ["Phòng Quản lý Văn hóa", "Thanh tra Sở"]
    assert (publish.recurrence, publish.due_text) == ("monthly", "Hằng tháng")
    assert publish.output == "Kết quả được đăng tải"
    assert (budget.due, budget.support) == (datetime.date(2022, 3, 31), [])


def test_annex_merged_cells_and_repeated_header(word):
    review, survey, update = word.groups[3].tasks
    assert review.due == datetime.date(2022, 9, 30)
    assert survey.lead == "Phòng Quản lý Du lịch"  # one cell merged over two rows
    assert survey.due == datetime.date(2022, 11, 30)
    assert update.recurrence == "continuous"  # after the header repeated on a new page
    assert all(t.title != "Nội dung nhiệm vụ" for t in word.tasks)


def test_signature_table_gives_recipients_and_signer(word):
    assert word.plan.recipients == ["UBND tỉnh", "Lãnh đạo Sở", "Lưu: VT, VP"]
    signer = word.plan.signer
    assert (signer.authority, signer.position, signer.name) == (
        "KT. GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC",
        "Nguyễn Văn An",
    )


def test_two_reporting_dates_go_to_their_periods(word):
    assert [(r.frequency, r.due, r.via) for r in word.reporting] == [
        ("semiannual", "trước ngày 15/6", "Văn phòng Sở"),
        ("annual", "trước ngày 15/12", "Văn phòng Sở"),
    ]


def test_a_docx_with_plain_paragraphs_reads_like_text(parse):
    data = build_docx(
        [
            "KẾ HOẠCH",
            "Cải thiện Chỉ số PAPI năm 2023",
            "II. NHIỆM VỤ",
            "1. Quản trị môi trường",
            "- Tuyên truyền phân loại rác tại nguồn; Phòng Tài nguyên và Môi trường thực hiện.",
        ]
    )
    parsed = parse(data, "ngan.docx")
    (group,) = parsed.groups
    assert group.dimension == "7"
    assert group.tasks[0].lead == "Phòng Tài nguyên và Môi trường"
