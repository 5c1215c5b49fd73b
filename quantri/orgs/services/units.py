"""Units: create, rename, move, close and merge, each kept in the history with who and why.

Units are closed, never deleted (plans, reports and scores keep pointing at them). A merge
closes the unit on the day and names its successor: the unit's row, name and past reports stay
as they were, so last year's reports still show the old unit; its people's roles move to the
successor from that day.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from quantri.orgs import successions
from quantri.orgs.models import Agency, AgencyKind, AgencyName, Membership
from quantri.orgs.services.rules import (
    Scope,
    record,
    require_admin,
    require_reach,
    require_reason,
    today,
)


@dataclass
class UnitData:
    code: str
    name: str
    kind: str
    parent: Agency | None
    short_name: str = ""
    name_en: str = ""
    valid_from: datetime.date | None = None


def unit_create(*, scope: Scope, user, data: UnitData, reason: str = "") -> Agency:
    require_admin(scope)
    if data.parent is None and scope.agency_ids is not None:
        raise ValidationError({"parent": _("Choose the unit this one belongs to.")})
    if data.parent is not None:
        require_reach(scope, data.parent)
    if Agency.objects.filter(code=data.code).exists():
        raise ValidationError(
            {"code": _("The code %(code)s is already used by another unit.") % {"code": data.code}}
        )
    unit = Agency(
        code=data.code,
        name=data.name,
        kind=data.kind,
        parent=data.parent,
        short_name=data.short_name,
        name_en=data.name_en,
        valid_from=data.valid_from,
    )
    return _save(unit, user, _("Unit created"), reason)


def unit_rename(
    *,
    scope: Scope,
    user,
    unit: Agency,
    name: str,
    short_name: str,
    name_en: str = "",
    on: datetime.date | None = None,
    reason: str,
) -> Agency:
    """The new name from `on` (today if not given). The old one is kept with its dates, so
    pages and documents of earlier periods show it, and as another name, so plan documents
    that still use it keep matching the unit."""
    require_admin(scope)
    require_reach(scope, unit)
    reason = require_reason(reason)
    on = on or today()
    changed = (name, short_name, name_en) != (unit.name, unit.short_name, unit.name_en)
    with transaction.atomic():
        if changed:
            _keep_former_name(unit, on)
        if unit.name != name and unit.name not in unit.aliases:
            unit.aliases = [*unit.aliases, unit.name]
        unit.name, unit.short_name, unit.name_en = name, short_name, name_en
        return _save(unit, user, _("Unit renamed"), reason)


def _keep_former_name(unit: Agency, on: datetime.date) -> AgencyName:
    last = unit.former_names.order_by("-valid_to").first()
    since = last.valid_to if last is not None else unit.valid_from
    if on > today():
        raise ValidationError(
            {
                "on": _(
                    "A new name cannot start in the future: rename the unit on the day it changes."
                )
            }
        )
    if since is not None and on <= since:
        raise ValidationError(
            {
                "on": _("The current name has been used since %(day)s: choose a later day.")
                % {"day": since.strftime("%d/%m/%Y")}
            }
        )
    former = AgencyName(
        agency=unit,
        name=unit.name,
        name_en=unit.name_en,
        short_name=unit.short_name,
        valid_from=since,
        valid_to=on,
    )
    former.full_clean()
    former.save()
    return former


def unit_move(*, scope: Scope, user, unit: Agency, parent: Agency, reason: str) -> Agency:
    require_admin(scope)
    require_reach(scope, unit)
    require_reach(scope, parent)
    reason = require_reason(reason)
    if scope.is_root(unit):
        raise ValidationError({"parent": _("Your own agency cannot be moved.")})
    if parent.pk in Agency.objects.subtree_ids(unit):
        raise ValidationError(
            {"parent": _("A unit cannot be placed under itself or one of its own units.")}
        )
    unit.parent = parent
    return _save(unit, user, _("Unit moved"), reason)


def unit_close(*, scope: Scope, user, unit: Agency, on: datetime.date, reason: str) -> Agency:
    """The unit exists until `on` (exclusive). Its open units must be closed or moved first."""
    require_admin(scope)
    require_reach(scope, unit)
    reason = require_reason(reason)
    if scope.is_root(unit):
        raise ValidationError({"valid_to": _("Your own agency cannot be closed here.")})
    _check_closing_day(unit, on)
    open_children = Agency.objects.filter(parent=unit).active(on)
    if open_children.exists():
        raise ValidationError(
            {
                "valid_to": _(
                    "Close or move its units first: %(names)s are still open on that day."
                )
                % {"names": ", ".join(c.name for c in open_children[:5])}
            }
        )
    with transaction.atomic():
        unit.valid_to = on
        _end_memberships(unit, on, user, reason)
        return _save(unit, user, _("Unit closed"), reason)


def unit_merge(
    *, scope: Scope, user, unit: Agency, successor: Agency, on: datetime.date, reason: str
) -> Agency:
    """Close `unit` on `on` and name `successor` as the one that carries on its work; its units
    move under the successor, its people hold their roles there from that day, and its open
    work (tasks, pending report requests, open feedback: see orgs.successions) moves too. The
    returned unit's `handed_over` lists what moved."""
    reason = require_reason(reason)
    _check_merge(scope, unit, successor, on)
    with transaction.atomic():
        for child in Agency.objects.filter(parent=unit).active(on):
            child.parent = successor
            _save(child, user, _("Unit moved"), reason)
        _move_memberships(unit, successor, on, user, reason)
        handed_over = successions.hand_over(
            unit=unit, successor=successor, on=on, user=user, reason=reason, apply=True
        )
        unit.valid_to, unit.successor = on, successor
        unit = _save(unit, user, _("Unit merged"), reason)
    unit.handed_over = handed_over
    return unit


