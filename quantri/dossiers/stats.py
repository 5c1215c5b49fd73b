"""Figures of an agency (its subtree) for a month or any run of months (periods.Period), read
from the monthly aggregates; the moment-dependent "within time / overdue" from their running
totals (open_counts), judged at the period's end. The same figures computed from raw dossiers
exist for the benchmark and a test that both agree."""

import calendar as month_calendar
import datetime
from dataclasses import asdict, dataclass

from django.db.models import Exists, OuterRef, Q, Sum
from django.utils import timezone

from quantri.dossiers import aggregates, index_inputs
from quantri.dossiers.aggregates import end_of
from quantri.dossiers.index import Figures, GroupScore, compute
from quantri.dossiers.models import COUNTERS, OPEN_STATES, Dossier, IndexVersion, MonthlyAggregate
from quantri.dossiers.open_counts import open_counts
from quantri.feedback.figures import answered_counts
from quantri.orgs.models import Agency
from quantri.procedures.models import Fee, OnlineService, Procedure

# A month's own counters; the rest are interval ends, read as running totals.
FLOWS = tuple(name for name in COUNTERS if not name.endswith(("_opened", "_closed")))
PROCESSED = ("processed_early", "processed_on_time", "processed_late")


@dataclass(frozen=True)
class Month:
    year: int
    month: int

    @classmethod
    def parse(cls, text: str) -> "Month":
        """ "2021-06" → Month(2021, 6); ValueError with a clear message otherwise."""
        try:
            year, month = (int(part) for part in text.split("-"))
            datetime.date(year, month, 1)
        except ValueError:
            raise ValueError(f"“{text}” is not a month written YYYY-MM") from None
        return cls(year, month)

    @property
    def first(self) -> datetime.date:
        return datetime.date(self.year, self.month, 1)

    @property
    def last(self) -> datetime.date:
        return datetime.date(
            self.year, self.month, month_calendar.monthrange(self.year, self.month)[1]
        )

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


def _scope(agency: Agency) -> set[int]:
    return Agency.objects.subtree_ids(agency)


def judged_at(month: Month, now: datetime.datetime | None) -> datetime.datetime:
    """Open dossiers are judged at the month's end, or now for the current month."""
    now = now or timezone.now()
    return min(end_of(month.last), now)


def _open_figures_naive(ids, month: Month, now) -> dict:
    """Open at `moment`: received by then, no result by then (or an open state today).
    Reads every dossier received before the moment: the reference the fast path is tested
    against, and the "from raw rows" side of the benchmark."""
    moment = judged_at(month, now)
    rows = Dossier.objects.filter(agency_id__in=ids, received_at__lte=moment).filter(
        Q(result_at__gt=moment) | Q(result_at__isnull=True, state__in=OPEN_STATES)
    )
    return {
        "within_time": rows.filter(due_at__gte=moment).count(),
        "overdue": rows.filter(due_at__lt=moment).count(),
    }


def _open_figures(ids, month: Month, now, *, narrow: dict) -> dict:
    """The same counts as _open_figures_naive, from the aggregates (open_counts module)."""
    counts = open_counts(ids, judged_at(month, now), narrow)
    return counts.get(None, {"within_time": 0, "overdue": 0})


@dataclass(frozen=True)
class Catalogue:
    """An agency's procedures, read in one query: how many, how many published, and which
    offer online service or bear a fee (the portal counts some rates per procedure)."""

    procedures: int
    published: int
    online: frozenset[int]
    fee: frozenset[int]

    @classmethod
    def of(cls, ids) -> "Catalogue":
        fees = Fee.objects.filter(procedure=OuterRef("pk"))
        rows = list(
            Procedure.objects.filter(agency_id__in=ids)
            .annotate(has_fee=Exists(fees))
            .values_list("pk", "is_published", "online_service", "has_fee")
        )
        return cls(
            procedures=len(rows),
            published=sum(1 for _pk, published, _online, _fee in rows if published),
            online=frozenset(pk for pk, _p, online, _f in rows if online != OnlineService.NONE),
            fee=frozenset(pk for pk, _p, _o, has_fee in rows if has_fee),
        )


