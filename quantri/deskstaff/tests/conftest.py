import datetime

import pytest
from django.utils import timezone

from quantri.deskstaff import services
from quantri.dossiers.models import ReceivingBody
from quantri.orgs.models import Role
from quantri.procedures.tests.factories import ProcedureFactory
from quantri.testing.factories import MembershipFactory, UserFactory


def local(text: str) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.fromisoformat(text))


@pytest.fixture
def body(department):
    return ReceivingBody.objects.create(
        agency=department, name="Trung tâm Phục vụ hành chính công tỉnh Hưng Yên"
    )


@pytest.fixture
def procedure(department):
    return ProcedureFactory(agency=department, processing_days=3, online_service="none")


@pytest.fixture
def lan(office, body, alice):
    """A desk officer: staff of the Office, assigned to the desk since 2026."""
    user = UserFactory(username="lan", first_name="Lan", last_name="Ngô Thị")
    MembershipFactory(user=user, agency=office, role=Role.STAFF)
    services.assignment_create(
        user=alice, person=user, receiving_body=body, valid_from=datetime.date(2026, 1, 1)
    )
    return user


@pytest.fixture
def huy(office, body, alice):
    """Another desk officer: "should have no access to Lan's figures"."""
    user = UserFactory(username="huy", first_name="Huy", last_name="Đặng Quốc")
    MembershipFactory(user=user, agency=office, role=Role.STAFF)
    services.assignment_create(
        user=alice, person=user, receiving_body=body, valid_from=datetime.date(2026, 1, 1)
    )
    return user
