from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


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

    @property
    def display_name(self) -> str:
        if get_language() == "en" and self.name_en:
            return self.name_en
        return self.name
