import datetime

from django.conf import settings
from django.db import models
from django.db.models import Exists, F, OuterRef, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from quantri.orgs.models import Agency
from quantri.plans import deadlines


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    ACTIVE = "active", _("In force")
    CLOSED = "closed", _("Closed")


class Recurrence(models.TextChoices):
    CONTINUOUS = "continuous", _("Continuous")
    MONTHLY = "monthly", _("Monthly")
    QUARTERLY = "quarterly", _("Quarterly")
    SEMIANNUAL = "semiannual", _("Every 6 months")
    ANNUAL = "annual", _("Annual")


class Frequency(models.TextChoices):
    MONTHLY = "monthly", _("Monthly")
    QUARTERLY = "quarterly", _("Quarterly")
    SEMIANNUAL = "semiannual", _("Every 6 months")
    ANNUAL = "annual", _("Annual")


class TaskStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    PAUSED = "paused", _("Paused")
    CANCELLED = "cancelled", _("Cancelled")


def weighted_progress(tasks) -> int:
    """Weighted mean progress of a task QuerySet, cancelled tasks left out; 0 with no tasks."""
    totals = tasks.exclude(status=TaskStatus.CANCELLED).aggregate(
        done=Sum(F("weight") * F("progress")), weight=Sum("weight")
    )
    return round(totals["done"] / totals["weight"]) if totals["weight"] else 0


class PlanQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True).exclude(status=PlanStatus.DRAFT)

    def working(self):
        """Plans the office still works from: archived plans leave the working lists."""
        return self.filter(archived_at__isnull=True)


class Plan(models.Model):
    """A plan (Kế hoạch) as its issuer wrote it, with the parts the office works from."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="plans"
    )
    # Index frameworks and dimensions are reference data kept by the indices app, which builds
    # on plans: named by label, so plans never imports it (quantri.plans.extensions).
    framework = models.ForeignKey(
        "indices.Framework",
        verbose_name=_("index targeted"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="plans",
    )
    issuer = models.CharField(_("issuer"), max_length=255, blank=True)
    number = models.CharField(_("number/symbol"), max_length=60, blank=True)
    issued_on = models.DateField(_("issue date"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=100, blank=True)
    title = models.TextField(_("title"))
    year = models.PositiveSmallIntegerField(_("year"))
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent plan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
    )
    parent_refs = models.JSONField(_("parent plan references"), default=list, blank=True)
    purposes = models.JSONField(_("purposes"), default=list, blank=True)
    requirements = models.JSONField(_("requirements"), default=list, blank=True)
    responsibilities = models.JSONField(_("responsibilities"), default=list, blank=True)
    signer_name = models.CharField(_("signer"), max_length=150, blank=True)
    signer_position = models.CharField(_("signer's position"), max_length=150, blank=True)
    signer_authority = models.CharField(
        _("signing authority"), max_length=150, blank=True, help_text=_("e.g. KT. GIÁM ĐỐC")
    )
    recipients = models.JSONField(_("recipients"), default=list, blank=True)
    source_document = models.FileField(
        _("source document"), upload_to="plans/sources/%Y/", blank=True
    )
    source_filename = models.CharField(_("source file name"), max_length=255, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=PlanStatus.choices, default=PlanStatus.ACTIVE
    )
    is_published = models.BooleanField(
        _("published"), default=False, help_text=_("Shown on the public portal.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    archived_at = models.DateTimeField(
        _("archived at"),
        null=True,
        blank=True,
        help_text=_("An archived plan leaves the working lists and stays readable."),
    )

    history = HistoricalRecords()
    objects = PlanQuerySet.as_manager()

    class Meta:
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        ordering = ["-year", "-issued_on", "-pk"]
        constraints = [
            # Numbers restart every year and are unique per issuer and year (Decree 30/2020).
            models.UniqueConstraint(
                fields=["agency", "number", "year"],
                condition=~Q(number=""),
                name="plan_number_unique_per_agency_year",
            ),
            models.CheckConstraint(
                condition=Q(year__gte=1990, year__lte=2200), name="plan_year_plausible"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number} — {self.title}" if self.number else self.title

    @property
    def names_day(self) -> datetime.date | None:
        """The day whose unit names a past plan's pages show (the last of its year): units
        renamed since then appear as they were called while the plan ran. None for current
        and future plans, which show today's names."""
        if self.year >= timezone.localdate().year:
            return None
        return datetime.date(self.year, 12, 31)

    def progress(self) -> int:
        return weighted_progress(Task.objects.filter(group__plan=self))


def framework_model() -> type[models.Model]:
    """indices.Framework, reached through the plan's own foreign key."""
    return Plan._meta.get_field("framework").related_model


