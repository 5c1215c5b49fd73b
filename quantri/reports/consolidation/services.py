"""Use cases of consolidation: draft and edit the narrative, consolidate a period (the
department) or a period code across the departments under an agency (the province), and
export the DOCX and XLSX. The page and `quantri report consolidate` call these."""

import datetime
import re
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from quantri.orgs.access import Access
from quantri.orgs.models import Agency
from quantri.plans.models import Plan, PlanStatus
from quantri.reports import contributions
from quantri.reports.consolidation import loader, wording
from quantri.reports.consolidation.aggregate import aggregate, sum_units
from quantri.reports.consolidation.data import (
    CANCELLED,
    DONE,
    ConsolidatedFigures,
    ConsolidationInput,
    Meta,
    Narrative,
    PartRow,
    ServiceRow,
    UnitRow,
)
from quantri.reports.consolidation.docx_writer import default_summary, write_docx
from quantri.reports.consolidation.xlsx_writer import write_xlsx
from quantri.reports.models import ConsolidatedReport, ReportingPeriod

_UNSAFE = re.compile(r"[^\w-]+")  # keeps letters (Đ too), digits, "_" and "-" in file names
NARRATIVE_FIELDS = (
    "number",
    "issued_on",
    "place",
    "summary",
    "results_intro",
    "shortcomings",
    "causes",
    "next_tasks",
    "proposals",
    "recipients",
    "signer_name",
    "signer_position",
    "signer_authority",
)


@dataclass
class Consolidation:
    data: ConsolidationInput
    figures: ConsolidatedFigures
    narrative: Narrative

    def docx(self) -> bytes:
        return write_docx(self.data, self.figures, self.narrative)

    def xlsx(self) -> bytes:
        return write_xlsx(self.data, self.figures)

    def filename(self, extension: str) -> str:
        prefix = "phu-luc" if extension == "xlsx" else "bao-cao"
        issuer = wording.issuer_code(self.data.meta.plan_number, self.data.meta.agency_code)
        issuer = _UNSAFE.sub("-", issuer).strip("-") or "tong-hop"
        return f"{prefix}-{self.data.meta.period_code}-{issuer}.{extension}"


def _require_manager(user, plan: Plan) -> None:
    if not Access.for_user(user).can_manage_reports(plan):
        raise PermissionDenied(_("Only the leadership and the office consolidate reports."))


# One agency's period ------------------------------------------------------------------------


def consolidate_period(
    period: ReportingPeriod, *, today: datetime.date | None = None
) -> Consolidation:
    """The department's report for a period: its narrative as saved (drafted when nobody has
    written one yet), its figures from the units' reports."""
    period = loader.periods_for_consolidation().get(pk=period.pk)
    data = loader.load_period(period, today)
    narrative = loader.load_narratives([period.pk]).get(period.pk) or draft_narrative(data)
    return Consolidation(data, aggregate(data), narrative)


def draft_narrative(data: ConsolidationInput) -> Narrative:
    """What the page offers before anybody has written: the plan's recipients and signer,
    the place of the province, the units' own difficulties and proposals, the tasks left."""
    meta = data.meta
    return Narrative(
        place=meta.place or meta.province_name,
        summary=default_summary(data),
        results_intro=_intro(meta, up_the_tree=bool(data.parts)),
        shortcomings=_by_unit(data.units, "difficulties"),
        proposals=_by_unit(data.units, "proposals"),
        next_tasks=_unfinished(data),
        recipients=list(meta.recipients),
        signer_name=meta.signer_name,
        signer_position=meta.signer_position,
        signer_authority=meta.signer_authority,
    )


def _intro(meta: Meta, *, up_the_tree: bool) -> str:
    if up_the_tree:
        return (
            f"Trên cơ sở báo cáo của các sở, ngành, {meta.agency_name} báo cáo kết quả thực "
            f"hiện {wording.period_phrase(meta.period_code)} như sau:"
        )
    return wording.intro(
        meta.agency_name, meta.plan_number, meta.plan_issued_on, meta.plan_title, meta.period_code
    )


def _by_unit(units: list[UnitRow], field: str) -> str:
    lines = []
    for unit in units:
        text = " ".join((getattr(unit, field) or "").split())
        if text:
            lines.append(f"- {unit.name}: {text}")
    return "\n".join(lines)


def _unfinished(data: ConsolidationInput) -> str:
    open_tasks = [t for t in data.tasks if t.status not in (DONE, CANCELLED)]
    lines = [f"- Tiếp tục thực hiện: {t.title} ({t.lead_unit or 'chưa giao'})." for t in open_tasks]
    return "\n".join(lines)


def consolidated_report_for(*, period: ReportingPeriod, user) -> ConsolidatedReport:
    """The period's narrative, created with drafted defaults the first time it is opened."""
    _require_manager(user, period.plan)
    existing = ConsolidatedReport.objects.filter(period=period).first()
    if existing is not None:
        return existing
    try:
        return _create_drafted(period, user)
    except IntegrityError:
        # Two people opened the page at once: the other one's draft stands.
        return ConsolidatedReport.objects.get(period=period)


@transaction.atomic
def _create_drafted(period: ReportingPeriod, user) -> ConsolidatedReport:
    period = loader.periods_for_consolidation().get(pk=period.pk)
    draft = draft_narrative(loader.load_period(period))
    report = ConsolidatedReport(period=period, agency=period.plan.agency, updated_by=user)
    for name in NARRATIVE_FIELDS:
        setattr(report, name, getattr(draft, name))
    report._history_user = user
    report.full_clean(validate_unique=False)  # the database says it, see the except above
    report.save()
    return report


