import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class AgencyKind(models.TextChoices):
    PROVINCE = "province", _("Provincial People's Committee")
    DEPARTMENT = "department", _("Department")
    OFFICE = "office", _("Office")
    SPECIALISED = "specialised", _("Specialised unit")
    PUBLIC_SERVICE = "public_service", _("Public service unit")
    DISTRICT = "district", _("District")
    COMMUNE = "commune", _("Commune")


class Role(models.TextChoices):
    LEADER = "leader", _("Leader")
    OFFICE_COORDINATOR = "office_coordinator", _("Office coordinator")
    UNIT_HEAD = "unit_head", _("Unit head")
    STAFF = "staff", _("Staff")
    INSPECTION_BOARD = "inspection_board", _("People's Inspection Board member")
    ADMIN = "admin", _("Administrator")
    # Inspects and checks how units handle procedures and keep the anti-corruption rules
    # (issue 17). Since the Law on Inspection 2025 (84/2025/QH15) a department has no
    # inspectorate of its own; this role is whoever does that work for it: the provincial
    # inspectorate's officers or the department's own check team.
    INSPECTOR = "inspector", _("Inspector")


def active_on_q(on: datetime.date, prefix: str = "") -> Q:
    """Rows valid on a day: valid_from empty or on/before it, valid_to empty or after it."""
    return (Q(**{f"{prefix}valid_from__isnull": True}) | Q(**{f"{prefix}valid_from__lte": on})) & (
        Q(**{f"{prefix}valid_to__isnull": True}) | Q(**{f"{prefix}valid_to__gt": on})
    )


class AgencyQuerySet(models.QuerySet):
    def active(self, on: datetime.date | None = None):
        return self.filter(active_on_q(on or timezone.localdate()))

    def subtree_ids(self, root: "Agency") -> set[int]:
        """The root and every agency below it. One query per level: trees are a few levels deep."""
        ids, frontier = {root.pk}, {root.pk}
        while frontier:
            frontier = set(self.filter(parent_id__in=frontier).values_list("pk", flat=True)) - ids
            ids |= frontier
        return ids

    def units_of(self, root: "Agency", on: datetime.date | None = None):
        """The agencies under a root that tasks can be given to, valid on a day."""
        return self.filter(pk__in=self.subtree_ids(root) - {root.pk}).active(on)


class Agency(models.Model):
    """An agency or unit in the one organisation tree (province → department → units).

    Agencies merge and disappear (the 2025 reorganisation), so they carry validity dates and
    are closed, never deleted: plans and scores keep pointing at the agency as it was.
    """

    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent agency"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=AgencyKind.choices)
    code = models.CharField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=255)
    name_en = models.CharField(_("English name"), max_length=255, blank=True)
    short_name = models.CharField(_("short name"), max_length=100, blank=True)
    aliases = models.JSONField(
        _("other names"),
        default=list,
        blank=True,
        help_text=_("Other ways documents write this unit's name, used when importing plans."),
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
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    history = HistoricalRecords()
    objects = AgencyQuerySet.as_manager()

    class Meta:
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")
        ordering = ["order", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_from__isnull=True)
                | Q(valid_to__isnull=True)
                | Q(valid_from__lt=models.F("valid_to")),
                name="agency_valid_from_before_valid_to",
            ),
            models.CheckConstraint(
                condition=~Q(parent=models.F("pk")), name="agency_not_its_own_parent"
            ),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        if get_language() == "en" and self.name_en:
            return self.name_en
        return self.name

    def is_active(self, on: datetime.date | None = None) -> bool:
        on = on or timezone.localdate()
        return (self.valid_from is None or self.valid_from <= on) and (
            self.valid_to is None or on < self.valid_to
        )

    def name_on(self, day: datetime.date | None) -> str:
        """The name the unit carried on a day: past periods' pages and documents show the
        name valid then, not today's. Every rename keeps the old name among the aliases, so a
        unit without aliases was never renamed and costs no query (lists of many units)."""
        if day is None or not self.aliases:
            return self.display_name
        former = next((n for n in self.former_names.all() if n.valid_to > day), None)
        return former.display_name if former is not None else self.display_name

    def ancestors(self) -> list["Agency"]:
        chain, node = [], self.parent
        while node is not None:
            chain.append(node)
            node = node.parent
        return chain


class AgencyNameQuerySet(models.QuerySet):
    def book(self, agency_ids) -> "NameBook":
        """Every former name of these units, read once, to name many rows of many days."""
        rows = self.filter(agency_id__in=set(agency_ids)).order_by("agency_id", "valid_to")
        book: dict[int, list[AgencyName]] = {}
        for row in rows:
            book.setdefault(row.agency_id, []).append(row)
        return NameBook(book)


class NameBook:
    def __init__(self, names: dict[int, list["AgencyName"]]):
        self.names = names

    def on(self, agency_id: int | None, day: datetime.date, current: str) -> str:
        """The name on `day` (as the rows write it: the Vietnamese name), else `current`."""
        former = next((n for n in self.names.get(agency_id, ()) if n.valid_to > day), None)
        return former.name if former is not None else current


class AgencyName(models.Model):
    """A name a unit carried before a rename, up to the day the new name took effect. The
    current name stays on the unit; these rows keep what past reports and plans showed."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("unit"), on_delete=models.CASCADE, related_name="former_names"
    )
    name = models.CharField(_("name"), max_length=255)
    name_en = models.CharField(_("English name"), max_length=255, blank=True)
    short_name = models.CharField(_("short name"), max_length=100, blank=True)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("renamed on"))

    objects = AgencyNameQuerySet.as_manager()

    class Meta:
        verbose_name = _("former name")
        verbose_name_plural = _("former names")
        ordering = ["agency", "valid_to"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "valid_to"], name="agency_name_one_rename_per_day"
            ),
            models.CheckConstraint(
                condition=Q(valid_from__isnull=True) | Q(valid_from__lt=models.F("valid_to")),
                name="agency_name_valid_from_before_valid_to",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def display_name(self) -> str:
        if get_language() == "en" and self.name_en:
            return self.name_en
        return self.name


class MembershipQuerySet(models.QuerySet):
    def active(self, on: datetime.date | None = None):
        return self.filter(active_on_q(on or timezone.localdate()))


class Membership(models.Model):
    """A user's role in a unit. A person may hold several (unit head and staff of another)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    agency = models.ForeignKey(
        Agency, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    position = models.CharField(_("position"), max_length=150, blank=True)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)

    history = HistoricalRecords()
    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "agency", "role"], name="membership_one_role_per_unit"
            ),
            models.CheckConstraint(
                condition=Q(valid_from__isnull=True)
                | Q(valid_to__isnull=True)
                | Q(valid_from__lt=models.F("valid_to")),
                name="membership_valid_from_before_valid_to",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} — {self.agency}"

    def is_active_on(self, on: datetime.date | None = None) -> bool:
        on = on or timezone.localdate()
        return (self.valid_from is None or self.valid_from <= on) and (
            self.valid_to is None or on < self.valid_to
        )


class Profile(models.Model):
    """What the organisation keeps about a person beyond the sign-in account: a phone number
    from the staff list. One per user, created by the organisation import or the people pages."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="org_profile",
    )
    phone = models.CharField(_("phone"), max_length=30, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("staff profile")
        verbose_name_plural = _("staff profiles")

    def __str__(self) -> str:
        return str(self.user)
