"""The demo catalogue of a provincial Department of Culture, Sports and Tourism.

Written for the demo from public facts (the procedure names and the laws and decrees that
govern them); codes are plausible but invented, and fees and time limits are indicative:
check the national procedure database before relying on any figure.
"""

FIELDS = [
    ("VH", "Văn hóa cơ sở"),
    ("GD", "Gia đình"),
    ("TDTT", "Thể dục thể thao"),
    ("DL", "Du lịch"),
    ("DSVH", "Di sản văn hóa"),
    ("MTNATL", "Mỹ thuật, Nhiếp ảnh và Triển lãm"),
    ("NTBD", "Nghệ thuật biểu diễn"),
    ("TV", "Thư viện"),
    ("QC", "Quảng cáo"),
]

# Legal bases by key, cited in the procedures below.
LAWS = {
    "festival": ["Nghị định số 110/2018/NĐ-CP quy định về quản lý và tổ chức lễ hội"],
    "karaoke": [
        "Nghị định số 54/2019/NĐ-CP quy định về kinh doanh dịch vụ karaoke, dịch vụ vũ trường",
        "Thông tư số 01/2021/TT-BTC về phí thẩm định cấp giấy phép kinh doanh karaoke, vũ trường",
    ],
    "family": [
        "Luật Phòng, chống bạo lực gia đình số 13/2022/QH15",
        "Nghị định số 76/2023/NĐ-CP quy định chi tiết Luật Phòng, chống bạo lực gia đình",
    ],
    "sport": [
        "Luật Thể dục, thể thao số 77/2006/QH11, sửa đổi, bổ sung năm 2018",
        "Nghị định số 36/2019/NĐ-CP quy định chi tiết một số điều của Luật Thể dục, thể thao",
    ],
    "tourism": [
        "Luật Du lịch số 09/2017/QH14",
        "Nghị định số 168/2017/NĐ-CP quy định chi tiết một số điều của Luật Du lịch",
    ],
    "heritage": [
        "Luật Di sản văn hóa số 45/2024/QH15",
    ],
    "fine_arts": [
        "Nghị định số 113/2013/NĐ-CP về hoạt động mỹ thuật",
        "Nghị định số 72/2016/NĐ-CP về hoạt động nhiếp ảnh",
    ],
    "performing": ["Nghị định số 144/2020/NĐ-CP quy định về hoạt động nghệ thuật biểu diễn"],
    "library": [
        "Luật Thư viện số 46/2019/QH14",
        "Nghị định số 93/2020/NĐ-CP quy định chi tiết một số điều của Luật Thư viện",
    ],
    "advertising": [
        "Luật Quảng cáo số 16/2012/QH13",
        "Nghị định số 181/2013/NĐ-CP quy định chi tiết thi hành một số điều của Luật Quảng cáo",
    ],
}

