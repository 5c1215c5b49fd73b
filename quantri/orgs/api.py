"""Units and people over the API, for provinces that keep staff lists in another system: the
same services, hence the same rules, as the /org/ pages. Reads of the whole tree stay in
quantri.api.orgs; these operations are the administrator's and need the signed-in session
(with the CSRF token for writes). Bad bodies are 422 (ninja names the field) or 400 naming it.
"""

import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from ninja.security import django_auth

from quantri.api.orgs import AgencyOut, _agency_out
from quantri.api.orgs import router as agencies_router
from quantri.orgs.access import Access
from quantri.orgs.models import Agency, Membership
from quantri.orgs.queries import people_in, person_in
from quantri.orgs.services import people as people_services
from quantri.orgs.services import units as unit_services
from quantri.orgs.services.rules import Scope, today

people_router = Router(tags=["organisations"], auth=django_auth)
memberships_router = Router(tags=["organisations"], auth=django_auth)


def _scope(request) -> Scope:
    scope = Scope.of(Access.for_request(request))
    if scope.is_empty:
        raise PermissionDenied(_("Only an administrator of the agency may do this."))
    return scope


def _unit(scope: Scope, code: str) -> Agency:
    unit = scope.agencies().filter(code=code).first()
    if unit is None:
        raise Http404
    return unit


def _named(scope: Scope, code: str | None, field: str) -> Agency | None:
    """A unit named in a body: a 400 naming the field when no unit in reach has that code."""
    if not code:
        return None
    unit = scope.agencies().filter(code=code).first()
    if unit is None:
        raise ValidationError(
            {field: [_("No unit you administer has the code %(code)s.") % {"code": code}]}
        )
    return unit


# Units ----------------------------------------------------------------------------------


class UnitIn(Schema):
    code: str
    name: str
    kind: str
    parent_code: str
    short_name: str = ""
    name_en: str = ""
    valid_from: datetime.date | None = None
    reason: str = ""


class UnitPatch(Schema):
    name: str | None = None
    short_name: str | None = None
    name_en: str | None = None
    parent_code: str | None = None
    renamed_on: datetime.date | None = None  # today when not given
    reason: str


class UnitEnd(Schema):
    valid_to: datetime.date | None = None  # today when not given
    reason: str
    successor_code: str | None = None


@agencies_router.post("", response={201: AgencyOut}, auth=django_auth, summary="Create a unit")
def create_unit(request, body: UnitIn):
    scope = _scope(request)
    data = unit_services.UnitData(
        code=body.code.strip(),
        name=body.name.strip(),
        kind=body.kind,
        parent=_named(scope, body.parent_code, "parent_code"),
        short_name=body.short_name,
        name_en=body.name_en,
        valid_from=body.valid_from,
    )
    unit = unit_services.unit_create(scope=scope, user=request.user, data=data, reason=body.reason)
    return Status(201, _agency_out(unit))


@agencies_router.patch(
    "/{code}", response=AgencyOut, auth=django_auth, summary="Rename or move a unit"
)
def update_unit(request, code: str, body: UnitPatch):
    scope = _scope(request)
    unit = _unit(scope, code)
    with transaction.atomic():
        if body.name is not None or body.short_name is not None or body.name_en is not None:
            unit = unit_services.unit_rename(
                scope=scope,
                user=request.user,
                unit=unit,
                name=(body.name if body.name is not None else unit.name).strip(),
                short_name=body.short_name if body.short_name is not None else unit.short_name,
                name_en=body.name_en if body.name_en is not None else unit.name_en,
                on=body.renamed_on,
                reason=body.reason,
            )
        parent = _named(scope, body.parent_code, "parent_code")
        if parent is not None and parent.pk != unit.parent_id:
            unit = unit_services.unit_move(
                scope=scope, user=request.user, unit=unit, parent=parent, reason=body.reason
            )
    return _agency_out(unit)


@agencies_router.post(
    "/{code}/close",
    response=AgencyOut,
    auth=django_auth,
    summary="Close a unit on a day, or merge it into a successor (successor_code)",
)
def close_unit(request, code: str, body: UnitEnd):
    scope = _scope(request)
    unit = _unit(scope, code)
    successor = _named(scope, body.successor_code, "successor_code")
    on = body.valid_to or today()
    common = {"scope": scope, "user": request.user, "unit": unit, "on": on}
    if successor is not None:
        unit = unit_services.unit_merge(successor=successor, reason=body.reason, **common)
    else:
        unit = unit_services.unit_close(reason=body.reason, **common)
    return _agency_out(unit)


