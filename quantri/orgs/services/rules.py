"""Who may change the organisation, and the one line of history each change leaves.

An administrator (a Role.ADMIN membership) keeps the units and people of the subtree of the
unit where the role is held, and nothing outside it; a Django superuser (and the operator
running `quantri orgs` without --agency) keeps everything. The People's Inspection Board reads
the history of its department's organisation and changes nothing (Law 10/2022/QH15).
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from quantri.orgs.access import Access
from quantri.orgs.models import Agency, Role

REASON_MAX = 100  # simple-history's change reason column


class Scope:
    """The agencies one actor may change: a set of ids, or everything (`None`)."""

    def __init__(self, agency_ids: set[int] | None, roots: list[Agency] | None = None):
        self.agency_ids = agency_ids
        self.roots = roots or []

    @classmethod
    def everything(cls) -> "Scope":
        return cls(None)

    @classmethod
    def below(cls, root: Agency) -> "Scope":
        return cls(Agency.objects.subtree_ids(root), [root])

    @classmethod
    def of(cls, access: Access) -> "Scope":
        if access.is_superuser:
            return cls.everything()
        roots = [m.agency for m in access.memberships if m.role == Role.ADMIN]
        ids: set[int] = set()
        for root in roots:
            ids |= Agency.objects.subtree_ids(root)
        return cls(ids, roots)

    @property
    def is_empty(self) -> bool:
        return self.agency_ids is not None and not self.agency_ids

    def reaches(self, agency_id: int | None) -> bool:
        if self.agency_ids is None:
            return True
        return agency_id is not None and agency_id in self.agency_ids

    def is_root(self, agency: Agency) -> bool:
        """An administrator's own agency: renamed by them, never moved, closed or merged away,
        since that would take it out of their reach."""
        return any(root.pk == agency.pk for root in self.roots)

    def agencies(self):
        if self.agency_ids is None:
            return Agency.objects.all()
        return Agency.objects.filter(pk__in=self.agency_ids)


def administers(access: Access) -> bool:
    """Does this user keep any part of the organisation (the /org/ pages)?"""
    return access.is_superuser or any(m.role == Role.ADMIN for m in access.memberships)


def history_agency_ids(access: Access) -> set[int] | None:
    """Whose organisation history this user reads: administrators their subtree, the People's
    Inspection Board its department (oversight of who was given which role); None = all."""
    scope = Scope.of(access)
    if scope.agency_ids is None:
        return None
    return scope.agency_ids | access.inspection_agency_ids


def reads_org_history(access: Access) -> bool:
    ids = history_agency_ids(access)
    return ids is None or bool(ids)


def require_admin(scope: Scope) -> None:
    if scope.is_empty:
        raise PermissionDenied(
            _("Only an administrator of the agency may change its organisation.")
        )


def require_reach(scope: Scope, agency: Agency | None) -> None:
    if agency is None or not scope.reaches(agency.pk):
        raise PermissionDenied(_("This unit is outside the agency you administer."))


def require_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Give a reason: it is kept in the history.")})
    return reason


def change_reason(action: str, reason: str = "") -> str:
    reason = (reason or "").strip()
    return (f"{action} — {reason}" if reason else action)[:REASON_MAX]


def record(obj, user, action: str, reason: str = "") -> None:
    """Who and why for the history row the next save() writes."""
    obj._history_user = user if getattr(user, "is_authenticated", False) else None
    obj._change_reason = change_reason(action, reason)


def today() -> datetime.date:
    return timezone.localdate()
