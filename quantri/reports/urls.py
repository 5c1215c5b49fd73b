from django.shortcuts import redirect
from django.urls import path

from quantri.reports.views import offline, periods, unit_reports

app_name = "reports"


def _notifications_moved(request):
    """The reports' own notifications page gave way to the one of every app (issue 16): old
    links and bookmarks land there."""
    return redirect("notifications:list", permanent=True)


urlpatterns = [
    path("", unit_reports.my_reports, name="my_reports"),
    path("periods/", periods.overview, name="overview"),
    path("plans/<int:pk>/", periods.plan_periods, name="plan_periods"),
    path("plans/<int:pk>/open/", periods.period_open, name="period_open"),
    path("plans/<int:pk>/regime/", periods.regime_save, name="regime_save"),
    path("periods/<int:pk>/", periods.period_detail, name="period_detail"),
    path("periods/<int:pk>/status/", periods.period_status, name="period_status"),
    path("requests/<int:pk>/remind/", periods.request_remind, name="request_remind"),
    path("requests/<int:pk>/", unit_reports.unit_report, name="unit_report"),
    path("requests/<int:pk>/review/", unit_reports.report_review, name="report_review"),
    path("requests/<int:pk>/history/", unit_reports.report_history, name="report_history"),
    path("requests/<int:pk>/template.xlsx", offline.report_template, name="report_template"),
    path("requests/<int:pk>/upload/", offline.report_upload, name="report_upload"),
    path("evidence/<int:pk>/", unit_reports.evidence_file, name="evidence_file"),
    path("notifications/", _notifications_moved, name="notifications"),
]


def consolidation_urlpatterns():
    """The consolidated report's pages live in their own module (quantri.reports.consolidation),
    added here when present."""
    try:
        from quantri.reports.urls_consolidation import urlpatterns
    except ModuleNotFoundError as exc:
        if exc.name != "quantri.reports.urls_consolidation":
            raise  # a broken module should fail loudly, not vanish from the site
        return []
    return urlpatterns


urlpatterns += consolidation_urlpatterns()
