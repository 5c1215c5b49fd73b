import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError

from quantri.dossiers import aggregates, services
from quantri.dossiers.models import (
    COUNTERS,
    DailyAggregate,
    Dossier,
    MonthlyAggregate,
    ProcedureCutoff,
    State,
)
from quantri.dossiers.tests.conftest import local, register


def aggregate_table():
    """Both aggregate tables (rows that went back to zero left out), and a check that the
    month rows are the sums of their day rows."""
    days = sorted(
        (a.unit_id, a.procedure_id, a.day, tuple(getattr(a, n) for n in COUNTERS))
        for a in DailyAggregate.objects.all()
        if any(getattr(a, n) for n in COUNTERS)
    )
    months = {
        (a.unit_id, a.procedure_id, a.month): tuple(getattr(a, n) for n in COUNTERS)
        for a in MonthlyAggregate.objects.all()
        if any(getattr(a, n) for n in COUNTERS)
    }
    summed = {}
    for unit, procedure, day, counts in days:
        key = (unit, procedure, day.replace(day=1))
        previous = summed.get(key, (0,) * len(COUNTERS))
        summed[key] = tuple(a + b for a, b in zip(previous, counts, strict=True))
    assert months == summed
    return days


def test_register_does_not_count_the_day_of_receipt(procedure, department):
    # 3 working days from Friday 13/03 (Civil Code art. 147): Mon 16, Tue 17, Wed 18.
    early = register(procedure, department, received_at=local("2026-03-13 15:00"))
    late = register(procedure, department, received_at=local("2026-03-13 16:30"))
    online = register(
        procedure, department, channel="online", received_at=local("2026-03-13 16:30")
    )
    assert early.due_at == late.due_at == online.due_at == local("2026-03-18 17:00")
    assert online.online_type == "full" and early.online_type == "none"
    assert early.state == State.RECEIVED and early.unit == department


def test_a_procedures_own_cutoff_moves_a_late_receipt_to_the_next_working_day(
    procedure, department
):
    ProcedureCutoff.objects.create(
        procedure=procedure, cutoff=datetime.time(16, 0), source="Quyết định số 1/2026/QĐ-UBND"
    )
    before = register(procedure, department, received_at=local("2026-03-13 15:59"))
    after = register(procedure, department, received_at=local("2026-03-13 16:00"))
    assert before.due_at == local("2026-03-18 17:00")
    assert after.due_at == local("2026-03-19 17:00")  # received Monday: Tue, Wed, Thu


def test_the_closing_time_is_the_deployments(procedure, department, settings):
    settings.QUANTRI_DESK_CLOSING = datetime.time(16, 30)
    dossier = register(procedure, department, received_at=local("2026-03-13 15:10"))
    assert dossier.due_at == local("2026-03-18 16:30")


def test_full_life_and_its_aggregates(procedure, department):
    dossier = register(procedure, department)
    services.dossier_transition(dossier=dossier, to_state="processing", user=None)
    services.dossier_transition(
        dossier=dossier, to_state="processed", user=None, at=local("2026-03-16 08:00")
    )
    dossier.refresh_from_db()
    assert dossier.outcome == "late" and dossier.result_at == local("2026-03-16 08:00")
    services.dossier_update_flags(dossier=dossier, user=None, rating="satisfied", paid_online=True)
    received = DailyAggregate.objects.get(day="2026-03-10")
    done = DailyAggregate.objects.get(day="2026-03-16")
    assert (received.received, received.processed_late) == (1, 0)
    assert (done.processed_late, done.rated, done.satisfied, done.paid_online) == (1, 1, 1, 1)


def test_forbidden_transition_is_refused_and_changes_nothing(procedure, department):
    dossier = register(procedure, department)
    with pytest.raises(ValidationError, match="cannot move"):
        services.dossier_transition(dossier=dossier, to_state="returned", user=None)
    dossier.refresh_from_db()
    assert dossier.state == State.RECEIVED


def test_returned_needs_processed_first(procedure, department):
    dossier = register(procedure, department)
    with time_machine.travel(local("2026-03-11 10:00"), tick=False):
        for state in ("processing", "processed", "returned"):
            services.dossier_transition(dossier=dossier, to_state=state, user=None)
    dossier.refresh_from_db()
    assert dossier.returned_at is not None and dossier.outcome == "early"


def test_hand_over_steps_chain_from_unit_to_unit(procedure, department, culture_unit, library):
    dossier = register(procedure, department)
    first = services.dossier_hand_over(dossier=dossier, to_unit=culture_unit, user=None)
    second = services.dossier_hand_over(
        dossier=dossier, to_unit=library, user=None, result_note="Đã thẩm định"
    )
    assert first.from_unit == department and second.from_unit == culture_unit


def test_rebuild_agrees_with_incremental_updates(
    procedure, paper_procedure, department, culture_unit
):
    for n, (proc, day, channel) in enumerate(
        [
            (procedure, "2026-03-02 09:00", "online"),
            (paper_procedure, "2026-03-02 16:30", "desk"),
            (procedure, "2026-03-31 23:30", "online"),  # late evening: local day, not UTC
            (paper_procedure, "2026-04-01 10:00", "post"),
        ]
    ):
        dossier = register(
            proc, department, unit=culture_unit, received_at=local(day), channel=channel
        )
        services.dossier_update_flags(dossier=dossier, user=None, digitised=n % 2 == 0)
        if n < 3:
            services.dossier_transition(dossier=dossier, to_state="processing", user=None)
            services.dossier_transition(
                dossier=dossier, to_state="processed", user=None, at=local("2026-04-03 11:00")
            )
            services.dossier_update_flags(
                dossier=dossier, user=None, rating="not_satisfied", complaint=True
            )
    incremental = aggregate_table()
    assert aggregates.rebuild() > 0
    assert aggregate_table() == incremental
    day_rows = {row[2].isoformat(): row for row in incremental}
    assert "2026-03-31" in day_rows and Dossier.objects.count() == 4
