"""The demo organisation: Hưng Yên province → its Department of Culture, Sports and Tourism
→ office, inspectorate, specialised units and public service units, one user per role."""

from quantri.orgs.models import AgencyKind, Role

PROVINCE = {
    "code": "HY",
    "kind": AgencyKind.PROVINCE,
    "name": "Ủy ban nhân dân tỉnh Hưng Yên",
    "name_en": "Hưng Yên Provincial People's Committee",
    "short_name": "UBND tỉnh",
    "aliases": ["UBND tỉnh Hưng Yên"],
}

DEPARTMENT = {
    "code": "SVHTTDL-HY",
    "kind": AgencyKind.DEPARTMENT,
    "name": "Sở Văn hóa, Thể thao và Du lịch",
    "name_en": "Department of Culture, Sports and Tourism",
    "short_name": "Sở VHTTDL",
    "aliases": ["Sở Văn hóa, Thể thao và Du lịch tỉnh Hưng Yên"],
}

UNITS = [
    ("VP", AgencyKind.OFFICE, "Văn phòng Sở", "Department Office", "VP", []),
    ("TTRA", AgencyKind.SPECIALISED, "Thanh tra Sở", "Department Inspectorate", "TTr", []),
    (
        "KHTC",
        AgencyKind.SPECIALISED,
        "Phòng Kế hoạch - Tài chính",
        "Planning and Finance",
        "KH-TC",
        ["Phòng Kế hoạch Tài chính"],
    ),
    ("QLVH", AgencyKind.SPECIALISED, "Phòng Quản lý Văn hóa", "Culture Management", "QLVH", []),
    (
        "QLTDTT",
        AgencyKind.SPECIALISED,
        "Phòng Quản lý Thể dục thể thao",
        "Sports Management",
        "QLTDTT",
        [],
    ),
    ("QLDL", AgencyKind.SPECIALISED, "Phòng Quản lý Du lịch", "Tourism Management", "QLDL", []),
    (
        "XDNSVH",
        AgencyKind.SPECIALISED,
        "Phòng Xây dựng nếp sống văn hóa và Gia đình",
        "Cultural Lifestyle and Family",
        "XDNSVH-GĐ",
        [],
    ),
    ("BT", AgencyKind.PUBLIC_SERVICE, "Bảo tàng tỉnh", "Provincial Museum", "Bảo tàng", []),
    ("TV", AgencyKind.PUBLIC_SERVICE, "Thư viện tỉnh", "Provincial Library", "Thư viện", []),
    (
        "TTVH",
        AgencyKind.PUBLIC_SERVICE,
        "Trung tâm Văn hóa tỉnh",
        "Provincial Culture Centre",
        "TTVH",
        ["Trung tâm Văn hóa - Điện ảnh tỉnh"],
    ),
    (
        "NHC",
        AgencyKind.PUBLIC_SERVICE,
        "Nhà hát Chèo Hưng Yên",
        "Hưng Yên Chèo Theatre",
        "Nhà hát Chèo",
        [],
    ),
    (
        "TTHLTDTT",
        AgencyKind.PUBLIC_SERVICE,
        "Trung tâm Huấn luyện và Thi đấu thể dục thể thao",
        "Sports Training and Competition Centre",
        "TT HL&TĐ TDTT",
        [],
    ),
    (
        "BQLDT",
        AgencyKind.PUBLIC_SERVICE,
        "Ban Quản lý Di tích tỉnh",
        "Provincial Relics Board",
        "BQL Di tích",
        [],
    ),
]

# username, full name, unit code (None = the department), role, position
USERS = [
    ("lanhdao", "Nguyễn Minh Khoa", None, Role.LEADER, "Phó Giám đốc"),
    ("vanphong", "Trần Thị Hạnh", "VP", Role.OFFICE_COORDINATOR, "Chánh Văn phòng"),
    ("truongphong", "Lê Văn Dũng", "QLVH", Role.UNIT_HEAD, "Trưởng phòng"),
    ("chuyenvien", "Phạm Thu Trang", "QLVH", Role.STAFF, "Chuyên viên"),
    ("bantt", "Vũ Đức Thịnh", None, Role.INSPECTION_BOARD, "Trưởng ban Thanh tra nhân dân"),
    ("quantri", "Quản trị hệ thống", None, Role.ADMIN, "Quản trị hệ thống"),
    ("thanhtra", "Đỗ Văn Kiên", None, Role.INSPECTOR, "Trưởng đoàn kiểm tra"),
]

DEMO_PASSWORD = "demo@2026"
# The current plan, and last cycle's 2021 plan that the periodic-report demo works on.
PLAN_DOCUMENT = "ke-hoach-papi-2026-demo.txt"
PAST_PLAN_DOCUMENT = "ke-hoach-papi-2021-demo.txt"
