"""Issue 14's "Done when" in the demo: its administrator finds each step from the menu and the
page before it (template, import page, invitation, password reset, merge, deactivation) and
takes it on the demo's imported Department of Justice."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from quantri.demo.services import demo_load
from quantri.orgs.example_data import example_rows
from quantri.orgs.importing.workbook import read_workbook, write_workbook
from quantri.orgs.models import Agency
from quantri.orgs.tests.test_onboarding_story import LATER, PASSWORD, _set_password, _upload

pytestmark = pytest.mark.django_db


def _page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_the_demo_administrator_takes_every_onboarding_step(client):
    demo_load()
    client.login(username="quantri", password="demo@2026")

    # Found, not typed: the menu, the organisation page, the import page, the template.
    menu = _page(client, reverse("plans:my_tasks"))
    assert reverse("orgs:tree") in menu and reverse("accounts:list") in menu
    assert reverse("orgs:import") in _page(client, reverse("orgs:tree"))
    assert reverse("orgs:template") in _page(client, reverse("orgs:import"))
    template = client.get(reverse("orgs:template"))
    assert template.status_code == 200
    # Written in the reader's language: what matters is that it reads back as the workbook.
    assert set(read_workbook(template.content).rows) == {"units", "people"}

    # The demo's department workbook with three errors: named, nothing saved; fixed, it passes.
    rows = example_rows()
    rows["units"][3]["parent"] = "KHONG-CO"
    rows["people"][10]["email"] = rows["people"][0]["email"]
    rows["people"][20]["role"] = "Giám đốc vũ trụ"
    assert len(_upload(client, write_workbook(rows)).context["errors"]) == 3
    assert _upload(client, write_workbook(example_rows())).context["token"]

    # An imported person is invited, sets a password from the link, and later resets it.
    lan = get_user_model().objects.get(username="lan.pt@sotuphap.hungyen.gov.vn")
    assert reverse("accounts:invite_again", args=[lan.pk]) in _page(
        client, reverse("accounts:list")
    )
    client.post(reverse("accounts:invite_again", args=[lan.pk]))
    assert mail.outbox[-1].to == [lan.email]
    lan_browser = Client()
    _set_password(lan_browser, PASSWORD)
    lan_browser.logout()
    assert lan_browser.post("/password-reset/", {"email": lan.email}).status_code == 302
    _set_password(lan_browser, LATER)
    assert lan_browser.login(username=lan.username, password=LATER)

    # A unit merged into another from its page.
    cc1, cc2 = Agency.objects.get(code="STP-HY-CC1"), Agency.objects.get(code="STP-HY-CC2")
    assert reverse("orgs:unit_merge", args=[cc2.pk]) in _page(
        client, reverse("orgs:unit_detail", args=[cc2.pk])
    )
    day = timezone.localdate().isoformat()
    merge = {"successor": cc1.pk, "valid_to": day, "reason": "Hợp nhất hai phòng công chứng"}
    client.post(reverse("orgs:unit_merge", args=[cc2.pk]), {**merge, "confirm": "1"})
    cc2.refresh_from_db()
    assert cc2.successor == cc1

    # She leaves: deactivated from the accounts page, her session ends at once.
    assert client.post(reverse("accounts:deactivate", args=[lan.pk])).status_code == 302
    after = lan_browser.get(reverse("plans:my_tasks"))
    assert after.status_code == 302 and after["Location"].startswith("/login/")
