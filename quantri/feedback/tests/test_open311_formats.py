"""Plain Python: GeoReport v2 documents and dates."""

import datetime
from decimal import Decimal

from defusedxml import ElementTree

from quantri.feedback.open311.formats import errors, parse_datetime, to_json, to_xml


def test_xml_lists_records_under_the_specs_root_and_item_elements():
    document = to_xml("services", "service", [{"service_code": "a", "metadata": False}])
    root = ElementTree.fromstring(document)
    assert root.tag == "services" and root.find("service/metadata").text == "false"


def test_xml_escapes_markup_and_keeps_vietnamese():
    document = to_xml("service_requests", "request", [{"description": "<script>&Đ</script>"}])
    assert b"<script>" not in document
    assert ElementTree.fromstring(document).findtext("request/description") == "<script>&Đ</script>"


def test_empty_values_are_empty_elements_and_nested_lists_repeat_their_item():
    document = to_xml("discovery", None, {"account_id": None, "formats": ["text/xml", "x"]})
    root = ElementTree.fromstring(document)
    assert root.find("account_id").text is None
    assert [f.text for f in root.find("formats")] == ["text/xml", "x"]


def test_json_writes_dates_with_their_offset_and_numbers_as_numbers():
    moment = datetime.datetime(
        2026, 4, 14, 6, 37, 38, tzinfo=datetime.timezone(datetime.timedelta(hours=7))
    )
    assert to_json([{"at": moment, "lat": Decimal("20.646400")}]) == (
        b'[{"at": "2026-04-14T06:37:38+07:00", "lat": 20.6464}]'
    )


def test_errors_follow_the_specs_shape():
    assert errors([(403, "Invalid api_key")], "json") == (
        b'[{"code": 403, "description": "Invalid api_key"}]'
    )
    root = ElementTree.fromstring(errors([(404, "not found")], "xml"))
    assert root.tag == "errors" and root.findtext("error/code") == "404"


def test_w3c_date_times_are_read_with_or_without_offset():
    assert parse_datetime("2010-04-14T06:37:38-08:00").utcoffset() == datetime.timedelta(hours=-8)
    assert parse_datetime("2026-04-01T00:00:00Z").utcoffset() == datetime.timedelta(0)
    assert parse_datetime("2026-04-01").tzinfo is None
    assert parse_datetime("hôm qua") is None and parse_datetime("") is None