def unit_merge_preview(
    *, scope: Scope, unit: Agency, successor: Agency, on: datetime.date
) -> list[successions.Handover]:
    """What unit_merge would move, for the confirmation page; changes nothing."""
    _check_merge(scope, unit, successor, on)
    return successions.hand_over(
        unit=unit, successor=successor, on=on, user=None, reason="", apply=False
    )


def _check_merge(scope: Scope, unit: Agency, successor: Agency, on: datetime.date) -> None:
    require_admin(scope)
    require_reach(scope, unit)
    require_reach(scope, successor)
    if scope.is_root(unit):
        raise ValidationError({"successor": _("Your own agency cannot be merged away here.")})
    if successor.pk in Agency.objects.subtree_ids(unit):
        raise ValidationError(
            {"successor": _("A unit cannot be merged into itself or one of its own units.")}
        )
    if not successor.is_active(on):
        raise ValidationError(
            {"successor": _("%(name)s is not open on that day.") % {"name": successor.name}}
        )
    _check_closing_day(unit, on)


def _check_closing_day(unit: Agency, on: datetime.date) -> None:
    if unit.valid_to is not None:
        raise ValidationError({"valid_to": _("This unit is already closed.")})
    if unit.valid_from is not None and on <= unit.valid_from:
        raise ValidationError(
            {
                "valid_to": _("The unit opened on %(day)s: close it after that day.")
                % {"day": unit.valid_from.strftime("%d/%m/%Y")}
            }
        )


def _end_memberships(unit: Agency, on: datetime.date, user, reason: str) -> None:
    for membership in Membership.objects.filter(agency=unit).active(on):
        _end(membership, on, user, reason)


def _move_memberships(unit: Agency, successor: Agency, on, user, reason: str) -> None:
    for membership in Membership.objects.filter(agency=unit).active(on):
        _end(membership, on, user, reason)
        held = Membership.objects.filter(
            user_id=membership.user_id, agency=successor, role=membership.role
        )
        if held.exists():
            continue
        moved = Membership(
            user_id=membership.user_id,
            agency=successor,
            role=membership.role,
            position=membership.position,
            valid_from=on,
        )
        record(moved, user, _("Role granted"), reason)
        moved.full_clean()
        moved.save()


def _end(membership: Membership, on: datetime.date, user, reason: str) -> None:
    if membership.valid_from is not None and membership.valid_from >= on:
        # A role starting on the closing day itself cannot end before it starts (the check
        # constraint): it keeps the shortest span there is, its first day.
        on = membership.valid_from + datetime.timedelta(days=1)
    membership.valid_to = on
    record(membership, user, _("Role ended"), reason)
    membership.full_clean()
    membership.save(update_fields=["valid_to"])


def _save(unit: Agency, user, action: str, reason: str) -> Agency:
    if unit.kind not in AgencyKind.values:
        raise ValidationError({"kind": _("Choose a kind of unit.")})
    unit.full_clean()
    record(unit, user, action, reason)
    unit.save()
    return unit
