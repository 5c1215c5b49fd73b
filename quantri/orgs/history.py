"""The organisation's history as people read it: who changed which unit or role, when and why,
from django-simple-history, newest first."""

from dataclasses import dataclass

from quantri.orgs.models import Agency, Membership, Profile

PAGE_ROWS = 200


@dataclass
class Change:
    record: object
    subject: str
    detail: str = ""

    @property
    def when(self):
        return self.record.history_date

    @property
    def who(self):
        return self.record.history_user

    @property
    def why(self) -> str:
        return self.record.history_change_reason or ""


def _membership_change(record) -> Change:
    person = record.user
    name = f"{person.last_name} {person.first_name}".strip() or person.username
    dates = " – ".join(
        d.strftime("%d/%m/%Y") if d else "…" for d in (record.valid_from, record.valid_to)
    )
    return Change(record, name, f"{record.get_role_display()}, {record.agency.name} ({dates})")


def unit_changes(unit: Agency) -> list[Change]:
    rows = [Change(r, r.name, r.code) for r in _latest(Agency.history.filter(id=unit.pk))]
    rows += [
        _membership_change(r)
        for r in _latest(
            Membership.history.filter(agency_id=unit.pk).select_related("user", "agency")
        )
    ]
    return sorted(rows, key=lambda c: c.when, reverse=True)[:PAGE_ROWS]


def person_changes(person) -> list[Change]:
    name = f"{person.last_name} {person.first_name}".strip()
    rows = (
        [
            Change(r, name, r.phone)
            for r in _latest(Profile.history.filter(id=person.org_profile.pk))
        ]
        if hasattr(person, "org_profile")
        else []
    )
    rows += [
        _membership_change(r)
        for r in _latest(
            Membership.history.filter(user_id=person.pk).select_related("user", "agency")
        )
    ]
    return sorted(rows, key=lambda c: c.when, reverse=True)[:PAGE_ROWS]


def org_changes(agency_ids: set[int] | None) -> list[Change]:
    """Every change to the units and roles in these agencies (None: all), newest first."""
    units = Agency.history.all()
    roles = Membership.history.select_related("user", "agency")
    if agency_ids is not None:
        units = units.filter(id__in=agency_ids)
        roles = roles.filter(agency_id__in=agency_ids)
    rows = [Change(r, r.name, r.code) for r in _latest(units)]
    rows += [_membership_change(r) for r in _latest(roles)]
    return sorted(rows, key=lambda c: c.when, reverse=True)[:PAGE_ROWS]


def _latest(history):
    return history.select_related("history_user").order_by("-history_date")[:PAGE_ROWS]
