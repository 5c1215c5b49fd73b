"""Task tables flattened to one cell per line, as text copied from a web page or a PDF gives
them: 'TT' / 'Nội dung thực' / 'hiện' / 'Cơ quan chủ trì' / ... then, for each row, its
number alone on a line followed by its cells, each cell itself broken across lines.

The header names the columns in order; a row starts at its number ('1', '2', ... or 'I', 'II'
for a group row). Inside a row a cell starts at a line opening with a capital after a line
that ends a cell; the task's own text is the one long cell, so extra breaks are merged into
it, and the deadline cell (a date, a quarter, a year, 'Thường xuyên') anchors the cells around
it when some cells are empty.
"""

import re

from .blocks import Block
from .fields import due_date, recurrence_of
from .markers import roman_value
from .prose import starts_unit
from .tables import RawGroup, RawTask, _role
from .text import fold, squash

_STT = re.compile(r"^(?:\d{1,3}|\d{1,2}(?:\.\d{1,2})+|[IVX]{1,5}|[A-H])\.?$")
_DECIMAL = re.compile(r"^\d{1,2}(?:\.\d{1,2})+$")
# A group row whose number and title share a line ('I. Kinh' / 'tế số')
_ELLIPSIS = re.compile(r"^[….]{3,}$|^…+[.…]*$")
_ROMAN_TITLE = re.compile(r"^([IVX]{1,5})\.\s+(\S.*)$")
_DEADLINE_START = re.compile(
    r"^(?:(?:nam|quy|qui|thang|truoc|tu|den|giai doan|hang|hang nam|dinh ky|thuong xuyen|trong"
    r"|sau khi|theo ke hoach|theo tien do)\b"
    r"|\d{4}\b|\d{1,2}/\d{1,2}/\d{4})"
)
_MAX_HEADER_LINES = 16


def flat_table_groups(blocks: list[Block]) -> tuple[list[RawGroup], list[RawTask]]:
    """Groups and loose tasks of the first flattened task table in the blocks, if any."""
    lines = [squash(b.text) for b in blocks if not b.is_row and not b.blank and b.text.strip()]
    for start, line in enumerate(lines):
        if _role(line) == "stt":
            header = _header(lines, start)
            if header:
                roles, body_at = header
                return _rows(lines[body_at:], roles)
    return [], []


def _header(lines: list[str], start: int) -> tuple[list[str], int] | None:
    """The column roles in order and where the body starts, when a task table begins here."""
    roles: list[str] = []
    index = start
    while index < len(lines) and index - start < _MAX_HEADER_LINES:
        line = lines[index]
        if (_STT.match(line) or _ROMAN_TITLE.match(line)) and roles:
            break
        role = _role(line)
        if role and role not in roles:
            roles.append(role)
        elif role is None and _continues_header(line):
            pass
        elif role is None and len(line) <= 40 and roles.count("other") < 2:
            roles.append("other")  # 'Nguồn kinh phí', 'Ghi chú': a column no task field takes
        elif role is None:
            return None
        index += 1
    found = set(roles)
    if "content" in found and len(found) >= 3 and found & {"lead", "due"}:
        return roles, index
    return None


def _continues_header(line: str) -> bool:
    """'hiện' under 'Nội dung thực', '(1)': the rest of a header cell."""
    return len(line) <= 25 and (line[:1].islower() or line.startswith("("))


def _rows(lines: list[str], roles: list[str]) -> tuple[list[RawGroup], list[RawTask]]:
    columns = [r for r in roles if r != "stt"]
    groups: list[RawGroup] = []
    loose: list[RawTask] = []
    expected = 1
    row: list[str] = []
    label = None

    def flush() -> None:
        if label is None or not row:
            return
        if _is_group_label(label):
            groups.append(RawGroup(squash(" ".join(row)).rstrip(" :")))
            return
        task = _task(_row_cells(row, columns), columns)
        if task:
            (groups[-1].tasks if groups else loose).append(task)

    for line in lines:
        if _ELLIPSIS.match(line):  # the site cut rows out here: numbering goes on unknown
            flush()
            label, row, expected = None, [], 0
            continue
        titled = _ROMAN_TITLE.match(line)
        if titled and roman_value(titled.group(1)):
            flush()
            label, row = titled.group(1), [titled.group(2)]
            continue
        token = line.rstrip(".")
        if _STT.match(line) and (
            _is_group_label(token)
            or token in (str(expected), "1")
            or _DECIMAL.match(token)
            or (expected == 0 and token.isdigit())
        ):
            flush()
            label, row = token, []
            # numbering may restart at '1' or run on under the next group ('II', '4')
            expected = int(token) + 1 if token.isdigit() else expected
            continue
        if label is not None:
            row.append(line)
    flush()
    return [g for g in groups if g.tasks], loose


def _is_group_label(token: str) -> bool:
    return bool(roman_value(token)) or bool(re.fullmatch(r"[A-H]", token))


def _cells(lines: list[str]) -> list[str]:
    return [squash(" ".join(c)) for c in _cell_lines(lines)]


