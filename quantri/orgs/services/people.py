"""People: accounts created for the agency's staff, and the roles they hold in its units.

An account is a Django user whose username is the e-mail address, with an unusable password
and active: the person sets a password from an invitation (the accounts app). Roles are granted
and withdrawn with a start date, an end date and a reason; withdrawing ends the role on a day
and keeps it in the history, never deletes it.
"""

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from quantri.orgs.models import Agency, Membership, Profile, Role
from quantri.orgs.services.rules import (
    Scope,
    record,
    require_admin,
    require_reach,
    require_reason,
)

EMAIL_MAX = 150  # it is the username too, and Django's username column holds 150


@dataclass
class PersonData:
    full_name: str
    email: str
    phone: str = ""


def split_name(full_name: str) -> tuple[str, str]:
    """'Nguyễn Thị Thu Hà' -> ('Nguyễn Thị Thu', 'Hà'): family and middle names, given name."""
    family, _space, given = " ".join(full_name.split()).rpartition(" ")
    return family, given


def normalise_email(email: str) -> str:
    email = (email or "").strip().lower()
    try:
        validate_email(email)
        if len(email) > EMAIL_MAX:
            raise ValidationError("too long")
    except ValidationError:
        raise ValidationError(
            {"email": _("%(email)s is not an e-mail address.") % {"email": email or "—"}}
        ) from None
    return email


def find_person(email: str):
    User = get_user_model()
    return (
        User.objects.filter(username__iexact=email).first()
        or User.objects.filter(email__iexact=email).first()
    )


def person_save(*, scope: Scope, user, data: PersonData, reason: str = ""):
    """Create the account, or update the name and phone of an existing one this administrator
    reaches. Returns (person, "created" | "updated" | "unchanged")."""
    require_admin(scope)
    email = normalise_email(data.email)
    full_name = " ".join((data.full_name or "").split())
    if not full_name:
        raise ValidationError({"full_name": _("Write the person's full name.")})
    person = find_person(email)
    if person is not None and not _reaches_person(scope, person):
        raise PermissionDenied(_("%(email)s belongs to another agency's staff.") % {"email": email})
    with transaction.atomic():
        if person is None:
            return _create(email, full_name, data.phone, user, reason), "created"
        changed = _update(person, full_name, data.phone, user, reason)
        return person, "updated" if changed else "unchanged"


def _reaches_person(scope: Scope, person) -> bool:
    """An account this administrator may edit: one with a role in their reach, or no role at
    all (created and not yet placed)."""
    if scope.agency_ids is None:
        return True
    held = set(Membership.objects.filter(user=person).values_list("agency_id", flat=True))
    return not held or bool(held & scope.agency_ids)


def _create(email: str, full_name: str, phone: str, user, reason: str):
    family, given = split_name(full_name)
    person = get_user_model()(
        username=email, email=email, last_name=family[:150], first_name=given[:150]
    )
    person.set_unusable_password()
    person.is_active = True
    person.full_clean(exclude=["password"])
    person.save()
    profile = Profile(user=person, phone=(phone or "").strip()[:30])
    record(profile, user, _("Account created"), reason)
    profile.save()
    return person


def _update(person, full_name: str, phone: str, user, reason: str) -> bool:
    family, given = split_name(full_name)
    changed = (person.last_name, person.first_name) != (family[:150], given[:150])
    if changed:
        person.last_name, person.first_name = family[:150], given[:150]
        person.save(update_fields=["last_name", "first_name"])
    profile = Profile.objects.filter(user=person).first() or Profile(user=person)
    phone = (phone or "").strip()[:30]
    if profile.pk is None or profile.phone != phone or changed:
        # The profile's history row is where a change of name or phone is told, with who/why.
        profile.phone = phone
        record(profile, user, _("Details changed"), reason)
        profile.save()
        return True
    return False


def role_grant(
    *,
    scope: Scope,
    user,
    person,
    unit: Agency,
    role: str,
    position: str = "",
    valid_from: datetime.date | None = None,
    valid_to: datetime.date | None = None,
    reason: str = "",
) -> Membership:
    """Give a person a role in a unit from a day (and until a day). A role the person held
    there before, now ended, is opened again with the new dates: one row per unit and role."""
    require_admin(scope)
    require_reach(scope, unit)
    if role not in Role.values:
        raise ValidationError({"role": _("%(role)s is not a role.") % {"role": role}})
    membership = Membership.objects.filter(user=person, agency=unit, role=role).first()
    action = _("Role granted")
    if membership is None:
        membership = Membership(user=person, agency=unit, role=role)
    elif membership.is_active_on(valid_from):
        action = _("Role changed")
    membership.position = (position or "").strip()[:150]
    membership.valid_from, membership.valid_to = valid_from, valid_to
    membership.full_clean()
    record(membership, user, action, reason)
    membership.save()
    return membership


def role_withdraw(
    *, scope: Scope, user, membership: Membership, on: datetime.date, reason: str
) -> Membership:
    require_admin(scope)
    require_reach(scope, membership.agency)
    reason = require_reason(reason)
    if membership.valid_to is not None and membership.valid_to <= on:
        raise ValidationError({"valid_to": _("This role has already ended.")})
    if membership.valid_from is not None and on <= membership.valid_from:
        raise ValidationError(
            {
                "valid_to": _("The role starts on %(day)s: end it after that day.")
                % {"day": membership.valid_from.strftime("%d/%m/%Y")}
            }
        )
    membership.valid_to = on
    record(membership, user, _("Role ended"), reason)
    membership.save(update_fields=["valid_to"])
    return membership
