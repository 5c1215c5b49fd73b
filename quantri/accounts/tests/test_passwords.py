"""Forgotten and changed passwords, and a policy that refuses the obvious ones."""

import pytest
from django.core import mail

from quantri.accounts.tests.conftest import last_link

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Hoa sen nở muộn 7"


def test_the_login_page_offers_to_reset_a_forgotten_password(client):
    assert 'href="/password-reset/"' in client.get("/login/").content.decode()


def test_the_reset_page_answers_the_same_whether_or_not_the_address_has_an_account(client, bob):
    known = client.post("/password-reset/", {"email": bob.email})
    unknown = client.post("/password-reset/", {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"] == "/password-reset/sent/"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [bob.email]


def test_a_person_resets_their_password_from_the_e_mail_link_once(client, bob):
    client.post("/password-reset/", {"email": bob.email})
    link = last_link()
    form = client.get(link, follow=True)
    assert form.context["validlink"]
    done = client.post(
        form.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert done["Location"] == "/password-reset/done/"
    assert client.login(username="bob", password=NEW_PASSWORD)
    client.logout()
    again = client.get(link, follow=True)
    assert not again.context["validlink"]
    assert "/password-reset/" in again.content.decode()  # where to ask for a new link


def test_a_deactivated_person_gets_no_reset_link(client, bob):
    bob.is_active = False
    bob.save()
    assert client.post("/password-reset/", {"email": bob.email}).status_code == 302
    assert mail.outbox == []


@pytest.mark.parametrize(
    "password",
    ["Hanh2026", "1234567890123", "password1234", "tranthihanh@"],
    ids=["short", "numeric", "common", "like-the-name"],
)
def test_the_password_policy_refuses_the_obvious_ones_in_vietnamese(client, bob, password):
    bob.first_name, bob.last_name = "tranthihanh", "Trần"
    bob.save()
    client.force_login(bob)
    page = client.post(
        "/password-change/",
        {"old_password": "password", "new_password1": password, "new_password2": password},
    )
    assert page.status_code == 200
    errors = " ".join(page.context["form"].errors["new_password2"])
    assert "Mật khẩu" in errors
    bob.refresh_from_db()
    assert bob.check_password("password")


def test_a_person_changes_their_own_password_and_stays_signed_in(client, bob):
    client.force_login(bob)
    done = client.post(
        "/password-change/",
        {"old_password": "password", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        follow=True,
    )
    assert done.redirect_chain[-1][0] == "/password-change/done/"
    assert client.get("/plans/").status_code == 200
    bob.refresh_from_db()
    assert bob.check_password(NEW_PASSWORD)


def test_an_invited_person_whose_link_expired_can_use_forgot_password(client, frank, department):
    from quantri.accounts.services import account_invite

    account_invite(by=frank, email="lan@example.org", full_name="Phạm Lan", agency=department)
    client.post("/password-reset/", {"email": "lan@example.org"})
    assert mail.outbox[-1].to == ["lan@example.org"]
    assert "/password-reset/" in mail.outbox[-1].body
