"""Open311 GeoReport v2, checked against the shapes of the specification's own examples
(http://wiki.open311.org/GeoReport_v2): element names, nesting, value forms and error format."""

import datetime
import json
import urllib.error
import urllib.parse
import urllib.request

import pytest
import time_machine
from defusedxml import ElementTree
from django.core.management import CommandError, call_command

from quantri.feedback import services
from quantri.feedback.apikeys import apikey_create
from quantri.feedback.models import Channel, Feedback
from quantri.feedback.tests.conftest import CONTACT
from quantri.feedback.tests.factories import FeedbackCategoryFactory, submit

pytestmark = pytest.mark.django_db

BASE = "/open311/v2"
# The fields of the spec's examples, in its order.
SERVICE_FIELDS = [
    "service_code",
    "service_name",
    "description",
    "metadata",
    "type",
    "keywords",
    "group",
]
REQUEST_FIELDS = [
    "service_request_id",
    "status",
    "status_notes",
    "service_name",
    "service_code",
    "description",
    "agency_responsible",
    "service_notice",
    "requested_datetime",
    "updated_datetime",
    "expected_datetime",
    "address",
    "address_id",
    "zipcode",
    "lat",
    "long",
    "media_url",
]
CREATED_FIELDS = ["service_request_id", "service_notice", "account_id"]
PRIVATE = [CONTACT.name, CONTACT.phone, CONTACT.email, CONTACT.address, "Bình", "0912"]


@pytest.fixture
def api_key():
    return apikey_create(name="Ứng dụng Hưng Yên Smart")[1]


def xml(response):
    assert response["Content-Type"] == "text/xml; charset=utf-8"
    assert response.content.startswith(b"<?xml version='1.0' encoding='utf-8'?>")
    return ElementTree.fromstring(response.content)


def post_request(client, api_key, fmt="json", **fields):
    data = {
        "api_key": api_key,
        "service_code": "quang-cao",
        "description": "Biển quảng cáo lấn chiếm vỉa hè trước số 25 Điện Biên.",
        "lat": "20.6464",
        "long": "106.0511",
        "address_string": "25 Điện Biên, Hưng Yên",
        "email": "an.tran@example.vn",
        "first_name": "An",
        "last_name": "Trần Văn",
        "phone": "0987 654 321",
        **fields,
    }
    return client.post(f"{BASE}/requests.{fmt}", {k: v for k, v in data.items() if v is not None})


def assert_error(response, status: int, fmt: str = "json"):
    assert response.status_code == status
    if fmt == "json":
        [error] = response.json()
        assert set(error) == {"code", "description"} and error["code"] == status
    else:
        root = xml(response)
        assert root.tag == "errors"
        [error] = list(root)
        assert error.tag == "error" and [c.tag for c in error] == ["code", "description"]
        assert error.findtext("code") == str(status)


def test_the_service_list_in_json_has_the_specs_fields(client, advertising, library_service):
    FeedbackCategoryFactory(code="cu", name="Lĩnh vực cũ", unit=advertising.unit, active=False)
    response = client.get(f"{BASE}/services.json")
    assert response["Content-Type"] == "application/json; charset=utf-8"
    services_ = response.json()
    assert [s["service_code"] for s in services_] == ["quang-cao", "thu-vien"]
    first = services_[0]
    assert list(first) == SERVICE_FIELDS
    assert first["metadata"] is False and first["type"] == "realtime"
    assert first["service_name"] == "Quảng cáo, biển hiệu"
    assert first["keywords"] == "quảng cáo, biển hiệu"
    assert first["group"].startswith("Công khai")  # PAPI dimension 2, transparency


def test_the_service_list_in_xml_is_services_of_service(client, advertising):
    root = xml(client.get(f"{BASE}/services.xml"))
    assert root.tag == "services"
    [service] = list(root)
    assert service.tag == "service"
    assert [child.tag for child in service] == SERVICE_FIELDS
    assert service.findtext("metadata") == "false"
    assert service.findtext("service_name") == "Quảng cáo, biển hiệu"


def test_a_service_definition_has_no_attributes(client, advertising):
    assert client.get(f"{BASE}/services/quang-cao.json").json() == {
        "service_code": "quang-cao",
        "attributes": [],
    }
    root = xml(client.get(f"{BASE}/services/quang-cao.xml"))
    assert root.tag == "service_definition"
    assert [c.tag for c in root] == ["service_code", "attributes"]
    assert list(root.find("attributes")) == []


