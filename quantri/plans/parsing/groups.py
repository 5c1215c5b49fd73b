"""The task part's outline -> task groups and their tasks.

A first-level item that is a heading (it has items under it, ends with ':', or names a
dimension) is a group; its items are tasks, with anything nested under a task kept in that
task's text. Numbered sub-headings inside a group ('a) Nhiệm vụ chung:') are not tasks:
the items under them are. A group with text but no items is one task, unless the text
enumerates '(1) ... (2) ...'.
"""

from collections.abc import Callable

from .fields import content_field, is_field_line
from .markers import is_bullet, split_enumeration
from .outline import HEADING_KINDS, Node, Table, full_text
from .prose import find_units, starts_unit, unit_heading
from .tables import RawGroup, RawTask, table_groups
from .text import sentences

DimensionOf = Callable[[str], str | None]


def groups_from_part(part: Node, title: str, dimension_of: DimensionOf) -> list[RawGroup]:
    groups: list[RawGroup] = []
    loose: RawGroup | None = None

    def add_loose(tasks: list[RawTask]) -> None:
        nonlocal loose
        if tasks and loose is None:
            loose = RawGroup(title)
            groups.append(loose)
        if loose is not None:
            loose.tasks.extend(tasks)

    for item in part.items:
        if isinstance(item, str):
            if not item.endswith(":"):
                add_loose(tasks_from_text(item))
        elif isinstance(item, Table):
            found, before = table_groups(item.rows)
            add_loose(before)
            groups.extend(found)
        elif is_group(item, dimension_of):
            groups.extend(_groups_of(item, dimension_of))
        else:
            add_loose(task_items(item))
    return [g for g in groups if g.tasks]


def has_only_fields(node: Node) -> bool:
    """'1. Tổ chức hội nghị' over '- Đơn vị chủ trì: ...', '- Thời gian: ...' is one task."""
    return bool(node.children) and all(is_field_line(c.text) for c in node.children)


def is_group(node: Node, dimension_of: DimensionOf) -> bool:
    if is_bullet(node.kind) or has_only_fields(node):
        return False
    if node.kind in HEADING_KINDS or node.children or node.tables:
        return True
    if node.texts:
        return _heading_like(node.text)
    head, inline = split_heading(node)
    # "3. Công khai minh bạch: Thực hiện ..." (a dimension, then its only task) is a group;
    # "3. Rà soát TTHC: hoàn thành trước 30/6." is a task
    return bool(inline) and (split_enumeration(node.text) is not None or bool(dimension_of(head)))


def _groups_of(node: Node, dimension_of: DimensionOf) -> list[RawGroup]:
    """One group, or one per sub-heading when the sub-headings are the dimensions
    ('1. Nhóm chỉ số...' holding '1.1. Chỉ số nội dung 1', '1.2. Chỉ số nội dung 2')."""
    title, _ = split_heading(node)
    from_tables = [table_groups(table.rows) for table in node.tables]
    if any(found for found, _ in from_tables):
        own = RawGroup(title, [task for _, loose in from_tables for task in loose])
        for child in node.children:
            own.tasks.extend(task_items(child))
        return [own] + [group for found, _ in from_tables for group in found]
    sub = [
        c for c in node.children if is_group(c, dimension_of) and dimension_of(split_heading(c)[0])
    ]
    if sub and not dimension_of(title):
        own = RawGroup(title)
        groups = [own]
        for child in node.children:
            if is_group(child, dimension_of):
                groups.extend(_groups_of(child, dimension_of))
            else:
                own.tasks.extend(task_items(child))
        return groups
    return [RawGroup(title, tasks_in(node))]


def split_heading(node: Node) -> tuple[str, list[str]]:
    """'Công khai minh bạch: (1) A; (2) B' -> ('Công khai minh bạch', ['A', 'B']); and, for
    an item with nothing under it, 'Công khai minh bạch: Thực hiện ... .' -> ('Công khai
    minh bạch', ['Thực hiện ... .'])."""
    text = node.text
    enumeration = split_enumeration(text)
    if enumeration:
        lead, items = enumeration
        return _clean_title(lead), items
    head, colon, rest = text.partition(":")
    rest = rest.strip()
    sentence = rest.endswith((".", ";")) or len(rest.split()) >= 14
    if colon and not node.items and len(head) <= 100 and rest and sentence:
        return _clean_title(head), [rest]
    return _clean_title(text), []


def _clean_title(text: str) -> str:
    return text.strip().rstrip(":;,.").strip()


def _heading_like(text: str) -> bool:
    return text.endswith(":") or (len(text) <= 120 and not text.endswith((".", ";")))


