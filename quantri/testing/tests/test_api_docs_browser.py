# Kept out of quantri/api/tests: a transactional test there runs before core's backup tests,
# whose serialized rollback then meets the content types a flush re-created.
"""The API docs page in headless Chromium: Swagger UI comes from this server, so the page
works on an agency's closed network. Skipped when no Chromium is installed (CI installs it)."""

import time

import pytest

from quantri.feedback.tests.browser import Browser, find_chromium

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        find_chromium() is None, reason="Chromium is not installed (Debian package: chromium)"
    ),
]

STATE = """(() => ({
  operations: document.querySelectorAll('.opblock').length,
  title: (document.querySelector('.info .title') || {}).textContent || '',
  resources: performance.getEntriesByType('resource').map(entry => entry.name),
}))()"""


def test_the_api_docs_render_from_this_server_alone(live_server):
    browser = Browser(1366, 900)
    try:
        browser.open(f"{live_server.url}/api/docs")
        # Swagger UI fetches the schema and draws the operations after the page has loaded.
        deadline = time.monotonic() + 20
        state = browser.evaluate(STATE)
        while not state["operations"] and time.monotonic() < deadline:
            time.sleep(0.2)
            state = browser.evaluate(STATE)
    finally:
        browser.close()
    assert state["operations"] > 20, "the docs page shows no operations"
    assert "Quản trị API" in state["title"]
    assert any(name.endswith("/api/openapi.json") for name in state["resources"])
    elsewhere = [name for name in state["resources"] if not name.startswith(live_server.url)]
    assert elsewhere == [], "the docs page loads files from outside the server"
