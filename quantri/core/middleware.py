import json
import tempfile

from django.conf import settings
from django.core.handlers.wsgi import LimitedStream
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _

from quantri.core.errors import error_response


class LanguageMiddleware:
    """Vietnamese unless the user chose otherwise with the language switch.

    Django's LocaleMiddleware would follow the browser's Accept-Language, and most browsers
    in Vietnamese offices announce en-US; the product is Vietnamese first, so only the
    switch's cookie changes the language."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request):
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in self.supported:
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ("Cookie",))
        return response


# Room for the form around an upload (other fields, multipart boundaries): a file of exactly
# QUANTRI_MAX_UPLOAD_MB still gets through to the form, which names it if it is too large.
FORM_ALLOWANCE_BYTES = 1024 * 1024


def body_limit_bytes() -> int:
    return (settings.QUANTRI_MAX_UPLOAD_MB * 1024 * 1024) + FORM_ALLOWANCE_BYTES


class BodySizeLimitMiddleware:
    """Refuse a request body over the upload limit before anything reads it (413).

    With a Content-Length, the header is enough. Without one (Transfer-Encoding: chunked, on a
    server that marks such input as terminated, as gunicorn does), at most the limit is read
    and the request goes on with what was read; one byte more and it is refused. Django would
    otherwise read nothing of such a body under WSGI, and all of it under ASGI."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = body_limit_bytes()
        length = request.META.get("CONTENT_LENGTH", "")
        if length.strip():
            if length.strip().isdigit() and int(length) > limit:
                return self._too_large(request)
        elif self._has_unsized_body(request) and not self._buffer(request, limit):
            return self._too_large(request)
        return self.get_response(request)

    @staticmethod
    def _has_unsized_body(request) -> bool:
        # Under WSGI without that mark, reading to the end could wait for ever: Django then
        # reads nothing of the body, which is capped too. Under ASGI (no environ) the body is
        # already in a file, read no further than the limit (quantri.core.asgi).
        if "HTTP_TRANSFER_ENCODING" not in request.META:
            return False
        return not hasattr(request, "environ") or bool(request.environ.get("wsgi.input_terminated"))

    @staticmethod
    def _buffer(request, limit: int) -> bool:
        """Read at most limit + 1 bytes into a temporary file; False when there was more."""
        source = request.environ.get("wsgi.input") if hasattr(request, "environ") else None
        source = source or request._stream
        body = tempfile.SpooledTemporaryFile(max_size=settings.FILE_UPLOAD_MAX_MEMORY_SIZE)
        size = 0
        while size <= limit:
            chunk = source.read(min(64 * 1024, limit + 1 - size))
            if not chunk:
                break
            body.write(chunk)
            size += len(chunk)
        if size > limit:
            body.close()
            return False
        body.seek(0)
        request.META["CONTENT_LENGTH"] = str(size)
        request._stream = LimitedStream(body, size)
        return True

    @staticmethod
    def _too_large(request):
        message = _("The request is too large: at most %(mb)s MB can be sent.") % {
            "mb": settings.QUANTRI_MAX_UPLOAD_MB
        }
        return error_response(request, 413, message)


class NulCharacterMiddleware:
    """Refuse a NUL character (%00) in the path or a query parameter (400, in the shape the
    client expects, naming the parameter). No address of ours holds one, and PostgreSQL cannot
    compare text with it: a lookup by such a code or filter failed with a 500. Form fields
    refuse it themselves (Django's ProhibitNullCharactersValidator; the API's upload fields in
    quantri.api.base); so is a JSON body, naming the field's path (but for the dossier import,
    which names the item itself)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path_info:
            return error_response(request, 400, _("The address holds a NUL character."))
        field = _nul_parameter(request.GET) or _nul_in_json(request)
        if field is not None:
            message = _("%(name)s holds a NUL character.") % {"name": field}
            return error_response(request, 400, message)
        return self.get_response(request)


# The dossier import answers a bad item in its own {"errors": [...]} list, naming item and field.
NAMES_ITS_OWN_NUL = {"/api/dossiers/import"}


def _nul_in_json(request) -> str | None:
    """The field of a JSON body holding a NUL character (as its path, "body.items.0.note").
    The body is parsed only when its bytes could hold one, so other requests pay one search."""
    if request.content_type != "application/json" or request.path_info in NAMES_ITS_OWN_NUL:
        return None
    body = request.body  # already bounded by BodySizeLimitMiddleware
    if b"\\u0000" not in body and b"\x00" not in body:
        return None
    try:
        data = json.loads(body)
    except ValueError:
        return None  # not JSON: the operation says so in its own words
    return _nul_path(data, "body")


def _nul_path(value, path: str) -> str | None:
    if isinstance(value, str):
        return path if "\x00" in value else None
    if isinstance(value, dict):
        for key, item in value.items():
            name = str(key).replace("\x00", "")
            if "\x00" in str(key):
                return f"{path}.{name}"
            found = _nul_path(item, f"{path}.{name}")
            if found is not None:
                return found
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found = _nul_path(item, f"{path}.{index}")
            if found is not None:
                return found
    return None


def _nul_parameter(params) -> str | None:
    for name, values in params.lists():
        if "\x00" in name or any("\x00" in value for value in values):
            return name.replace("\x00", "")
    return None
