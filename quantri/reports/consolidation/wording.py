"""The Vietnamese of the consolidated report. An administrative document is written in
Vietnamese whatever language its reader chose for the pages (Decree 30/2020), so these are
document text, not interface strings for the translation catalogue."""

import re

from quantri.documents.wording import province_place  # noqa: F401 (the reports' wording)
from quantri.reports import periods
from quantri.reports.consolidation.data import (
    CANCELLED,
    DONE,
    IN_PROGRESS,
    NOT_STARTED,
    PAUSED,
)
from quantri.reports.figures import in_order

STATUS_LABELS = {
    NOT_STARTED: "Chưa triển khai",
    IN_PROGRESS: "Đang thực hiện",
    DONE: "Hoàn thành",
    PAUSED: "Tạm dừng",
    CANCELLED: "Không thực hiện",
}
REPORT_STATES = {
    "accepted": "Đã tiếp nhận",
    "submitted": "Đã gửi",
    "returned": "Trả lại để hoàn thiện",
    "missing": "Chưa gửi",
}
TIMINGS = {"on_time": "Đúng hạn", "late": "Chậm", "overdue": "Quá hạn", "": ""}
QUARTERS = ("I", "II", "III", "IV")
REPORT_TYPE = "BÁO CÁO"
REPORT_TYPE_CODE = "BC"

PART_RESULTS = "Kết quả thực hiện"
PART_SHORTCOMINGS = "Tồn tại, hạn chế và nguyên nhân"
PART_NEXT = "Nhiệm vụ trọng tâm kỳ tới"
PART_PROPOSALS = "Đề xuất, kiến nghị"
SHORTCOMINGS = "Tồn tại, hạn chế"
CAUSES = "Nguyên nhân"
GENERAL = "Kết quả chung"
NOTHING_REPORTED = "Chưa có báo cáo của đơn vị."
CHART_TITLE = "Tiến độ thực hiện theo chỉ số nội dung"
CHART_CAPTION = "Biểu đồ: Tiến độ thực hiện nhiệm vụ theo chỉ số nội dung (%)"
COMPLETENESS_CAPTION = "Tình hình gửi báo cáo của các phòng, đơn vị"
COMPLETENESS_CAPTION_UP = "Tình hình báo cáo của các phòng, đơn vị thuộc các sở, ngành"
# PAPI dimensions other apps add lines to (quantri.reports.contributions), for a plan with no
# task group on that dimension.
CONTRIBUTION_TITLES = {
    4: "Kiểm soát tham nhũng trong khu vực công (chỉ số nội dung 4)",
    5: "Thủ tục hành chính công (chỉ số nội dung 5)",
}

_TRAILING_YEAR = re.compile(r"\s*(năm|giai đoạn)\s+\d{4}(\s*-\s*\d{4})?\s*$", re.IGNORECASE)
_PLAN_WORD = re.compile(r"^\s*kế hoạch\s+", re.IGNORECASE)
_NUMBER_SYMBOL = re.compile(r"^\s*\d+\s*/\s*[^-\s]+-(?P<issuer>\S+)\s*$")
_PEOPLES_COMMITTEE = re.compile(r"^ủy ban nhân dân|^uỷ ban nhân dân", re.IGNORECASE)


def period_phrase(code: str) -> str:
    """'6 tháng đầu năm 2021', 'năm 2021', 'quý III năm 2021', 'tháng 5 năm 2021'."""
    period = periods.parse_code(code)
    year = period.year
    if period.frequency == periods.SEMIANNUAL:
        return f"6 tháng {'đầu' if period.index == 1 else 'cuối'} năm {year}"
    if period.frequency == periods.ANNUAL:
        return f"năm {year}"
    if period.frequency == periods.QUARTERLY:
        return f"quý {QUARTERS[period.index - 1]} năm {year}"
    return f"tháng {period.index} năm {year}"


