"""Inspections (thanh tra) and checks (kiểm tra) of a department's units, procedures, one-stop
desk and anti-corruption rules: the year's plan, each inspection's findings, violations,
conclusion and the remedies it requires. A remedy becomes a plan task (quantri.plans), and its
state is read from that task, never stored twice."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from quantri.orgs.models import Agency
from quantri.oversight import legal
from quantri.plans.models import Plan, Task, TaskStatus


class InspectionKind(models.TextChoices):
    # Law on Inspection 2025 (84/2025/QH15): by the provincial inspectorate.
    INSPECTION = "inspection", _("Inspection (by the inspectorate)")
    # By the department's own team, under its director's decision.
    CHECK = "check", _("Check (by the department's team)")


class SubjectKind(models.TextChoices):
    UNIT = "unit", _("A unit")
    PROCEDURE = "procedure", _("Handling of a procedure")
    ONE_STOP_DESK = "one_stop_desk", _("The one-stop desk")
    ASSET_DECLARATION = "asset_declaration", _("Asset and income declarations")
    GIFTS = "gifts", _("Rules on gifts")
    OTHER_RULE = "other_rule", _("Another anti-corruption rule")


class Severity(models.TextChoices):
    MINOR = "minor", _("Minor")
    SERIOUS = "serious", _("Serious")
    VERY_SERIOUS = "very_serious", _("Very serious")


class InspectionStatus(models.TextChoices):
    OPEN = "open", _("Under way")
    CONCLUDED = "concluded", _("Concluded")
    CLOSED = "closed", _("Closed")


class HeadAccountability(models.TextChoices):
    """Forms of the head's accountability for a violation in their unit (Decree 59/2019)."""

    NONE = "", _("Not examined")
    NOT_LIABLE = "not_liable", _("Not liable")
    SELF_CRITICISM = "self_criticism", _("Self-criticism (kiểm điểm)")
    REPRIMAND = "reprimand", _("Reprimand")
    WARNING = "warning", _("Disciplinary warning")
    DEMOTION = "demotion", _("Demotion")
    DISMISSAL = "dismissal", _("Dismissal from the post")


