"""Footnotes as web copies of documents carry them: an inline marker ('ngân sách [2].',
'văn bản có liên quan[1];') and, at the very end of the page, the notes themselves
('[1] Nghị quyết số 163/2024/QH15 …'). Neither is part of a task, a unit or a date."""

import re
from dataclasses import replace

from .blocks import Block

_MARKER = re.compile(r"\s?\[(\d{1,2})\]")
_NOTE_START = re.compile(r"^\[(\d{1,2})\](?:\s|$)")


def remove_footnotes(blocks: list[Block]) -> list[Block]:
    """Drop the notes section (from the first note whose marker was cited above it to the
    end) and every inline marker."""
    if not any("[" in (block.text or "".join(block.cells or [])) for block in blocks):
        return blocks
    cited: set[str] = set()
    kept: list[Block] = []
    for block in blocks:
        start = None if block.is_row else _NOTE_START.match(block.text)
        if start and start.group(1) in cited:
            break
        cited.update(_MARKER.findall(block.text or " ".join(block.cells or [])))
        kept.append(_unmarked(block))
    return kept


def _unmarked(block: Block) -> Block:
    if block.is_row:
        cells = [_MARKER.sub("", cell) for cell in block.cells or []]
        return replace(block, cells=cells) if cells != block.cells else block
    text = _MARKER.sub("", block.text)
    return replace(block, text=text) if text != block.text else block
