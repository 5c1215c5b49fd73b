"""Who changed the organisation, when and why: for its administrators and for the People's
Inspection Board, which oversees who was given which role and changes nothing."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from quantri.orgs.access import Access
from quantri.orgs.history import org_changes
from quantri.orgs.services.rules import history_agency_ids, reads_org_history


@login_required
def history(request):
    access = Access.for_request(request)
    if not reads_org_history(access):
        raise PermissionDenied
    changes = org_changes(history_agency_ids(access))
    return render(request, "orgs/history.html", {"changes": changes})
