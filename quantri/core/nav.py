"""The main menu as a registry: each app adds its entries in its AppConfig.ready(), so a new
feature appears in the menu without editing the shared base template.

Entries are grouped by job (plans and tasks, reports, the public side, one-stop, indices,
administration): nineteen links in one row wrapped to thirteen lines on a phone, so the page
shows groups, each opening its own short list."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

# (code, label) in the order the menu shows them. "top" entries sit on the top bar itself.
GROUPS = [
    ("plans", _("Plans and tasks")),
    ("reports", _("Reports")),
    ("public", _("Public side")),
    ("onestop", _("One-stop")),
    ("indices", _("Indices and surveys")),
    ("admin", _("Administration")),
]
TOP = "top"


@dataclass(frozen=True)
class NavItem:
    label: str  # a gettext_lazy string
    url_name: str
    order: int = 100
    # Who sees it: "public" (everyone), "user" (signed in), or a callable(request, access).
    audience: str | Callable = "user"
    group: str = "admin"  # a code of GROUPS, or TOP


@dataclass
class NavGroup:
    code: str
    label: str
    links: list[tuple[str, str]] = field(default_factory=list)
    current: bool = False  # the page shown is one of its links


_ITEMS: list[NavItem] = []


def register(*items: NavItem) -> None:
    for item in items:
        if all(existing.url_name != item.url_name for existing in _ITEMS):
            _ITEMS.append(item)


def _visible(request, access) -> list[NavItem]:
    signed_in = request.user.is_authenticated
    visible = []
    for item in sorted(_ITEMS, key=lambda i: i.order):
        if item.audience == "public" or (item.audience == "user" and signed_in):
            visible.append(item)
        elif callable(item.audience) and signed_in and item.audience(request, access):
            visible.append(item)
    return visible


def items_for(request, access) -> list[tuple[str, str]]:
    return [(str(item.label), reverse(item.url_name)) for item in _visible(request, access)]


def groups_for(request, access) -> tuple[list[tuple[str, str]], list[NavGroup]]:
    """(top-bar links, menu groups with at least one link) for this user."""
    groups = {code: NavGroup(code=code, label=str(label)) for code, label in GROUPS}
    top = []
    for item in _visible(request, access):
        link = (str(item.label), reverse(item.url_name))
        if item.group == TOP:
            top.append(link)
            continue
        group = groups.get(item.group, groups["admin"])
        group.links.append(link)
        group.current = group.current or request.path.startswith(link[1])
    if request.user.is_authenticated and request.user.is_staff:
        groups["admin"].links.append((str(_("Admin site")), reverse("admin:index")))
    return top, [group for group in groups.values() if group.links]
