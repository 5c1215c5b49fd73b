"""Surveys: questionnaires an agency runs (citizen satisfaction, self-assessment), the service
points that collect answers, the responses, and the population margins used to weight them."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from quantri.indices.models import Dimension
from quantri.orgs.models import Agency


class SurveyKind(models.TextChoices):
    SATISFACTION = "satisfaction", _("Satisfaction survey")
    SELF_ASSESSMENT = "self_assessment", _("Self-assessment")
    OTHER = "other", _("Other survey")


class SurveyStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class QuestionType(models.TextChoices):
    SINGLE = "single", _("Single choice")
    MULTIPLE = "multiple", _("Multiple choice")
    LIKERT = "likert", _("Rating scale (Likert)")
    NUMBER = "number", _("Number")
    TEXT = "text", _("Text")


class Sex(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")


class AgeGroup(models.TextChoices):
    UNDER_30 = "under_30", _("Under 30")
    FROM_30 = "30_44", _("30 to 44")
    FROM_45 = "45_59", _("45 to 59")
    FROM_60 = "60_plus", _("60 and over")


class Area(models.TextChoices):
    URBAN = "urban", _("Urban")
    RURAL = "rural", _("Rural")


class ProfileVariable(models.TextChoices):
    """The respondent attributes responses can be weighted on, named as Response fields."""

    SEX = "sex", _("Sex")
    AGE_GROUP = "age_group", _("Age group")
    AREA = "area", _("Area")


PROFILE_CATEGORIES = {
    ProfileVariable.SEX: Sex,
    ProfileVariable.AGE_GROUP: AgeGroup,
    ProfileVariable.AREA: Area,
}


class Weighting(models.TextChoices):
    NONE = "none", _("No weighting")
    POST_STRATIFICATION = "poststratification", _("Post-stratification (sex × age × area cells)")
    RAKING = "raking", _("Raking to the margins")


class Direction(models.TextChoices):
    HIGHER = "higher", _("Higher is better")
    LOWER = "lower", _("Lower is better")


class SurveyQuerySet(models.QuerySet):
    def accepting(self, on: datetime.date | None = None):
        """Open surveys whose dates (if set) include the day."""
        on = on or timezone.localdate()
        return self.filter(
            Q(opens_on__isnull=True) | Q(opens_on__lte=on),
            Q(closes_on__isnull=True) | Q(closes_on__gte=on),
            status=SurveyStatus.OPEN,
        )


class Survey(models.Model):
    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="surveys"
    )
    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(_("introduction"), blank=True)
    kind = models.CharField(
        _("kind"), max_length=20, choices=SurveyKind.choices, default=SurveyKind.SATISFACTION
    )
    status = models.CharField(
        _("status"), max_length=10, choices=SurveyStatus.choices, default=SurveyStatus.DRAFT
    )
    opens_on = models.DateField(_("opens on"), null=True, blank=True)
    closes_on = models.DateField(_("closes on"), null=True, blank=True)
    is_anonymous = models.BooleanField(
        _("anonymous"),
        default=True,
        help_text=_("No name or contact is asked. Otherwise both are asked, and optional."),
    )
    asks_profile = models.BooleanField(
        _("ask sex, age group and area"),
        default=True,
        help_text=_("Optional questions used to weight the results to the population."),
    )
    template = models.CharField(_("made from template"), max_length=30, blank=True)
    weighting = models.CharField(
        _("weighting"), max_length=20, choices=Weighting.choices, default=Weighting.NONE
    )
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
    objects = SurveyQuerySet.as_manager()

    class Meta:
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(opens_on__isnull=True)
                | Q(closes_on__isnull=True)
                | Q(opens_on__lte=models.F("closes_on")),
                name="survey_opens_before_closes",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def accepts_responses(self, on: datetime.date | None = None) -> bool:
        on = on or timezone.localdate()
        return (
            self.status == SurveyStatus.OPEN
            and (self.opens_on is None or self.opens_on <= on)
            and (self.closes_on is None or on <= self.closes_on)
        )


class Section(models.Model):
    """A part of the questionnaire; in a satisfaction survey, one element (SIPAS: access,
    procedures, civil servants, results, feedback handling), reported on its own."""

    survey = models.ForeignKey(
        Survey, verbose_name=_("survey"), on_delete=models.CASCADE, related_name="sections"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=255)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ["survey", "order", "pk"]

    def __str__(self) -> str:
        return self.title


class Question(models.Model):
    survey = models.ForeignKey(
        Survey, verbose_name=_("survey"), on_delete=models.CASCADE, related_name="questions"
    )
    section = models.ForeignKey(
        Section,
        verbose_name=_("section"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="questions",
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    text = models.TextField(_("question"))
    help_text = models.CharField(_("help"), max_length=500, blank=True)
    type = models.CharField(_("type"), max_length=10, choices=QuestionType.choices)
    required = models.BooleanField(_("required"), default=False)
    likert_points = models.PositiveSmallIntegerField(_("scale points"), null=True, blank=True)
    likert_labels = models.JSONField(
        _("scale labels"),
        default=list,
        blank=True,
        help_text=_("One label per point, lowest first (e.g. very dissatisfied … very satisfied)."),
    )
    number_min = models.DecimalField(
        _("smallest number"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    number_max = models.DecimalField(
        _("largest number"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    condition_question = models.ForeignKey(
        "self",
        verbose_name=_("shown only if question"),
        null=True,
        blank=True,
        # A question others depend on cannot silently vanish: the service refuses first.
        on_delete=models.PROTECT,
        related_name="dependents",
    )
    condition_values = models.JSONField(
        _("has one of the answers"),
        default=list,
        blank=True,
        help_text=_("Choice codes, or scale points and numbers as written."),
    )
    is_overall = models.BooleanField(
        _("overall satisfaction question"),
        default=False,
        help_text=_("Its answer is the survey's overall satisfaction."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["survey", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(type="likert") | Q(likert_points__gte=2, likert_points__lte=11),
                name="question_likert_has_2_to_11_points",
            ),
            models.CheckConstraint(
                condition=Q(number_min__isnull=True)
                | Q(number_max__isnull=True)
                | Q(number_min__lt=models.F("number_max")),
                name="question_number_min_below_max",
            ),
            models.CheckConstraint(
                condition=~Q(condition_question=models.F("pk")),
                name="question_condition_not_itself",
            ),
        ]

    def __str__(self) -> str:
        return self.text

    def clean(self) -> None:
        errors = {}
        if self.type == QuestionType.LIKERT:
            if not self.likert_points or not 2 <= self.likert_points <= 11:
                errors["likert_points"] = _("A rating scale has 2 to 11 points.")
            elif self.likert_labels and len(self.likert_labels) != self.likert_points:
                errors["likert_labels"] = _("Give one label per point, or none.")
        if self.is_overall and self.type != QuestionType.LIKERT:
            errors["is_overall"] = _("The overall satisfaction question must be a rating scale.")
        errors.update(self._condition_errors())
        if errors:
            raise ValidationError(errors)

    def _condition_errors(self) -> dict:
        condition = self.condition_question
        if condition is None:
            return {}
        if condition.survey_id != self.survey_id:
            return {"condition_question": _("The condition must be a question of this survey.")}
        if self.pk and not condition.comes_before(self):
            return {
                "condition_question": _(
                    "The condition must refer to an earlier question: a respondent answers "
                    "in order."
                )
            }
        if not self.condition_values:
            return {"condition_values": _("Name the answers that show this question.")}
        return {}

    def comes_before(self, other: "Question") -> bool:
        return (self.order, self.pk or 0) < (other.order, other.pk or 0)

    @property
    def has_choices(self) -> bool:
        return self.type in (QuestionType.SINGLE, QuestionType.MULTIPLE)


class Choice(models.Model):
    question = models.ForeignKey(
        Question, verbose_name=_("question"), on_delete=models.CASCADE, related_name="choices"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    value = models.CharField(
        _("code"), max_length=50, help_text=_("Stored with each answer; used in conditions.")
    )
    label = models.CharField(_("label"), max_length=255)
    score = models.DecimalField(
        _("score"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Used when the question feeds an index."),
    )

    class Meta:
        verbose_name = _("choice")
        verbose_name_plural = _("choices")
        ordering = ["question", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["question", "value"], name="choice_value_unique"),
        ]

    def __str__(self) -> str:
        return self.label


class IndicatorMapping(models.Model):
    """A question read as an index indicator: the index engine averages it into the
    sub-dimension (e.g. PAPI 5.4) on that sub-dimension's scale."""

    question = models.OneToOneField(
        Question, verbose_name=_("question"), on_delete=models.CASCADE, related_name="indicator"
    )
    code = models.CharField(_("indicator code"), max_length=30)
    subdimension = models.ForeignKey(
        Dimension,
        verbose_name=_("sub-dimension"),
        on_delete=models.PROTECT,
        related_name="survey_indicators",
    )
    direction = models.CharField(
        _("direction"), max_length=10, choices=Direction.choices, default=Direction.HIGHER
    )
    weight = models.DecimalField(_("weight"), max_digits=6, decimal_places=3, default=1)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("indicator mapping")
        verbose_name_plural = _("indicator mappings")
        constraints = [
            models.CheckConstraint(condition=Q(weight__gt=0), name="indicator_weight_positive"),
        ]

    def __str__(self) -> str:
        return self.code

    def clean(self) -> None:
        if self.subdimension_id and self.subdimension.parent_id is None:
            raise ValidationError(
                {"subdimension": _("Choose a sub-dimension, not a whole dimension.")}
            )
        if self.question_id and self.question.type not in (
            QuestionType.LIKERT,
            QuestionType.NUMBER,
            QuestionType.SINGLE,
        ):
            raise ValidationError(
                _("Only rating-scale, number and single-choice questions can be indicators.")
            )


