"""Whose site this is: the agency named in the header and in every page title.

QUANTRI_SITE_AGENCY names it by code; without it, an installation holding one department (the
usual case: one department runs its own instance) shows that department's name."""

from django.conf import settings

from quantri.core.refdata import Snapshot
from quantri.orgs.models import Agency, AgencyKind

PRODUCT = "Quản trị"


def site_agency() -> Agency | None:
    code = getattr(settings, "QUANTRI_SITE_AGENCY", "")
    if code:
        return Agency.objects.filter(code=code).first()
    departments = list(Agency.objects.active().filter(kind=AgencyKind.DEPARTMENT)[:2])
    return departments[0] if len(departments) == 1 else None


def _read_site_name() -> str:
    agency = site_agency()
    return agency.display_name if agency else PRODUCT


# Every page shows it: reference data, read again when an agency changes or after a minute.
_SITE_NAME = Snapshot(_read_site_name, models=[Agency])


def site_name(request) -> str:
    """The agency's name, else the product's; read once per request."""
    if not hasattr(request, "_site_name"):
        request._site_name = _SITE_NAME.get()
    return request._site_name
