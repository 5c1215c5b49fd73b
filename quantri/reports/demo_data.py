"""What the demo units reported for the first half of 2021 (as a department's units write it)."""

import datetime

TZ = datetime.timezone(datetime.timedelta(hours=7))


def at(day: int, month: int = 6, hour: int = 9) -> datetime.datetime:
    return datetime.datetime(2021, month, day, hour, tzinfo=TZ)


# Heads of the units that have none among the demo logins; they submit their unit's report.
# unit code → (username, full name, position)
UNIT_HEADS = {
    "VP": ("tp_vp", "Nguyễn Thị Thu Hà", "Phó Chánh Văn phòng phụ trách"),
    "TTRA": ("tp_ttra", "Đặng Quốc Việt", "Chánh Thanh tra"),
    "KHTC": ("tp_khtc", "Bùi Thị Lan", "Trưởng phòng"),
    "QLTDTT": ("tp_qltdtt", "Hoàng Văn Nam", "Trưởng phòng"),
    "QLDL": ("tp_qldl", "Ngô Thị Hương", "Trưởng phòng"),
    "BT": ("gd_bt", "Trịnh Văn Thành", "Giám đốc Bảo tàng"),
    "TV": ("gd_tv", "Lương Thị Mai", "Giám đốc Thư viện"),
    "TTVH": ("gd_ttvh", "Phan Đức Long", "Giám đốc Trung tâm"),
    "BQLDT": ("tb_bqldt", "Đỗ Minh Tuấn", "Trưởng ban"),
    "NHC": ("gd_nhc", "Vũ Thị Ngọc", "Giám đốc Nhà hát"),
    "TTHLTDTT": ("gd_tthl", "Lại Văn Hòa", "Giám đốc Trung tâm"),
    "XDNSVH": ("tp_xdnsvh", "Tạ Thị Bích", "Trưởng phòng"),
}