@dataclass
class PerProcedure:
    """One procedure's dossiers in the period: processed, paid online, received online."""

    done: int = 0
    paid: int = 0
    online: int = 0

    def add(self, counters: dict) -> None:
        self.done += sum(counters[name] or 0 for name in PROCESSED)
        self.paid += counters["paid_online"] or 0
        self.online += (counters["online_full"] or 0) + (counters["online_partial"] or 0)


def _procedure_counts(catalogue: Catalogue, per_procedure: dict[int, PerProcedure]) -> dict:
    """What the portal counts per procedure rather than per dossier: the dossiers processed
    of fee-bearing procedures (3.6's denominator), the fee-bearing procedures with a dossier
    paid online (3.5b), and the procedures offering online service that received a dossier
    online (3.2)."""
    fee, online = catalogue.fee, catalogue.online
    return {
        "processed_fee": sum(p.done for pk, p in per_procedure.items() if pk in fee),
        "fee_procedures_paid_online": sum(
            1 for pk, p in per_procedure.items() if pk in fee and p.paid
        ),
        "online_procedures_with_dossiers": sum(
            1 for pk, p in per_procedure.items() if pk in online and p.online
        ),
    }


def _other_figures(ids, month, per_procedure: dict[int, PerProcedure]) -> dict:
    """What the aggregates do not hold: the catalogue (and the rates the portal counts per
    procedure), the feedback app's answers and the agency's own inputs for the period
    (766-2026's sub-criteria)."""
    catalogue = Catalogue.of(ids)
    feedback = answered_counts(department_ids=ids, first=month.first, last=month.last)
    return {
        "procedures": catalogue.procedures,
        "procedures_published": catalogue.published,
        "procedures_online": len(catalogue.online),
        "fee_procedures": len(catalogue.fee),
        **_procedure_counts(catalogue, per_procedure),
        "feedback_answered": feedback["answered"],
        "feedback_on_time": feedback["on_time"],
        "inputs": index_inputs.for_period(ids, month.first, month.last),
    }


def figures(agency: Agency, month: Month, *, unit=None, procedure=None, now=None) -> Figures:
    """The figures of an agency's subtree (of one unit or procedure when given) over a month
    or a period (anything with .first and .last days: whole months)."""
    ids = _scope(agency)
    narrow = {"unit": unit} if unit is not None else {}
    if procedure is not None:
        narrow["procedure"] = procedure
    # One query: the period's counters per procedure, added up here for the totals.
    by_procedure = (
        MonthlyAggregate.objects.filter(
            agency_id__in=ids, month__range=(month.first, month.last), **narrow
        )
        .order_by()
        .values("procedure_id")
        .annotate(**{f"sum_{name}": Sum(name) for name in FLOWS})
    )
    counts = dict.fromkeys(FLOWS, 0)
    per_procedure: dict[int, PerProcedure] = {}
    for row in by_procedure:
        counters = {name: row[f"sum_{name}"] or 0 for name in FLOWS}
        for name in FLOWS:
            counts[name] += counters[name]
        per_procedure.setdefault(row["procedure_id"], PerProcedure()).add(counters)
    return Figures(
        **counts,
        **_open_figures(ids, month, now, narrow=narrow),
        **_other_figures(ids, month, per_procedure),
    )


