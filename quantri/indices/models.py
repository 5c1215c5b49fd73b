import datetime
import re

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from quantri.core.text import fold
from quantri.orgs.models import active_on_q


class Framework(models.Model):
    """An index a plan can target: PAPI, PAR INDEX, SIPAS, PCI… Loaded as data, never coded."""

    code = models.CharField(_("code"), max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=255)
    name_en = models.CharField(_("English name"), max_length=255, blank=True)
    aliases = models.JSONField(_("other names"), default=list, blank=True)
    max_total = models.DecimalField(
        _("maximum total"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("index framework")
        verbose_name_plural = _("index frameworks")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.code


class DimensionQuerySet(models.QuerySet):
    def top_level(self):
        return self.filter(parent__isnull=True)

    def applicable(self, year: int):
        """Dimensions measured in a year (e.g. PAPI 5.2 construction permits ended in 2020)."""
        return self.filter(
            Q(valid_from_year__isnull=True) | Q(valid_from_year__lte=year),
            Q(valid_to_year__isnull=True) | Q(valid_to_year__gte=year),
        )


class Dimension(models.Model):
    """A dimension (parent empty) or sub-dimension of a framework, e.g. PAPI 5 and 5.1."""

    framework = models.ForeignKey(
        Framework, verbose_name=_("framework"), on_delete=models.CASCADE, related_name="dimensions"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent dimension"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
    )
    code = models.CharField(_("code"), max_length=20)
    source_code = models.CharField(
        _("code in source data"), max_length=20, blank=True, help_text=_("e.g. SC11, C01")
    )
    name = models.CharField(_("name"), max_length=255)
    name_en = models.CharField(_("English name"), max_length=255, blank=True)
    aliases = models.JSONField(
        _("other wordings"),
        default=list,
        blank=True,
        help_text=_("Wordings plans use for this dimension, used to classify task groups."),
    )
    min_score = models.DecimalField(_("minimum score"), max_digits=8, decimal_places=3)
    max_score = models.DecimalField(_("maximum score"), max_digits=8, decimal_places=3)
    valid_from_year = models.PositiveSmallIntegerField(_("first year"), null=True, blank=True)
    valid_to_year = models.PositiveSmallIntegerField(_("last year"), null=True, blank=True)
    # A score range that changed with the survey (5.1, 5.3, 5.4 from 2021): the ranges by year
    # with their source, from data/papi.json; min_score/max_score are the latest.
    score_ranges = models.JSONField(
        _("score ranges by year"),
        default=list,
        blank=True,
        help_text=_('A list of {"from_year", "to_year", "min_score", "max_score", "source"}.'),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = DimensionQuerySet.as_manager()

    class Meta:
        verbose_name = _("dimension")
        verbose_name_plural = _("dimensions")
        ordering = ["framework", "order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "code"], name="dimension_code_unique"),
            models.CheckConstraint(
                condition=Q(min_score__lt=models.F("max_score")),
                name="dimension_min_below_max",
            ),
            models.CheckConstraint(
                condition=Q(valid_from_year__isnull=True)
                | Q(valid_to_year__isnull=True)
                | Q(valid_from_year__lte=models.F("valid_to_year")),
                name="dimension_years_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code}. {self.display_name}"

    def range_in(self, year: int) -> tuple[float, float]:
        """The (minimum, maximum) score in a survey year: PAPI 5.1 spans 0.25–2.5 up to 2020
        and 0.33–3.33 from 2021 (score_ranges); the latest range when none is dated."""
        for span in self.score_ranges or []:
            if span["from_year"] <= year and (span["to_year"] is None or year <= span["to_year"]):
                return float(span["min_score"]), float(span["max_score"])
        return float(self.min_score), float(self.max_score)

    @property
    def display_name(self) -> str:
        if get_language() == "en" and self.name_en:
            return self.name_en
        return self.name


class ProvinceQuerySet(models.QuerySet):
    def active(self, on: datetime.date | None = None):
        return self.filter(active_on_q(on or timezone.localdate()))

    def resolve(self, text: str) -> "Province":
        """The province a person or a file means: its code (P21, p21) or its name with or
        without diacritics ("Hưng Yên", "hung yen", "Tỉnh Hưng Yên", "Hung Yen")."""
        wanted = (text or "").strip()
        by_code = self.filter(code__iexact=wanted).first()
        if by_code is not None:
            return by_code
        key = name_key(wanted)
        matches = [p for p in self.all() if key and key in p.name_keys()]
        if len(matches) != 1:
            raise Province.DoesNotExist(wanted)
        return matches[0]

    def for_agency(self, agency) -> "Province | None":
        """The PAPI province an agency belongs to: the one linked to it or to an agency above it
        (a department's scores are its province's)."""
        chain = [agency, *agency.ancestors()] if agency is not None else []
        linked = {p.agency_id: p for p in self.filter(agency__in=chain)}
        return next((linked[a.pk] for a in chain if a.pk in linked), None)


_PREFIXES = re.compile(r"^(tinh|thanh pho|tp\.?)\s+")


def name_key(text: str) -> str:
    """A province name reduced for matching: folded, "Tỉnh"/"Thành phố" dropped, and only
    letters kept, so "TP. Hồ Chí Minh", "Ho Chi Minh" and "Hồ Chí Minh" meet, and so do the
    source's "Hanoi" and "Hà Nội"."""
    folded = _PREFIXES.sub("", fold(text))
    return re.sub(r"[^a-z0-9]", "", folded)


class Province(models.Model):
    """A province as statistical geography: what PAPI scores are reported for.

    Separate from the organisation tree (orgs.Agency) because a score series follows the
    territory the survey covered, not an office; `agency` links the two when the province's
    People's Committee is in the tree. Provinces merged away on 1 July 2025 keep their rows and
    scores up to 2024, with `valid_to` and the `successor` they merged into.
    """

    code = models.CharField(_("code"), max_length=10, unique=True, help_text=_("e.g. P21"))
    name = models.CharField(_("name"), max_length=100)
    name_en = models.CharField(_("English name"), max_length=100, blank=True)
    name_folded = models.CharField(
        _("name without diacritics"), max_length=100, db_index=True, editable=False
    )
    aliases = models.JSONField(_("other names"), default=list, blank=True)
    # A province renamed without merging (Thừa Thiên Huế → thành phố Huế, 1/1/2025): its
    # earlier names with the day each stopped, and the act that changed it.
    former_names = models.JSONField(
        _("former names"),
        default=list,
        blank=True,
        help_text=_('A list of {"name", "name_en", "until", "source"}.'),
    )
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    successor = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="predecessors",
    )
    agency = models.ForeignKey(
        "orgs.Agency",
        verbose_name=_("provincial agency"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="papi_provinces",
        help_text=_("The province's People's Committee in the organisation tree, if there."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    history = HistoricalRecords()
    objects = ProvinceQuerySet.as_manager()

    class Meta:
        verbose_name = _("province")
        verbose_name_plural = _("provinces")
        ordering = ["order", "code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_from__isnull=True)
                | Q(valid_to__isnull=True)
                | Q(valid_from__lt=models.F("valid_to")),
                name="province_valid_from_before_valid_to",
            ),
            models.CheckConstraint(
                condition=Q(successor__isnull=True) | Q(valid_to__isnull=False),
                name="province_successor_only_when_closed",
            ),
            models.CheckConstraint(
                condition=~Q(successor=models.F("pk")), name="province_not_its_own_successor"
            ),
            models.UniqueConstraint(
                fields=["agency"],
                condition=Q(agency__isnull=False),
                name="province_one_per_agency",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        # A copy of the name for searching without diacritics, kept in step with the name.
        self.name_folded = fold(self.name)
        super().save(*args, **kwargs)

    def name_on(self, day: datetime.date) -> str:
        """The name the province had on that day (a score of 2024 is Thừa Thiên Huế's)."""
        earlier = sorted(self.former_names or [], key=lambda n: n["until"])
        for former in earlier:
            if day < datetime.date.fromisoformat(former["until"]):
                return former["name"]
        return self.name

    def name_in_year(self, year: int) -> str:
        """The name a PAPI year's results carry: the one at the end of the survey year."""
        return self.name_on(datetime.date(year, 12, 31))

    def name_keys(self) -> set[str]:
        names = [self.name, self.name_en, *(self.aliases or [])]
        return {name_key(n) for n in names if n}

    def is_active(self, on: datetime.date | None = None) -> bool:
        on = on or timezone.localdate()
        return (self.valid_from is None or self.valid_from <= on) and (
            self.valid_to is None or on < self.valid_to
        )


class ScoreRecordQuerySet(models.QuerySet):
    def of_framework(self, code: str = "PAPI"):
        return self.filter(dimension__framework__code=code)

    def rows(self):
        """(province code, year, sub-dimension code, score) tuples for the analytics."""
        return self.values_list("province__code", "year", "dimension__code", "score")


class ScoreRecord(models.Model):
    """A published sub-dimension score of a province in a year.

    Only sub-dimensions are stored; dimensions and the total are sums computed when read
    (quantri.indices.analytics), so they can never disagree with their parts. A score that
    was not published is no row — never a zero.
    """

    province = models.ForeignKey(
        Province, verbose_name=_("province"), on_delete=models.PROTECT, related_name="scores"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    dimension = models.ForeignKey(
        Dimension, verbose_name=_("sub-dimension"), on_delete=models.PROTECT, related_name="scores"
    )
    score = models.FloatField(_("score"))
    source = models.CharField(_("source"), max_length=255, blank=True)

    objects = ScoreRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        ordering = ["year", "province", "dimension"]
        constraints = [
            models.UniqueConstraint(
                fields=["province", "year", "dimension"], name="score_one_per_province_year"
            ),
            models.CheckConstraint(
                condition=Q(year__gte=2006, year__lte=2200), name="score_year_plausible"
            ),
            models.CheckConstraint(condition=Q(score__gte=0), name="score_not_negative"),
        ]
        indexes = [
            # The national table of a year reads every province's scores for that year.
            models.Index(fields=["year", "dimension"], name="score_year_dimension_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.province} {self.year} {self.dimension.code}: {self.score}"