# Documents by key: (name, copies, form).
DOCUMENTS = {
    "request": [
        ("Văn bản đề nghị theo mẫu", "01 bản chính", "Mẫu đơn kèm theo thủ tục"),
    ],
    "festival": [
        ("Văn bản đề nghị tổ chức lễ hội", "01 bản chính", "Mẫu số 01"),
        ("Kế hoạch tổ chức lễ hội", "01 bản chính", ""),
        ("Văn bản đồng ý của cơ quan quản lý di tích (nếu tổ chức tại di tích)", "01 bản sao", ""),
    ],
    "business": [
        ("Đơn đề nghị cấp giấy phép", "01 bản chính", "Mẫu đơn kèm theo thủ tục"),
        ("Giấy chứng nhận đăng ký doanh nghiệp", "01 bản sao có chứng thực", ""),
        ("Bản vẽ mặt bằng, thuyết minh cơ sở vật chất", "01 bản chính", ""),
    ],
    "family": [
        ("Đơn đề nghị đăng ký hoạt động", "01 bản chính", "Mẫu đơn kèm theo thủ tục"),
        ("Danh sách nhân viên kèm văn bằng, chứng chỉ nghiệp vụ", "01 bản sao", ""),
        ("Giấy tờ chứng minh quyền sử dụng cơ sở vật chất", "01 bản sao", ""),
    ],
    "sport": [
        ("Đơn đề nghị cấp giấy chứng nhận đủ điều kiện", "01 bản chính", "Mẫu số 02"),
        ("Bản tóm tắt tình hình chuẩn bị các điều kiện kinh doanh", "01 bản chính", "Mẫu số 03"),
        ("Văn bằng, chứng chỉ của nhân viên chuyên môn", "01 bản sao", ""),
    ],
    "travel": [
        ("Đơn đề nghị cấp giấy phép kinh doanh dịch vụ lữ hành", "01 bản chính", "Mẫu số 03"),
        ("Giấy chứng nhận đăng ký doanh nghiệp", "01 bản sao có chứng thực", ""),
        ("Giấy chứng nhận ký quỹ kinh doanh dịch vụ lữ hành", "01 bản chính", ""),
        ("Quyết định bổ nhiệm hoặc hợp đồng lao động của người phụ trách", "01 bản sao", ""),
    ],
    "destination": [
        ("Đơn đề nghị công nhận", "01 bản chính", "Mẫu đơn kèm theo thủ tục"),
        ("Bản thuyết minh về điều kiện công nhận", "01 bản chính", ""),
        ("Bản đồ, sơ đồ ranh giới", "01 bản chính", ""),
    ],
    "guide": [
        ("Đơn đề nghị cấp thẻ hướng dẫn viên du lịch", "01 bản chính", "Mẫu số 14"),
        ("Sơ yếu lý lịch có xác nhận", "01 bản chính", ""),
        ("Giấy chứng nhận sức khỏe do cơ sở khám bệnh cấp không quá 6 tháng", "01 bản chính", ""),
        ("Ảnh chân dung 3cm x 4cm", "02 ảnh", ""),
    ],
    "heritage": [
        ("Đơn đề nghị", "01 bản chính", "Mẫu đơn kèm theo thủ tục"),
        ("Hồ sơ, tài liệu về hiện vật hoặc năng lực hành nghề", "01 bộ", ""),
    ],
    "exhibition": [
        ("Văn bản đề nghị", "01 bản chính", "Mẫu số 01"),
        ("Danh sách tác phẩm kèm ảnh", "01 bản chính", ""),
    ],
    "notice": [
        ("Văn bản thông báo", "01 bản chính", "Mẫu số 01"),
        ("Nội dung chương trình", "01 bản chính", ""),
    ],
    "library": [
        ("Văn bản thông báo", "01 bản chính", "Mẫu số 01"),
        ("Quyết định của cơ quan, tổ chức liên quan", "01 bản sao", ""),
    ],
    "advertising": [
        ("Văn bản thông báo sản phẩm quảng cáo", "01 bản chính", "Mẫu số 01"),
        ("Ma-két sản phẩm quảng cáo in màu có chữ ký", "02 bản", ""),
        ("Giấy tờ chứng minh điều kiện của hàng hóa, dịch vụ quảng cáo", "01 bản sao", ""),
    ],
}

STEPS = {
    "standard": [
        "Tổ chức, cá nhân nộp hồ sơ trực tiếp, qua bưu chính hoặc trực tuyến tại Bộ phận "
        "Một cửa của Sở",
        "Bộ phận Một cửa kiểm tra, tiếp nhận hồ sơ và chuyển phòng chuyên môn",
        "Phòng chuyên môn thẩm định, trình Lãnh đạo Sở",
        "Trả kết quả tại Bộ phận Một cửa hoặc qua dịch vụ bưu chính",
    ],
    "inspection": [
        "Tổ chức, cá nhân nộp hồ sơ trực tiếp, qua bưu chính hoặc trực tuyến",
        "Sở thẩm định hồ sơ và kiểm tra thực tế điều kiện tại cơ sở",
        "Cấp giấy phép hoặc trả lời bằng văn bản, nêu rõ lý do nếu không cấp",
    ],
    "notice": [
        "Tổ chức gửi văn bản thông báo trực tiếp, qua bưu chính hoặc trực tuyến",
        "Sở tiếp nhận; có ý kiến bằng văn bản nếu không đồng ý",
    ],
}

