"""Every task of five real plans of different shapes (../shared/corpus/plans), labelled by hand
from reading each document: where its title starts, the lead unit the document gives it and
the deadline it gives it, or None where the document gives none. This checks the issue's
"every task that the document gives a lead or deadline for has it" task by task.

Labels are listed in document order; a task is found by the start of its title (or of its
text, when the parser moved a leading "X chủ trì" out of the title), folded.
"""

import datetime
from dataclasses import dataclass

D = datetime.date


@dataclass(frozen=True)
class Every:
    """A recurring deadline ('Thường xuyên', 'Hằng năm')."""

    recurrence: str


@dataclass(frozen=True)
class Words:
    """A deadline written in words that give no date ('Theo Kế hoạch riêng'): kept as written."""

    text: str


@dataclass(frozen=True)
class Label:
    title: str
    lead: str | None
    due: "datetime.date | Every | Words | None"


L = Label
ONGOING = Every("continuous")

TASK_LABELS: dict[str, list[Label]] = {
    # Annex table flattened one cell per line, rows truncated by the site ('…'), site text after.
    "c5d930a5fc8373cd.txt": [
        L("Tổ chức lại Ban Chỉ huy Phòng thủ dân sự", "Bộ CHQS tỉnh", D(2025, 11, 30)),
        L("Triển khai thực hiện một số nội dung chi", "Sở Tài chính", ONGOING),
        L("Triển khai thực hiện khi có sửa đổi hoặc ban hành", "Sở Tài chính", D(2025, 12, 31)),
        L("Triển khai thực hiện khi có Thông tư mới", "Sở Tài chính", D(2025, 12, 31)),
        # the cell 'Sở, ban, ngành, tổ chức chính trị - xã hội': the first unit leads
        L("Hướng dẫn phương pháp, trình tự thống kê", "Sở, ban, ngành", D(2025, 12, 31)),
        L("Hướng dẫn thanh toán chi phí khám bệnh", "Sở Y tế", D(2025, 12, 31)),
        L("Tiếp nhận các số, tần số trực canh", "Sở Khoa học và Công nghệ", D(2025, 12, 31)),
        L("Ban hành Quy chế Phối hợp tìm kiếm, cứu nạn trên biển", "Sở Xây dựng", Words("Sau khi")),
        L(
            "Ban hành Quy chế Phối hợp tìm kiếm, cứu nạn hàng không",
            "Sở Xây dựng",
            Words("Sau khi"),
        ),
        L("Thành lập bộ máy quản lý Quỹ", "Sở Tài chính", D(2025, 12, 31)),
        L("Tiếp nhận và duy trì Hệ thống Tổng đài 112", "Bộ CHQS tỉnh", D(2025, 12, 31)),
        L(
            "Rà soát, tổng hợp danh mục các công trình phòng",
            "Ban Chỉ huy Phòng thủ dân sự cấp tỉnh",
            Every("annual"),
        ),
        L(
            "Xây dựng công trình phòng thủ dân sự gắn với",
            "Ban Chỉ huy Phòng thủ dân sự tỉnh",
            ONGOING,
        ),
        L(
            "Triển khai thực hiện các chiến lược, kế hoạch quốc gia",
            "Ban Chỉ huy Phòng thủ dân sự tỉnh",
            Words("Theo Kế hoạch riêng"),
        ),
        L(
            "Diễn tập phòng thủ dân sự các cấp",
            "Ban Chỉ huy Phòng thủ dân sự cấp tỉnh",
            Words("Theo Kế hoạch riêng"),
        ),
        L(
            "Diễn tập khu vực phòng thủ",
            "Ban Chỉ huy Phòng thủ dân sự cấp tỉnh",
            Words("Theo kế hoạch"),
        ),
        L(
            "Quy định về chế độ trực tại Ban Chỉ huy",
            "Ban Chỉ huy Phòng thủ dân sự cấp tỉnh",
            D(2025, 12, 31),
        ),
        L("Xây dựng Quy chế về công tác trực ban", "Sở Nông nghiệp và Môi trường", D(2025, 12, 31)),
    ],
    # Numbered tasks with '- Cơ quan chủ trì: / - Thời gian thực hiện:' lines, '+' sub-tasks.
    "86367f2ddb2225cd.txt": [
        L("Tổ chức tuyên truyền, phổ biến, giáo dục", "Bộ Công an", ONGOING),
        L("Tổ chức tập huấn chuyên sâu", "Bộ Công an", ONGOING),
        L("Biên soạn tài liệu phục vụ", "Bộ Công an", ONGOING),
        L("Rà soát văn bản quy phạm pháp luật", "Bộ Công an", D(2025, 12, 31)),
        L("Nghị định quy định chi tiết", "Bộ Công an", D(2026, 1, 1)),
        L("Nghị định xử phạt vi phạm hành chính", "Bộ Công an", Words("Theo tiến độ được giao")),
        L("Xây dựng Cổng thông tin quốc gia", "Bộ Công an", D(2027, 12, 31)),
        L("Xây dựng Quyết định của Thủ tướng", "Bộ Công an", D(2026, 12, 31)),
        L("Tổ chức kiểm tra việc thi hành Luật", "Bộ Công an", ONGOING),
    ],
    # Body outline without units, then the annex table (flattened) that assigns them.
    "8718801c503045f9.txt": [
        L("Triển khai nền tảng đào tạo trực tuyến", "Sở KH&CN", ONGOING),
        L("Triển khai đánh giá mức độ chuyển đổi số", "Sở KH&CN", ONGOING),
        L("Biểu dương, tôn vinh, khen thưởng", "Sở Nội vụ", ONGOING),
        L("Xây dựng Bộ tiêu chí đánh giá", "Sở KH&CN", D(2025, 12, 31)),
        L("Hỗ trợ cho các doanh nghiệp, nhất là", "Sở Công Thương", D(2025, 12, 31)),
        L("Xây dựng Kế hoạch hỗ trợ doanh nghiệp tham gia", "Sở KH&CN", D(2025, 12, 31)),
        L("Hỗ trợ doanh nghiệp nhỏ và vừa theo Nghị định", "Sở KH&CN", Every("annual")),
        L("Xây dựng kế hoạch và triển khai hạ tầng 5G", "Sở KH&CN", D(2025, 12, 31)),
        L("Tổ chức học tập kinh nghiệm", "Sở KH&CN", ONGOING),
        L("Tổ chức xúc tiến đầu tư", "Sở KH&CN", ONGOING),
        L("Đẩy mạnh hợp tác với doanh nghiệp, viện", "Sở KH&CN", D(2025, 12, 31)),
    ],
    # Prose: dashes under lettered sub-parts, units named in the sentence, then the duties
    # listed per unit under a heading broken across lines ('V. TỔ' / 'CHỨC THỰC HIỆN').
    "a49ef8a0da1f62dd.txt": [
        L("Tổ chức thu gom, vận chuyển và xử lý", None, None),
        L("Khơi thông cống rãnh", None, None),
        L("Trung tâm Kiểm soát bệnh tật tỉnh chủ trì", "Trung tâm Kiểm soát bệnh tật tỉnh", None),
        L("Kiểm tra, giám sát các cơ sở kinh doanh", None, None),
        L("Sở Y tế chủ trì kiểm", "Sở Y tế", None),
        L("Các Trung tâm y tế giám sát tuyến xã", "Các Trung tâm y tế", None),
        L("Chủ trì triển khai kế hoạch; hướng dẫn chuyên môn", "Sở Y tế", None),
        L("Chỉ đạo thu gom rác, xử lý môi trường", "Sở Nông nghiệp và Môi trường", None),
        L("Tham mưu nguồn kinh phí", "Sở Tài chính", None),
        L("Triển khai kế hoạch trên địa bàn", "UBND các xã, phường", None),
        L("Huy động hội viên tham gia", "Các đoàn thể, tổ chức xã hội", None),
    ],
    # Tasks without units, then the units' duties as '1. Công an tỉnh' over its dashes.
    "0a97eb9c3c536047.txt": [
        L("Tổ chức rà soát, đánh giá tất cả", None, None),
        L("Nâng cao vai trò, trách nhiệm của người", None, None),
        L("Thường xuyên rà soát, kịp thời tham mưu", None, ONGOING),
        L("Thực hiện việc kiểm định, kiểm tra an", None, None),
        L("Củng cố, kiện toàn Ban Chỉ đạo", None, None),
        L("Bố trí nguồn lực để đầu tư", None, None),
        L(
            "Chủ trì, phối hợp với các cơ quan, đơn vị có liên quan tham mưu Chủ",
            "Công an tỉnh",
            None,
        ),
        L(
            "Tiếp tục tăng cường công tác quản lý nhà nước về bảo vệ bí mật nhà nước, trong",
            "Công an tỉnh",
            None,
        ),
        L("Phối hợp tiến hành kiểm định", "Công an tỉnh", None),
        L("Tăng cường tổ chức tập huấn", "Công an tỉnh", None),
        L("Chủ trì, phối hợp Bộ Chỉ huy Quân sự tỉnh", "Công an tỉnh", None),
        L("Tham mưu làm tốt công tác sơ, tổng kết", "Công an tỉnh", None),
        L(
            "Tiếp tục tăng cường công tác quản lý nhà nước về bảo vệ bí mật nhà nước thuộc",
            "Bộ Chỉ huy Quân sự tỉnh",
            None,
        ),
        L("Phối hợp chặt chẽ với Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh", None),
        L(
            "Chủ trì, phối hợp với các cơ quan, đơn vị có liên quan, tham mưu UBND",
            "Sở Khoa học và Công nghệ",
            None,
        ),
        L("Chủ trì, phối hợp với các sở, ngành, đơn vị có liên quan nghiên cứu", "Sở Nội vụ", None),
        L("Tiếp tục phổ biến, quán triệt", "Các sở, ban, ngành, đoàn thể cấp tỉnh", None),
        L("Thực hiện nghiêm túc quy trình", "Các sở, ban, ngành, đoàn thể cấp tỉnh", None),
        L("Đề xuất với các cơ quan chức năng", "Các sở, ban, ngành, đoàn thể cấp tỉnh", None),
    ],
}
