"""Sessions end after inactivity, and at once when an account is deactivated."""

import datetime

import pytest
import time_machine
from django.contrib.sessions.models import Session
from django.test import Client

pytestmark = pytest.mark.django_db


def _later(minutes: int):
    return time_machine.travel(
        datetime.datetime.now(tz=datetime.UTC) + datetime.timedelta(minutes=minutes)
    )


def test_a_deactivated_person_is_logged_out_on_their_next_request(client, frank, bob):
    bob_browser = Client()
    bob_browser.force_login(bob)
    assert bob_browser.get("/plans/").status_code == 200
    client.force_login(frank)
    assert client.post(f"/accounts/{bob.pk}/deactivate/").status_code == 302
    response = bob_browser.get("/plans/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")
    assert not bob_browser.login(username="bob", password="password")


def test_deactivation_deletes_the_person_s_sessions_and_leaves_others(client, frank, bob):
    bob_browser = Client()
    bob_browser.force_login(bob)
    client.force_login(frank)
    before = Session.objects.count()
    client.post(f"/accounts/{bob.pk}/deactivate/")
    assert Session.objects.count() == before - 1
    assert client.get("/accounts/").status_code == 200  # frank's own session lives on


def test_a_reactivated_person_signs_in_again(client, frank, bob):
    client.force_login(frank)
    client.post(f"/accounts/{bob.pk}/deactivate/")
    client.post(f"/accounts/{bob.pk}/reactivate/")
    bob.refresh_from_db()
    assert bob.is_active
    assert Client().login(username="bob", password="password")


def test_an_administrator_cannot_deactivate_their_own_account(client, frank):
    client.force_login(frank)
    client.post(f"/accounts/{frank.pk}/deactivate/", follow=True)
    frank.refresh_from_db()
    assert frank.is_active


def test_an_administrator_cannot_deactivate_another_department_s_people(client, frank, erin):
    client.force_login(frank)
    assert client.post(f"/accounts/{erin.pk}/deactivate/").status_code == 404
    erin.refresh_from_db()
    assert erin.is_active


@pytest.fixture
def idle_limit(settings):
    """The production setting (config/settings.py); settings_test keeps sessions long."""
    from config import settings as production

    assert production.QUANTRI_SESSION_IDLE_MINUTES == 30
    settings.SESSION_COOKIE_AGE = production.SESSION_COOKIE_AGE
    settings.SESSION_SAVE_EVERY_REQUEST = production.SESSION_SAVE_EVERY_REQUEST


def test_a_session_ends_after_the_idle_minutes(client, bob, idle_limit):
    client.force_login(bob)
    with _later(31):
        response = client.get("/plans/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_a_session_in_use_does_not_end(client, bob, idle_limit):
    client.force_login(bob)
    for minutes in (20, 40, 60):
        with _later(minutes):
            assert client.get("/plans/").status_code == 200
