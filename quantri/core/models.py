import functools

from django.db import connections, models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class CalendarDayKind(models.TextChoices):
    DAY_OFF = "day_off", _("Extra day off")
    WORKING_DAY = "working_day", _("Make-up working day")


class CalendarDay(models.Model):
    """A day the government moves each year (extra days off around Tết, Saturdays worked to
    make up): data, since no library can know next year's decision."""

    date = models.DateField(_("date"), unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=CalendarDayKind.choices)
    note = models.CharField(_("note"), max_length=255, blank=True)
    source = models.CharField(
        _("source"),
        max_length=500,
        blank=True,
        help_text=_("The announcement that moves the day (number, date, issuing body)."),
    )

    # Who added or changed a day, and when: a wrong day moves every deadline near it.
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("calendar exception")
        verbose_name_plural = _("calendar exceptions")
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} — {self.get_kind_display()}"


class HashedKeyQuerySet(models.QuerySet):
    def for_key(self, raw: str):
        """The active key whose hash matches `raw`, or None. Read from the database on every
        call, so a revoked key is refused at once by every server process.

        Every Open311 submission starts here. Building the query took a fifth of a
        submission's server time, so its SQL is compiled once per model and the row turned
        into a key the way the ORM would (the same converters, `Model.from_db`)."""
        from quantri.core.keys import key_hash

        if not raw:
            return None
        sql, fields = _active_key_sql(self.model, self.db)
        connection = connections[self.db]
        with connection.cursor() as cursor:
            cursor.execute(sql, [key_hash(raw)])
            row = cursor.fetchone()
        if row is None:
            return None
        values = [
            _from_db(field, value, connection) for field, value in zip(fields, row, strict=True)
        ]
        return self.model.from_db(self.db, [f.attname for f in fields], values)


@functools.cache
def _active_key_sql(model, using: str) -> tuple[str, tuple]:
    fields = tuple(model._meta.concrete_fields)
    query = model._default_manager.filter(key_hash="", revoked_at__isnull=True).order_by()
    query = query.values_list(*[f.attname for f in fields])
    sql, params = query.query.get_compiler(using=using).as_sql()
    if list(params) != [""]:
        raise TypeError(f"{model.__name__}: the key lookup must take the hash as its one parameter")
    return sql, fields


def _from_db(field, value, connection):
    column = field.get_col(field.model._meta.db_table)
    for convert in connection.ops.get_db_converters(column) + field.get_db_converters(connection):
        value = convert(value, column, connection)
    return value


class HashedKey(models.Model):
    """A key a program sends instead of signing in. Only a hash is kept: the key is shown
    once, when it is made (quantri.core.keys)."""

    name = models.CharField(_("name"), max_length=150)
    prefix = models.CharField(_("prefix"), max_length=16, help_text=_("To recognise the key."))
    key_hash = models.CharField(_("key hash"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    objects = HashedKeyQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def revoked(self) -> bool:
        return self.revoked_at is not None


class RateCount(models.Model):
    """Posts per client and time window, for the rate limits (quantri.core.ratelimit): kept in
    the database so a limit holds across server processes."""

    scope = models.CharField(_("scope"), max_length=40)
    client = models.CharField(_("client"), max_length=64)
    window_start = models.DateTimeField(_("window start"))
    count = models.PositiveIntegerField(_("posts"), default=0)

    class Meta:
        verbose_name = _("post count")
        verbose_name_plural = _("post counts")
        constraints = [
            models.UniqueConstraint(
                fields=["scope", "client", "window_start"], name="rate_count_one_per_window"
            )
        ]
        indexes = [
            # Clearing old windows.
            models.Index(fields=["window_start"], name="rate_count_window_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.scope} {self.client[:8]} {self.window_start:%H:%M} {self.count}"
