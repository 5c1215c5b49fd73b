"""Day one for a new agency (issue 14, item 4): the agency, its administrator's account and
role, and the invitation, in one step from the command line. After that the administrator
works in the browser: units and people at /org/, accounts at /accounts/, plans at /plans/."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from quantri.accounts.models import Invitation
from quantri.accounts.services import account_invite, clean_email, user_by_email
from quantri.orgs.models import Agency, AgencyKind, Membership, Role


@dataclass(frozen=True)
class NewAgency:
    agency: Agency
    invitation: Invitation


@transaction.atomic
def agency_create(
    *,
    code: str,
    name: str,
    parent_code: str = "",
    admin_email: str,
    admin_name: str = "",
    kind: str = AgencyKind.DEPARTMENT,
) -> NewAgency:
    """Create the agency under its parent and invite its first administrator. Nothing is
    saved when any part is wrong (an existing code, an unknown parent, a bad e-mail)."""
    code, name = code.strip(), " ".join(name.split())
    email = clean_email(admin_email)
    agency = Agency(code=code, name=name, kind=kind, parent=_parent(parent_code))
    if Agency.objects.filter(code__iexact=code).exists():
        raise ValidationError({"code": _("An agency with code %(code)s exists.") % {"code": code}})
    agency.full_clean()
    agency.save()
    user = user_by_email(email)
    if user is None:
        invitation = account_invite(
            by=None, email=email, full_name=admin_name, agency=agency, role=Role.ADMIN
        )
    else:
        Membership.objects.get_or_create(user=user, agency=agency, role=Role.ADMIN)
        invitation = account_invite(by=None, email=email)
    return NewAgency(agency=agency, invitation=invitation)


def _parent(parent_code: str) -> Agency | None:
    if not parent_code.strip():
        return None
    parent = Agency.objects.filter(code__iexact=parent_code.strip()).first()
    if parent is None:
        raise ValidationError(
            {"parent": _("No agency has the code %(code)s.") % {"code": parent_code.strip()}}
        )
    return parent
