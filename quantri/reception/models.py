"""Citizen reception (tiếp công dân) and dialogues (đối thoại).

The head of an agency receives citizens in person at least one day a month (Law 42/2013) and
publishes when and where; extra sessions are added for urgent matters. What citizens raise
can become a feedback item; what a dialogue commits the agency to can become a plan task.
Who was received is personal data: the office and the People's Inspection Board read it.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from quantri.orgs.models import Agency


class SessionKind(models.TextChoices):
    REGULAR = "regular", _("Regular (the head's monthly day)")
    EXTRA = "extra", _("Extra")


class SessionMode(models.TextChoices):
    """The 2025 amendment of the Law on Citizen Reception added reception online."""

    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")


class ReceptionSessionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def upcoming(self, today: datetime.date):
        return self.filter(date__gte=today).order_by("date", "start_time")

    def regular_months(self, agency_id: int, first: datetime.date, last: datetime.date) -> set:
        """(year, month) pairs with at least one regular session of the agency."""
        dates = self.filter(
            agency_id=agency_id, kind=SessionKind.REGULAR, date__gte=first, date__lte=last
        ).values_list("date", flat=True)
        return {(d.year, d.month) for d in dates}


def months_between(first: datetime.date, last: datetime.date) -> list[tuple[int, int]]:
    months, (year, month) = [], (first.year, first.month)
    while (year, month) <= (last.year, last.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


class ReceptionSession(models.Model):
    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="receptions"
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=SessionKind.choices, default=SessionKind.REGULAR
    )
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("from"))
    end_time = models.TimeField(_("to"))
    mode = models.CharField(
        _("form of reception"),
        max_length=10,
        choices=SessionMode.choices,
        default=SessionMode.IN_PERSON,
    )
    place = models.CharField(_("place"), max_length=255, blank=True)
    online_link = models.URLField(
        _("online link"),
        max_length=500,
        blank=True,
        help_text=_("Where citizens join an online session (video meeting address)."),
    )
    receiver = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("receiving official (user)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    receiver_name = models.CharField(_("receiving official"), max_length=150)
    receiver_position = models.CharField(_("position"), max_length=150)
    note = models.TextField(_("note"), blank=True)
    is_published = models.BooleanField(_("published"), default=False)

    history = HistoricalRecords()
    objects = ReceptionSessionQuerySet.as_manager()

    class Meta:
        verbose_name = _("reception session")
        verbose_name_plural = _("reception sessions")
        ordering = ["-date", "-start_time"]
        constraints = [
            models.CheckConstraint(
                condition=Q(start_time__lt=models.F("end_time")),
                name="reception_session_starts_before_it_ends",
            ),
            models.UniqueConstraint(
                fields=["agency", "date", "start_time"], name="reception_session_one_per_slot"
            ),
            models.CheckConstraint(
                condition=Q(mode__in=SessionMode.values), name="reception_session_mode_valid"
            ),
            # In person: where; online: the link citizens join by.
            models.CheckConstraint(
                condition=(Q(mode=SessionMode.IN_PERSON) & ~Q(place=""))
                | (Q(mode=SessionMode.ONLINE) & ~Q(online_link="")),
                name="reception_session_place_or_link",
                violation_error_message=_(
                    "An in-person session needs its place; an online session its link."
                ),
            ),
        ]
        indexes = [
            # The published schedule and the monthly check: an agency's sessions by date.
            models.Index(fields=["agency", "date"], name="reception_agency_date_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} {self.start_time:%H:%M} — {self.receiver_name}"

    @property
    def legal_basis(self) -> str:
        from quantri.reception.legal import basis_on

        return basis_on(self.date)


class ReceptionRecord(models.Model):
    """What happened at a session: how many people came, who (private), what was raised."""

    session = models.OneToOneField(
        ReceptionSession,
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="record",
    )
    people_count = models.PositiveSmallIntegerField(_("people received"), default=0)
    people = models.TextField(
        _("people received (names)"),
        blank=True,
        help_text=_("Personal data: one person per line, never published."),
    )
    summary = models.TextField(_("summary"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("reception record")
        verbose_name_plural = _("reception records")

    def __str__(self) -> str:
        return str(self.session)


class ReceptionMatter(models.Model):
    record = models.ForeignKey(
        ReceptionRecord, verbose_name=_("record"), on_delete=models.CASCADE, related_name="matters"
    )
    order = models.PositiveSmallIntegerField(_("order"))
    text = models.TextField(_("matter raised"))
    feedback = models.OneToOneField(
        "feedback.Feedback",
        verbose_name=_("feedback item"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reception_matter",
    )

    class Meta:
        verbose_name = _("matter raised")
        verbose_name_plural = _("matters raised")
        ordering = ["record", "order"]
        constraints = [
            models.UniqueConstraint(fields=["record", "order"], name="reception_matter_order")
        ]

    def __str__(self) -> str:
        return self.text[:80]


class Dialogue(models.Model):
    """A dialogue between the agency's head and citizens, businesses or organisations."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("organising agency"), on_delete=models.PROTECT, related_name="+"
    )
    date = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=255, blank=True)
    topic = models.CharField(_("topic"), max_length=500)
    participants = models.TextField(_("participants"), blank=True)
    issues = models.TextField(_("issues raised"), blank=True)
    is_published = models.BooleanField(_("published"), default=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("dialogue")
        verbose_name_plural = _("dialogues")
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} — {self.topic}"


class DialogueCommitment(models.Model):
    dialogue = models.ForeignKey(
        Dialogue, verbose_name=_("dialogue"), on_delete=models.CASCADE, related_name="commitments"
    )
    order = models.PositiveSmallIntegerField(_("order"))
    text = models.TextField(_("commitment"))
    unit = models.ForeignKey(
        Agency,
        verbose_name=_("unit responsible"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    due_on = models.DateField(_("deadline"), null=True, blank=True)
    task = models.OneToOneField(
        "plans.Task",
        verbose_name=_("plan task"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="dialogue_commitment",
    )

    class Meta:
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        ordering = ["dialogue", "order"]
        constraints = [
            models.UniqueConstraint(fields=["dialogue", "order"], name="dialogue_commitment_order")
        ]

    def __str__(self) -> str:
        return self.text[:80]
