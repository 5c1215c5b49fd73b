"""Plain Python: GeoReport v2 documents as JSON or XML.

The XML is built with xml.etree (never by pasting strings), so any text a citizen wrote is
escaped. A document is a list of records; the spec names the root and record elements
(<services><service>…, <service_requests><request>…, <errors><error>…).
"""

import datetime
import json
import xml.etree.ElementTree as ET
from decimal import Decimal

CONTENT_TYPES = {"json": "application/json; charset=utf-8", "xml": "text/xml; charset=utf-8"}


def _text(value) -> str | None:
    """XML text of a value: booleans as the spec's true/false, None as an empty element."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.datetime):
        return value.isoformat(timespec="seconds")
    return str(value)


def _append(parent: ET.Element, tag: str, value) -> None:
    element = ET.SubElement(parent, tag)
    if isinstance(value, dict):
        for key, inner in value.items():
            _append(element, key, inner)
    elif isinstance(value, list):
        # A list inside a record: <formats><format>…</format></formats>, the item tag being
        # the list's tag without its final "s".
        for inner in value:
            _append(element, tag[:-1], inner)
    else:
        element.text = _text(value)


def to_xml(root: str, item: str | None, records) -> bytes:
    """<root><item>…</item>…</root> for a list, or <root>…</root> for one record (item None)."""
    element = ET.Element(root)
    if item is None:
        for key, value in records.items():
            _append(element, key, value)
    else:
        for record in records:
            _append(element, item, record)
    return ET.tostring(element, encoding="utf-8", xml_declaration=True)


def _json_default(value):
    if isinstance(value, datetime.datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, Decimal):
        return float(value)
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def to_json(records) -> bytes:
    return json.dumps(records, ensure_ascii=False, default=_json_default).encode()


def errors(errors: list[tuple[int, str]], fmt: str) -> bytes:
    records = [{"code": code, "description": description} for code, description in errors]
    return to_xml("errors", "error", records) if fmt == "xml" else to_json(records)


def parse_datetime(text: str) -> datetime.datetime | None:
    """A W3C / ISO 8601 date-time ("2010-04-14T06:37:38-08:00", "…Z", or a bare date); None when
    it is not one. A value without an offset is read in `default_tz` by the caller."""
    text = (text or "").strip()
    if not text:
        return None
    try:
        return datetime.datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return None
