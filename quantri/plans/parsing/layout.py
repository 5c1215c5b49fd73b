"""Cut a document into zones: header block, body, closing (recipients and signature), annex.

A decision that issues the plan as its attachment gives two zones: the decision (its
number, signer and recipients count for the plan) and the attached plan (its tasks).
"""

import re
from dataclasses import dataclass, field, replace

from .blocks import Block
from .closing import closing_start
from .fields import parse_number
from .header import doc_type
from .lines import is_separator
from .markers import split_marker
from .text import fold, fold_key, is_caps, is_person_name


@dataclass
class Zone:
    header: list[Block] = field(default_factory=list)
    body: list[Block] = field(default_factory=list)
    closing: list[Block] = field(default_factory=list)
    annex: list[Block] = field(default_factory=list)


@dataclass
class Layout:
    plan: Zone
    decision: Zone | None = None


def split_layout(blocks: list[Block]) -> Layout:
    blocks = _split_type_line(blocks)
    types = [(i, kind) for i, b in enumerate(blocks) if (kind := doc_type(b))]
    if types and types[0][1] == "decision":
        plan_at = next((i for i, kind in types if kind == "plan"), None)
        if plan_at is not None:
            start = _header_start(blocks, plan_at)
            return Layout(plan=_zone(blocks[start:]), decision=_zone(blocks[:start]))
    return Layout(plan=_zone(blocks))


_TYPE_AND_SUMMARY = re.compile(r"^(KẾ HOẠCH|QUYẾT ĐỊNH)\s+(\S.*)$")


def _split_type_line(blocks: list[Block]) -> list[Block]:
    """'KẾ HOẠCH Nâng cao Chỉ số PAPI năm 2022' on one line: the type, then the summary."""
    for index, block in enumerate(blocks[:40]):
        if block.is_row or doc_type(block):
            continue
        match = _TYPE_AND_SUMMARY.match(block.text.strip())
        if match and match.group(2)[:1].isupper() and not is_caps(match.group(2)):
            head = replace(block, text=match.group(1))
            tail = replace(block, text=match.group(2), list_kind=None)
            return [*blocks[:index], head, tail, *blocks[index + 1 :]]
    return blocks


def _zone(blocks: list[Block]) -> Zone:
    type_at = next((i for i, b in enumerate(blocks) if doc_type(b)), None)
    if type_at is None:
        type_at = _header_end(blocks)
        header, rest = blocks[:type_at], blocks[type_at:]
    else:
        header, rest = blocks[:type_at], blocks[type_at + 1 :]
    annex_at = _annex_start(rest)
    closing_at = closing_start(rest, 0, annex_at)
    if closing_at is None:
        closing_at = annex_at
    return Zone(header, rest[:closing_at], rest[closing_at:annex_at], rest[annex_at:])


def _is_header_line(block: Block) -> bool:
    if block.is_row:
        return False
    text = block.text.strip()
    if block.blank or not text or is_separator(text):
        return True
    if split_marker(text)[0] is not None:
        return False
    folded = fold(text)
    return (
        (is_caps(text, 3) and not is_person_name(text))
        or parse_number(text) is not None
        or "cong hoa xa hoi" in folded
        or "doc lap" in folded
        or (", ngay" in folded and "nam" in folded)
    )


def _header_start(blocks: list[Block], end: int) -> int:
    """First line of the header block that ends at ``end`` (scanning back to the signer)."""
    start = end
    while start > 0 and _is_header_line(blocks[start - 1]):
        start -= 1
    return start


def _header_end(blocks: list[Block]) -> int:
    """With no 'KẾ HOẠCH' line, the header is the run of header-like lines at the top."""
    end = 0
    while end < len(blocks) and _is_header_line(blocks[end]) and end < 12:
        end += 1
    return end


def _annex_start(blocks: list[Block]) -> int:
    for index, block in enumerate(blocks):
        if block.is_row:
            continue
        text = block.text.strip()
        if fold_key(text).startswith("phu luc") and (is_caps(text, 5) or len(text) <= 16):
            return index
    return len(blocks)
