"""Decision 766 below the group level: each group's sub-criteria as data. Plain Python.

Sources, cited beside each rule below:
- [QD766] Quyết định 766/QĐ-TTg ngày 23/6/2022 phê duyệt Bộ chỉ số chỉ đạo, điều hành và đánh
  giá chất lượng phục vụ người dân, doanh nghiệp trong thực hiện thủ tục hành chính, dịch vụ
  công theo thời gian thực trên môi trường điện tử, Phụ lục (the six groups and their points
  18/20/12/22/10/18). Text: https://thuviennhadat.vn/vbpl/quyet-dinh-766-qd-ttg-2022-bo-chi-so-
  danh-gia-chat-luong-phuc-vu-thu-tuc-hanh-chinh-dien-tu-518821.html
- [DVC] Cổng Dịch vụ công quốc gia (dichvucong.gov.vn), "Bộ chỉ số phục vụ người dân, doanh
  nghiệp": the published description of how each group is split and scored (the thresholds
  80% of procedures online, 50% of dossiers online, 90% citizens' satisfaction).
- [QNA892] Quyết định 892/QĐ-UBND ngày 28/4/2023 của UBND tỉnh Quảng Nam, a province's copy of
  the same index for its agencies: https://thuviennhadat.vn/vbpl/quyet-dinh-892-qd-ubnd-2023-bo-
  chi-so-chat-luong-phuc-vu-tren-moi-truong-dien-tu-quang-nam-565552.html

The split of each group's points between its sub-criteria is this product's reading of [DVC]
as summarised in issue 15; the appendix's own table could not be read in full from here, so
each figure marked "verify" is to be checked against it and corrected in a newer version
(a new IndexVersion row, never an edit of this one: past months keep their version).

Checked again on 04/12/2026 (SOURCE_CHECK below): the stored text of [QD766] and [QNA892]
reaches their preambles, not the appendix table, and no copy of [DVC]'s description was found;
no figure could be confirmed or shown wrong, so no new version was made and "verify" stays.
A second search the same day (session 7) found only third-party dashboards quoting the
Decision's title and the group totals, not the appendix: nothing changed.

Session 8 (04/12/2026) found the portal's description of each sub-criterion and the points it
gives them: they differ from the "verify" figures here, so a new version, 766-2026-12
(index_766_2026_12, from 1/12/2026), carries them; this one stays, unchanged, for July to
November 2026.

A sub-criterion is `numerator ÷ denominator`, both names of index.Figures or of an input the
agency supplies by hand (INPUTS); "target" is the rate that earns full points.
"""

import datetime

# What the last check against the sources found (session 6, issue 15), so a reader knows which
# figures rest on a text and which still wait for one.
SOURCE_CHECK = {
    "checked_on": datetime.date(2026, 12, 4),
    "searched": [
        "Quyết định 766/QĐ-TTg Bộ chỉ số phục vụ người dân doanh nghiệp điểm",
        "Phụ lục bộ chỉ số 766 công khai minh bạch 18 điểm tiến độ giải quyết 20 điểm…",
        "tỷ lệ hồ sơ trực tuyến đạt 50% … tỷ lệ thủ tục cung cấp dịch vụ công trực tuyến 80%",
        "mức độ hài lòng xử lý phản ánh kiến nghị đúng hạn điểm chỉ số 766",
        # Session 7 (pages, docs, code corpora; exact-string index):
        "Quyết định 766/QĐ-TTg phụ lục bộ chỉ số công khai minh bạch 18 điểm tiến độ 20 điểm",
        "766/QĐ-TTg Phụ lục … Thanh toán trực tuyến Mức độ hài lòng Số hóa hồ sơ điểm",
        "dichvucong.gov.vn bộ chỉ số phục vụ người dân doanh nghiệp cách tính điểm",
        "chỉ số 766 thanh toán trực tuyến … số hóa hồ sơ cách tính điểm",
        "exact strings: '766/QĐ-TTg', 'Tiến độ giải quyết (20 điểm)', "
        "'Công khai, minh bạch (18 điểm)'",
    ],
    "found": [
        "QD766 text, preamble only (số 766/QĐ-TTg, Hà Nội, ngày 23/6/2022): "
        "https://thuviennhadat.vn/vbpl/quyet-dinh-766-qd-ttg-2022-bo-chi-so-danh-gia-chat-"
        "luong-phuc-vu-thu-tuc-hanh-chinh-dien-tu-518821.html",
        "QNA892 text, preamble only (892/QĐ-UBND, 28/4/2023, cites QD766 and Thông tư "
        "01/2023/TT-VPCP ngày 05/4/2023): https://thuviennhadat.vn/vbpl/quyet-dinh-892-qd-ubnd-"
        "2023-bo-chi-so-chat-luong-phuc-vu-tren-moi-truong-dien-tu-quang-nam-565552.html",
    ],
    "not_found": "the appendix's table of sub-criteria, their points and thresholds; the "
    "portal's (DVC) description. Every figure marked 'verify' is unconfirmed.",
}

CODE = "766-2026"
NAME = "Decision 766/QĐ-TTg — sub-criteria (from 07/2026)"
# Months before keep the group-level version they were reported under (766-2022).
VALID_FROM = datetime.date(2026, 7, 1)

