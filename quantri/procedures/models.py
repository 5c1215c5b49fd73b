"""The administrative procedure catalogue (TTHC) and its periodic reviews."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Case, IntegerField, Q, Value, When
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from quantri.core.text import fold
from quantri.orgs.models import Agency

# National codes as the national procedure database writes them: "1.001234", sometimes with
# the long suffix of the full code ("1.001234.000.00.00.H31").
CODE_PATTERN = r"^\d\.\d{6}(\.[0-9A-Za-z]+)*$"
code_validator = RegexValidator(
    CODE_PATTERN, _("A national procedure code looks like 1.001234 (a digit, a dot, six digits).")
)


class Level(models.TextChoices):
    CENTRAL = "central", _("Central level")
    PROVINCE = "province", _("Province level")
    DISTRICT = "district", _("District level (until 2025)")
    COMMUNE = "commune", _("Commune level")


class OnlineService(models.TextChoices):
    """Decree 42/2022: fully online ≈ old level 4, partially online ≈ old level 3."""

    FULL = "full", _("Fully online")
    PARTIAL = "partial", _("Partially online")
    NONE = "none", _("Not online")


class Proposal(models.TextChoices):
    KEEP = "keep", _("Keep")
    AMEND = "amend", _("Amend")
    SUPPLEMENT = "supplement", _("Supplement")
    ABOLISH = "abolish", _("Abolish")


class ProcedureField(models.Model):
    """A field (lĩnh vực) of the catalogue: data, since each ministry's list differs."""

    code = models.CharField(_("code"), max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=255)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("procedure field")
        verbose_name_plural = _("procedure fields")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 12


def _word_matches(word: str) -> Q:
    """A word with a digit may be (part of) a code: "001234" finds 1.001234."""
    matches = Q(folded_name__contains=word)
    if any(ch.isdigit() for ch in word):
        matches |= Q(code__icontains=word)
    return matches


class ProcedureQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def search(self, query: str):
        """Every word of the query, diacritics and đ/Đ ignored, in the name or the code;
        ranked: exact code, code prefix, name starting with the query, name containing the
        query as a phrase, then the rest. Plain LIKE on a folded column, so SQLite and
        PostgreSQL return the same rows in the same order."""
        folded = fold(query[:MAX_QUERY_LENGTH])
        words = folded.split()[:MAX_QUERY_WORDS]  # each word is one more LIKE: keep it bounded
        if not words:
            return self.annotate(rank=Value(0, output_field=IntegerField())).order_by(
                "folded_name", "code"
            )
        rows = self
        for word in words:
            rows = rows.filter(_word_matches(word))
        code = query.strip()
        rank = Case(
            When(code=code, then=Value(0)),
            When(code__startswith=code, then=Value(1)),
            When(folded_name__startswith=folded, then=Value(2)),
            When(folded_name__contains=folded, then=Value(3)),
            default=Value(4),
            output_field=IntegerField(),
        )
        return rows.annotate(rank=rank).order_by("rank", "folded_name", "code")

    def for_list(self):
        return self.select_related("field", "agency")

    def for_search(self):
        """for_list without the long JSON columns a result list never shows."""
        return self.for_list().defer("documents", "steps", "legal_bases", "processing_time_text")

    def page_with_total(self, number: int, size: int) -> tuple[list, int, int]:
        """(rows, total, page number) of one page; a page past the end gives the last one.
        A COUNT then a LIMITed SELECT: measured faster at the 95th percentile than one query
        with a window count, which must sort every match (all 5,000 for an empty query)."""
        total = self.count()
        number = min(max(number, 1), max((total + size - 1) // size, 1))
        start = (number - 1) * size
        return list(self[start : start + size]), total, number

    def filter_by(self, *, field: str = "", level: str = "", online: str = ""):
        """The catalogue's filters; an empty value does not filter."""
        rows = self
        if field:
            rows = rows.filter(field__code=field)
        if level:
            rows = rows.filter(level=level)
        if online:
            rows = rows.filter(online_service=online)
        return rows


class Procedure(models.Model):
    code = models.CharField(
        _("national code"), max_length=40, unique=True, validators=[code_validator]
    )
    name = models.CharField(_("name"), max_length=500)
    folded_name = models.CharField(
        _("name without diacritics"), max_length=500, editable=False, default=""
    )
    field = models.ForeignKey(
        ProcedureField, verbose_name=_("field"), on_delete=models.PROTECT, related_name="procedures"
    )
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    agency = models.ForeignKey(
        Agency,
        verbose_name=_("implementing agency"),
        on_delete=models.PROTECT,
        related_name="procedures",
    )
    processing_days = models.PositiveSmallIntegerField(
        _("processing time (working days)"), null=True, blank=True
    )
    processing_time_text = models.CharField(
        _("processing time as written"), max_length=500, blank=True
    )
    documents = models.JSONField(
        _("required documents"),
        default=list,
        blank=True,
        help_text=_('A list of {"name", "copies", "form"}.'),
    )
    steps = models.JSONField(_("steps"), default=list, blank=True)
    legal_bases = models.JSONField(_("legal bases"), default=list, blank=True)
    online_service = models.CharField(
        _("online service"), max_length=10, choices=OnlineService.choices, default="none"
    )
    old_online_level = models.PositiveSmallIntegerField(
        _("old online level (1–4)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(4)],
        help_text=_("The level under Decree 43/2011, kept for history."),
    )
    is_published = models.BooleanField(
        _("published"), default=False, help_text=_("Shown on the public portal.")
    )
    last_reviewed_on = models.DateField(_("last reviewed on"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    history = HistoricalRecords()
    objects = ProcedureQuerySet.as_manager()

    class Meta:
        verbose_name = _("administrative procedure")
        verbose_name_plural = _("administrative procedures")
        ordering = ["folded_name", "code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(old_online_level__isnull=True)
                | Q(old_online_level__gte=1, old_online_level__lte=4),
                name="procedure_old_online_level_1_4",
            ),
            models.CheckConstraint(
                condition=Q(online_service__in=OnlineService.values),
                name="procedure_online_service_valid",
            ),
        ]
        indexes = [
            # The public search: published rows ordered by folded name, and "name starts with
            # the query" (LIKE 'x%'). Substring matches scan the folded column, which stays
            # in the low milliseconds at catalogue sizes (a few thousand rows).
            models.Index(fields=["is_published", "folded_name"], name="procedure_pub_name_idx"),
            models.Index(fields=["folded_name"], name="procedure_folded_name_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.code} — {self.name}"

    def refresh_folded_name(self) -> None:
        self.folded_name = fold(self.name)[:500]


class Fee(models.Model):
    """A fee or charge of a procedure: an amount in VND, or words when it varies."""

    procedure = models.ForeignKey(
        Procedure, verbose_name=_("procedure"), on_delete=models.CASCADE, related_name="fees"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name = models.CharField(_("name"), max_length=500)
    amount = models.DecimalField(
        _("amount (VND)"), max_digits=14, decimal_places=0, null=True, blank=True
    )
    amount_text = models.CharField(_("amount as written"), max_length=500, blank=True)
    legal_basis = models.CharField(_("legal basis"), max_length=500, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("fee or charge")
        verbose_name_plural = _("fees and charges")
        ordering = ["procedure", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__isnull=True) | Q(amount__gte=0), name="fee_amount_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(amount__isnull=False) | ~Q(amount_text=""),
                name="fee_has_amount_or_text",
                violation_error_message=_("A fee needs an amount or the amount as written."),
            ),
        ]

    def __str__(self) -> str:
        return self.name


class ProcedureReview(models.Model):
    """A review cycle (rà soát, đánh giá TTHC): for each procedure, keep, amend, supplement
    or abolish, with reasons."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    title = models.CharField(_("title"), max_length=500)
    started_on = models.DateField(_("started on"))
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("procedure review")
        verbose_name_plural = _("procedure reviews")
        ordering = ["-year", "-started_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closed_on__isnull=True) | Q(closed_on__gte=models.F("started_on")),
                name="procedure_review_closed_after_start",
                violation_error_message=_("A review cannot close before it started."),
            ),
            models.CheckConstraint(
                condition=Q(year__gte=1990, year__lte=2200), name="procedure_review_year_plausible"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.closed_on is None


class ReviewItem(models.Model):
    review = models.ForeignKey(
        ProcedureReview, verbose_name=_("review"), on_delete=models.CASCADE, related_name="items"
    )
    procedure = models.ForeignKey(
        Procedure,
        verbose_name=_("procedure"),
        on_delete=models.PROTECT,
        related_name="review_items",
    )
    proposal = models.CharField(_("proposal"), max_length=20, choices=Proposal.choices)
    reasons = models.TextField(_("reasons"), blank=True)
    task = models.ForeignKey(
        "plans.Task",
        verbose_name=_("plan task"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="procedure_review_items",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("review item")
        verbose_name_plural = _("review items")
        ordering = ["review", "procedure__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["review", "procedure"], name="review_item_one_per_procedure"
            ),
            models.CheckConstraint(
                condition=Q(proposal__in=Proposal.values), name="review_item_proposal_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.procedure.code}: {self.get_proposal_display()}"