# (group order, task order) → (progress %, what was done, figures, difficulties)
TASKS = {
    (1, 1): (
        100,
        "Ngày 05/3/2021 tổ chức hội nghị phổ biến Kế hoạch đến 100% công chức, viên chức, "
        "người lao động; các phòng, đơn vị đã quán triệt tại cuộc họp giao ban tháng 3.",
        {"Số người dự hội nghị": 126},
        "",
    ),
    (1, 2): (
        50,
        "Theo dõi, đôn đốc hằng tháng tại giao ban; tổng hợp báo cáo 6 tháng đầu năm.",
        {},
        "Một số đơn vị gửi báo cáo chậm so với thời hạn.",
    ),
    (2, 1): (
        50,
        "Ban hành Quy chế dân chủ sửa đổi; công khai dự toán, kế hoạch công tác năm 2021 "
        "tại hội nghị cán bộ, công chức, viên chức.",
        {"Số văn bản được công khai nội bộ": 14},
        "",
    ),
    (2, 2): (
        85,
        "Tổ chức 17 buổi tuyên truyền tại nhà văn hóa thôn, khu phố; luân chuyển tủ sách "
        "pháp luật đến 12 điểm thư viện cơ sở.",
        {"Số buổi tuyên truyền": 17, "Số lượt người tham dự": 2350},
        "Dịch COVID-19 làm hoãn 3 buổi tuyên truyền trong tháng 5.",
    ),
    (3, 1): (
        100,
        "Niêm yết đầy đủ 131 thủ tục hành chính và mức thu phí, lệ phí tại Bộ phận một cửa "
        "và trên Cổng thông tin điện tử của Sở; cập nhật 9 thủ tục mới công bố.",
        {"Số TTHC được công khai": 131, "Số TTHC cập nhật mới": 9},
        "",
    ),
    (3, 2): (
        50,
        "Công khai dự toán ngân sách năm 2021 và quyết toán năm 2020 đúng thời hạn.",
        {"Số lần công khai": 2},
        "",
    ),
    (4, 1): (
        50,
        "Công khai lịch tiếp công dân của Giám đốc Sở trên Cổng thông tin; tổ chức 6 buổi "
        "tiếp định kỳ, tiếp nhận 4 lượt công dân, đã hướng dẫn, trả lời 4/4 trường hợp.",
        {"Số buổi tiếp công dân": 6, "Số lượt công dân được tiếp": 4},
        "",
    ),
    (4, 2): (
        20,
        "Xây dựng kế hoạch và dự kiến nội dung hội nghị đối thoại với doanh nghiệp du lịch.",
        {},
        "Chưa tổ chức được hội nghị do dịch bệnh; dự kiến tổ chức trong Quý III.",
    ),
    (5, 1): (
        30,
        "Lồng ghép nội dung phòng, chống tham nhũng trong sinh hoạt chi bộ, giao ban.",
        {"Số buổi tuyên truyền": 2},
        "",
    ),
    (5, 2): (
        40,
        "Ban hành kế hoạch thanh tra; đã kiểm tra Bộ phận một cửa, chưa phát hiện sai phạm.",
        {"Số cuộc kiểm tra": 1},
        "",
    ),
    (6, 1): (
        100,
        "Rà soát 42 thủ tục; đề xuất đơn giản hóa 6 thủ tục, trình UBND tỉnh ngày 28/5/2021.",
        {"Số TTHC được rà soát": 42, "Số TTHC đề xuất đơn giản hóa": 6},
        "",
    ),
    (6, 2): (
        60,
        "Phát phiếu khảo sát tại Bộ phận một cửa; thu về 215 phiếu, 97,2% hài lòng.",
        {"Số phiếu khảo sát": 215, "Tỷ lệ hài lòng (%)": 97.2},
        "",
    ),
    (7, 1): (
        45,
        "Cập nhật 12 quy trình ISO theo thủ tục mới; đánh giá nội bộ dự kiến tháng 9.",
        {"Số quy trình cập nhật": 12},
        "",
    ),
    (7, 2): (
        50,
        "Kéo dài giờ mở cửa thư viện đến 20h các ngày thứ Bảy; trưng bày chuyên đề "
        "“Hưng Yên - Đất và Người” phục vụ 8.400 lượt khách.",
        {"Lượt khách tham quan": 8400, "Lượt bạn đọc": 21500},
        "Cơ sở vật chất phòng đọc thiếu nhi xuống cấp.",
    ),
    (8, 1): (
        40,
        "Lắp đặt 35 biển tuyên truyền, thùng rác tại di tích Phố Hiến, Đền Mẫu, "
        "Văn Miếu Xích Đằng.",
        {"Số biển tuyên truyền": 35},
        "",
    ),
    (9, 1): (
        50,
        "Đăng tải 164 tin, bài, 38 văn bản; trả lời 11/11 câu hỏi trên mục hỏi đáp.",
        {"Số tin, bài đăng tải": 164, "Số câu hỏi được trả lời": 11},
        "",
    ),
    (9, 2): (
        45,
        "Hướng dẫn tổ chức, cá nhân nộp hồ sơ trực tuyến; tỷ lệ hồ sơ trực tuyến toàn trình "
        "6 tháng đạt 41,5%.",
        {"Tỷ lệ hồ sơ trực tuyến toàn trình (%)": 41.5, "Số hồ sơ trực tuyến": 287},
        "Người dân còn quen nộp trực tiếp; chưa có thanh toán trực tuyến cho lệ phí.",
    ),
}

# unit code → (submitted at, general remarks); units not listed do not report (missing).
SUBMISSIONS = {
    "KHTC": (at(16), "Phòng hoàn thành đúng tiến độ các nhiệm vụ được giao."),
    "TTVH": (at(17), "Trung tâm chủ động phối hợp với Thư viện tỉnh trong tuyên truyền."),
    "VP": (at(18), "Văn phòng đã triển khai đồng bộ các nhiệm vụ được giao trong Kế hoạch."),
    "BQLDT": (at(18, hour=15), "Ban đã phối hợp tốt với chính quyền địa phương nơi có di tích."),
    "TTRA": (at(21, hour=10), "Thanh tra Sở thực hiện nghiêm lịch tiếp công dân."),
    "QLVH": (at(21, hour=16), "Phòng đã phối hợp niêm yết thủ tục lĩnh vực văn hóa."),
    "TV": (at(23), "Thư viện duy trì phục vụ bạn đọc cả ngày thứ Bảy."),
    "QLDL": (at(24), "Hội nghị đối thoại chậm do dịch COVID-19."),
    "BT": (at(25), "Bảo tàng đề nghị bổ sung kinh phí sửa chữa phòng trưng bày."),
}
RETURNED = {"QLVH": "Đề nghị bổ sung số lượng thủ tục lĩnh vực văn hóa đã niêm yết và minh chứng."}
ACCEPTED_AT = at(28)
OPENED_AT = at(1)

DEFAULT_TASK = (30, "Đang triển khai theo kế hoạch.", {}, "")
SUPPORT_NOTE = "Phối hợp với {lead} thực hiện. {done}"
DRAFT_NOTE = "Đang tổng hợp kết quả 6 tháng cuối năm 2026."
DRAFT_REMARKS = "Bản nháp: đang tổng hợp số liệu 6 tháng cuối năm."
