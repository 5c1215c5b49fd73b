"""Citizen feedback (phản ánh, kiến nghị): categories, deadline rules, items and their timeline.

Contact details are personal data: they live on Feedback for staff only and are never part of
a public page, the public API or Open311 output (see quantri.feedback.public).
"""

import uuid
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.storage import FileSystemStorage
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from quantri.core.models import HashedKey
from quantri.core.text import fold
from quantri.core.worklists import due_first
from quantri.feedback.codes import MAX_LENGTH as CODE_LENGTH
from quantri.indices.models import Dimension
from quantri.orgs.models import Agency
from quantri.procedures.models import Procedure


class FeedbackStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    ACCEPTED = "accepted", _("Accepted")
    TRANSFERRED = "transferred", _("Transferred")
    IN_PROGRESS = "in_progress", _("In progress")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", _("Closed")
    REJECTED = "rejected", _("Rejected (not in scope)")
    DUPLICATE = "duplicate", _("Duplicate")


S = FeedbackStatus
OPEN_STATUSES = frozenset({S.RECEIVED, S.ACCEPTED, S.TRANSFERRED, S.IN_PROGRESS})
# The honest life cycle: every move a service may make. A transferred item is handled by the
# unit it went to, which may accept it, answer it, refuse it or pass it on again.
TRANSITIONS: dict[str, frozenset[str]] = {
    S.RECEIVED: frozenset({S.ACCEPTED, S.REJECTED, S.DUPLICATE, S.TRANSFERRED}),
    S.ACCEPTED: frozenset({S.IN_PROGRESS, S.TRANSFERRED, S.ANSWERED}),
    S.TRANSFERRED: frozenset({S.ACCEPTED, S.IN_PROGRESS, S.TRANSFERRED, S.ANSWERED, S.REJECTED}),
    S.IN_PROGRESS: frozenset({S.TRANSFERRED, S.ANSWERED}),
    S.ANSWERED: frozenset({S.ANSWERED, S.CLOSED}),
    S.REJECTED: frozenset({S.CLOSED}),
    S.DUPLICATE: frozenset({S.CLOSED}),
    S.CLOSED: frozenset(),
}


class Channel(models.TextChoices):
    WEB = "web", _("Web form")
    OPEN311 = "open311", _("Open311 application")
    RECEPTION = "reception", _("Citizen reception")
    EMAIL = "email", _("E-mail")
    PHONE = "phone", _("Telephone")
    POST = "post", _("Letter")


class DeadlineTrigger(models.TextChoices):
    ACCEPTANCE = "acceptance", _("Decide whether it is accepted (from receipt)")
    TRANSFER = "transfer", _("Transfer if outside the remit (from receipt)")
    ANSWER = "answer", _("Answer (from acceptance or transfer)")


