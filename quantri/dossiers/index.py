"""The Decision 766 service-quality index from a period's figures. Plain Python, no Django.

Each criterion (stored as data in IndexVersion.criteria) is a group with its points, scored
either by one formula of this module (the 2022 version) or by sub-criteria, each a rate
"numerator ÷ denominator" named as data (index_766_2026), with its own target and points.
Scoring rule (brief §4): full points when the rate meets its target, else rate × points ÷
target. A rate with nothing to measure (no dossiers) scores 0 and is shown as "—": an agency
that handled nothing has not earned the points — unless the sub-criterion says otherwise
("when_empty": "full", e.g. online payment for an agency none of whose procedures bear a fee).
"""

from collections.abc import Callable
from dataclasses import asdict, dataclass, field


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
    # From 766-2026 on (index_766_2026): the catalogue, the dossiers of fee-bearing
    # procedures, the feedback app, and the inputs the agency supplies by hand.
    procedures_online: int = 0
    fee_procedures: int = 0
    processed_fee: int = 0
    feedback_answered: int = 0
    feedback_on_time: int = 0
    # From 766-2026-12 on (index_766_2026_12): the portal's rates 3.5b and 3.2 count
    # procedures, not dossiers: fee-bearing ones with a dossier paid online, and those offering
    # online service that received a dossier online.
    fee_procedures_paid_online: int = 0
    online_procedures_with_dossiers: int = 0
    inputs: dict[str, int] = field(default_factory=dict)

    @property
    def processed(self) -> int:
        return self.processed_early + self.processed_on_time + self.processed_late

    @property
    def handled(self) -> int:
        return self.processed + self.within_time + self.overdue

    @property
    def online_received(self) -> int:
        return self.online_full + self.online_partial

    @property
    def progress_ok(self) -> int:
        """Finished early or on time, or still within time."""
        return self.processed_early + self.processed_on_time + self.within_time

    @property
    def handled_without_complaint(self) -> int:
        """Handled neither late nor complained about: the portal's 5.4 rate is 100% − (late
        share + share with feedback or a "dislike"), i.e. this ÷ handled (never below 0)."""
        late = self.processed_late + self.overdue
        return max(0, self.handled - late - self.complaints)

    def value(self, name: str) -> int | None:
        """A figure or an input by name; None for an input the agency has not supplied."""
        if name != "inputs" and hasattr(self, name):
            return getattr(self, name)
        return self.inputs.get(name)

    def as_dict(self) -> dict:
        return asdict(self) | {name: getattr(self, name) for name in DERIVED}


DERIVED = ("processed", "handled", "online_received", "progress_ok", "handled_without_complaint")


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
class SubScore:
    """One sub-criterion: its rate, the two figures it came from, and its points."""

    key: str
    label: str
    numerator: str
    denominator: str
    numerator_value: int | None
    denominator_value: int | None
    rate: float | None
    target: float
    points: float
    max_points: float
    source: str = ""


@dataclass
class GroupScore:
    group: str
    label: str
    formula: str
    rate: float | None
    target: float
    points: float
    max_points: float
    subscores: list[SubScore] = field(default_factory=list)


def score(criterion: dict, rate: float | None) -> float:
    points, target = float(criterion["points"]), float(criterion["target"])
    if rate is None:
        return points if criterion.get("when_empty") == "full" else 0.0
    if target <= 0 or rate >= target:
        return points
    return round(rate * points / target, 2)


def _sub_score(sub: dict, figures: Figures) -> SubScore:
    top, bottom = figures.value(sub["numerator"]), figures.value(sub["denominator"])
    rate = None if top is None or not bottom else min(top / bottom, 1.0)
    # "when_empty" is about a denominator of 0 (nothing to measure), never about an input
    # the agency has not supplied yet: that earns nothing until it is entered.
    unsupplied = top is None and bool(bottom)
    return SubScore(
        key=sub["key"],
        label=sub["label"],
        numerator=sub["numerator"],
        denominator=sub["denominator"],
        numerator_value=top,
        denominator_value=bottom,
        rate=None if rate is None else round(rate, 4),
        target=float(sub["target"]),
        points=0.0 if unsupplied else score(sub, rate),
        max_points=float(sub["points"]),
        source=sub.get("source", ""),
    )


def _group_score(criterion: dict, figures: Figures) -> GroupScore:
    if "subcriteria" in criterion:
        subs = [_sub_score(sub, figures) for sub in criterion["subcriteria"]]
        measured = [s for s in subs if s.rate is not None]
        got = round(sum(s.points for s in subs), 2)
        return GroupScore(
            group=criterion["group"],
            label=criterion["label"],
            formula="subcriteria",
            rate=round(got / float(criterion["points"]), 4) if measured else None,
            target=1.0,
            points=got,
            max_points=float(criterion["points"]),
            subscores=subs,
        )
    rate = FORMULAS[criterion["formula"]](figures)
    return GroupScore(
        group=criterion["group"],
        label=criterion["label"],
        formula=criterion["formula"],
        rate=None if rate is None else round(rate, 4),
        target=float(criterion["target"]),
        points=score(criterion, rate),
        max_points=float(criterion["points"]),
    )


def compute(criteria: list[dict], figures: Figures) -> tuple[list[GroupScore], float]:
    groups = [_group_score(criterion, figures) for criterion in criteria]
    return groups, round(sum(g.points for g in groups), 2)


def check_criteria(criteria: list[dict], *, inputs=()) -> None:
    """Raise ValueError naming the first bad criterion: unknown formula, target out of 0–1,
    a denominator that is neither a figure nor one of `inputs` (the figures the agency
    supplies by hand), sub-criteria whose points do not add up to their group's."""
    for n, criterion in enumerate(criteria, start=1):
        if "subcriteria" in criterion:
            _check_subcriteria(n, criterion, set(inputs))
            continue
        if criterion.get("formula") not in FORMULAS:
            raise ValueError(f"criterion {n}: unknown formula {criterion.get('formula')!r}")
        _check_target(f"criterion {n}", criterion)


def _check_target(where: str, criterion: dict) -> None:
    if not 0 <= float(criterion["target"]) <= 1:
        raise ValueError(f"{where}: target must be between 0 and 1")


def _check_subcriteria(n: int, criterion: dict, inputs: set[str]) -> None:
    known = {f.name for f in Figures.__dataclass_fields__.values()} | set(DERIVED) | inputs
    for sub in criterion["subcriteria"]:
        _check_target(f"criterion {n}, {sub['key']}", sub)
        if sub["denominator"] not in known:
            raise ValueError(f"criterion {n}, {sub['key']}: unknown figure {sub['denominator']!r}")
    total = sum(float(sub["points"]) for sub in criterion["subcriteria"])
    if abs(total - float(criterion["points"])) > 1e-9:
        raise ValueError(
            f"criterion {n}: sub-criteria add up to {total:g}, not {criterion['points']}"
        )


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
