import pytest

from quantri.orgs.access import Access
from quantri.orgs.models import Role
from quantri.testing.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_the_office_coordinator_in_the_office_keeps_the_whole_departments_catalogue(
    office, department, library, festival
):
    # The demo's coordinator holds the role in the Department Office, not the department.
    user = UserFactory(username="vanphong")
    MembershipFactory(user=user, agency=office, role=Role.OFFICE_COORDINATOR)
    access = Access.for_user(user)
    assert access.can_manage_procedures(department.pk) and access.can_manage_procedures(library.pk)
    assert access.can_manage_disclosures(department.pk)


def test_a_unit_head_reads_published_procedures_only(bob, festival, draft_procedure):
    access = Access.for_user(bob)
    assert access.can_view_procedure(festival) and not access.can_view_procedure(draft_procedure)
    assert not access.manages_catalogue()


def test_the_inspection_board_oversees_but_does_not_manage(dave, department):
    access = Access.for_user(dave)
    assert access.oversees_public_side() and department.pk in (
        access.public_side_oversight_agency_ids()
    )
    assert not access.can_manage_procedures(department.pk)
    assert not access.can_manage_disclosures(department.pk)
