"""Decision 766 below the group level as the national portal scores it: the version that
replaces 766-2026 (index_766_2026) from December 2026. Plain Python.

766-2026 split each group's points evenly by guess ("verify"); the search of 04/12/2026
(session 8, SOURCE_CHECK below) found the portal's own description of each sub-criterion
and the points the portal gives each one, so this version takes them. 766-2026 stays for
the months before (a version is never edited: past months keep theirs).

Sources, cited beside each rule below:
- [QD766] Quyết định 766/QĐ-TTg ngày 23/6/2022 (the groups; see index_766_2026).
- [TOM-TAT] Two summaries of the Decision's appendix: baocaotaichinh.vn ("tối đa 6/18 điểm với
  tiêu chí Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC"; "tỷ lệ TTHC được cập nhật, công
  khai đúng hạn … 4/18 điểm"; "xử lý hồ sơ đúng hạn … tối đa 20 điểm"):
  https://baocaotaichinh.vn/thu-vien/quyet-dinh-766-qd-ttg-2022-phe-duyet-bo-chi-so-chi-dao--
  dieu-hanh-va-danh-gia-chat-luong-phuc-vu-nguoi-dan--doanh-nghiep-2108502745-126270 ; and
  vietjack.me ("Mức độ hài lòng chiếm 18/100 điểm … dựa trên 03 tỷ lệ": feedback answered on
  time, satisfaction with the handling of feedback, satisfaction with the handling of
  dossiers): https://vietjack.me/phap-luat/quyet-dinh-766-qd-ttg-2271.html
- [CONG-THUC] "Mô tả công thức tính chỉ số 766.docx" (sha256 41A27E55…B108FD65D5832A337087AF),
  the portal's description of each sub-criterion (numbered 1.1–5.4): its numerator, its
  denominator and where full points start ("Đạt từ 80% trở lên sẽ đạt điểm tối đa. Dưới 80%
  tính theo công thức: Tỷ lệ × Điểm tối đa / 80%"), as transcribed in a public repository
  (code index, file id 70311388051).
- [DIEM] The points the portal gives each sub-criterion, as a provincial monitoring tool
  (Đắk Lắk) captured them from the portal's API ("docs/metrics.m0.json"; the payment split
  2 + 2 + 6 reconciled with the portal's charts on 08/10/2026): code index, file id
  70571676199. 1.1: 6, 1.2: 4, 1.3: 2, 1.4: 6; 2.1: 20; payment 2 + 2 + 6; 4.1: 6, 4.2: 4,
  electronic certified copies: 2, 4.3: 2, 4.4: 4, 4.5 (dossiers): 2, 4.5 (procedures): 2;
  5.2: 6, 5.3: 6, 5.4: 6 (5.1, the classification of feedback, scores nothing).
- [M0] The same monitoring tool's reverse analysis of the portal's own scores
  ("docs/scoring-formula-analysis.m0.json", repository ChippedTopaz/qd766, commit da9ed1b, and
  its "Phân tích ngược điểm số M0"): for each group, the formula that reproduces every score
  the portal returned for Phú Thọ and its units on 26/09/2026, within 0.015 points (2,124
  transparency, 984 progress, payment and certified-copy, 935 digitisation, 492 satisfaction
  and 6 online-group observations): code index, file ids 70203998959 and 70679667416.
  Online: 2 × min(1, A ÷ 0.8) + 4 × B + 6 × min(1, C ÷ 0.5), A = procedures offering online
  service, B = online services that received a dossier, C = dossiers submitted online.
  Digitisation: points × rate, full only at 100%, except data reused (full at 80%). Payment:
  6 × A + min(2, 2.5 × B) + 2.5 × C with B and C both ÷ all fee-bearing procedures, and a
  rate whose denominator is 0 scores 0. Feedback answered on time and satisfaction with its
  handling: full points when there was no feedback; dossier satisfaction: 0 when no dossier.

[CONG-THUC], [DIEM] and [M0] are third-party copies and readings of the portal, not the
Decision's appendix itself; where two sources agree (1.2 = 4 points, 5.4 = 6 points at 90%, the
satisfaction group's three rates) the figure is marked "confirmed". Where the portal's scores
[M0] and its description [CONG-THUC] differ (4.2's threshold), the scores win: they are what
the agency is ranked on.
"""

import datetime

from quantri.dossiers import index_766_2026

