from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from quantri.disclosures.models import Disclosure, DisclosureCategory


@admin.register(DisclosureCategory)
class DisclosureCategoryAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "default_audience", "limit_working_days", "order"]


@admin.register(Disclosure)
class DisclosureAdmin(SimpleHistoryAdmin):
    list_display = [
        "title",
        "agency",
        "category",
        "audience",
        "decision_date",
        "due_on",
        "published_on",
    ]
    list_filter = ["audience", "category"]
    search_fields = ["title", "decision_number"]
    list_select_related = ["agency", "category"]
    # The limit is counted by the service from the working calendar, never typed in.
    readonly_fields = ["due_on"]
