"""An error answered before a view runs (a body too large, say) in the shape the client
expects: the site's HTML page for pages, {"detail": ...} under /api/, and whatever an app
registers for its own prefix (feedback registers the Open311 error document for /open311/).
Apps register in AppConfig.ready(), as with the menu (quantri.core.nav)."""

import logging
from collections.abc import Callable

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import BadRequest
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

Shape = Callable[..., HttpResponse]  # (request, status, message) -> response

_SHAPES: dict[str, Shape] = {}


def register_error_shape(prefix: str, shape: Shape) -> None:
    _SHAPES[prefix] = shape


def _json_detail(request, status: int, message: str) -> HttpResponse:
    return JsonResponse({"detail": message}, status=status)


def _page(request, status: int, message: str) -> HttpResponse:
    if not hasattr(request, "user"):  # answered before the authentication middleware ran
        request.user = AnonymousUser()
    context = {"status": status, "message": message, "next": _return_path(request)}
    return render(request, "error.html", context, status=status)


def _return_path(request) -> str:
    """Where a refused visitor who is not signed in goes to sign in and come back (GET only:
    a refused POST cannot be replayed by a redirect)."""
    if request.method != "GET" or request.path_info.startswith("/login/"):
        return ""
    return request.get_full_path()


register_error_shape("/api/", _json_detail)


def error_response(request, status: int, message: str) -> HttpResponse:
    for prefix, shape in sorted(_SHAPES.items(), key=lambda item: -len(item[0])):
        if request.path_info.startswith(prefix):
            return shape(request, status, message)
    return _page(request, status, message)


def page_not_found(request, exception) -> HttpResponse:
    """handler404: a URL no route matches (an API code holding a "/", an Open311 id with a
    dot) answers in its prefix's shape too, not in Django's bare HTML page."""
    return error_response(request, 404, _("Not found."))


def bad_request(request, exception) -> HttpResponse:
    """handler400: a request Django could not read (a SuspiciousOperation, a broken body) that
    no view turned into an answer of its own, or a view's BadRequest, whose message says what
    was wrong (a SuspiciousOperation's says it to the log, not to the visitor)."""
    if isinstance(exception, BadRequest) and str(exception):
        return error_response(request, 400, str(exception))
    return error_response(request, 400, _("The request could not be read."))


def permission_denied(request, exception) -> HttpResponse:
    """handler403: the service's own reason when it gave one ("Only the plan's office may
    change this plan."), else a general one."""
    reason = str(exception) if exception is not None and str(exception) else ""
    return error_response(request, 403, reason or _("You may not open this page."))


def csrf_failure(request, reason: str = "") -> HttpResponse:
    """CSRF_FAILURE_VIEW: a form sent from a page left open too long (or after signing in
    elsewhere) is refused in the site's words, not Django's developer page."""
    return error_response(
        request,
        403,
        _(
            "The form had expired, so nothing was saved. Go back, reload the page and send it "
            "again."
        ),
    )


_logger = logging.getLogger(__name__)


def server_error(request) -> HttpResponse:
    """handler500: the site's page when it can be drawn; when drawing it fails too (the
    database is down, say), a plain page that needs nothing."""
    try:
        return error_response(request, 500, _("Something went wrong on our side."))
    except Exception:  # the page itself needs the database: fall back to text
        _logger.exception("the error page could not be drawn")
        return HttpResponseServerError(
            "Hệ thống đang gặp sự cố, xin vui lòng thử lại sau ít phút.",
            content_type="text/plain; charset=utf-8",
        )
