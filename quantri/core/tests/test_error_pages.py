"""Errors inside the site (issue 16.1): 400, 403 (a refused role, a service's refusal, an
expired form), 404 and 500 answer in the site's layout and in Vietnamese, saying what
happened and where to go, never Django's bare English page."""

import pytest
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.test import Client, override_settings
from django.urls import include, path

from quantri.core import errors

pytestmark = pytest.mark.django_db


def _refused_by_a_service(request):
    raise PermissionDenied("Chỉ văn phòng của Sở mới được thay đổi kế hoạch này.")


def _broken(request):
    raise RuntimeError("a bug")


def _unreadable(request):
    raise SuspiciousOperation("bad")


urlpatterns = [
    path("refused/", _refused_by_a_service),
    path("broken/", _broken),
    path("unreadable/", _unreadable),
    path("", include("config.urls")),
]
handler400 = "quantri.core.errors.bad_request"
handler403 = "quantri.core.errors.permission_denied"
handler404 = "quantri.core.errors.page_not_found"
handler500 = "quantri.core.errors.server_error"


def _is_site_page(response) -> bool:
    text = response.content.decode()
    return 'class="menu"' in text and 'class="site-footer"' in text


def test_an_unknown_address_is_a_vietnamese_page_in_the_layout(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert _is_site_page(response)
    assert "Không tìm thấy trang" in response.text and "Not Found" not in response.text


def test_a_role_refused_a_page_reads_why_and_where_to_go(client, carol):
    client.force_login(carol)  # staff: the due-soon list is the office's
    response = client.get("/plans/due/")
    assert response.status_code == 403
    assert _is_site_page(response)
    assert "Không có quyền truy cập" in response.text
    assert "Forbidden" not in response.text


@override_settings(ROOT_URLCONF=__name__)
def test_a_services_refusal_shows_its_own_reason(client, carol):
    client.force_login(carol)
    response = client.get("/refused/")
    assert response.status_code == 403
    assert "Chỉ văn phòng của Sở mới được thay đổi kế hoạch này." in response.text


@override_settings(ROOT_URLCONF=__name__)
def test_a_visitor_not_signed_in_is_offered_the_login_with_the_way_back(client):
    response = client.get("/refused/")
    assert response.status_code == 403
    assert 'href="/login/?next=/refused/"' in response.text


def test_an_expired_form_is_a_vietnamese_page_not_djangos_csrf_page(carol):
    client = Client(enforce_csrf_checks=True)
    client.force_login(carol)
    response = client.post("/logout/")
    assert response.status_code == 403
    assert _is_site_page(response)
    assert "Biểu mẫu đã hết hiệu lực" in response.text
    assert "CSRF" not in response.text


@override_settings(ROOT_URLCONF=__name__)
def test_a_bug_is_a_vietnamese_500_page_in_the_layout():
    response = Client(raise_request_exception=False).get("/broken/")
    assert response.status_code == 500
    assert _is_site_page(response)
    assert "Hệ thống gặp sự cố" in response.text
    assert "a bug" not in response.text and "Traceback" not in response.text


@override_settings(ROOT_URLCONF=__name__)
def test_an_unreadable_request_is_a_vietnamese_400_page():
    response = Client(raise_request_exception=False).get("/unreadable/")
    assert response.status_code == 400
    assert _is_site_page(response) and "Không đọc được yêu cầu." in response.text


def test_the_500_page_falls_back_to_text_when_the_layout_cannot_be_drawn(rf, monkeypatch):
    def fail(*args, **kwargs):
        raise RuntimeError("database down")

    monkeypatch.setattr(errors, "render", fail)
    response = errors.server_error(rf.get("/plans/"))
    assert response.status_code == 500
    assert "thử lại" in response.content.decode()
