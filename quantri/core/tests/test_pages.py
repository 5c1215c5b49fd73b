import pytest
from django.conf import settings
from django.urls import reverse

from quantri.testing.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_language_switch_sets_the_language_cookie(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    page = client.get(reverse("portal:home"))
    assert page.status_code == 200 and '<html lang="en">' in page.text


def test_pages_are_in_vietnamese_by_default(client, bob):
    client.force_login(bob)
    page = client.get(reverse("plans:plan_list")).text
    assert '<html lang="vi">' in page
    assert "Nhiệm vụ của đơn vị" in page or "Kế hoạch" in page


def test_english_labels_after_switching(client, bob):
    client.force_login(bob)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get(reverse("plans:plan_list")).text
    assert ">Plans</a>" in page
    client.post(reverse("set_language"), {"language": "vi", "next": "/"})
    page = client.get(reverse("plans:plan_list")).text
    assert ">Plans</a>" not in page and ">Kế hoạch</a>" in page


def test_the_login_page_logs_a_user_in(client):
    UserFactory(username="an")
    page = client.get(reverse("login"))
    assert page.status_code == 200 and 'name="password"' in page.text
    response = client.post(reverse("login"), {"username": "an", "password": "password"})
    assert response.status_code == 302 and response.url == reverse("plans:plan_list")


def test_a_wrong_password_is_refused_with_a_message(client):
    UserFactory(username="an")
    response = client.post(reverse("login"), {"username": "an", "password": "nope"})
    assert response.status_code == 200 and response.context["form"].non_field_errors()


def test_logging_out_is_a_post_form(client, bob):
    client.force_login(bob)
    page = client.get(reverse("plans:plan_list")).text
    assert f'action="{reverse("logout")}"' in page
    assert client.post(reverse("logout")).status_code == 302
    assert client.get(reverse("plans:plan_list")).status_code == 302


def test_the_menu_shows_the_follow_up_list_to_managers_only(client, alice, bob):
    client.force_login(alice)
    assert reverse("plans:due_tasks") in client.get(reverse("plans:plan_list")).text
    client.force_login(bob)
    assert reverse("plans:due_tasks") not in client.get(reverse("plans:plan_list")).text


def test_the_menu_offers_the_working_calendar_to_the_office_only(client, alice, bob):
    client.force_login(alice)  # manages her department: enters the year's announced days
    assert f'href="{reverse("core:calendar")}"' in client.get(reverse("plans:plan_list")).text
    client.force_login(bob)  # staff: the page would refuse him
    assert reverse("core:calendar") not in client.get(reverse("plans:plan_list")).text


def test_the_menu_shows_the_admin_link_to_staff_only(client, bob):
    client.force_login(bob)
    assert reverse("admin:index") not in client.get(reverse("plans:plan_list")).text
    bob.is_staff = True
    bob.save()
    assert reverse("admin:index") in client.get(reverse("plans:plan_list")).text


def test_the_admin_lists_open_for_a_superuser(client):
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    for name in [
        "orgs_agency",
        "orgs_membership",
        "indices_framework",
        "indices_dimension",
        "plans_plan",
        "plans_taskgroup",
        "plans_task",
        "plans_progressupdate",
        "plans_evidence",
        "plans_planimport",
    ]:
        assert client.get(reverse(f"admin:{name}_changelist")).status_code == 200, name


def test_an_english_browser_still_gets_vietnamese_until_the_switch_is_used(client):
    page = client.get(reverse("portal:home"), headers={"accept-language": "en-US,en;q=0.9"})
    assert '<html lang="vi">' in page.text
    assert page.headers["Content-Language"] == "vi"


@pytest.mark.parametrize(
    ("url", "shape"),
    [
        ("/api/procedures/%00", "api"),
        ("/api/dossiers/index?agency=%00&month=2026-03", "api"),
        ("/open311/v2/requests.xml?status=open%00", "xml"),
        ("/procedures/?q=%00", "page"),
    ],
)
def test_a_nul_in_the_address_is_a_400_in_the_prefix_shape(client, url, shape):
    # Found by the fuzz on PostgreSQL (quantri/api/tests/test_fuzz.py): a code or filter
    # holding NUL reached a lookup, and PostgreSQL refused the text with a 500.
    response = client.get(url)
    assert response.status_code == 400
    if shape == "api":
        assert "NUL" in response.json()["detail"]
    elif shape == "xml":
        assert b"<errors>" in response.content
