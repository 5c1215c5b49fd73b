"""The texts a reception session and its record cite, by the session's date. Plain Python.

- Law on Citizen Reception 42/2013/QH13, amended by Law 136/2025/QH15 (Luật sửa đổi, bổ sung
  một số điều của Luật Tiếp công dân, Luật Khiếu nại, Luật Tố cáo), which added reception online
  (tiếp công dân trực tuyến, the Law's new Article 3a).
- Its implementing decree: Decree 64/2014/NĐ-CP (26/6/2014) until 30/6/2026, replaced by
  Decree 154/2026/NĐ-CP of 15/5/2026 "quy định chi tiết một số điều và biện pháp tổ chức thi
  hành Luật Tiếp công dân", in force 1/7/2026 (its Article 44, which ends Decree 64/2014 the
  same day). Its Chapter V (Articles 16–24) governs reception online: Article 3(3) defines it
  (through video links between a central point and the parties' points), Article 24 requires
  the session to be recorded in sound and picture and kept as electronic data.

Source of Decree 154/2026/NĐ-CP (found 04/12/2026, session 8): the decree's text as published
on vanban.chinhphu.vn (docid 218230), transcribed in the public repository
diepxuan/diepxuan.github.io, file van-ban/tu-phap/nghi-dinh-154-2026-nd-cp-tiep-cong-dan.md
(signed by Phó Thủ tướng Lê Thành Long; 45 articles in 10 chapters; Mẫu số 01–03/TCD). Its
preamble names Law 136/2025/QH15 as the amending law; that law's date and own text were not
read (SOURCE_CHECK)."""

import datetime

# What the searches for these texts found, so nobody repeats them (issue 15).
SOURCE_CHECK = {
    "checked_on": datetime.date(2026, 12, 4),
    "searched": [
        # Sessions 6–7, nothing found: "Nghị định 154/2026/NĐ-CP tiếp công dân", "Nghị định
        # quy định chi tiết Luật Tiếp công dân thay thế Nghị định 64/2014", "tiếp công dân trực
        # tuyến" (pages, docs).
        # Session 8: the exact string "154/2026/NĐ-CP" in public code (found a repository's
        # index of 2026 decrees, then the decree's file); "136/2025/QH15" (found the amending
        # law's number in several citations); pages: "Nghị định 154/2026/NĐ-CP", "Luật sửa
        # đổi bổ sung Luật Tiếp công dân … 2025 tiếp công dân trực tuyến" (nothing).
    ],
    "found": "Decree 154/2026/NĐ-CP, whole text (date, articles 1, 3, 16–24, 44, forms); the "
    "amending law's number 136/2025/QH15 (from the decree's preamble).",
    "not_found": "the text of Law 136/2025/QH15 (its date and the wording of Article 3a).",
}

LAW = "Luật Tiếp công dân số 42/2013/QH13, được sửa đổi, bổ sung bởi Luật số 136/2025/QH15"

# (in force from, citation), newest first.
DECREES = (
    (
        datetime.date(2026, 7, 1),
        "Nghị định số 154/2026/NĐ-CP ngày 15/5/2026 của Chính phủ quy định chi tiết một số "
        "điều và biện pháp tổ chức thi hành Luật Tiếp công dân",
    ),
    (
        datetime.date(2014, 8, 15),
        # Named as Decree 154/2026's Article 44 names it.
        "Nghị định số 64/2014/NĐ-CP ngày 26/6/2014 của Chính phủ quy định chi tiết thi hành "
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
