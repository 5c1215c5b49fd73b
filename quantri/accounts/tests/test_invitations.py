"""Invitations: an administrator invites a person, who sets a password from the e-mail link
once, before it expires (issue 14, item 3)."""

import datetime

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core import mail

from quantri.accounts.models import Invitation
from quantri.accounts.services import account_invite
from quantri.accounts.tests.conftest import last_link
from quantri.orgs.models import Membership, Role

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Bông sen vàng 2026"


def _invite_hanh(client, frank, culture_unit):
    client.force_login(frank)
    return client.post(
        "/accounts/",
        {
            "email": "Hanh.TT@example.gov.vn",
            "full_name": "Trần Thị Hạnh",
            "agency": culture_unit.pk,
            "role": Role.STAFF,
            "position": "Chuyên viên",
        },
    )


def _set_password(client, link: str, password: str = NEW_PASSWORD):
    """Open the link as the person would, then post the form the page shows."""
    page = client.get(link, follow=True)
    return page, client.post(
        page.redirect_chain[-1][0] if page.redirect_chain else link,
        {"new_password1": password, "new_password2": password},
        follow=True,
    )


def test_an_administrator_invites_a_new_person_into_a_unit(client, frank, culture_unit):
    response = _invite_hanh(client, frank, culture_unit)
    assert response.status_code == 302
    hanh = get_user_model().objects.get(email="hanh.tt@example.gov.vn")
    assert (hanh.last_name, hanh.first_name) == ("Trần Thị", "Hạnh")
    assert not hanh.has_usable_password()
    membership = Membership.objects.get(user=hanh)
    assert (membership.agency, membership.role, membership.position) == (
        culture_unit,
        Role.STAFF,
        "Chuyên viên",
    )
    assert mail.outbox[-1].to == ["hanh.tt@example.gov.vn"]
    assert "Trần Thị Hạnh" in mail.outbox[-1].body
    assert "/accounts/invitation/" in mail.outbox[-1].body


def test_the_invited_person_sets_a_password_from_the_link_and_is_signed_in(
    client, frank, culture_unit
):
    _invite_hanh(client, frank, culture_unit)
    client.logout()
    _, done = _set_password(client, last_link())
    assert done.redirect_chain[-1][0] == "/plans/"
    assert done.context["user"].email == "hanh.tt@example.gov.vn"
    client.logout()
    assert client.login(username="hanh.tt@example.gov.vn", password=NEW_PASSWORD)
    assert Invitation.objects.get().accepted_at is not None


def test_a_used_invitation_link_is_refused_with_a_clear_page(client, frank, culture_unit):
    _invite_hanh(client, frank, culture_unit)
    client.logout()
    link = last_link()
    _set_password(client, link)
    client.logout()
    page = client.get(link, follow=True)
    assert "no longer works" in page.content.decode() or "không còn dùng được" in (
        page.content.decode()
    )
    assert not page.context["validlink"]


def test_an_invitation_link_expires_after_the_configured_days(
    client, frank, culture_unit, settings
):
    settings.QUANTRI_INVITATION_DAYS = 7
    _invite_hanh(client, frank, culture_unit)
    client.logout()
    link = last_link()
    with time_machine.travel(datetime.datetime.now(tz=datetime.UTC) + datetime.timedelta(days=8)):
        page = client.get(link, follow=True)
    assert not page.context["validlink"]
    with time_machine.travel(datetime.datetime.now(tz=datetime.UTC) + datetime.timedelta(days=6)):
        page = client.get(link, follow=True)
    assert page.context["validlink"]


def test_inviting_again_sends_a_new_link_and_the_old_one_stops_working(client, frank, culture_unit):
    _invite_hanh(client, frank, culture_unit)
    first = last_link()
    hanh = get_user_model().objects.get(email="hanh.tt@example.gov.vn")
    assert client.post(f"/accounts/{hanh.pk}/invite/").status_code == 302
    second = last_link()
    client.logout()
    assert not client.get(first, follow=True).context["validlink"]
    assert client.get(second, follow=True).context["validlink"]


def test_a_password_reset_link_is_no_invitation(client, frank, bob):
    """The two tokens are signed apart: a reset link pasted into the invitation URL fails."""
    from django.contrib.auth.tokens import default_token_generator
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    uid = urlsafe_base64_encode(force_bytes(bob.pk))
    token = default_token_generator.make_token(bob)
    assert not client.get(f"/accounts/invitation/{uid}/{token}/", follow=True).context["validlink"]


def test_a_bad_e_mail_is_named_and_nothing_is_created(client, frank, culture_unit):
    client.force_login(frank)
    response = client.post(
        "/accounts/", {"email": "not-an-address", "agency": culture_unit.pk, "role": "staff"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["email"]
    assert not get_user_model().objects.filter(email="not-an-address").exists()
    assert mail.outbox == []


def test_an_administrator_cannot_invite_into_another_department(client, frank, health_unit):
    client.force_login(frank)
    response = client.post(
        "/accounts/", {"email": "x@example.org", "agency": health_unit.pk, "role": "staff"}
    )
    assert response.context["form"].errors["agency"]
    assert mail.outbox == []


def test_the_accounts_page_lists_only_the_administrator_s_own_people(client, frank, bob, erin):
    client.force_login(frank)
    page = client.get("/accounts/")
    listed = {person.username for person in page.context["people"]}
    assert {"frank", "bob"} <= listed
    assert "erin" not in listed


def test_people_who_administer_nothing_are_refused_the_accounts_page(client, bob):
    client.force_login(bob)
    assert client.get("/accounts/").status_code == 403


def test_a_service_refuses_an_administrator_acting_on_someone_else_s_person(gina, bob):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        account_invite(by=gina, email=bob.email)
