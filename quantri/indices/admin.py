from django.contrib import admin

from quantri.indices.models import Dimension, Framework


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