class InspectionPlan(models.Model):
    """The year's inspection and check plan of a department."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    title = models.CharField(_("title"), max_length=500)
    legal_basis = models.TextField(_("legal basis"), default=legal.INSPECTION_LAW)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("inspection plan")
        verbose_name_plural = _("inspection plans")
        ordering = ["-year", "agency__name"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "year"], name="inspection_plan_one_a_year")
        ]

    def __str__(self) -> str:
        return self.title


class PlanItem(models.Model):
    """One planned inspection or check: its subject and planned period."""

    plan = models.ForeignKey(
        InspectionPlan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="items"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=InspectionKind.choices)
    subject_kind = models.CharField(_("subject"), max_length=30, choices=SubjectKind.choices)
    subject_unit = models.ForeignKey(
        Agency,
        verbose_name=_("unit inspected"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    subject_text = models.CharField(_("subject as written"), max_length=500, blank=True)
    starts_on = models.DateField(_("planned from"))
    ends_on = models.DateField(_("planned to"))

    class Meta:
        verbose_name = _("planned inspection")
        verbose_name_plural = _("planned inspections")
        ordering = ["starts_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(starts_on__lte=models.F("ends_on")), name="plan_item_period_ordered"
            )
        ]

    def __str__(self) -> str:
        return self.subject_text or self.get_subject_kind_display()


class Inspection(models.Model):
    agency = models.ForeignKey(
        Agency,
        verbose_name=_("agency"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The department whose units are inspected."),
    )
    plan_item = models.ForeignKey(
        PlanItem,
        verbose_name=_("planned as"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="inspections",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=InspectionKind.choices)
    subject_kind = models.CharField(_("subject"), max_length=30, choices=SubjectKind.choices)
    subject_unit = models.ForeignKey(
        Agency,
        verbose_name=_("unit inspected"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    subject_text = models.CharField(_("subject as written"), max_length=500)
    decision_number = models.CharField(_("decision number"), max_length=60)
    decision_date = models.DateField(_("decision date"))
    team = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("team members"), blank=True, related_name="+"
    )
    team_lead = models.CharField(_("head of the team"), max_length=150, blank=True)
    period_from = models.DateField(_("period inspected from"))
    period_to = models.DateField(_("period inspected to"))
    legal_basis = models.TextField(_("legal basis"))
    status = models.CharField(
        _("status"), max_length=20, choices=InspectionStatus.choices, default=InspectionStatus.OPEN
    )
    conclusion_number = models.CharField(_("conclusion number"), max_length=60, blank=True)
    conclusion_date = models.DateField(_("conclusion date"), null=True, blank=True)
    conclusion = models.TextField(_("conclusions"), blank=True)
    signer_name = models.CharField(_("signer"), max_length=150, blank=True)
    signer_position = models.CharField(_("signer's position"), max_length=150, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("inspection")
        verbose_name_plural = _("inspections")
        ordering = ["-decision_date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_from__lte=models.F("period_to")),
                name="inspection_period_ordered",
            ),
            models.UniqueConstraint(
                fields=["agency", "decision_number"], name="inspection_decision_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.decision_number} — {self.subject_text}"


class Finding(models.Model):
    inspection = models.ForeignKey(
        Inspection, verbose_name=_("inspection"), on_delete=models.CASCADE, related_name="findings"
    )
    subject_unit = models.ForeignKey(
        Agency, verbose_name=_("unit concerned"), on_delete=models.PROTECT, related_name="+"
    )
    rule = models.CharField(_("rule breached"), max_length=500)
    legal_basis = models.CharField(_("legal basis"), max_length=500)
    description = models.TextField(_("description"))
    severity = models.CharField(_("severity"), max_length=20, choices=Severity.choices)

    class Meta:
        verbose_name = _("finding")
        verbose_name_plural = _("findings")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.rule


class Violation(models.Model):
    """Who breached which rule. The names are personal data: read through
    Access.can_view_violation_names only."""

    finding = models.ForeignKey(
        Finding, verbose_name=_("finding"), on_delete=models.CASCADE, related_name="violations"
    )
    person_name = models.CharField(_("person"), max_length=150)
    person_position = models.CharField(_("position"), max_length=150, blank=True)
    unit = models.ForeignKey(
        Agency, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+"
    )
    rule = models.CharField(_("rule breached"), max_length=500)
    severity = models.CharField(_("severity"), max_length=20, choices=Severity.choices)
    head_name = models.CharField(_("head of the unit"), max_length=150, blank=True)
    head_accountability = models.CharField(
        _("head's accountability"),
        max_length=20,
        choices=HeadAccountability.choices,
        blank=True,
        help_text=_("Decree 59/2019/NĐ-CP: the head answers for corruption in their unit."),
    )

    class Meta:
        verbose_name = _("violation")
        verbose_name_plural = _("violations")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.rule


class RemedyState(models.TextChoices):
    UNASSIGNED = "unassigned", _("Not yet a task")
    OPEN = "open", _("Being remedied")
    DONE = "done", _("Remedied")
    CANCELLED = "cancelled", _("Cancelled")


class Remedy(models.Model):
    """A remedy the conclusion requires. Once assigned it is followed as a plan task."""

    inspection = models.ForeignKey(
        Inspection, verbose_name=_("inspection"), on_delete=models.CASCADE, related_name="remedies"
    )
    finding = models.ForeignKey(
        Finding,
        verbose_name=_("finding"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="remedies",
    )
    text = models.TextField(_("remedy required"))
    lead_unit = models.ForeignKey(
        Agency, verbose_name=_("lead unit"), on_delete=models.PROTECT, related_name="+"
    )
    support_units = models.ManyToManyField(
        Agency, verbose_name=_("supporting units"), blank=True, related_name="+"
    )
    due_on = models.DateField(_("deadline"))
    task = models.OneToOneField(
        Task,
        verbose_name=_("plan task"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="remedy",
    )

    class Meta:
        verbose_name = _("remedy")
        verbose_name_plural = _("remedies")
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def state(self) -> str:
        """Read from the task: the task is where the unit reports its progress."""
        if self.task is None:
            return RemedyState.UNASSIGNED
        if self.task.status == TaskStatus.DONE:
            return RemedyState.DONE
        if self.task.status == TaskStatus.CANCELLED:
            return RemedyState.CANCELLED
        return RemedyState.OPEN

    def get_state_display(self) -> str:
        return RemedyState(self.state).label

    def is_overdue(self, today=None) -> bool:
        return self.task is not None and self.task.is_overdue(today)


class RemedyPlan(models.Model):
    """The plan that holds an agency's remedies for a year, one group per inspection: made on
    first need, so remedies join the office's task lists, overdue lists and reports."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField()
    plan = models.OneToOneField(Plan, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["agency", "year"], name="remedy_plan_one_a_year")
        ]

    def __str__(self) -> str:
        return f"{self.agency} {self.year}"


class RemedyGroup(models.Model):
    inspection = models.OneToOneField(Inspection, on_delete=models.CASCADE, related_name="+")
    group = models.OneToOneField("plans.TaskGroup", on_delete=models.CASCADE, related_name="+")

    def __str__(self) -> str:
        return str(self.group)
