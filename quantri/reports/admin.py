from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from quantri.reports.models import (
    ConsolidatedReport,
    Notification,
    ReportingPeriod,
    ReportingRegime,
    ReportRequest,
    TaskReport,
    UnitReport,
)


@admin.register(ReportingRegime)
class ReportingRegimeAdmin(SimpleHistoryAdmin):
    list_display = ["plan", "frequency", "deadline_rule", "deadline_days", "deadline_day"]
    list_filter = ["frequency"]


@admin.register(ReportingPeriod)
class ReportingPeriodAdmin(SimpleHistoryAdmin):
    list_display = ["code", "plan", "starts_on", "ends_on", "deadline", "status"]
    list_filter = ["status"]


@admin.register(ReportRequest)
class ReportRequestAdmin(admin.ModelAdmin):
    list_display = ["period", "unit", "created_at"]
    list_select_related = ["period", "unit"]


class TaskReportInline(admin.StackedInline):
    model = TaskReport
    extra = 0


@admin.register(UnitReport)
class UnitReportAdmin(SimpleHistoryAdmin):
    list_display = ["request", "status", "submitted_at", "is_late", "accepted_at"]
    list_filter = ["status", "is_late"]
    inlines = [TaskReportInline]


@admin.register(ConsolidatedReport)
class ConsolidatedReportAdmin(SimpleHistoryAdmin):
    list_display = ["period", "agency", "number", "issued_on"]


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["user", "text", "created_at", "read_at"]
