"""A merged unit's pending report requests go to its successor (orgs.successions calls this
on a merge): requests of open periods whose report is not yet sent, or was returned, move
with their draft. Sent and accepted reports, and closed periods, stay under the old unit."""

import datetime

from django.db.models import Q
from django.utils.translation import gettext as _

from quantri.orgs.models import Agency
from quantri.orgs.successions import Handover
from quantri.reports.models import PeriodStatus, ReportRequest, ReportStatus


def pending_requests(unit: Agency):
    pending = Q(report__isnull=True) | Q(
        report__status__in=[ReportStatus.DRAFT, ReportStatus.RETURNED]
    )
    return (
        ReportRequest.objects.filter(unit=unit, period__status=PeriodStatus.OPEN)
        .filter(pending)
        .select_related("period__plan")
        .order_by("period__deadline", "pk")
    )


def requests_hand_over(
    *, unit: Agency, successor: Agency, on: datetime.date, user, reason: str, apply: bool
) -> list[Handover]:
    # A period that already asks the successor for a report keeps one request per unit (the
    # database's rule): the merged unit's request there stays where it is.
    asked = set(ReportRequest.objects.filter(unit=successor).values_list("period_id", flat=True))
    moving = [r for r in pending_requests(unit) if r.period_id not in asked]
    if apply and moving:
        ReportRequest.objects.filter(pk__in=[r.pk for r in moving]).update(unit=successor)
    return [Handover(_("Pending report requests"), [_name(r) for r in moving])]


def _name(request: ReportRequest) -> str:
    plan = request.period.plan
    return f"{request.period.code} — {plan.number or plan.title[:60]}"
