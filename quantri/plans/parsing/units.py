"""Match unit names written in a plan ('VP Sở', 'P. QLVH', 'Phong Quan ly Van hoa') to the
agency's units. Only exact matches after normalising count: a unit is never guessed."""

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
