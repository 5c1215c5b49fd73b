from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from quantri.core.admin import HashedKeyAdmin
from quantri.feedback.models import (
    ApiKey,
    DeadlineRule,
    Feedback,
    FeedbackAttachment,
    FeedbackCategory,
    FeedbackEvent,
)


@admin.register(FeedbackCategory)
class FeedbackCategoryAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name", "unit", "dimension", "active", "order"]
    list_filter = ["active", "dimension"]
    search_fields = ["code", "name", "keywords"]


@admin.register(DeadlineRule)
class DeadlineRuleAdmin(SimpleHistoryAdmin):
    list_display = ["name", "trigger", "working_days", "legal_basis", "valid_from"]
    list_filter = ["trigger"]


class EventInline(admin.TabularInline):
    model = FeedbackEvent
    extra = 0
    readonly_fields = ["kind", "status", "unit", "note", "is_public", "created_by", "created_at"]
    can_delete = False


class AttachmentInline(admin.TabularInline):
    model = FeedbackAttachment
    extra = 0
    readonly_fields = ["original_name", "kind", "size", "created_at"]
    exclude = ["file"]
    can_delete = False


@admin.register(Feedback)
class FeedbackAdmin(SimpleHistoryAdmin):
    """For the administrator's repairs; the office works in the inbox, where the life cycle's
    rules apply, so state fields are read-only here."""

    list_display = ["code", "category", "status", "assigned_unit", "received_at", "due_on"]
    list_filter = ["status", "channel", "category"]
    search_fields = ["code"]
    readonly_fields = [
        "code",
        "status",
        "received_at",
        "decision_due_on",
        "transfer_due_on",
        "answer_due_on",
        "due_on",
        "decided_at",
        "transferred_at",
        "answered_at",
        "answered_on_time",
        "closed_at",
        "answer_published",
        "answer_published_at",
        "api_key",
        "channel",
    ]
    inlines = [EventInline, AttachmentInline]


admin.site.register(ApiKey, HashedKeyAdmin)  # made with `quantri apikey create`
