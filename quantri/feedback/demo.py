"""Demo: feedback categories routed to the department's units and PAPI dimensions, and about
twenty items written the way citizens of Hưng Yên write, handled over the past weeks — some
answered and published, some waiting, a few overdue. Safe to run again: nothing doubles.

Names, telephone numbers and addresses are invented."""

import datetime

from django.utils import timezone

from quantri.feedback import services
from quantri.feedback.apikeys import apikey_create
from quantri.feedback.models import (
    ApiKey,
    DeadlineRule,
    DeadlineTrigger,
    Feedback,
    FeedbackCategory,
)
from quantri.indices.models import Dimension
from quantri.procedures.models import Procedure

API_KEY_NAME = "Ứng dụng Hưng Yên Smart (demo)"

# code, name, English name, unit, PAPI dimension, keywords, description
CATEGORIES = [
    (
        "thu-tuc-hanh-chinh",
        "Thủ tục hành chính",
        "Administrative procedures",
        "VP",
        "5",
        "hồ sơ, giấy phép, một cửa, dịch vụ công",
        "Hồ sơ chậm, yêu cầu giấy tờ ngoài quy định, biểu mẫu, dịch vụ công trực tuyến.",
    ),
    (
        "quang-cao-bien-hieu",
        "Quảng cáo, biển hiệu",
        "Advertising and signboards",
        "QLVH",
        "2",
        "quảng cáo, biển hiệu, băng rôn",
        "Biển quảng cáo, băng rôn, biển hiệu sai phép hoặc gây mất an toàn.",
    ),
    (
        "karaoke-tieng-on",
        "Karaoke, vũ trường, tiếng ồn",
        "Karaoke, nightlife and noise",
        "QLVH",
        "7",
        "karaoke, tiếng ồn, loa",
        "Cơ sở karaoke, vũ trường hoạt động quá giờ, gây ồn, không bảo đảm an toàn.",
    ),
    (
        "di-tich-le-hoi",
        "Di tích, lễ hội",
        "Heritage sites and festivals",
        "BQLDT",
        "6",
        "di tích, đình, chùa, lễ hội",
        "Di tích xuống cấp, tu bổ, tổ chức lễ hội.",
    ),
    (
        "thu-vien",
        "Thư viện",
        "Library",
        "TV",
        "6",
        "thư viện, sách, phòng đọc",
        "Giờ mở cửa, dịch vụ đọc và mượn sách, thư viện số.",
    ),
    (
        "bao-tang",
        "Bảo tàng",
        "Museum",
        "BT",
        "6",
        "bảo tàng, trưng bày, thuyết minh",
        "Trưng bày, thuyết minh, giờ mở cửa của Bảo tàng tỉnh.",
    ),
    (
        "du-lich",
        "Du lịch, cơ sở lưu trú",
        "Tourism and accommodation",
        "QLDL",
        "6",
        "du lịch, khách sạn, homestay, giá",
        "Giá dịch vụ du lịch, cơ sở lưu trú, hướng dẫn viên.",
    ),
    (
        "the-duc-the-thao",
        "Thể dục, thể thao",
        "Sport",
        "QLTDTT",
        "6",
        "sân bóng, bể bơi, thể thao",
        "Cơ sở thể thao, giá thuê, an toàn khi tập luyện.",
    ),
    (
        "gia-dinh",
        "Gia đình, nếp sống văn hóa",
        "Family and cultural lifestyle",
        "XDNSVH",
        "1",
        "gia đình, bạo lực gia đình, nếp sống",
        "Gia đình, phòng chống bạo lực gia đình, nếp sống.",
    ),
    (
        "thai-do-can-bo",
        "Thái độ, tác phong cán bộ",
        "Conduct of officials",
        "TTRA",
        "4",
        "cán bộ, thái độ, nhũng nhiễu",
        "Cán bộ gây phiền hà, nhũng nhiễu, thiếu trách nhiệm.",
    ),
]

ANSWER_RULE = {
    "name": "Trả lời phản ánh, kiến nghị đã thụ lý (quy chế nội bộ — ví dụ minh họa)",
    "working_days": 15,
    "legal_basis": "Quy chế tiếp nhận, xử lý phản ánh, kiến nghị của Sở (demo)",
    "valid_from": datetime.date(2020, 1, 1),
}

