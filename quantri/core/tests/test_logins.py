"""The login throttle (django-axes, issue 11 item 4): wrong passwords for one account from one
address are counted; past the limit even the right password is refused, with a page saying
why, until the cool-off ends or an administrator unlocks the account."""

import datetime

import pytest
import time_machine
from axes.models import AccessAttempt
from django.test import override_settings
from django.urls import reverse

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("throttle")]
NOW = datetime.datetime(2026, 5, 4, 2, 0, tzinfo=datetime.UTC)
VIETNAMESE_MESSAGE = "Hãy thử lại sau 15 phút"


@pytest.fixture
def throttle():
    # The suite runs with the throttle off (config.settings_test); these tests turn it on
    # with the production values.
    with override_settings(
        AXES_ENABLED=True, AXES_FAILURE_LIMIT=5, AXES_COOLOFF_TIME=datetime.timedelta(minutes=15)
    ):
        yield


def log_in(client, password, url=None, **extra):
    data = {"username": "alice", "password": password}
    return client.post(url or reverse("login"), data, **extra)


def fail_five_times(client, **extra):
    return [log_in(client, "wrong", **extra).status_code for _ in range(5)]


def test_after_five_wrong_passwords_the_right_one_is_refused(client, alice):
    with time_machine.travel(NOW, tick=False):
        # The form again, saying the password was wrong; the fifth failure gets the lockout.
        assert fail_five_times(client) == [200, 200, 200, 200, 429]
        response = log_in(client, "password")
    assert response.status_code == 429
    assert VIETNAMESE_MESSAGE in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_admin_login_is_throttled_too(client, alice):
    alice.is_staff = True
    alice.save(update_fields=["is_staff"])
    admin_login = reverse("admin:login")
    codes = [log_in(client, "wrong", admin_login).status_code for _ in range(5)]
    assert codes == [200, 200, 200, 200, 429]
    response = log_in(client, "password", admin_login)
    assert response.status_code == 429 and VIETNAMESE_MESSAGE in response.content.decode()


def test_the_account_opens_again_after_the_cool_off(client, alice):
    with time_machine.travel(NOW, tick=False):
        fail_five_times(client)
    with time_machine.travel(NOW + datetime.timedelta(minutes=14), tick=False):
        assert log_in(client, "password").status_code == 429
    with time_machine.travel(NOW + datetime.timedelta(minutes=31), tick=False):
        assert log_in(client, "password").status_code == 302


def test_an_administrator_unlocks_the_account(client, alice, django_user_model):
    fail_five_times(client)
    assert log_in(client, "password").status_code == 429
    root = django_user_model.objects.create_superuser("root", "root@example.vn", "secret")
    admin = type(client)()
    admin.force_login(root)
    attempt = AccessAttempt.objects.get(username="alice")
    delete = reverse("admin:axes_accessattempt_delete", args=[attempt.pk])
    assert admin.post(delete, {"post": "yes"}).status_code == 302
    assert log_in(client, "password").status_code == 302


def test_the_throttle_counts_the_client_behind_the_proxy(client, alice, settings):
    settings.QUANTRI_TRUSTED_PROXIES = ["127.0.0.1"]
    fail_five_times(client, HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert log_in(client, "password", HTTP_X_FORWARDED_FOR="203.0.113.7").status_code == 429
    # Alice at her own desk, through the same nginx, is not locked out by someone else.
    assert log_in(client, "password", HTTP_X_FORWARDED_FOR="198.51.100.9").status_code == 302
    assert AccessAttempt.objects.get().ip_address == "203.0.113.7"


def test_a_success_before_the_limit_clears_the_count(client, alice):
    [log_in(client, "wrong") for _ in range(4)]
    assert log_in(client, "password").status_code == 302
    client.logout()
    assert fail_five_times(client) == [200, 200, 200, 200, 429]
