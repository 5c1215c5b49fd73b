"""The main menu as a registry: each app adds its entries in its AppConfig.ready(), so a new
feature appears in the menu without editing the shared base template."""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse


@dataclass(frozen=True)
class NavItem:
    label: str  # a gettext_lazy string
    url_name: str
    order: int = 100
    # Who sees it: "public" (everyone), "user" (signed in), or a callable(request, access).
    audience: str | Callable = "user"


_ITEMS: list[NavItem] = []


def register(*items: NavItem) -> None:
    for item in items:
        if all(existing.url_name != item.url_name for existing in _ITEMS):
            _ITEMS.append(item)


def items_for(request, access) -> list[tuple[str, str]]:
    signed_in = request.user.is_authenticated
    visible = []
    for item in sorted(_ITEMS, key=lambda i: i.order):
        if item.audience == "public" or (item.audience == "user" and signed_in):
            visible.append(item)
        elif callable(item.audience) and signed_in and item.audience(request, access):
            visible.append(item)
    return [(str(item.label), reverse(item.url_name)) for item in visible]
