import pytest
from django.urls import reverse

from quantri.procedures.tests.factories import FeeFactory, ProcedureFactory

pytestmark = pytest.mark.django_db


def test_the_public_finds_a_procedure_typing_without_diacritics(client, festival):
    response = client.get(reverse("procedures:search"), {"q": "giay phep to chuc le hoi"})
    assert response.status_code == 200
    assert list(response.context["page"].object_list) == [festival]
    assert reverse("procedures:detail", args=["1.001234"]) in response.text


def test_the_search_page_lists_only_published_procedures(client, festival, draft_procedure):
    page = client.get(reverse("procedures:search")).text
    assert festival.name in page and draft_procedure.name not in page
    hits = client.get(reverse("procedures:search"), {"q": "diem du lich"}).context["page"]
    assert list(hits.object_list) == []


def test_filters_narrow_the_list_and_a_bad_value_is_ignored(client, festival, tourism_field):
    other = ProcedureFactory(name="Công nhận khu du lịch", field=tourism_field, level="commune")
    page = client.get(reverse("procedures:search"), {"field": "DL"}).context["page"]
    assert list(page.object_list) == [other]
    page = client.get(reverse("procedures:search"), {"online": "partial"}).context["page"]
    assert list(page.object_list) == [festival]
    response = client.get(reverse("procedures:search"), {"level": "galaxy"})
    assert response.status_code == 200 and response.context["page"].paginator.count == 2


def test_results_are_paged_and_the_pager_keeps_the_query(client, culture_field):
    for n in range(23):
        ProcedureFactory(name=f"Đăng ký hoạt động số {n:02d}", field=culture_field)
    response = client.get(reverse("procedures:search"), {"q": "dang ky", "page": 2})
    assert len(response.context["page"].object_list) == 3
    assert "?q=dang+ky&amp;page=1" in response.text


def test_the_procedure_page_shows_documents_steps_fees_and_legal_bases(client, festival):
    FeeFactory(procedure=festival, name="Phí thẩm định", amount=1500000)
    response = client.get(reverse("procedures:detail", args=["1.001234"]))
    assert response.status_code == 200
    page = response.text
    for text in (
        "Văn bản đề nghị",
        "Mẫu số 01",
        "Thẩm định hồ sơ",
        "Phí thẩm định",
        "1.500.000",
        "Nghị định số 110/2018/NĐ-CP",
        festival.agency.name,
    ):
        assert text in page


def test_an_unpublished_procedure_is_not_found_by_the_public(client, draft_procedure):
    assert client.get(reverse("procedures:detail", args=["1.009999"])).status_code == 404


def test_the_office_previews_its_unpublished_procedure(client, alice, draft_procedure):
    client.force_login(alice)
    assert client.get(reverse("procedures:detail", args=["1.009999"])).status_code == 200


def test_an_unknown_code_is_not_found(client):
    assert client.get("/procedures/9.999999/").status_code == 404


def test_the_search_page_is_light_and_needs_no_script(client, festival):
    page = client.get(reverse("procedures:search")).text
    assert "<script" not in page and 'name="viewport"' in page
    assert len(page.encode()) < 30_000


def test_the_public_menu_has_the_catalogue(client_en):
    assert reverse("procedures:search") in client_en.get(reverse("portal:home")).text


def test_a_search_costs_the_same_few_queries_for_any_number_of_results(
    client, culture_field, django_assert_max_num_queries
):
    for n in range(30):
        ProcedureFactory(name=f"Đăng ký hoạt động số {n:02d}", field=culture_field)
    # The field list for the filter, the count and the page; and the page header's agency name
    # (kept a minute in production, read on every request under the test settings).
    with django_assert_max_num_queries(4):
        response = client.get(reverse("procedures:search"), {"q": "dang ky", "page": 2})
    assert response.context["page"].paginator.count == 30
