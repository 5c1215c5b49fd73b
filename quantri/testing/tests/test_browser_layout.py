"""The main pages per role in headless Chromium at a phone's width (390 px) and a laptop's
(1366 px), on the demo (issue 16, "Done when"): no bare error page, nothing wider than the
screen, and on the phone the menu folded behind its button until tapped.

Skipped when no Chromium is installed (CI installs the Debian package `chromium`)."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from quantri.demo.services import demo_load
from quantri.feedback.tests.browser import Browser, find_chromium
from quantri.plans.models import Plan

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        find_chromium() is None, reason="Chromium is not installed (Debian package: chromium)"
    ),
]
WIDTHS = {"phone": (390, 844), "laptop": (1366, 768)}
# A demo login per kind of work, anonymous first.
PEOPLE = [None, "lanhdao", "vanphong", "truongphong", "chuyenvien", "bantt", "quantri", "thanhtra"]

LAYOUT = """(() => {
  const menu = document.querySelector('nav.menu');
  return {
    width: window.innerWidth,
    scrollWidth: document.documentElement.scrollWidth,
    menuShown: !!menu && menu.getBoundingClientRect().height > 0,
    bare: !document.querySelector('.site-header'),
    error: document.querySelector('.error-page')?.dataset.status || null,
  };
})()"""


def _pages(browser: Browser, live_server) -> list[str]:
    """The home page, then every page the role's own menu offers, and the current plan."""
    browser.open(live_server.url + "/")
    menu = browser.evaluate(
        "[...document.querySelectorAll('nav.menu a, .topbar a')].map(a => a.pathname)"
    )
    plan = Plan.objects.order_by("-year").first()
    pages = ["/", *dict.fromkeys(menu), reverse("plans:plan_detail", args=[plan.pk])]
    return [page for page in pages if not page.startswith("/admin/")]


def _sign_in(browser: Browser, live_server, username: str | None) -> None:
    browser.call("Network.clearBrowserCookies", session=True)
    if username is None:
        return
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    browser.call(
        "Network.setCookie",
        session=True,
        name=settings.SESSION_COOKIE_NAME,
        value=client.cookies[settings.SESSION_COOKIE_NAME].value,
        url=live_server.url,
    )


def _walk(live_server, screen: str) -> list[str]:
    width, height = WIDTHS[screen]
    browser = Browser(width, height)
    problems = []
    try:
        for username in PEOPLE:
            _sign_in(browser, live_server, username)
            for path in _pages(browser, live_server):
                browser.open(live_server.url + path)
                layout = browser.evaluate(LAYOUT)
                where = f"{username or 'anonymous'} {path} at {width}px"
                if layout["bare"]:
                    problems.append(f"{where}: a bare page without the site's layout")
                if layout["error"]:
                    problems.append(f"{where}: error page {layout['error']}")
                if layout["scrollWidth"] > layout["width"]:
                    problems.append(f"{where}: {layout['scrollWidth']}px wide")
                if screen == "phone" and layout["menuShown"]:
                    problems.append(f"{where}: the menu is open before it is tapped")
                if screen == "laptop" and not layout["menuShown"]:
                    problems.append(f"{where}: no menu on a wide screen")
    finally:
        browser.close()
    return problems


def _menu_groups_once_tapped(live_server) -> list[str]:
    """The phone's menu opened by its button with scripts off: a checkbox and its label."""
    browser = Browser(*WIDTHS["phone"])
    try:
        browser.call("Emulation.setScriptExecutionDisabled", session=True, value=True)
        _sign_in(browser, live_server, "vanphong")
        browser.open(live_server.url + reverse("plans:plan_list"))
        # Input.dispatch* is a real tap; the page's own scripts stay off.
        box = browser.evaluate(
            "(() => { const r = document.querySelector('label.menu-button')"
            ".getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()"
        )
        for kind in ("mousePressed", "mouseReleased"):
            browser.call(
                "Input.dispatchMouseEvent",
                session=True,
                type=kind,
                x=box[0],
                y=box[1],
                button="left",
                clickCount=1,
            )
        if browser.evaluate("document.querySelector('nav.menu').offsetHeight") == 0:
            return []
        return browser.evaluate(
            "[...document.querySelectorAll('nav.menu summary')].map(s => s.textContent)"
        )
    finally:
        browser.close()


# The data migrations' loaders: a transactional test that ran before may have emptied their
# tables (the PAPI framework, provinces, deadline rules, the 766 index) and the demo needs them.
DATA_MIGRATIONS = [
    ("quantri.indices.migrations.0002_load_papi", "load_papi", "indices.Framework"),
    ("quantri.indices.migrations.0004_load_provinces", "load", "indices.Province"),
    ("quantri.feedback.migrations.0002_deadline_rules", "load", "feedback.DeadlineRule"),
    ("quantri.dossiers.migrations.0002_index_version_766", "load", "dossiers.IndexVersion"),
]


def _restore_migration_data() -> None:
    from importlib import import_module

    from django.apps import apps

    for module, function, model in DATA_MIGRATIONS:
        if not apps.get_model(model).objects.exists():
            getattr(import_module(module), function)(apps, None)


def test_main_pages_fit_the_screen_for_every_role_and_the_phone_menu_folds(live_server):
    _restore_migration_data()
    demo_load()  # once: a transactional test empties the tables, migrations' data included
    problems = _walk(live_server, "phone") + _walk(live_server, "laptop")
    assert not problems, "\n".join(problems)
    groups = _menu_groups_once_tapped(live_server)
    assert "Kế hoạch và nhiệm vụ" in groups and "Báo cáo" in groups
