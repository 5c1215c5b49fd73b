from django.contrib import admin

from quantri.core.models import CalendarDay


@admin.register(CalendarDay)
class CalendarDayAdmin(admin.ModelAdmin):
    list_display = ["date", "kind", "note"]
    list_filter = ["kind"]
    date_hierarchy = "date"


class HashedKeyAdmin(admin.ModelAdmin):
    """Keys are made by a command, which shows the key once; here they are only seen and
    revoked (a date in "revoked at")."""

    list_display = ["name", "prefix", "created_at", "revoked_at"]
    readonly_fields = ["prefix", "key_hash", "created_at"]

    def has_add_permission(self, request):
        return False
