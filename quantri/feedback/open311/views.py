"""GeoReport v2 endpoints. Each answers in the format its URL ends with (.json or .xml);
errors come back in the spec's error shape with the matching HTTP status."""

import datetime
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, ValidationError
from django.core.validators import validate_email
from django.http import HttpResponse
from django.http.multipartparser import MultiPartParserError
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from quantri.core.ratelimit import rate_allow
from quantri.core.refdata import Snapshot
from quantri.feedback import services
from quantri.feedback.models import OPEN_STATUSES, ApiKey, Channel, Feedback, FeedbackCategory
from quantri.feedback.open311 import formats, records
from quantri.orgs.models import Agency

DEFAULT_DAYS = 90
MAX_REQUESTS = 1000


class Open311Error(Exception):
    def __init__(self, status: int, description: str):
        super().__init__(description)
        self.status, self.description = status, description


def _respond(fmt: str, body: bytes, status: int = 200) -> HttpResponse:
    response = HttpResponse(body, content_type=formats.CONTENT_TYPES[fmt], status=status)
    response["Access-Control-Allow-Origin"] = "*"  # dashboards read it from other sites
    return response


def _error(fmt: str, error: Open311Error) -> HttpResponse:
    return _respond(fmt, formats.errors([(error.status, error.description)], fmt), error.status)


def error_document(request, status: int, message: str) -> HttpResponse:
    """The error document for a request refused before its view ran (quantri.core.errors):
    XML when the URL asks for .xml, JSON otherwise."""
    fmt = "xml" if request.path_info.endswith(".xml") else "json"
    return _error(fmt, Open311Error(status, message))


def endpoint(view):
    """Turn Open311Error into the spec's error document; allow only GET (and POST if asked)."""

    def wrapper(request, fmt: str, *args, **kwargs):
        try:
            return view(request, fmt, *args, **kwargs)
        except Open311Error as error:
            return _error(fmt, error)
        except RequestDataTooBig:
            # Within the upload limit but over the form-field limit: still the spec's shape.
            return _error(fmt, Open311Error(413, _("The request body is too large.")))
        except TooManyFieldsSent:
            return _error(fmt, Open311Error(400, _("The request has too many fields.")))
        except MultiPartParserError:
            return _error(
                fmt, Open311Error(400, _("The request body is not valid multipart/form-data."))
            )

    return wrapper


def _method(request, *allowed: str) -> None:
    if request.method not in allowed:
        raise Open311Error(
            405, _("Method %(method)s is not allowed here.") % {"method": request.method}
        )


def _list(fmt: str, root: str, item: str, rows: list[dict], status: int = 200) -> HttpResponse:
    body = formats.to_xml(root, item, rows) if fmt == "xml" else formats.to_json(rows)
    return _respond(fmt, body, status)


@endpoint
def discovery(request, fmt: str):
    _method(request, "GET", "HEAD")
    document = {
        "changeset": "2026-01-01T00:00:00+07:00",
        "contact": "",
        "key_service": "",
        "endpoints": [
            {
                "specification": records.SPECIFICATION,
                "url": request.build_absolute_uri(
                    reverse("open311:discovery", args=["json"])
                ).rsplit("/", 1)[0],
                "changeset": "2026-01-01T00:00:00+07:00",
                "type": "production",
                "formats": ["text/xml", "application/json"],
            }
        ],
    }
    body = (
        formats.to_xml("discovery", None, document) if fmt == "xml" else formats.to_json(document)
    )
    return _respond(fmt, body)


@endpoint
def service_list(request, fmt: str):
    _method(request, "GET", "HEAD")
    categories = FeedbackCategory.objects.filter(active=True).select_related("dimension", "unit")
    return _list(fmt, "services", "service", [records.service(c) for c in categories])


@endpoint
def service_definition(request, fmt: str, code: str):
    _method(request, "GET", "HEAD")
    category = FeedbackCategory.objects.filter(code=code, active=True).first()
    if category is None:
        raise Open311Error(404, _("service_code %(code)s not found") % {"code": code})
    definition = records.service_definition(category)
    if fmt == "xml":
        return _respond(fmt, formats.to_xml("service_definition", None, definition))
    return _respond(fmt, formats.to_json(definition))


@csrf_exempt  # an API called with an api_key, never with a browser's cookies
@endpoint
def requests_endpoint(request, fmt: str):
    _method(request, "GET", "HEAD", "POST")
    if request.method == "POST":
        return _create(request, fmt)
    items = _filtered(request.GET)
    return _requests(fmt, list(items[:MAX_REQUESTS]))


@endpoint
def request_detail(request, fmt: str, request_id: str):
    _method(request, "GET", "HEAD")
    feedback = Feedback.objects.for_page().filter(code=request_id).first()
    if feedback is None:
        raise Open311Error(404, _("service_request_id %(id)s not found") % {"id": request_id})
    return _requests(fmt, [feedback])


def _requests(fmt: str, items: list[Feedback]) -> HttpResponse:
    notes = records.last_public_notes(items)
    rows = [records.service_request(f, notes.get(f.pk, "")) for f in items]
    return _list(fmt, "service_requests", "request", rows)