def _cell_lines(lines: list[str]) -> list[list[str]]:
    cells: list[list[str]] = []
    for line in lines:
        if cells and not _opens_cell(cells[-1][-1], line):
            cells[-1].append(line)
        else:
            cells.append([line])
    return cells


def _row_cells(lines: list[str], columns: list[str]) -> list[str]:
    """The row's cells; when the cells before the deadline are too few for their columns,
    a short capitalised last line of the task's text is taken as the lead cell it was glued
    to ('… trong phòng thủ dân sự' / 'Sở Y tế' reads as one sentence by width alone)."""
    cells = _cell_lines(lines)
    texts = [squash(" ".join(c)) for c in cells]
    after_content = columns[columns.index("content") + 1 :] if "content" in columns else []
    due_at = next((i for i in range(1, len(texts)) if _is_deadline(texts[i])), None)
    if due_at is None or "due" not in after_content:
        return _unit_glued(cells, texts, after_content)
    wanted = after_content.index("due")
    content = cells[0]
    glued = _glued_at(content) if due_at - 1 < wanted else None
    if glued is not None:
        cell = squash(" ".join(content[glued:]))
        return [squash(" ".join(content[:glued])), cell, *texts[1:]]
    return texts


def _unit_glued(cells: list[list[str]], texts: list[str], after: list[str]) -> list[str]:
    """A row with no deadline cell whose lead cell ran into the task's text ('… chữ ký điện
    tử cá nhân đạt 80%' / 'Tỉnh đoàn'): split where a unit's name starts the narrow last lines."""
    if "lead" not in after or len(texts) - 1 >= len(after):
        return texts
    content = cells[0]
    glued = _glued_at(content)
    if glued is None or not starts_unit(" ".join(content[glued:])):
        return texts
    return [squash(" ".join(content[:glued])), squash(" ".join(content[glued:])), *texts[1:]]


def _glued_at(lines: list[str]) -> int | None:
    """Where a narrow cell starts inside the task's text: the first of its last lines that
    are all narrow, opening with a capital after a wide line that does not run on."""
    for start in range(len(lines) - 1, 0, -1):
        if len(lines[start]) >= _WIDE_LINE:
            return None
        previous = lines[start - 1]
        if (
            len(previous) >= _WIDE_LINE
            and lines[start][:1].isupper()
            and not previous.endswith((",", "-", "–", "(", " và", " của", " theo"))
        ):
            return start
    return None


_WIDE_LINE = 45  # only the task's text runs this wide; the unit and date columns are narrow


def _opens_cell(previous: str, line: str) -> bool:
    if len(line) <= 30 and line[:1].isupper() and _is_deadline(line):
        return True  # 'Quí IV-2025', 'Hằng năm' after a wide unit cell: the deadline column
    if previous.endswith((",", "-", "–", "(")) or previous.rstrip().endswith(" và"):
        return False
    if len(previous) >= _WIDE_LINE and not previous.endswith((".", ";", ":")):
        return False
    if fold(previous).endswith((" ngay", " thang", " nam", " quy", " den", " truoc")):
        return False  # 'Trước ngày' over '30/11/2025'
    first = line[:1]
    return first.isupper() or first.isdigit() and bool(_DEADLINE_START.match(fold(line)))


def _is_deadline(cell: str) -> bool:
    folded = fold(cell).strip()
    return bool(
        _DEADLINE_START.match(folded) and (due_date(cell) or recurrence_of(cell) or len(cell) < 60)
    )


def _task(cells: list[str], columns: list[str]) -> RawTask | None:
    if not cells or "content" not in columns:
        return None
    values = _align(cells, columns)
    content = values.get("content")
    if not content:
        return None
    return RawTask(
        text=content,
        lead=values.get("lead"),
        support=values.get("support"),
        due=values.get("due"),
        output=values.get("output"),
    )


def _align(cells: list[str], columns: list[str]) -> dict[str, str]:
    """Cells to columns: the task text takes the extra breaks; the deadline cell, when there
    is one, fixes which cells sit before and after it."""
    after_content = columns[columns.index("content") + 1 :]
    due_at = next((i for i in range(1, len(cells)) if _is_deadline(cells[i])), None)
    if due_at is not None and "due" in after_content:
        before = after_content[: after_content.index("due")]
        start = max(1, due_at - len(before))
        values = dict(zip(before, cells[start:due_at], strict=False))
        values["due"] = cells[due_at]
        rest = after_content[after_content.index("due") + 1 :]
        values.update(_in_order(cells[due_at + 1 :], rest))
    else:
        start = max(1, len(cells) - len(after_content))
        values = _in_order(cells[start:], after_content)
    values["content"] = " ".join(cells[:start])
    return values


def _in_order(cells: list[str], columns: list[str]) -> dict[str, str]:
    values = dict(zip(columns, cells, strict=False))
    if columns and len(cells) > len(columns):  # extra breaks belong to the last column
        values[columns[-1]] = " ".join(cells[len(columns) - 1 :])
    return values
