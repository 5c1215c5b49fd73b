"""Load an index framework from its JSON description (quantri/indices/data/*.json).

Used by the data migration and by `quantri framework load`, so a new framework (PAR INDEX,
SIPAS) is a data file, not code. The provinces PAPI reports on (data/papi_provinces.json, with
the 2025 merger) are loaded the same way.
"""

import datetime
import json
from pathlib import Path

from quantri.core.text import fold

DATA_DIR = Path(__file__).resolve().parent / "data"


def read_framework(path: Path) -> dict:
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def load_framework(spec: dict, framework_model, dimension_model):
    """Create or update a framework and its dimensions; models are passed in so the data
    migration can hand over its historical models."""
    framework, _ = framework_model.objects.update_or_create(
        code=spec["code"],
        defaults={
            "name": spec["name_vi"],
            "name_en": spec.get("name_en", ""),
            "aliases": spec.get("aliases", []),
            "max_total": spec.get("max_total"),
            "note": spec.get("note", ""),
        },
    )
    for order, dim in enumerate(spec["dimensions"], start=1):
        parent = _save_dimension(dimension_model, framework, dim, None, order)
        for sub_order, sub in enumerate(dim.get("subdimensions", []), start=1):
            _save_dimension(dimension_model, framework, sub, parent, sub_order)
    return framework


def _save_dimension(dimension_model, framework, spec: dict, parent, order: int):
    dimension, _ = dimension_model.objects.update_or_create(
        framework=framework,
        code=spec["code"],
        defaults={
            "parent": parent,
            "source_code": spec.get("source_code", ""),
            "name": spec["name_vi"],
            "name_en": spec.get("name_en", ""),
            "aliases": spec.get("aliases", []),
            "min_score": spec["min_score"],
            "max_score": spec["max_score"],
            "valid_from_year": spec.get("valid_from"),
            "valid_to_year": spec.get("valid_to"),
            "order": order,
            **_newer_fields(dimension_model, score_ranges=spec.get("ranges", [])),
        },
    )
    return dimension


def _newer_fields(model, **values) -> dict:
    """The values whose fields the model has: the data migrations that ran before a field
    existed (0002, 0004) hand over historical models without it, and load the same file."""
    names = {field.name for field in model._meta.get_fields()}
    return {name: value for name, value in values.items() if name in names}


def read_provinces(path: Path = DATA_DIR / "papi_provinces.json") -> dict:
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def load_provinces(spec: dict, province_model) -> int:
    """Create or update the provinces of papi_provinces.json, then their successors (a
    second pass, since a successor may come later in the list). Rows that already match are
    not saved again, so running it twice writes nothing (and adds no history). Returns the
    number of rows written."""
    written = 0
    by_code = {p.code: p for p in province_model.objects.all()}
    for order, item in enumerate(spec["provinces"], start=1):
        values = _province_values_for(province_model, item, order)
        province = by_code.get(item["code"])
        if province is None:
            by_code[item["code"]] = province_model.objects.create(code=item["code"], **values)
            written += 1
        elif _update(province, values):
            written += 1
    for item in spec["provinces"]:
        successor = by_code[item["merged_into"]] if item.get("merged_into") else None
        province = by_code[item["code"]]
        if province.successor_id != (successor.pk if successor else None):
            province.successor = successor
            province.save(update_fields=["successor"])
            written += 1
    return written


def _province_values(item: dict, order: int) -> dict:
    return {
        "name": item["name"],
        "name_en": item.get("name_en", ""),
        "name_folded": fold(item["name"]),
        "aliases": item.get("aliases", []),
        "valid_from": _date(item.get("valid_from")),
        "valid_to": _date(item.get("valid_to")),
        "order": order,
    }


def _province_values_for(province_model, item: dict, order: int) -> dict:
    values = _province_values(item, order)
    return values | _newer_fields(province_model, former_names=item.get("former_names", []))


def _update(obj, values: dict) -> bool:
    changed = [field for field, value in values.items() if getattr(obj, field) != value]
    for field in changed:
        setattr(obj, field, values[field])
    if changed:
        obj.save(update_fields=changed)
    return bool(changed)


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None
