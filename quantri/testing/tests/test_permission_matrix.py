"""Every URL pattern and every API operation, tried by anonymous and each role of agencies A
and B on agency A's objects, against the matrix written down in docs/permissions.md.

A new route without a row in the matrix fails here, so does a row naming a route that is gone.
After a deliberate change of who may do what, regenerate the table from what the code does
with `QUANTRI_WRITE_MATRIX=1 pytest quantri/testing/tests/test_permission_matrix.py` and read
the diff: every changed cell is a decision about access, to be checked against
quantri/orgs/access.py and the domain brief, never blessed blindly.
"""

import copy
import functools
import os
import time
from urllib.parse import urlencode

import pytest
from django.db import transaction
from django.test import Client

from quantri.api.urls import api
from quantri.testing import matrix
from quantri.testing.routes import api_operations, api_url, site_routes, site_url
from quantri.testing.world import build_world

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Built once for the module (the demo takes ~10 s) inside a transaction rolled back at
    the end, so other modules start from the empty database they expect."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield build_world()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@functools.cache
def _schema() -> dict:
    """The OpenAPI schema, built once: building it takes a fifth of a second."""
    return api.get_openapi_schema()


ADMIN_SAMPLE = {"anonymous", "A:admin", "B:admin", "A:leader"}


def all_routes():
    return site_routes() + api_operations()


def test_every_route_has_a_row_in_the_matrix_and_every_row_a_route():
    rows = matrix.read_matrix()
    routes = all_routes()
    missing = [
        f"{route.name} {method}"
        for route in routes
        for method in route.methods
        if matrix.row_for(rows, route.name, method) is None
    ]
    stale = [
        f"{row.route} {row.method}"
        for row in rows
        if not any(row.matches(route.name) and row.method in route.methods for route in routes)
    ]
    assert not missing, f"routes without a row in docs/permissions.md: {missing}"
    assert not stale, f"rows of docs/permissions.md naming no route: {stale}"


class _Rollback(Exception):
    pass


def _ask(client: Client, method: str, url: str, body: dict | None, is_api: bool):
    """One request, undone afterwards: an allowed write must not change what the next
    identity finds, and the client keeps its cookies: signing out (or in) is undone too."""
    cookies = copy.deepcopy(client.cookies)
    try:
        with transaction.atomic():
            if method == "GET":
                response = client.get(url)
            elif is_api and body and any(hasattr(v, "read") for v in body.values()):
                response = client.post(url, body)
            elif is_api:
                response = client.generic(
                    method, url, data=_json(body or {}), content_type="application/json"
                )
            else:
                response = client.generic(method, url, data=b"")
            raise _Rollback(response)
    except _Rollback as done:
        return done.args[0]
    finally:
        client.cookies = cookies


def _json(body: dict) -> str:
    import json

    return json.dumps(body)


def _api_body(route, world) -> dict | None:
    """The smallest body the operation's schema accepts, so its own gate is reached."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    schema = _schema()
    operation = schema["paths"][route.path_template][route.methods[0].lower()]
    content = operation.get("requestBody", {}).get("content", {})
    if not content:
        return None
    kind, spec = next(iter(content.items()))
    body = {}
    for name, prop in _resolve(schema, spec["schema"]).get("properties", {}).items():
        if name not in _resolve(schema, spec["schema"]).get("required", []):
            continue
        prop = _resolve(schema, prop)
        if prop.get("format") == "binary":
            body[name] = SimpleUploadedFile("x.txt", b"x")
        elif prop.get("format") == "date":  # a valid date, so the gate is what answers
            body[name] = "2026-01-01"
        elif name == "agency":
            body[name] = world.a.department.code
        else:
            body[name] = {"integer": 1, "number": 1, "boolean": False, "array": []}.get(
                prop.get("type"), "x"
            )
    return body


def _api_query(route, world) -> str:
    """The operation's required query parameters (an agency is A's department, a month one
    of the demo's), so a missing parameter's 422 does not pass for a gate let through."""
    operation = _schema()["paths"][route.path_template][route.methods[0].lower()]
    values = {"agency": world.a.department.code, "month": "2026-03"}
    required = [
        p["name"]
        for p in operation.get("parameters", [])
        if p.get("in") == "query" and p.get("required")
    ]
    return "?" + urlencode({name: values.get(name, "1") for name in required}) if required else ""


def _resolve(schema: dict, spec: dict) -> dict:
    ref = spec.get("$ref")
    if ref:
        return schema["components"]["schemas"][ref.rsplit("/", 1)[1]]
    if "allOf" in spec:
        return _resolve(schema, spec["allOf"][0])
    return spec


def test_every_route_answers_each_identity_as_the_matrix_says(world):
    started = time.monotonic()
    clients = {}
    for label, user in world.identities():
        client = Client(raise_request_exception=False)
        if user is not None:
            client.force_login(user)
        clients[label] = client
    observed: dict[tuple[str, str], set[str]] = {}
    asked_by: dict[tuple[str, str], set[str]] = {}
    errors, requests, slow = [], 0, {}
    rows = matrix.read_matrix()
    for route in all_routes():
        url = (api_url if route.is_api else site_url)(route, world.a.objects)
        if route.is_api:
            url += _api_query(route, world)
        for method in route.methods:
            allowed = observed.setdefault((route.name, method), set())
            row = matrix.row_for(rows, route.name, method)
            # The admin's pages covered by the `admin:*` row all sit behind one gate (the
            # admin site's staff check): each is asked by the identities most likely to get
            # through, not by all thirteen — two thousand requests fewer.
            sampled = (
                row is not None and row.is_pattern and not os.environ.get("QUANTRI_WRITE_MATRIX")
            )
            labels = ADMIN_SAMPLE if sampled else set(clients)
            asked_by[(route.name, method)] = labels
            for label, client in clients.items():
                if label not in labels:
                    continue
                body = _api_body(route, world) if route.is_api else None
                asked = time.monotonic()
                response = _ask(client, method, url, body, route.is_api)
                slow[route.name] = slow.get(route.name, 0) + time.monotonic() - asked
                requests += 1
                outcome = matrix.verdict(response)
                if outcome == "error":
                    errors.append(f"{method} {url} as {label}: {response.status_code}")
                elif outcome == "allowed":
                    allowed.add(label)
    elapsed = time.monotonic() - started
    print(
        f"\npermission matrix: {len(observed)} route×method pairs × {len(clients)} identities,"
        f" {requests} requests in {elapsed:.1f} s"
    )
    for name, spent in sorted(slow.items(), key=lambda kv: -kv[1])[:12]:
        print(f"  {spent:5.1f} s  {name}")
    found = {key: frozenset(labels) for key, labels in observed.items()}
    if os.environ.get("QUANTRI_WRITE_MATRIX"):
        text = matrix.DOCUMENT.read_text(encoding="utf-8")
        table = matrix.write_rows(found)
        matrix.DOCUMENT.write_text(matrix.replace_table(text, table), encoding="utf-8")
    assert not errors, "routes that crashed or throttled:\n" + "\n".join(errors)
    wrong = []
    for (name, method), allowed in sorted(found.items()):
        row = matrix.row_for(rows, name, method)
        if row is None:
            continue  # reported by the test above
        expected = row.allowed & asked_by[(name, method)]
        if allowed != expected:
            extra = sorted(allowed - expected)
            lacking = sorted(expected - allowed)
            wrong.append(f"{name} {method}: also allowed {extra}, wrongly denied {lacking}")
    assert not wrong, "docs/permissions.md disagrees with the code:\n" + "\n".join(wrong)
