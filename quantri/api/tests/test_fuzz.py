"""Issue 11: hostile input thrown at every operation of the OpenAPI schema and at the Open311
endpoints, by anonymous and by the department's office coordinator (alice).

Whatever arrives, the answer is below 500, an API error is JSON with a "detail", an Open311
error is the spec's error document (JSON list or XML <errors>), and no body shows a server path
or a traceback. Values come from hypothesis, derandomised so CI sees the same requests each run.

The test client does not enforce CSRF (Django's default for it), so a write's body reaches
validation instead of stopping at the token check; the token check has tests of its own. Every
request runs in a transaction rolled back afterwards, so a write that gets through changes
nothing the next request finds. Run with -s for the figures.
"""

import functools
import json
import re
import time
from urllib.parse import quote

import pytest
from defusedxml import ElementTree
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quantri.api.urls import api
from quantri.feedback.apikeys import apikey_create
from quantri.feedback.tests.factories import FeedbackCategoryFactory, submit
from quantri.procedures.tests.factories import ProcedureFactory
from quantri.reports.tests.factories import ReportingPeriodFactory, ReportRequestFactory
from quantri.surveys.tests.factories import ServicePointFactory, SurveyFactory

pytestmark = pytest.mark.django_db

API_EXAMPLES = 13
OPEN311_EXAMPLES = 40
FUZZ = settings(
    max_examples=API_EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
LEAKS = [b"/work/", b"/tmp/", b"site-packages", b"Traceback"]
FIGURES = {"requests": 0, "operations": set(), "open311": set(), "started": None}


@functools.cache
def _schema() -> dict:
    return api.get_openapi_schema()


def _operations() -> list[tuple[str, str]]:
    return [(method, path) for path, ops in _schema()["paths"].items() for method in ops]


def _resolve(spec: dict) -> dict:
    ref = spec.get("$ref")
    if ref:
        return _schema()["components"]["schemas"][ref.rsplit("/", 1)[1]]
    if "allOf" in spec and len(spec["allOf"]) == 1:
        return _resolve(spec["allOf"][0])
    return spec


# --- hostile values -------------------------------------------------------------------------

NASTY_TEXT = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\x01\x02\x1b[31m\x7f",
    "=cmd|' /C calc'!A0",
    "+SUM(1+1)*cmd|' /C calc'!A0",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "'; DROP TABLE plans_plan; --",
    "../../../../etc/passwd",
    "%00",
    "%s%s%s%n",
    "{{7*7}}",
    "\u202etxt.exe",
    "\ud7ff\ufeff\ufffe",
    "Ⅻ𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀 tiếng Việt",
    "x" * 10_000,
    "NaN",
    "Infinity",
    "-Infinity",
    "1e999",
    "-1",
    "0",
    "9223372036854775808",
    "9" * 40,
    "true",
    "null",
    "2026-02-30",
    "9999-12-31",
    "0000-01-01",
    "10000-01-01",
    "-0001-01-01",
    "2026-13",
    "2026-00",
    "2026-1",
    "1970-01-01T00:00:00+99:00",
    "9999-12-31T23:59:59-23:59",
    "0001-01-01T00:00:00+14:00",
]
# No server path of our own is ever sent, so none can be echoed back into a false alarm.
texts = st.one_of(
    st.sampled_from(NASTY_TEXT),
    st.text(st.characters(codec="utf-8"), max_size=40).filter(lambda s: "/tmp/" not in s),
)
NASTY_NUMBERS = [0, -1, 1, 2**31, 2**63, -(2**63) - 1, 2**70, 10**30, 1e308, -1e308, 0.5]
numbers = st.one_of(
    st.sampled_from(NASTY_NUMBERS),
    st.sampled_from([float("nan"), float("inf"), float("-inf")]),
    st.integers(),
    st.floats(),
)
wrong_types = st.one_of(
    st.none(),
    st.booleans(),
    st.just([]),
    st.just({}),
    st.just({"a": [{"b": None}]}),
    st.just([[[[[[[[[[[[[[[[["deep"]]]]]]]]]]]]]]]]]),
    numbers,
    texts,
)


def _value(spec: dict, depth: int = 0) -> st.SearchStrategy:
    """A value of the schema's shape with hostile leaves, now and then of the wrong type."""
    spec = _resolve(spec)
    if depth > 4:
        return wrong_types
    if "anyOf" in spec:
        return st.one_of([_value(s, depth + 1) for s in spec["anyOf"]])
    kind = spec.get("type")
    if kind == "object":
        typed = _object(spec, depth)
    elif kind == "array":
        typed = st.lists(_value(spec.get("items", {}), depth + 1), max_size=4)
    elif kind in ("integer", "number"):
        typed = numbers
    elif kind == "boolean":
        typed = st.one_of(st.booleans(), st.sampled_from(["yes", "0", 2]))
    elif kind == "null":
        typed = st.none()
    else:
        typed = texts
    return st.one_of(typed, typed, typed, wrong_types)


def _object(spec: dict, depth: int) -> st.SearchStrategy:
    properties = spec.get("properties", {})
    required = set(spec.get("required", []))
    return st.fixed_dictionaries(
        {k: _value(v, depth + 1) for k, v in properties.items() if k in required},
        optional={
            **{k: _value(v, depth + 1) for k, v in properties.items() if k not in required},
            "__proto__": wrong_types,
            "extra_key_" + "k" * 50: wrong_types,
        },
    )


GARBAGE_BODIES = st.one_of(
    st.sampled_from(
        [
            b"",
            b"{",
            b"[]",
            b"null",
            b"0",
            b'"text"',
            b"NaN",
            b'{"a": NaN, "b": Infinity}',
            b"\x00\xff\xfe",
            b"\xef\xbb\xbf{}",
            '{"title": "\ud800"}'.encode("utf-8", "surrogatepass"),
            b"[" * 100_000,
            b'{"a":' * 50_000,
            b"<?xml version='1.0'?><!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><x>&e;</x>",
            b"a=1&b=2&" * 50,
        ]
    ),
    st.binary(max_size=200),
)
CONTENT_TYPES = [
    "application/json",
    "application/json; charset=utf-16",
    "text/plain",
    "application/x-www-form-urlencoded",
    "multipart/form-data",
    "multipart/form-data; boundary=",
    "application/xml",
    "",
]


@st.composite
def bodies(draw, content: dict):
    """(bytes, content type) or a multipart dict: schema-shaped most of the time."""
    if not content or draw(st.integers(0, 3)) == 0:
        return draw(GARBAGE_BODIES), draw(st.sampled_from(CONTENT_TYPES))
    kind, spec = next(iter(content.items()))
    if kind == "multipart/form-data":
        return _multipart(draw, _resolve(spec["schema"])), None
    value = draw(_value(spec["schema"]))
    return json.dumps(value, allow_nan=True).encode(), "application/json"


def _multipart(draw, spec: dict) -> dict:
    form = {}
    for name, prop in spec.get("properties", {}).items():
        if draw(st.integers(0, 5)) == 0:
            continue  # a required field missing, now and then
        if _resolve(prop).get("format") == "binary":
            filename = draw(st.sampled_from(["x.txt", "../../x.docx", "a\x00.xlsx", "ké.pdf"]))
            form[name] = SimpleUploadedFile(filename, draw(GARBAGE_BODIES)[:5000])
        else:
            form[name] = draw(texts)
    return form


# --- the objects the operations name --------------------------------------------------------


@pytest.fixture
def objects(plan, culture_task, culture_unit, department, library):
    category = FeedbackCategoryFactory(code="quang-cao", unit=culture_unit)
    period = ReportingPeriodFactory(regime__plan=plan)
    survey = SurveyFactory(agency=department)
    return {
        "plan_id": plan.pk,
        "pk": plan.pk,
        "task_id": culture_task.pk,
        "group_id": culture_task.group_id,
        "period_id": period.pk,
        "request_id": ReportRequestFactory(period=period, unit=culture_unit).pk,
        "survey_id": survey.pk,
        "code": [
            "PAPI",
            ProcedureFactory(agency=department).code,
            submit(category).code,
            "P21",
            ServicePointFactory(survey=survey, unit=library).code,
        ],
        "agency": department.code,
        "category": category,
    }


@pytest.fixture(params=["anonymous", "alice"])
def client(request, alice):
    client = Client()  # enforce_csrf_checks=False: bodies reach validation
    if request.param == "alice":
        client.force_login(alice)
    return client


@pytest.fixture(scope="module", autouse=True)
def figures():
    FIGURES["started"] = time.monotonic()
    yield
    elapsed = time.monotonic() - FIGURES["started"]
    print(
        f"\nfuzz: {len(FIGURES['operations'])} of {len(_operations())} API operations and"
        f" {len(FIGURES['open311'])} Open311 resources, {FIGURES['requests']} requests"
        f" in {elapsed:.1f} s"
    )


def _path_value(kind: str | None, real) -> st.SearchStrategy:
    reals = real if isinstance(real, list) else [real]
    hostile = (
        st.one_of(st.sampled_from([0, -1, 2**31, 2**63, 2**64, 10**40]), st.integers())
        if kind == "integer"
        else texts.filter(bool)
    )
    return st.one_of(st.sampled_from(reals), hostile)


def _url(path: str, values: dict) -> str:
    return re.sub(r"{(\w+)}", lambda m: quote(str(values[m.group(1)]), safe=""), path)


@st.composite
def requests(draw, method: str, path: str, objects: dict):
    operation = _schema()["paths"][path][method]
    values, query = {}, {}
    for parameter in operation.get("parameters", []):
        kind = parameter["schema"].get("type")
        name = parameter["name"]
        if parameter["in"] == "path":
            values[name] = draw(_path_value(kind, objects.get(name)))
        elif parameter["required"] or draw(st.booleans()):
            real = [objects["agency"]] if name == "agency" else []
            query[name] = draw(st.one_of(st.sampled_from(real or ["1"]), texts))
    if draw(st.booleans()):
        query[draw(texts)] = draw(texts)
    body = None
    if method != "get":
        body = draw(bodies(operation.get("requestBody", {}).get("content", {})))
    return _url(path, values), query, body


def _send(client: Client, method: str, url: str, query: dict, body):
    FIGURES["requests"] += 1
    with transaction.atomic():
        if body is None:
            response = client.generic(method.upper(), url, QUERY_STRING=_query(query))
        elif body[1] is None:
            response = client.post(url, body[0], QUERY_STRING=_query(query))
        else:
            response = client.generic(
                method.upper(), url, body[0], body[1], QUERY_STRING=_query(query)
            )
        transaction.set_rollback(True)
    return response


def _query(query: dict) -> str:
    return "&".join(f"{quote(k, safe='')}={quote(str(v), safe='')}" for k, v in query.items())


def _assert_safe(response):
    assert response.status_code < 500, response.content[:500]
    for leak in LEAKS:
        assert leak not in response.content, (leak, response.content[:500])


def _assert_api_error(response):
    _assert_safe(response)
    if response.status_code >= 400:
        assert response["Content-Type"].startswith("application/json"), response.content[:300]
        assert "detail" in response.json(), response.content[:300]


@pytest.mark.parametrize(("method", "path"), _operations(), ids=lambda v: v)
def test_every_api_operation_survives_hostile_input(client, objects, method, path):
    @FUZZ
    @given(request=requests(method, path, objects))
    def fuzz(request):
        url, query, body = request
        _assert_api_error(_send(client, method, url, query, body))

    fuzz()
    FIGURES["operations"].add(f"{method.upper()} {path}")


# --- Open311 --------------------------------------------------------------------------------


def _assert_open311_error(response, fmt: str):
    _assert_safe(response)
    if response.status_code < 400:
        return
    if fmt == "xml":
        root = ElementTree.fromstring(response.content)
        assert root.tag == "errors" and root.find("error/code") is not None
    else:
        document = response.json()
        assert isinstance(document, list) and {"code", "description"} <= set(document[0])


OPEN311_QUERY = ["service_request_id", "service_code", "start_date", "end_date", "status"]
OPEN311_FORM = [
    "service_code",
    "description",
    "lat",
    "long",
    "address_string",
    "email",
    "first_name",
    "last_name",
    "phone",
]


@st.composite
def open311_requests(draw, objects: dict, key: str):
    fmt = draw(st.sampled_from(["json", "xml"]))
    resource = draw(st.sampled_from(["services", "requests", "request", "service", "discovery"]))
    if resource in ("request", "service"):
        real = objects["code"][2] if resource == "request" else objects["category"].code
        name = draw(st.one_of(st.just(real), texts.filter(bool)))
        url = f"/open311/v2/{resource}s/{quote(name, safe='')}.{fmt}"
    else:
        url = f"/open311/v2/{resource}.{fmt}"
    query = {name: draw(texts) for name in OPEN311_QUERY if draw(st.booleans())}
    method = draw(st.sampled_from(["GET", "POST", "POST", "PUT"]))
    if method == "GET":
        return url, fmt, method, query, None
    form = {name: draw(texts) for name in OPEN311_FORM if draw(st.booleans())}
    form["api_key"] = draw(st.sampled_from([key, key, "", "x" * 300, "' OR 1=1 --"]))
    form["service_code"] = draw(st.sampled_from([objects["category"].code, "nope", ""]))
    if draw(st.integers(0, 3)) == 0:
        return url, fmt, method, query, (draw(GARBAGE_BODIES), draw(st.sampled_from(CONTENT_TYPES)))
    return url, fmt, method, query, (form, None)


def test_open311_survives_hostile_input(client, objects):
    key = apikey_create(name="Fuzz")[1]

    @settings(FUZZ, max_examples=OPEN311_EXAMPLES)
    @given(request=open311_requests(objects, key))
    def fuzz(request):
        url, fmt, method, query, body = request
        FIGURES["requests"] += 1
        with transaction.atomic():
            if body is None:
                response = client.get(url, QUERY_STRING=_query(query))
            elif body[1] is None:
                response = client.generic(method, url, _form(body[0]), _FORM, **_qs(query))
            else:
                response = client.generic(method, url, body[0], body[1], **_qs(query))
            transaction.set_rollback(True)
        _assert_open311_error(response, fmt)
        FIGURES["open311"].add(f"{method} {url.split('/')[3].split('.')[0]}.{fmt}")

    fuzz()


_FORM = "application/x-www-form-urlencoded"


def _form(form: dict) -> str:
    return _query(form)


def _qs(query: dict) -> dict:
    return {"QUERY_STRING": _query(query)}
