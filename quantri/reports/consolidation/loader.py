"""ConsolidationInput from the database, in a fixed number of queries however many units,
tasks or departments there are: every query fetches flat values() for all the periods at once,
and the rows are put together in memory."""

import datetime
from collections import defaultdict

from django.utils import timezone

from quantri.core.text import fold
from quantri.dossiers.service_figures import unit_service_figures
from quantri.orgs.models import AgencyKind, AgencyName, NameBook
from quantri.plans.models import Task, TaskGroup
from quantri.reports import contributions
from quantri.reports.consolidation import wording
from quantri.reports.consolidation.data import (
    ACCEPTED,
    MISSING,
    RETURNED,
    SUBMITTED,
    ConsolidationInput,
    DimensionInfo,
    Meta,
    Narrative,
    ServiceRow,
    TaskRow,
    UnitResult,
    UnitRow,
)
from quantri.reports.models import ConsolidatedReport, ReportingPeriod, ReportRequest, TaskReport

PERIOD_RELATIONS = ("plan__agency__parent__parent", "regime")
_STATE = {
    None: MISSING,
    "draft": MISSING,
    "returned": RETURNED,
    "submitted": SUBMITTED,
    "accepted": ACCEPTED,
}


def load_period(period: ReportingPeriod, today: datetime.date | None = None) -> ConsolidationInput:
    data = load_periods([period], today)[period.pk]
    data.contributions = contributions.lines_for(
        agency=period.plan.agency, start=period.starts_on, end=period.ends_on
    )
    return data


def load_periods(
    periods: list[ReportingPeriod], today: datetime.date | None = None
) -> dict[int, ConsolidationInput]:
    """One input per period. Periods must come with PERIOD_RELATIONS selected (see
    periods_for_consolidation) so that reading their plan and agency costs nothing."""
    today = today or timezone.localdate()
    plan_ids = {p.plan_id for p in periods}
    by_plan = {p.plan_id: p.pk for p in periods}
    dimensions, group_keys = _dimensions(plan_ids)
    days = {p.pk: p.ends_on for p in periods}
    results = _results([p.pk for p in periods])
    task_rows = list(_task_values(plan_ids))
    request_rows = list(_request_values({p.pk: p.deadline for p in periods}))
    book = _former_names(periods, task_rows, results, request_rows)
    _names_as_of(book, days, by_plan, task_rows, results, request_rows)
    inputs = {
        p.pk: ConsolidationInput(meta=_meta(p, book), dimensions=dimensions[p.plan_id])
        for p in periods
    }
    for row in task_rows:
        period_id = by_plan[row["group__plan_id"]]
        inputs[period_id].tasks.append(_task(row, group_keys, results[period_id]))
    deadlines = {p.pk: p.deadline for p in periods}
    requested: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for row in request_rows:
        inputs[row["period_id"]].units.append(_unit(row, deadlines[row["period_id"]], today))
        requested[row["period_id"]].append((row["unit_id"], row["unit__name"]))
    _add_services(periods, inputs, requested)
    return inputs


def _former_names(periods, task_rows, results, request_rows) -> NameBook:
    """One read of the former names of every unit the reports name, the reporting agencies
    and the bodies above them included."""
    ids = {r["lead_unit_id"] for r in task_rows} | {r["unit_id"] for r in request_rows}
    for by_task in results.values():
        ids |= {r["report__request__unit_id"] for rows in by_task.values() for r in rows}
    for period in periods:
        agency = period.plan.agency
        ids |= {agency.pk, agency.parent_id, agency.parent and agency.parent.parent_id}
    return AgencyName.objects.book(ids - {None})


def _names_as_of(book: NameBook, days, by_plan, task_rows, results, request_rows) -> None:
    """Units renamed since a period show the name they carried at its end (the report is
    about them as they were then): the rows' names are rewritten from the former names."""
    if not book.names:
        return
    for row in task_rows:
        day = days[by_plan[row["group__plan_id"]]]
        if row["lead_unit__name"]:
            row["lead_unit__name"] = book.on(row["lead_unit_id"], day, row["lead_unit__name"])
    for period_id, by_task in results.items():
        for rows in by_task.values():
            for r in rows:
                current = r["report__request__unit__name"]
                r["report__request__unit__name"] = book.on(
                    r["report__request__unit_id"], days[period_id], current
                )
    for row in request_rows:
        day = days[row["period_id"]]
        row["unit__name"] = book.on(row["unit_id"], day, row["unit__name"])


