"""What the organisation pages and the API list: one reader per list."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Prefetch

from quantri.core.text import fold
from quantri.orgs.models import Agency, Membership
from quantri.orgs.services.rules import Scope


@dataclass
class TreeNode:
    unit: Agency
    depth: int


def unit_tree(scope: Scope, *, include_closed: bool = False) -> list[TreeNode]:
    """The units this scope reaches, each under its parent, in one query."""
    units = scope.agencies().select_related("successor")
    if not include_closed:
        units = units.active()
    units = list(units.order_by("order", "name"))
    ids = {u.pk for u in units}
    children: dict[int | None, list[Agency]] = {}
    for unit in units:
        children.setdefault(unit.parent_id if unit.parent_id in ids else None, []).append(unit)
    nodes: list[TreeNode] = []

    def walk(parent_id, depth):
        for unit in children.get(parent_id, []):
            nodes.append(TreeNode(unit, depth))
            walk(unit.pk, depth + 1)

    walk(None, 0)
    return nodes


def people_in(
    scope: Scope,
    *,
    unit: Agency | None = None,
    role: str = "",
    query: str = "",
    current_only: bool = True,
) -> list:
    """People holding a role in the scope (and accounts not yet placed, for everything),
    with their roles; `query` matches name or e-mail ignoring case and diacritics
    ("nguyen thi ha" finds "Nguyễn Thị Hà")."""
    memberships = Membership.objects.select_related("agency")
    if current_only:
        memberships = memberships.active()
    if scope.agency_ids is not None:
        memberships = memberships.filter(agency_id__in=scope.agency_ids)
    if unit is not None:
        memberships = memberships.filter(agency=unit)
    if role:
        memberships = memberships.filter(role=role)
    user_ids = memberships.values("user_id")
    people = (
        get_user_model()
        .objects.filter(pk__in=user_ids)
        .select_related("org_profile")
        .prefetch_related(Prefetch("memberships", queryset=memberships, to_attr="roles"))
        .order_by("first_name", "last_name", "username")
    )
    folded = fold(query)
    if not folded:
        return list(people)
    return [p for p in people if folded in fold(f"{p.last_name} {p.first_name} {p.email}")]


def person_in(scope: Scope, pk: int):
    """One person the scope reaches (holding or having held a role in it), or None."""
    people = get_user_model().objects.filter(pk=pk)
    if scope.agency_ids is not None:
        people = people.filter(memberships__agency_id__in=scope.agency_ids)
    return people.select_related("org_profile").distinct().first()
