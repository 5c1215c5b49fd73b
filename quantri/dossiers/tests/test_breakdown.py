"""The dashboard's tables by handling unit and by procedure add up to the agency's figures,
and each name narrows the dashboard to it."""

import time_machine

from quantri.dossiers import breakdown, services, stats
from quantri.dossiers.tests.conftest import local, register
from quantri.procedures.tests.factories import ProcedureFactory


@time_machine.travel("2026-05-01 08:00 +0700", tick=False)
def test_rows_per_unit_and_procedure_add_up_to_the_agency(march, department, culture_unit, library):
    other = ProcedureFactory(agency=department, processing_days=1, online_service="none")
    late = register(other, department, unit=library, received_at=local("2026-03-02 09:00"))
    services.dossier_transition(dossier=late, to_state="processing", user=None)
    services.dossier_update_flags(dossier=late, user=None, rating="satisfied")
    month = stats.Month(2026, 3)
    whole = stats.figures(department, month)
    for by in ("unit", "procedure"):
        rows = breakdown.breakdown(department, month, by=by)
        assert sum(r.received for r in rows) == whole.received == 4
        assert sum(r.processed_late for r in rows) == whole.processed_late
        assert sum(r.overdue for r in rows) == whole.overdue == 1
        assert sum(r.within_time for r in rows) == whole.within_time
    by_unit = {r.subject: r for r in breakdown.breakdown(department, month, by="unit")}
    assert by_unit[library].overdue == 1 and by_unit[library].late_share == 1.0
    assert by_unit[culture_unit].processed == 2 and by_unit[culture_unit].late_share == 0.5
    by_procedure = breakdown.breakdown(department, month, by="procedure", unit=library)
    assert [r.subject for r in by_procedure] == [other]


@time_machine.travel("2026-05-01 08:00 +0700", tick=False)
def test_the_dashboard_lists_units_and_procedures_and_narrows_to_one(
    client, alice, march, department, culture_unit
):
    client.force_login(alice)
    html = client.get("/dossiers/?month=2026-03").content.decode()
    assert f'data-unit="{culture_unit.pk}"' in html and f'data-procedure="{march.pk}"' in html
    narrowed = client.get(f"/dossiers/?month=2026-03&procedure={march.pk}")
    assert narrowed.context["result"]["figures"]["received"] == 3
    listing = client.get(f"/dossiers/list/?month=2026-03&procedure={march.pk}&figure=received")
    assert len(listing.context["page"].object_list) == 3
    elsewhere = ProcedureFactory()  # another agency's procedure
    assert client.get(f"/dossiers/?month=2026-03&procedure={elsewhere.pk}").status_code == 404
