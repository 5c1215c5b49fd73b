"""org_import: check the whole workbook, then save it in one transaction.

Units are matched by code and people by e-mail, so importing the same file again changes
nothing and an edited row updates what changed. What the file no longer lists is never deleted
or closed by the import: it comes back in the report, for the administrator to close.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from quantri.core.sheets import WorkbookError
from quantri.core.uploads import XLSX, detect_kind
from quantri.orgs.importing.checking import Checker, PersonRow, UnitRow
from quantri.orgs.importing.workbook import read_workbook
from quantri.orgs.models import Agency, Membership
from quantri.orgs.services.people import PersonData, person_save, role_grant
from quantri.orgs.services.rules import Scope, record, today

MAX_ERRORS_SHOWN = 50
UNIT_FIELDS = ("name", "short_name", "kind", "valid_from")


class OrgImportError(Exception):
    """A workbook that cannot be imported; `errors` lists every problem found."""

    def __init__(self, errors: list[str]):
        self.errors = errors
        shown = errors[:MAX_ERRORS_SHOWN]
        if len(errors) > MAX_ERRORS_SHOWN:
            shown.append(_("… and %(n)s more.") % {"n": len(errors) - MAX_ERRORS_SHOWN})
        super().__init__("\n".join(shown))


@dataclass
class ImportReport:
    units: dict[str, list[str]] = field(
        default_factory=lambda: {"created": [], "updated": [], "unchanged": []}
    )
    people: dict[str, list[str]] = field(
        default_factory=lambda: {"created": [], "updated": [], "unchanged": []}
    )
    roles: dict[str, list[str]] = field(
        default_factory=lambda: {"created": [], "updated": [], "unchanged": []}
    )
    units_to_close: list[Agency] = field(default_factory=list)
    roles_to_close: list[Membership] = field(default_factory=list)
    dry_run: bool = False

    @property
    def changes(self) -> int:
        return sum(
            len(group[key])
            for group in (self.units, self.people, self.roles)
            for key in ("created", "updated")
        )


class _DryRun(Exception):
    """Raised inside the transaction to roll a dry run back after everything was saved."""


def org_import(
    *,
    content: bytes,
    user,
    scope: Scope,
    dry_run: bool = False,
    track: Callable[[Iterable], Iterable] = lambda rows: rows,
) -> ImportReport:
    if detect_kind(content) != XLSX:
        raise OrgImportError([_("The file is not an .xlsx workbook.")])
    try:
        book = read_workbook(content)
    except WorkbookError as exc:
        raise OrgImportError([str(exc)]) from None
    if scope.is_empty:
        raise OrgImportError([_("Only an administrator of the agency may import its staff.")])
    checker = Checker(scope)
    units, people = checker.check(book)
    if checker.errors:
        raise OrgImportError(checker.errors)
    report = ImportReport(dry_run=dry_run)
    try:
        with transaction.atomic():
            saved = _save_units(units, user, report)
            _save_people(people, saved, scope, user, report, track)
            _left_out(units, people, saved, scope, report, user)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return report


def _save_units(units: list[UnitRow], user, report: ImportReport) -> dict[str, Agency]:
    """Parents first: a row may name a parent further down the sheet."""
    saved: dict[str, Agency] = {}
    existing = {a.code: a for a in Agency.objects.filter(code__in=[u.code for u in units])}
    waiting = list(units)
    while waiting:
        ready = [
            u
            for u in waiting
            if u.parent_code is None or u.parent_code not in {w.code for w in waiting}
        ]
        for unit in ready:
            parent = saved.get(unit.parent_code) or _agency(unit.parent_code)
            agency, result = _save_unit(unit, existing.get(unit.code), parent, user)
            saved[unit.code] = agency
            report.units[result].append(unit.code)
        waiting = [u for u in waiting if u not in ready]
    return saved


def _agency(code: str | None) -> Agency | None:
    return Agency.objects.get(code=code) if code else None


def _save_unit(row: UnitRow, agency: Agency | None, parent: Agency | None, user):
    values = {f: getattr(row, f) for f in UNIT_FIELDS}
    if agency is None:
        agency = Agency(code=row.code, parent=parent, **values)
        result = "created"
    else:
        changed = [f for f in UNIT_FIELDS if getattr(agency, f) != values[f] and values[f]]
        if agency.parent_id != (parent.pk if parent else None):
            changed.append("parent")
        if not changed:
            return agency, "unchanged"
        for name in changed:
            setattr(agency, name, parent if name == "parent" else values[name])
        result = "updated"
    agency.full_clean()
    record(agency, user, _("Imported from a workbook"))
    agency.save()
    return agency, result


def _save_people(people: list[PersonRow], units, scope: Scope, user, report, track) -> None:
    reason = _("Imported from a workbook")
    for row in track(people):
        data = PersonData(full_name=row.full_name, email=row.email, phone=row.phone)
        person, result = person_save(scope=scope, user=user, data=data, reason=reason)
        report.people[result].append(row.email)
        unit = units.get(row.unit_code) or Agency.objects.get(code=row.unit_code)
        held = Membership.objects.filter(user=person, agency=unit, role=row.role).first()
        if held is not None and held.is_active_on(None) and held.position == row.position:
            report.roles["unchanged"].append(row.email)
            continue
        role_grant(
            scope=Scope.everything() if unit.code in units else scope,
            user=user,
            person=person,
            unit=unit,
            role=row.role,
            position=row.position,
            valid_from=held.valid_from if held and held.is_active_on(None) else today(),
            reason=reason,
        )
        report.roles["updated" if held else "created"].append(row.email)


def _left_out(units, people, saved, scope: Scope, report: ImportReport, user) -> None:
    """Units and roles in the area the file covers that it does not list: to close, by hand."""
    area = _area(units, saved, scope)
    listed = {u.code for u in units}
    report.units_to_close = list(
        Agency.objects.filter(pk__in=area)
        .active()
        .exclude(code__in=listed)
        .exclude(pk__in=[r.pk for r in scope.roots])
        .order_by("code")
    )
    user_id = user.pk if getattr(user, "is_authenticated", False) else None
    kept = {(p.email, p.unit_code, p.role) for p in people}
    # The administrator importing is rarely on the staff list they keep: not theirs to close.
    memberships = Membership.objects.filter(agency_id__in=area).active().exclude(user_id=user_id)
    report.roles_to_close = [
        m
        for m in memberships.select_related("user", "agency").order_by("agency__code")
        if (m.user.username.lower(), m.agency.code, m.role) not in kept
    ]


def _area(units, saved, scope: Scope) -> set[int]:
    if scope.agency_ids is not None:
        return set(scope.agency_ids)
    area: set[int] = set()
    for unit in units:
        agency = saved[unit.code]
        top = agency.parent if unit.parent_code not in saved and agency.parent_id else agency
        area |= Agency.objects.subtree_ids(top)
    return area
