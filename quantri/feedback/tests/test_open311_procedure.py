"""Open311 POST names the administrative procedure a request is about (field `procedure`, its
national code), as the citizen form and the inbox already may: Decision 766's satisfaction
group counts only feedback about procedures (issue 15). Only a procedure the answering agency
publishes is accepted; anything else is a 400 naming the field, and nothing is saved."""

import pytest

from quantri.feedback.apikeys import apikey_create
from quantri.feedback.models import Feedback
from quantri.feedback.tests.test_open311 import assert_error, post_request
from quantri.procedures.tests.factories import ProcedureFactory
from quantri.testing.factories import AgencyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def api_key():
    return apikey_create(name="Ứng dụng Hưng Yên Smart")[1]


@pytest.fixture
def karaoke(department):
    return ProcedureFactory(
        code="1.009104",
        name="Cấp Giấy phép đủ điều kiện kinh doanh dịch vụ karaoke",
        agency=department,
    )


def test_a_request_names_the_agencys_procedure(client, advertising, api_key, karaoke):
    response = post_request(client, api_key, procedure="1.009104")
    assert response.status_code == 201
    [created] = response.json()
    assert Feedback.objects.get(code=created["service_request_id"]).procedure == karaoke


def test_a_procedure_of_one_of_the_agencys_units_is_accepted(
    client, advertising, api_key, culture_unit
):
    ProcedureFactory(code="2.000001", agency=culture_unit)
    assert post_request(client, api_key, procedure=" 2.000001 ").status_code == 201
    assert Feedback.objects.get().procedure.code == "2.000001"


def test_without_a_procedure_the_request_is_about_none(client, advertising, api_key, karaoke):
    assert post_request(client, api_key, procedure="").status_code == 201
    assert Feedback.objects.get().procedure is None


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_an_unknown_procedure_is_a_400_naming_the_field(client_en, advertising, api_key, fmt):
    response = post_request(client_en, api_key, fmt=fmt, procedure="9.999999")
    assert_error(response, 400, fmt)
    description = response.json()[0]["description"] if fmt == "json" else response.content.decode()
    assert "procedure" in description and "9.999999" in description
    assert "Sở Văn hóa, Thể thao và Du lịch" in description
    assert not Feedback.objects.exists()


def test_another_agencys_procedure_is_refused(client_en, advertising, api_key, province):
    health = AgencyFactory(code="T-SYT", name="Sở Y tế", parent=province)
    ProcedureFactory(code="1.001234", agency=health)
    response = post_request(client_en, api_key, procedure="1.001234")
    assert_error(response, 400)
    assert "1.001234 is not a published procedure of" in response.json()[0]["description"]
    assert not Feedback.objects.exists()


def test_an_unpublished_procedure_is_refused(client_en, advertising, api_key, department):
    ProcedureFactory(code="1.005555", agency=department, is_published=False)
    assert_error(post_request(client_en, api_key, procedure="1.005555"), 400)
    assert not Feedback.objects.exists()
