"""Disclosures (công khai): notices and documents an agency publishes to the public, or to its
own staff under the grassroots-democracy law (Law 10/2022/QH15), within a limit in working
days of the decision they make known."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from quantri.orgs.models import Agency


class Audience(models.TextChoices):
    PUBLIC = "public", _("Public")
    INTERNAL = "internal", _("Internal (staff)")


class DisclosureStatus(models.TextChoices):
    """Derived, never stored: it depends on the day it is read."""

    ON_TIME = "on_time", _("Published on time")
    LATE = "late", _("Published late")
    PENDING = "pending", _("Not yet published")
    OVERDUE = "overdue", _("Overdue, not published")


class DisclosureCategory(models.Model):
    """What is disclosed (work plans, budget, staffing decisions…), with the limit the law
    sets for it: data, since the rules differ by category and change."""

    code = models.CharField(_("code"), max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=255)
    name_en = models.CharField(_("English name"), max_length=255, blank=True)
    default_audience = models.CharField(
        _("usual audience"), max_length=10, choices=Audience.choices, default=Audience.INTERNAL
    )
    limit_working_days = models.PositiveSmallIntegerField(
        _("limit (working days after the decision)"), default=5
    )
    legal_basis = models.CharField(_("legal basis"), max_length=255, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("disclosure category")
        verbose_name_plural = _("disclosure categories")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        if get_language() == "en" and self.name_en:
            return self.name_en
        return self.name


class DisclosureQuerySet(models.QuerySet):
    def published(self, on: datetime.date | None = None):
        return self.filter(published_on__isnull=False, published_on__lte=on or timezone.localdate())

    def public(self):
        return self.published().filter(audience=Audience.PUBLIC)

    def late(self):
        return self.filter(published_on__gt=F("due_on"))

    def overdue(self, today: datetime.date | None = None):
        return self.filter(published_on__isnull=True, due_on__lt=today or timezone.localdate())

    def for_page(self):
        return self.select_related("agency", "category")


class Disclosure(models.Model):
    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="disclosures"
    )
    category = models.ForeignKey(
        DisclosureCategory,
        verbose_name=_("category"),
        on_delete=models.PROTECT,
        related_name="disclosures",
    )
    title = models.CharField(_("title"), max_length=500)
    summary = models.TextField(_("summary"), blank=True)
    audience = models.CharField(_("audience"), max_length=10, choices=Audience.choices)
    decision_number = models.CharField(_("decision number"), max_length=60, blank=True)
    decision_date = models.DateField(_("decision date"))
    due_on = models.DateField(
        _("publish by"),
        help_text=_("The decision date plus the category's limit in working days."),
    )
    published_on = models.DateField(_("published on"), null=True, blank=True)
    attachment = models.FileField(_("attachment"), upload_to="disclosures/%Y/", blank=True)
    attachment_name = models.CharField(_("attachment file name"), max_length=255, blank=True)
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

    history = HistoricalRecords()
    objects = DisclosureQuerySet.as_manager()

    class Meta:
        verbose_name = _("disclosure")
        verbose_name_plural = _("disclosures")
        ordering = ["-decision_date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(published_on__isnull=True) | Q(published_on__gte=F("decision_date")),
                name="disclosure_published_after_decision",
                violation_error_message=_("A notice cannot be published before its decision."),
            ),
            models.CheckConstraint(
                condition=Q(due_on__gte=F("decision_date")),
                name="disclosure_due_after_decision",
            ),
            models.CheckConstraint(
                condition=Q(audience__in=Audience.values), name="disclosure_audience_valid"
            ),
        ]
        indexes = [
            # The public list: published public notices, newest first.
            models.Index(fields=["audience", "published_on"], name="disclosure_audience_pub_idx"),
            # The overdue list: not published and past the limit.
            models.Index(fields=["due_on", "published_on"], name="disclosure_due_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    def status(self, today: datetime.date | None = None) -> str:
        if self.published_on is not None:
            late = self.published_on > self.due_on
            return DisclosureStatus.LATE if late else DisclosureStatus.ON_TIME
        if self.due_on < (today or timezone.localdate()):
            return DisclosureStatus.OVERDUE
        return DisclosureStatus.PENDING

    def status_label(self) -> str:
        return DisclosureStatus(self.status()).label

    @property
    def is_late(self) -> bool:
        return self.published_on is not None and self.published_on > self.due_on

    def is_visible_to_public(self) -> bool:
        return (
            self.audience == Audience.PUBLIC
            and self.published_on is not None
            and self.published_on <= timezone.localdate()
        )