def test_an_unknown_service_is_a_404_in_the_error_format(client, advertising):
    assert_error(client.get(f"{BASE}/services/khong-co.json"), 404)
    assert_error(client.get(f"{BASE}/services/khong-co.xml"), 404, "xml")
    assert client.get(f"{BASE}/services.html").status_code == 404


def test_discovery_names_the_specification_and_formats(client):
    document = client.get(f"{BASE}/discovery.json").json()
    [endpoint] = document["endpoints"]
    assert endpoint["specification"] == "http://wiki.open311.org/GeoReport_v2"
    assert endpoint["url"] == "http://testserver/open311/v2"
    root = xml(client.get(f"{BASE}/discovery.xml"))
    formats = root.find("endpoints/endpoint/formats")
    assert [f.text for f in formats] == ["text/xml", "application/json"]


def test_posting_a_request_with_a_key_creates_feedback(client, advertising, api_key):
    response = post_request(client, api_key)
    assert response.status_code == 201
    [created] = response.json()
    assert list(created) == CREATED_FIELDS and created["account_id"] is None
    item = Feedback.objects.get(code=created["service_request_id"])
    assert f"/feedback/track/{item.code}/" in created["service_notice"]
    assert item.channel == Channel.OPEN311 and item.api_key.name == "Ứng dụng Hưng Yên Smart"
    assert (item.contact_name, item.contact_email) == ("Trần Văn An", "an.tran@example.vn")
    assert item.contact_phone == "0987 654 321"
    assert str(item.latitude) == "20.646400" and item.location == "25 Điện Biên, Hưng Yên"
    assert not item.consent_to_publish


def test_posting_in_xml_answers_service_requests_of_request(client, advertising, api_key):
    root = xml(post_request(client, api_key, fmt="xml"))
    assert root.tag == "service_requests"
    [request] = list(root)
    assert [c.tag for c in request] == CREATED_FIELDS
    assert request.find("account_id").text is None  # <account_id/>


def test_location_is_optional_for_our_services(client, advertising, api_key):
    response = post_request(client, api_key, lat=None, long=None, address_string=None)
    assert response.status_code == 201


@pytest.mark.parametrize("key", [None, "", "qt_wrong"])
def test_posting_without_a_valid_key_is_refused(client_en, advertising, key):
    response = post_request(client_en, key)
    assert_error(response, 403)
    assert "api_key" in response.json()[0]["description"]
    assert not Feedback.objects.exists()


def test_a_revoked_key_no_longer_works(client, advertising, api_key):
    call_command("apikey", "revoke", api_key[:9])
    assert_error(post_request(client, api_key, fmt="xml"), 403, "xml")


@pytest.mark.parametrize(
    "fields, status",
    [
        ({"service_code": ""}, 400),
        ({"service_code": "khong-co"}, 404),
        ({"description": "  "}, 400),
        ({"lat": "north"}, 400),
        ({"long": "200"}, 400),
        ({"email": "not-an-address"}, 400),
    ],
)
def test_a_bad_field_is_named_and_nothing_is_saved(client, advertising, api_key, fields, status):
    response = post_request(client, api_key, **fields)
    assert_error(response, status)
    assert not Feedback.objects.exists()


def test_requests_list_in_json_has_the_specs_fields_and_no_contact(client, item, advertising):
    services.feedback_accept(feedback=item, user=None)
    services.feedback_answer(feedback=item, user=None, text="Đã xử lý xong.")
    services.feedback_publish_answer(feedback=item, user=None)
    submit(advertising, text="Nội dung riêng tư của chị Hoa", contact=CONTACT)
    response = client.get(f"{BASE}/requests.json")
    assert not any(value in response.text for value in PRIVATE)
    assert "Nội dung riêng tư" not in response.text  # no consent, no text
    rows = {row["service_request_id"]: row for row in response.json()}
    assert len(rows) == 2
    answered = rows[item.code]
    assert list(answered) == REQUEST_FIELDS
    assert (answered["status"], answered["status_notes"]) == ("closed", "Đã xử lý xong.")
    assert answered["agency_responsible"] == "Phòng Quản lý Văn hóa"
    assert answered["requested_datetime"].endswith("+07:00")
    assert answered["lat"] is None and answered["media_url"] == ""


