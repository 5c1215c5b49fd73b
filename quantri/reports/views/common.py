"""What every reports page shares: finding a request the user may see, the unread count."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from quantri.orgs.access import Access
from quantri.reports.models import Notification, ReportRequest


def page(request, **context) -> dict:
    """The context of a reports page, with the user's unread notification count."""
    unread = Notification.objects.filter(user=request.user).unread().count()
    return {"unread_notifications": unread, **context}


def visible_request(request, pk: int) -> tuple[ReportRequest, Access]:
    """The report request if the user may read it (404 otherwise: another unit's draft does
    not even exist for them)."""
    report_request = get_object_or_404(
        ReportRequest.objects.select_related("unit", "period__plan__agency", "report"), pk=pk
    )
    access = Access.for_request(request)
    report = getattr(report_request, "report", None)
    if not access.can_view_unit_report(report_request, report.status if report else None):
        raise Http404
    return report_request, access


def report_of(report_request):
    return getattr(report_request, "report", None)
