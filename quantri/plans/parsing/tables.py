"""Task tables: 'STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian
hoàn thành | Sản phẩm', in any column order, some columns missing, with group rows and a
header row that may repeat where the table continues on a new page."""

import re
from dataclasses import dataclass, field

from .blocks import Block
from .markers import is_dimension_heading, roman_value, split_marker
from .text import fold_key, is_caps_heading, squash

# Checked in this order: 'Cơ quan phối hợp' must not be read as a lead column.
_ROLE_WORDS = [
    ("stt", r"^(?:stt|tt|so tt|so thu tu)$"),
    ("support", r"\bphoi hop\b"),
    (
        "lead",
        r"\bchu tri\b|\b(?:don vi|co quan|bo phan|can bo) thuc hien\b|\bphu trach\b"
        r"|\btrach nhiem\b|\bco quan soan thao\b",  # a law-making plan's drafting body
    ),
    ("due", r"\bthoi gian\b|\bthoi han\b|\btien do\b|\bhan hoan thanh\b"),
    ("output", r"\bsan pham\b|\bket qua\b|\bdau ra\b"),
    ("note", r"\bghi chu\b"),
    # 'Chỉ tiêu | Chủ trì': an annex assigning the plan's targets, each one a task
    (
        "content",
        r"\bnoi dung\b|\bnhiem vu\b|\bcong viec\b|\bgiai phap\b|\bhoat dong\b|\bten\b"
        r"|\bchi tieu\b",
    ),
]
_ROLES = [(role, re.compile(pattern)) for role, pattern in _ROLE_WORDS]


@dataclass
class RawTask:
    """A task as found, before its fields are read: its text and any table columns."""

    text: str
    section: str | None = None
    lead: str | None = None
    support: str | None = None
    due: str | None = None
    output: str | None = None
    lead_in: str | None = None  # 'Văn phòng Sở chủ trì các nhiệm vụ sau:' above the task
    title: str | None = None  # the item's heading when its fields are written under it
    group_lead: str | None = None  # the unit the group heading names ('III. ... 1. Sở Y tế')


@dataclass
class RawGroup:
    title: str
    tasks: list[RawTask] = field(default_factory=list)


def column_roles(cells: list[str]) -> dict[int, str] | None:
    """Column index -> role when the row is a task table's header row, else None."""
    roles: dict[int, str] = {}
    for index, cell in enumerate(cells):
        role = _role(cell)
        if role and role not in roles.values():
            roles[index] = role
    found = set(roles.values())
    if "content" in found and len(found) >= 3 and found & {"lead", "due", "stt", "output"}:
        return roles
    return None


def _role(cell: str) -> str | None:
    key = fold_key(cell)
    if not key or len(key) > 80:
        return None
    return next((role for role, pattern in _ROLES if pattern.search(key)), None)


def header_at(rows: list[list[str]], limit: int = 3) -> tuple[int, dict[int, str]] | None:
    """(row index, roles) of the header among the first rows, merging a two-row header such
    as 'Cơ quan thực hiện' over 'Chủ trì | Phối hợp'."""
    for index, row in enumerate(rows[:limit]):
        roles = column_roles(row)
        if roles is None:
            continue
        if index + 1 < len(rows) and _has_merged_cells(row):
            below = {i: r for i, c in enumerate(rows[index + 1]) if (r := _role(c))}
            short = all(len(c) <= 40 for c in rows[index + 1])
            if len(below) >= 2 and short and not _is_number_row(rows[index + 1]):
                return index + 1, _unique({**roles, **below})
        return index, roles
    return None


def _has_merged_cells(row: list[str]) -> bool:
    return any(a.strip() and a == b for a, b in zip(row, row[1:], strict=False))


def _unique(roles: dict[int, str]) -> dict[int, str]:
    seen, out = set(), {}
    for index in sorted(roles):
        if roles[index] not in seen:
            seen.add(roles[index])
            out[index] = roles[index]
    return out


def _is_number_row(row: list[str]) -> bool:
    """The '(1) (2) (3)' row many tables put under the header."""
    values = [c.strip("() ") for c in row if c.strip()]
    return len(values) >= 3 and all(v.isdigit() for v in values)


def is_task_table(rows: list[list[str]]) -> bool:
    return header_at(rows) is not None