# (category, days ago received, text, contact (name, phone, e-mail) or None, may publish,
#  steps: (days after receipt, action, argument)). The actions are the inbox's.
ITEMS = [
    (
        "thu-tuc-hanh-chinh",
        40,
        "Tôi nộp hồ sơ đề nghị cấp giấy phép tổ chức biểu diễn nghệ thuật tại Bộ phận một cửa "
        "từ đầu tháng nhưng đến nay chưa nhận được kết quả, cũng không được thông báo lý do chậm.",
        ("Đỗ Văn Hùng", "0912 408 315", "hungdv.demo@example.vn"),
        True,
        [
            (2, "accept", ""),
            (3, "start", ""),
            (
                9,
                "answer",
                "Văn phòng Sở đã kiểm tra: hồ sơ chậm do thiếu văn bản thỏa thuận nội dung "
                "chương trình nhưng cán bộ tiếp nhận không ra phiếu yêu cầu bổ sung. Bộ phận một "
                "cửa đã "
                "liên hệ để ông bổ sung, giấy phép đã được trả. Sở xin lỗi ông và đã nhắc nhở cán "
                "bộ "
                "thực hiện đúng phiếu hẹn, phiếu xin lỗi theo quy định.",
            ),
            (10, "publish", ""),
            (12, "close", ""),
        ],
    ),
    (
        "quang-cao-bien-hieu",
        35,
        "Biển quảng cáo tấm lớn dựng trên vỉa hè đường Nguyễn Văn Linh, gần ngã tư Phố Nối, che "
        "khuất tầm nhìn của người đi xe máy. Đề nghị kiểm tra giấy phép của biển này.",
        None,
        True,
        [
            (3, "accept", ""),
            (4, "start", ""),
            (
                12,
                "answer",
                "Phòng Quản lý Văn hóa phối hợp với UBND phường kiểm tra thực tế: biển "
                "quảng cáo chưa được cấp phép xây dựng công trình quảng cáo. Chủ biển đã tự tháo "
                "dỡ; "
                "Sở tiếp tục rà soát các biển quảng cáo tấm lớn trên tuyến đường này.",
            ),
            (13, "publish", ""),
        ],
    ),
    (
        "karaoke-tieng-on",
        25,
        "Quán karaoke ở khu dân cư thôn Đào Xá hát đến 1–2 giờ sáng gần như mỗi đêm, người già và "
        "trẻ nhỏ không ngủ được. Gia đình tôi đã nhắc nhiều lần nhưng chủ quán không chấp hành.",
        ("Nguyễn Thị Lan", "0986 221 457", ""),
        True,
        [
            (2, "accept", ""),
            (5, "start", "Đã đề nghị Đoàn kiểm tra liên ngành kiểm tra đột xuất."),
            (
                11,
                "answer",
                "Đoàn kiểm tra liên ngành đã kiểm tra cơ sở lúc 23 giờ 30, lập biên bản vi "
                "phạm quy định về giờ hoạt động và tiếng ồn, đề nghị xử phạt theo quy định. Chủ "
                "cơ sở "
                "cam kết không hoạt động sau 24 giờ; UBND xã tiếp tục giám sát.",
            ),
            (12, "publish", ""),
            (14, "close", ""),
        ],
    ),
    (
        "karaoke-tieng-on",
        30,
        "Cơ sở karaoke trên đường Tô Hiệu không có lối thoát hiểm riêng, phòng hát cách âm kém, "
        "đề nghị kiểm tra điều kiện kinh doanh và phòng cháy.",
        ("Trần Quốc Bảo", "0904 663 120", "baotq.demo@example.vn"),
        False,
        [(4, "accept", "")],
    ),
    (
        "di-tich-le-hoi",
        18,
        "Đình làng Hương Vân là di tích cấp tỉnh nhưng phần mái tiền tế bị dột nát, mùa mưa nước "
        "chảy vào cả hậu cung. Đề nghị Sở sớm có phương án tu bổ.",
        None,
        True,
        [(3, "accept", ""), (6, "start", "Ban Quản lý Di tích đã khảo sát hiện trạng.")],
    ),
    (
        "thu-vien",
        12,
        "Thư viện tỉnh đóng cửa vào thứ Bảy và Chủ nhật nên học sinh và người đi làm không có thời "
        "gian đến đọc. Đề nghị mở cửa vào cuối tuần.",
        None,
        True,
        [
            (2, "accept", ""),
            (
                8,
                "answer",
                "Từ tháng tới, Thư viện tỉnh mở cửa sáng thứ Bảy (7h30–11h30) và thử nghiệm "
                "phục vụ sáng Chủ nhật tại phòng đọc thiếu nhi. Lịch mới được niêm yết tại thư "
                "viện và "
                "trên Cổng thông tin của Sở.",
            ),
            (9, "publish", ""),
        ],
    ),
    (
        "thu-vien",
        3,
        "Trang tra cứu sách trực tuyến của thư viện thường xuyên báo lỗi, không đặt mượn được "
        "sách.",
        None,
        False,
        [],
    ),
    (
        "du-lich",
        22,
        "Một số homestay ở khu phố cổ Phố Hiến thu giá phòng cao gấp đôi giá niêm yết vào dịp lễ "
        "hội, khách phản ứng nhưng không biết phản ánh ở đâu.",
        None,
        True,
        [
            (5, "accept", ""),
            (
                14,
                "answer",
                "Phòng Quản lý Du lịch đã kiểm tra 6 cơ sở lưu trú trong khu phố cổ, nhắc "
                "nhở 2 cơ sở niêm yết giá không đúng quy định và đề nghị xử phạt 1 cơ sở thu cao "
                "hơn giá "
                "niêm yết. Số điện thoại đường dây nóng du lịch đã được niêm yết tại các cơ sở.",
            ),
            (15, "publish", ""),
        ],
    ),
    (
        "du-lich",
        28,
        "Đề nghị đặt thêm biển chỉ dẫn đến khu di tích Phố Hiến từ Quốc lộ 39, khách ở xa rất khó "
        "tìm đường.",
        None,
        True,
        [(6, "transfer", "BQLDT")],
    ),
    (
        "the-duc-the-thao",
        15,
        "Sân bóng đá mini tại Trung tâm Huấn luyện và Thi đấu thể thao cho thuê theo giờ nhưng mỗi "
        "người một giá, không niêm yết công khai.",
        None,
        True,
        [(3, "accept", ""), (4, "start", "")],
    ),
    (
        "thai-do-can-bo",
        33,
        "Khi đến nộp hồ sơ, tôi được một cán bộ gợi ý nộp thêm “phí dịch vụ” để được giải quyết "
        "nhanh. Đề nghị Sở làm rõ khoản phí này.",
        ("Lê Minh Tuấn", "0977 310 882", ""),
        False,
        [(2, "accept", ""), (3, "start", "Thanh tra Sở đã làm việc với bộ phận tiếp nhận.")],
    ),
    (
        "thu-tuc-hanh-chinh",
        45,
        "Biểu mẫu tờ khai đăng ký tổ chức lễ hội trên Cổng dịch vụ công vẫn là mẫu cũ, khác với "
        "mẫu "
        "cán bộ một cửa yêu cầu, người dân phải khai lại.",
        None,
        True,
        [
            (3, "accept", ""),
            (
                10,
                "answer",
                "Văn phòng Sở đã cập nhật mẫu tờ khai mới trên Cổng dịch vụ công và gỡ mẫu "
                "cũ. Bộ phận một cửa chấp nhận cả hai mẫu với hồ sơ đã nộp trước ngày cập nhật.",
            ),
            (11, "publish", ""),
            (20, "close", ""),
        ],
    ),
    (
        "quang-cao-bien-hieu",
        9,
        "Băng rôn quảng cáo treo trên cây xanh dọc đường Điện Biên, nhiều băng rôn đã rách, đề "
        "nghị "
        "tháo dỡ.",
        None,
        True,
        [],
    ),
    (
        "karaoke-tieng-on",
        17,
        "Loa kẹo kéo hát ở sân nhà văn hóa thôn đến khuya.",
        None,
        False,
        [
            (
                4,
                "reject",
                "Nội dung thuộc thẩm quyền xử lý của UBND xã về trật tự công cộng. Sở đã "
                "thông báo cho UBND xã; đề nghị ông/bà liên hệ Công an xã khi sự việc tái diễn.",
            )
        ],
    ),
    (
        "karaoke-tieng-on",
        16,
        "Quán karaoke ở thôn Đào Xá vẫn hát khuya, tôi đã phản ánh một lần rồi.",
        None,
        False,
        [(2, "duplicate", 2)],
    ),
    (
        "di-tich-le-hoi",
        50,
        "Đề nghị công khai kinh phí tu bổ chùa Chuông năm 2025 và danh sách đóng góp công đức.",
        None,
        True,
        [],
    ),
    (
        "gia-dinh",
        20,
        "Đề nghị tổ chức lớp tập huấn kỹ năng phòng chống bạo lực gia đình cho chi hội phụ nữ "
        "thôn.",
        None,
        True,
        [
            (4, "accept", ""),
            (
                12,
                "answer",
                "Phòng Xây dựng nếp sống văn hóa và Gia đình sẽ tổ chức lớp tập huấn tại xã "
                "trong quý tới và thông báo lịch cụ thể qua UBND xã.",
            ),
        ],
    ),
    (
        "thu-tuc-hanh-chinh",
        6,
        "Tôi muốn nộp hồ sơ trực tuyến cấp giấy phép kinh doanh karaoke nhưng hệ thống yêu cầu ký "
        "số, không có hướng dẫn cho hộ kinh doanh.",
        ("Phạm Thị Hoa", "0915 772 046", "hoapt.demo@example.vn"),
        True,
        [(2, "accept", "")],
    ),
    (
        "the-duc-the-thao",
        26,
        "Bể bơi công cộng ở khu thể thao tỉnh mở cửa buổi chiều nhưng không thấy nhân viên cứu hộ.",
        None,
        True,
        [
            (2, "accept", ""),
            (
                9,
                "answer",
                "Trung tâm đã bố trí đủ 2 nhân viên cứu hộ trong mọi ca và niêm yết nội quy, "
                "số điện thoại người phụ trách tại cửa bể bơi.",
            ),
            (10, "publish", ""),
            (11, "close", ""),
        ],
    ),
    (
        "bao-tang",
        8,
        "Bảo tàng tỉnh chưa có thuyết minh tiếng Anh cho khách nước ngoài.",
        None,
        True,
        [],
    ),
]


