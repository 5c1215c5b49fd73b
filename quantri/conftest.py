"""Shared fixtures. The personas follow one department:

- alice: office coordinator of the department — manages its plans;
- bob: head of the culture unit — updates the tasks his unit leads;
- carol: staff of the library — "should have no access to Bob's tasks";
- dave: People's Inspection Board member — reads, never writes.
"""

from pathlib import Path

import pytest

from quantri.orgs.models import AgencyKind, Role
from quantri.testing.factories import (
    AgencyFactory,
    MembershipFactory,
    PlanFactory,
    TaskFactory,
    TaskGroupFactory,
    UserFactory,
    papi_dimension,
)

SHARED_DIR = Path(__file__).resolve().parents[2] / "shared"
REAL_PLAN = SHARED_DIR / "documents" / "ke-hoach-papi-2021-so-vhttdl-hung-yen.txt"


TRANSACTIONAL_FIXTURES = {"transactional_db", "live_server", "django_db_serialized_rollback"}


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Mark the tests that commit for real. Their end empties every table, the rows the data
    migrations wrote included, so the tests run after them in the same process would find no PAPI
    framework or provinces. Serially pytest-django runs them last; parallel workers cannot promise
    that, so `make test` runs them in a second, serial pass (`-m transactional -n 0`)."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        committing = marker is not None and (
            marker.kwargs.get("transaction") or marker.kwargs.get("serialized_rollback")
        )
        if committing or TRANSACTIONAL_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.transactional)


@pytest.fixture
def real_plan_bytes() -> bytes:
    return REAL_PLAN.read_bytes()


@pytest.fixture
def province(db):
    return AgencyFactory(code="T-PROV", kind=AgencyKind.PROVINCE, name="UBND tỉnh Thử Nghiệm")


@pytest.fixture
def department(province):
    return AgencyFactory(
        code="T-DEPT",
        kind=AgencyKind.DEPARTMENT,
        name="Sở Văn hóa, Thể thao và Du lịch",
        short_name="Sở VHTTDL",
        parent=province,
    )


@pytest.fixture
def office(department):
    return AgencyFactory(
        code="T-VP", kind=AgencyKind.OFFICE, name="Văn phòng Sở", parent=department
    )


@pytest.fixture
def culture_unit(department):
    return AgencyFactory(
        code="T-QLVH",
        kind=AgencyKind.SPECIALISED,
        name="Phòng Quản lý Văn hóa",
        parent=department,
    )


@pytest.fixture
def library(department):
    return AgencyFactory(
        code="T-TV", kind=AgencyKind.PUBLIC_SERVICE, name="Thư viện tỉnh", parent=department
    )


@pytest.fixture
def alice(office):
    user = UserFactory(username="alice")
    MembershipFactory(user=user, agency=office.parent, role=Role.OFFICE_COORDINATOR)
    return user


@pytest.fixture
def bob(culture_unit):
    user = UserFactory(username="bob")
    MembershipFactory(user=user, agency=culture_unit, role=Role.UNIT_HEAD)
    return user


@pytest.fixture
def carol(library):
    user = UserFactory(username="carol")
    MembershipFactory(user=user, agency=library, role=Role.STAFF)
    return user


@pytest.fixture
def dave(department):
    user = UserFactory(username="dave")
    MembershipFactory(user=user, agency=department, role=Role.INSPECTION_BOARD)
    return user


@pytest.fixture
def plan(department):
    return PlanFactory(agency=department, number="45/KH-SVHTTDL", is_published=False)


@pytest.fixture
def culture_task(plan, culture_unit):
    group = TaskGroupFactory(plan=plan, order=1, dimension=papi_dimension("2"))
    return TaskFactory(group=group, order=1, lead_unit=culture_unit)


@pytest.fixture
def erin(province):
    """erin leads another department of the same province: none of alice's plans are hers."""
    other = AgencyFactory(
        code="T-DEPT2", kind=AgencyKind.DEPARTMENT, name="Sở Y tế", parent=province
    )
    user = UserFactory(username="erin")
    MembershipFactory(user=user, agency=other, role=Role.LEADER)
    return user


@pytest.fixture
def client_en(client):
    """A test client that chose English with the language switch, for asserting UI text
    against the English msgids (pages are Vietnamese by default)."""
    from django.conf import settings

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture(autouse=True)
def english_outside_requests():
    """Messages raised by services, commands and forms read in English in tests, whatever the
    catalogue says; pages still choose their language per request (Vietnamese by default)."""
    from django.utils import translation

    with translation.override("en"):
        yield
