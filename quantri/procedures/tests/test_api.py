import json

import pytest

from quantri.procedures.models import Procedure
from quantri.procedures.tests.factories import ProcedureFactory

pytestmark = pytest.mark.django_db


def test_the_search_returns_codes_and_names_without_diacritics_needed(client, festival):
    body = client.get("/api/procedures", {"q": "giay phep le hoi"}).json()
    assert body["count"] == 1 and body["page"] == 1
    [item] = body["items"]
    assert (item["code"], item["name"]) == ("1.001234", "Cấp giấy phép tổ chức lễ hội")
    assert item["url"] == "/procedures/1.001234/" and item["online_service"] == "partial"


def test_the_public_never_sees_unpublished_procedures(client, festival, draft_procedure):
    codes = [i["code"] for i in client.get("/api/procedures").json()["items"]]
    assert codes == ["1.001234"]
    assert client.get("/api/procedures/1.009999").status_code == 404


def test_the_office_sees_its_unpublished_procedures(client, alice, draft_procedure):
    client.force_login(alice)
    assert client.get("/api/procedures", {"q": "diem du lich"}).json()["count"] == 1
    assert client.get("/api/procedures/1.009999").json()["published"] is False


def test_filters_and_pages(client, festival, culture_field, department):
    for _n in range(25):
        ProcedureFactory(field=culture_field, agency=department, level="commune")
    body = client.get("/api/procedures", {"field": "VH", "level": "commune", "page": 2}).json()
    assert (body["count"], body["pages"], len(body["items"])) == (25, 2, 5)
    assert client.get("/api/procedures", {"online": "partial"}).json()["count"] == 1


def test_a_bad_filter_value_is_named(client):
    response = client.get("/api/procedures", {"level": "planet"})
    assert response.status_code == 400 and "level" in response.json()["detail"]


def test_the_detail_has_documents_steps_fees_and_legal_bases(client, festival):
    festival.fees.create(name="Phí thẩm định", amount=300000)
    body = client.get("/api/procedures/1.001234").json()
    assert body["documents"][0]["form"] == "Mẫu số 01"
    assert body["steps"][0] == "Nộp hồ sơ tại Bộ phận một cửa"
    assert body["fees"] == [
        {"name": "Phí thẩm định", "amount": 300000, "amount_text": "", "legal_basis": ""}
    ]
    assert body["legal_bases"] == ["Nghị định số 110/2018/NĐ-CP"]


def payload(department, **changes) -> str:
    body = {
        "code": "1.004321",
        "name": "Công nhận điểm du lịch",
        "field": "VH",
        "level": "province",
        "agency": department.code,
        "processing_days": 30,
        "fees": [{"name": "Phí thẩm định", "amount": 1000000}],
    }
    return json.dumps({**body, **changes})


def test_the_office_adds_and_publishes_a_procedure(client, alice, department, culture_field):
    client.force_login(alice)
    response = client.post("/api/procedures", payload(department), content_type="application/json")
    assert response.status_code == 201, response.content
    assert response.json()["fees"][0]["amount"] == 1000000
    response = client.post(
        "/api/procedures/1.004321/publish", {"published": True}, content_type="application/json"
    )
    assert response.json()["published"] is True
    assert Procedure.objects.get(code="1.004321").history.first().history_user == alice


def test_a_unit_head_may_not_write_the_catalogue(client, bob, festival, department, culture_field):
    client.force_login(bob)
    response = client.post("/api/procedures", payload(department), content_type="application/json")
    assert response.status_code == 403
    response = client.put(
        "/api/procedures/1.001234", payload(department, name="X"), content_type="application/json"
    )
    assert response.status_code == 403
    assert Procedure.objects.get(code="1.001234").name == "Cấp giấy phép tổ chức lễ hội"


def test_invalid_writes_are_refused_with_the_field_named(client, alice, department, culture_field):
    client.force_login(alice)
    response = client.post(
        "/api/procedures", payload(department, code="12"), content_type="application/json"
    )
    assert response.status_code == 400 and "code" in response.json()["detail"]
    assert not Procedure.objects.exists()


def test_writes_need_a_signed_in_user(client, department, culture_field):
    response = client.post("/api/procedures", payload(department), content_type="application/json")
    assert response.status_code == 401


def test_a_page_past_the_end_gives_the_last_page_and_no_match_gives_zero(client, culture_field):
    for _n in range(21):
        ProcedureFactory(field=culture_field)
    body = client.get("/api/procedures", {"page": 9}).json()
    assert (body["page"], body["pages"], body["count"], len(body["items"])) == (2, 2, 21, 1)
    body = client.get("/api/procedures", {"q": "khong co thu tuc nay"}).json()
    assert (body["page"], body["pages"], body["count"], body["items"]) == (1, 1, 0, [])