# Feedback about a procedure of the catalogue, by a phrase of its text: Decision 766's
# satisfaction group counts only this feedback (quantri.feedback.figures).
ABOUT_PROCEDURE = [
    ("tổ chức lễ hội", "1.009102"),
    ("kinh doanh karaoke", "1.009104"),
]


def _procedure_of(text: str) -> Procedure | None:
    code = next((code for phrase, code in ABOUT_PROCEDURE if phrase in text), None)
    return Procedure.objects.filter(code=code, is_published=True).first() if code else None


def load(context) -> None:
    services_user = {"office": context.user("vanphong"), "unit": context.user("truongphong")}
    categories = _categories(context)
    DeadlineRule.objects.get_or_create(
        trigger=DeadlineTrigger.ANSWER,
        valid_from=ANSWER_RULE["valid_from"],
        defaults={k: v for k, v in ANSWER_RULE.items() if k != "valid_from"},
    )
    created: list[Feedback] = []
    for spec in ITEMS:
        created.append(_item(spec, categories, context, services_user, created))
    if not ApiKey.objects.filter(name=API_KEY_NAME).exists():
        apikey_create(name=API_KEY_NAME)  # the key is not shown: make another with the command


def _categories(context) -> dict[str, FeedbackCategory]:
    dimensions = {d.code: d for d in Dimension.objects.filter(framework__code="PAPI")}
    result = {}
    for order, (code, name, name_en, unit, dimension, keywords, description) in enumerate(
        CATEGORIES, start=1
    ):
        result[code], _ = FeedbackCategory.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "name_en": name_en,
                "unit": context.units[unit],
                "dimension": dimensions.get(dimension),
                "keywords": keywords,
                "description": description,
                "order": order,
            },
        )
    return result


