import pytest
from django.urls import reverse

from quantri.portal import views
from quantri.procedures.tests.factories import ProcedureFactory

pytestmark = pytest.mark.django_db


def test_the_home_page_opens_with_the_procedure_search(client):
    response = client.get(reverse("portal:home"))
    page = response.text
    assert page.index(f'action="{reverse("procedures:search")}"') < page.index("<h2")
    assert 'name="q"' in page


def test_a_search_from_the_home_page_finds_a_procedure_without_diacritics(client):
    ProcedureFactory(code="1.001234", name="Cấp giấy phép kinh doanh dịch vụ lữ hành nội địa")
    response = client.get(reverse("procedures:search"), {"q": "lu hanh noi dia"})
    assert [p.code for p in response.context["page"].object_list] == ["1.001234"]


def test_the_home_page_links_to_the_catalogue_and_the_public_notices(client):
    links = [link["url"] for link in client.get(reverse("portal:home")).context["links"]]
    assert reverse("procedures:search") in links
    assert reverse("disclosures:public_list") in links


def test_a_link_to_a_page_not_installed_is_left_out(client, monkeypatch):
    monkeypatch.setattr(
        views,
        "CITIZEN_LINKS",
        [("nowhere:page", "Nowhere", ""), ("procedures:search", "Procedures", "")],
    )
    response = client.get(reverse("portal:home"))
    assert response.status_code == 200
    assert [link["label"] for link in response.context["links"]] == ["Procedures"]


def test_the_home_page_stays_light_without_script(client):
    page = client.get(reverse("portal:home")).text
    assert "<script" not in page and "portal/portal.css" in page
