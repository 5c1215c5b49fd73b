"""/api/dossiers: the Decision 766 index of an agency for a month, and the import of dossiers
as JSON, for the managers of the agencies concerned (signed-in session, CSRF on writes) or a
one-stop system with its key (`quantri dossiers key create`), limited to the key's agency.
Applicants' personal data never leaves through this router."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.errors import AuthenticationError
from ninja.responses import Status
from ninja.security import HttpBearer, django_auth

from quantri.dossiers import importer, stats
from quantri.dossiers.models import SourceKey
from quantri.orgs.access import Access
from quantri.orgs.models import Agency
from quantri.procedures.models import Procedure

router = Router(tags=["dossiers"])


class SourceKeyAuth(HttpBearer):
    """Authorization: Bearer <key>. The request's auth is the SourceKey; no session, so no
    CSRF (nothing a browser sends by itself)."""

    openapi_scheme = "bearer"

    def authenticate(self, request, token):
        key = SourceKey.objects.for_key(token)
        if key is None:  # a key was sent and is wrong or revoked: 401, not the session's 403
            raise AuthenticationError
        return key


source_key = SourceKeyAuth()
MAX_RECORDS = 10_000  # per request; a larger batch is a file for `quantri dossiers import`


@router.get("/index", auth=django_auth)
def index(request, agency: str, month: str, unit: str | None = None, procedure: str | None = None):
    """Groups, points, total and the figures behind them (counts only); `unit` (a handling
    unit's code) or `procedure` (its national code) narrow them to the dossiers of that one."""
    target = get_object_or_404(Agency, code=agency)
    if not Access.for_request(request).can_manage_agency(target.pk):
        raise PermissionDenied
    try:
        parsed = stats.Month.parse(month)
    except ValueError as error:
        raise ValidationError({"month": str(error)}) from None
    scope = Agency.objects.subtree_ids(target)
    narrow = {}
    if unit:
        narrow["unit"] = get_object_or_404(Agency, code=unit, pk__in=scope)
    if procedure:
        narrow["procedure"] = get_object_or_404(Procedure, code=procedure, agency_id__in=scope)
    return stats.index_for(target, parsed, **narrow)


class ImportIn(Schema):
    dossiers: list[dict]
    partial: bool = False


class ImportOut(Schema):
    created: int
    updated: int
    rejected: int
    errors: list[str]


# The key first: django_auth answers 403 on a missing CSRF token instead of passing on.
@router.post("/import", auth=[source_key, django_auth], response={200: ImportOut, 400: ImportOut})
def import_dossiers(request, body: ImportIn):
    """Create or update dossiers by code; each object names its fields like the export's
    columns (code, procedure, agency, unit, applicant_name, applicant_phone,
    applicant_address, channel, received_at "dd/mm/yyyy hh:mm", state, result_at, …); codes
    are compared in capitals. With any bad item nothing is saved (400 and the
    list of errors, "item N, field X: …") unless partial is true. A one-stop system's key
    may write the dossiers of its agency and that agency's units only."""
    if isinstance(request.auth, SourceKey):
        caller = {"key": request.auth, "allowed": Agency.objects.subtree_ids(request.auth.agency)}
    else:
        access = Access.for_request(request)
        if not access.manages_any_agency():
            raise PermissionDenied
        caller = {
            "user": request.user,
            "allowed": None if access.is_superuser else set(access.managed_agency_ids),
        }
    if len(body.dossiers) > MAX_RECORDS:
        raise ValidationError(
            {"dossiers": _("At most %(n)s dossiers per request.") % {"n": f"{MAX_RECORDS:,}"}}
        )
    result = importer.import_records(
        body.dossiers,
        partial=body.partial,
        **caller,
    )
    status = 400 if result.errors and not body.partial else 200
    return Status(
        status,
        {
            "created": result.created,
            "updated": result.updated,
            "rejected": result.rejected,
            "errors": result.errors,
        },
    )
