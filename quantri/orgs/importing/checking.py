"""Every row of the organisation workbook checked before anything is saved: each problem is
reported with its sheet, row and column, and a file with any problem saves nothing."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from quantri.core.sheets import ReadWorkbook, Row, in_all_languages
from quantri.core.text import fold
from quantri.orgs.models import Agency, AgencyKind, Role
from quantri.orgs.services.people import find_person, normalise_email
from quantri.orgs.services.rules import Scope


@dataclass
class UnitRow:
    row: Row
    code: str
    name: str
    short_name: str
    kind: str
    parent_code: str | None
    valid_from: datetime.date | None


@dataclass
class PersonRow:
    row: Row
    full_name: str
    email: str
    phone: str
    unit_code: str
    position: str
    role: str


def _labels(choices) -> dict[str, str]:
    """Each choice recognised by its code or its label in any language, folded."""
    names = {}
    for value, label in choices.choices:
        names[fold(value)] = value
        for name in in_all_languages(label):
            names[name] = value
    return names


class Checker:
    def __init__(self, scope: Scope):
        self.scope = scope
        self.errors: list[str] = []
        self.kinds = _labels(AgencyKind)
        self.roles = _labels(Role)

    def error(self, row: Row, key: str, message: str) -> None:
        self.errors.append(f"{row.where(key)}: {message}")

    def check(self, book: ReadWorkbook) -> tuple[list[UnitRow], list[PersonRow]]:
        self.errors.extend(book.errors)
        units = self._units(book.rows.get("units", []))
        self.known = {a.code: a for a in Agency.objects.filter(code__in=self._codes(units))}
        self._unit_places(units)
        people = self._people(book.rows.get("people", []), {u.code for u in units})
        if not units and not people and not self.errors:
            self.errors.append(_("The workbook has no rows to import."))
        return units, people

    @staticmethod
    def _codes(units: list[UnitRow]) -> set[str]:
        return {u.code for u in units} | {u.parent_code for u in units if u.parent_code}

    # Units ------------------------------------------------------------------------------

    def _units(self, rows: list[Row]) -> list[UnitRow]:
        seen: dict[str, int] = {}
        result = []
        for row in rows:
            unit = self._unit(row)
            if unit is None:
                continue
            if unit.code in seen:
                self.error(
                    row,
                    "code",
                    _("the code %(code)s is already on row %(row)s.")
                    % {"code": unit.code, "row": seen[unit.code]},
                )
                continue
            seen[unit.code] = row.number
            result.append(unit)
        return result

    def _unit(self, row: Row) -> UnitRow | None:
        before = len(self.errors)
        code, name = self._required(row, "code"), self._required(row, "name")
        if len(code) > 40:
            self.error(row, "code", _("a unit code has at most 40 characters."))
        kind = self._choice(row, "kind", self.kinds, _("%(value)s is not a kind of unit."))
        valid_from = self._date(row, "valid_from")
        if len(self.errors) > before:
            return None
        return UnitRow(
            row=row,
            code=code,
            name=name[:255],
            short_name=row.text("short_name")[:100],
            kind=kind,
            parent_code=row.text("parent") or None,
            valid_from=valid_from,
        )

    def _unit_places(self, units: list[UnitRow]) -> None:
        """Reach, parents and cycles, once every row's code is known."""
        in_file = {u.code: u for u in units}
        for unit in units:
            existing = self.known.get(unit.code)
            if existing is not None and not self.scope.reaches(existing.pk):
                self.error(unit.row, "code", _("%(code)s is outside your reach.") % unit.__dict__)
                continue
            self._parent(unit, existing, in_file)
        self._cycles(units, in_file)

    def _parent(self, unit: UnitRow, existing: Agency | None, in_file: dict) -> None:
        current = existing.parent.code if existing is not None and existing.parent_id else None
        if unit.parent_code == current and existing is not None:
            return  # where it already is: an administrator's own agency names its parent too
        if existing is not None and self.scope.is_root(existing):
            self.error(unit.row, "parent", _("your own agency cannot be moved."))
        elif unit.parent_code is None:
            if self.scope.agency_ids is not None:
                self.error(unit.row, "parent", _("name the unit this one belongs to."))
        elif unit.parent_code in in_file:
            return
        elif unit.parent_code not in self.known:
            self.error(
                unit.row,
                "parent",
                _("no unit has the code %(code)s, in this file or already.")
                % {"code": unit.parent_code},
            )
        elif not self.scope.reaches(self.known[unit.parent_code].pk):
            self.error(
                unit.row,
                "parent",
                _("%(code)s is outside your reach.") % {"code": unit.parent_code},
            )

    def _cycles(self, units: list[UnitRow], in_file: dict) -> None:
        parent_of = {code: a.parent.code for code, a in self.known.items() if a.parent_id}
        parent_of.update({u.code: u.parent_code for u in units})
        for unit in units:
            seen, code = {unit.code}, unit.parent_code
            while code is not None and code not in seen:
                seen.add(code)
                code = parent_of.get(code)
            if code == unit.code:
                self.error(
                    unit.row,
                    "parent",
                    _("%(code)s would be inside itself: the parent units form a cycle.")
                    % {"code": unit.code},
                )

    # People -----------------------------------------------------------------------------

    def _people(self, rows: list[Row], unit_codes: set[str]) -> list[PersonRow]:
        seen: dict[str, int] = {}
        missing = {r.text("unit") for r in rows} - unit_codes - set(self.known)
        self.known.update({a.code: a for a in Agency.objects.filter(code__in=missing)})
        result = []
        for row in rows:
            person = self._person(row, unit_codes)
            if person is None:
                continue
            if person.email in seen:
                self.error(
                    row,
                    "email",
                    _("%(email)s is already on row %(row)s.")
                    % {"email": person.email, "row": seen[person.email]},
                )
                continue
            seen[person.email] = row.number
            result.append(person)
        return result

    def _person(self, row: Row, unit_codes: set[str]) -> PersonRow | None:
        before = len(self.errors)
        full_name = self._required(row, "full_name")
        email = self._email(row)
        unit_code = self._required(row, "unit")
        if unit_code and unit_code not in unit_codes:
            unit = self.known.get(unit_code)
            if unit is None:
                self.error(row, "unit", _("no unit has the code %(code)s.") % {"code": unit_code})
            elif not self.scope.reaches(unit.pk):
                self.error(row, "unit", _("%(code)s is outside your reach.") % {"code": unit_code})
        role = self._choice(row, "role", self.roles, _("%(value)s is not a role."))
        if len(self.errors) > before:
            return None
        return PersonRow(
            row=row,
            full_name=full_name,
            email=email,
            phone=row.text("phone")[:30],
            unit_code=unit_code,
            position=row.text("position")[:150],
            role=role,
        )

    def _email(self, row: Row) -> str:
        text = self._required(row, "email")
        if not text:
            return ""
        try:
            email = normalise_email(text)
        except ValidationError:
            self.error(row, "email", _("%(value)s is not an e-mail address.") % {"value": text})
            return ""
        person = find_person(email)
        if person is not None and not self._reaches(person):
            self.error(
                row, "email", _("%(email)s belongs to another agency's staff.") % {"email": email}
            )
        return email

    def _reaches(self, person) -> bool:
        if self.scope.agency_ids is None:
            return True
        held = {m.agency_id for m in person.memberships.all()}
        return not held or bool(held & self.scope.agency_ids)

    # Cells ------------------------------------------------------------------------------

    def _required(self, row: Row, key: str) -> str:
        text = row.text(key)
        if not text:
            self.error(row, key, _("this cell must not be empty."))
        return text

    def _choice(self, row: Row, key: str, names: dict[str, str], message: str) -> str:
        text = self._required(row, key)
        if text and fold(text) not in names:
            self.error(row, key, message % {"value": text})
            return ""
        return names.get(fold(text), "")

    def _date(self, row: Row, key: str) -> datetime.date | None:
        value = row.values.get(key)
        if value in (None, ""):
            return None
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        for layout in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y"):
            try:
                return datetime.datetime.strptime(str(value).strip(), layout).date()
            except ValueError:
                continue
        self.error(row, key, _("%(value)s is not a date such as 01/07/2025.") % {"value": value})
        return None