class ReportingRule(models.Model):
    """A reporting duty the plan sets ("Định kỳ 6 tháng, cả năm báo cáo … qua Văn phòng")."""

    plan = models.ForeignKey(
        Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="reporting_rules"
    )
    frequency = models.CharField(_("frequency"), max_length=20, choices=Frequency.choices)
    due_text = models.CharField(_("deadline as written"), max_length=255, blank=True)
    to_text = models.CharField(_("reported to"), max_length=255, blank=True)
    via_text = models.CharField(_("through"), max_length=255, blank=True)
    via_unit = models.ForeignKey(
        Agency,
        verbose_name=_("consolidating unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("reporting rule")
        verbose_name_plural = _("reporting rules")
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "frequency"], name="reporting_rule_one_per_frequency"
            )
        ]

    def __str__(self) -> str:
        return self.get_frequency_display()


class TaskGroup(models.Model):
    plan = models.ForeignKey(
        Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="groups"
    )
    order = models.PositiveSmallIntegerField(_("order"))
    title = models.CharField(_("title"), max_length=500)
    dimension = models.ForeignKey(
        "indices.Dimension",
        verbose_name=_("dimension"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="task_groups",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("task group")
        verbose_name_plural = _("task groups")
        ordering = ["plan", "order"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "order"], name="task_group_order_unique")
        ]

    def __str__(self) -> str:
        return self.title


def dimension_model() -> type[models.Model]:
    """indices.Dimension, reached through the group's own foreign key."""
    return TaskGroup._meta.get_field("dimension").related_model


# Tasks with one deadline: no recurrence, or a continuous one (followed, never due).
ONCE = ["", Recurrence.CONTINUOUS]


class TaskQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(status__in=[TaskStatus.DONE, TaskStatus.CANCELLED])

    def overdue(self, today=None):
        # A recurring task's deadline is the end of the running cycle (computed on read, see
        # Task.current_due), never in the past: only the other tasks can be overdue.
        return self.open().filter(due_on__lt=today or timezone.localdate(), recurrence__in=ONCE)

    def overdue_at(self, day):
        """Tasks that were overdue as `day` began: due before it and not done by then. A done
        task counts only when its progress history shows it done on or after that day (with
        no history, it is taken as done in time). Recurring tasks are left out."""
        done = ProgressUpdate.objects.filter(task=OuterRef("pk"), status=TaskStatus.DONE)
        done_late = Exists(done.filter(created_at__date__gte=day))
        done_in_time = Exists(done.filter(created_at__date__lt=day))
        finished_late = Q(status=TaskStatus.DONE) & Q(done_late) & ~Q(done_in_time)
        return (
            self.exclude(status=TaskStatus.CANCELLED)
            .filter(due_on__lt=day, recurrence__in=ONCE)
            .filter(~Q(status=TaskStatus.DONE) | finished_late)
        )

    def due_within(self, days: int, today=None):
        today = today or timezone.localdate()
        last = today + timezone.timedelta(days)
        cycles = [r for r in deadlines.CYCLE_MONTHS if deadlines.next_due(r, today) <= last]
        return self.open().filter(
            Q(due_on__gte=today, due_on__lte=last, recurrence__in=ONCE) | Q(recurrence__in=cycles)
        )

    def for_page(self):
        return self.select_related("lead_unit", "group__plan").prefetch_related(
            "support_units", "responsible_officers"
        )

    def working(self):
        """Tasks of plans that are not archived."""
        return self.filter(group__plan__archived_at__isnull=True)

    def unassigned_or_undated(self):
        """Open tasks the office still has to hand out or date: no lead unit, or neither a
        deadline nor a recurrence."""
        return self.exclude(status=TaskStatus.CANCELLED).filter(
            Q(lead_unit__isnull=True) | (Q(due_on__isnull=True) & Q(recurrence=""))
        )


