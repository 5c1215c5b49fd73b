"""An error answered before a view runs (a body too large, say) in the shape the client
expects: the site's HTML page for pages, {"detail": ...} under /api/, and whatever an app
registers for its own prefix (feedback registers the Open311 error document for /open311/).
Apps register in AppConfig.ready(), as with the menu (quantri.core.nav)."""

from collections.abc import Callable

from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse, JsonResponse
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
    return render(request, "error.html", {"status": status, "message": message}, status=status)


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
    no view turned into an answer of its own."""
    return error_response(request, 400, _("The request could not be read."))
