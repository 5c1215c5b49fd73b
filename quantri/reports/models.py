"""Periodic reports (Decree 09/2019): a plan's reporting regime, its periods, one request per
unit and period, the unit's report with a block per task, and the consolidated report the
office issues from them."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from quantri.orgs.models import Agency
from quantri.plans.models import Evidence, Frequency, Plan, ReportingRule, Task, TaskStatus
from quantri.reports import periods


class DeadlineRule(models.TextChoices):
    AFTER_CUTOFF = "after_cutoff", _("A number of days after the cut-off")
    FIXED_DAY = "fixed_day", _("A fixed day of the month")


class ReportingRegime(models.Model):
    """How a plan's units report: how often, by when, to whom and through whom."""

    plan = models.ForeignKey(
        Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="reporting_regimes"
    )
    rule = models.ForeignKey(
        ReportingRule,
        verbose_name=_("reporting duty in the plan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="regimes",
    )
    title = models.CharField(_("title"), max_length=255, blank=True)
    frequency = models.CharField(_("frequency"), max_length=20, choices=Frequency.choices)
    deadline_rule = models.CharField(
        _("deadline rule"),
        max_length=20,
        choices=DeadlineRule.choices,
        default=DeadlineRule.AFTER_CUTOFF,
    )
    deadline_days = models.PositiveSmallIntegerField(
        _("days after the cut-off"), default=5, help_text=_("Used with the 'days after' rule.")
    )
    deadline_day = models.PositiveSmallIntegerField(
        _("day of the month"),
        null=True,
        blank=True,
        help_text=_("Used with the fixed-day rule: the first such day after the cut-off."),
    )
    counts_working_days = models.BooleanField(
        _("count working days"),
        default=True,
        help_text=_("Skip weekends and public holidays, the lunar new year included."),
    )
    receiving_body = models.CharField(_("reported to"), max_length=255, blank=True)
    via_unit = models.ForeignKey(
        Agency,
        verbose_name=_("through (consolidating unit)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    content = models.TextField(_("content and outline"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("reporting regime")
        verbose_name_plural = _("reporting regimes")
        ordering = ["plan", "frequency"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "frequency"], name="reporting_regime_one_per_frequency"
            ),
            models.CheckConstraint(
                condition=~Q(deadline_rule="fixed_day")
                | Q(deadline_day__gte=1, deadline_day__lte=31),
                name="reporting_regime_fixed_day_1_31",
            ),
        ]

    def __str__(self) -> str:
        return self.title or str(self.get_frequency_display())

    def deadline_policy(self) -> periods.DeadlinePolicy:
        return periods.DeadlinePolicy(
            fixed_day=self.deadline_day if self.deadline_rule == DeadlineRule.FIXED_DAY else None,
            days_after=self.deadline_days,
            working_days=self.counts_working_days,
        )


class PeriodStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


def period_label(code: str) -> str:
    """How documents name a period: "6 tháng đầu năm 2021", "năm 2021", "quý III năm 2021"."""
    period = periods.parse_code(code)
    params = {"year": period.year, "index": period.index}
    if period.frequency == periods.SEMIANNUAL:
        if period.index == 1:
            return gettext("the first 6 months of %(year)s") % params
        return gettext("the last 6 months of %(year)s") % params
    if period.frequency == periods.ANNUAL:
        return gettext("the year %(year)s") % params
    if period.frequency == periods.QUARTERLY:
        params["index"] = ("I", "II", "III", "IV")[period.index - 1]
        return gettext("quarter %(index)s of %(year)s") % params
    return gettext("month %(index)02d/%(year)s") % params


class ReportingPeriod(models.Model):
    """One round of reporting, e.g. 2021-H1: its data window and its deadline."""

    regime = models.ForeignKey(
        ReportingRegime, verbose_name=_("regime"), on_delete=models.PROTECT, related_name="periods"
    )
    # Repeats regime.plan so that "one period per code per plan" is a database constraint.
    plan = models.ForeignKey(
        Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="reporting_periods"
    )
    code = models.CharField(_("period"), max_length=10, help_text=_("e.g. 2021-H1"))
    starts_on = models.DateField(_("data from"))
    ends_on = models.DateField(_("data up to"))
    deadline = models.DateField(_("deadline"))
    status = models.CharField(
        _("status"), max_length=10, choices=PeriodStatus.choices, default=PeriodStatus.OPEN
    )
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("opened by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    opened_at = models.DateTimeField(_("opened at"), default=timezone.now)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("reporting period")
        verbose_name_plural = _("reporting periods")
        ordering = ["plan", "-ends_on", "code"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "code"], name="reporting_period_unique_code"),
            models.CheckConstraint(
                condition=Q(starts_on__lt=models.F("ends_on")),
                name="reporting_period_starts_before_ends",
            ),
        ]

    def __str__(self) -> str:
        return self.code

    def clean(self) -> None:
        if self.regime_id and self.plan_id and self.regime.plan_id != self.plan_id:
            raise ValidationError({"regime": _("The regime belongs to another plan.")})

    @property
    def is_open(self) -> bool:
        return self.status == PeriodStatus.OPEN

    @property
    def label(self) -> str:
        return period_label(self.code)


