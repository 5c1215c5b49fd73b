"""The plan body -> its parts (purposes, tasks, organisation) and what each part holds.

Part titles vary ('NHIỆM VỤ', 'NHIỆM VỤ, GIẢI PHÁP', 'NỘI DUNG', 'KẾ HOẠCH THỰC HIỆN') and so
does their numbering (I., 1., capitals with no number): the numbering kind that carries the
most known part titles is taken as the part level.
"""

import re
from collections import Counter
from dataclasses import dataclass

from .blocks import Block
from .groups import DimensionOf, groups_from_part
from .markers import base_kind
from .outline import Node, build_outline, list_items, paragraph_kind
from .prose import find_units, unit_heading
from .tables import RawGroup
from .text import fold_key

_CATEGORIES = [
    ("organisation", ("to chuc thuc hien", "trach nhiem thuc hien", "phan cong thuc hien",
                      "dieu khoan thi hanh", "trach nhiem cua cac")),
    ("reporting", ("che do bao cao", "che do thong tin bao cao")),
    ("funding", ("kinh phi",)),
    ("purposes", ("muc dich", "muc tieu", "yeu cau", "quan diem")),
    ("tasks", ("nhiem vu", "giai phap", "noi dung", "ke hoach thuc hien", "hoat dong",
               "cong viec", "phan cong nhiem vu")),
]  # fmt: skip
DEFAULT_GROUP_TITLE = "Nhiệm vụ"  # tasks found under no heading at all
_PART_KINDS = ("roman", "upper", "caps", "arabic", "plain")  # preferred in this order on a tie
_DIMENSION_NUMBER = re.compile(r"^(?:noi dung|chi so noi dung|truc noi dung)\s+\d")


@dataclass
class Part:
    title: str
    category: str
    node: Node
    size: int


def classify(title: str) -> str:
    """'NHIỆM VỤ, GIẢI PHÁP' -> 'tasks'; 'TỔ CHỨC THỰC HIỆN' -> 'organisation'; ..."""
    key = re.sub(r"^(?:phan\s+(?:[ivx]+|\d+)\s+)?(?:cac|nhung)?\s*", "", fold_key(title))
    if _DIMENSION_NUMBER.match(key):
        return "other"
    for category, words in _CATEGORIES:
        if any(key == w or key.startswith(w + " ") for w in words):
            return category
    return "other"


def split_parts(paragraphs: list[Block]) -> tuple[list[Block], list[Part]]:
    """(preamble, parts) — the preamble is everything before the first part heading."""
    kinds = [paragraph_kind(p) if not p.is_row else (None, "", "") for p in paragraphs]
    level = _part_level(kinds)
    if level is None:
        return paragraphs, []
    starts = [i for i, (kind, _, _) in enumerate(kinds) if kind == level]
    parts = []
    for start, end in zip(starts, starts[1:] + [len(paragraphs)], strict=True):
        title = kinds[start][2].rstrip(" :.")
        node = build_outline(paragraphs[start + 1 : end])
        parts.append(Part(title, classify(title), node, end - start))
    return paragraphs[: starts[0]], parts


def _part_level(kinds) -> str | None:
    counts: Counter[str] = Counter()
    for kind, _, text in kinds:
        if kind and base_kind(kind) in _PART_KINDS and len(text) <= 100:
            counts[kind] += classify(text) != "other"
    if not any(counts.values()):
        return None
    return max(counts, key=lambda k: (counts[k], -_PART_KINDS.index(base_kind(k))))


def purposes_and_requirements(parts: list[Part]) -> tuple[list[str], list[str]]:
    purposes: list[str] = []
    requirements: list[str] = []
    for part in parts:
        if part.category != "purposes":
            continue
        subsections = [(c, _purpose_kind(c.text)) for c in part.node.children]
        if any(kind for _, kind in subsections):
            for child, kind in subsections:
                target = requirements if kind == "requirement" else purposes
                target.extend(list_items(child))
        elif _purpose_kind(part.title) == "requirement":
            requirements.extend(list_items(part.node))
        else:
            purposes.extend(list_items(part.node))
    return purposes, requirements


