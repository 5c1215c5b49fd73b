"""One-stop dossiers (hồ sơ TTHC), their hand-over steps, and per-day aggregates that let the
dashboards and the Decision 766 index read a few hundred rows instead of millions."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from quantri.core.models import HashedKey
from quantri.orgs.models import Agency
from quantri.procedures.models import OnlineService, Procedure


class State(models.TextChoices):
    NEW = "new", _("New")
    RECEIVED = "received", _("Received")
    NOT_ACCEPTED = "not_accepted", _("Not accepted")
    PROCESSING = "processing", _("Processing")
    ADDITIONAL_REQUESTED = "additional_requested", _("Additional documents requested")
    AWAITING_FEE = "awaiting_fee", _("Awaiting fee")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    STOPPED = "stopped", _("Stopped")
    PROCESSED = "processed", _("Processed")
    RETURNED = "returned", _("Result returned")


# States in which the dossier has a result (result_at set): counted early / on time / late.
DONE_STATES = {State.PROCESSED, State.RETURNED}
# States in which the dossier is still in the agency's hands: within time or overdue.
OPEN_STATES = {State.RECEIVED, State.PROCESSING, State.ADDITIONAL_REQUESTED, State.AWAITING_FEE}


class Channel(models.TextChoices):
    DESK = "desk", _("At the desk")
    ONLINE = "online", _("Online")
    POST = "post", _("By post")


class Rating(models.TextChoices):
    VERY_SATISFIED = "very_satisfied", _("Very satisfied")
    SATISFIED = "satisfied", _("Satisfied")
    NOT_SATISFIED = "not_satisfied", _("Not satisfied")


class Outcome(models.TextChoices):
    EARLY = "early", _("Early")
    ON_TIME = "on_time", _("On time")
    LATE = "late", _("Late")


class DossierQuerySet(models.QuerySet):
    def for_agencies(self, ids):
        return self.filter(agency_id__in=ids)

    def open(self):
        return self.filter(state__in=OPEN_STATES)


class Dossier(models.Model):
    code = models.CharField(_("dossier code"), max_length=60, unique=True)
    procedure = models.ForeignKey(
        Procedure, verbose_name=_("procedure"), on_delete=models.PROTECT, related_name="dossiers"
    )
    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="+"
    )
    unit = models.ForeignKey(
        Agency, verbose_name=_("handling unit"), on_delete=models.PROTECT, related_name="+"
    )
    # Personal data: shown to the agency's staff only, never in public pages, API or exports.
    applicant_name = models.CharField(_("applicant name"), max_length=255)
    applicant_id = models.CharField(_("applicant ID number"), max_length=30, blank=True)
    # The receipt slip and the register of dossiers (Circular 03/2025/TT-VPCP, forms 01 and 07)
    # carry the applicant's address and phone number.
    applicant_phone = models.CharField(_("applicant phone"), max_length=20, blank=True)
    applicant_address = models.CharField(_("applicant address"), max_length=255, blank=True)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    received_at = models.DateTimeField(_("received at"))
    due_at = models.DateTimeField(_("appointment (due) at"))
    state = models.CharField(_("state"), max_length=24, choices=State.choices)
    result_at = models.DateTimeField(_("result at"), null=True, blank=True)
    returned_at = models.DateTimeField(_("result returned at"), null=True, blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=10, choices=Outcome.choices, blank=True, editable=False
    )
    paid_online = models.BooleanField(_("paid online"), default=False)
    digitised = models.BooleanField(_("documents digitised"), default=False)
    rating = models.CharField(
        _("citizen rating"), max_length=16, choices=Rating.choices, blank=True
    )
    complaint = models.BooleanField(_("complaint"), default=False)
    online_type = models.CharField(
        _("online service (at reception)"),
        max_length=10,
        choices=OnlineService.choices,
        default=OnlineService.NONE,
        help_text=_("The procedure's online service when the dossier was received."),
    )

    # The apology letter's new appointment for a late dossier. The 766 index still judges the
    # dossier by due_at: an apology does not turn a late dossier into an on-time one.
    new_due_at = models.DateTimeField(_("new appointment (after apology)"), null=True, blank=True)
    # Bulk imports write no history rows (a million of them would double the import); the
    # import that last created or changed the dossier says who brought which file, and when.
    last_import = models.ForeignKey(
        "DossierImport",
        verbose_name=_("last import"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    # Who received the dossier at the desk and who handed the result back (issue 17: per-officer
    # figures). Set by the desk services from the signed-in officer; imports leave them empty
    # (the portal's file names no officer), and the figures count those apart as unknown.
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("received by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    returned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("result returned by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    history = HistoricalRecords()
    objects = DossierQuerySet.as_manager()

    class Meta:
        verbose_name = _("dossier")
        verbose_name_plural = _("dossiers")
        ordering = ["-received_at", "code"]
        constraints = [
            models.CheckConstraint(condition=Q(state__in=State.values), name="dossier_state_valid"),
            models.CheckConstraint(
                condition=Q(channel__in=Channel.values), name="dossier_channel_valid"
            ),
            models.CheckConstraint(
                condition=Q(rating="") | Q(rating__in=Rating.values), name="dossier_rating_valid"
            ),
            models.CheckConstraint(
                condition=Q(due_at__gte=models.F("received_at")),
                name="dossier_due_after_received",
            ),
            models.CheckConstraint(
                condition=~Q(state__in=DONE_STATES) | (Q(result_at__isnull=False) & ~Q(outcome="")),
                name="dossier_done_has_result",
                violation_error_message=_("A processed dossier needs its result date."),
            ),
            models.CheckConstraint(
                condition=~Q(state=State.RETURNED) | Q(returned_at__isnull=False),
                name="dossier_returned_has_date",
            ),
        ]
        indexes = [
            # "Within time / overdue" inside a day: the dossiers falling due since midnight
            # (every state listed); the drill-down list of the open dossiers behind them.
            models.Index(fields=["agency", "state", "due_at"], name="dossier_agency_state_due"),
            # "Overdue at the end of a past month": late dossiers of an agency due before it.
            models.Index(fields=["agency", "outcome", "due_at"], name="dossier_agency_outcome_due"),
            # The drill-down list: an agency's dossiers received in a month, newest first;
            # "within time at a moment": those received in the longest due span before it.
            models.Index(fields=["agency", "received_at"], name="dossier_agency_received"),
            # The drill-down of processed figures: dossiers with a result in a month; the
            # results given since midnight for "within time / overdue" inside a day.
            models.Index(fields=["agency", "result_at"], name="dossier_agency_result"),
            # The desk's search: a citizen comes back with an ID card, not the receipt.
            models.Index(fields=["applicant_id"], name="dossier_applicant_id"),
        ]

    def __str__(self) -> str:
        return self.code

    @property
    def is_paper(self) -> bool:
        return self.channel != Channel.ONLINE


class DossierStep(models.Model):
    """One hand-over of the processing control slip (phiếu kiểm soát quá trình giải quyết)."""

    dossier = models.ForeignKey(
        Dossier, verbose_name=_("dossier"), on_delete=models.CASCADE, related_name="steps"
    )
    from_unit = models.ForeignKey(
        Agency, verbose_name=_("from unit"), on_delete=models.PROTECT, related_name="+"
    )
    to_unit = models.ForeignKey(
        Agency, verbose_name=_("to unit"), on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField(_("handed over at"))
    result_note = models.CharField(_("result"), max_length=500, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("hand-over step")
        verbose_name_plural = _("hand-over steps")
        ordering = ["dossier", "at", "pk"]

    def __str__(self) -> str:
        return f"{self.dossier_id}: {self.from_unit_id} → {self.to_unit_id}"


COUNTERS = (
    "received",
    "online_full",
    "online_partial",
    "digitised",
    "processed_early",
    "processed_on_time",
    "processed_late",
    "paid_online",
    "rated",
    "satisfied",
    "complaints",
    # Interval counters for the moment-dependent figures (see aggregates.contribution): a
    # dossier is "within time" from the day it is received until its due or result day, and
    # "overdue" from its due day until its result day. At the end of day X, the number within
    # time is the running total of within_opened minus that of within_closed up to X.
    "within_opened",
    "within_closed",
    "overdue_opened",
    "overdue_closed",
)


class LetterKind(models.TextChoices):
    """The letters of Circular 03/2025/TT-VPCP, Phụ lục I (Mẫu số 02–05), named by the form's
    title (slips.SOURCES; in Vietnamese the titles themselves): form 04 lost the 2018 title
    "phiếu xin lỗi và hẹn lại ngày trả kết quả", form 03 reads "từ chối tiếp nhận giải quyết"
    (refusing to accept the dossier for processing), not two refusals."""

    ADDITIONAL_REQUEST = "additional_request", _("Request for additional documents")
    REFUSAL = "refusal", _("Refusal to receive the dossier for processing")
    APOLOGY = "apology", _("Apology and request to extend the processing time")
    STOP_NOTICE = "stop_notice", _("Notice to stop processing the dossier")


class DeskLetter(models.Model):
    """A letter the desk gave the citizen, kept with what it said (the documents asked for,
    the reason, the new appointment) so that it can be printed again as issued."""

    dossier = models.ForeignKey(
        Dossier, verbose_name=_("dossier"), on_delete=models.CASCADE, related_name="letters"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=LetterKind.choices)
    text = models.TextField(_("items or reason"), blank=True)
    new_due = models.DateField(_("new appointment"), null=True, blank=True)
    signed_by = models.CharField(_("signed by"), max_length=255, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("issued at"), auto_now_add=True)

    class Meta:
        verbose_name = _("desk letter")
        verbose_name_plural = _("desk letters")
        ordering = ["dossier", "at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=LetterKind.values), name="desk_letter_kind_valid"
            ),
            models.CheckConstraint(
                condition=~Q(kind="apology") | Q(new_due__isnull=False),
                name="desk_letter_apology_has_new_due",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.dossier_id}: {self.kind}"


class ProcedureCutoff(models.Model):
    """A procedure whose own rule sets an afternoon cut-off: a dossier received at or after it
    counts as received on the next working day. No general rule sets one (README, "How
    one-stop time limits are counted"), so each is recorded with the text it comes from."""

    procedure = models.OneToOneField(
        Procedure, verbose_name=_("procedure"), on_delete=models.CASCADE, related_name="cutoff"
    )
    cutoff = models.TimeField(_("afternoon cut-off"))
    source = models.CharField(
        _("source"),
        max_length=255,
        help_text=_("The legal text that sets the cut-off, e.g. a provincial decision."),
    )

    class Meta:
        verbose_name = _("procedure cut-off")
        verbose_name_plural = _("procedure cut-offs")
        constraints = [
            models.CheckConstraint(condition=~Q(source=""), name="procedure_cutoff_has_source"),
        ]

    def __str__(self) -> str:
        return f"{self.procedure_id}: {self.cutoff:%H:%M}"


class ReceivingBody(models.Model):
    """Where an agency's dossiers are received, named on the desk's forms as Decree
    118/2025/NĐ-CP organises it: the provincial Public Administration Service Centre or one
    of its branches, the commune's centre, or the agency's own desk. Without one, the forms
    name the agency's one-stop desk."""

    agency = models.OneToOneField(
        Agency,
        verbose_name=_("agency"),
        on_delete=models.CASCADE,
        related_name="receiving_body",
    )
    name = models.CharField(
        _("receiving body"),
        max_length=255,
        help_text=_("E.g. Trung tâm Phục vụ hành chính công tỉnh Hưng Yên – Chi nhánh số 2."),
    )
    parent_name = models.CharField(
        _("body above it"),
        max_length=255,
        blank=True,
        help_text=_("Printed above the name, e.g. Ủy ban nhân dân tỉnh Hưng Yên."),
    )

    class Meta:
        verbose_name = _("receiving body")
        verbose_name_plural = _("receiving bodies")

    def __str__(self) -> str:
        return self.name


class AggregateCounters(models.Model):
    """The counters (COUNTERS) of one handling unit and procedure over a period."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="+")
    procedure = models.ForeignKey(Procedure, on_delete=models.CASCADE, related_name="+")
    received = models.PositiveIntegerField(default=0)
    online_full = models.PositiveIntegerField(default=0)
    online_partial = models.PositiveIntegerField(default=0)
    digitised = models.PositiveIntegerField(default=0)
    processed_early = models.PositiveIntegerField(default=0)
    processed_on_time = models.PositiveIntegerField(default=0)
    processed_late = models.PositiveIntegerField(default=0)
    paid_online = models.PositiveIntegerField(default=0)
    rated = models.PositiveIntegerField(default=0)
    satisfied = models.PositiveIntegerField(default=0)
    complaints = models.PositiveIntegerField(default=0)
    within_opened = models.PositiveIntegerField(default=0)
    within_closed = models.PositiveIntegerField(default=0)
    overdue_opened = models.PositiveIntegerField(default=0)
    overdue_closed = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True


class DailyAggregate(AggregateCounters):
    """Counters of one unit, procedure and day. "received", the online types and "digitised"
    count on the day a dossier was received; the processed counters, online payment, ratings
    and complaints on the day of its result (local dates)."""

    day = models.DateField()

    class Meta:
        verbose_name = _("daily dossier aggregate")
        verbose_name_plural = _("daily dossier aggregates")
        constraints = [
            # Also the index of the incremental update's lookup by its full key.
            models.UniqueConstraint(
                fields=["unit", "procedure", "day"], name="dossier_aggregate_one_per_key"
            ),
        ]
        indexes = [
            # The index and the dashboard: an agency's rows for a month (day range).
            models.Index(fields=["agency", "day"], name="dossier_aggregate_agency_day"),
        ]

    def __str__(self) -> str:
        return f"{self.unit_id}/{self.procedure_id}/{self.day}"


class MonthlyAggregate(AggregateCounters):
    """The daily aggregates summed by month (month = its first day), kept in the same
    transaction: an agency-year reads 12 × units × procedures rows whatever the volume, and the
    running totals behind "within time / overdue" read one row per key and month of history."""

    month = models.DateField()

    class Meta:
        verbose_name = _("monthly dossier aggregate")
        verbose_name_plural = _("monthly dossier aggregates")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "procedure", "month"], name="dossier_monthly_one_per_key"
            ),
            models.CheckConstraint(condition=Q(month__day=1), name="dossier_monthly_first_day"),
        ]
        indexes = [
            models.Index(fields=["agency", "month"], name="dossier_monthly_agency_month"),
        ]

    def __str__(self) -> str:
        return f"{self.unit_id}/{self.procedure_id}/{self.month:%Y-%m}"


class SourceKey(HashedKey):
    """The key a one-stop system sends (Authorization: Bearer …) to push the dossiers of one
    agency's subtree through the API, without a person's session. Its name is the source
    named in the import audit."""

    agency = models.ForeignKey(
        Agency,
        verbose_name=_("agency"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Dossiers of this agency and its units may be imported with the key."),
    )

    class Meta(HashedKey.Meta):
        verbose_name = _("one-stop system key")
        verbose_name_plural = _("one-stop system keys")


class DossierImport(models.Model):
    """The audit record of one import: who brought which file from which source, and what it
    did (bulk writes keep no per-dossier history rows; this says where the rows came from)."""

    source = models.CharField(_("source"), max_length=60)
    file_name = models.CharField(_("file"), max_length=255)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    key = models.ForeignKey(
        SourceKey,
        verbose_name=_("one-stop system key"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,  # keys are revoked, never deleted: the audit keeps them
        related_name="imports",
    )
    at = models.DateTimeField(_("imported at"), auto_now_add=True)
    partial = models.BooleanField(_("partial"), default=False)
    created = models.PositiveIntegerField(_("created"), default=0)
    updated = models.PositiveIntegerField(_("updated"), default=0)
    rejected = models.PositiveIntegerField(_("rejected rows"), default=0)

    class Meta:
        verbose_name = _("dossier import")
        verbose_name_plural = _("dossier imports")
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.source}: {self.file_name}"


class ColumnMapping(models.Model):
    """How one source's export names its columns: {"our field": "their header"}, and the
    words it uses in the choice columns beyond those every import knows (import_values)."""

    source = models.CharField(_("source"), max_length=60, unique=True)
    columns = models.JSONField(_("columns"), default=dict)
    values = models.JSONField(
        _("values"),
        default=dict,
        blank=True,
        help_text=_(
            'Their words for our codes, per column: {"state": {"Chờ ký duyệt": "processing"}}.'
        ),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("column mapping")
        verbose_name_plural = _("column mappings")

    def __str__(self) -> str:
        return self.source

    def clean(self):
        """The admin's form: the words must name our codes, as the import will read them."""
        from quantri.dossiers.import_values import COLUMNS, ChoiceReader

        if not isinstance(self.values, dict):
            raise ValidationError({"values": _("Write {column: {their word: our code}}.")})
        for column, words in self.values.items():
            if column not in COLUMNS:
                raise ValidationError(
                    {
                        "values": _("“%(column)s” is not a choice column (%(columns)s).")
                        % {"column": column, "columns": ", ".join(COLUMNS)}
                    }
                )
            try:
                ChoiceReader(COLUMNS[column], words, where=f"{column}: ")
            except ValueError as error:
                raise ValidationError({"values": str(error)}) from None


class IndexVersion(models.Model):
    """A version of the Decision 766 criteria: each group's formula name, target and points,
    as data, since the appendix changes and was not verified (brief §4)."""

    code = models.CharField(_("code"), max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=255)
    valid_from = models.DateField(_("valid from"))
    criteria = models.JSONField(
        _("criteria"),
        help_text=_('A list of {"group", "label", "formula", "target", "points"}.'),
    )

    class Meta:
        verbose_name = _("index version")
        verbose_name_plural = _("index versions")
        ordering = ["-valid_from"]

    def __str__(self) -> str:
        return self.name


class IndexInputFigure(models.TextChoices):
    """What an agency supplies by hand to the 766 index (index_766_2026_12.INPUTS): the figures no
    software of ours records."""

    PROCEDURES_ANNOUNCED_ON_TIME = (
        "procedures_announced_on_time",
        _("Procedures announced on time"),
    )
    PROCEDURES_PUBLISHED_ON_TIME = (
        "procedures_published_on_time",
        _("Procedures published and updated on the portal on time"),
    )
    PROCEDURES_COMPLETE = "procedures_complete", _("Procedures published with complete content")
    DOSSIERS_SYNCED = "dossiers_synced", _("Dossiers synchronised to the national portal")
    FEE_PROCEDURES_INTEGRATED = (
        "fee_procedures_integrated",
        _("Fee-bearing procedures integrated for online payment"),
    )
    RESULTS_ELECTRONIC = "results_electronic", _("Results issued electronically")
    DOSSIERS_DATA_REUSED = "dossiers_data_reused", _("Dossiers reusing digitised data")
    FEEDBACK_SATISFIED = (
        "feedback_satisfied",
        _("Citizens satisfied with how their feedback was handled"),
    )
    # 766-2026-12 (index_766_2026_12): digitisation's sub-criteria the portal added.
    DOSSIERS_PERSONAL_STORE = (
        "dossiers_personal_store",
        _("Digitised dossiers linked to the citizen's store on the national portal"),
    )
    DOSSIERS_POPULATION_DATA = (
        "dossiers_population_data",
        _("Dossiers using the national population database"),
    )
    PROCEDURES_POPULATION_DATA = (
        "procedures_population_data",
        _("Procedures for citizens connected to the population database"),
    )
    PROCEDURES_FOR_CITIZENS = (
        "procedures_for_citizens",
        _("Procedures whose applicants are citizens"),
    )
    CERTIFIED_COPIES_ELECTRONIC = (
        "certified_copies_electronic",
        _("Certified copies issued electronically from the original"),
    )
    CERTIFIED_COPIES = "certified_copies", _("Certified copies issued")


class IndexInput(models.Model):
    """One figure an agency's office supplies by hand for a month; every change kept."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.CASCADE, related_name="+"
    )
    month = models.DateField(_("month"), help_text=_("The first day of the month."))
    figure = models.CharField(_("figure"), max_length=40, choices=IndexInputFigure.choices)
    value = models.PositiveIntegerField(_("value"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("index input")
        verbose_name_plural = _("index inputs")
        constraints = [
            # Also the index of the dashboard's read: an agency's inputs over a month range.
            models.UniqueConstraint(
                fields=["agency", "month", "figure"], name="index_input_one_per_month"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agency_id}/{self.month:%Y-%m}/{self.figure}"

    def clean(self) -> None:
        if self.month is not None and self.month.day != 1:
            raise ValidationError({"month": _("A month is stored as its first day.")})
