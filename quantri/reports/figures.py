"""Figures a unit reports on a task, written as text in forms and spreadsheets:

    Số buổi tiếp công dân = 6
    Tỷ lệ hồ sơ trực tuyến (%) = 72,5

one "name = number" per line (or separated by ";"). Decimal commas are accepted, since that is
how Vietnamese write them. Plain Python, no Django.
"""

import re

from quantri.core.text import fold
from quantri.reports.periods import gettext_noop

NO_EQUALS = gettext_noop("“%(item)s” should read “name = number”.")
NO_NAME = gettext_noop("“%(item)s” has no name before “=”.")
NOT_A_NUMBER = gettext_noop("“%(item)s”: %(value)s is not a number.")
DUPLICATE = gettext_noop("“%(name)s” is given twice.")

_THOUSANDS = re.compile(r"^-?\d{1,3}(\.\d{3})+$")


class FiguresError(ValueError):
    def __init__(self, template: str, **params):
        self.template = template
        self.params = params
        super().__init__(template % params)


def parse_number(text: str) -> int | float:
    """'6' → 6, '72,5' → 72.5, '1.250' (thousands dot) → 1250; ValueError otherwise."""
    value = text.strip().replace(" ", "").replace("\u00a0", "")
    if _THOUSANDS.match(value):
        value = value.replace(".", "")
    value = value.replace(",", ".")
    number = float(value)
    if number != number or number in (float("inf"), float("-inf")):
        raise ValueError(text)
    return int(number) if number.is_integer() and "." not in value else number


def parse_figures(text: str) -> dict[str, int | float]:
    figures: dict[str, int | float] = {}
    for item in re.split(r"[;\n]", text or ""):
        item = item.strip()
        if not item:
            continue
        name, equals, value = item.rpartition("=")
        if not equals:
            raise FiguresError(NO_EQUALS, item=item)
        name = name.strip()
        if not name:
            raise FiguresError(NO_NAME, item=item)
        if name in figures:
            raise FiguresError(DUPLICATE, name=name)
        try:
            figures[name] = parse_number(value)
        except ValueError:
            raise FiguresError(NOT_A_NUMBER, item=item, value=value.strip()) from None
    return figures


def format_number(number: int | float) -> str:
    if isinstance(number, float) and not number.is_integer():
        return f"{number:g}".replace(".", ",")
    return str(int(number))


def in_order(figures: dict) -> list[tuple[str, int | float]]:
    """Figures by name in Vietnamese alphabetical order, diacritics ignored. The order they
    were typed in is not kept: PostgreSQL's jsonb stores keys sorted by length, so printing
    them as stored would word the same report differently on SQLite and PostgreSQL."""
    return sorted(figures.items(), key=lambda item: (fold(item[0]), item[0]))


def format_figures(figures: dict, separator: str = "\n") -> str:
    return separator.join(f"{name} = {format_number(value)}" for name, value in in_order(figures))
