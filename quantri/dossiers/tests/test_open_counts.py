""" "Within time" and "overdue" at any moment — a month's end, the first or last day of a
month, the middle of a working day — read from the aggregates' running totals plus the day's
events, must equal a scan of the dossiers, for the agency and per unit."""

import datetime
from collections import Counter

import pytest
import time_machine

from quantri.dossiers import aggregates, generate, stats
from quantri.dossiers.models import OPEN_STATES, Dossier, State
from quantri.dossiers.open_counts import open_counts
from quantri.dossiers.tests.conftest import local
from quantri.orgs.models import Agency
from quantri.procedures.tests.factories import ProcedureFactory

MOMENTS = (
    "2026-03-01 00:00",  # a month's first moment: the day before is the previous month's last
    "2026-03-02 10:30",
    "2026-03-16 08:00",
    "2026-03-16 17:30",  # after the day's due hour (17:00): dossiers fall overdue
    "2026-03-31 11:00",  # inside a month's last day
    "2026-03-31 23:59:59.999999",  # its end: running totals alone
    "2026-04-01 07:59",
    "2026-04-14 09:15",
    "2026-04-15 17:05",
    "2026-04-20 12:00",  # the generator's "now": later results do not exist
)


def _scan(moment: datetime.datetime) -> dict:
    """The rule itself, dossier by dossier (stats._open_figures_naive, per unit)."""
    out: dict = {None: Counter()}
    for d in Dossier.objects.filter(received_at__lte=moment):
        is_open = (d.result_at is not None and d.result_at > moment) or (
            d.result_at is None and d.state in OPEN_STATES
        )
        if is_open:
            name = "within_time" if d.due_at >= moment else "overdue"
            out[None][name] += 1
            out.setdefault(d.unit_id, Counter())[name] += 1
    return out


@pytest.fixture
def busy(department, culture_unit, library):
    """1,500 generated dossiers from January to mid-April 2026 (seen on 20/04, so the newest are
    still open) and a few withdrawn or refused without a result, which count in neither."""
    for days in (1, 3, 10):
        ProcedureFactory(agency=department, processing_days=days, online_service="full")
    with time_machine.travel("2026-04-20 12:00 +0700", tick=False):
        generate.generate(
            count=1500, year=2026, agency=department, until=datetime.date(2026, 4, 17)
        )
    stopped = Dossier.objects.filter(result_at__isnull=True).order_by("code")[:3]
    for dossier, state in zip(
        stopped, (State.WITHDRAWN, State.NOT_ACCEPTED, State.STOPPED), strict=True
    ):
        dossier.state = state  # a plain update on purpose: the aggregates are rebuilt below
        dossier.save(update_fields=["state"])
    aggregates.rebuild()
    return department


@pytest.mark.parametrize("text", MOMENTS)
def test_counts_at_any_moment_equal_a_scan_of_the_dossiers(busy, text):
    moment = local(text) if "." not in text else local(text.replace(" ", "T"))
    ids = Agency.objects.subtree_ids(busy)
    expected = _scan(moment)
    assert sum(expected[None].values()) > 0

    whole = open_counts(ids, moment, {})[None]
    assert whole == {
        "within_time": expected[None]["within_time"],
        "overdue": expected[None]["overdue"],
    }

    per_unit = open_counts(ids, moment, {}, by="unit_id")
    got = {k: v for k, v in per_unit.items() if any(v.values())}
    want = {
        k: {"within_time": c["within_time"], "overdue": c["overdue"]}
        for k, c in expected.items()
        if k is not None and sum(c.values())
    }
    assert got == want


def test_the_month_in_progress_on_the_dashboard_reads_the_same_as_the_raw_scan(busy):
    april = stats.Month(2026, 4)
    for text in ("2026-04-14 09:15", "2026-04-20 12:00"):
        now = local(text)
        assert stats.figures(busy, april, now=now) == stats.figures_from_raw(busy, april, now=now)