def table_groups(rows: list[list[str]]) -> tuple[list[RawGroup], list[RawTask]]:
    """Group rows become groups; task rows before the first group row are returned apart."""
    found = header_at(rows)
    if found is None:
        return [], []
    start, roles = found
    header_keys = [fold_key(c) for c in rows[start]]
    groups: list[RawGroup] = []
    loose: list[RawTask] = []
    body = rows[start + 1 :]
    body = [_aligned(row, roles) for row in body]
    for index, row in enumerate(body):
        if _is_number_row(row) or [fold_key(c) for c in row] == header_keys:
            continue
        if column_roles(row) is not None:  # header repeated on a new page
            continue
        following = _cell(body[index + 1], roles, "stt") if index + 1 < len(body) else ""
        title = _group_title(row, roles, following)
        if title:
            groups.append(RawGroup(title))
            continue
        task = _task(row, roles)
        if task:
            (groups[-1].tasks if groups else loose).append(task)
    return groups, loose


_STT_LENGTH = 20


def _aligned(row: list[str], roles: dict[int, str]) -> list[str]:
    """A number column holds short numbers; a long text there means the copy dropped the
    row's empty number cell, and every cell sits one column to the left."""
    if roles.get(0) == "stt" and row and len(row[0].strip()) > _STT_LENGTH:
        return ["", *row]
    return row


def _cell(row: list[str], roles: dict[int, str], role: str) -> str:
    index = next((i for i, r in roles.items() if r == role), None)
    if index is None or index >= len(row):
        return ""
    return squash(row[index].replace("\n", " "))


def _group_title(row: list[str], roles: dict[int, str], next_number: str) -> str | None:
    """The title when the row heads a group: merged across the row, numbered 'I' or 'A',
    a heading with nothing in the other columns, or '1' followed by '1.1'."""
    values = [squash(c) for c in row if c.strip()]
    if not values:
        return None
    if len(values) >= 2 and len(set(values)) == 1:  # one cell merged across the row
        return _strip_marker(values[0])
    number, content = _cell(row, roles, "stt"), _cell(row, roles, "content")
    # 'I | NHÓM NHIỆM VỤ …' with the heading merged over every column after the number
    rest = [squash(c) for i, c in enumerate(row) if roles.get(i) != "stt" and c.strip()]
    if len(rest) >= 2 and len(set(rest)) == 1 and len(rest) == len(row) - (1 if number else 0):
        return _strip_marker(rest[0])
    details = [_cell(row, roles, r) for r in ("lead", "support", "due", "output")]
    if not content or any(details):
        return None
    token = number.strip(" .")
    if token and (roman_value(token) or re.fullmatch(r"[A-HĐ]", token)):
        return _strip_marker(content)
    marker = split_marker(content)[0] if not token else None
    if marker and marker.kind == "roman":  # 'I. Văn bản …' written in the content cell
        return _strip_marker(content)
    if token and next_number.startswith(token + "."):
        return _strip_marker(content)
    if is_caps_heading(content) or content.endswith(":") or is_dimension_heading(content):
        return _strip_marker(content)
    return None


def _strip_marker(text: str) -> str:
    marker, rest = split_marker(text)
    return rest.rstrip(" :") if marker else text.rstrip(" :")


def _task(row: list[str], roles: dict[int, str]) -> RawTask | None:
    content = _cell(row, roles, "content")
    if not content:
        return None
    return RawTask(
        text=content,
        lead=_cell(row, roles, "lead") or None,
        support=_cell(row, roles, "support") or None,
        due=_cell(row, roles, "due") or None,
        output=_cell(row, roles, "output") or None,
    )


def flatten_other_tables(blocks: list[Block]) -> list[Block]:
    """Keep the rows of task tables; read any other table (the two-column header, the
    signature block) cell by cell as lines, the way it reads on paper."""
    by_table: dict[int | None, list[list[str]]] = {}
    for block in blocks:
        if block.is_row:
            by_table.setdefault(block.table, []).append(block.cells or [])
    keep = {number for number, rows in by_table.items() if is_task_table(rows)}
    out: list[Block] = []
    for block in blocks:
        if not block.is_row or block.table in keep:
            out.append(block)
            continue
        previous = None
        for cell in block.cells or []:
            if cell == previous:
                continue  # a merged cell repeats its text in each column it spans
            previous = cell
            out.extend(
                Block(text=line.strip(), logical=True) for line in cell.split("\n") if line.strip()
            )
    return out
