"""Text extracted from PDF: drop page debris and join broken lines into paragraphs.

PDF text comes one printed line at a time, often with a blank line between every two lines,
page numbers ('2', '- 2 -', 'Trang 2', '2/5') and running headers repeated on each page.
A paragraph starts at a numbering marker, after a line that ends a sentence or clause, or
where capitals headings begin or end; any other line continues the paragraph above it.
"""

import re
from collections import Counter
from dataclasses import replace

from .blocks import Block
from .fields import ABBREVIATIONS
from .markers import is_dimension_heading, split_marker
from .text import fold, is_caps, is_caps_heading, squash

_PAGE_NUMBER = re.compile(
    r"^(?:[-–—]?\s*\d{1,3}\s*[-–—]?"
    r"|(?:trang|page)\s*\d{1,3}(?:\s*(?:/|of|tren)\s*\d{1,3})?"
    r"|\d{1,3}\s*/\s*\d{1,3})$"
)
_SEPARATOR = re.compile(r"^[-_=*~.…\s]{3,}$")
_TERMINATORS = (".", ":", ";", "!", "?")
_OPENERS = re.compile(
    r"^(?:Căn cứ|Thực hiện|Xét|Kính gửi|Nơi nhận|Số\s*:|\(Ban hành kèm theo|(?:KT|TM|TL|TUQ)\.\s)"
)
# A marker left alone on its line when the PDF put a tab between it and its text.
_LONE_MARKER = re.compile(r"^(?:[-–+•*]|\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\)|[IVX]{1,5}\.)$")
# Words after which a number on the next line continues the sentence ("khoản \n 2. ...").
_NUMBER_CONTEXT = {"so", "ngay", "quy", "khoan", "dieu", "muc", "diem", "luc"}


def is_separator(text: str) -> bool:
    return bool(_SEPARATOR.match(text)) and not text.strip(" .…")[:1].isalnum()


def remove_page_debris(blocks: list[Block]) -> list[Block]:
    """Drop page numbers and the headers/footers repeated on each page."""
    repeated = _repeated_page_edges(blocks)
    row_numbers = _row_numbers(blocks)
    return [
        block
        for index, block in enumerate(blocks)
        if not _printed(block)
        or index in row_numbers
        or not (_is_page_number(block.text) or _edge_key(block.text) in repeated)
    ]


_STT_CELL = re.compile(r"^\s*(?:STT|TT|Số TT)\s*$", re.IGNORECASE)
_ROW_GAP = 15  # a table row of a flattened table is a few lines; a printed page is 40 or more


def _row_numbers(blocks: list[Block]) -> set[int]:
    """Bare numbers that count the rows of a table flattened to one cell per line ('1', a few
    cells, '2', ...): they follow each other closely, page numbers do not."""
    header = next(
        (i for i, b in enumerate(blocks) if _printed(b) and _STT_CELL.match(b.text)), None
    )
    if header is None:
        return set()
    numbers = [
        (i, int(b.text.strip()))
        for i, b in enumerate(blocks[header:], start=header)
        if _printed(b) and b.text.strip().isdigit() and len(b.text.strip()) <= 3
    ]
    kept: set[int] = set()
    for (i, a), (j, b) in zip(numbers, numbers[1:], strict=False):
        if b in (a + 1, 1) and j - i <= _ROW_GAP:  # the next row, or the next group's first
            kept.update((i, j))
    return kept


def _printed(block: Block) -> bool:
    """A printed line (from PDF or a text file), as opposed to a Word paragraph or a row."""
    return not (block.is_row or block.blank or block.logical)


def _is_page_number(text: str) -> bool:
    return bool(_PAGE_NUMBER.match(fold(text).strip()))


def _edge_key(text: str) -> str:
    return re.sub(r"\d+", "#", fold(squash(text)))