class DeadlineRule(models.Model):
    """A time limit in working days, as the law sets it and from the day it applies: laws
    change, and an item keeps the deadline of the rule in force when the clock started."""

    name = models.CharField(_("name"), max_length=255)
    trigger = models.CharField(_("counted for"), max_length=20, choices=DeadlineTrigger.choices)
    working_days = models.PositiveSmallIntegerField(_("working days"))
    legal_basis = models.CharField(_("legal basis"), max_length=255, blank=True)
    valid_from = models.DateField(_("valid from"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("deadline rule")
        verbose_name_plural = _("deadline rules")
        ordering = ["trigger", "-valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["trigger", "valid_from"], name="deadline_rule_one_per_trigger_and_day"
            ),
            models.CheckConstraint(
                condition=Q(working_days__gte=1), name="deadline_rule_days_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.working_days})"


class FeedbackCategory(models.Model):
    """What a citizen writes about; it names the unit responsible and the PAPI dimension the
    matter weighs on. Categories are also the Open311 "services"."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=255)
    name_en = models.CharField(_("English name"), max_length=255, blank=True)
    description = models.TextField(_("description"), blank=True)
    keywords = models.CharField(
        _("keywords"), max_length=255, blank=True, help_text=_("Comma-separated.")
    )
    unit = models.ForeignKey(
        Agency,
        verbose_name=_("responsible unit"),
        on_delete=models.PROTECT,
        related_name="feedback_categories",
    )
    dimension = models.ForeignKey(
        Dimension,
        verbose_name=_("PAPI dimension"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="feedback_categories",
    )
    active = models.BooleanField(_("active"), default=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("feedback category")
        verbose_name_plural = _("feedback categories")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        if get_language() == "en" and self.name_en:
            return self.name_en
        return self.name


class ApiKey(HashedKey):
    """A key an Open311 application sends with its requests."""

    class Meta(HashedKey.Meta):
        verbose_name = _("API key")
        verbose_name_plural = _("API keys")


class FeedbackQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def overdue(self, today=None):
        return self.open().filter(due_on__lt=today or timezone.localdate())

    def due_within(self, days: int, today=None):
        today = today or timezone.localdate()
        return self.open().filter(due_on__gte=today, due_on__lte=today + timezone.timedelta(days))

    def published(self):
        return self.filter(answer_published=True)

    def search(self, query: str):
        items = self
        for word in fold(query).split():
            items = items.filter(search_text__contains=word)
        return items

    def for_page(self):
        return self.select_related("category", "assigned_unit", "department", "procedure")

    def inbox(
        self,
        access,
        *,
        status: str = "",
        unit=None,
        category=None,
        overdue: bool = False,
        q: str = "",
        about_procedures: bool = False,
    ):
        """The staff inbox, for the page and the API alike: who may open it at all (a unit,
        the office or the People's Inspection Board, else PermissionDenied), what each sees
        (`Access.viewable_feedback`), and the same filters. `status` is a status or "open"."""
        if not access.uses_feedback_inbox():
            raise PermissionDenied
        items = access.viewable_feedback(self.for_page())
        if status == "open":
            items = items.filter(status__in=OPEN_STATUSES)
        elif status:
            items = items.filter(status=status)
        if unit:
            items = items.filter(assigned_unit=unit)
        if category:
            items = items.filter(category=category)
        if overdue:
            items = items.overdue()
        if about_procedures:
            items = items.filter(procedure__isnull=False)
        if q.strip():
            query = q.strip()
            items = items.filter(Q(code__iexact=query) | Q(text__icontains=query))
        return due_first(
            items, open_when=Q(status__in=OPEN_STATUSES), due="due_on", then=("-received_at", "pk")
        )


class Feedback(models.Model):
    code = models.CharField(_("tracking code"), max_length=CODE_LENGTH, unique=True)
    category = models.ForeignKey(
        FeedbackCategory,
        verbose_name=_("category"),
        on_delete=models.PROTECT,
        related_name="items",
    )
    # The department that received it: whose office follows it up, even once it is
    # transferred outside.
    department = models.ForeignKey(
        Agency, verbose_name=_("receiving agency"), on_delete=models.PROTECT, related_name="+"
    )
    text = models.TextField(_("content"))
    # Feedback about an administrative procedure: Decision 766's satisfaction group counts only
    # this feedback (how it was handled), not feedback about roads or lighting.
    procedure = models.ForeignKey(
        Procedure,
        verbose_name=_("administrative procedure"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="feedback",
    )
    location = models.CharField(_("location"), max_length=255, blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    contact_name = models.CharField(_("name"), max_length=150, blank=True)
    contact_phone = models.CharField(_("telephone"), max_length=40, blank=True)
    contact_email = models.EmailField(_("e-mail"), blank=True)
    contact_address = models.CharField(_("address"), max_length=255, blank=True)
    consent_to_publish = models.BooleanField(_("may be published"), default=False)
    channel = models.CharField(
        _("channel"), max_length=20, choices=Channel.choices, default=Channel.WEB
    )
    api_key = models.ForeignKey(
        ApiKey,
        verbose_name=_("sent by application"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=FeedbackStatus.choices, default=S.RECEIVED
    )
    assigned_unit = models.ForeignKey(
        Agency,
        verbose_name=_("unit in charge"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assigned_feedback",
    )
    duplicate_of = models.ForeignKey(
        "self",
        verbose_name=_("duplicate of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="duplicates",
    )
    received_at = models.DateTimeField(_("received at"), default=timezone.now)
    # Empty only if the office deleted every rule: the item is still received, never lost.
    decision_due_on = models.DateField(_("decision due"), null=True, blank=True)
    transfer_due_on = models.DateField(_("transfer due"), null=True, blank=True)
    answer_due_on = models.DateField(_("answer due"), null=True, blank=True)
    # The deadline the item is now waiting on (decision, then answer): the overdue lists'
    # one column.
    due_on = models.DateField(_("deadline"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    transferred_at = models.DateTimeField(_("transferred at"), null=True, blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    answered_on_time = models.BooleanField(_("answered on time"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    answer_text = models.TextField(_("answer"), blank=True)
    answer_published = models.BooleanField(_("answer published"), default=False)
    answer_published_at = models.DateTimeField(_("answer published at"), null=True, blank=True)
    # Folded published text ("ho so dang ky"), for searching published answers.
    search_text = models.TextField(_("search text"), blank=True, editable=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    # The history is read per item (by its id, in date order): indexes on the copies of the
    # item's links and code would only make every public submission write six more pages.
    history = HistoricalRecords(
        excluded_fields=["search_text"],
        no_db_index=[
            "code", "api_key", "assigned_unit", "category", "department", "duplicate_of",
            "procedure",
        ],
    )  # fmt: skip
    objects = FeedbackQuerySet.as_manager()

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        ordering = ["-received_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=FeedbackStatus.values), name="feedback_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(answer_published=False) | ~Q(answer_text=""),
                name="feedback_published_answer_has_text",
            ),
            models.CheckConstraint(
                condition=~Q(duplicate_of=models.F("pk")), name="feedback_not_its_own_duplicate"
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
                name="feedback_latitude_range",
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
                name="feedback_longitude_range",
            ),
        ]
        indexes = [
            # The overdue lists and the reminder job: open statuses with a past deadline.
            models.Index(fields=["status", "due_on"], name="feedback_status_due_idx"),
            # A unit's inbox: the items assigned to it, by status.
            models.Index(fields=["assigned_unit", "status"], name="feedback_unit_status_idx"),
            # The office's inbox and Open311 date filters: a department's items by date.
            models.Index(fields=["department", "received_at"], name="feedback_dept_received_idx"),
            # The published answers page, newest first.
            models.Index(
                fields=["answer_published", "-answer_published_at"],
                name="feedback_published_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.code

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def is_overdue(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.is_open and self.due_on is not None and self.due_on < today

    def allowed_next(self) -> frozenset[str]:
        return TRANSITIONS[self.status]

    @property
    def has_contact(self) -> bool:
        return any(
            [self.contact_name, self.contact_phone, self.contact_email, self.contact_address]
        )


class EventKind(models.TextChoices):
    RECEIVED = "received", _("Received")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected (not in scope)")
    DUPLICATE = "duplicate", _("Marked as a duplicate")
    ASSIGNED = "assigned", _("Assigned to a unit")
    TRANSFERRED = "transferred", _("Transferred")
    IN_PROGRESS = "in_progress", _("Being handled")
    ANSWERED = "answered", _("Answered")
    PUBLISHED = "published", _("Answer published")
    UNPUBLISHED = "unpublished", _("Answer withdrawn from publication")
    CLOSED = "closed", _("Closed")
    NOTE = "note", _("Note")


class FeedbackEvent(models.Model):
    """One step of an item's timeline. Public events are shown on the tracking page; internal
    notes stay with staff."""

    feedback = models.ForeignKey(
        Feedback, verbose_name=_("feedback"), on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField(_("event"), max_length=20, choices=EventKind.choices)
    status = models.CharField(
        _("status after"), max_length=20, choices=FeedbackStatus.choices, blank=True
    )
    unit = models.ForeignKey(
        Agency,
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    note = models.TextField(_("note"), blank=True)
    is_public = models.BooleanField(_("shown to the public"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        verbose_name = _("feedback event")
        verbose_name_plural = _("feedback events")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.feedback} — {self.get_kind_display()}"


def private_storage() -> FileSystemStorage:
    """Attachments may show faces, papers and addresses: they sit in their own folder, under
    random names, and are served only through the staff view (never by a media URL)."""
    return FileSystemStorage(location=PurePath(settings.MEDIA_ROOT) / "private", base_url=None)


def attachment_path(instance: "FeedbackAttachment", filename: str) -> str:
    today = timezone.localdate()
    extension = PurePath(filename).suffix.lower()
    return f"feedback/{today:%Y/%m}/{uuid.uuid4().hex}{extension}"


class FeedbackAttachment(models.Model):
    feedback = models.ForeignKey(
        Feedback,
        verbose_name=_("feedback"),
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    file = models.FileField(_("file"), storage=private_storage, upload_to=attachment_path)
    original_name = models.CharField(_("file name"), max_length=255)
    kind = models.CharField(_("type"), max_length=20)
    size = models.PositiveIntegerField(_("size (bytes)"))
    created_at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.original_name
