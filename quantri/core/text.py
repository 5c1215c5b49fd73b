"""Vietnamese text folding for search and matching: case, diacritics and đ/Đ ignored."""

import re
import unicodedata

from unidecode import unidecode

_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """'Hồ sơ ĐĂNG KÝ' -> 'ho so dang ky'. Unidecode maps đ/Đ to d, which NFD stripping alone
    does not, since đ is a letter of its own rather than d with a combining mark."""
    ascii_text = unidecode(unicodedata.normalize("NFC", text or ""))
    return _SPACES.sub(" ", ascii_text).strip().lower()
