from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from quantri.dossiers.models import ColumnMapping, Dossier, IndexVersion


@admin.register(Dossier)
class DossierAdmin(SimpleHistoryAdmin):
    list_display = ("code", "procedure", "agency", "state", "received_at", "due_at", "outcome")
    list_filter = ("state", "channel", "outcome")
    search_fields = ("code",)
    raw_id_fields = ("procedure", "agency", "unit")
    # State, dates and outcome move through the services (they keep the aggregates right).
    readonly_fields = ("state", "received_at", "due_at", "result_at", "returned_at", "outcome")


admin.site.register(ColumnMapping)
admin.site.register(IndexVersion)
