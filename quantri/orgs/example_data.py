"""The example workbook's content: Hưng Yên's Department of Justice (Sở Tư pháp), 12 units and
40 people, names family name first. `docs/examples/to-chuc-nhan-su-so-tu-phap.xlsx` is this,
written through the template writer (`write_example`); the demo and the tests import that file.
"""

import datetime
from pathlib import Path

from django.utils import translation

from quantri.core.text import fold
from quantri.orgs.importing.workbook import write_workbook
from quantri.orgs.models import AgencyKind, Role

EXAMPLE_FILE = (
    Path(__file__).resolve().parents[2] / "docs" / "examples" / "to-chuc-nhan-su-so-tu-phap.xlsx"
)
DEPARTMENT = "STP-HY"
OPENED = datetime.date(2025, 7, 1)  # the reorganised provinces took effect on 1 July 2025

UNITS = [
    # code, name, short name, kind, parent
    (DEPARTMENT, "Sở Tư pháp", "Sở TP", "department", "HY"),
    ("STP-HY-VP", "Văn phòng Sở", "VP", "office", DEPARTMENT),
    ("STP-HY-TTR", "Thanh tra Sở", "TTr", "specialised", DEPARTMENT),
    ("STP-HY-HCTP", "Phòng Hành chính tư pháp", "HCTP", "specialised", DEPARTMENT),
    ("STP-HY-BTTP", "Phòng Bổ trợ tư pháp", "BTTP", "specialised", DEPARTMENT),
    (
        "STP-HY-XDVB",
        "Phòng Xây dựng và kiểm tra văn bản quy phạm pháp luật",
        "XD-KTVB",
        "specialised",
        DEPARTMENT,
    ),
    ("STP-HY-PBGD", "Phòng Phổ biến, giáo dục pháp luật", "PBGDPL", "specialised", DEPARTMENT),
    (
        "STP-HY-XLVP",
        "Phòng Quản lý xử lý vi phạm hành chính và theo dõi thi hành pháp luật",
        "QLXLVPHC",
        "specialised",
        DEPARTMENT,
    ),
    ("STP-HY-TGPL", "Trung tâm Trợ giúp pháp lý nhà nước", "TGPL", "public_service", DEPARTMENT),
    ("STP-HY-CC1", "Phòng Công chứng số 1", "PCC1", "public_service", DEPARTMENT),
    ("STP-HY-CC2", "Phòng Công chứng số 2", "PCC2", "public_service", DEPARTMENT),
    ("STP-HY-DGTS", "Trung tâm Dịch vụ đấu giá tài sản", "ĐGTS", "public_service", DEPARTMENT),
    ("STP-HY-MC", "Bộ phận Một cửa", "Một cửa", "specialised", "STP-HY-VP"),
]

