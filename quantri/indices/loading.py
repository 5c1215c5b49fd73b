"""Load an index framework from its JSON description (quantri/indices/data/*.json).

Used by the data migration and by `quantri framework load`, so a new framework (PAR INDEX,
SIPAS) is a data file, not code.
"""

import json
from pathlib import Path

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
        },
    )
    return dimension