def _filtered(params):
    items = Feedback.objects.for_page().order_by("-received_at", "-pk")
    if params.get("service_request_id"):
        # The spec: with ids given, the other filters are ignored.
        ids = [i.strip() for i in params["service_request_id"].split(",") if i.strip()]
        return items.filter(code__in=ids)
    if params.get("service_code"):
        items = items.filter(category__code__in=params["service_code"].split(","))
    start, end = _date_param(params, "start_date"), _date_param(params, "end_date")
    if start is None and end is None:
        start = timezone.now() - datetime.timedelta(days=DEFAULT_DAYS)
    if start is not None:
        items = items.filter(received_at__gte=start)
    if end is not None:
        items = items.filter(received_at__lte=end)
    return _status_filter(items, params.get("status", ""))


def _date_param(params, name: str) -> datetime.datetime | None:
    raw = params.get(name, "")
    if not raw:
        return None
    moment = formats.parse_datetime(raw)
    if moment is None:
        raise Open311Error(
            400,
            _("%(name)s is not a W3C date-time (e.g. 2026-04-14T06:37:38+07:00)") % {"name": name},
        )
    moment = moment if timezone.is_aware(moment) else timezone.make_aware(moment)
    try:
        moment.astimezone(datetime.UTC)  # how the database compares it
    except OverflowError:
        raise Open311Error(400, _("%(name)s is out of range") % {"name": name}) from None
    return moment


def _status_filter(items, raw: str):
    wanted = {s.strip() for s in raw.split(",") if s.strip()}
    if not wanted:
        return items
    if not wanted <= {"open", "closed"}:
        raise Open311Error(400, _("status must be open or closed"))
    if wanted == {"open"}:
        return items.filter(status__in=OPEN_STATUSES)
    if wanted == {"closed"}:
        return items.exclude(status__in=OPEN_STATUSES)
    return items


def _create(request, fmt: str) -> HttpResponse:
    data = request.POST
    for name, values in data.lists():
        # PostgreSQL cannot store a NUL in text; a form would refuse it too.
        if "\x00" in name or any("\x00" in value for value in values):
            raise Open311Error(
                400, _("%(name)s holds a NUL character") % {"name": name.replace("\x00", "")}
            )
    api_key = ApiKey.objects.for_key(data.get("api_key") or request.GET.get("api_key", ""))
    if api_key is None:
        raise Open311Error(403, _("Invalid api_key received -- can't proceed with create_request."))
    if not rate_allow(
        scope="open311", client=str(api_key.pk), limit=settings.QUANTRI_OPEN311_RATE_LIMIT
    ):
        raise Open311Error(
            429, _("Too many requests with this api_key. Please try again in a while.")
        )
    category = _category(data.get("service_code", ""))
    description = data.get("description", "").strip()
    if not description:
        raise Open311Error(400, _("description was not provided"))
    procedure = _procedure(data, category)
    feedback = _submit(data, category, description, api_key, procedure)
    tracking = request.build_absolute_uri(reverse("feedback:track_detail", args=[feedback.code]))
    return _list(fmt, "service_requests", "request", [records.created(feedback, tracking)], 201)


# The categories by code, with their unit and its parent (whose office follows the item up):
# reference data read once a minute, or again when a category or a unit changes here.
_CATEGORIES = Snapshot(
    lambda: {c.code: c for c in FeedbackCategory.objects.select_related("unit__parent")},
    models=[FeedbackCategory, Agency],
)


def _category(code: str) -> FeedbackCategory:
    if not code:
        raise Open311Error(400, _("service_code was not provided"))
    category = _CATEGORIES.get().get(code)
    if category is None or not category.active:
        raise Open311Error(404, _("service_code %(code)s not found") % {"code": code})
    return category


def _procedure(data, category: FeedbackCategory):
    """The optional `procedure` field (an extension of GeoReport v2): the national code of the
    administrative procedure the request is about, one the answering agency publishes."""
    try:
        return services.agency_procedure(category=category, code=data.get("procedure", ""))
    except ValidationError as exc:
        # The message names the field itself ("procedure …"), as the spec's errors do.
        raise Open311Error(
            400, _("procedure: %(reason)s") % {"reason": " ".join(exc.messages)}
        ) from None


def _coordinate(data, name: str, limit: int) -> Decimal | None:
    raw = data.get(name, "").strip()
    if not raw:
        return None
    try:
        value = Decimal(raw)
    except InvalidOperation:
        value = None
    # NaN and Infinity are Decimals too, and compare by raising: they are not coordinates.
    if value is None or not value.is_finite():
        raise Open311Error(400, _("%(name)s must be a number") % {"name": name})
    if not -limit <= value <= limit:
        raise Open311Error(
            400,
            _("%(name)s must be between -%(limit)s and %(limit)s") % {"name": name, "limit": limit},
        )
    return value.quantize(Decimal("0.000001"))


def _contact(data) -> services.Contact:
    email = data.get("email", "").strip()
    if email:
        try:
            validate_email(email)
        except ValidationError:
            raise Open311Error(400, _("email is not a valid e-mail address")) from None
    name = " ".join(p for p in [data.get("last_name", ""), data.get("first_name", "")] if p)
    return services.Contact(name=name.strip()[:150], phone=data.get("phone", "")[:40], email=email)


def _submit(data, category, description: str, api_key, procedure) -> Feedback:
    try:
        return services.feedback_submit(
            category=category,
            text=description[:5000],
            contact=_contact(data),
            # Open311 has no consent field: nothing the citizen wrote is published.
            consent_to_publish=False,
            channel=Channel.OPEN311,
            location=data.get("address_string", "")[:255],
            latitude=_coordinate(data, "lat", 90),
            longitude=_coordinate(data, "long", 180),
            api_key=api_key,
            procedure=procedure,
        )
    except ValidationError as exc:
        raise Open311Error(400, "; ".join(exc.messages)) from None