@transaction.atomic
def consolidated_report_update(*, report: ConsolidatedReport, user, **fields) -> ConsolidatedReport:
    """The leadership's edits to the narrative; only the narrative fields can change."""
    _require_manager(user, report.period.plan)
    unknown = set(fields) - set(NARRATIVE_FIELDS)
    if unknown:
        raise TypeError(f"not narrative fields: {', '.join(sorted(unknown))}")
    for name, value in fields.items():
        setattr(report, name, value)
    report.updated_by, report._history_user = user, user
    report.full_clean()
    report.save()
    return report


def consolidation_export(*, period: ReportingPeriod, user) -> Consolidation:
    """The consolidation, for someone allowed to download it."""
    _require_manager(user, period.plan)
    return consolidate_period(period)


# Up the tree --------------------------------------------------------------------------------


def consolidate_agency(
    agency: Agency,
    code: str,
    *,
    parent_plan: Plan | None = None,
    issuer: Agency | None = None,
    today: datetime.date | None = None,
) -> Consolidation:
    """The province's report for a period code: one row per department below `agency` that
    runs a period of that code on a plan in force or closed (drafts are left out); with
    `parent_plan`, only plans made to carry it out (their parent). Each department counts
    with its own consolidated figures; the narrative is drafted from theirs. The report is
    issued in the name of `issuer` (e.g. the Department of Home Affairs that coordinates),
    the agency itself by default."""
    found = list(_department_periods(agency, code, parent_plan))
    inputs = loader.load_periods(found, today)
    narratives = loader.load_narratives([p.pk for p in found])
    parts = []
    for period in found:
        data = inputs[period.pk]
        figures = aggregate(data)
        theirs = narratives.get(period.pk) or Narrative()
        parts.append(
            PartRow(
                name=data.meta.agency_name,
                figures=figures,
                shortcomings=theirs.shortcomings,
                proposals=theirs.proposals,
                tasks=data.tasks,
            )
        )
    data = ConsolidationInput(
        meta=_agency_meta(issuer or agency, code),
        dimensions=_merged_dimensions(inputs.values()),
        units=[_department_row(part) for part in parts],
        parts=parts,
        services=[
            row for period in found if (row := _department_services(inputs[period.pk])) is not None
        ],
        contributions=_contributions(agency, found),
    )
    narrative = draft_narrative(data)
    narrative.shortcomings = _by_part(parts, "shortcomings")
    narrative.proposals = _by_part(parts, "proposals")
    return Consolidation(data, aggregate(data), narrative)


def _contributions(agency: Agency, periods: list) -> dict:
    """Other apps' lines over the departments' window, for the whole agency at once."""
    if not periods:
        return {}
    start = min(p.starts_on for p in periods)
    end = max(p.ends_on for p in periods)
    return contributions.lines_for(agency=agency, start=start, end=end)


def _department_services(data: ConsolidationInput) -> ServiceRow | None:
    """A department's one-stop dossiers: the sum of its units' rows (none without any)."""
    if not data.services:
        return None
    return ServiceRow(
        unit=data.meta.agency_name,
        **{
            name: sum(getattr(row, name) for row in data.services)
            for name in ("processed", "late", "rated", "satisfied", "received")
        },
    )


def _department_periods(agency: Agency, code: str, parent_plan: Plan | None):
    below = Agency.objects.subtree_ids(agency) - {agency.pk}
    periods = (
        loader.periods_for_consolidation()
        .filter(code=code, plan__agency_id__in=below)
        .exclude(plan__status=PlanStatus.DRAFT)
        .order_by("plan__agency__order", "plan__agency__name", "plan_id")
    )
    if parent_plan is not None:
        periods = periods.filter(plan__parent=parent_plan)
    return periods


def _agency_meta(agency: Agency, code: str) -> Meta:
    parent = agency.parent
    return Meta(
        agency_name=agency.name,
        agency_code=agency.code,
        period_code=code,
        parent_body=wording.parent_body(parent.name) if parent else "",
        province_name=wording.province_place(agency.name if parent is None else parent.name),
        recipients=[],
    )


def _merged_dimensions(inputs) -> list:
    """Every department's lines, once each: groups without a dimension first, then the
    dimensions by their code."""
    seen = {}
    for data in inputs:
        for info in data.dimensions:
            seen.setdefault(info.key, info)
    return sorted(seen.values(), key=_dimension_rank)


def _dimension_rank(info) -> tuple:
    if not info.code:
        return (0, info.order, "")
    number = info.code.split(".")[0]
    return (1, int(number) if number.isdigit() else 99, info.code)


def _department_row(part: PartRow) -> UnitRow:
    """A department's line of completeness: its units' reports, summed."""
    return sum_units(part.figures.units, name=part.name)


def _by_part(parts: list[PartRow], field: str) -> str:
    blocks = []
    for part in parts:
        text = (getattr(part, field) or "").strip()
        if text:
            blocks.append(f"- {part.name}:\n{text}")
    return "\n".join(blocks)


def consolidation_agency_export(*, agency: Agency, code: str, user) -> Consolidation:
    """consolidate_agency, for someone who manages the agency (its leaders, office
    coordinators and administrators)."""
    if not Access.for_user(user).can_manage_agency(agency.pk):
        raise PermissionDenied(_("Only the agency's leadership and office consolidate up."))
    return consolidate_agency(agency, code)