class ServicePoint(models.Model):
    """A desk or place where people answer: its own public link and QR code."""

    survey = models.ForeignKey(
        Survey, verbose_name=_("survey"), on_delete=models.CASCADE, related_name="service_points"
    )
    name = models.CharField(_("name"), max_length=255)
    unit = models.ForeignKey(
        Agency, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="service_points"
    )
    code = models.SlugField(
        _("link code"), max_length=40, unique=True, help_text=_("The end of the public link.")
    )
    is_active = models.BooleanField(_("active"), default=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("service point")
        verbose_name_plural = _("service points")
        ordering = ["survey", "name"]

    def __str__(self) -> str:
        return self.name


class Response(models.Model):
    """One person's answers. The profile (sex, age group, area) is optional and serves only
    to weight the results; `weight` holds the weight from the last reweighting."""

    survey = models.ForeignKey(
        Survey, verbose_name=_("survey"), on_delete=models.CASCADE, related_name="responses"
    )
    service_point = models.ForeignKey(
        ServicePoint,
        verbose_name=_("service point"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="responses",
    )
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)
    sex = models.CharField(_("sex"), max_length=10, choices=Sex.choices, blank=True)
    age_group = models.CharField(
        _("age group"), max_length=10, choices=AgeGroup.choices, blank=True
    )
    area = models.CharField(_("area"), max_length=10, choices=Area.choices, blank=True)
    # Only when the survey is not anonymous, and only if the person chose to give them.
    name = models.CharField(_("name"), max_length=150, blank=True)
    contact = models.CharField(_("phone or e-mail"), max_length=150, blank=True)
    weight = models.FloatField(_("weight"), default=1.0)
    # The one-time code of the page the answers came from: a page sends one response only
    # (a double tap or a resent form is refused by the unique index). Empty for API calls.
    token = models.CharField(_("form token"), max_length=32, unique=True, null=True, blank=True)

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        ordering = ["survey", "submitted_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(weight__gte=0), name="response_weight_not_negative"),
        ]
        indexes = [
            # Results read a survey's responses by period (month, quarter).
            models.Index(fields=["survey", "submitted_at"], name="response_survey_time_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.survey} #{self.pk}"


class Answer(models.Model):
    """An answer as given (`value`: a choice code, a list of codes, a scale point, a number
    or text) and, for scale points, numbers and scored choices, as a number for sums."""

    response = models.ForeignKey(
        Response, verbose_name=_("response"), on_delete=models.CASCADE, related_name="answers"
    )
    question = models.ForeignKey(
        Question, verbose_name=_("question"), on_delete=models.PROTECT, related_name="answers"
    )
    value = models.JSONField(_("answer"))
    number = models.FloatField(_("as a number"), null=True, blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question"], name="answer_one_per_question"
            ),
        ]

    def __str__(self) -> str:
        return str(self.value)


class PopulationMargin(models.Model):
    """The population's share in one category of a profile variable (e.g. area = rural:
    0.62), which weighted results are brought to."""

    survey = models.ForeignKey(
        Survey, verbose_name=_("survey"), on_delete=models.CASCADE, related_name="margins"
    )
    variable = models.CharField(_("variable"), max_length=20, choices=ProfileVariable.choices)
    category = models.CharField(_("category"), max_length=20)
    share = models.DecimalField(_("share"), max_digits=6, decimal_places=4)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("population margin")
        verbose_name_plural = _("population margins")
        ordering = ["survey", "variable", "category"]
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "variable", "category"], name="margin_one_per_category"
            ),
            models.CheckConstraint(condition=Q(share__gt=0, share__lte=1), name="margin_share_0_1"),
        ]

    def __str__(self) -> str:
        return f"{self.variable}={self.category}: {self.share}"
