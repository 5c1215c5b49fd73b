"""Which dimension of the index a group heading is about, from the references given.

'Chỉ số nội dung 3', 'Nội dung 3', 'Chỉ số thành phần 3', 'Trục nội dung 3' map by number;
otherwise the longest dimension name or alias contained in the heading wins, so 'Cung ứng
dịch vụ công' is not taken for 'dịch vụ công trực tuyến'.
"""

import json
import re
from collections.abc import Sequence
from pathlib import Path

from .markers import roman_value
from .model import DimensionRef
from .text import fold_key

_NUMBERED = re.compile(
    r"\b(?:chi so noi dung|chi so thanh phan|truc noi dung|noi dung|linh vuc|tieu chi|chi so)"
    r"\s+(?:so\s+)?(\d{1,2}|[ivx]{1,4})\b"
)


def is_numbered_dimension(heading: str) -> bool:
    """'Chỉ số nội dung 3: ...', 'Trục nội dung 2': a heading numbered as part of an index."""
    return bool(_NUMBERED.search(fold_key(heading)))


def names_framework(text: str, names: Sequence[str]) -> bool:
    """Does the document name the index framework ('PAPI', its full name) anywhere?"""
    key = f" {fold_key(text)} "
    return any(f" {fold_key(name)} " in key for name in names if fold_key(name))


def match_dimension(heading: str, refs: list[DimensionRef]) -> str | None:
    key = fold_key(heading)
    if not key or not refs:
        return None
    by_number = _by_number(key, refs)
    if by_number is not None:
        return by_number
    best: tuple[int, str] | None = None
    padded = f" {key} "
    for ref in refs:
        for name in filter(None, ref.names):  # the app may pass an empty English name
            name_key = fold_key(name)
            if name_key and f" {name_key} " in padded and (best is None or len(name_key) > best[0]):
                best = (len(name_key), ref.code)
    return best[1] if best else None


def _by_number(key: str, refs: list[DimensionRef]) -> str | None:
    match = _NUMBERED.search(key)
    if not match:
        return None
    token = match.group(1)
    number = int(token) if token.isdigit() else roman_value(token.upper())
    for ref in refs:
        code = fold_key(ref.code)
        digits = re.sub(r"\D", "", code)
        if code == str(number) or (digits and int(digits) == number and not code.isdigit()):
            return ref.code
    return None


def load_dimension_refs(path: str | Path) -> list[DimensionRef]:
    """Dimension references from a framework file such as quantri/indices/data/papi.json.

    A relative path is tried from the working directory, then from the repository root.
    """
    file = Path(path)
    if not file.is_absolute() and not file.exists():
        file = Path(__file__).resolve().parents[3] / file
    data = json.loads(file.read_text(encoding="utf-8"))
    return [
        DimensionRef(
            code=str(item["code"]),
            names=[n for n in [item.get("name_vi"), *item.get("aliases", [])] if n],
        )
        for item in data.get("dimensions", [])
    ]
