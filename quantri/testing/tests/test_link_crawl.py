"""Every link a page shows, followed as each identity of the world (anonymous, each role of
agencies A and B): a shown link answers 200 or a deliberate redirect, never Django's bare
404 or a 403 the role was bound to meet (issue 16: "Báo cáo định kỳ" on a plan page led a
unit head to a 404, "Báo cáo tổng hợp" the inspection board to a 403).

The crawl starts at the home page and follows same-origin GET links breadth first. Breadth
is bounded by route: a page whose path differs from one already read only in its ids is
read at most twice (a plan list links fifty tasks, one task page says what they all link
to). Downloads (DOCX, XLSX, CSV, PDF) are asked for and their status checked, not read.
"""

import re
import time
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from django.db import transaction
from django.test import Client

from quantri.testing.world import build_world

pytestmark = pytest.mark.django_db

SAME_SHAPE_LIMIT = 2  # pages read per path shape (ids replaced)
# A generated file (a slip converted to PDF takes seconds) is asked for once per shape.
FILE_SUFFIXES = (".docx", ".xlsx", ".csv", ".pdf", ".png", ".svg", ".zip")
PAGE_LIMIT = 400  # per identity, a guard against a crawl that never ends
SKIPPED_PREFIXES = ("/static/", "/admin/", "/api/docs", "/i18n/")
# Agency B's roles meet A's objects only where they are public, and B's own few: its office
# and one of its units stand for the rest, keeping the crawl well under two minutes.
B_SAMPLE = {"B:office_coordinator", "B:unit_head"}


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Built once for the module inside a transaction rolled back at the end."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield build_world()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def _links_of(page_url: str, html: str) -> list[str]:
    parser = _Links()
    parser.feed(html)
    links = []
    for href in parser.hrefs:
        url, _fragment = urldefrag(urljoin("http://testserver" + page_url, href))
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or parts.netloc != "testserver":
            continue  # mailto:, tel:, other sites
        local = parts.path + (f"?{parts.query}" if parts.query else "")
        if local and not local.startswith(SKIPPED_PREFIXES):
            links.append(local)
    return links


def _shape(url: str) -> str:
    """/plans/12/tasks/34/?page=2 → /plans/#/tasks/#/?page: the route, not the object."""
    path, _, query = url.partition("?")
    keys = sorted(part.split("=")[0] for part in query.split("&") if part)
    return re.sub(r"/[0-9]+(?=/|$)", "/#", re.sub(r"/[A-Z0-9-]{6,}(?=/|$)", "/#", path)) + (
        "?" + "&".join(keys) if keys else ""
    )


def _limit(link: str) -> int:
    return 1 if link.partition("?")[0].endswith(FILE_SUFFIXES) else SAME_SHAPE_LIMIT


def _crawl(client: Client, signed_in: bool, spent: dict, public: set) -> tuple[list[str], int]:
    """(problems, pages read) for one identity; adds the time each shape took to `spent`.

    `public` holds the pages the anonymous visitor read without trouble: the same for
    everyone (PAPI profiles, the catalogue), so signed-in identities do not read them again."""
    problems, seen, shapes = [], {"/"} | public, {}
    queue = deque([("/", "(start)")])
    pages = 0
    while queue and pages < PAGE_LIMIT:
        url, found_on = queue.popleft()
        asked = time.monotonic()
        response = client.get(url, follow=True)
        spent[_shape(url)] = spent.get(_shape(url), 0) + time.monotonic() - asked
        pages += 1
        landed = response.request["PATH_INFO"]
        if response.status_code >= 400:
            problems.append(f"{url} (linked from {found_on}) answered {response.status_code}")
            continue
        if signed_in and landed.startswith("/login/"):
            problems.append(f"{url} (linked from {found_on}) sent a signed-in user to sign in")
            continue
        if not signed_in:
            public.add(url)
        if not response.get("Content-Type", "").startswith("text/html"):
            continue  # a download: its status is what counts
        for link in _links_of(url, response.content.decode()):
            shape = _shape(link)
            if link in seen or shapes.get(shape, 0) >= _limit(link):
                continue
            seen.add(link)
            shapes[shape] = shapes.get(shape, 0) + 1
            queue.append((link, url))
    return problems, pages


def test_every_link_shown_to_each_identity_answers(world):
    started, problems, read, spent, public = time.monotonic(), [], {}, {}, set()
    for label, user in world.identities():
        if label.startswith("B:") and label not in B_SAMPLE:
            continue
        client = Client(raise_request_exception=False)
        if user is not None:
            client.force_login(user)
        with transaction.atomic():
            found, read[label] = _crawl(
                client, signed_in=user is not None, spent=spent, public=public
            )
            transaction.set_rollback(True)
        problems += [f"{label}: {problem}" for problem in found]
    elapsed = time.monotonic() - started
    print(f"\nlink crawl: {sum(read.values())} pages in {elapsed:.1f} s; per identity {read}")
    for shape, seconds in sorted(spent.items(), key=lambda kv: -kv[1])[:15]:
        print(f"  {seconds:6.2f} s  {shape}")
    assert not problems, "links shown that fail:\n" + "\n".join(problems)
