"""What a merge hands to the successor besides its units and roles: the open work other apps
keep for the unit (plan tasks, report requests, feedback). Those apps sit above orgs, so orgs
does not import them: each registers a handover in its AppConfig.ready(), and the merge calls
every registered one inside its transaction, through the owning app's own service."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Handover:
    """One kind of work that moves (or would move), named for the confirmation page."""

    label: str
    items: list[str] = field(default_factory=list)


# handover(*, unit, successor, on, user, reason, apply) -> list[Handover]. With apply=False
# it only says what would move (the confirmation page); with apply=True it moves it.
Mover = Callable[..., list[Handover]]
_movers: list[Mover] = []


def register(mover: Mover) -> None:
    if mover not in _movers:
        _movers.append(mover)


def hand_over(
    *, unit, successor, on: datetime.date, user, reason: str, apply: bool
) -> list[Handover]:
    done = []
    for mover in _movers:
        done += mover(unit=unit, successor=successor, on=on, user=user, reason=reason, apply=apply)
    return [h for h in done if h.items]