# (code, name, field, days, days as written, online, old level, documents, steps, laws,
#  [(fee name, amount, amount as written)], published)
# fmt: off
PROCEDURES = [
    # Văn hóa cơ sở
    ("1.009101", "Cấp giấy phép tổ chức lễ hội", "VH", 15, "", "partial", 3,
     "festival", "standard", "festival", [], True),
    ("1.009102", "Đăng ký tổ chức lễ hội cấp tỉnh", "VH", 15, "", "partial", 3,
     "festival", "standard", "festival", [], True),
    ("1.009103", "Thông báo tổ chức lễ hội cấp tỉnh", "VH", 5, "", "full", 4,
     "notice", "notice", "festival", [], True),
    ("1.009104", "Cấp Giấy phép đủ điều kiện kinh doanh dịch vụ karaoke", "VH", 5, "",
     "partial", 3, "business", "inspection", "karaoke",
     [("Phí thẩm định", None, "Từ 4.000.000 đến 12.000.000 đồng tùy số phòng và địa bàn")],
     True),
    ("1.009105", "Cấp Giấy phép đủ điều kiện kinh doanh dịch vụ vũ trường", "VH", 5, "",
     "partial", 3, "business", "inspection", "karaoke",
     [("Phí thẩm định", None, "10.000.000 đến 15.000.000 đồng tùy địa bàn")], True),
    ("1.009106", "Cấp Giấy phép điều chỉnh Giấy phép đủ điều kiện kinh doanh dịch vụ karaoke",
     "VH", 5, "", "partial", 3, "business", "standard", "karaoke",
     [("Phí thẩm định", 2000000, "")], True),
    # Gia đình
    ("1.009201", "Cấp Giấy chứng nhận đăng ký hoạt động của cơ sở hỗ trợ nạn nhân bạo lực "
     "gia đình", "GD", 15, "", "partial", 3, "family", "standard", "family", [], True),
    ("1.009202", "Cấp Giấy chứng nhận đăng ký hoạt động của cơ sở tư vấn về phòng, chống "
     "bạo lực gia đình", "GD", 15, "", "partial", 3, "family", "standard", "family", [], True),
    ("1.009203", "Cấp lại Giấy chứng nhận đăng ký hoạt động của cơ sở tư vấn về phòng, "
     "chống bạo lực gia đình", "GD", 7, "", "full", 4, "request", "standard", "family", [],
     True),
    ("1.009204", "Cấp Giấy chứng nhận nghiệp vụ chăm sóc nạn nhân bạo lực gia đình", "GD", 10,
     "", "partial", 3, "family", "standard", "family", [], True),
    # Thể dục thể thao
    ("1.009301", "Cấp giấy chứng nhận đủ điều kiện kinh doanh hoạt động thể thao đối với câu "
     "lạc bộ thể thao chuyên nghiệp", "TDTT", 7, "", "partial", 3, "sport", "inspection",
     "sport", [("Phí thẩm định", None, "Theo quy định của Bộ Tài chính")], True),
    ("1.009302", "Cấp Giấy chứng nhận đủ điều kiện kinh doanh hoạt động thể thao đối với môn "
     "Bơi, Lặn", "TDTT", 7, "", "partial", 3, "sport", "inspection", "sport",
     [("Phí thẩm định", None, "Theo quy định của Bộ Tài chính")], True),
    ("1.009303", "Cấp Giấy chứng nhận đủ điều kiện kinh doanh hoạt động thể thao đối với môn "
     "Võ cổ truyền, Vovinam", "TDTT", 7, "", "partial", 3, "sport", "inspection", "sport",
     [("Phí thẩm định", None, "Theo quy định của Bộ Tài chính")], True),
    ("1.009304", "Cấp Giấy chứng nhận đủ điều kiện kinh doanh hoạt động thể thao đối với môn "
     "Thể dục thẩm mỹ", "TDTT", 7, "", "partial", 3, "sport", "inspection", "sport",
     [("Phí thẩm định", None, "Theo quy định của Bộ Tài chính")], True),
    ("1.009305", "Cấp lại Giấy chứng nhận đủ điều kiện kinh doanh hoạt động thể thao", "TDTT",
     5, "", "full", 4, "request", "standard", "sport", [], True),
    ("1.009306", "Đăng cai tổ chức giải thi đấu vô địch từng môn thể thao của tỉnh", "TDTT", 10,
     "", "partial", 3, "request", "standard", "sport", [], True),
    ("1.009307", "Công nhận câu lạc bộ thể thao cơ sở", "TDTT", 7, "", "full", 4, "request",
     "standard", "sport", [], True),
    # Du lịch
    ("1.009401", "Cấp giấy phép kinh doanh dịch vụ lữ hành nội địa", "DL", 10, "", "partial", 3,
     "travel", "standard", "tourism", [("Phí thẩm định", 3000000, "")], True),
    ("1.009402", "Cấp đổi giấy phép kinh doanh dịch vụ lữ hành nội địa", "DL", 10, "",
     "partial", 3, "travel", "standard", "tourism", [("Phí thẩm định", 2000000, "")], True),
    ("1.009403", "Cấp lại giấy phép kinh doanh dịch vụ lữ hành nội địa", "DL", 5, "", "full", 4,
     "request", "standard", "tourism", [("Phí thẩm định", 1500000, "")], True),
    ("1.009404", "Thu hồi giấy phép kinh doanh dịch vụ lữ hành nội địa trong trường hợp doanh "
     "nghiệp chấm dứt hoạt động kinh doanh dịch vụ lữ hành", "DL", 30, "", "partial", 3,
     "request", "standard", "tourism", [], True),
    ("1.009405", "Công nhận điểm du lịch", "DL", 30, "", "partial", 3, "destination",
     "inspection", "tourism", [], True),
    ("1.009406", "Công nhận khu du lịch cấp tỉnh", "DL", 30, "", "partial", 3, "destination",
     "inspection", "tourism", [], True),
    ("1.009407", "Cấp thẻ hướng dẫn viên du lịch tại điểm", "DL", 10,
     "10 ngày làm việc kể từ ngày có kết quả kiểm tra nghiệp vụ", "partial", 3, "guide",
     "standard", "tourism", [("Phí thẩm định", 200000, "")], True),
    ("1.009408", "Cấp thẻ hướng dẫn viên du lịch nội địa", "DL", 10, "", "partial", 3, "guide",
     "standard", "tourism", [("Phí thẩm định", 650000, "")], True),
    ("1.009409", "Cấp đổi thẻ hướng dẫn viên du lịch", "DL", 10, "", "full", 4, "guide",
     "standard", "tourism", [("Phí thẩm định", 650000, "")], True),
    ("1.009410", "Công nhận hạng cơ sở lưu trú du lịch: hạng 1 sao, 2 sao cho khách sạn, "
     "biệt thự du lịch, căn hộ du lịch", "DL", 30, "", "partial", 3, "destination",
     "inspection", "tourism", [("Phí thẩm định", 1500000, "")], True),
    ("1.009411", "Công nhận cơ sở kinh doanh dịch vụ ăn uống đạt tiêu chuẩn phục vụ khách du "
     "lịch", "DL", 15, "", "partial", 3, "destination", "inspection", "tourism", [], False),
    # Di sản văn hóa
    ("1.009501", "Cấp chứng chỉ hành nghề tu bổ di tích", "DSVH", 15, "", "partial", 3,
     "heritage", "standard", "heritage", [("Phí thẩm định", 500000, "")], True),
    ("1.009502", "Đăng ký di vật, cổ vật, bảo vật quốc gia", "DSVH", 15, "", "partial", 3,
     "heritage", "standard", "heritage", [("Lệ phí đăng ký", 150000, "")], True),
    ("1.009503", "Cấp giấy chứng nhận đủ điều kiện kinh doanh giám định cổ vật", "DSVH", 30,
     "", "partial", 3, "heritage", "inspection", "heritage",
     [("Phí thẩm định", 2000000, "")], True),
    ("1.009504", "Cấp phép cho tổ chức, cá nhân nước ngoài nghiên cứu, sưu tầm di sản văn hóa "
     "phi vật thể tại địa phương", "DSVH", 30, "", "none", 2, "heritage", "standard",
     "heritage", [], True),
    ("1.009505", "Xác nhận đủ điều kiện cấp giấy phép hoạt động đối với bảo tàng ngoài công "
     "lập", "DSVH", 30, "", "partial", 3, "heritage", "inspection", "heritage", [], True),
    # Mỹ thuật, Nhiếp ảnh và Triển lãm
    ("1.009601", "Cấp giấy phép tổ chức triển lãm do tổ chức ở địa phương đưa ra nước ngoài "
     "không vì mục đích thương mại", "MTNATL", 7, "", "partial", 3, "exhibition",
     "standard", "fine_arts", [], True),
    ("1.009602", "Thông báo tổ chức triển lãm tại Việt Nam không vì mục đích thương mại",
     "MTNATL", 5, "", "full", 4, "notice", "notice", "fine_arts", [], True),
    ("1.009603", "Cấp giấy phép sao chép tác phẩm mỹ thuật về danh nhân văn hóa, anh hùng dân "
     "tộc, lãnh tụ", "MTNATL", 7, "", "partial", 3, "exhibition", "standard", "fine_arts",
     [], True),
    ("1.009604", "Cấp giấy phép xây dựng tượng đài, tranh hoành tráng", "MTNATL", 15, "",
     "none", 2, "exhibition", "standard", "fine_arts", [], True),
    # Nghệ thuật biểu diễn
    ("1.009701", "Tiếp nhận thông báo tổ chức biểu diễn nghệ thuật trên địa bàn quản lý",
     "NTBD", 1, "Trong ngày làm việc nhận đủ hồ sơ", "partial", 3, "notice", "notice",
     "performing", [], True),
    ("1.009702", "Tổ chức cuộc thi, liên hoan trên địa bàn quản lý", "NTBD", 7, "", "partial",
     3, "notice", "notice", "performing", [], True),
    ("1.009703", "Tổ chức cuộc thi người đẹp, người mẫu", "NTBD", 15, "", "partial", 3, "notice",
     "standard", "performing", [], True),
    # Thư viện
    ("1.009801", "Thông báo thành lập thư viện chuyên ngành, thư viện ngoài công lập cấp tỉnh",
     "TV", 10, "", "full", 4, "library", "notice", "library", [], True),
    ("1.009802", "Thông báo sáp nhập, hợp nhất, chia, tách thư viện", "TV", 10, "", "full", 4,
     "library", "notice", "library", [], True),
    ("1.009803", "Thông báo chấm dứt hoạt động thư viện", "TV", 10, "", "full", 4, "library",
     "notice", "library", [], True),
    # Quảng cáo
    ("1.009901", "Tiếp nhận hồ sơ thông báo sản phẩm quảng cáo trên bảng quảng cáo, băng-rôn",
     "QC", 5, "", "full", 4, "advertising", "notice", "advertising", [], True),
    ("1.009902", "Cấp Giấy phép thành lập Văn phòng đại diện của doanh nghiệp quảng cáo nước "
     "ngoài tại Việt Nam", "QC", 10, "", "partial", 3, "advertising", "standard",
     "advertising", [("Phí thẩm định", 3000000, "")], True),
    ("1.009903", "Sửa đổi, bổ sung Giấy phép thành lập Văn phòng đại diện của doanh nghiệp "
     "quảng cáo nước ngoài tại Việt Nam", "QC", 10, "", "partial", 3, "advertising",
     "standard", "advertising", [("Phí thẩm định", 1500000, "")], False),
]
# fmt: on

