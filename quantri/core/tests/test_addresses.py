"""The client's address behind the documented proxy (README: nginx in front of gunicorn)."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

from config.env import env_networks
from quantri.core.addresses import client_address

NGINX = "127.0.0.1"


def request(remote=NGINX, forwarded=None):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote, **extra)


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.QUANTRI_TRUSTED_PROXIES = []
    assert client_address(request(forwarded="203.0.113.7")) == NGINX


def test_behind_a_trusted_proxy_the_forwarded_client_is_used(settings):
    settings.QUANTRI_TRUSTED_PROXIES = [NGINX]
    assert client_address(request(forwarded="203.0.113.7")) == "203.0.113.7"


def test_a_forged_entry_left_of_the_real_client_is_not_believed(settings):
    settings.QUANTRI_TRUSTED_PROXIES = [NGINX, "10.0.0.0/8"]
    # The client wrote "1.2.3.4"; nginx appended the address it saw, then a second proxy.
    forwarded = "1.2.3.4, 203.0.113.7, 10.0.0.5"
    assert client_address(request(forwarded=forwarded)) == "203.0.113.7"


def test_a_connection_not_from_a_proxy_keeps_its_own_address(settings):
    settings.QUANTRI_TRUSTED_PROXIES = [NGINX]
    assert client_address(request(remote="198.51.100.9", forwarded="1.2.3.4")) == "198.51.100.9"


def test_garbage_in_the_header_stops_at_the_last_proxy(settings):
    settings.QUANTRI_TRUSTED_PROXIES = [NGINX, "10.0.0.0/8"]
    assert client_address(request(forwarded="<script>, 10.0.0.5")) == "10.0.0.5"
    assert client_address(request(forwarded="")) == NGINX


def test_ipv6_proxies_and_clients(settings):
    settings.QUANTRI_TRUSTED_PROXIES = ["::1", "fd00::/8"]
    assert client_address(request(remote="::1", forwarded="2001:db8::7, fd00::2")) == "2001:db8::7"


def test_a_bad_proxy_setting_stops_start_up_naming_the_variable(monkeypatch):
    monkeypatch.setenv("QUANTRI_TRUSTED_PROXIES", "10.0.0.1, nginx.local")
    with pytest.raises(ImproperlyConfigured, match="QUANTRI_TRUSTED_PROXIES.*nginx.local"):
        env_networks("QUANTRI_TRUSTED_PROXIES")
    monkeypatch.setenv("QUANTRI_TRUSTED_PROXIES", "10.0.0.1, 192.168.0.0/24")
    assert env_networks("QUANTRI_TRUSTED_PROXIES") == ["10.0.0.1", "192.168.0.0/24"]
