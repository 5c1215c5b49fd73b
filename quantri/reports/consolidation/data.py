"""What consolidation reads and what it computes, as plain data: the loader fills the input
from the database, the aggregation and the writers never touch it."""

import datetime
from dataclasses import dataclass, field

# Task statuses, as stored (quantri.plans.models.TaskStatus), kept here so this module
# stays free of Django.
NOT_STARTED, IN_PROGRESS, DONE, PAUSED, CANCELLED = (
    "not_started",
    "in_progress",
    "done",
    "paused",
    "cancelled",
)
STATUSES = (NOT_STARTED, IN_PROGRESS, DONE, PAUSED, CANCELLED)

# How a unit's report stands for the office (quantri.reports.queries).
MISSING, RETURNED, SUBMITTED, ACCEPTED = "missing", "returned", "submitted", "accepted"


@dataclass
class Meta:
    """The consolidating agency, its plan and the period: everything the header and the
    summary line need."""

    agency_name: str
    period_code: str
    agency_code: str = ""
    parent_body: str = ""  # the body above the agency, e.g. "UBND tỉnh Hưng Yên"
    province_name: str = ""  # "Hưng Yên": the default place
    plan_title: str = ""
    plan_number: str = ""
    plan_issued_on: datetime.date | None = None
    plan_year: int | None = None
    period_starts_on: datetime.date | None = None
    period_ends_on: datetime.date | None = None
    deadline: datetime.date | None = None
    recipients: list[str] = field(default_factory=list)
    signer_name: str = ""
    signer_position: str = ""
    signer_authority: str = ""
    place: str = ""


@dataclass
class DimensionInfo:
    """A line of the results: a PAPI dimension, or a task group with none (e.g. "Công tác
    chỉ đạo điều hành"), keyed by `key`."""

    key: str
    name: str
    code: str = ""
    order: int = 0


@dataclass(slots=True)
class UnitResult:
    """What one unit reported on one task for the period (an accepted or submitted report)."""

    unit: str
    done: str = ""
    figures: dict = field(default_factory=dict)
    difficulties: str = ""
    proposals: str = ""
    is_lead: bool = False
    accepted: bool = False


@dataclass(slots=True)
class TaskRow:
    key: str  # the DimensionInfo it counts under
    number: str  # "3.1": group order and task order
    title: str
    lead_unit: str
    status: str
    progress: int
    weight: int = 1
    group_title: str = ""
    results: list[UnitResult] = field(default_factory=list)


@dataclass(slots=True)
class UnitRow:
    """Report completeness of one unit (one request) or, one level up, of one department
    (the sum of its units'). Counts add up, so rows of rows aggregate the same way."""

    name: str
    expected: int = 0
    submitted: int = 0  # submitted or accepted
    accepted: int = 0
    on_time: int = 0
    late: int = 0
    missing: int = 0
    overdue: int = 0  # missing with the deadline passed
    returned: int = 0
    difficulties: str = ""
    proposals: str = ""

    @classmethod
    def for_request(cls, name: str, state: str, is_late: bool, **texts) -> "UnitRow":
        """One unit's request: `state` as the office sees it, `is_late` for a submitted report
        (submitted after the deadline) or a missing one (deadline passed)."""
        sent = state in (SUBMITTED, ACCEPTED)
        return cls(
            name=name,
            expected=1,
            submitted=int(sent),
            accepted=int(state == ACCEPTED),
            on_time=int(sent and not is_late),
            late=int(sent and is_late),
            missing=int(state == MISSING),
            overdue=int(state == MISSING and is_late),
            returned=int(state == RETURNED),
            **texts,
        )

    @property
    def state(self) -> str:
        """A single unit's request: accepted, submitted, returned or missing."""
        if self.accepted:
            return ACCEPTED
        if self.submitted:
            return SUBMITTED
        return RETURNED if self.returned else MISSING

    @property
    def timing(self) -> str:
        """A single unit's request: on_time or late once sent, overdue if missing past the
        deadline, "" otherwise."""
        if self.submitted:
            return "late" if self.late else "on_time"
        return "overdue" if self.overdue else ""

    @property
    def reporting_rate(self) -> int:
        return percent(self.submitted, self.expected)

    @property
    def on_time_rate(self) -> int:
        return percent(self.on_time, self.expected)