def figures_from_raw(agency: Agency, month: Month, *, now=None) -> Figures:
    """What figures() reads from the aggregates, recomputed from every dossier of the month."""
    ids = _scope(agency)
    window = (end_of(month.first - datetime.timedelta(days=1)), end_of(month.last))
    dossiers = Dossier.objects.filter(agency_id__in=ids).filter(
        Q(received_at__range=window) | Q(result_at__range=window)
    )
    counts = dict.fromkeys(FLOWS, 0)
    per_procedure: dict[int, PerProcedure] = {}
    for key, values in aggregates.totals(dossiers).items():
        if month.first <= key[3] <= month.last:
            for name in FLOWS:
                counts[name] += values[name]
            per_procedure.setdefault(key[2], PerProcedure()).add(values)
    return Figures(
        **counts,
        **_open_figures_naive(ids, month, now),
        **_other_figures(ids, month, per_procedure),
    )


def current_version(month: Month) -> IndexVersion:
    version = IndexVersion.objects.filter(valid_from__lte=month.last).first()
    return version or IndexVersion.objects.order_by("valid_from").first()


def index_for(agency: Agency, month: Month, *, unit=None, procedure=None, now=None) -> dict:
    version = current_version(month)
    data = figures(agency, month, unit=unit, procedure=procedure, now=now)
    groups, total = compute(version.criteria, data)
    return {
        "agency": agency.code,
        **({"unit": unit.code} if unit is not None else {}),
        **({"procedure": procedure.code} if procedure is not None else {}),
        "month": str(month),
        **({"period": month.label()} if hasattr(month, "label") else {}),
        "version": version.code,
        "figures": data.as_dict(),
        "groups": [_group(g) for g in groups],
        "total": total,
    }


def _group(g: GroupScore) -> dict:
    return {
        "group": g.group,
        "label": g.label,
        "formula": g.formula,
        "rate": g.rate,
        "target": g.target,
        "points": g.points,
        "max_points": g.max_points,
        **({"subcriteria": [asdict(s) for s in g.subscores]} if g.subscores else {}),
    }


def _window(month: Month) -> tuple[datetime.datetime, datetime.datetime]:
    return end_of(month.first - datetime.timedelta(days=1)), end_of(month.last)


# Each figure of the dashboard → how to find its dossiers (the same rules as the aggregates).
RECEIVED_FIGURES = {
    "received": {},
    "online_full": {"online_type": "full"},
    "online_partial": {"online_type": "partial"},
    "digitised": {"digitised": True},
}
RESULT_FIGURES = {
    "processed_early": {"outcome": "early"},
    "processed_on_time": {"outcome": "on_time"},
    "processed_late": {"outcome": "late"},
    "paid_online": {"paid_online": True},
    "satisfied": {"rating__in": ["very_satisfied", "satisfied"]},
    "complaints": {"complaint": True},
}
FIGURES = (*RECEIVED_FIGURES, *RESULT_FIGURES, "within_time", "overdue")


def dossiers_behind(
    agency: Agency, month: Month, figure: str, *, unit=None, procedure=None, now=None
):
    """The dossiers counted in one figure of the dashboard; ValueError for an unknown figure."""
    ids = _scope(agency)
    rows = Dossier.objects.filter(agency_id__in=ids)
    if unit is not None:
        rows = rows.filter(unit=unit)
    if procedure is not None:
        rows = rows.filter(procedure=procedure)
    lo, hi = _window(month)
    if figure in RECEIVED_FIGURES:
        return rows.filter(received_at__gt=lo, received_at__lte=hi, **RECEIVED_FIGURES[figure])
    if figure in RESULT_FIGURES:
        return rows.filter(result_at__gt=lo, result_at__lte=hi, **RESULT_FIGURES[figure])
    if figure in ("within_time", "overdue"):
        moment = judged_at(month, now)
        rows = rows.filter(received_at__lte=moment).filter(
            Q(result_at__gt=moment) | Q(result_at__isnull=True, state__in=OPEN_STATES)
        )
        return (
            rows.filter(due_at__gte=moment)
            if figure == "within_time"
            else rows.filter(due_at__lt=moment)
        )
    raise ValueError(f"unknown figure “{figure}”")
