from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from quantri.reception.models import (
    Dialogue,
    DialogueCommitment,
    ReceptionMatter,
    ReceptionRecord,
    ReceptionSession,
)


@admin.register(ReceptionSession)
class ReceptionSessionAdmin(SimpleHistoryAdmin):
    list_display = ["date", "start_time", "agency", "kind", "receiver_name", "is_published"]
    list_filter = ["kind", "is_published", "agency"]
    date_hierarchy = "date"


class MatterInline(admin.TabularInline):
    model = ReceptionMatter
    extra = 0
    readonly_fields = ["feedback"]


@admin.register(ReceptionRecord)
class ReceptionRecordAdmin(SimpleHistoryAdmin):
    list_display = ["session", "people_count"]
    inlines = [MatterInline]


class CommitmentInline(admin.TabularInline):
    model = DialogueCommitment
    extra = 0
    readonly_fields = ["task"]


@admin.register(Dialogue)
class DialogueAdmin(SimpleHistoryAdmin):
    list_display = ["date", "topic", "agency", "is_published"]
    inlines = [CommitmentInline]
