import datetime

import pytest

from quantri.feedback.tests.conftest import advertising  # noqa: F401  (shared fixture)
from quantri.reception import services

PAST = datetime.date(2026, 3, 16)
COMING = datetime.date(2026, 6, 15)


def schedule(department, day, **kwargs):
    values = {
        "agency": department,
        "user": None,
        "date": day,
        "start_time": datetime.time(8, 0),
        "end_time": datetime.time(11, 0),
        "place": "Phòng tiếp công dân, số 10 đường Chùa Chuông",
        "receiver_name": "Ông Nguyễn Minh Khoa",
        "receiver_position": "Phó Giám đốc Sở",
        "is_published": True,
        **kwargs,
    }
    return services.session_schedule(**values)


@pytest.fixture
def coming_session(department):
    return schedule(department, COMING)


@pytest.fixture
def past_session(department):
    session = schedule(department, PAST)
    services.record_save(
        session=session,
        user=None,
        people_count=2,
        people="Bà Lê Thị Mai, thôn Đào Xá\nÔng Phạm Văn Tùng",
        summary="Hai công dân đến phản ánh.",
        new_matters=["Quán karaoke hát đến 1 giờ sáng", "Di tích đình làng xuống cấp"],
    )
    return session
