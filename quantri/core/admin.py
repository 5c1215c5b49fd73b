from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from quantri.core.models import CalendarDay

# The admin site speaks the product's language, not "Django administration".
admin.site.site_header = _("Quản trị — data administration")
admin.site.site_title = _("Data administration")
admin.site.index_title = _("Data by application")


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
