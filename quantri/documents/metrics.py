"""How wide a line of Times New Roman is, to draw the rules the decree measures against text
("a rule the length of the motto"). Word processors cannot size a border to its text, so the
rule is a paragraph border whose indents are computed from these widths.

Widths are the Adobe core Times metrics (1/1000 em), which Times New Roman and Liberation Serif
share; a Vietnamese letter is as wide as its base letter."""

import unicodedata

_FIRST = 32  # the tables start at the space and end at '~'
_ROMAN = (
    "250 333 408 500 500 833 778 333 333 333 500 564 250 333 250 278 500 500 500 500 500 500 500 "
    "500 500 500 278 278 564 564 564 444 921 722 667 667 722 611 556 722 722 333 389 722 611 889 "
    "722 722 556 722 667 556 611 722 722 944 722 722 611 333 278 333 469 500 333 444 500 444 500 "
    "444 333 500 500 278 278 500 278 778 500 500 500 500 333 389 278 500 500 722 500 500 444 480 "
    "200 480 541"
)
_BOLD = (
    "250 333 555 500 500 1000 833 333 333 333 500 570 250 333 250 278 500 500 500 500 500 500 500 "
    "500 500 500 333 333 570 570 570 500 930 722 667 722 722 667 611 778 778 389 500 778 667 944 "
    "722 778 611 778 722 556 667 722 722 1000 722 722 667 333 278 333 581 500 333 500 556 444 556 "
    "444 333 500 556 278 333 556 278 833 556 500 556 556 444 389 333 556 500 722 500 500 444 394 "
    "220 394 520"
)
_WIDTHS = {
    False: [int(w) for w in _ROMAN.split()],
    True: [int(w) for w in _BOLD.split()],
}
_UNKNOWN = 500


def text_width_pt(text: str, size: float, *, bold: bool = False) -> float:
    widths = _WIDTHS[bold]
    total = 0
    for char in text:
        base = _base_letter(char)
        code = ord(base) - _FIRST
        total += widths[code] if 0 <= code < len(widths) else _UNKNOWN
    return total * size / 1000


def _base_letter(char: str) -> str:
    if char in "đĐ":
        return "d" if char == "đ" else "D"
    if char == "\u00a0":
        return " "
    return unicodedata.normalize("NFD", char)[0]