@dataclass(frozen=True)
class ServiceRow:
    """A unit's one-stop dossiers in the period's window (quantri.dossiers.service_figures),
    its subtree's included: what the report says under PAPI 5 and 6."""

    unit: str
    processed: int = 0
    late: int = 0
    rated: int = 0
    satisfied: int = 0
    received: int = 0

    @property
    def late_rate(self) -> float | None:
        return rate(self.late, self.processed)

    @property
    def satisfaction_rate(self) -> float | None:
        return rate(self.satisfied, self.rated)


# PAPI 5 (public administrative procedures) and 6 (public service delivery): where the report
# puts the units' one-stop figures.
SERVICE_DIMENSIONS = ("5", "6")


def is_service_dimension(code: str) -> bool:
    return code.split(".")[0] in SERVICE_DIMENSIONS


def rate(part: int, whole: int) -> float | None:
    """A percentage with one decimal, None when there is nothing to divide by."""
    return round(100 * part / whole, 1) if whole else None


@dataclass
class PartRow:
    """One level up: a department's consolidated figures, counted as one row."""

    name: str
    figures: "ConsolidatedFigures"
    shortcomings: str = ""
    proposals: str = ""
    tasks: list[TaskRow] = field(default_factory=list)  # for the annex's task sheet


@dataclass
class ConsolidationInput:
    meta: Meta
    dimensions: list[DimensionInfo] = field(default_factory=list)
    tasks: list[TaskRow] = field(default_factory=list)
    units: list[UnitRow] = field(default_factory=list)
    parts: list[PartRow] = field(default_factory=list)
    services: list[ServiceRow] = field(default_factory=list)  # units with dossiers only
    # Lines other apps add to a PAPI dimension's section, by dimension number
    # (quantri.reports.contributions).
    contributions: dict[int, list] = field(default_factory=dict)


def percent(part: float, whole: float) -> int:
    return round(100 * part / whole) if whole else 0


@dataclass
class DimensionFigures:
    """Totals of a dimension; additive, so departments' totals merge into a province's."""

    key: str
    name: str
    code: str = ""
    tasks: int = 0
    counted_weight: int = 0  # weight of the tasks that count (cancelled ones do not)
    weighted_progress: int = 0  # Σ weight × progress over the counted tasks
    by_status: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATUSES, 0))
    figures: dict[str, float] = field(default_factory=dict)  # additive figures, summed

    @property
    def progress(self) -> int:
        """Weighted progress, cancelled tasks left out: the plan pages' rule."""
        if not self.counted_weight:
            return 0
        return round(self.weighted_progress / self.counted_weight)

    @property
    def done(self) -> int:
        return self.by_status[DONE]

    @property
    def in_progress(self) -> int:
        return self.by_status[IN_PROGRESS]

    @property
    def not_started(self) -> int:
        return self.by_status[NOT_STARTED]

    def add(self, other: "DimensionFigures") -> None:
        self.tasks += other.tasks
        self.counted_weight += other.counted_weight
        self.weighted_progress += other.weighted_progress
        for status, count in other.by_status.items():
            self.by_status[status] = self.by_status.get(status, 0) + count
        for name, value in other.figures.items():
            self.figures[name] = self.figures.get(name, 0) + value


@dataclass
class ConsolidatedFigures:
    dimensions: list[DimensionFigures]
    overall: DimensionFigures
    units: list[UnitRow]
    completeness: UnitRow  # the units' rows summed

    @property
    def progress(self) -> int:
        return self.overall.progress

    @property
    def by_status(self) -> dict[str, int]:
        return self.overall.by_status

    def dimension(self, key: str) -> DimensionFigures | None:
        return next((d for d in self.dimensions if d.key == key), None)


@dataclass
class Narrative:
    """What the leadership writes (quantri.reports.models.ConsolidatedReport), as plain data.
    Multi-line fields become one paragraph per line."""

    number: str = ""
    issued_on: datetime.date | None = None
    place: str = ""
    summary: str = ""
    results_intro: str = ""
    shortcomings: str = ""
    causes: str = ""
    next_tasks: str = ""
    proposals: str = ""
    recipients: list[str] = field(default_factory=list)
    signer_name: str = ""
    signer_position: str = ""
    signer_authority: str = ""
    archive: str = "VT, VP"