def test_requests_list_in_xml_escapes_what_citizens_write(client, advertising):
    item = submit(
        advertising, text='Giá vé <b>tăng</b> & "không niêm yết"', consent_to_publish=True
    )
    root = xml(client.get(f"{BASE}/requests.xml"))
    assert root.tag == "service_requests"
    [request] = list(root)
    assert request.tag == "request" and [c.tag for c in request] == REQUEST_FIELDS
    assert request.findtext("service_request_id") == item.code
    assert request.findtext("description") == 'Giá vé <b>tăng</b> & "không niêm yết"'
    assert request.findtext("status") == "open"


def test_requests_are_filtered_the_standard_way(client, advertising, library_service):
    with time_machine.travel(datetime.datetime(2026, 3, 2, 3, tzinfo=datetime.UTC)):
        march = submit(advertising)
    with time_machine.travel(datetime.datetime(2026, 4, 6, 3, tzinfo=datetime.UTC)):
        april = submit(advertising)
        library = submit(library_service)
        services.feedback_reject(feedback=library, user=None, reason="Ngoài phạm vi")

        def codes(**params):
            response = client.get(f"{BASE}/requests.json", params)
            assert response.status_code == 200, response.content
            return {row["service_request_id"] for row in response.json()}

        assert codes() == {march.code, april.code, library.code}  # the last 90 days
        assert codes(service_code="thu-vien") == {library.code}
        assert codes(status="closed") == {library.code}
        assert codes(status="open") == {march.code, april.code}
        assert codes(start_date="2026-04-01T00:00:00+07:00") == {april.code, library.code}
        assert codes(start_date="2026-03-01T00:00:00Z", end_date="2026-03-31T23:59:59Z") == {
            march.code
        }
        assert codes(service_request_id=f"{march.code},{library.code}", status="open") == {
            march.code,
            library.code,
        }
        assert_error(client.get(f"{BASE}/requests.json", {"start_date": "hôm qua"}), 400)
        assert_error(client.get(f"{BASE}/requests.xml", {"status": "pending"}), 400, "xml")


def test_the_rejection_reason_is_the_status_note(client, item):
    services.feedback_reject(feedback=item, user=None, reason="Thuộc thẩm quyền UBND xã.")
    [row] = client.get(f"{BASE}/requests/{item.code}.json").json()
    assert row["status_notes"] == "Thuộc thẩm quyền UBND xã."


def test_one_request_is_a_list_of_one(client, item):
    [row] = client.get(f"{BASE}/requests/{item.code}.json").json()
    assert row["service_request_id"] == item.code and row["status"] == "open"
    assert row["description"] == item.text  # the citizen agreed to publication
    assert row["address"] == "" or row["address"] == item.location
    root = xml(client.get(f"{BASE}/requests/{item.code}.xml"))
    assert [r.tag for r in root] == ["request"]
    assert_error(client.get(f"{BASE}/requests/PA-2222AB.json"), 404)
    assert_error(client.get(f"{BASE}/requests/PA-2222AB.xml"), 404, "xml")


def test_other_methods_are_refused(client, advertising):
    assert client.post(f"{BASE}/services.json").status_code == 405


def test_apikey_create_prints_a_working_key_and_list_never_shows_it(client, advertising, capsys):
    call_command("apikey", "create", "--name", "Cổng dịch vụ công tỉnh")
    key = capsys.readouterr().out.strip()
    assert key.startswith("qt_") and len(key) > 40
    assert post_request(client, key).status_code == 201
    call_command("apikey", "list")
    listing = capsys.readouterr().out
    assert "Cổng dịch vụ công tỉnh" in listing and key[:9] in listing and key not in listing


def test_apikey_refuses_bad_arguments(advertising):
    with pytest.raises(CommandError):
        call_command("apikey", "revoke", "qt_nothing")
    with pytest.raises(CommandError):
        call_command("apikey", "create", "--name", "  ")