class ReportRequest(models.Model):
    """A unit is expected to report for a period (DHIS2's "expected report")."""

    period = models.ForeignKey(
        ReportingPeriod, verbose_name=_("period"), on_delete=models.CASCADE, related_name="requests"
    )
    unit = models.ForeignKey(
        Agency, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="report_requests"
    )
    created_at = models.DateTimeField(_("requested at"), default=timezone.now)

    class Meta:
        verbose_name = _("report request")
        verbose_name_plural = _("report requests")
        ordering = ["period", "unit__order", "unit__name"]
        constraints = [
            models.UniqueConstraint(fields=["period", "unit"], name="report_request_one_per_unit")
        ]
        indexes = [
            # "My unit's reports" lists a unit's requests across periods.
            models.Index(fields=["unit", "period"], name="report_request_unit_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.period} — {self.unit}"


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned")
    # One word for an accepted report in the pages, the totals and the DOCX ("đã tiếp nhận");
    # a citizen's feedback "Accepted" is another thing ("đã thụ lý").
    ACCEPTED = "accepted", pgettext_lazy("report state", "Accepted")


class UnitReport(models.Model):
    """A unit's report for a request. Created with the first saved draft; accepted reports
    are locked."""

    request = models.OneToOneField(
        ReportRequest, verbose_name=_("request"), on_delete=models.CASCADE, related_name="report"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    general_remarks = models.TextField(_("general remarks"), blank=True)
    difficulties = models.TextField(_("difficulties"), blank=True)
    proposals = models.TextField(_("proposals"), blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_late = models.BooleanField(_("late"), default=False)
    return_comments = models.TextField(_("comments when returned"), blank=True)
    returned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("returned by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    returned_at = models.DateTimeField(_("returned at"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("accepted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("updated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("unit report")
        verbose_name_plural = _("unit reports")
        constraints = [
            models.CheckConstraint(
                condition=Q(status="draft") | Q(submitted_at__isnull=False),
                name="unit_report_submitted_has_time",
            ),
            models.CheckConstraint(
                condition=~Q(status="accepted") | Q(accepted_at__isnull=False),
                name="unit_report_accepted_has_time",
            ),
        ]

    def __str__(self) -> str:
        return str(self.request)

    @property
    def is_locked(self) -> bool:
        return self.status == ReportStatus.ACCEPTED

    @property
    def is_editable(self) -> bool:
        return self.status in (ReportStatus.DRAFT, ReportStatus.RETURNED)


def validate_figures(value) -> None:
    """Figures are a flat object of names to numbers: {"Số buổi tiếp công dân": 6}."""
    if not isinstance(value, dict):
        raise ValidationError(_("Figures must be a list of names with numbers."))
    for name, number in value.items():
        if not str(name).strip():
            raise ValidationError(_("Every figure needs a name."))
        if isinstance(number, bool) or not isinstance(number, int | float):
            raise ValidationError(
                _("Figure %(name)s: %(value)s is not a number.") % {"name": name, "value": number}
            )


class TaskReport(models.Model):
    """What a unit reports on one of its tasks for the period."""

    report = models.ForeignKey(
        UnitReport, verbose_name=_("report"), on_delete=models.CASCADE, related_name="task_reports"
    )
    task = models.ForeignKey(
        Task, verbose_name=_("task"), on_delete=models.CASCADE, related_name="period_reports"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=TaskStatus.choices, default=TaskStatus.IN_PROGRESS
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    done = models.TextField(_("what was done"), blank=True)
    figures = models.JSONField(
        _("figures"), default=dict, blank=True, validators=[validate_figures]
    )
    difficulties = models.TextField(_("difficulties"), blank=True)
    proposals = models.TextField(_("proposals"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("task report")
        verbose_name_plural = _("task reports")
        ordering = ["report", "task__group__order", "task__order"]
        constraints = [
            models.UniqueConstraint(fields=["report", "task"], name="task_report_one_per_task"),
            models.CheckConstraint(
                condition=Q(progress__gte=0, progress__lte=100),
                name="task_report_progress_0_100",
            ),
            models.CheckConstraint(
                condition=~Q(status="done") | Q(progress=100), name="task_report_done_means_100"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.report} — {self.task}"


class ReportEvidence(models.Model):
    """A file or link attached to a task report; copied to the task's evidence on submit."""

    task_report = models.ForeignKey(
        TaskReport,
        verbose_name=_("task report"),
        on_delete=models.CASCADE,
        related_name="evidence",
    )
    title = models.CharField(_("title"), max_length=255, blank=True)
    file = models.FileField(_("file"), upload_to="reports/evidence/%Y/%m/", blank=True)
    url = models.URLField(_("link"), blank=True, max_length=1000)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("at"), default=timezone.now)
    # The copy in the task's own evidence, made when the report is first submitted, so a
    # resubmission does not add it twice.
    task_evidence = models.ForeignKey(
        Evidence,
        verbose_name=_("task evidence"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("report evidence")
        verbose_name_plural = _("report evidence")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(file="") | ~Q(url=""), name="report_evidence_has_file_or_link"
            )
        ]

    def __str__(self) -> str:
        return self.title or self.url or self.file.name


class ConsolidatedReport(models.Model):
    """The narrative of the agency's consolidated report for a period, edited by the
    leadership before export; the figures come from the units' reports."""

    period = models.OneToOneField(
        ReportingPeriod,
        verbose_name=_("period"),
        on_delete=models.CASCADE,
        related_name="consolidated",
    )
    agency = models.ForeignKey(
        Agency,
        verbose_name=_("consolidating agency"),
        on_delete=models.PROTECT,
        related_name="consolidated_reports",
    )
    number = models.CharField(
        _("number/symbol"), max_length=60, blank=True, help_text=_("e.g. 05/BC-SVHTTDL")
    )
    issued_on = models.DateField(_("issue date"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=100, blank=True)
    summary = models.TextField(_("summary (trích yếu)"), blank=True)
    results_intro = models.TextField(_("introduction to the results"), blank=True)
    shortcomings = models.TextField(_("shortcomings"), blank=True)
    causes = models.TextField(_("causes"), blank=True)
    next_tasks = models.TextField(_("tasks for the next period"), blank=True)
    proposals = models.TextField(_("proposals"), blank=True)
    recipients = models.JSONField(_("recipients"), default=list, blank=True)
    signer_name = models.CharField(_("signer"), max_length=150, blank=True)
    signer_position = models.CharField(_("signer's position"), max_length=150, blank=True)
    signer_authority = models.CharField(
        _("signing authority"), max_length=150, blank=True, help_text=_("e.g. KT. GIÁM ĐỐC")
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("updated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("consolidated report")
        verbose_name_plural = _("consolidated reports")

    def __str__(self) -> str:
        return self.summary or str(self.period)


class NotificationQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """A message shown in the app (reminders about reports, returns, acceptances)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    text = models.TextField(_("text"))
    url = models.CharField(_("link"), max_length=500, blank=True)
    # Reminders run by cron several times a day must not repeat themselves: the key names
    # what was said (e.g. the request and the day), and a user hears it once.
    key = models.CharField(_("key"), max_length=120, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "key"], condition=~Q(key=""), name="notification_once_per_key"
            )
        ]
        indexes = [
            # The unread count shown on every reports page.
            models.Index(fields=["user", "read_at"], name="notification_unread_idx"),
        ]

    def __str__(self) -> str:
        return self.text[:80]
