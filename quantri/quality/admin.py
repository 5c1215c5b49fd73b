from django.contrib import admin

from quantri.quality.models import (
    Audit,
    CorrectiveAction,
    Declaration,
    Finding,
    ManagementReview,
    ProcessStep,
    ProcessVersion,
    QualityProcess,
)


class StepInline(admin.TabularInline):
    model = ProcessStep
    extra = 0


@admin.register(QualityProcess)
class QualityProcessAdmin(admin.ModelAdmin):
    list_display = ["code", "title", "agency", "unit", "update_due_on"]
    list_filter = ["agency"]


@admin.register(ProcessVersion)
class ProcessVersionAdmin(admin.ModelAdmin):
    list_display = ["process", "number", "author", "approved_by", "effective_on"]
    inlines = [StepInline]


@admin.register(Declaration)
class DeclarationAdmin(admin.ModelAdmin):
    list_display = ["number", "agency", "signed_on", "is_published"]


class FindingInline(admin.TabularInline):
    model = Finding
    extra = 0


@admin.register(Audit)
class AuditAdmin(admin.ModelAdmin):
    list_display = ["title", "agency", "starts_on", "status"]
    inlines = [FindingInline]


admin.site.register(CorrectiveAction)
admin.site.register(ManagementReview)
