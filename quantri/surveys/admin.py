from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from quantri.surveys.models import (
    Choice,
    IndicatorMapping,
    PopulationMargin,
    Question,
    Response,
    Section,
    ServicePoint,
    Survey,
)


class SectionInline(admin.TabularInline):
    model = Section
    extra = 0


class ServicePointInline(admin.TabularInline):
    model = ServicePoint
    extra = 0
    autocomplete_fields = ["unit"]


class MarginInline(admin.TabularInline):
    model = PopulationMargin
    extra = 0


@admin.register(Survey)
class SurveyAdmin(SimpleHistoryAdmin):
    list_display = ["title", "agency", "kind", "status", "opens_on", "closes_on"]
    list_filter = ["kind", "status"]
    search_fields = ["title"]
    autocomplete_fields = ["agency"]
    list_select_related = ["agency"]
    inlines = [SectionInline, ServicePointInline, MarginInline]


class ChoiceInline(admin.TabularInline):
    model = Choice
    extra = 0


class IndicatorInline(admin.StackedInline):
    model = IndicatorMapping
    extra = 0


@admin.register(Question)
class QuestionAdmin(SimpleHistoryAdmin):
    list_display = ["text", "survey", "order", "type", "required"]
    list_filter = ["type"]
    search_fields = ["text"]
    list_select_related = ["survey"]
    raw_id_fields = ["survey", "section", "condition_question"]
    inlines = [ChoiceInline, IndicatorInline]


@admin.register(Response)
class ResponseAdmin(admin.ModelAdmin):
    list_display = ["pk", "survey", "service_point", "submitted_at", "weight"]
    list_filter = ["survey"]
    list_select_related = ["survey", "service_point"]
    raw_id_fields = ["survey", "service_point"]