def _item(spec, categories, context, users, earlier: list[Feedback]) -> Feedback:
    code, days_ago, text, contact, consent, steps = spec
    existing = Feedback.objects.filter(category__code=code, text=text).first()
    if existing:
        return existing
    received = _morning(timezone.localdate() - datetime.timedelta(days=days_ago))
    with services.happened_at(received):
        item = services.feedback_submit(
            category=categories[code],
            text=text,
            contact=services.Contact(*contact) if contact else None,
            consent_to_publish=consent,
            procedure=_procedure_of(text),
        )
    for after, action, argument in steps:
        with services.happened_at(received + datetime.timedelta(days=after)):
            _step(item, action, argument, context, users, earlier)
    return item


def _morning(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9, 15)))


def _step(item, action, argument, context, users, earlier) -> None:
    office = users["office"]
    # The demo has one unit head (Culture Management); other units' steps go through the office.
    unit = users["unit"] if item.assigned_unit == context.units["QLVH"] else office
    if action == "accept":
        services.feedback_accept(feedback=item, user=office, note=argument)
    elif action == "start":
        services.feedback_start(feedback=item, user=unit, note=argument)
    elif action == "answer":
        services.feedback_answer(feedback=item, user=unit, text=argument)
    elif action == "publish":
        services.feedback_publish_answer(feedback=item, user=office)
    elif action == "close":
        services.feedback_close(feedback=item, user=office, note=argument)
    elif action == "reject":
        services.feedback_reject(feedback=item, user=office, reason=argument)
    elif action == "transfer":
        services.feedback_transfer(feedback=item, user=office, unit=context.units[argument])
    elif action == "duplicate":
        services.feedback_mark_duplicate(feedback=item, user=office, original=earlier[argument])
