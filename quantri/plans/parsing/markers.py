"""Numbering at the start of a paragraph: 'II.', '1.', '1.2.', 'a)', '-', '+', '(1)', 'Điều 1.'.

Each marker has a *kind*; the outline nests paragraphs by the order in which kinds appear,
not by fixed levels, because plans mix numbering styles freely.
"""

import re
from dataclasses import dataclass

from .text import fold

BULLET_KINDS = frozenset({"dash", "bullet", "plus"})


def base_kind(kind: str) -> str:
    """'arabic@0' (Word numbering at level 0) -> 'arabic'."""
    return kind.split("@", 1)[0]


def is_bullet(kind: str) -> bool:
    return base_kind(kind) in BULLET_KINDS


_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}


@dataclass(frozen=True)
class Marker:
    kind: str
    label: str  # as written, e.g. "II." or "-"
    value: int | None = None


_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("article", re.compile(r"^(Điều|ĐIỀU)\s+(\d{1,3})\s*[.:]\s*")),
    ("decimal", re.compile(r"^(\d{1,2}(?:\.\d{1,2})+)\.?\)?\s+(?=\S)")),
    # 'V/V' (về việc) opens a summary, not part V
    (
        "roman",
        re.compile(
            r"^(?![Vv]/[Vv]\b)([IVXL]{1,6})\s*[.)/:]\s*(?=[^\d\s])|^([IVXL]{1,6})\s+[-–—]\s+(?=\S)"
        ),
    ),
    ("arabic", re.compile(r"^(\d{1,2})\s*[.)]\s*(?=[^\d\s.)/])")),
    ("paren", re.compile(r"^\((\d{1,2})\)\s*(?=\S)")),
    ("letter", re.compile(r"^\(?([a-nđ])\)\s*(?=\S)|^([a-nđ])\.\s+(?=\S)")),
    ("upper", re.compile(r"^([A-H])\s*[.)]\s+(?=\S)")),
    ("dash", re.compile(r"^[-–—−‐]+\s*(?=[^\s\d-])|^[-–—−‐]\s+(?=\d)")),
    ("bullet", re.compile(r"^[•·●▪■◦○▫□❖➢►✓]\s*(?=\S)")),
    ("plus", re.compile(r"^\+\s*(?=\S)")),
    ("star", re.compile(r"^\*+\s*(?=[^\s*])")),
]


def split_marker(text: str) -> tuple[Marker | None, str]:
    """The marker that opens ``text`` (or None) and the text after it."""
    for kind, pattern in _PATTERNS:
        match = pattern.match(text)
        if not match:
            continue
        marker = _marker(kind, match)
        if marker is not None:
            return marker, text[match.end() :].strip()
    return None, text


def _marker(kind: str, match: re.Match) -> Marker | None:
    label = match.group(0).strip()
    groups = [g for g in match.groups() if g]
    token = groups[0] if groups else ""
    if kind == "roman":
        value = roman_value(token)
        return Marker("roman", label, value) if value else None
    if kind == "decimal":
        parts = token.split(".")
        return Marker(f"decimal{len(parts)}", label, int(parts[-1]))
    if kind in ("arabic", "paren", "article"):
        number = groups[-1] if kind == "article" else token
        return Marker(kind, label, int(number))
    if kind in ("letter", "upper"):
        return Marker(kind, label, None)
    return Marker(kind, label, None)


def roman_value(token: str) -> int | None:
    """'IV' -> 4; None when the letters do not form a valid roman number."""
    token = token.upper()
    if not token or any(c not in _ROMAN_VALUES for c in token):
        return None
    total = 0
    for current, following in zip(token, token[1:] + " ", strict=True):
        value = _ROMAN_VALUES[current]
        total += -value if following != " " and _ROMAN_VALUES[following] > value else value
    return total if _to_roman(total) == token else None


def _to_roman(number: int) -> str:
    out = ""
    for value, symbol in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV")):
        while number >= value:
            out += symbol
            number -= value
    return out + "I" * number


_DIMENSION_HEADING = re.compile(
    r"^(?:chi so noi dung|chi so thanh phan|truc noi dung|noi dung|linh vuc|nhom)\s+(?:so\s+)?"
    r"(?:\d{1,2}|[ivx]{1,4})\b"
)


def is_dimension_heading(text: str) -> bool:
    """'Chỉ số nội dung 3: ...', 'Nội dung 2', 'Trục nội dung 1': an unnumbered group heading."""
    return bool(_DIMENSION_HEADING.match(fold(text.strip())))


_INLINE_ENUM = re.compile(r"(?:(?<=[\s:;,.])|^)\((\d{1,2})\)\s*")
_ENUM_LEAD_ENDS = (":", "gồm", "sau", "là", "như sau")


def split_enumeration(text: str) -> tuple[str, list[str]] | None:
    """'Thực hiện: (1) A; (2) B.' -> ('Thực hiện:', ['A', 'B']).

    Only a run (1), (2), ... of items of a few words each counts, and only when it opens the
    paragraph or follows a lead-in such as '...gồm:' — '(1)' inside a sentence is kept.
    """
    run, expected = [], 1
    for match in _INLINE_ENUM.finditer(text):
        if int(match.group(1)) == expected:
            run.append(match)
            expected += 1
    if len(run) < 2:
        return None
    lead = text[: run[0].start()].strip()
    if lead and not lead.rstrip(" .").endswith(_ENUM_LEAD_ENDS):
        return None
    ends = [m.start() for m in run[1:]] + [len(text)]
    items = [_clean_item(text[m.end() : end]) for m, end in zip(run, ends, strict=True)]
    if any(len(item.split()) < 3 for item in items):
        return None
    return lead, items


def _clean_item(text: str) -> str:
    item = text.strip().rstrip(";,").strip()
    for tail in (" và", " hoặc", ";"):
        if item.endswith(tail):
            item = item[: -len(tail)].rstrip(" ;,")
    return item
