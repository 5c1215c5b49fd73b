"""Issue 14's "Done when", as one story through the commands and pages a person would use:
`quantri agency create`, the administrator's invitation link, a workbook with three errors
fixed and imported, a role granted, a newcomer invited who sets and later resets a password,
a unit merged into another on a day, and a person who left deactivated, their session ended."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from quantri.orgs.example_data import example_rows
from quantri.orgs.importing.workbook import write_workbook
from quantri.orgs.models import Agency, AgencyKind, Membership, Role
from quantri.testing.factories import AgencyFactory

pytestmark = pytest.mark.django_db

PASSWORD, LATER = "Cây đa giếng nước 2026", "Sân đình mùa lúa 2027"


def _last_link() -> str:
    url = re.search(r"https?://\S+/(?:invitation|password-reset)/\S+", mail.outbox[-1].body)[0]
    return re.sub(r"^https?://[^/]+", "", url)


def _set_password(browser: Client, password: str):
    page = browser.get(_last_link(), follow=True)
    assert page.context["validlink"]
    return browser.post(
        page.redirect_chain[-1][0], {"new_password1": password, "new_password2": password}
    )


def _upload(browser: Client, content: bytes):
    upload = SimpleUploadedFile("so-tu-phap.xlsx", content)
    return browser.post(reverse("orgs:import"), {"file": upload})


def test_an_agency_onboards_itself_from_the_day_one_command_to_a_person_who_left(client):
    AgencyFactory(code="HY", kind=AgencyKind.PROVINCE, name="UBND tỉnh Hưng Yên")
    users = get_user_model().objects

    # Day one: the only command; from here on everything is a page.
    call_command(
        "agency",
        "create",
        "--code=STP-HY",
        "--name=Sở Tư pháp",
        "--parent=HY",
        "--admin-email=quantri@sotuphap.hungyen.gov.vn",
        "--admin-name=Đặng Quốc Bảo",
    )
    _set_password(client, PASSWORD)
    assert client.login(username="quantri@sotuphap.hungyen.gov.vn", password=PASSWORD)

    # A workbook with three deliberate errors: each named, nothing saved.
    rows = example_rows()
    rows["units"][3]["parent"] = "KHONG-CO"
    rows["people"][10]["email"] = rows["people"][0]["email"]
    rows["people"][20]["role"] = "Giám đốc vũ trụ"
    refused = _upload(client, write_workbook(rows))
    errors = refused.context["errors"]
    assert len(errors) == 3
    assert any("KHONG-CO" in e for e in errors) and any("Giám đốc vũ trụ" in e for e in errors)
    assert any(rows["people"][0]["email"] in e for e in errors)
    assert not Agency.objects.filter(code="STP-HY-VP").exists()

    # Fixed, previewed, confirmed: the department and its 12 units, and 40 people.
    preview = _upload(client, write_workbook(example_rows()))
    saved = client.post(reverse("orgs:import"), {"confirm": "1", "token": preview.context["token"]})
    assert saved.status_code == 302
    assert Agency.objects.filter(code__startswith="STP-HY").count() == 13
    staff = users.filter(username__endswith="@sotuphap.hungyen.gov.vn").exclude(
        username="quantri@sotuphap.hungyen.gov.vn"
    )
    assert staff.count() == 40

    # A role granted on the person's page.
    lan = users.get(username="lan.pt@sotuphap.hungyen.gov.vn")
    office = Agency.objects.get(code="STP-HY-VP")
    granted = client.post(
        reverse("orgs:role_grant", args=[lan.pk]),
        {
            "unit": Agency.objects.get(code="STP-HY-MC").pk,
            "role": Role.UNIT_HEAD,
            "valid_from": timezone.localdate().isoformat(),
            "reason": "Kiêm nhiệm Bộ phận Một cửa",
        },
    )
    assert granted.status_code == 302
    assert Membership.objects.filter(user=lan, agency__code="STP-HY-MC", role="unit_head")

    # Invited from her page, she sets a password from the link, and later resets it.
    client.post(reverse("accounts:invite_again", args=[lan.pk]))
    lan_browser = Client()
    _set_password(lan_browser, PASSWORD)
    lan_browser.logout()
    assert lan_browser.post("/password-reset/", {"email": lan.email}).status_code == 302
    _set_password(lan_browser, LATER)
    assert lan_browser.login(username=lan.username, password=LATER)
    assert lan_browser.get(reverse("plans:my_tasks")).status_code == 200

    # Notary office no. 2 merged into no. 1 on a day: closed, its people carry on there.
    cc1, cc2 = Agency.objects.get(code="STP-HY-CC1"), Agency.objects.get(code="STP-HY-CC2")
    day = timezone.localdate().isoformat()
    merge = {"successor": cc1.pk, "valid_to": day, "reason": "Hợp nhất hai phòng công chứng"}
    confirmation = client.post(reverse("orgs:unit_merge", args=[cc2.pk]), merge)
    assert (
        confirmation.status_code == 200 and "Phòng Công chứng số 1" in confirmation.content.decode()
    )
    client.post(reverse("orgs:unit_merge", args=[cc2.pk]), {**merge, "confirm": "1"})
    cc2.refresh_from_db()
    assert cc2.successor == cc1 and cc2.name == "Phòng Công chứng số 2"
    assert Membership.objects.filter(agency=cc1, user__last_name="Vương Thị Lệ").exists()

    # She leaves: deactivated, her open session ends at once.
    assert client.post(reverse("accounts:deactivate", args=[lan.pk])).status_code == 302
    after = lan_browser.get(reverse("plans:my_tasks"))
    assert after.status_code == 302 and after["Location"].startswith("/login/")
    assert not lan_browser.login(username=lan.username, password=LATER)
    assert office.memberships.filter(user=lan).exists()  # her history stays
