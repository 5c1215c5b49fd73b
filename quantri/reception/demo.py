"""Demo: the head's monthly reception days from January (or five months back) to three
months ahead (one month missed, so the office page shows the flag), an extra session, records
of the past ones with matters raised — one turned into feedback — and a dialogue whose
commitments can become plan tasks, one already has. Safe to run again. Names of citizens are
invented."""

import datetime

from django.utils import timezone

from quantri.core.calendar import working_calendar
from quantri.feedback.models import FeedbackCategory
from quantri.plans.models import TaskGroup
from quantri.reception import services
from quantri.reception.models import (
    Dialogue,
    ReceptionMatter,
    ReceptionRecord,
    ReceptionSession,
    SessionKind,
    SessionMode,
)

PLACE = "Phòng Tiếp công dân, Sở Văn hóa, Thể thao và Du lịch (tầng 1, trụ sở Sở)"
RECEIVER = ("Ông Nguyễn Minh Khoa", "Phó Giám đốc Sở (được Giám đốc ủy quyền)")
MONTHS_BACK, MONTHS_AHEAD, MISSED_MONTHS_AGO = 5, 3, 2
# Reception online (Law on Citizen Reception as amended in 2025; Decree 154/2026/NĐ-CP from
# 1/7/2026, reception.legal): a published session citizens join by this link. A demo address.
ONLINE_LINK = "https://hop-truc-tuyen.example.vn/svhttdl-hy/tiep-cong-dan"
ONLINE_DAYS_AHEAD = 10

# People received and the matters they raised, for each past regular session (cycled).
RECORDS = [
    (
        "Ông Vũ Văn Thành, xã Tân Hưng\nBà Nguyễn Thị Thu, phường Hiến Nam",
        "Hai công dân đến phản ánh về hoạt động karaoke và việc tu bổ di tích.",
        [
            ("Quán karaoke gần trường tiểu học mở nhạc to cả giờ trưa.", "karaoke-tieng-on"),
            ("Đề nghị công khai tiến độ tu bổ đình làng Đa Lộc.", None),
        ],
    ),
    (
        "Ông Hoàng Đức Long, chủ hộ kinh doanh lưu trú",
        "Công dân kiến nghị về thủ tục cấp biển hiệu đạt chuẩn phục vụ khách du lịch.",
        [("Thủ tục công nhận cơ sở lưu trú đạt chuẩn còn phải đi lại nhiều lần.", None)],
    ),
    ("", "Không có công dân đến.", []),
]

DIALOGUE = {
    "topic": "Đối thoại giữa Lãnh đạo Sở với các hộ kinh doanh karaoke và cơ sở lưu trú du lịch",
    "place": "Hội trường Sở Văn hóa, Thể thao và Du lịch",
    "participants": "Lãnh đạo Sở; Phòng Quản lý Văn hóa; Phòng Quản lý Du lịch; Văn phòng Sở; "
    "32 hộ kinh doanh karaoke, cơ sở lưu trú; đại diện Hiệp hội Du lịch tỉnh.",
    "issues": "Thời gian giải quyết thủ tục cấp giấy phép kinh doanh karaoke còn dài; hướng dẫn "
    "nộp hồ sơ trực tuyến chưa rõ; yêu cầu về cách âm, phòng cháy chưa thống nhất giữa các "
    "đoàn kiểm tra; đề nghị công khai danh sách cơ sở lưu trú đạt chuẩn.",
    "commitments": [
        "Rút ngắn thời gian giải quyết thủ tục cấp giấy phép kinh doanh karaoke xuống còn 4 ngày "
        "làm việc và công khai trên Cổng dịch vụ công.",
        "Ban hành tài liệu hướng dẫn nộp hồ sơ trực tuyến, ký số cho hộ kinh doanh.",
        "Công khai danh sách cơ sở lưu trú du lịch đạt chuẩn trên Cổng thông tin của Sở, cập "
        "nhật hằng quý.",
    ],
}


def load(context) -> None:
    department, office = context.department, context.user("vanphong")
    today = timezone.localdate()
    calendar = working_calendar()
    # From January (so this year's monthly check has a full record), at least five months.
    for offset in range(-max(MONTHS_BACK, today.month - 1), MONTHS_AHEAD + 1):
        if offset == -MISSED_MONTHS_AGO:
            continue
        day = calendar.next_working_day(_add_months(today.replace(day=15), offset))
        session = _session(department, office, day, SessionKind.REGULAR)
        if day < today:
            _record(session, office, RECORDS[(-offset) % len(RECORDS)])
    extra_day = calendar.next_working_day(today - datetime.timedelta(days=40))
    _session(department, office, extra_day, SessionKind.EXTRA, start=datetime.time(14))
    online_day = calendar.next_working_day(today + datetime.timedelta(days=ONLINE_DAYS_AHEAD))
    _session(
        department, office, online_day, SessionKind.EXTRA, start=datetime.time(14), online=True
    )
    _dialogue(context, office, today)


def _add_months(day: datetime.date, months: int) -> datetime.date:
    index = day.year * 12 + day.month - 1 + months
    return day.replace(year=index // 12, month=index % 12 + 1)


def _session(
    department, user, day, kind, start=datetime.time(8), online: bool = False
) -> ReceptionSession:
    existing = ReceptionSession.objects.filter(
        agency=department, date=day, start_time=start
    ).first()
    if existing:
        return existing
    note = "" if kind == SessionKind.REGULAR else "Phiên tiếp đột xuất theo đề nghị của công dân."
    if online:
        note = (
            "Phiên tiếp công dân trực tuyến: công dân tham gia qua đường liên kết, không cần "
            "đến trụ sở."
        )
    return services.session_schedule(
        agency=department,
        user=user,
        date=day,
        start_time=start,
        end_time=datetime.time(start.hour + 3, 30),
        place="" if online else PLACE,
        mode=SessionMode.ONLINE if online else SessionMode.IN_PERSON,
        online_link=ONLINE_LINK if online else "",
        receiver_name=RECEIVER[0],
        receiver_position=RECEIVER[1],
        kind=kind,
        note=note,
        is_published=True,
    )


def _record(session, user, spec) -> None:
    if ReceptionRecord.objects.filter(session=session).exists():
        return
    people, summary, matters = spec
    services.record_save(
        session=session,
        user=user,
        people_count=len(people.splitlines()),
        people=people,
        summary=summary,
        new_matters=[text for text, _code in matters],
    )
    for text, category_code in matters:
        category = FeedbackCategory.objects.filter(code=category_code).first()
        matter = ReceptionMatter.objects.get(record__session=session, text=text)
        if category is not None:
            services.matter_to_feedback(matter=matter, category=category, user=user)


def _dialogue(context, user, today) -> None:
    if Dialogue.objects.filter(agency=context.department, topic=DIALOGUE["topic"]).exists():
        return
    dialogue = services.dialogue_record(
        agency=context.department,
        user=user,
        date=today - datetime.timedelta(days=21),
        is_published=True,
        **DIALOGUE,
    )
    first = dialogue.commitments.order_by("order").first()
    group = _procedures_group(context.plan)
    if group is not None:
        services.commitment_to_task(
            commitment=first,
            group=group,
            user=user,
            lead_unit=context.units["QLVH"],
            due_on=today + datetime.timedelta(days=60),
        )


def _procedures_group(plan) -> TaskGroup | None:
    """The plan's group for PAPI dimension 5 (administrative procedures), else its last one."""
    groups = TaskGroup.objects.filter(plan=plan)
    return groups.filter(dimension__code="5").first() or groups.order_by("order").last()
