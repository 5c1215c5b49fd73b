"""Gap → tasks: a plan's PAPI dimensions, each with the province's score gap beside the tasks
and progress aimed at it, and the dimensions where the province is weak and the plan thin
(rules in quantri.indices.analytics: is_weak, is_thin). Which tasks aim at which dimension is
the plan's business: quantri.plans.coverage.

`gap_analysis(plan)` returns plain data the periodic report can embed; `gap_chart_png(analysis)`
draws it for a DOCX, `gap_chart_svg(analysis)` for a page.
"""

from dataclasses import asdict, dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from quantri.indices import analytics, charts, reading
from quantri.indices.models import Province
from quantri.plans.coverage import plan_coverage


@dataclass
class TaskRef:
    pk: int
    title: str
    lead: str
    status: str
    progress: int
    weight: int


@dataclass
class DimensionGap:
    code: str
    name: str
    score: float | None
    rank: int | None
    of: int
    quartile: int | None
    national_median: float | None
    national_best: float | None
    gap_to_median: float | None
    gap_to_best: float | None
    tasks: list[TaskRef]
    weight_share: float  # of the weight of all tasks aimed at a dimension
    progress: int  # weighted, cancelled tasks left out; 0 with no task
    weak: bool | None  # None: the province has no score for it that year
    thin: bool

    @property
    def flagged(self) -> bool:
        return bool(self.weak) and self.thin

    @property
    def task_count(self) -> int:
        return len(self.tasks)


@dataclass
class GapAnalysis:
    plan_id: int
    plan_title: str
    plan_year: int
    province_code: str | None = None
    province_name: str | None = None
    year: int | None = None  # the PAPI year read: the latest with scores, not after the plan's
    dimensions: list[DimensionGap] = field(default_factory=list)
    untargeted_tasks: int = 0  # tasks in groups with no dimension (e.g. direction, guidance)
    notes: list[str] = field(default_factory=list)

    @property
    def available(self) -> bool:
        return bool(self.dimensions)

    @property
    def flagged(self) -> list[DimensionGap]:
        return [d for d in self.dimensions if d.flagged]

    def to_dict(self) -> dict:
        data = asdict(self)
        for row, item in zip(data["dimensions"], self.dimensions, strict=True):
            row["flagged"] = item.flagged
        return data


def gap_analysis(plan) -> GapAnalysis:
    analysis = GapAnalysis(plan_id=plan.pk, plan_title=plan.title, plan_year=plan.year)
    if plan.framework is None or plan.framework.code != reading.FRAMEWORK:
        analysis.notes.append(_("The plan does not target PAPI."))
        return analysis
    province = Province.objects.for_agency(plan.agency)
    if province is None:
        analysis.notes.append(_("The plan's agency is not linked to a PAPI province."))
        return analysis
    analysis.province_code, analysis.province_name = province.code, province.name
    analysis.year = reading.latest_year(province, up_to=plan.year)
    if analysis.year is None:
        analysis.notes.append(
            _("%(province)s has no PAPI scores up to %(year)s.")
            % {"province": province.name, "year": plan.year}
        )
        return analysis
    _fill(analysis, plan, province)
    return analysis


def _fill(analysis: GapAnalysis, plan, province: Province) -> None:
    fw = reading.framework()
    scores = reading.year_scores([analysis.year], fw)[analysis.year]
    coverage = plan_coverage(plan)
    analysis.untargeted_tasks = coverage.untargeted_tasks
    for code in scores.measured:
        aimed = coverage.of(code)
        analysis.dimensions.append(
            _dimension_gap(scores, province.code, fw, aimed, len(scores.measured))
        )
    if province.successor_id:
        analysis.notes.append(
            _("%(province)s merged into %(successor)s; its own scores up to then are read.")
            % {"province": province.name, "successor": province.successor.name}
        )


def _dimension_gap(scores, province: str, fw, aimed, count: int):
    code, tasks, share = aimed.code, aimed.tasks, aimed.weight_share
    reading_ = analytics.read(scores, None, code, province)
    return DimensionGap(
        code=code,
        name=fw.name(code),
        score=reading_.score,
        rank=reading_.rank,
        of=reading_.of,
        quartile=reading_.quartile,
        national_median=reading_.national_median,
        national_best=reading_.national_max,
        gap_to_median=reading_.gap_to_median,
        gap_to_best=reading_.gap_to_best,
        tasks=[_task_ref(t) for t in tasks],
        weight_share=share,
        progress=aimed.progress,
        weak=analytics.is_weak(reading_.score, reading_.national_median, reading_.quartile),
        thin=analytics.is_thin(len(tasks), share, count),
    )


def _task_ref(task) -> TaskRef:
    return TaskRef(task.pk, task.title, task.lead_display, task.status, task.progress, task.weight)


def _bars(analysis: GapAnalysis) -> list[charts.GapBar]:
    return [
        charts.GapBar(
            label=f"{row.code}. {row.name}",
            gap=row.gap_to_median,
            note=ngettext("%(count)d task", "%(count)d tasks", row.task_count)
            % {"count": row.task_count}
            + f" · {row.weight_share:.0%}",
            flagged=row.flagged,
        )
        for row in analysis.dimensions
    ]


def _chart_text(analysis: GapAnalysis) -> dict:
    return {
        "title": _("%(province)s, PAPI %(year)s: gap to the national median")
        % {"province": analysis.province_name, "year": analysis.year},
        "xlabel": _("score − national median (⚠ weak and thinly planned)"),
    }


def gap_chart_png(analysis: GapAnalysis) -> bytes:
    """The analysis as a PNG for a DOCX report: one bar per dimension (score − national
    median), with the tasks and weight share the plan gives it."""
    return charts.gap_png(_bars(analysis), **_chart_text(analysis))


def gap_chart_svg(analysis: GapAnalysis) -> str:
    return charts.gap_svg(_bars(analysis), **_chart_text(analysis))