def tasks_in(node: Node, section: str | None = None) -> list[RawTask]:
    _, inline = split_heading(node)
    tasks = [RawTask(text, section) for text in inline]
    if not node.children and not node.tables:
        text = " ".join(node.texts)
        return tasks + (tasks_from_text(text, section) if text else [])
    lead_in = None
    containers = _items_are_subheadings(node)
    for item in node.items:
        if isinstance(item, str):
            if item.endswith(":"):
                lead_in = item
            else:
                tasks.extend(tasks_from_text(item, section))
        elif isinstance(item, Table):
            tasks.extend(_table_tasks(item, section))
        elif item.kind in HEADING_KINDS or (containers and _is_subheading(item)):
            found = tasks_in(item, split_heading(item)[0])
            if item.text.endswith(":"):  # 'Giao Văn phòng Sở chủ trì các nhiệm vụ sau:'
                for task in found:
                    task.lead_in = task.lead_in or item.text
            tasks.extend(found)
        else:
            tasks.extend(task_items(item, section))
    if lead_in:
        for task in tasks:
            task.lead_in = task.lead_in or lead_in
    return tasks


def _items_are_subheadings(node: Node) -> bool:
    """'a) Nhiệm vụ chung:' and 'b) Nhiệm vụ cụ thể:', each with items under it, are
    sub-headings; 'a) Kiểm tra ...:' with two dashes next to a plain 'b) Công khai ...' is a
    task whose dashes are part of it."""
    numbered = [c for c in node.children if not is_bullet(c.kind) and c.kind not in HEADING_KINDS]
    return bool(numbered) and all(_is_subheading(c) for c in numbered)


def _is_subheading(node: Node) -> bool:
    if is_bullet(node.kind) or has_only_fields(node):
        return False
    if node.kind in HEADING_KINDS:
        return bool(node.items)
    if node.children or node.tables:
        return _heading_like(node.text) or _names_a_unit(node.text)
    # '2.12. Các Sở, ban, ngành khác' over a paragraph (not a list) of what they do
    return bool(node.texts) and _names_a_unit(node.text) and _heading_like(node.text)


def _names_a_unit(text: str) -> bool:
    """'1.3. Các cơ quan tham mưu quản lý ngành, lĩnh vực (gồm các Sở: Xây dựng, …)' over its
    duties: a unit named at length is still a heading, however long, when no sentence ends."""
    if text.rstrip().endswith((".", ";")):
        return False
    return starts_unit(text) or unit_heading(text) is not None  # 'Đề nghị Liên đoàn Lao động tỉnh'


def task_items(node: Node, section: str | None = None) -> list[RawTask]:
    """One task from an item and everything under it — or several when the item is only a
    lead-in to an inline '(1) ... (2) ...' list."""
    if not node.children and not node.texts:
        # "(1) A; (2) B" on one line: the outline took "(1)" as this item's marker
        text = f"{node.label} {node.text}" if node.kind == "paren" else node.text
        enumeration = split_enumeration(text)
        if enumeration and (not enumeration[0] or enumeration[0].endswith(":")):
            return _enumerated(*enumeration, section)
    if has_only_fields(node):
        return [RawTask(full_text(node), section, title=_field_task_title(node))]
    return [RawTask(full_text(node), section)]


def _field_task_title(node: Node) -> str | None:
    """'1. Tổ chức tập huấn' over its '- Cơ quan chủ trì: …' lines is titled by its heading;
    'a) Nhiệm vụ: … b) Cơ quan thực hiện: …' by the words of its 'Nhiệm vụ' part."""
    if node.text.strip():
        return node.text.strip().rstrip(":")
    return next((c for c in map(content_field, (ch.text for ch in node.children)) if c), None)


def tasks_from_text(text: str, section: str | None = None) -> list[RawTask]:
    enumeration = split_enumeration(text)
    if enumeration:
        return _enumerated(*enumeration, section)
    return [RawTask(text, section)]


def _enumerated(lead: str, items: list[str], section: str | None) -> list[RawTask]:
    """Tasks of an inline list. A sentence after the last item that names units ('Phòng Nội
    vụ chủ trì ... thực hiện.') applies to every item, not just the last."""
    items = list(items)
    defaults = lead or None
    first, *rest = sentences(items[-1])
    if rest and find_units(" ".join(rest)).lead:
        defaults = " ".join(rest)
        items[-1] = first.rstrip(";")
    return [RawTask(item, section, lead_in=defaults) for item in items]


def _table_tasks(table: Table, section: str | None) -> list[RawTask]:
    groups, loose = table_groups(table.rows)
    for task in loose:
        task.section = section
    for group in groups:
        for task in group.tasks:
            task.section = group.title
    return loose + [task for group in groups for task in group.tasks]
