from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from quantri.procedures.models import Fee, Procedure, ProcedureField, ProcedureReview, ReviewItem


@admin.register(ProcedureField)
class ProcedureFieldAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "order"]


class FeeInline(admin.TabularInline):
    model = Fee
    extra = 0


@admin.register(Procedure)
class ProcedureAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name", "field", "level", "online_service", "is_published"]
    list_filter = ["field", "level", "online_service", "is_published"]
    search_fields = ["code", "folded_name"]
    list_select_related = ["field"]
    inlines = [FeeInline]

    def save_model(self, request, obj, form, change):
        # The admin bypasses the services; the folded search column must still follow the name.
        obj.refresh_folded_name()
        super().save_model(request, obj, form, change)


class ReviewItemInline(admin.TabularInline):
    model = ReviewItem
    extra = 0
    raw_id_fields = ["procedure", "task"]


@admin.register(ProcedureReview)
class ProcedureReviewAdmin(SimpleHistoryAdmin):
    list_display = ["title", "agency", "year", "started_on", "closed_on"]
    inlines = [ReviewItemInline]
