"""The government's swaps of working days for public servants, as announced each year: a
weekday off to bridge a holiday, and the Saturday worked to make up for it. Plain data, loaded
into core.CalendarDay by a migration (the office adds later years on /calendar/).

The public holidays themselves come from the `holidays` library (Labour Code 2019, art. 112;
checked in quantri/core/tests/test_announced_days.py). It knows the weekday given off in
these swaps but not the Saturday worked instead, so deadlines counted across that Saturday
came out a day late.

Each entry: (date, kind, note, source)."""

import datetime

D = datetime.date
DAY_OFF, WORKING_DAY = "day_off", "working_day"

SOURCE_2024 = (
    "Công văn số 2450/VPCP-KGVX năm 2024 của Văn phòng Chính phủ về hoán đổi ngày làm việc "
    "dịp nghỉ lễ Ngày Chiến thắng 30/4 và Quốc tế Lao động 1/5/2024"
)
SOURCE_2025 = (
    "Thông báo số 6150/TB-BLĐTBXH năm 2024 của Bộ Lao động – Thương binh và Xã hội về lịch "
    "nghỉ Tết Âm lịch, Ngày Chiến thắng 30/4 và Quốc tế Lao động 1/5 năm 2025 đối với cán bộ, "
    "công chức, viên chức"
)
SOURCE_2026_NEW_YEAR = (
    "Công văn số 12729/VPCP-KGVX ngày 25/12/2025 của Văn phòng Chính phủ: Phó Thủ tướng đồng ý "
    "nghỉ Tết Dương lịch 2026 từ thứ Năm 1/1 đến hết Chủ nhật 4/1/2026, hoán đổi ngày làm việc "
    "thứ Sáu 2/1/2026 sang thứ Bảy 10/1/2026"
)
SOURCE_2026 = (
    "Thông báo số 9441/TB-BNV ngày 16/10/2025 của Bộ Nội vụ về lịch nghỉ Tết Âm lịch và nghỉ "
    "lễ Quốc khánh năm 2026 đối với cán bộ, công chức, viên chức: hoán đổi ngày làm việc thứ "
    "Hai 31/8/2026 sang thứ Bảy 22/8/2026"
)
# No swap around 30/4 – 1/5/2026 (Công văn số 3383/BNV-CVL ngày 10/4/2026 của Bộ Nội vụ).
# One around Vietnam Culture Day (Monday 23/11 off, Saturday 28/11 worked) was proposed in
# September 2026 and not found decided, so it is not loaded.

ANNOUNCED: tuple[tuple[datetime.date, str, str, str], ...] = (
    (D(2024, 4, 29), DAY_OFF, "Nghỉ hoán đổi dịp 30/4 – 1/5/2024", SOURCE_2024),
    (D(2024, 5, 4), WORKING_DAY, "Làm bù cho thứ Hai 29/4/2024", SOURCE_2024),
    (D(2025, 4, 26), WORKING_DAY, "Làm bù cho thứ Sáu 2/5/2025", SOURCE_2025),
    (D(2025, 5, 2), DAY_OFF, "Nghỉ hoán đổi dịp 30/4 – 1/5/2025", SOURCE_2025),
    (D(2026, 1, 2), DAY_OFF, "Nghỉ hoán đổi dịp Tết Dương lịch 2026", SOURCE_2026_NEW_YEAR),
    (D(2026, 1, 10), WORKING_DAY, "Làm bù cho thứ Sáu 2/1/2026", SOURCE_2026_NEW_YEAR),
    (D(2026, 8, 22), WORKING_DAY, "Làm bù cho thứ Hai 31/8/2026", SOURCE_2026),
    (D(2026, 8, 31), DAY_OFF, "Nghỉ hoán đổi dịp Quốc khánh 2/9/2026", SOURCE_2026),
)