PEOPLE = [
    # full name, unit, position, role
    ("Nguyễn Văn Hùng", DEPARTMENT, "Giám đốc Sở", "leader"),
    ("Trần Thị Thu Hà", DEPARTMENT, "Phó Giám đốc Sở", "leader"),
    ("Lê Minh Tuấn", DEPARTMENT, "Phó Giám đốc Sở", "leader"),
    ("Phạm Thị Lan", "STP-HY-VP", "Chánh Văn phòng", "office_coordinator"),
    ("Hoàng Văn Nam", "STP-HY-VP", "Phó Chánh Văn phòng", "staff"),
    ("Vũ Thị Hồng Nhung", "STP-HY-VP", "Chuyên viên", "staff"),
    ("Đặng Quốc Bảo", "STP-HY-VP", "Chuyên viên công nghệ thông tin", "admin"),
    ("Bùi Thị Mai", "STP-HY-MC", "Tổ trưởng Bộ phận Một cửa", "unit_head"),
    ("Đỗ Văn Khánh", "STP-HY-MC", "Chuyên viên", "staff"),
    ("Ngô Thị Phương", "STP-HY-TTR", "Chánh Thanh tra", "unit_head"),
    ("Dương Văn Thắng", "STP-HY-TTR", "Thanh tra viên", "staff"),
    ("Lý Thị Ngọc Ánh", "STP-HY-TTR", "Thanh tra viên", "staff"),
    ("Phan Văn Đức", "STP-HY-HCTP", "Trưởng phòng", "unit_head"),
    ("Trịnh Thị Hương", "STP-HY-HCTP", "Phó Trưởng phòng", "staff"),
    ("Mai Văn Toàn", "STP-HY-HCTP", "Chuyên viên", "staff"),
    ("Đinh Thị Thanh Tâm", "STP-HY-BTTP", "Trưởng phòng", "unit_head"),
    ("Tạ Quang Huy", "STP-HY-BTTP", "Chuyên viên", "staff"),
    ("Hà Thị Yến", "STP-HY-BTTP", "Chuyên viên", "staff"),
    ("Nguyễn Thị Minh Châu", "STP-HY-XDVB", "Trưởng phòng", "unit_head"),
    ("Trần Văn Long", "STP-HY-XDVB", "Chuyên viên", "staff"),
    ("Lê Thị Thùy Linh", "STP-HY-XDVB", "Chuyên viên", "staff"),
    ("Phạm Văn Cường", "STP-HY-PBGD", "Trưởng phòng", "unit_head"),
    ("Nguyễn Thị Hạnh", "STP-HY-PBGD", "Chuyên viên", "staff"),
    ("Vũ Đình Khoa", "STP-HY-PBGD", "Chuyên viên", "staff"),
    ("Hoàng Thị Kim Oanh", "STP-HY-XLVP", "Trưởng phòng", "unit_head"),
    ("Lương Văn Sơn", "STP-HY-XLVP", "Chuyên viên", "staff"),
    ("Chu Thị Diệu Linh", "STP-HY-XLVP", "Chuyên viên", "staff"),
    ("Nguyễn Đức Thịnh", "STP-HY-TGPL", "Giám đốc Trung tâm", "unit_head"),
    ("Kiều Thị Thu Trang", "STP-HY-TGPL", "Trợ giúp viên pháp lý", "staff"),
    ("Lê Văn Quang", "STP-HY-TGPL", "Trợ giúp viên pháp lý", "staff"),
    ("Trần Thị Bích Ngọc", "STP-HY-CC1", "Trưởng phòng Công chứng", "unit_head"),
    ("Đoàn Văn Hải", "STP-HY-CC1", "Công chứng viên", "staff"),
    ("Phùng Thị Hoa", "STP-HY-CC1", "Công chứng viên", "staff"),
    ("Nguyễn Văn Tiến", "STP-HY-CC2", "Trưởng phòng Công chứng", "unit_head"),
    ("Vương Thị Lệ Thu", "STP-HY-CC2", "Công chứng viên", "staff"),
    ("Cao Văn Dũng", "STP-HY-DGTS", "Giám đốc Trung tâm", "unit_head"),
    ("Lại Thị Thảo", "STP-HY-DGTS", "Đấu giá viên", "staff"),
    ("Tống Văn Phúc", "STP-HY-DGTS", "Đấu giá viên", "staff"),
    ("Nguyễn Thị Xuân", DEPARTMENT, "Trưởng ban Thanh tra nhân dân", "inspection_board"),
    ("Trần Văn Bình", DEPARTMENT, "Ủy viên Ban Thanh tra nhân dân", "inspection_board"),
]


def email_of(full_name: str) -> str:
    """'Nguyễn Thị Thu Hà' -> 'ha.ntt@sotuphap.hungyen.gov.vn', as provincial mail often is."""
    words = fold(full_name).split()
    return f"{words[-1]}.{''.join(w[0] for w in words[:-1])}@sotuphap.hungyen.gov.vn"


def example_rows() -> dict[str, list[dict]]:
    """Kinds and roles as an office writes them: their Vietnamese names."""
    with translation.override("vi"):
        return _rows()


def _rows() -> dict[str, list[dict]]:
    units = [
        {
            "code": code,
            "name": name,
            "short_name": short,
            "kind": str(AgencyKind(kind).label),
            "parent": parent,
            "valid_from": OPENED,
        }
        for code, name, short, kind, parent in UNITS
    ]
    people = [
        {
            "full_name": full_name,
            "email": email_of(full_name),
            "phone": f"0221 3{index:06d}",
            "unit": unit,
            "position": position,
            "role": str(Role(role).label),
        }
        for index, (full_name, unit, position, role) in enumerate(PEOPLE, start=862001)
    ]
    return {"units": units, "people": people}


def write_example() -> bytes:
    """The example workbook, headers in Vietnamese (`quantri orgs example FILE` writes it)."""
    with translation.override("vi"):
        return write_workbook(example_rows())
