"""The desk's letters as state changes: the request for additional documents, the refusal and
the apology's new appointment, each through the transition rules and the aggregates."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError

from quantri.dossiers import aggregates, services
from quantri.dossiers.models import Dossier, State
from quantri.dossiers.tests.conftest import local, register
from quantri.dossiers.tests.test_services import aggregate_table
from quantri.orgs.models import AgencyKind, Role
from quantri.testing.factories import AgencyFactory, MembershipFactory, UserFactory


@pytest.fixture(autouse=True)
def monday_16_march():
    # Received 10/03/2026 with 3 working days: due 13/03/2026 17:00, overdue now.
    with time_machine.travel("2026-03-16 08:00 +0700", tick=False):
        yield


@pytest.fixture
def clerk(office):
    """Works at the one-stop desk, in the Department Office: the desk services check that."""
    user = UserFactory(username="clerk")
    MembershipFactory(user=user, agency=office, role=Role.OFFICE_COORDINATOR)
    return user


@pytest.fixture
def dossier(procedure, department):
    return register(procedure, department)


def moved(dossier, *states):
    for state in states:
        services.dossier_transition(dossier=dossier, to_state=state, user=None)
    dossier.refresh_from_db()
    return dossier


def assert_aggregates_agree_with_a_rebuild():
    incremental = aggregate_table()
    aggregates.rebuild()
    assert aggregate_table() == incremental


@pytest.mark.parametrize("path", [[], ["processing"]], ids=["received", "processing"])
def test_request_for_additional_documents_records_who_and_when(dossier, clerk, path):
    moved(dossier, *path)
    services.dossier_request_additional(dossier=dossier, user=clerk)
    dossier.refresh_from_db()
    assert dossier.state == State.ADDITIONAL_REQUESTED
    last = dossier.history.order_by("-history_date", "-history_id").first()
    assert last.history_user == clerk and last.state == State.ADDITIONAL_REQUESTED
    assert_aggregates_agree_with_a_rebuild()


@pytest.mark.parametrize(
    "path",
    [["additional_requested"], ["processing", "awaiting_fee"], ["processing", "processed"]],
    ids=["already-requested", "awaiting-fee", "processed"],
)
def test_additional_documents_are_requested_once_and_only_while_handled(dossier, path):
    moved(dossier, *path)
    with pytest.raises(ValidationError, match="only once"):
        services.dossier_request_additional(dossier=dossier, user=None)
    assert Dossier.objects.get().state == path[-1]


def test_refusing_a_new_dossier_means_not_accepted(dossier):
    Dossier.objects.filter(pk=dossier.pk).update(state=State.NEW)
    aggregates.rebuild()
    services.dossier_refuse(dossier=dossier, user=None)
    assert Dossier.objects.get().state == State.NOT_ACCEPTED
    assert_aggregates_agree_with_a_rebuild()


@pytest.mark.parametrize(
    "path",
    [[], ["processing"], ["processing", "additional_requested"]],
    ids=["received", "processing", "additional-requested"],
)
def test_refusing_after_reception_stops_processing(dossier, path):
    moved(dossier, *path)
    services.dossier_refuse(dossier=dossier, user=None)
    dossier.refresh_from_db()
    assert dossier.state == State.STOPPED and dossier.result_at is None
    # A stopped dossier is neither within time nor overdue any more.
    assert_aggregates_agree_with_a_rebuild()


def test_a_processed_dossier_cannot_be_refused(dossier):
    moved(dossier, "processing", "processed")
    with pytest.raises(ValidationError, match="can no longer be refused"):
        services.dossier_refuse(dossier=dossier, user=None)
    assert Dossier.objects.get().state == State.PROCESSED


def test_the_apology_saves_the_new_appointment_and_keeps_the_first(dossier, clerk):
    services.dossier_set_new_appointment(
        dossier=dossier, new_due=datetime.date(2026, 3, 18), user=clerk
    )
    dossier.refresh_from_db()
    assert dossier.new_due_at == local("2026-03-18 17:00")
    assert dossier.due_at == local("2026-03-13 17:00")  # the 766 index still judges by it
    assert dossier.history.first().history_user == clerk
    assert_aggregates_agree_with_a_rebuild()


@pytest.mark.parametrize(
    ("day", "message"),
    [("2026-03-16", "after today"), ("2026-03-21", "21/03/2026 is not a working day")],
    ids=["today", "saturday"],
)
def test_the_new_appointment_must_be_a_working_day_after_today(dossier, day, message):
    with pytest.raises(ValidationError, match=message):
        services.dossier_set_new_appointment(
            dossier=dossier, new_due=datetime.date.fromisoformat(day), user=None
        )
    assert Dossier.objects.get().new_due_at is None


def test_no_new_appointment_for_a_dossier_on_time_or_already_returned(
    procedure, department, dossier
):
    fresh = register(procedure, department, received_at=local("2026-03-16 07:30"))
    returned = moved(dossier, "processing", "processed", "returned")
    for item in (fresh, returned):
        with pytest.raises(ValidationError, match="Only a late dossier"):
            services.dossier_set_new_appointment(
                dossier=item, new_due=datetime.date(2026, 3, 18), user=None
            )
    assert not Dossier.objects.filter(new_due_at__isnull=False).exists()


def test_hand_over_stays_inside_the_dossiers_agency(dossier, province):
    other = AgencyFactory(code="T-YT", kind=AgencyKind.DEPARTMENT, parent=province)
    with pytest.raises(ValidationError, match="is not a unit of"):
        services.dossier_hand_over(dossier=dossier, to_unit=other, user=None)
    assert not dossier.steps.exists()