class Task(models.Model):
    group = models.ForeignKey(
        TaskGroup, verbose_name=_("task group"), on_delete=models.CASCADE, related_name="tasks"
    )
    order = models.PositiveSmallIntegerField(_("order"))
    title = models.CharField(_("title"), max_length=500)
    description = models.TextField(_("full text"), blank=True)
    lead_unit = models.ForeignKey(
        Agency,
        verbose_name=_("lead unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="led_tasks",
    )
    lead_text = models.CharField(
        _("lead unit as written"),
        max_length=255,
        blank=True,
        help_text=_("Kept when the name matched no unit."),
    )
    support_units = models.ManyToManyField(
        Agency, verbose_name=_("supporting units"), blank=True, related_name="supported_tasks"
    )
    support_text = models.JSONField(_("supporting units as written"), default=list, blank=True)
    due_on = models.DateField(_("deadline"), null=True, blank=True)
    recurrence = models.CharField(
        _("recurrence"), max_length=20, choices=Recurrence.choices, blank=True
    )
    original_due_on = models.DateField(
        _("deadline before extension"),
        null=True,
        blank=True,
        help_text=_("Set when an extension is granted; the deadline field then holds the new one."),
    )
    due_text = models.CharField(_("deadline as written"), max_length=255, blank=True)
    due_period = models.CharField(
        _("deadline period"),
        max_length=20,
        blank=True,
        help_text=_("A period such as 2026-Q3 or 2026-H1; the deadline is its last day."),
    )
    responsible_officers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible officers"),
        blank=True,
        related_name="responsible_tasks",
        help_text=_("Officers of the lead unit who carry the task, picked by its head."),
    )
    parent_task = models.ForeignKey(
        "self",
        verbose_name=_("implements task"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="child_tasks",
        help_text=_("The task of the parent plan this task carries out at this level."),
    )
    cancel_reason = models.TextField(_("reason for cancelling"), blank=True)
    expected_output = models.TextField(_("expected output"), blank=True)
    weight = models.PositiveSmallIntegerField(_("weight"), default=1)
    status = models.CharField(
        _("status"), max_length=20, choices=TaskStatus.choices, default=TaskStatus.NOT_STARTED
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)

    history = HistoricalRecords()
    objects = TaskQuerySet.as_manager()

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        ordering = ["group__order", "order"]
        constraints = [
            models.UniqueConstraint(fields=["group", "order"], name="task_order_unique"),
            models.CheckConstraint(
                condition=Q(progress__gte=0, progress__lte=100), name="task_progress_0_100"
            ),
            models.CheckConstraint(condition=Q(weight__gte=1), name="task_weight_positive"),
            models.CheckConstraint(
                condition=~Q(status="done") | Q(progress=100), name="task_done_means_100"
            ),
            models.CheckConstraint(
                condition=Q(status="cancelled") | Q(cancel_reason=""),
                name="task_cancel_reason_only_when_cancelled",
            ),
        ]
        indexes = [
            # "My unit's tasks" and the overdue lists filter on the lead unit and deadline.
            models.Index(fields=["lead_unit", "due_on"], name="task_lead_due_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def plan(self) -> Plan:
        return self.group.plan

    @property
    def lead_display(self) -> str:
        if self.lead_unit is None:
            return self.lead_text
        # Set by plans.outline for a past plan: the lead unit's name in the plan's year.
        return getattr(self, "lead_name", "") or str(self.lead_unit)

    @property
    def is_extended(self) -> bool:
        return self.original_due_on is not None and self.original_due_on != self.due_on

    def current_due(self, today=None):
        """The deadline now: a recurring task rolls forward to the end of the running cycle
        once the stored one passes (no job needed); other tasks keep their date.

        An extension of a recurring task moves only the occurrence it was granted for: until
        its new date passes, that occurrence is the current one and falls due then; after it,
        the next occurrence falls due at the end of its cycle, as scheduled, not counted from
        the extension."""
        if self.recurrence in deadlines.CYCLE_MONTHS:
            today = today or timezone.localdate()
            if self.is_extended and self.due_on is not None and today <= self.due_on:
                return self.due_on
            return deadlines.next_due(self.recurrence, today)
        return self.due_on

    def is_overdue(self, today=None) -> bool:
        today = today or timezone.localdate()
        open_ = self.status not in (TaskStatus.DONE, TaskStatus.CANCELLED)
        due = self.current_due(today)
        return open_ and due is not None and due < today


class ProgressUpdate(models.Model):
    """One report of progress on a task, with its note: the task's working history."""

    task = models.ForeignKey(
        Task, verbose_name=_("task"), on_delete=models.CASCADE, related_name="updates"
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"))
    status = models.CharField(_("status"), max_length=20, choices=TaskStatus.choices)
    note = models.TextField(_("note"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(progress__gte=0, progress__lte=100), name="update_progress_0_100"
            )
        ]

    def __str__(self) -> str:
        return f"{self.task} — {self.progress}%"


class Evidence(models.Model):
    """A file or link that proves a result (minh chứng)."""

    task = models.ForeignKey(
        Task, verbose_name=_("task"), on_delete=models.CASCADE, related_name="evidence"
    )
    update = models.ForeignKey(
        ProgressUpdate,
        verbose_name=_("progress update"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="evidence",
    )
    title = models.CharField(_("title"), max_length=255, blank=True)
    file = models.FileField(_("file"), upload_to="evidence/%Y/%m/", blank=True)
    url = models.URLField(_("link"), blank=True, max_length=1000)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(file="") | ~Q(url=""), name="evidence_has_file_or_link"
            )
        ]

    def __str__(self) -> str:
        return self.title or self.url or self.file.name


class PlanImport(models.Model):
    """An uploaded plan document waiting in preview: the office corrects the parsed groups,
    dimensions and assignments before anything is saved as a plan."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.CASCADE, related_name="+"
    )
    source_document = models.FileField(_("document"), upload_to="plans/imports/%Y/")
    source_filename = models.CharField(_("file name"), max_length=255)
    parsed = models.JSONField(_("parsed content"))
    plan = models.ForeignKey(
        Plan,
        verbose_name=_("saved plan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("plan import")
        verbose_name_plural = _("plan imports")

    def __str__(self) -> str:
        return self.source_filename


# Revisions and extensions live in their own module; imported here so Django registers them.
from quantri.plans.models_revisions import (  # noqa: E402, F401, I001
    DeadlineExtension,
    ExtensionStatus,
    PlanRevision,
)