# What the agency supplies by hand for a month ("stock": a count of its procedures at the
# month's end, a period takes its latest month; "flow": a count of the month's dossiers or
# feedback, a period adds its months).
INPUTS = {
    "procedures_announced_on_time": "stock",
    "procedures_published_on_time": "stock",
    "procedures_complete": "stock",
    "dossiers_synced": "flow",
    "fee_procedures_integrated": "stock",
    "results_electronic": "flow",
    "dossiers_data_reused": "flow",
    "feedback_satisfied": "flow",
}


def _sub(key, label, numerator, denominator, target, points, source, **extra) -> dict:
    return {
        "key": key,
        "label": label,
        "numerator": numerator,
        "denominator": denominator,
        "target": target,
        "points": points,
        "source": source,
        **extra,
    }


TRANSPARENCY = [
    _sub(
        "announced_on_time",
        "Procedures announced on time",
        "procedures_announced_on_time",
        "procedures",
        1.0,
        4.5,
        "QD766 Phụ lục, nhóm 1; DVC (4.5 points: verify)",
    ),
    _sub(
        "published_on_time",
        "Procedures published and updated on the portal on time",
        "procedures_published_on_time",
        "procedures",
        1.0,
        4.5,
        "QD766 Phụ lục, nhóm 1; DVC (4.5 points: verify)",
    ),
    _sub(
        "complete_content",
        "Procedures published with complete content",
        "procedures_complete",
        "procedures",
        1.0,
        4.5,
        "QD766 Phụ lục, nhóm 1; DVC (4.5 points: verify)",
    ),
    _sub(
        "synchronised",
        "Dossiers synchronised to the national portal",
        "dossiers_synced",
        "received",
        1.0,
        4.5,
        "QD766 Phụ lục, nhóm 1; DVC (4.5 points: verify)",
    ),
]
PROGRESS = [
    _sub(
        "on_time",
        "Finished early or on time, or still within time",
        "progress_ok",
        "handled",
        1.0,
        20,
        "QD766 Phụ lục, nhóm 2: (sớm + đúng hạn + đang trong hạn) ÷ hồ sơ xử lý",
    ),
]
ONLINE = [
    _sub(
        "procedures_online",
        "Procedures offering online service",
        "procedures_online",
        "procedures",
        0.8,
        6,
        "DVC: full points at 80% (6 points: verify)",
    ),
    _sub(
        "dossiers_online",
        "Dossiers submitted online",
        "online_received",
        "received",
        0.5,
        6,
        "DVC: full points at 50% (6 points: verify)",
    ),
]
# An agency none of whose procedures bears a fee has nothing to pay online: it keeps the
# points rather than being punished for free procedures (issue 15; DVC divides by the
# dossiers of fee-bearing procedures only).
PAYMENT = [
    _sub(
        "fee_procedures_integrated",
        "Fee-bearing procedures integrated for online payment",
        "fee_procedures_integrated",
        "fee_procedures",
        1.0,
        5,
        "QD766 Phụ lục, nhóm 4; DVC (5 points: verify)",
        when_empty="full",
    ),
    _sub(
        "paid_online",
        "Dossiers paid online ÷ dossiers of fee-bearing procedures",
        "paid_online",
        "processed_fee",
        0.5,
        5,
        "DVC: denominator = dossiers of fee-bearing procedures (target 50%, 5 points: verify)",
        when_empty="full",
    ),
]
DIGITISATION = [
    _sub(
        "results_electronic",
        "Results issued electronically",
        "results_electronic",
        "processed",
        1.0,
        8,
        "QD766 Phụ lục, nhóm 5; DVC (8 points: verify)",
    ),
    _sub(
        "digitised",
        "Dossiers digitised",
        "digitised",
        "received",
        1.0,
        8,
        "QD766 Phụ lục, nhóm 5; DVC (8 points: verify)",
    ),
    _sub(
        "data_reused",
        "Digitised data reused",
        "dossiers_data_reused",
        "received",
        1.0,
        6,
        "QD766 Phụ lục, nhóm 5; DVC (6 points: verify)",
    ),
]
SATISFACTION = [
    _sub(
        "citizens_rating",
        "Citizens satisfied with the handling of their dossier",
        "satisfied",
        "rated",
        0.9,
        6,
        "DVC: about 6 points, full at 90%",
    ),
    _sub(
        "feedback_on_time",
        "Feedback on procedures answered on time",
        "feedback_on_time",
        "feedback_answered",
        1.0,
        6,
        "QD766 Phụ lục, nhóm 6; DVC (6 points: verify)",
    ),
    _sub(
        "feedback_satisfied",
        "Citizens satisfied with how their feedback was handled",
        "feedback_satisfied",
        "feedback_answered",
        0.9,
        6,
        "QD766 Phụ lục, nhóm 6; DVC (6 points, target 90%: verify)",
    ),
]


def _group(group: str, label: str, points: int, subs: list[dict]) -> dict:
    return {"group": group, "label": label, "points": points, "subcriteria": subs}


# The group points are [QD766]'s: 18/20/12/22/10/18.
CRITERIA = [
    _group("transparency", "Transparency", 18, TRANSPARENCY),
    _group("progress", "Processing progress", 20, PROGRESS),
    _group("online", "Online services", 12, ONLINE),
    _group("digitisation", "Digitisation", 22, DIGITISATION),
    _group("payment", "Online payment", 10, PAYMENT),
    _group("satisfaction", "Satisfaction", 18, SATISFACTION),
]