REVIEW_TITLE = "Rà soát, đánh giá thủ tục hành chính năm 2026"
REVIEW_TASK_TITLE = (
    "Sửa đổi thủ tục cấp giấy phép kinh doanh dịch vụ lữ hành nội địa (1.009401): rút ngắn "
    "thời hạn giải quyết, bỏ yêu cầu bản sao chứng thực khi nộp trực tuyến"
)
# (code, proposal, reasons)
REVIEW_ITEMS = [
    (
        "1.009401",
        "amend",
        "Đề nghị rút ngắn thời hạn giải quyết từ 10 xuống 07 ngày làm việc; bỏ yêu cầu bản sao "
        "có chứng thực khi doanh nghiệp nộp hồ sơ trực tuyến.",
    ),
    (
        "1.009701",
        "supplement",
        "Bổ sung cách thức nộp trực tuyến toàn trình trên Cổng Dịch vụ công quốc gia.",
    ),
    (
        "1.009404",
        "abolish",
        "Nội dung trùng với thủ tục thu hồi giấy phép chung; đề nghị hợp nhất.",
    ),
    ("1.009405", "keep", "Thủ tục đang thực hiện ổn định, không phát sinh vướng mắc."),
    ("1.009101", "keep", "Phù hợp quy định hiện hành."),
]
