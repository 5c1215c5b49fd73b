"""Text helpers: Unicode normalisation, whitespace, and accent folding for matching."""

import re
import unicodedata
from functools import lru_cache

from unidecode import unidecode

_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_NON_WORD = re.compile(r"[^0-9a-z]+")


def nfc(text: str) -> str:
    """NFC with invisible characters removed; PDF text often comes decomposed (NFD)."""
    return _INVISIBLE.sub("", unicodedata.normalize("NFC", text))


def squash(text: str) -> str:
    """Collapse runs of spaces to one and strip the ends."""
    return _SPACES.sub(" ", text).strip()


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    if char in "đĐ":
        return "d"
    if char.isascii():
        return char.lower()
    base = unicodedata.normalize("NFD", char)[0]
    if base.isascii():
        return base.lower()
    ascii_form = unidecode(char)
    return ascii_form[0].lower() if ascii_form else " "


class _FoldTable(dict):
    """str.translate table that folds each character the first time it is seen."""

    def __missing__(self, code: int) -> str:
        self[code] = _fold_char(chr(code))
        return self[code]


_FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Lower-case ASCII form of ``text``, one character for each input character.

    Keeping the length lets a regex run on the folded text and its match positions be used
    to slice the original (NFC) text.
    """
    return text.translate(_FOLD_TABLE)


def fold_key(text: str) -> str:
    """Folded words only: 'Văn phòng Sở,' -> 'van phong so'. For comparing names."""
    return _NON_WORD.sub(" ", fold(nfc(text))).strip()


_LETTERS = re.compile(r"[^\W\d_]+")


def letters(text: str) -> str:
    return "".join(_LETTERS.findall(text))


def is_caps(text: str, min_letters: int = 4) -> bool:
    """True for a line written in capitals, such as 'II. NHIỆM VỤ' or 'PHÓ GIÁM ĐỐC'."""
    found = letters(text)
    return len(found) >= min_letters and found == found.upper()


def is_caps_heading(text: str) -> bool:
    """A capitals line that reads as a heading rather than an acronym inside a sentence."""
    stripped = text.strip()
    if not is_caps(stripped, 6) or stripped.endswith((".", ";", ",")):
        return False
    return len([w for w in stripped.split() if len(letters(w)) >= 2]) >= 2


_NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_]*$")


def is_person_name(text: str) -> bool:
    """'Đào Mạnh Huân': 2-5 capitalised words, no digits or punctuation."""
    words = text.strip().split()
    if not 2 <= len(words) <= 5 or len(text) > 45:
        return False
    return all(
        _NAME_WORD.match(w) and w[0].isupper() and (len(w) == 1 or not w[1:].isupper())
        for w in words
    )


def sentences(text: str) -> list[str]:
    """Split after '.' or ';' where the next word starts with a capital letter."""
    pieces, start = [], 0
    for match in re.finditer(r"(?<=[.;])\s+(?=\S)", text):
        if text[match.end()].isupper():
            pieces.append(text[start : match.start()])
            start = match.end()
    pieces.append(text[start:])
    return [p for p in pieces if p.strip()]


def capitalize_first(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def strip_item_punctuation(text: str) -> str:
    """'- UBND tỉnh;' -> 'UBND tỉnh' (list items end in ';' or '.')."""
    return squash(text).strip().rstrip(";,.").strip()
