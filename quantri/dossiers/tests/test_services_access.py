"""The desk services decide who may act on a dossier, whoever calls them: the agency's
managers (alice, its office coordinator) may; its People's Inspection Board (dave), a unit's
head (bob) and another department's leader (erin) may not."""

import pytest
from django.core.exceptions import PermissionDenied

from quantri.dossiers import services
from quantri.dossiers.models import Dossier
from quantri.dossiers.tests.conftest import register

pytestmark = pytest.mark.django_db


def test_only_the_desk_registers_a_dossier(procedure, department, alice, bob, dave, erin):
    for outsider in (bob, dave, erin):
        with pytest.raises(PermissionDenied):
            register(procedure, department, user=outsider)
    assert not Dossier.objects.exists()
    assert register(procedure, department, user=alice).agency == department


def test_only_the_desk_moves_hands_over_and_flags_a_dossier(
    procedure, department, culture_unit, alice, dave, erin
):
    dossier = register(procedure, department)
    for outsider in (dave, erin):
        with pytest.raises(PermissionDenied):
            services.dossier_transition(dossier=dossier, to_state="processing", user=outsider)
        with pytest.raises(PermissionDenied):
            services.dossier_hand_over(dossier=dossier, to_unit=culture_unit, user=outsider)
        with pytest.raises(PermissionDenied):
            services.dossier_update_flags(dossier=dossier, user=outsider, paid_online=True)
    dossier.refresh_from_db()
    assert dossier.state == "received" and not dossier.paid_online
    assert not dossier.steps.exists()
    services.dossier_transition(dossier=dossier, to_state="processing", user=alice)
    dossier.refresh_from_db()
    assert dossier.state == "processing"
