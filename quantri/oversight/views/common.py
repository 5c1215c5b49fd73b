from django.http import Http404
from django.shortcuts import get_object_or_404

from quantri.orgs.access import Access
from quantri.orgs.models import Agency
from quantri.oversight.models import Inspection


def departments(ids: set[int], superuser: bool):
    kinds = ["department", "province"]
    agencies = Agency.objects.filter(kind__in=kinds)
    return agencies if superuser else agencies.filter(pk__in=ids)


def writable_departments(access: Access):
    return departments(access.inspector_agency_ids, access.is_superuser)


def inspection_for(request, pk: int, *, full: bool = False) -> tuple[Inspection, Access]:
    """The inspection if the user may read it (in full, with `full`); 404 otherwise, so an
    outsider cannot tell it exists."""
    inspection = get_object_or_404(
        Inspection.objects.select_related("agency", "subject_unit"), pk=pk
    )
    access = Access.for_request(request)
    if access.can_read_all_inspections(inspection.agency_id):
        return inspection, access
    if not full and access.viewable_findings(inspection.findings.all()).exists():
        return inspection, access
    raise Http404