def _purpose_kind(title: str) -> str | None:
    key = fold_key(title)
    if key.startswith(("muc dich", "muc tieu")):
        return "purpose"
    return "requirement" if key.startswith("yeu cau") else None


def responsibilities(parts: list[Part]) -> list[str]:
    return [item for p in parts if p.category == "organisation" for item in list_items(p.node)]


def task_groups(
    preamble: list[Block], parts: list[Part], dimension_of: DimensionOf
) -> tuple[list[RawGroup], str | None]:
    """Groups from the task parts, and the title of the part used when none is named so."""
    task_parts = [p for p in parts if p.category == "tasks"]
    fallback = None
    if not task_parts:
        others = [p for p in parts if p.category == "other"]
        if others:
            task_parts = [max(others, key=lambda p: p.size)]
            fallback = task_parts[0].title
    if not parts:
        outline = build_outline(_after_preamble(preamble))
        return groups_from_part(outline, DEFAULT_GROUP_TITLE, dimension_of), None
    groups = []
    for part in task_parts:
        groups.extend(groups_from_part(part.node, part.title, dimension_of))
    return groups, fallback


def duties_by_unit(parts: list[Part], dimension_of: DimensionOf) -> list[RawGroup]:
    """'Tổ chức thực hiện' written as '1. Sở Xây dựng' over its duties, '2. Sở Tài chính' ...:
    each unit is a group of tasks it leads. Written as sentences ('Sở Nội vụ chịu trách nhiệm
    theo dõi ...') the part is coordination and reporting, not tasks."""
    groups: list[RawGroup] = []
    for part in parts:
        if part.category != "organisation":
            continue
        children = part.node.children
        units = [c for c in children if c.items and _heading_unit(c)]
        # the other paragraphs of such a part give one duty each to the unit they open with
        by_unit = [c for c in children if c.items and _heading_unit(c) or _opens_duty(c)]
        if len(units) >= 2 and 2 * len(by_unit) >= len(children):
            found = groups_from_part(part.node, part.title, dimension_of)
            _lead_from_heading(found, {fold_key(c.text)[:40]: _heading_unit(c) for c in units})
            groups.extend(found)
    return groups


def _heading_unit(node) -> str | None:
    """The unit a heading gives its duties to. A long heading broken at a ';' line end ('9. Ủy
    ban nhân dân các xã chủ động bố trí kinh phí …;' / 'đồng thời … cụ thể sau:') is read
    whole, up to the ':' over its duties."""
    lead = unit_heading(node.text)
    if lead:
        return lead
    heading = node.text
    for item in node.items:
        if not isinstance(item, str):
            break
        heading = f"{heading} {item}"
        if item.endswith(":"):
            return unit_heading(heading)
    return None


def _lead_from_heading(groups: list[RawGroup], leads: dict[str, str | None]) -> None:
    """The heading's ':' that marks 'Sở X chủ trì, phối hợp với …:' as the unit's list of
    duties is gone from the group's title, so its lead is read here from the heading."""
    for group in groups:
        lead = leads.get(fold_key(group.title)[:40])
        for task in group.tasks:
            task.group_lead = task.group_lead or lead


def _opens_duty(child) -> bool:
    """'Bộ Tư lệnh Thành phố chủ trì, phối hợp với … thực hiện việc …': one unit, one duty."""
    return not child.items and find_units(child.text, subject=True).lead is not None


def _after_preamble(paragraphs: list[Block]) -> list[Block]:
    """With no part headings at all, the tasks start at the first numbered paragraph."""
    for index, block in enumerate(paragraphs):
        if block.is_row or paragraph_kind(block)[0] not in (None, "caps"):
            return paragraphs[index:]
    return []
