"""Lead and supporting units matched to the agency's units when they are given."""

import pytest

from quantri.plans.parsing import UnitRef
from quantri.plans.parsing.units import UnitMatcher

UNITS = [
    UnitRef("VP", "Văn phòng Sở", short_name="VP"),
    UnitRef("TTR", "Thanh tra Sở"),
    UnitRef("HCTP", "Phòng Hành chính tư pháp"),
    UnitRef("BTTP", "Phòng Bổ trợ tư pháp", aliases=["P. BTTP"]),
]

PLAN = """KẾ HOẠCH
Cải cách hành chính và nâng cao Chỉ số PAPI năm 2024
I. NHIỆM VỤ
1. Công khai, minh bạch
- Cập nhật thủ tục hành chính trên Cổng dịch vụ công; VP Sở chủ trì, phối hợp với P. HCTP thực hiện.
- Công khai kết quả giải quyết hồ sơ; Phong Bo tro tu phap chủ trì, phối hợp với Thanh tra và các phòng, đơn vị liên quan.
- Tuyên truyền pháp luật về tiếp cận thông tin; Phòng Phổ biến giáo dục pháp luật chủ trì.
2. Trách nhiệm giải trình với người dân
- Tiếp công dân định kỳ hằng tháng; giao Thanh tra Sở thực hiện.
"""  # noqa: E501


@pytest.fixture
def matched(parse):
    return parse(PLAN, units=UNITS)


def test_abbreviated_and_unaccented_names_match_units(matched):
    first, second, _ = matched.groups[0].tasks
    assert (first.lead, first.lead_code) == ("Văn phòng Sở", "VP")
    assert (first.support, first.support_codes) == (["Phòng Hành chính tư pháp"], ["HCTP"])
    assert (second.lead, second.lead_code) == ("Phòng Bổ trợ tư pháp", "BTTP")
    assert second.support == ["Thanh tra Sở", "các phòng, đơn vị liên quan"]
    assert second.support_codes == ["TTR"]
    (reception,) = matched.groups[1].tasks
    assert reception.lead_code == "TTR"


def test_an_unknown_unit_is_kept_as_written_and_warned_about(matched):
    unknown = matched.groups[0].tasks[2]
    assert (unknown.lead, unknown.lead_code) == ("Phòng Phổ biến giáo dục pháp luật", None)
    (warning,) = matched.warnings
    assert "Phòng Phổ biến giáo dục pháp luật" in warning
    assert "Tuyên truyền pháp luật về tiếp cận thông tin" in warning


def test_without_units_names_stay_as_written_and_nothing_is_warned(parse):
    parsed = parse(PLAN)
    first = parsed.groups[0].tasks[0]
    assert (first.lead, first.lead_code, first.support) == ("VP Sở", None, ["P. HCTP"])
    assert parsed.warnings == []


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("Văn phòng", "VP"),
        ("van phong so", "VP"),
        ("VP", "VP"),
        ("P.HCTP", "HCTP"),
        ("P. Bổ trợ tư pháp", "BTTP"),
        ("PHÒNG HÀNH CHÍNH TƯ PHÁP", "HCTP"),
        ("Thanh tra", "TTR"),
        ("Phòng Kế hoạch - Tài chính", None),
        ("Phòng", None),
    ],
)
def test_matcher_never_guesses(written, code):
    unit = UnitMatcher(UNITS).match(written)
    assert (unit.code if unit else None) == code


def test_two_units_with_the_same_short_form_match_neither():
    matcher = UnitMatcher([UnitRef("A", "Trung tâm Văn hóa"), UnitRef("B", "Trung tâm Văn hóa")])
    assert matcher.match("TT Văn hóa") is None


def test_known_units_show_where_a_joined_list_splits():
    matcher = UnitMatcher([*UNITS, UnitRef("XD", "Phòng Xây dựng nếp sống văn hóa và Gia đình")])
    assert matcher.split("P. HCTP và Tổ công tác đặc biệt") == [
        "P. HCTP",
        "Tổ công tác đặc biệt",
    ]
    assert matcher.split("Phòng Xây dựng nếp sống văn hóa và Gia đình và Thanh tra Sở") == [
        "Phòng Xây dựng nếp sống văn hóa và Gia đình",
        "Thanh tra Sở",
    ]
    assert matcher.split("Hội Nông dân và Đoàn Thanh niên") is None
