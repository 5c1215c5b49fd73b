"""Reporting regimes and periods: set up by the office, opened for the plan's units."""

import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from quantri.core.calendar import working_calendar
from quantri.orgs.models import Agency
from quantri.plans.models import Plan, ReportingRule, Task, TaskStatus
from quantri.reports import periods
from quantri.reports.models import (
    DeadlineRule,
    PeriodStatus,
    ReportingPeriod,
    ReportingRegime,
    ReportRequest,
)
from quantri.reports.services.common import access_of as _access
from quantri.reports.services.common import period_code_error
from quantri.reports.services.common import require as _require

# Regimes -------------------------------------------------------------------------------------


@transaction.atomic
def regime_from_rule(*, rule: ReportingRule, user, deadline_days: int = 5) -> ReportingRegime:
    """The regime for a reporting duty the plan sets; the existing one when there is one."""
    _require(_access(user).can_manage_reports(rule.plan), _("Only the office sets up reporting."))
    regime = ReportingRegime.objects.filter(plan=rule.plan, frequency=rule.frequency).first()
    if regime is not None:
        return regime
    regime = ReportingRegime(
        plan=rule.plan,
        rule=rule,
        frequency=rule.frequency,
        deadline_days=deadline_days,
        receiving_body=rule.to_text,
        via_unit=rule.via_unit,
        content=rule.due_text,
    )
    return _save_regime(regime, user)


@transaction.atomic
def regime_save(
    *,
    plan: Plan,
    user,
    frequency: str,
    deadline_rule: str = DeadlineRule.AFTER_CUTOFF,
    deadline_days: int = 5,
    deadline_day: int | None = None,
    counts_working_days: bool = True,
    receiving_body: str = "",
    via_unit: Agency | None = None,
    title: str = "",
    content: str = "",
) -> ReportingRegime:
    """Set a plan's regime for a frequency by hand (creating or changing it)."""
    _require(_access(user).can_manage_reports(plan), _("Only the office sets up reporting."))
    regime = ReportingRegime.objects.filter(plan=plan, frequency=frequency).first()
    regime = regime or ReportingRegime(plan=plan, frequency=frequency)
    regime.deadline_rule, regime.deadline_days = deadline_rule, deadline_days
    regime.deadline_day, regime.counts_working_days = deadline_day, counts_working_days
    regime.receiving_body, regime.via_unit = receiving_body, via_unit
    regime.title, regime.content = title, content
    return _save_regime(regime, user)


def _save_regime(regime: ReportingRegime, user) -> ReportingRegime:
    regime._history_user = user
    regime.full_clean()
    regime.save()
    return regime


def regimes_for_plan(*, plan: Plan, user) -> list[ReportingRegime]:
    """The plan's regimes, made from its reporting duties the first time they are needed."""
    for rule in plan.reporting_rules.exclude(
        frequency__in=plan.reporting_regimes.values("frequency")
    ):
        regime_from_rule(rule=rule, user=user)
    return list(plan.reporting_regimes.order_by("frequency"))


# Periods -------------------------------------------------------------------------------------


def reporting_units(plan: Plan) -> list[Agency]:
    """Every unit that leads or supports a task of the plan (cancelled tasks aside)."""
    tasks = Task.objects.filter(group__plan=plan).exclude(status=TaskStatus.CANCELLED)
    return list(
        Agency.objects.filter(
            Q(pk__in=tasks.values("lead_unit")) | Q(pk__in=tasks.values("support_units"))
        )
        .exclude(pk=plan.agency_id)
        .order_by("order", "name")
    )


def period_dates(
    *, regime: ReportingRegime, code: str, calendar=None
) -> tuple[periods.PeriodCode, datetime.date, datetime.date, datetime.date]:
    """The code read for the regime's frequency, its cut-off window and its deadline."""
    try:
        period = periods.parse_code_for(code, regime.frequency)
    except periods.PeriodCodeError as exc:
        raise period_code_error(exc) from None
    starts_on, ends_on = periods.window(period)
    deadline = periods.deadline(ends_on, regime.deadline_policy(), calendar or working_calendar())
    return period, starts_on, ends_on, deadline


@transaction.atomic
def period_open(
    *,
    regime: ReportingRegime,
    code: str,
    user,
    deadline: datetime.date | None = None,
    calendar=None,
) -> ReportingPeriod:
    """Open a period and request a report from every unit of the plan's tasks.

    Idempotent: opening it again adds requests for units given tasks since, nothing else.
    """
    plan = regime.plan
    _require(_access(user).can_manage_reports(plan), _("Only the office opens periods."))
    parsed, starts_on, ends_on, computed = period_dates(regime=regime, code=code, calendar=calendar)
    period = ReportingPeriod.objects.filter(plan=plan, code=str(parsed)).first()
    if period is None:
        period = ReportingPeriod(
            regime=regime,
            plan=plan,
            code=str(parsed),
            starts_on=starts_on,
            ends_on=ends_on,
            deadline=deadline or computed,
            opened_by=user,
        )
        period._history_user = user
        period.full_clean()
        period.save()
    existing = set(period.requests.values_list("unit_id", flat=True))
    ReportRequest.objects.bulk_create(
        ReportRequest(period=period, unit=unit)
        for unit in reporting_units(plan)
        if unit.pk not in existing
    )
    return period


@transaction.atomic
def period_set_dates(
    *,
    period: ReportingPeriod,
    user,
    starts_on: datetime.date,
    ends_on: datetime.date,
    deadline: datetime.date,
) -> ReportingPeriod:
    """Change a period's window or deadline (a body may grant more time)."""
    _require(_access(user).can_manage_reports(period.plan), _("Only the office changes periods."))
    period.starts_on, period.ends_on, period.deadline = starts_on, ends_on, deadline
    period._history_user = user
    period.full_clean()
    period.save(update_fields=["starts_on", "ends_on", "deadline"])
    return period


@transaction.atomic
def period_close(*, period: ReportingPeriod, user) -> ReportingPeriod:
    """No more drafts or submissions; the office may still accept what was submitted."""
    _require(_access(user).can_manage_reports(period.plan), _("Only the office closes periods."))
    period.status, period.closed_at = PeriodStatus.CLOSED, timezone.now()
    period._history_user = user
    period.save(update_fields=["status", "closed_at"])
    return period


@transaction.atomic
def period_reopen(*, period: ReportingPeriod, user) -> ReportingPeriod:
    _require(_access(user).can_manage_reports(period.plan), _("Only the office opens periods."))
    period.status, period.closed_at = PeriodStatus.OPEN, None
    period._history_user = user
    period.save(update_fields=["status", "closed_at"])
    return period
