"""The management review's figures from counts the system holds. Plain Python, no Django:
the queries (quantri.quality.review_inputs) count, this module divides and labels, so the
maths is tested against a hand-computed set.

TCVN ISO 9001:2015, clause 9.3.2, lists what a management review considers: customer
satisfaction, the extent quality objectives are met, process performance, nonconformities and
corrective actions, audit results."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Counts:
    dossiers_done: int = 0  # dossiers with a result in the period
    dossiers_on_time: int = 0  # of those, early or on time
    ratings: int = 0  # dossiers the citizen rated
    ratings_satisfied: int = 0  # very satisfied or satisfied
    feedback_received: int = 0
    feedback_answered: int = 0
    feedback_answered_on_time: int = 0
    audits: int = 0
    nonconformities: int = 0
    observations: int = 0
    actions_open: int = 0  # corrective actions not yet verified
    actions_overdue: int = 0  # of those, past their deadline


@dataclass(frozen=True)
class Figure:
    code: str
    label: str  # Vietnamese, as the review's minutes and the XLSX print it
    value: float | int | None  # None: nothing to measure in the period
    unit: str = ""  # "%" or ""


def share(part: int, whole: int) -> float | None:
    """part/whole in percent to one decimal; None when there is nothing to divide."""
    if whole <= 0:
        return None
    return round(100 * part / whole, 1)


def review_figures(counts: Counts) -> list[Figure]:
    c = counts
    return [
        Figure("dossiers_done", "Số hồ sơ đã giải quyết", c.dossiers_done),
        Figure(
            "on_time_rate",
            "Tỷ lệ hồ sơ giải quyết đúng hạn",
            share(c.dossiers_on_time, c.dossiers_done),
            "%",
        ),
        Figure("ratings", "Số lượt đánh giá của người dân", c.ratings),
        Figure(
            "satisfaction",
            "Tỷ lệ hài lòng (hài lòng và rất hài lòng)",
            share(c.ratings_satisfied, c.ratings),
            "%",
        ),
        Figure("feedback_received", "Số phản ánh, kiến nghị tiếp nhận", c.feedback_received),
        Figure("feedback_answered", "Số phản ánh, kiến nghị đã trả lời", c.feedback_answered),
        Figure(
            "feedback_on_time",
            "Tỷ lệ trả lời phản ánh, kiến nghị đúng hạn",
            share(c.feedback_answered_on_time, c.feedback_answered),
            "%",
        ),
        Figure("audits", "Số cuộc đánh giá nội bộ", c.audits),
        Figure("nonconformities", "Số điểm không phù hợp", c.nonconformities),
        Figure("observations", "Số khuyến nghị (điểm lưu ý)", c.observations),
        Figure("actions_open", "Hành động khắc phục chưa hoàn thành", c.actions_open),
        Figure("actions_overdue", "Hành động khắc phục quá hạn", c.actions_overdue),
    ]


def format_value(figure: Figure) -> str:
    """As a Vietnamese reader writes it: 87,5% — and "—" where nothing was measured."""
    if figure.value is None:
        return "—"
    text = f"{figure.value}".replace(".", ",")
    return f"{text}{figure.unit}"
