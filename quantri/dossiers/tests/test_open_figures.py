""" "Within time" and "overdue" at the end of a month come from running totals of the
aggregates' interval counters; they must agree with a scan of the dossiers."""

import time_machine

from quantri.dossiers import services, stats
from quantri.dossiers.tests.conftest import local, register


def _finish(dossier, at: str):
    services.dossier_transition(dossier=dossier, to_state="processing", user=None)
    services.dossier_transition(dossier=dossier, to_state="processed", user=None, at=local(at))


@time_machine.travel("2026-06-10 08:00 +0700", tick=False)
def test_month_end_counts_follow_each_dossier_across_months(
    procedure, department, culture_unit, library
):
    # 3 working days: received Tue 10/03 → due Thu 12/03; result on 06/04: late.
    late = register(procedure, department, unit=culture_unit)
    _finish(late, "2026-04-06 10:00")
    # received Mon 30/03 → due Wed 01/04, never finished: within time at the end of March,
    # overdue at the end of April and May.
    open_one = register(procedure, department, unit=library, received_at=local("2026-03-30 09:00"))
    # withdrawn without a result: in neither figure, in any month.
    withdrawn = register(procedure, department, received_at=local("2026-03-05 09:00"))
    services.dossier_transition(dossier=withdrawn, to_state="withdrawn", user=None)

    counts = {}
    for month in (2, 3, 4, 5, 6):
        m = stats.Month(2026, month)
        fast = stats.figures(department, m)
        assert fast == stats.figures_from_raw(department, m)
        counts[month] = (fast.within_time, fast.overdue)
    assert counts == {2: (0, 0), 3: (1, 1), 4: (0, 1), 5: (0, 1), 6: (0, 1)}

    march = stats.Month(2026, 3)
    assert stats.figures(department, march, unit=library).within_time == 1
    assert stats.figures(department, march, unit=library).overdue == 0
    assert stats.figures(department, march, unit=culture_unit).overdue == 1

    # Finishing the open dossier in May changes May's and June's count, not April's.
    _finish(open_one, "2026-05-20 09:00")
    assert stats.figures(department, stats.Month(2026, 4)).overdue == 1
    assert stats.figures(department, stats.Month(2026, 5)).overdue == 0
    assert stats.figures(department, stats.Month(2026, 5)).processed_late == 1
    june = stats.Month(2026, 6)  # the month in progress: read live, the same answer
    assert stats.figures(department, june) == stats.figures_from_raw(department, june)
