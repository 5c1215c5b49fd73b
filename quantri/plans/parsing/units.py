"""Match unit names written in a plan ('VP Sở', 'P. QLVH', 'Phong Quan ly Van hoa') to the
agency's units. Only exact matches after normalising count: a unit is never guessed."""

import re

from .model import UnitRef
from .text import fold_key

_ABBREVIATIONS = {
    "p": "phong",
    "vp": "van phong",
    "tt": "trung tam",
    "bql": "ban quan ly",
    "ql": "quan ly",
    "ubnd": "uy ban nhan dan",
    "ttcntt": "trung tam cong nghe thong tin",
}
# Words that say whose unit it is: 'Văn phòng Sở' is the same unit as 'Văn phòng'.
_OWNER_SUFFIXES = [
    ["truc", "thuoc", "so"],
    ["thuoc", "so"],
    ["cua", "so"],
    ["so"],
    ["tinh"],
]
_UNIT_TYPES = [
    ["ban", "quan", "ly"],
    ["van", "phong"],
    ["trung", "tam"],
    ["thanh", "tra"],
    ["bao", "tang"],
    ["thu", "vien"],
    ["nha", "hat"],
    ["phong"],
    ["ban"],
    ["doan"],
]


def unit_keys(name: str) -> set[str]:
    """Every normalised spelling of a name: abbreviations expanded, owner suffix optional,
    and 'type + initials' ('phong qlvh' for 'Phòng Quản lý Văn hóa')."""
    words = []
    for word in fold_key(name).split():
        words.extend(_ABBREVIATIONS.get(word, word).split())
    if not words:
        return set()
    variants = [words]
    for suffix in _OWNER_SUFFIXES:
        if len(words) > len(suffix) and words[-len(suffix) :] == suffix:
            variants.append(words[: -len(suffix)])
            break
    keys = {" ".join(v) for v in variants}
    keys.update(_initials(v) for v in variants)
    return {k for k in keys if k}


def _initials(words: list[str]) -> str:
    for kind in _UNIT_TYPES:
        rest = words[len(kind) :]
        if words[: len(kind)] == kind and len(rest) >= 2:
            return " ".join(kind + ["".join(w[0] for w in rest)])
    return ""


class UnitMatcher:
    def __init__(self, units: list[UnitRef]):
        self._by_key: dict[str, list[UnitRef]] = {}
        for unit in units:
            names = [unit.name, unit.short_name, *(unit.aliases or ())]
            for key in set().union(*(unit_keys(n) for n in names if n)):
                self._by_key.setdefault(key, []).append(unit)

    def match(self, name: str) -> UnitRef | None:
        """The one unit the name stands for, or None when it names none (or several)."""
        candidates = {
            unit.code: unit for key in unit_keys(name) for unit in self._by_key.get(key, [])
        }
        return next(iter(candidates.values())) if len(candidates) == 1 else None

    def split(self, text: str) -> list[str] | None:
        """'P. Quản lý Văn hóa và Tổ Công nghệ XYZ' -> ['P. Quản lý Văn hóa', 'Tổ Công nghệ
        XYZ'] when the known units show where one name ends; None when no part names a unit.

        The prose splitter cannot tell 'và' inside a name from 'và' between names; the list
        of the agency's units can, so unmatched names get a second look here."""
        pieces = [p for p in _SEPARATORS.split(text) if p is not None]
        words, glues = pieces[0::2], pieces[1::2] + [""]
        names: list[tuple[str, bool]] = []
        start = 0
        while start < len(words):
            end = self._longest_match(words, glues, start)
            matched = end is not None
            end = end if matched else start + 1
            name = _join(words, glues, start, end)
            if not matched and names and not names[-1][1]:
                name = names.pop()[0] + glues[start - 1] + name
            names.append((name, matched))
            start = end
        if not any(matched for _, matched in names):
            return None
        return [name.strip() for name, _ in names if name.strip()]

    def _longest_match(self, words, glues, start: int) -> int | None:
        for end in range(len(words), start, -1):
            if self.match(_join(words, glues, start, end)):
                return end
        return None


_SEPARATORS = re.compile(r"(\s*[,;]\s*|\s+(?:và|cùng)\s+)", re.IGNORECASE)


def _join(words: list[str], glues: list[str], start: int, end: int) -> str:
    return "".join(words[i] + (glues[i] if i < end - 1 else "") for i in range(start, end))
