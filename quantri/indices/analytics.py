"""PAPI arithmetic on plain data: sums, ranks, quartile groups, national figures, changes and
gaps. No Django here, so the rules are tested with hand-made tables.

Inputs are sub-dimension scores of one year, `{province code: {sub-dimension code: score}}`,
and the framework's shape (`Structure`). The rules, as PAPI applies them:

- A sub-dimension is *measured* in a year when any province has a score for it (e.g. 5.2 is
  absent from 2021 on, 8.3 from 2018). A dimension is the sum of its measured sub-dimensions
  and the total the sum of the measured dimensions.
- A province with no score for a measured sub-dimension (a gap in the source) has no score for
  that dimension nor a total that year: summing what is left would rank it far below where
  it stood. Its complete dimensions are still ranked.
- Higher is better everywhere. Ranks are competition ranks (1, 2, 2, 4) on scores rounded to
  6 decimals, so float noise never splits a tie; `of` is the number of provinces with a score.
- Quartile groups follow PAPI's 16 / 16 / 15 / 16 for 63 provinces and scale with the number
  of provinces ranked: group 1 holds ranks up to round(n × 16/63), group 2 up to
  round(n × 32/63), group 3 up to round(n × 47/63), group 4 the rest (halves rounded up; the
  first group never empty). Tied provinces share a rank, hence a group.
- A change is against the year just before; none when either year is missing. PAPI redesigned
  its indicators in 2018, so a change across 2017 → 2018 is flagged as not comparable.
- Gaps are score − benchmark: negative means behind the national median or best.
"""

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

TOTAL = "total"
REDESIGN_YEAR = 2018  # PAPI's 2018 aggregates are not comparable with earlier years
QUARTILE_SHARES = (16 / 63, 32 / 63, 47 / 63)
RANK_DECIMALS = 6

YearTable = Mapping[str, Mapping[str, float]]


@dataclass(frozen=True)
class Structure:
    """The framework's shape: each dimension code with its sub-dimension codes, in order."""

    dimensions: Mapping[str, tuple[str, ...]]

    @property
    def subdimensions(self) -> list[str]:
        return [sub for subs in self.dimensions.values() for sub in subs]

    def parent_of(self, sub: str) -> str:
        return next(dim for dim, subs in self.dimensions.items() if sub in subs)


@dataclass(frozen=True)
class Stats:
    minimum: float
    median: float
    maximum: float
    count: int


def competition_ranks(values: Mapping[str, float]) -> dict[str, int]:
    """Rank 1 = highest; equal scores (to RANK_DECIMALS) share the better rank."""
    rounded = {key: round(value, RANK_DECIMALS) for key, value in values.items()}
    ordered = sorted(rounded.values(), reverse=True)
    first_at = {}
    for position, value in enumerate(ordered, start=1):
        first_at.setdefault(value, position)
    return {key: first_at[value] for key, value in rounded.items()}


def _round_half_up(x: float) -> int:
    return math.floor(x + 0.5)


def quartile_cuts(count: int) -> tuple[int, int, int]:
    """Last rank of groups 1, 2 and 3 for `count` ranked provinces (16, 32, 47 for 63)."""
    cuts = [_round_half_up(count * share) for share in QUARTILE_SHARES]
    cuts[0] = max(cuts[0], 1 if count else 0)
    return cuts[0], max(cuts[1], cuts[0]), max(cuts[2], cuts[1])


def quartile_of(rank: int, count: int) -> int:
    """Group 1 (best) to 4 (lowest) for a rank among `count` provinces."""
    for group, last_rank in enumerate(quartile_cuts(count), start=1):
        if rank <= last_rank:
            return group
    return 4


def national_stats(values: Iterable[float]) -> Stats | None:
    data = np.fromiter(values, dtype=float)
    if data.size == 0:
        return None
    return Stats(float(data.min()), float(np.median(data)), float(data.max()), int(data.size))


def comparable(year: int, previous: int) -> bool:
    return (previous >= REDESIGN_YEAR) == (year >= REDESIGN_YEAR)


