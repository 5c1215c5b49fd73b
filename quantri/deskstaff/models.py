"""Who works at the one-stop desk and when, the rotation of staff in sensitive posts, and the
periodic check of a desk officer (issue 17, item 2)."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from quantri.deskstaff import legal
from quantri.dossiers.models import ReceivingBody
from quantri.orgs.models import Agency
from quantri.procedures.models import Procedure


class DeskAssignmentQuerySet(models.QuerySet):
    def overlapping(self, *, person_id: int, start: datetime.date, end: datetime.date | None):
        """Assignments of the person whose dates meet [start, end] (open ends run forever)."""
        found = self.filter(person_id=person_id).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=start)
        )
        return found if end is None else found.filter(valid_from__lte=end)


class DeskAssignment(models.Model):
    """A person placed at a receiving body's desk from one day to another, for some fields
    or procedures. Every change is kept (history)."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("desk officer"),
        on_delete=models.PROTECT,
        related_name="desk_assignments",
    )
    receiving_body = models.ForeignKey(
        ReceivingBody,
        verbose_name=_("receiving body"),
        on_delete=models.PROTECT,
        related_name="assignments",
    )
    valid_from = models.DateField(_("from"))
    valid_to = models.DateField(_("to"), null=True, blank=True)
    fields = models.CharField(
        _("fields received"),
        max_length=500,
        blank=True,
        help_text=_("The fields (lĩnh vực) whose dossiers the officer receives."),
    )
    procedures = models.ManyToManyField(
        Procedure, verbose_name=_("procedures received"), blank=True, related_name="+"
    )
    history = HistoricalRecords()
    objects = DeskAssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("desk assignment")
        verbose_name_plural = _("desk assignments")
        ordering = ["-valid_from", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=F("valid_from")),
                name="desk_assignment_ends_after_start",
            ),
        ]
        indexes = [
            # The overlap check and "who was at the desk on a day": one person's assignments.
            models.Index(fields=["person", "valid_from"], name="desk_assignment_person"),
        ]

    def __str__(self) -> str:
        return f"{self.person_id} @ {self.receiving_body_id} from {self.valid_from}"

    def clean(self) -> None:
        if self.valid_to is not None and self.valid_from and self.valid_to < self.valid_from:
            raise ValidationError({"valid_to": _("The end comes before the start.")})


class Rotation(models.Model):
    """One person's rotation out of a sensitive post: in post since, the period the rules set,
    the planned date (rotation follows a plan made public in the agency, Law 36/2018 art. 24)
    and the actual one."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="rotations",
    )
    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="+"
    )
    post = models.CharField(_("post"), max_length=255)
    area = models.CharField(
        _("sensitive area"),
        max_length=20,
        choices=legal.SENSITIVE_AREAS,
        default="direct_contact",
    )
    in_post_since = models.DateField(_("in post since"))
    period_years = models.PositiveSmallIntegerField(
        _("period in post (years)"),
        default=legal.DEFAULT_YEARS,
        validators=[MinValueValidator(legal.MIN_YEARS), MaxValueValidator(legal.MAX_YEARS)],
        help_text=_("From a full 2 to 5 years (Law 36/2018/QH14, art. 25)."),
    )
    planned_on = models.DateField(_("planned rotation"))
    done_on = models.DateField(_("rotated on"), null=True, blank=True)
    new_post = models.CharField(_("new post"), max_length=255, blank=True)
    legal_basis = models.CharField(_("legal basis"), max_length=255, default=legal.BASIS)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("rotation")
        verbose_name_plural = _("rotations")
        ordering = ["planned_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_years__gte=legal.MIN_YEARS)
                & Q(period_years__lte=legal.MAX_YEARS),
                name="rotation_period_2_to_5_years",
            ),
            models.CheckConstraint(
                condition=Q(planned_on__gte=F("in_post_since")),
                name="rotation_planned_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person_id}: {self.post} → {self.planned_on}"

    def clean(self) -> None:
        errors = {}
        if self.in_post_since and self.planned_on and self.planned_on < self.in_post_since:
            errors["planned_on"] = _("The rotation is planned before the start in post.")
        if self.in_post_since and self.done_on and self.done_on < self.in_post_since:
            errors["done_on"] = _("The rotation date comes before the start in post.")
        if errors:
            raise ValidationError(errors)


class Assessment(models.TextChoices):
    MEETS = "meets", _("Meets the requirements")
    DOES_NOT_MEET = "does_not_meet", _("Does not meet the requirements")


class DeskCheck(models.Model):
    """A periodic check of a desk officer, with the figures as they stood when assessed."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("desk officer"),
        on_delete=models.PROTECT,
        related_name="desk_checks",
    )
    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="+"
    )
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"))
    assessment = models.CharField(_("assessment"), max_length=16, choices=Assessment.choices)
    reasons = models.TextField(_("reasons"), blank=True)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assessed by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    assessed_at = models.DateTimeField(_("assessed at"), auto_now_add=True)
    figures = models.JSONField(_("figures at the time"), default=dict, editable=False)

    class Meta:
        verbose_name = _("desk officer check")
        verbose_name_plural = _("desk officer checks")
        ordering = ["-period_end", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")), name="desk_check_period_order"
            ),
            models.CheckConstraint(
                condition=Q(assessment__in=Assessment.values), name="desk_check_assessment_valid"
            ),
            models.CheckConstraint(
                condition=~Q(assessment="does_not_meet") | ~Q(reasons=""),
                name="desk_check_failure_has_reasons",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person_id}: {self.period_start}–{self.period_end} {self.assessment}"

    def clean(self) -> None:
        errors = {}
        if self.period_start and self.period_end and self.period_end < self.period_start:
            errors["period_end"] = _("The period ends before it starts.")
        if self.assessment == Assessment.DOES_NOT_MEET and not self.reasons.strip():
            errors["reasons"] = _("Write why the officer does not meet the requirements.")
        if errors:
            raise ValidationError(errors)
