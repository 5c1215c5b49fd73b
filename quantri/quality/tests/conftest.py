import datetime
from decimal import Decimal

import pytest

from quantri.orgs.models import Role
from quantri.procedures.tests.factories import ProcedureFactory
from quantri.quality import services
from quantri.testing.factories import MembershipFactory, UserFactory

START = datetime.date(2026, 10, 1)


def person(username, agency, role):
    user = UserFactory(username=username, first_name=username.title())
    MembershipFactory(user=user, agency=agency, role=role)
    return user


@pytest.fixture
def leader(department):
    return person("lena", department, Role.LEADER)


@pytest.fixture
def deputy(department):
    return person("duc", department, Role.LEADER)


@pytest.fixture
def procedure(department):
    return ProcedureFactory(
        agency=department,
        processing_days=5,
        legal_bases=["Luật Di sản văn hóa số 45/2024/QH15"],
    )


def steps(*rows):
    """(description, responsible, amount, unit) → StepData."""
    return [services.StepData(d, r, Decimal(a), u) for d, r, a, u in rows]


@pytest.fixture
def process(department, culture_unit, procedure):
    return services.process_create(
        user=None,
        agency=department,
        unit=culture_unit,
        procedure=procedure,
        code="QT-01",
        title="Quy trình cấp giấy phép",
    )


@pytest.fixture
def audit(department, culture_unit, alice, process):
    return services.audit_plan(
        user=alice,
        agency=department,
        title="Đánh giá nội bộ 2026",
        starts_on=START,
        ends_on=START + datetime.timedelta(days=2),
        auditors=[alice],
        units=[culture_unit],
        processes=[process],
        checklist=[("7.5", "Quy trình được phê duyệt?")],
    )