@pytest.mark.django_db(transaction=True)
def test_a_stock_http_client_lists_services_and_files_a_request(live_server, plain_category):
    """A real HTTP round trip with the standard library, as an Open311 application would."""
    api_key = apikey_create(name="urllib")[1]
    with urllib.request.urlopen(f"{live_server.url}{BASE}/services.json") as response:
        assert response.status == 200
        assert json.load(response)[0]["service_code"] == "quang-cao"
    body = urllib.parse.urlencode(
        {"api_key": api_key, "service_code": "quang-cao", "description": "Loa kẹo kéo quá to"}
    ).encode()
    with urllib.request.urlopen(f"{live_server.url}{BASE}/requests.json", data=body) as response:
        assert response.status == 201
        [created] = json.load(response)
    assert Feedback.objects.filter(code=created["service_request_id"]).exists()
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(
            f"{live_server.url}{BASE}/requests.xml",
            data=urllib.parse.urlencode({"service_code": "quang-cao"}).encode(),
        )
    assert refused.value.code == 403
    assert ElementTree.fromstring(refused.value.read()).tag == "errors"


# Issue 11 (items 4, 6, 7): values and bodies a hostile client sends get the spec's error
# document, never a 500 or Django's HTML page.


@pytest.mark.parametrize(
    "fields",
    [
        {"lat": "NaN", "long": "Infinity"},
        {"lat": "sNaN"},
        {"long": "-Infinity"},
        {"lat": "1e999999999"},
        {"long": "-9" * 400},
    ],
)
def test_not_a_finite_coordinate_is_a_400_naming_it(client, advertising, api_key, fields):
    response = post_request(client, api_key, **fields)
    assert_error(response, 400)
    assert response.json()[0]["description"].split()[0] in {"lat", "long"}
    assert not Feedback.objects.exists()


@pytest.mark.parametrize("value", ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-12:00"])
@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_a_date_at_the_end_of_the_calendar_is_a_400(client, value, fmt):
    response = client.get(f"{BASE}/requests.{fmt}", {"start_date": value})
    assert_error(response, 400, fmt)


def test_a_body_over_the_form_limit_gets_the_error_document(client, advertising, api_key):
    # Under the upload limit (20 MB) but over Django's 5 MB for form fields.
    response = post_request(client, api_key, fmt="xml", description="x" * (6 * 1024 * 1024))
    assert_error(response, 413, "xml")
    assert not Feedback.objects.exists()


def test_a_body_over_the_upload_limit_is_refused_unread_in_the_requests_format(
    client, advertising, api_key, settings
):
    settings.QUANTRI_MAX_UPLOAD_MB = 1
    # The header claims 300 MB; the body is never read, so its real size does not matter.
    response = client.post(
        f"{BASE}/requests.xml",
        "api_key=x",
        content_type="application/x-www-form-urlencoded",
        CONTENT_LENGTH=str(300 * 1024 * 1024),
    )
    assert_error(response, 413, "xml")
    assert "1 MB" in xml(response).findtext("error/description")


def test_posts_are_limited_per_api_key(client, advertising, api_key, settings):
    settings.QUANTRI_OPEN311_RATE_LIMIT = 2
    codes = [post_request(client, api_key).status_code for _ in range(3)]
    assert codes == [201, 201, 429]
    assert_error(post_request(client, api_key, fmt="xml"), 429, "xml")
    assert Feedback.objects.count() == 2
    other_key = apikey_create(name="Cổng dịch vụ công")[1]
    assert post_request(client, other_key).status_code == 201


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_an_id_no_route_matches_gets_the_error_document(client, fmt):
    # Found by the fuzz (quantri/api/tests/test_fuzz.py): an id with a dot or a slash matches
    # no route, and Django's bare HTML page came back.
    response = client.get(f"{BASE}/requests/a.b.{fmt}")
    assert_error(response, 404, fmt)


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_a_multipart_body_without_a_boundary_is_a_400_in_the_error_format(client, fmt):
    response = client.post(
        f"{BASE}/requests.{fmt}", b"api_key=x", content_type="multipart/form-data"
    )
    assert_error(response, 400, fmt)


def test_a_nul_in_a_posted_field_is_a_400_naming_it(client, advertising, api_key):
    response = post_request(client, api_key, description="Biển\x00 quảng cáo")
    assert_error(response, 400)
    assert response.json()[0]["description"].startswith("description")
    assert not Feedback.objects.exists()