SOURCE_CHECK = {
    "checked_on": datetime.date(2026, 12, 4),
    "searched": [
        # Session 8: exact strings in public code, then pages and docs by meaning.
        "exact: 'Tỷ lệ hài lòng trong tiếp nhận', 'Tỷ lệ thủ tục hành chính công bố đúng hạn', "
        "'Điểm tối đa/80%', 'Tỷ lệ hồ sơ thanh toán trực tuyến', 'export const formulaMaximums', "
        "'Tiến độ, kết quả giải quyết', 'Nhóm chỉ số về cung cấp dịch vụ trực tuyến'",
        "pages: 'Bộ chỉ số 766 công khai minh bạch tiến độ … điểm tối đa', 'Tỷ lệ hài lòng trong "
        "tiếp nhận, giải quyết TTHC 6 điểm công khai đúng hạn 4 điểm', 'hướng dẫn cách tính điểm "
        "bộ chỉ số … Cổng Dịch vụ công quốc gia'",
        "docs: 'Decision 766/QD-TTg index … criteria points', 'Quyết định ban hành Bộ chỉ số … "
        "theo Quyết định 766/QĐ-TTg phụ lục tiêu chí điểm' (only dataset listings)",
    ],
    "found": ["TOM-TAT", "CONG-THUC", "DIEM", "M0 (see the module's docstring)"],
    "not_found": "the appendix's own table. The portal counts 1.1 and 1.2 over the procedures "
    "announced in the period; here, as in 766-2026, over the agency's procedures, since the "
    "office supplies counts of its catalogue. The portal counts online services (3.2), here one "
    "per procedure offering online service.",
}

CODE = "766-2026-12"
NAME = "Decision 766/QĐ-TTg — sub-criteria as the national portal scores them (from 12/2026)"
VALID_FROM = datetime.date(2026, 12, 1)

# The figures 766-2026 asked for, and the new ones: digitisation's 4.4, 4.5 and certified
# copies, which no software of ours records ("stock": a count of procedures at the month's end;
# "flow": a count of the month's dossiers).
INPUTS = {
    **index_766_2026.INPUTS,
    "dossiers_personal_store": "flow",
    "dossiers_population_data": "flow",
    "procedures_population_data": "stock",
    "procedures_for_citizens": "stock",
    "certified_copies_electronic": "flow",
    "certified_copies": "flow",
}


# A sub-criterion is written the same way in every version.
_sub = index_766_2026._sub


