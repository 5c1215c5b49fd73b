"""The REST API at /api/ (OpenAPI at /api/openapi.json, browsable docs at /api/docs).

Errors come back as {"detail": "..."} with the right status; no stack trace ever reaches a
client. Later features add their routers here.
"""

from django.core.exceptions import PermissionDenied, RequestDataTooBig, ValidationError
from django.http import Http404
from django.http.multipartparser import MultiPartParserError
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError
from ninja.parser import Parser

from quantri.plans.services import PlanImportError


class _NoNulParser(Parser):
    """Form fields (multipart uploads) as ninja reads them, refusing a NUL character: PostgreSQL
    cannot store one in text. Query parameters are refused earlier, by
    quantri.core.middleware.NulCharacterMiddleware."""

    def parse_querydict(self, data, list_fields, request):
        for name, values in data.lists():
            texts = [v for v in values if isinstance(v, str)]  # files are read by their view
            if "\x00" in name or any("\x00" in text for text in texts):
                raise ValidationError(
                    {name.replace("\x00", ""): [_("A NUL character is not allowed here.")]}
                )
        return super().parse_querydict(data, list_fields, request)


api = NinjaAPI(
    parser=_NoNulParser(),
    title="Quản trị API",
    version="1",
    description=_(
        "Plans, tasks and organisations of Quản trị. Reads of published plans are public; "
        "everything else uses the signed-in session (with the CSRF token for writes)."
    ),
    urls_namespace="api",
)


def _detail(request, message, status: int):
    return api.create_response(request, {"detail": message}, status=status)


@api.exception_handler(PlanImportError)
def plan_import_error(request, exc):
    return _detail(request, str(exc), 400)


@api.exception_handler(ValidationError)
def validation_error(request, exc):
    messages = (
        {k: list(v) for k, v in exc.message_dict.items()}
        if hasattr(exc, "error_dict")
        else exc.messages
    )
    return api.create_response(request, {"detail": messages}, status=400)


@api.exception_handler(RequestDataTooBig)
def body_too_large(request, exc):
    # Within the upload limit (quantri.core.middleware) but over DATA_UPLOAD_MAX_MEMORY_SIZE.
    return _detail(request, _("The request body is too large."), 413)


@api.exception_handler(MultiPartParserError)
def body_not_multipart(request, exc):
    # A multipart Content-Type without a usable boundary, or a body that is not one.
    return _detail(request, _("The request body is not valid multipart/form-data."), 400)


@api.exception_handler(PermissionDenied)
def permission_denied(request, exc):
    return _detail(request, str(exc) or _("You may not do this."), 403)


@api.exception_handler(Http404)
def not_found(request, exc):
    return _detail(request, _("Not found."), 404)


@api.exception_handler(AuthenticationError)
def not_authenticated(request, exc):
    return _detail(request, _("Sign in first."), 401)


def register_routers() -> None:
    from quantri.api import orgs, plans
    from quantri.disclosures import api as disclosures
    from quantri.dossiers import api as dossiers
    from quantri.feedback import api as feedback
    from quantri.indices import api as indices
    from quantri.orgs import api as orgs_api
    from quantri.orgs import api_import as orgs_import_api
    from quantri.oversight import api as oversight
    from quantri.procedures import api as procedures
    from quantri.reception import api as reception
    from quantri.reports import api as reports
    from quantri.surveys import api as surveys

    api.add_router("/agencies", orgs.router)
    api.add_router("/people", orgs_api.people_router)
    api.add_router("/memberships", orgs_api.memberships_router)
    api.add_router("/org-imports", orgs_import_api.imports_router)
    api.add_router("/frameworks", orgs.frameworks_router)
    api.add_router("/plans", plans.router)
    api.add_router("/tasks", plans.tasks_router)
    api.add_router("/reports", reports.router)
    api.add_router("/procedures", procedures.router)
    api.add_router("/feedback", feedback.router)
    api.add_router("/reception", reception.router)
    api.add_router("/disclosures", disclosures.router)
    api.add_router("/dossiers", dossiers.router)
    api.add_router("/papi", indices.router)
    api.add_router("/surveys", surveys.router)
    api.add_router("/oversight", oversight.router)


register_routers()
