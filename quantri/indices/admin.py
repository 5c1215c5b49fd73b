from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from quantri.indices.models import Dimension, Framework, Province, ScoreRecord


class DimensionInline(admin.TabularInline):
    model = Dimension
    extra = 0
    fields = ["code", "name", "parent", "min_score", "max_score", "order"]
    show_change_link = True


@admin.register(Framework)
class FrameworkAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "max_total"]
    search_fields = ["code", "name", "name_en"]
    inlines = [DimensionInline]


@admin.register(Dimension)
class DimensionAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "framework", "parent", "min_score", "max_score"]
    list_filter = ["framework"]
    search_fields = ["code", "name", "name_en", "source_code"]
    list_select_related = ["framework", "parent"]


@admin.register(Province)
class ProvinceAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name", "valid_to", "successor", "agency"]
    list_filter = [("valid_to", admin.EmptyFieldListFilter)]
    search_fields = ["code", "name", "name_folded", "name_en"]
    autocomplete_fields = ["successor", "agency"]
    list_select_related = ["successor", "agency"]


@admin.register(ScoreRecord)
class ScoreRecordAdmin(admin.ModelAdmin):
    """Read-only: scores come from `quantri papi import`, and a correction is a re-import, so
    the source file stays the one record of what was published."""

    list_display = ["province", "year", "dimension", "score", "source"]
    list_filter = ["year", "dimension__parent"]
    search_fields = ["province__name", "province__code", "dimension__code"]
    list_select_related = ["province", "dimension"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
