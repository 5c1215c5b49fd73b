"""The plan's side of the PAPI gap analysis: which tasks each index dimension gets, with their
weight share and progress. The scores it is set against are read by quantri.indices.gaps, which
builds on this module (indices depends on plans, never the other way round)."""

from dataclasses import dataclass, field

from quantri.plans.models import Plan, TaskStatus
from quantri.plans.outline import plan_outline, weighted


@dataclass
class DimensionCoverage:
    code: str
    tasks: list = field(default_factory=list)
    weight_share: float = 0.0  # of the weight of all tasks aimed at a dimension

    @property
    def progress(self) -> int:
        return weighted(self.tasks)  # cancelled tasks are already left out


@dataclass
class PlanCoverage:
    by_code: dict[str, DimensionCoverage]
    untargeted_tasks: int  # tasks in groups with no dimension (e.g. direction, guidance)

    def of(self, code: str) -> DimensionCoverage:
        return self.by_code.get(code) or DimensionCoverage(code)


def plan_coverage(plan: Plan) -> PlanCoverage:
    """Live tasks (cancelled ones left out) by the top-level dimension of the plan's framework
    their group aims at; a group aimed at a sub-dimension counts for its dimension."""
    by_code: dict[str | None, list] = {}
    for group in plan_outline(plan).groups:
        live = [t for t in group.tasks if t.status != TaskStatus.CANCELLED]
        by_code.setdefault(_top_code(group.group, plan), []).extend(live)
    untargeted = by_code.pop(None, [])
    total = sum(t.weight for tasks in by_code.values() for t in tasks)
    coverage = {
        code: DimensionCoverage(code, tasks, sum(t.weight for t in tasks) / total if total else 0)
        for code, tasks in by_code.items()
    }
    return PlanCoverage(coverage, len(untargeted))


def _top_code(group, plan: Plan) -> str | None:
    dimension = group.dimension
    if dimension is None or dimension.framework_id != plan.framework_id:
        return None
    return dimension.parent.code if dimension.parent_id else dimension.code
