"""A dossier list in the order work is due (issue 16 item 6): dossiers still in hand by their
appointment date, the nearest first; finished ones after them, whatever was received last."""

import pytest
import time_machine
from django.urls import reverse

from quantri.dossiers import services
from quantri.dossiers.tests.conftest import local, register

pytestmark = pytest.mark.django_db


@time_machine.travel("2026-03-31 16:00 +0700", tick=False)
def test_the_dossier_list_puts_the_nearest_appointment_first_and_finished_ones_last(
    client, alice, procedure, department
):
    finished = register(procedure, department, received_at=local("2026-03-02 09:00"))
    services.dossier_transition(dossier=finished, to_state="processing", user=None)
    services.dossier_transition(
        dossier=finished, to_state="processed", user=None, at=local("2026-03-04 10:00")
    )
    nearer = register(procedure, department, received_at=local("2026-03-10 09:00"))
    further = register(procedure, department, received_at=local("2026-03-27 09:00"))
    assert nearer.due_at < further.due_at
    client.force_login(alice)
    query = {"agency": department.pk, "month": "2026-03", "figure": "received"}
    listed = client.get(reverse("dossiers:list"), query).context["page"].object_list
    assert [d.code for d in listed] == [nearer.code, further.code, finished.code]