def _add_services(periods, inputs: dict, requested: dict[int, list[tuple[int, str]]]) -> None:
    """Each requested unit's one-stop figures over its period's window, for units that
    handled dossiers: one read per distinct window (the departments' periods of one code
    share theirs), so the query count stays fixed."""
    windows: dict[tuple, list[int]] = defaultdict(list)
    for period in periods:
        windows[(period.starts_on, period.ends_on)].append(period.pk)
    for (start, end), period_ids in windows.items():
        unit_ids = {unit_id for pk in period_ids for unit_id, _ in requested[pk]}
        found = unit_service_figures(unit_ids, start, end) if unit_ids else {}
        for pk in period_ids:
            inputs[pk].services = [
                _service_row(name, found[unit_id])
                for unit_id, name in requested[pk]
                if not found[unit_id].is_empty
            ]


def _service_row(name: str, figures) -> ServiceRow:
    return ServiceRow(
        unit=name,
        processed=figures.processed,
        late=figures.late,
        rated=figures.rated,
        satisfied=figures.satisfied,
        received=figures.received,
    )


def periods_for_consolidation():
    return ReportingPeriod.objects.select_related(*PERIOD_RELATIONS)


def _meta(period: ReportingPeriod, book: NameBook) -> Meta:
    plan = period.plan
    agency = plan.agency
    parent = agency.parent
    province = _province(agency)

    def then(unit) -> str:
        return book.on(unit.pk, period.ends_on, unit.name)

    return Meta(
        agency_name=then(agency),
        agency_code=agency.code,
        period_code=period.code,
        parent_body=wording.parent_body(then(parent)) if parent else "",
        province_name=wording.province_place(then(province)),
        plan_title=plan.title,
        plan_number=plan.number,
        plan_issued_on=plan.issued_on,
        plan_year=plan.year,
        period_starts_on=period.starts_on,
        period_ends_on=period.ends_on,
        deadline=period.deadline,
        recipients=list(plan.recipients or []),
        signer_name=plan.signer_name,
        signer_position=plan.signer_position,
        signer_authority=plan.signer_authority,
        place=plan.place,
    )


def _province(agency):
    """The province above an agency (as far as the selected relations reach)."""
    node = agency
    for _ in range(2):
        if node.kind == AgencyKind.PROVINCE or node.parent is None:
            return node
        node = node.parent
    return node


def _dimensions(plan_ids) -> tuple[dict[int, list[DimensionInfo]], dict[int, str]]:
    """Each plan's result lines in the plan's order, and each group's line key. Groups of one
    dimension share its line; a group with none is a line of its own."""
    rows = (
        TaskGroup.objects.filter(plan_id__in=plan_ids)
        .order_by("plan_id", "order")
        .values("id", "plan_id", "order", "title", "dimension__code", "dimension__name")
    )
    infos: dict[int, dict[str, DimensionInfo]] = defaultdict(dict)
    keys: dict[int, str] = {}
    for row in rows:
        code = row["dimension__code"] or ""
        key = dimension_key(code, row["title"])
        keys[row["id"]] = key
        if key not in infos[row["plan_id"]]:
            name = row["dimension__name"] if code else row["title"]
            infos[row["plan_id"]][key] = DimensionInfo(key, name, code, row["order"])
    return {plan_id: list(infos[plan_id].values()) for plan_id in plan_ids}, keys


def dimension_key(code: str, group_title: str) -> str:
    """Dimensions match by code across plans; groups without one by their folded title, so
    two departments' "Công tác chỉ đạo, điều hành" meet on one line at the province."""
    return f"d:{code}" if code else f"g:{fold(group_title).strip(' .:;')}"


