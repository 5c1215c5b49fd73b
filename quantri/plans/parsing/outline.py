"""Paragraphs -> a tree, nesting by the order in which numbering kinds first appear.

'II.' then '1.' then '-' then '+' nest in that order in one plan, while another plan may use
'1.', 'a)', '-': a kind seen for the first time goes one level deeper, a kind already open
closes everything below it. Paragraphs without a marker are either unnumbered headings
(capitals, 'Chỉ số nội dung 2: ...', a short line ending with ':') or text of the open item.
"""

from dataclasses import dataclass, field

from .blocks import Block
from .markers import base_kind, is_bullet, is_dimension_heading, split_marker
from .text import is_caps_heading

STRUCTURAL_KINDS = frozenset({"roman", "arabic", "upper", "article"})
HEADING_KINDS = frozenset({"caps", "dimhead", "plain"})


@dataclass
class Table:
    number: int | None
    rows: list[list[str]] = field(default_factory=list)


@dataclass
class Node:
    kind: str
    text: str
    label: str = ""
    items: list = field(default_factory=list)  # Node | str | Table, in document order

    @property
    def children(self) -> list["Node"]:
        return [i for i in self.items if isinstance(i, Node)]

    @property
    def tables(self) -> list[Table]:
        return [i for i in self.items if isinstance(i, Table)]

    @property
    def texts(self) -> list[str]:
        return [i for i in self.items if isinstance(i, str)]


def paragraph_kind(block: Block) -> tuple[str | None, str, str]:
    """(kind, marker label, text without the marker) of one paragraph; kind None = body text."""
    if block.list_kind:
        return block.list_kind, "", block.text
    marker, rest = split_marker(block.text)
    if marker is not None:
        return marker.kind, marker.label, rest
    text = block.text
    if is_dimension_heading(text) and len(text) <= 200:
        return "dimhead", "", text
    if is_caps_heading(text) and len(text) <= 200:
        return "caps", "", text
    if len(text) <= 160 and text[:1].isupper():
        if text.endswith(":") or (block.bold and not text.endswith((".", ";"))):
            return "plain", "", text
    return None, "", text


def build_outline(blocks: list[Block]) -> Node:
    root = Node("root", "")
    stack = [root]
    kinds = [paragraph_kind(b) if not b.is_row else (None, "", "") for b in blocks]
    for index, block in enumerate(blocks):
        if block.is_row:
            _add_row(stack, block)
            continue
        kind, label, text = kinds[index]
        if kind == "plain" and (
            is_bullet(stack[-1].kind) or _next_is_structural(blocks, kinds, index)
        ):
            kind = None  # 'Cụ thể:' inside an item, or a lead-in above numbered items
        if kind is None:
            stack[-1].items.append(text)
            continue
        _close_for(stack, kind)
        node = Node(kind, text, label)
        stack[-1].items.append(node)
        stack.append(node)
    return root


def _family(kind: str) -> str:
    return "heading" if kind in HEADING_KINDS else kind


def _close_for(stack: list[Node], kind: str) -> None:
    """Pop the stack to where a paragraph of ``kind`` belongs. Unnumbered headings of any
    sort are one level, and never sit inside a bullet item."""
    families = [_family(n.kind) for n in stack]
    if _family(kind) in families:
        del stack[families.index(_family(kind)) :]
    elif kind in HEADING_KINDS:
        while len(stack) > 1 and is_bullet(stack[-1].kind):
            stack.pop()


def _next_is_structural(blocks: list[Block], kinds, index: int) -> bool:
    for following in range(index + 1, len(blocks)):
        if blocks[following].is_row:
            return False
        kind = kinds[following][0]
        if kind is not None:
            return base_kind(kind) in STRUCTURAL_KINDS or kind.startswith("decimal")
        return False
    return False


def _add_row(stack: list[Node], block: Block) -> None:
    """Rows join the table they belong to, under the deepest open heading (not a bullet)."""
    holder = next(n for n in reversed(stack) if not is_bullet(n.kind))
    last = holder.items[-1] if holder.items else None
    if not (isinstance(last, Table) and last.number == block.table):
        last = Table(block.table)
        holder.items.append(last)
    last.rows.append(list(block.cells or []))


def full_text(node: Node) -> str:
    """The node's text with everything nested under it, on one line."""
    parts = [node.text]
    for item in node.items:
        if isinstance(item, Node):
            parts.append(f"{item.label} {full_text(item)}".strip())
        elif isinstance(item, str):
            parts.append(item)
        else:
            parts.extend(" | ".join(c for c in row if c) for row in item.rows)
    return " ".join(p for p in parts if p).strip()


def list_items(node: Node) -> list[str]:
    """The items of a simple list section (purposes, responsibilities): each child with what
    is nested under it, or each paragraph when the section has no numbered items."""
    if node.children:
        items = [t for t in node.texts if not t.endswith(":")]
        return items + [full_text(child) for child in node.children]
    if node.texts:
        return list(node.texts)
    head, _, rest = node.text.partition(":")
    return [rest.strip()] if rest.strip() and len(rest.split()) >= 3 else []
