"""Assignments, rotations and checks: what is refused (nothing saved), who may write, and who
the desk services record as having received and returned a dossier."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from quantri.deskstaff import services
from quantri.deskstaff.models import DeskAssignment, DeskCheck, Rotation
from quantri.deskstaff.tests.conftest import local
from quantri.dossiers import services as desk
from quantri.dossiers.models import Dossier

pytestmark = pytest.mark.django_db


def test_overlapping_assignments_of_one_person_are_refused_on_the_start_date(alice, lan, body):
    with pytest.raises(ValidationError) as error:
        services.assignment_create(
            user=alice,
            person=lan,
            receiving_body=body,
            valid_from=datetime.date(2026, 6, 1),
            valid_to=datetime.date(2026, 12, 31),
        )
    assert "valid_from" in error.value.message_dict
    assert "overlap" in error.value.message_dict["valid_from"][0]
    assert DeskAssignment.objects.filter(person=lan).count() == 1


def test_a_later_assignment_after_the_first_ended_is_accepted(alice, office, body):
    from quantri.testing.factories import UserFactory

    person = UserFactory()
    kwargs = {"user": alice, "person": person, "receiving_body": body}
    services.assignment_create(
        **kwargs, valid_from=datetime.date(2025, 1, 1), valid_to=datetime.date(2025, 12, 31)
    )
    services.assignment_create(**kwargs, valid_from=datetime.date(2026, 1, 1))
    assert DeskAssignment.objects.filter(person=person).count() == 2


@pytest.mark.parametrize(
    ("in_post_since", "planned_on", "period_years", "field"),
    [
        # planned before the person took the post
        (datetime.date(2026, 1, 1), datetime.date(2025, 12, 1), 3, "planned_on"),
        # a period outside two to five years
        (datetime.date(2020, 1, 1), datetime.date(2026, 1, 1), 6, "period_years"),
    ],
)
def test_a_rotation_plan_against_the_rules_is_refused_on_its_field(
    alice, lan, department, in_post_since, planned_on, period_years, field
):
    with pytest.raises(ValidationError) as error:
        services.rotation_plan(
            user=alice,
            person=lan,
            agency=department,
            post="Tiếp nhận hồ sơ",
            in_post_since=in_post_since,
            planned_on=planned_on,
            period_years=period_years,
        )
    assert field in error.value.message_dict
    assert not Rotation.objects.exists()


def test_does_not_meet_without_reasons_is_refused(alice, lan, department):
    with pytest.raises(ValidationError) as error:
        services.check_record(
            user=alice,
            person=lan,
            agency=department,
            period_start=datetime.date(2026, 3, 1),
            period_end=datetime.date(2026, 3, 31),
            assessment="does_not_meet",
            reasons="  ",
        )
    assert "reasons" in error.value.message_dict
    assert not DeskCheck.objects.exists()


def test_only_the_agencys_managers_write(bob, lan, department, body):
    with pytest.raises(PermissionDenied):
        services.rotation_plan(
            user=bob,
            person=lan,
            agency=department,
            post="Tiếp nhận hồ sơ",
            in_post_since=datetime.date(2024, 1, 1),
            planned_on=datetime.date(2027, 1, 1),
            period_years=3,
        )
    with pytest.raises(PermissionDenied):
        services.assignment_create(
            user=bob, person=bob, receiving_body=body, valid_from=datetime.date(2026, 1, 1)
        )


def test_the_desk_records_who_received_and_who_returned(alice, department, procedure):
    dossier = desk.dossier_register(
        procedure=procedure,
        agency=department,
        applicant_name="Nguyễn Văn An",
        channel="desk",
        user=alice,
        received_at=local("2026-03-10 09:00"),
    )
    assert dossier.received_by == alice
    desk.dossier_transition(dossier=dossier, to_state="processing", user=None)
    desk.dossier_transition(
        dossier=dossier, to_state="processed", user=None, at=local("2026-03-11 09:00")
    )
    desk.dossier_transition(
        dossier=dossier, to_state="returned", user=alice, at=local("2026-03-12 09:00")
    )
    dossier = Dossier.objects.get(pk=dossier.pk)
    assert (dossier.received_by, dossier.returned_by) == (alice, alice)


def test_a_check_keeps_the_figures_as_they_stood(alice, lan, department, procedure):
    dossier = desk.dossier_register(
        procedure=procedure,
        agency=department,
        applicant_name="Nguyễn Văn An",
        channel="desk",
        user=None,
        received_at=local("2026-03-10 09:00"),
    )
    Dossier.objects.filter(pk=dossier.pk).update(received_by=lan)
    check = services.check_record(
        user=alice,
        person=lan,
        agency=department,
        period_start=datetime.date(2026, 3, 1),
        period_end=datetime.date(2026, 3, 31),
        assessment="meets",
    )
    Dossier.objects.filter(pk=dossier.pk).update(received_by=None)
    check.refresh_from_db()
    assert check.figures["received"] == 1
    assert check.assessed_by == alice
