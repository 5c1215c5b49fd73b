"""The Decision 766 service-quality index from a month's figures. Plain Python, no Django.

Each criterion (stored as data in IndexVersion.criteria) names a formula of this module, a
target rate and its points. Scoring rule (brief §4): full points when the rate meets its
target, else rate × points ÷ target. A rate with nothing to measure (no dossiers) scores 0 and
is shown as "—": an agency that handled nothing has not earned the points.
"""

from collections.abc import Callable
from dataclasses import asdict, dataclass


@dataclass
class Figures:
    received: int = 0
    online_full: int = 0
    online_partial: int = 0
    digitised: int = 0
    processed_early: int = 0
    processed_on_time: int = 0
    processed_late: int = 0
    paid_online: int = 0
    rated: int = 0
    satisfied: int = 0
    complaints: int = 0
    within_time: int = 0
    overdue: int = 0
    procedures: int = 0
    procedures_published: int = 0

    @property
    def processed(self) -> int:
        return self.processed_early + self.processed_on_time + self.processed_late

    @property
    def handled(self) -> int:
        return self.processed + self.within_time + self.overdue

    def as_dict(self) -> dict:
        return asdict(self) | {"processed": self.processed, "handled": self.handled}


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def published_share(f: Figures) -> float | None:
    """Transparency: procedures of the agency published on the portal ÷ its procedures."""
    return _share(f.procedures_published, f.procedures)


def on_time_share(f: Figures) -> float | None:
    """Progress: done early or on time, or still within time ÷ dossiers handled."""
    return _share(f.processed_early + f.processed_on_time + f.within_time, f.handled)


def online_share(f: Figures) -> float | None:
    """Online services: dossiers received online (fully or partly) ÷ dossiers received."""
    return _share(f.online_full + f.online_partial, f.received)


def digitised_share(f: Figures) -> float | None:
    return _share(f.digitised, f.received)


def online_payment_share(f: Figures) -> float | None:
    return _share(f.paid_online, f.processed)


def satisfaction(f: Figures) -> float | None:
    """100% − (late share + complaint share), never below 0."""
    if not f.handled:
        return None
    late = (f.processed_late + f.overdue) / f.handled
    complaints = f.complaints / f.processed if f.processed else 0.0
    return max(0.0, 1.0 - late - complaints)


FORMULAS: dict[str, Callable[[Figures], float | None]] = {
    f.__name__: f
    for f in (
        published_share,
        on_time_share,
        online_share,
        digitised_share,
        online_payment_share,
        satisfaction,
    )
}


@dataclass
class GroupScore:
    group: str
    label: str
    formula: str
    rate: float | None
    target: float
    points: float
    max_points: float


def score(criterion: dict, rate: float | None) -> float:
    points, target = float(criterion["points"]), float(criterion["target"])
    if rate is None:
        return 0.0
    if target <= 0 or rate >= target:
        return points
    return round(rate * points / target, 2)


def compute(criteria: list[dict], figures: Figures) -> tuple[list[GroupScore], float]:
    groups = []
    for criterion in criteria:
        rate = FORMULAS[criterion["formula"]](figures)
        groups.append(
            GroupScore(
                group=criterion["group"],
                label=criterion["label"],
                formula=criterion["formula"],
                rate=None if rate is None else round(rate, 4),
                target=float(criterion["target"]),
                points=score(criterion, rate),
                max_points=float(criterion["points"]),
            )
        )
    return groups, round(sum(g.points for g in groups), 2)


def check_criteria(criteria: list[dict]) -> None:
    """Raise ValueError naming the first bad criterion: unknown formula, target out of 0–1."""
    for n, criterion in enumerate(criteria, start=1):
        if criterion.get("formula") not in FORMULAS:
            raise ValueError(f"criterion {n}: unknown formula {criterion.get('formula')!r}")
        if not 0 <= float(criterion["target"]) <= 1:
            raise ValueError(f"criterion {n}: target must be between 0 and 1")


# Decision 766/QĐ-TTg (2022), first version. Targets are this product's reading of the
# decision's goals; the exact appendix was not verified (brief §4) — change them in a new
# IndexVersion, never by editing this one.
DECISION_766_2022 = [
    {
        "group": "transparency",
        "label": "Transparency",
        "formula": "published_share",
        "target": 1.0,
        "points": 18,
    },
    {
        "group": "progress",
        "label": "Processing progress",
        "formula": "on_time_share",
        "target": 1.0,
        "points": 20,
    },
    {
        "group": "online",
        "label": "Online services",
        "formula": "online_share",
        "target": 0.8,
        "points": 12,
    },
    {
        "group": "digitisation",
        "label": "Digitisation",
        "formula": "digitised_share",
        "target": 1.0,
        "points": 22,
    },
    {
        "group": "payment",
        "label": "Online payment",
        "formula": "online_payment_share",
        "target": 0.5,
        "points": 10,
    },
    {
        "group": "satisfaction",
        "label": "Satisfaction",
        "formula": "satisfaction",
        "target": 0.95,
        "points": 18,
    },
]
