"""A plan's life after import: its revisions (điều chỉnh, bổ sung kế hoạch) and the lead units'
requests for more time on a task (gia hạn)."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from quantri.plans.models import Plan, Task


class PlanRevision(models.Model):
    """One amendment of a plan, numbered from 1 per plan. `snapshot` is the plan's groups and
    tasks as they stood just before it; what the revision changed is the difference between
    this snapshot and the next revision's (or the plan as it is now, for the latest)."""

    plan = models.ForeignKey(
        Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="revisions"
    )
    number = models.PositiveSmallIntegerField(_("revision number"))
    document_number = models.CharField(_("amending document's number"), max_length=60, blank=True)
    issued_on = models.DateField(_("date of the amendment"))
    reason = models.TextField(_("reason"))
    source_filename = models.CharField(_("amending document"), max_length=255, blank=True)
    snapshot = models.JSONField(_("the plan before this revision"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        verbose_name = _("plan revision")
        verbose_name_plural = _("plan revisions")
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="plan_revision_number_unique"),
            models.CheckConstraint(condition=Q(number__gte=1), name="plan_revision_number_from_1"),
        ]

    def __str__(self) -> str:
        return f"{self.plan} — {self.number}"


class ExtensionStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for a decision")
    APPROVED = "approved", _("Approved")
    REFUSED = "refused", _("Refused")


class DeadlineExtension(models.Model):
    """A lead unit's request for a later deadline on a task, and the office's decision. The
    task's deadline moves only when a request is approved; the deadline it had before the
    first extension stays in Task.original_due_on."""

    task = models.ForeignKey(
        Task, verbose_name=_("task"), on_delete=models.CASCADE, related_name="extensions"
    )
    previous_due_on = models.DateField(_("deadline when asked"))
    requested_due_on = models.DateField(_("new deadline asked for"))
    reason = models.TextField(_("reason"))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ExtensionStatus.choices,
        default=ExtensionStatus.PENDING,
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("asked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    requested_at = models.DateTimeField(_("asked at"), default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_note = models.TextField(_("decision note"), blank=True)

    class Meta:
        verbose_name = _("deadline extension")
        verbose_name_plural = _("deadline extensions")
        ordering = ["-requested_at", "-pk"]
        constraints = [
            # An extension gives more time, never less.
            models.CheckConstraint(
                condition=Q(requested_due_on__gt=F("previous_due_on")),
                name="extension_moves_deadline_later",
            ),
            models.UniqueConstraint(
                fields=["task"],
                condition=Q(status="pending"),
                name="extension_one_pending_per_task",
            ),
        ]
        indexes = [
            # The plan page lists the requests waiting for the office.
            models.Index(fields=["status", "task"], name="extension_status_task_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.task} → {self.requested_due_on:%d/%m/%Y}"