# People ---------------------------------------------------------------------------------


class RoleOut(Schema):
    id: int
    unit_code: str
    unit: str
    role: str
    position: str
    valid_from: datetime.date | None
    valid_to: datetime.date | None


class PersonOut(Schema):
    id: int
    full_name: str
    email: str
    phone: str
    is_active: bool
    roles: list[RoleOut]


class RoleIn(Schema):
    unit_code: str
    role: str
    position: str = ""
    valid_from: datetime.date | None = None
    valid_to: datetime.date | None = None
    reason: str = ""


class PersonIn(RoleIn):
    full_name: str
    email: str
    phone: str = ""


def _role_out(m: Membership) -> dict:
    return {
        "id": m.pk,
        "unit_code": m.agency.code,
        "unit": m.agency.name,
        "role": m.role,
        "position": m.position,
        "valid_from": m.valid_from,
        "valid_to": m.valid_to,
    }


def _person_out(person, roles=None) -> dict:
    profile = getattr(person, "org_profile", None)
    if roles is None:
        roles = person.memberships.select_related("agency").order_by("pk")
    return {
        "id": person.pk,
        "full_name": f"{person.last_name} {person.first_name}".strip(),
        "email": person.email,
        "phone": profile.phone if profile else "",
        "is_active": person.is_active,
        "roles": [_role_out(m) for m in roles],
    }


@people_router.get("", response=list[PersonOut], summary="People with roles in your units")
def list_people(
    request, unit: str | None = None, role: str = "", q: str = "", former: bool = False
):
    scope = _scope(request)
    found = people_in(
        scope,
        unit=_named(scope, unit, "unit"),
        role=role,
        query=q,
        current_only=not former,
    )
    return [_person_out(p, p.roles) for p in found]


@people_router.get("/{person_id}", response=PersonOut, summary="A person and their roles")
def get_person(request, person_id: int):
    scope = _scope(request)
    person = person_in(scope, person_id)
    if person is None:
        raise Http404
    return _person_out(person)


@people_router.post(
    "", response={201: PersonOut}, summary="Create an account (or update it) with a role"
)
def create_person(request, body: PersonIn):
    scope = _scope(request)
    unit = _named(scope, body.unit_code, "unit_code")
    with transaction.atomic():
        data = people_services.PersonData(body.full_name, body.email, body.phone)
        person, _result = people_services.person_save(
            scope=scope, user=request.user, data=data, reason=body.reason
        )
        _grant(scope, request, person, unit, body)
    return Status(201, _person_out(get_user_model().objects.get(pk=person.pk)))


def _grant(scope, request, person, unit, body: RoleIn) -> Membership:
    return people_services.role_grant(
        scope=scope,
        user=request.user,
        person=person,
        unit=unit,
        role=body.role,
        position=body.position,
        valid_from=body.valid_from,
        valid_to=body.valid_to,
        reason=body.reason,
    )


@people_router.post("/{person_id}/roles", response={201: RoleOut}, summary="Grant a role in a unit")
def grant_role(request, person_id: int, body: RoleIn):
    scope = _scope(request)
    person = person_in(scope, person_id)
    if person is None:
        raise Http404
    unit = _named(scope, body.unit_code, "unit_code")
    return Status(201, _role_out(_grant(scope, request, person, unit, body)))


class RoleEnd(Schema):
    valid_to: datetime.date | None = None  # today when not given
    reason: str


@memberships_router.post(
    "/{membership_id}/end", response=RoleOut, summary="End a role on a day, with a reason"
)
def end_role(request, membership_id: int, body: RoleEnd):
    scope = _scope(request)
    membership = Membership.objects.select_related("agency").filter(pk=membership_id).first()
    if membership is None or not scope.reaches(membership.agency_id):
        raise Http404
    membership = people_services.role_withdraw(
        scope=scope,
        user=request.user,
        membership=membership,
        on=body.valid_to or today(),
        reason=body.reason,
    )
    return _role_out(membership)
