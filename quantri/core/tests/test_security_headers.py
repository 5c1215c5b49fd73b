"""Every page sends a Content-Security-Policy that allows no inline script, and a
Permissions-Policy; no template carries an inline script or an on… handler to be blocked."""

from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

TEMPLATES = Path(__file__).resolve().parents[2]


class InlineCode(HTMLParser):
    """Collects what a script-src without 'unsafe-inline' would block."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        data_only = attributes.get("type") in ("application/json", "application/ld+json")
        if tag == "script" and not attributes.get("src") and not data_only:
            self.found.append(f"<script> without src: {self.getpos()}")
        for name, value in attrs:
            if name.startswith("on") or (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"<{tag} {name}=…>")


def inline_code(html: str) -> list[str]:
    parser = InlineCode()
    parser.feed(html)
    return parser.found


def directives(header: str) -> dict[str, list[str]]:
    parts = (part.split() for part in header.split(";") if part.strip())
    return {words[0]: words[1:] for words in parts}


@pytest.mark.parametrize("url_name", ["portal:home", "login", "feedback:submit"])
def test_a_public_page_sends_the_policies_and_has_no_inline_script(client, url_name):
    response = client.get(reverse(url_name))
    assert response.status_code == 200
    policy = directives(response.headers["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'"] and policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert "geolocation=()" in response.headers["Permissions-Policy"]
    assert inline_code(response.text) == []


def test_a_signed_in_page_has_no_inline_script(client, alice):
    client.force_login(alice)
    response = client.get(reverse("plans:plan_list"))
    assert "Content-Security-Policy" in response.headers
    assert inline_code(response.text) == []


def test_no_template_holds_an_inline_script_or_handler():
    found = {
        str(path.relative_to(TEMPLATES)): inline_code(path.read_text())
        for path in TEMPLATES.glob("**/templates/**/*.html")
    }
    assert {name: code for name, code in found.items() if code} == {}


def test_the_api_docs_load_their_viewer_from_this_server_under_the_sites_policy(client):
    response = client.get("/api/docs")
    docs = directives(response.headers["Content-Security-Policy"])
    home = directives(client.get(reverse("portal:home")).headers["Content-Security-Policy"])
    assert docs == home
    assert "cdn.jsdelivr.net" not in response.text and "/static/ninja/" in response.text