def next_period_phrase(code: str) -> str:
    """The period after this one, for "tasks for the next period"."""
    period = periods.parse_code(code)
    if period.frequency == periods.ANNUAL:
        return f"năm {period.year + 1}"
    last = {periods.SEMIANNUAL: 2, periods.QUARTERLY: 4, periods.MONTHLY: 12}[period.frequency]
    if period.index == last:
        following = periods.PeriodCode(period.year + 1, period.frequency, 1)
    else:
        following = periods.PeriodCode(period.year, period.frequency, period.index + 1)
    return period_phrase(str(following))


def summary_line(plan_title: str, code: str) -> str:
    """'Kết quả thực hiện Kế hoạch nâng cao Chỉ số PAPI … 6 tháng đầu năm 2021': the plan's
    title without its own year, then the period."""
    subject = _TRAILING_YEAR.sub("", _PLAN_WORD.sub("", plan_title or "").strip()).strip()
    subject = " ".join(subject.split())
    if subject:
        subject = subject[0].lower() + subject[1:]
        return f"Kết quả thực hiện Kế hoạch {subject} {period_phrase(code)}"
    return f"Kết quả thực hiện kế hoạch {period_phrase(code)}"


def summary_line_up(code: str) -> str:
    return (
        "Kết quả thực hiện nhiệm vụ nâng cao Chỉ số hiệu quả quản trị và hành chính công "
        f"(PAPI) của các sở, ngành {period_phrase(code)}"
    )


def issuer_code(plan_number: str, agency_code: str = "") -> str:
    """The issuer's symbol: 'SVHTTDL' from the plan's number '09/KH-SVHTTDL', else the
    agency's code up to its first dash."""
    match = _NUMBER_SYMBOL.match(plan_number or "")
    if match:
        return match["issuer"]
    return (agency_code or "").split("-")[0]


def parent_body(name: str) -> str:
    """'Ủy ban nhân dân tỉnh Hưng Yên' is written 'UBND tỉnh Hưng Yên' over the issuer."""
    return _PEOPLES_COMMITTEE.sub("UBND", (name or "").strip())


def tasks_sentence(tasks: int, done: int, in_progress: int, not_started: int, progress: int):
    parts = [f"{tasks} nhiệm vụ", f"hoàn thành {done}", f"đang thực hiện {in_progress}"]
    if not_started:
        parts.append(f"chưa triển khai {not_started}")
    return f"Tổng số {', '.join(parts)}; tiến độ chung đạt {progress}%."


def intro(meta_agency: str, plan_number: str, plan_issued_on, plan_title: str, code: str):
    """The opening sentence of the results part."""
    reference = "Kế hoạch"
    if plan_number:
        reference += f" số {plan_number}"
    if plan_issued_on:
        reference += f" ngày {plan_issued_on:%d/%m/%Y}"
    if plan_title:
        title = _PLAN_WORD.sub("", plan_title).strip()
        reference += f" về {title[0].lower() + title[1:]}" if title else ""
    return (
        f"Thực hiện {reference}, trên cơ sở báo cáo của các phòng, đơn vị, {meta_agency} báo "
        f"cáo kết quả thực hiện {period_phrase(code)} như sau:"
    )


def format_number(value: float) -> str:
    """12 → '12', 1250 → '1.250', 72.5 → '72,5' (Vietnamese separators)."""
    if isinstance(value, float) and not value.is_integer():
        text = f"{value:,.2f}".rstrip("0").rstrip(".")
    else:
        text = f"{int(value):,}"
    return text.replace(",", "\u0000").replace(".", ",").replace("\u0000", ".")


def figures_text(figures: dict) -> str:
    return "; ".join(f"{name}: {format_number(value)}" for name, value in in_order(figures))


def contribution_title(dimension: int) -> str:
    return CONTRIBUTION_TITLES.get(dimension, f"Chỉ số nội dung {dimension}")
