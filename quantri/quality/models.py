"""The ISO 9001:2015 quality system of an agency (issue 17): documented processes per
procedure with versions and approval, the published declaration of conformity, internal audits
with their findings and corrective actions, and the yearly management review."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from quantri.orgs.models import Agency
from quantri.procedures.models import Procedure
from quantri.quality.timing import DAYS, HOURS, total_days


class DurationUnit(models.TextChoices):
    HOURS = HOURS, _("working hours")
    DAYS = DAYS, _("working days")


class QualityProcessQuerySet(models.QuerySet):
    def flagged(self):
        """Processes whose procedure's legal basis changed: the earliest deadline (overdue
        ones) first."""
        return self.filter(update_due_on__isnull=False).order_by("update_due_on", "code")


class QualityProcess(models.Model):
    """The internal process (quy trình nội bộ) by which the agency handles one procedure."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="+"
    )
    unit = models.ForeignKey(
        Agency,
        verbose_name=_("unit in charge"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    procedure = models.OneToOneField(
        Procedure,
        verbose_name=_("procedure"),
        on_delete=models.PROTECT,
        related_name="quality_process",
    )
    code = models.CharField(_("process code"), max_length=40)
    title = models.CharField(_("title"), max_length=500)
    # Set when the procedure's legal basis changes, cleared by the next approved version.
    update_due_on = models.DateField(_("to update by"), null=True, blank=True)
    update_reason = models.CharField(_("why an update is due"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = QualityProcessQuerySet.as_manager()

    class Meta:
        verbose_name = _("internal process")
        verbose_name_plural = _("internal processes")
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "code"], name="quality_process_code_unique")
        ]
        # The office's list of processes to update, earliest deadline first.
        indexes = [models.Index(fields=["agency", "update_due_on"], name="quality_process_due")]

    def __str__(self) -> str:
        return f"{self.code} — {self.title}"

    def current_version(self):
        """The approved version in force: the latest approved one."""
        return self.versions.filter(approved_by__isnull=False).order_by("-number").first()


class ProcessVersion(models.Model):
    process = models.ForeignKey(
        QualityProcess, verbose_name=_("process"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveSmallIntegerField(_("version"))
    change_note = models.CharField(_("what changed"), max_length=500, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    approved_on = models.DateField(_("approved on"), null=True, blank=True)
    effective_on = models.DateField(_("effective from"), null=True, blank=True)

    class Meta:
        verbose_name = _("process version")
        verbose_name_plural = _("process versions")
        ordering = ["process", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["process", "number"], name="quality_version_number_unique"
            ),
            # ISO 9001:2015 clause 7.5.2: documented information is reviewed and approved; a
            # process approved by its own author has not been reviewed by anyone.
            models.CheckConstraint(
                condition=Q(approved_by__isnull=True) | ~Q(approved_by=models.F("author")),
                name="quality_version_not_self_approved",
            ),
            models.CheckConstraint(
                condition=Q(approved_by__isnull=True)
                | Q(approved_on__isnull=False, effective_on__isnull=False),
                name="quality_version_approval_dated",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.process.code} v{self.number}"

    @property
    def is_approved(self) -> bool:
        return self.approved_by_id is not None

    def total_days(self):
        return total_days((s.duration, s.duration_unit) for s in self.steps.all())


class ProcessStep(models.Model):
    version = models.ForeignKey(ProcessVersion, on_delete=models.CASCADE, related_name="steps")
    order = models.PositiveSmallIntegerField(_("order"))
    description = models.CharField(_("what is done"), max_length=1000)
    responsible = models.CharField(_("responsible role or unit"), max_length=255)
    form_used = models.CharField(_("form or template used"), max_length=255, blank=True)
    duration = models.DecimalField(_("time"), max_digits=6, decimal_places=2)
    duration_unit = models.CharField(
        _("time unit"), max_length=5, choices=DurationUnit.choices, default=DurationUnit.HOURS
    )

    class Meta:
        verbose_name = _("process step")
        verbose_name_plural = _("process steps")
        ordering = ["version", "order"]
        constraints = [
            models.UniqueConstraint(fields=["version", "order"], name="quality_step_order_unique"),
            models.CheckConstraint(condition=~Q(responsible=""), name="quality_step_responsible"),
            models.CheckConstraint(condition=Q(duration__gte=0), name="quality_step_duration"),
        ]

    def __str__(self) -> str:
        return f"{self.order}. {self.description}"


class Declaration(models.Model):
    """The head's declaration that the system conforms to TCVN ISO 9001:2015 (công bố Hệ
    thống quản lý chất lượng phù hợp), posted on the portal once published."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="+"
    )
    number = models.CharField(_("decision number"), max_length=60)
    signed_on = models.DateField(_("signed on"))
    signer_name = models.CharField(_("signed by"), max_length=255)
    signer_position = models.CharField(_("signer's position"), max_length=255)
    scope = models.TextField(_("scope"), help_text=_("The activities the system covers."))
    processes = models.ManyToManyField(
        QualityProcess, verbose_name=_("processes covered"), related_name="declarations"
    )
    is_published = models.BooleanField(_("published"), default=False)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)

    class Meta:
        verbose_name = _("declaration of conformity")
        verbose_name_plural = _("declarations of conformity")
        ordering = ["-signed_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "number"], name="quality_declaration_number_unique"
            )
        ]

    def __str__(self) -> str:
        return self.number


class AuditStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    CLOSED = "closed", _("Closed")


class Audit(models.Model):
    """An internal audit (đánh giá nội bộ, TCVN ISO 9001:2015 clause 9.2)."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("title"), max_length=500)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("to"))
    auditors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("auditors"), related_name="quality_audits"
    )
    units = models.ManyToManyField(Agency, verbose_name=_("units audited"), related_name="+")
    processes = models.ManyToManyField(
        QualityProcess, verbose_name=_("processes audited"), blank=True, related_name="audits"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=AuditStatus.choices, default=AuditStatus.PLANNED
    )
    conclusion = models.TextField(_("conclusion"), blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)

    class Meta:
        verbose_name = _("internal audit")
        verbose_name_plural = _("internal audits")
        ordering = ["-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(starts_on__lte=models.F("ends_on")), name="quality_audit_period"
            ),
            models.CheckConstraint(
                condition=Q(status__in=AuditStatus.values), name="quality_audit_status_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_closed(self) -> bool:
        return self.status == AuditStatus.CLOSED


class ChecklistItem(models.Model):
    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="checklist")
    order = models.PositiveSmallIntegerField(_("order"))
    clause = models.CharField(_("ISO clause"), max_length=20, blank=True)
    question = models.CharField(_("what to check"), max_length=1000)

    class Meta:
        verbose_name = _("checklist item")
        verbose_name_plural = _("checklist items")
        ordering = ["audit", "order"]

    def __str__(self) -> str:
        return self.question


class FindingKind(models.TextChoices):
    CONFORMITY = "conformity", _("Conformity")
    NONCONFORMITY = "nonconformity", _("Nonconformity")
    OBSERVATION = "observation", _("Observation")


class FindingQuerySet(models.QuerySet):
    def open_nonconformities(self):
        """Nonconformities whose corrective action is missing or not yet verified."""
        return self.filter(kind=FindingKind.NONCONFORMITY).exclude(
            corrective_action__verified_on__isnull=False
        )


class Finding(models.Model):
    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="findings")
    kind = models.CharField(_("kind"), max_length=15, choices=FindingKind.choices)
    unit = models.ForeignKey(
        Agency, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+"
    )
    clause = models.CharField(_("ISO clause"), max_length=20, blank=True)
    description = models.TextField(_("finding"))

    objects = FindingQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit finding")
        verbose_name_plural = _("audit findings")
        ordering = ["audit", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=FindingKind.values), name="quality_finding_kind_valid"
            )
        ]

    def __str__(self) -> str:
        return self.description[:80]