TRANSPARENCY = [
    _sub(
        "announced_on_time",
        "Procedures announced on time",
        "procedures_announced_on_time",
        "procedures",
        1.0,
        6,
        "CONG-THUC 1.1; DIEM: 6 points",
    ),
    _sub(
        "published_on_time",
        "Procedures published and updated on the portal on time",
        "procedures_published_on_time",
        "procedures",
        1.0,
        4,
        "CONG-THUC 1.2; DIEM and TOM-TAT: 4 points (confirmed)",
    ),
    # [CONG-THUC] 1.3 divides by the procedures published on the national database, not by
    # every procedure of the agency.
    _sub(
        "complete_content",
        "Procedures published with complete content",
        "procedures_complete",
        "procedures_published",
        1.0,
        2,
        "CONG-THUC 1.3 (÷ procedures published); DIEM: 2 points",
    ),
    _sub(
        "synchronised",
        "Dossiers synchronised to the national portal",
        "dossiers_synced",
        "received",
        1.0,
        6,
        "CONG-THUC 1.4; DIEM: 6 points",
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
        "CONG-THUC 2.1; TOM-TAT and DIEM: 20 points (confirmed)",
    ),
]
ONLINE = [
    _sub(
        "procedures_online",
        "Procedures offering online service",
        "procedures_online",
        "procedures",
        0.8,
        2,
        "CONG-THUC 3.1 and M0: full points at 80%; M0: 2 points",
    ),
    # [CONG-THUC] 3.2 "Tỷ lệ dịch vụ công trực tuyến có phát sinh hồ sơ": services with a
    # dossier received online ÷ services, counted from the dossiers, never typed in.
    _sub(
        "online_services_used",
        "Online services that received a dossier online",
        "online_procedures_with_dossiers",
        "procedures_online",
        1.0,
        4,
        "CONG-THUC 3.2; M0: 4 points × rate, no threshold",
    ),
    _sub(
        "dossiers_online",
        "Dossiers submitted online",
        "online_received",
        "received",
        0.5,
        6,
        "CONG-THUC 3.3 and M0: full points at 50%; M0: 6 points",
    ),
]
# [M0]: a rate with nothing to divide by scores 0 on the portal, so an agency none of whose
# procedures bears a fee gets no payment points there; 766-2026 had given it the points.
PAYMENT = [
    _sub(
        "fee_procedures_integrated",
        "Fee-bearing procedures integrated for online payment",
        "fee_procedures_integrated",
        "fee_procedures",
        0.8,
        2,
        "CONG-THUC 3.5 and M0 (2.5 × rate, capped at 2): full points at 80%; DIEM: 2 points",
    ),
    _sub(
        "fee_procedures_paid_online",
        "Fee-bearing procedures with a dossier paid online",
        "fee_procedures_paid_online",
        "fee_procedures",
        0.8,
        2,
        "DIEM 3.5b: 2 points; M0: procedures with a dossier paid online ÷ fee-bearing "
        "procedures, min(2, 2.5 × rate), so full points at 80%",
    ),
    _sub(
        "paid_online",
        "Dossiers paid online ÷ dossiers of fee-bearing procedures",
        "paid_online",
        "processed_fee",
        1.0,
        6,
        "CONG-THUC 3.6 (÷ dossiers of fee-bearing procedures); DIEM and M0: 6 points × rate, "
        "no threshold (confirmed)",
    ),
]
DIGITISATION = [
    _sub(
        "results_electronic",
        "Results issued electronically",
        "results_electronic",
        "processed",
        1.0,
        6,
        "CONG-THUC 4.1; DIEM: 6 points",
    ),
    _sub(
        "digitised",
        "Dossiers digitised",
        "digitised",
        "received",
        1.0,
        4,
        "DIEM: 4 points; M0: 4 points × rate, full only at 100% (CONG-THUC 4.2 says 80%, the "
        "portal's scores do not)",
    ),
    _sub(
        "certified_copies",
        "Certified copies issued electronically from the original",
        "certified_copies_electronic",
        "certified_copies",
        1.0,
        2,
        "DIEM: 2 points (ELECTRONIC_CERTIFIED_COPY); M0: 2 points × rate, exact on 984 scores",
    ),
    _sub(
        "data_reused",
        "Digitised data reused",
        "dossiers_data_reused",
        "received",
        0.8,
        2,
        "CONG-THUC 4.3 and M0: full points at 80% (confirmed); DIEM: 2 points",
    ),
    _sub(
        "personal_store",
        "Digitised dossiers linked to the citizen's store on the national portal",
        "dossiers_personal_store",
        "received",
        1.0,
        4,
        "CONG-THUC 4.4; DIEM: 4 points",
    ),
    _sub(
        "population_dossiers",
        "Dossiers using the national population database",
        "dossiers_population_data",
        "received",
        1.0,
        2,
        "CONG-THUC 4.5 (dossiers); DIEM: 2 points",
    ),
    _sub(
        "population_procedures",
        "Procedures for citizens connected to the population database",
        "procedures_population_data",
        "procedures_for_citizens",
        1.0,
        2,
        "CONG-THUC 4.5 (procedures whose applicants are citizens); DIEM: 2 points",
    ),
]
SATISFACTION = [
    _sub(
        "feedback_on_time",
        "Feedback on procedures answered on time",
        "feedback_on_time",
        "feedback_answered",
        1.0,
        6,
        "CONG-THUC 5.2; DIEM and M0: 6 points × rate, full when no feedback; TOM-TAT: one of "
        "the group's three rates",
        when_empty="full",
    ),
    # No threshold in [CONG-THUC] 5.3 nor in the portal's scores [M0]: full points only when
    # every answer satisfied (766-2026 had guessed 90%).
    _sub(
        "feedback_satisfied",
        "Citizens satisfied with how their feedback was handled",
        "feedback_satisfied",
        "feedback_answered",
        1.0,
        6,
        "CONG-THUC 5.3; DIEM and M0: 6 points × rate, full when no feedback; TOM-TAT: one of "
        "the group's three rates",
        when_empty="full",
    ),
    # [CONG-THUC] 5.4: 100% − (share of dossiers handled late + share with feedback or a
    # "dislike"), not the citizens' star ratings 766-2026 used.
    _sub(
        "dossiers_satisfied",
        "Dossiers handled neither late nor complained about",
        "handled_without_complaint",
        "handled",
        0.9,
        6,
        "CONG-THUC 5.4 and M0: full points at 90%, 0 when no dossier; DIEM and TOM-TAT: 6 "
        "points (confirmed)",
    ),
]


def _group(group: str, label: str, points: int, subs: list[dict]) -> dict:
    return {"group": group, "label": label, "points": points, "subcriteria": subs}


CRITERIA = [
    _group("transparency", "Transparency", 18, TRANSPARENCY),
    _group("progress", "Processing progress", 20, PROGRESS),
    _group("online", "Online services", 12, ONLINE),
    _group("digitisation", "Digitisation", 22, DIGITISATION),
    _group("payment", "Online payment", 10, PAYMENT),
    _group("satisfaction", "Satisfaction", 18, SATISFACTION),
]
