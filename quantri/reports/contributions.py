"""Lines other apps add to a PAPI dimension's section of the consolidated report (issue 17):
oversight adds its inspections to dimension 4, the quality system its figures to dimension 5.
Apps register a provider in their AppConfig.ready(), so reports imports none of them.

    register(4, provider)  # provider(*, agency, start, end) -> list[Line]
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Line:
    label: str
    value: str
    note: str = ""

    def sentence(self) -> str:
        text = f"{self.label}: {self.value}"
        return f"{text} ({self.note})." if self.note else f"{text}."


Provider = Callable[..., list[Line]]

_PROVIDERS: dict[int, list[Provider]] = {}


def register(dimension: int, provider: Provider) -> None:
    providers = _PROVIDERS.setdefault(dimension, [])
    if provider not in providers:
        providers.append(provider)


def lines_for(*, agency, start: datetime.date, end: datetime.date) -> dict[int, list[Line]]:
    """Every registered line for an agency over a window, by dimension number; dimensions
    with no line are left out."""
    found: dict[int, list[Line]] = {}
    for dimension in sorted(_PROVIDERS):
        lines = [
            line
            for provider in _PROVIDERS[dimension]
            for line in provider(agency=agency, start=start, end=end)
        ]
        if lines:
            found[dimension] = lines
    return found