def _task_values(plan_ids):
    return (
        Task.objects.filter(group__plan_id__in=plan_ids)
        .order_by("group__plan_id", "group__order", "order")
        .values(
            "id",
            "group_id",
            "group__plan_id",
            "group__order",
            "group__title",
            "order",
            "title",
            "lead_unit_id",
            "lead_unit__name",
            "lead_text",
            "status",
            "progress",
            "weight",
        )
    )


def _results(period_ids) -> dict[int, dict[int, list]]:
    """Per period and task: what units reported, from submitted or accepted reports only
    (a draft is the unit's own, a returned report is being corrected)."""
    rows = (
        TaskReport.objects.filter(
            report__request__period_id__in=period_ids,
            report__status__in=[SUBMITTED, ACCEPTED],
        )
        .order_by("report__request__unit__order", "report__request__unit__name", "pk")
        .values(
            "task_id",
            "report__request__period_id",
            "report__request__unit_id",
            "report__request__unit__name",
            "report__status",
            "status",
            "progress",
            "done",
            "figures",
            "difficulties",
            "proposals",
        )
    )
    results: dict[int, dict[int, list]] = {pk: defaultdict(list) for pk in period_ids}
    for row in rows:
        results[row["report__request__period_id"]][row["task_id"]].append(row)
    return results


def _task(row: dict, group_keys: dict[int, str], reported: dict[int, list]) -> TaskRow:
    """A task as the period's reports left it: the lead unit's reported status and progress
    when it reported, the task's own otherwise."""
    lead_id = row["lead_unit_id"]
    rows = reported.get(row["id"], [])
    lead = next((r for r in rows if r["report__request__unit_id"] == lead_id), None)
    source = lead or row
    results = [_result(r, lead_id) for r in rows]
    results.sort(key=lambda r: not r.is_lead)
    return TaskRow(
        key=group_keys[row["group_id"]],
        number=f"{row['group__order']}.{row['order']}",
        title=row["title"],
        lead_unit=row["lead_unit__name"] or row["lead_text"],
        status=source["status"],
        progress=source["progress"],
        weight=row["weight"],
        group_title=row["group__title"],
        results=results,
    )


def _result(row: dict, lead_id: int | None) -> UnitResult:
    return UnitResult(
        unit=row["report__request__unit__name"],
        done=row["done"],
        figures=row["figures"] or {},
        difficulties=row["difficulties"],
        proposals=row["proposals"],
        is_lead=row["report__request__unit_id"] == lead_id,
        accepted=row["report__status"] == ACCEPTED,
    )


def _request_values(deadlines: dict[int, datetime.date]):
    return (
        ReportRequest.objects.filter(period_id__in=list(deadlines))
        .order_by("period_id", "unit__order", "unit__name")
        .values(
            "period_id",
            "unit_id",
            "unit__name",
            "report__status",
            "report__is_late",
            "report__difficulties",
            "report__proposals",
        )
    )


def _unit(row: dict, deadline: datetime.date, today: datetime.date) -> UnitRow:
    """As the office's completeness view counts it (quantri.reports.queries.completeness):
    a sent report is late if it was sent late, a missing one once the deadline has passed."""
    state = _STATE[row["report__status"]]
    sent = state in (SUBMITTED, ACCEPTED)
    is_late = bool(row["report__is_late"]) if sent else today > deadline
    texts = {}
    if sent:
        texts = {
            "difficulties": row["report__difficulties"] or "",
            "proposals": row["report__proposals"] or "",
        }
    return UnitRow.for_request(row["unit__name"], state, is_late, **texts)


def load_narratives(period_ids) -> dict[int, Narrative]:
    reports = ConsolidatedReport.objects.filter(period_id__in=period_ids)
    return {report.period_id: narrative_of(report) for report in reports}


def narrative_of(report: ConsolidatedReport) -> Narrative:
    return Narrative(
        number=report.number,
        issued_on=report.issued_on,
        place=report.place,
        summary=report.summary,
        results_intro=report.results_intro,
        shortcomings=report.shortcomings,
        causes=report.causes,
        next_tasks=report.next_tasks,
        proposals=report.proposals,
        recipients=[str(r) for r in (report.recipients or [])],
        signer_name=report.signer_name,
        signer_position=report.signer_position,
        signer_authority=report.signer_authority,
    )