@dataclass
class YearScores:
    """Every province's sub-dimension, dimension and total scores of one year, with ranks and
    national figures computed on demand. Codes: sub-dimensions ("1.1"), dimensions ("1") and
    TOTAL."""

    year: int
    structure: Structure
    table: YearTable
    values: dict[str, dict[str, float]] = field(init=False)

    def __post_init__(self) -> None:
        self.values = {code: {} for code in [*self.structure.subdimensions, TOTAL]}
        self.values.update({dim: {} for dim in self.structure.dimensions})
        for province, scores in self.table.items():
            self._add_province(province, scores)

    @cached_property
    def measured(self) -> dict[str, tuple[str, ...]]:
        """Measured sub-dimensions per measured dimension."""
        present = {sub for scores in self.table.values() for sub in scores}
        subs_by_dim = {
            dim: tuple(s for s in subs if s in present)
            for dim, subs in self.structure.dimensions.items()
        }
        return {dim: subs for dim, subs in subs_by_dim.items() if subs}

    def _add_province(self, province: str, scores: Mapping[str, float]) -> None:
        for sub, score in scores.items():
            self.values.setdefault(sub, {})[province] = score
        dims = {}
        for dim, subs in self.measured.items():
            if all(s in scores for s in subs):
                dims[dim] = math.fsum(scores[s] for s in subs)
                self.values[dim][province] = dims[dim]
        if dims and len(dims) == len(self.measured):
            self.values[TOTAL][province] = math.fsum(dims.values())

    def value(self, code: str, province: str) -> float | None:
        return self.values.get(code, {}).get(province)

    @cached_property
    def _ranks(self) -> dict[str, dict[str, int]]:
        return {code: competition_ranks(values) for code, values in self.values.items()}

    @cached_property
    def _stats(self) -> dict[str, Stats | None]:
        return {code: national_stats(values.values()) for code, values in self.values.items()}

    def rank(self, code: str, province: str) -> int | None:
        return self._ranks.get(code, {}).get(province)

    def count(self, code: str) -> int:
        return len(self.values.get(code, {}))

    def quartile(self, code: str, province: str) -> int | None:
        rank = self.rank(code, province)
        return None if rank is None else quartile_of(rank, self.count(code))

    def stats(self, code: str) -> Stats | None:
        return self._stats.get(code)

    def best(self, code: str) -> list[str]:
        return sorted(p for p, r in self._ranks.get(code, {}).items() if r == 1)

    def ranking(self, code: str = TOTAL) -> list[tuple[str, int]]:
        """Provinces with a score for `code`, best first."""
        ranks = self._ranks.get(code, {})
        return sorted(ranks.items(), key=lambda item: (item[1], item[0]))


@dataclass
class Reading:
    """One score of one province read against the nation: a sub-dimension, dimension or total."""

    code: str
    score: float | None
    rank: int | None
    of: int
    quartile: int | None
    national_min: float | None
    national_median: float | None
    national_max: float | None
    change: float | None
    change_comparable: bool
    gap_to_best: float | None
    gap_to_median: float | None
    subdimensions: list["Reading"] = field(default_factory=list)


def read(scores: YearScores, previous: YearScores | None, code: str, province: str) -> Reading:
    score = scores.value(code, province)
    stats = scores.stats(code)
    before = previous.value(code, province) if previous else None
    change = None if score is None or before is None else score - before
    return Reading(
        code=code,
        score=score,
        rank=scores.rank(code, province),
        of=scores.count(code),
        quartile=scores.quartile(code, province),
        national_min=stats.minimum if stats else None,
        national_median=stats.median if stats else None,
        national_max=stats.maximum if stats else None,
        change=change,
        change_comparable=previous is None or comparable(scores.year, previous.year),
        gap_to_best=_gap(score, stats.maximum if stats else None),
        gap_to_median=_gap(score, stats.median if stats else None),
    )


def _gap(score: float | None, benchmark: float | None) -> float | None:
    return None if score is None or benchmark is None else score - benchmark


@dataclass
class Profile:
    province: str
    year: int
    total: Reading
    dimensions: list[Reading]
    peers: dict[str, dict[str, float | None]]  # peer province → code → score


def profile(
    years: Mapping[int, YearScores], province: str, year: int, peers: Iterable[str] = ()
) -> Profile:
    """A province's reading for a year: total, each measured dimension with its
    sub-dimensions, and the same scores for the chosen peer provinces."""
    scores, previous = years[year], years.get(year - 1)
    dimensions = []
    for dim, subs in scores.measured.items():
        reading = read(scores, previous, dim, province)
        reading.subdimensions = [read(scores, previous, sub, province) for sub in subs]
        dimensions.append(reading)
    codes = [TOTAL, *scores.measured, *[s for subs in scores.measured.values() for s in subs]]
    peer_scores = {
        peer: {code: scores.value(code, peer) for code in codes} for peer in peers if peer
    }
    return Profile(province, year, read(scores, previous, TOTAL, province), dimensions, peer_scores)


def series(
    years: Mapping[int, YearScores], province: str, code: str = TOTAL
) -> list[tuple[int, float | None]]:
    """A province's score for `code` in every year given, None where it has none."""
    return [(year, years[year].value(code, province)) for year in sorted(years)]


# Gap → tasks: where the province is weak and the plan thin.
THIN_MIN_TASKS = 2  # one task alone rarely moves a dimension surveyed across the province
THIN_SHARE_OF_EVEN = 0.5  # under half of an even split of the plan's weight across dimensions


def is_weak(score: float | None, median: float | None, quartile: int | None) -> bool | None:
    """Weak: below the national median, or in the lowest quartile group by rank. None when
    the province has no score for it."""
    if score is None or median is None:
        return None
    return score < median or quartile == 4


def is_thin(task_count: int, weight_share: float, dimension_count: int) -> bool:
    """Thin: fewer than THIN_MIN_TASKS tasks aimed at the dimension (cancelled ones left out),
    or a share of the plan's task weight under THIN_SHARE_OF_EVEN × 1/dimension_count (6.25%
    of the weight for 8 dimensions)."""
    even = 1 / dimension_count if dimension_count else 0
    return task_count < THIN_MIN_TASKS or weight_share < THIN_SHARE_OF_EVEN * even
