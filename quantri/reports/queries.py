"""What the office reads: completeness and timeliness of a period (DHIS2's reporting rate and
on-time rate), the overdue tasks behind them, the people to remind. Each function runs a fixed
number of queries, however many units report."""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone

from quantri.core.worklists import due_first
from quantri.orgs.access import MANAGER_ROLES, TASK_ROLES
from quantri.orgs.models import Membership, Role
from quantri.plans.models import Task
from quantri.reports.models import ReportingPeriod, ReportRequest, ReportStatus

# How a request stands, from the office's side.
MISSING, RETURNED, SUBMITTED, ACCEPTED = "missing", "returned", "submitted", "accepted"


@dataclass
class UnitCompleteness:
    request: ReportRequest
    state: str  # MISSING (no report or a draft), RETURNED, SUBMITTED, ACCEPTED
    is_late: bool  # submitted late, or still missing after the deadline
    overdue_tasks: list[Task] = field(default_factory=list)

    @property
    def unit(self):
        return self.request.unit

    @property
    def report(self):
        return getattr(self.request, "report", None)

    @property
    def has_submitted(self) -> bool:
        return self.state in (SUBMITTED, ACCEPTED)

    @property
    def on_time(self) -> bool:
        return self.has_submitted and not self.is_late


@dataclass
class Completeness:
    """Counts for a period. expected = submitted + returned + missing."""

    expected: int = 0
    submitted: int = 0  # submitted or accepted
    accepted: int = 0
    on_time: int = 0
    late: int = 0  # submitted after the deadline
    missing: int = 0  # nothing submitted (no report, or only a draft)
    overdue_missing: int = 0  # missing and past the deadline
    returned: int = 0
    units: list[UnitCompleteness] = field(default_factory=list)

    @property
    def reporting_rate(self) -> int:
        """Share of expected reports submitted, in % (DHIS2's reporting rate)."""
        return _percent(self.submitted, self.expected)

    @property
    def on_time_rate(self) -> int:
        """Share of expected reports submitted by the deadline, in %."""
        return _percent(self.on_time, self.expected)

    @property
    def overdue_tasks(self) -> list[Task]:
        return [task for row in self.units for task in row.overdue_tasks]


def _percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


def state_of(report) -> str:
    if report is None or report.status == ReportStatus.DRAFT:
        return MISSING
    return {
        ReportStatus.RETURNED: RETURNED,
        ReportStatus.SUBMITTED: SUBMITTED,
        ReportStatus.ACCEPTED: ACCEPTED,
    }[report.status]


def completeness(period: ReportingPeriod, today: datetime.date | None = None) -> Completeness:
    """Two queries: the requests with their reports, and the plan's overdue tasks."""
    today = today or timezone.localdate()
    requests = (
        ReportRequest.objects.filter(period=period)
        .select_related("unit", "report")
        .order_by("unit__order", "unit__name")
    )
    overdue = _overdue_by_unit(period, today)
    result = Completeness()
    for request in requests:
        report = getattr(request, "report", None)
        state = state_of(report)
        late = (
            bool(report and report.is_late)
            if state in (SUBMITTED, ACCEPTED)
            else (today > period.deadline)
        )
        row = UnitCompleteness(request, state, late, overdue.get(request.unit_id, []))
        _count(result, row)
        result.units.append(row)
    return result


def _count(result: Completeness, row: UnitCompleteness) -> None:
    result.expected += 1
    if row.has_submitted:
        result.submitted += 1
        result.accepted += row.state == ACCEPTED
        result.on_time += not row.is_late
        result.late += row.is_late
    elif row.state == RETURNED:
        result.returned += 1
    else:
        result.missing += 1
        result.overdue_missing += row.is_late


def overdue_as_of(period: ReportingPeriod, today: datetime.date) -> datetime.date:
    """The day a period's overdue tasks are judged on: today while it runs, the day after its
    last day once it has ended (a report covers the period, not whatever happened since)."""
    return min(today, period.ends_on + datetime.timedelta(days=1))


def _overdue_by_unit(period: ReportingPeriod, today: datetime.date) -> dict[int, list[Task]]:
    as_of = overdue_as_of(period, today)
    tasks = Task.objects.filter(group__plan_id=period.plan_id, lead_unit__isnull=False)
    tasks = (
        (tasks.overdue(today) if as_of == today else tasks.overdue_at(as_of))
        .select_related("group__plan", "lead_unit")
        .order_by("due_on", "group__order", "order")
    )
    by_unit: dict[int, list[Task]] = {}
    for task in tasks:
        by_unit.setdefault(task.lead_unit_id, []).append(task)
    return by_unit


def requests_for_units(unit_ids):
    """ "My unit's reports": those still to write (none yet, a draft, returned) by deadline,
    the nearest first; submitted and accepted ones after them."""
    requests = ReportRequest.objects.filter(unit_id__in=unit_ids).select_related(
        "unit", "period__plan", "report"
    )
    to_write = Q(report__isnull=True) | Q(
        report__status__in=[ReportStatus.DRAFT, ReportStatus.RETURNED]
    )
    return due_first(
        requests,
        open_when=to_write,
        due="period__deadline",
        then=("-period__ends_on", "unit__order"),
    )


def _users(memberships):
    return (
        get_user_model()
        .objects.filter(is_active=True, pk__in=memberships.values("user_id"))
        .distinct()
    )


def unit_users(unit_id: int, roles=TASK_ROLES):
    """People of a unit who write its reports (staff and head by default)."""
    return _users(Membership.objects.active().filter(agency_id=unit_id, role__in=roles))


def agency_or_office_q(agency_ids) -> Q:
    """Memberships held in these agencies or in the office unit right below one of them (the
    Department Office acts for the department)."""
    ids = list(agency_ids)
    return Q(agency_id__in=ids) | Q(agency__parent_id__in=ids, agency__kind="office")


def office_users(agency_id: int):
    """Office coordinators of an agency: held in the agency itself or in its office."""
    memberships = Membership.objects.active().filter(
        agency_or_office_q([agency_id]), role=Role.OFFICE_COORDINATOR
    )
    return _users(memberships)


def report_managers(agency_id: int):
    """Everyone who may accept or return an agency's reports."""
    memberships = Membership.objects.active().filter(
        agency_or_office_q([agency_id]), role__in=MANAGER_ROLES
    )
    return _users(memberships)


def pending_requests(today: datetime.date, days: int):
    """Requests of open periods not yet submitted whose deadline is within `days` days or
    past: what `quantri remind` chases."""
    return (
        ReportRequest.objects.filter(
            period__status="open", period__deadline__lte=today + datetime.timedelta(days)
        )
        .filter(
            Q(report__isnull=True)
            | Q(report__status__in=[ReportStatus.DRAFT, ReportStatus.RETURNED])
        )
        .select_related("unit", "period__plan", "report")
        .order_by("period__deadline", "unit__order")
    )
