"""Per-officer figures of the one-stop desk over a period, from plain facts about dossiers.
Plain Python: no Django here (quantri.deskstaff.facts reads the facts from the database).

What is counted, and for whom (the officer key is a user id; None is "không rõ người tiếp
nhận", dossiers whose officer is not recorded — imported ones, those the system made):

- received: dossiers received in the period, for the officer who received them;
- with a result / late: dossiers whose result came in the period, for the officer who
  received them (the late share is late ÷ with a result);
- requests for additional documents and apologies: letters issued in the period on the
  dossiers the officer received;
- returned: results handed back in the period, for the officer who handed them back;
- satisfied / not satisfied and complaints: the citizen's rating and the dossier's complaint
  flag, on the dossiers the officer handed back in the period (the citizen rates at the
  return). Feedback items are not linked to dossiers, so a complaint is the dossier's flag.
"""

import datetime
from dataclasses import asdict, dataclass, field

SATISFIED = {"very_satisfied", "satisfied"}
NOT_SATISFIED = {"not_satisfied"}


@dataclass(frozen=True)
class DossierFacts:
    received_by: int | None
    returned_by: int | None
    received_on: datetime.date
    result_on: datetime.date | None = None
    returned_on: datetime.date | None = None
    late: bool = False
    rating: str = ""
    complaint: bool = False
    additional_requests: tuple[datetime.date, ...] = field(default_factory=tuple)
    apologies: tuple[datetime.date, ...] = field(default_factory=tuple)


@dataclass
class OfficerFigures:
    received: int = 0
    with_result: int = 0
    late: int = 0
    returned: int = 0
    additional_requests: int = 0
    apologies: int = 0
    satisfied: int = 0
    not_satisfied: int = 0
    complaints: int = 0

    @property
    def late_share(self) -> float | None:
        """Late results as a percentage of results, to one decimal; None without results."""
        if not self.with_result:
            return None
        return round(100 * self.late / self.with_result, 1)

    def as_dict(self) -> dict:
        return {**asdict(self), "late_share": self.late_share}

    def is_empty(self) -> bool:
        return not any(asdict(self).values())


def officer_figures(
    facts, *, start: datetime.date, end: datetime.date
) -> dict[int | None, OfficerFigures]:
    """The figures of every officer named in the facts, over [start, end] (days inclusive)."""
    figures: dict[int | None, OfficerFigures] = {}

    def row(key: int | None) -> OfficerFigures:
        return figures.setdefault(key, OfficerFigures())

    def within(day: datetime.date | None) -> bool:
        return day is not None and start <= day <= end

    for fact in facts:
        _count_reception(row, within, fact)
        _count_return(row, within, fact)
    return {key: value for key, value in figures.items() if not value.is_empty()}


def _count_reception(row, within, fact: DossierFacts) -> None:
    if within(fact.received_on):
        row(fact.received_by).received += 1
    if within(fact.result_on):
        row(fact.received_by).with_result += 1
        row(fact.received_by).late += int(fact.late)
    row(fact.received_by).additional_requests += sum(map(within, fact.additional_requests))
    row(fact.received_by).apologies += sum(map(within, fact.apologies))


def _count_return(row, within, fact: DossierFacts) -> None:
    if not within(fact.returned_on):
        return
    officer = row(fact.returned_by)
    officer.returned += 1
    officer.satisfied += int(fact.rating in SATISFIED)
    officer.not_satisfied += int(fact.rating in NOT_SATISFIED)
    officer.complaints += int(fact.complaint)