class CorrectiveAction(models.Model):
    """What removes a nonconformity's cause (clause 10.2), and its verification."""

    finding = models.OneToOneField(
        Finding,
        verbose_name=_("finding"),
        on_delete=models.CASCADE,
        related_name="corrective_action",
    )
    cause = models.TextField(_("cause"))
    action = models.TextField(_("corrective action"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    deadline = models.DateField(_("deadline"))
    done_on = models.DateField(_("done on"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verified by"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    verified_on = models.DateField(_("verified on"), null=True, blank=True)
    verification_note = models.TextField(_("verification"), blank=True)

    class Meta:
        verbose_name = _("corrective action")
        verbose_name_plural = _("corrective actions")
        constraints = [
            # Whoever did the work does not judge whether it worked.
            models.CheckConstraint(
                condition=Q(verified_by__isnull=True) | ~Q(verified_by=models.F("owner")),
                name="quality_action_not_self_verified",
            ),
            models.CheckConstraint(
                condition=Q(verified_by__isnull=True, verified_on__isnull=True)
                | Q(verified_by__isnull=False, verified_on__isnull=False),
                name="quality_action_verified_dated",
            ),
        ]

    def __str__(self) -> str:
        return self.action[:80]

    @property
    def is_verified(self) -> bool:
        return self.verified_on is not None


class ManagementReview(models.Model):
    """The yearly management review (xem xét của lãnh đạo, clause 9.3)."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    held_on = models.DateField(_("held on"))
    chaired_by = models.CharField(_("chaired by"), max_length=255)
    period_start = models.DateField(_("figures from"))
    period_end = models.DateField(_("figures to"))
    # The figures as they stood when the review was held: the minutes must not change later.
    inputs = models.JSONField(_("inputs"), default=list, blank=True)
    decisions = models.TextField(_("decisions and outputs"))

    class Meta:
        verbose_name = _("management review")
        verbose_name_plural = _("management reviews")
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "year"], name="quality_review_year_unique"),
            models.CheckConstraint(
                condition=Q(period_start__lte=models.F("period_end")),
                name="quality_review_period",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agency} {self.year}"
