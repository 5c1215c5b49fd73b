from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from quantri.plans.models import (
    Evidence,
    Plan,
    PlanImport,
    ProgressUpdate,
    ReportingRule,
    Task,
    TaskGroup,
)


class TaskGroupInline(admin.TabularInline):
    model = TaskGroup
    extra = 0
    fields = ["order", "title", "dimension"]
    show_change_link = True


class ReportingRuleInline(admin.TabularInline):
    model = ReportingRule
    extra = 0


@admin.register(Plan)
class PlanAdmin(SimpleHistoryAdmin):
    list_display = ["number", "title", "agency", "year", "issued_on", "status", "is_published"]
    list_filter = ["status", "is_published", "year", "framework"]
    search_fields = ["number", "title", "issuer"]
    autocomplete_fields = ["agency", "parent"]
    list_select_related = ["agency"]
    inlines = [TaskGroupInline, ReportingRuleInline]


class TaskInline(admin.TabularInline):
    model = Task
    extra = 0
    fields = ["order", "title", "lead_unit", "due_on", "status", "progress", "weight"]
    autocomplete_fields = ["lead_unit"]
    show_change_link = True


@admin.register(TaskGroup)
class TaskGroupAdmin(SimpleHistoryAdmin):
    list_display = ["title", "plan", "order", "dimension"]
    list_filter = ["dimension"]
    search_fields = ["title", "plan__number", "plan__title"]
    list_select_related = ["plan", "dimension"]
    inlines = [TaskInline]


@admin.register(Task)
class TaskAdmin(SimpleHistoryAdmin):
    list_display = ["title", "lead_unit", "due_on", "status", "progress"]
    list_filter = ["status", "recurrence", "group__plan"]
    search_fields = ["title", "description", "lead_text"]
    autocomplete_fields = ["lead_unit", "support_units"]
    list_select_related = ["lead_unit"]


class EvidenceInline(admin.TabularInline):
    model = Evidence
    extra = 0
    fields = ["title", "file", "url", "uploaded_by"]
    readonly_fields = ["uploaded_by"]


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(admin.ModelAdmin):
    list_display = ["task", "progress", "status", "created_by", "created_at"]
    list_filter = ["status"]
    search_fields = ["task__title", "note"]
    list_select_related = ["task", "created_by"]
    date_hierarchy = "created_at"
    inlines = [EvidenceInline]


@admin.register(Evidence)
class EvidenceAdmin(admin.ModelAdmin):
    list_display = ["__str__", "task", "uploaded_by", "created_at"]
    search_fields = ["title", "url", "task__title"]
    list_select_related = ["task", "uploaded_by"]
    raw_id_fields = ["task", "update"]


@admin.register(PlanImport)
class PlanImportAdmin(admin.ModelAdmin):
    """Drafts are the record of what was uploaded and read: looked at, never edited here."""

    list_display = ["source_filename", "agency", "created_by", "created_at", "plan"]
    list_select_related = ["agency", "created_by", "plan"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
