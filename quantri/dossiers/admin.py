from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from quantri.core.admin import HashedKeyAdmin
from quantri.dossiers.models import (
    ColumnMapping,
    Dossier,
    DossierImport,
    DossierStep,
    IndexVersion,
    ProcedureCutoff,
    ReceivingBody,
    SourceKey,
)


class DossierStepInline(admin.TabularInline):
    model = DossierStep
    fk_name = "dossier"
    extra = 0
    raw_id_fields = ("from_unit", "to_unit", "user")


@admin.register(Dossier)
class DossierAdmin(SimpleHistoryAdmin):
    list_display = ("code", "procedure", "agency", "state", "received_at", "due_at", "outcome")
    list_filter = ("state", "channel", "outcome")
    search_fields = ("code",)
    # Whatever the aggregates count moves through the services, which keep them right; the
    # admin only corrects the rest (applicant's name and ID, channel).
    readonly_fields = (
        "procedure",
        "agency",
        "unit",
        "state",
        "received_at",
        "due_at",
        "new_due_at",
        "result_at",
        "returned_at",
        "outcome",
        "paid_online",
        "digitised",
        "rating",
        "complaint",
        "online_type",
    )
    inlines = [DossierStepInline]


@admin.register(DossierImport)
class DossierImportAdmin(admin.ModelAdmin):
    """The audit of imports: read only, as an audit should be."""

    list_display = (
        "at",
        "source",
        "file_name",
        "user",
        "key",
        "partial",
        "created",
        "updated",
        "rejected",
    )
    list_filter = ("source", "partial")
    search_fields = ("file_name",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


admin.site.register(ColumnMapping)


@admin.register(SourceKey)
class SourceKeyAdmin(HashedKeyAdmin):
    """Made with `quantri dossiers key create --agency CODE --name NAME`."""

    list_display = ["name", "agency", "prefix", "created_at", "revoked_at"]
    readonly_fields = [*HashedKeyAdmin.readonly_fields, "agency"]


admin.site.register(IndexVersion)


@admin.register(ProcedureCutoff)
class ProcedureCutoffAdmin(admin.ModelAdmin):
    list_display = ("procedure", "cutoff", "source")
    raw_id_fields = ("procedure",)


@admin.register(ReceivingBody)
class ReceivingBodyAdmin(admin.ModelAdmin):
    list_display = ("agency", "name", "parent_name")
    raw_id_fields = ("agency",)