def _repeated_page_edges(blocks: list[Block]) -> set[str]:
    """Lines among the first/last two of a page that come back on other pages."""
    pages = _pages([b for b in blocks if _printed(b)])
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for lines in pages:
        counts.update({_edge_key(line) for line in lines[:2] + lines[-2:] if len(line) <= 120})
    needed = max(2, (len(pages) + 1) // 2)
    return {key for key, count in counts.items() if count >= needed and key.strip("# ")}


def _pages(lines: list[Block]) -> list[list[str]]:
    """Lines page by page: PDF pages or form feeds, else the page numbers mark the breaks."""
    by_page: dict[int, list[str]] = {}
    for line in lines:
        by_page.setdefault(line.page, []).append(line.text)
    if len(by_page) >= 2:
        return [[t for t in page if not _is_page_number(t)] for page in by_page.values()]
    pages: list[list[str]] = [[]]
    for line in lines:
        if _is_page_number(line.text):
            pages.append([])
        else:
            pages[-1].append(line.text)
    return [page for page in pages if page]


def join_lines(blocks: list[Block]) -> list[Block]:
    """Re-join printed lines into paragraphs; Word paragraphs and table rows pass through."""
    blank_breaks = _blank_lines_break_paragraphs(blocks)
    # Where blank lines mark the paragraphs (text copied from a web page), a short line is
    # the first line of an indented paragraph, not the end of one.
    width = None if blank_breaks and _has_blank_breaks(blocks) else _line_width(blocks)
    out: list[Block] = []
    current: Block | None = None
    last_line = ""
    for block in blocks:
        if block.blank:
            if blank_breaks and current is not None and not _LONE_MARKER.match(current.text):
                out.append(current)
                current = None
            continue
        if block.is_row or block.logical:
            if current is not None:
                out.append(current)
                current = None
            out.append(block)
            continue
        if current is None or (
            not _LONE_MARKER.match(current.text)
            and (
                starts_paragraph(current.text, block.text)
                or _ended_early(last_line, block.text, width)
            )
        ):
            if current is not None:
                out.append(current)
            current = replace(block, text=squash(block.text))
        else:
            current.text = _glue(current.text, squash(block.text))
        last_line = block.text.strip()
    if current is not None:
        out.append(current)
    return out


def _line_width(blocks: list[Block]) -> int | None:
    """How long a full printed line is (most lines wrap there), when there are enough lines."""
    lengths = sorted(len(b.text.strip()) for b in blocks if _printed(b))
    return lengths[len(lengths) * 4 // 5] if len(lengths) >= 3 else None


def _ended_early(last_line: str, line: str, width: int | None) -> bool:
    """A printed line well short of the full width ends its paragraph ('1. Công khai minh
    bạch' above 'Giao Văn phòng Sở ...'), unless a capitals heading goes on."""
    if not width or not last_line or len(last_line) >= 0.6 * width:
        return False
    return line.strip()[:1].isupper() and not (is_caps(last_line) and is_caps(line))


def _has_blank_breaks(blocks: list[Block]) -> bool:
    """Enough blank lines between printed lines to mark paragraphs (one per ten lines)."""
    printed = sum(_printed(b) for b in blocks)
    blanks = sum(b.blank for b in blocks)
    return printed >= 20 and blanks * 10 >= printed


def _blank_lines_break_paragraphs(blocks: list[Block]) -> bool:
    """False when blank lines sit between (nearly) every two lines: PDF noise, not breaks."""
    lines, separated, seen_blank = 0, 0, False
    for block in blocks:
        if block.is_row or block.logical:
            continue
        if block.blank:
            seen_blank = lines > 0
            continue
        separated += seen_blank
        lines += 1
        seen_blank = False
    return lines < 4 or separated < 0.6 * (lines - 1)


def starts_paragraph(previous: str, line: str) -> bool:
    """Does ``line`` open a new paragraph, given the text of the paragraph so far?"""
    previous, line = previous.strip(), line.strip()
    if is_separator(line) or is_separator(previous) or _LONE_MARKER.match(line):
        return True
    marker, _ = split_marker(line)
    if marker is not None:
        return _marker_opens(previous, marker.kind)
    if _ends_clause(previous) or _OPENERS.match(line):
        return True
    if is_dimension_heading(previous) and line[:1].isupper():
        return True
    if is_caps(line) != _caps_so_far(previous):
        return is_caps_heading(line) or is_caps_heading(previous)
    return False


def _caps_so_far(previous: str) -> bool:
    """'V. TỔ' over 'CHỨC THỰC HIỆN': a numbered heading broken after its first short word
    is in capitals even with too few letters to tell by count."""
    if is_caps(previous):
        return True
    if len(previous) > 12:  # only a heading's first short word is in question
        return False
    marker, rest = split_marker(previous)
    return marker is not None and is_caps(rest, 2)


def _marker_opens(previous: str, kind: str) -> bool:
    if _ends_clause(previous) or is_dimension_heading(previous) or is_caps_heading(previous):
        return True
    if kind == "paren":  # "(2)" wrapped to the start of a line inside a sentence
        return False
    if kind != "arabic":
        return True
    last_word = fold(previous.split()[-1]) if previous.split() else ""
    return last_word.strip(",") not in _NUMBER_CONTEXT


def _ends_clause(text: str) -> bool:
    if not text.endswith(_TERMINATORS):
        return False
    if text.endswith("."):
        last = text[:-1].split()[-1] if text[:-1].split() else ""
        return fold(last).lstrip("(") not in ABBREVIATIONS
    return True


def _glue(previous: str, line: str) -> str:
    # "21/KH-" + "UBND": a symbol broken at its hyphen is glued back without a space
    if len(previous) >= 2 and previous.endswith("-") and previous[-2].isalnum():
        return previous + line
    return f"{previous} {line}"
