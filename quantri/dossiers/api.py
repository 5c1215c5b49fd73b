"""/api/dossiers: the Decision 766 index of an agency for a month, for the managers of that
agency (signed-in session). Applicants' personal data never leaves through this router."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from ninja import Router
from ninja.security import django_auth

from quantri.dossiers import stats
from quantri.orgs.access import Access
from quantri.orgs.models import Agency

router = Router(tags=["dossiers"])


@router.get("/index", auth=django_auth)
def index(request, agency: str, month: str):
    """Groups, points, total and the figures behind them (counts only)."""
    target = get_object_or_404(Agency, code=agency)
    if not Access.for_request(request).can_manage_agency(target.pk):
        raise PermissionDenied
    try:
        parsed = stats.Month.parse(month)
    except ValueError as error:
        raise ValidationError({"month": str(error)}) from None
    return stats.index_for(target, parsed)
