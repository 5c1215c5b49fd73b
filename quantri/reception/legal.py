"""The texts a reception session and its record cite, by the session's date. Plain Python.

- Law on Citizen Reception 42/2013/QH13, as amended in 2025: the amendment added reception
  online (tiếp công dân trực tuyến) beside reception in person.
- Its implementing decree: Decree 64/2014/NĐ-CP (26/6/2014) until 30/6/2026, replaced by
  Decree 154/2026/NĐ-CP from 1/7/2026."""

import datetime

LAW = "Luật Tiếp công dân số 42/2013/QH13, được sửa đổi, bổ sung năm 2025"

# (in force from, citation), newest first.
DECREES = (
    (
        datetime.date(2026, 7, 1),
        "Nghị định số 154/2026/NĐ-CP của Chính phủ quy định chi tiết Luật Tiếp công dân",
    ),
    (
        datetime.date(2014, 8, 15),
        "Nghị định số 64/2014/NĐ-CP ngày 26/6/2014 của Chính phủ quy định chi tiết "
        "một số điều của Luật Tiếp công dân",
    ),
)


def decree_on(day: datetime.date) -> str:
    """The implementing decree in force on the session's day (the oldest before it)."""
    for since, citation in DECREES:
        if day >= since:
            return citation
    return DECREES[-1][1]


def basis_on(day: datetime.date) -> str:
    return f"Căn cứ {LAW}; {decree_on(day)}."
