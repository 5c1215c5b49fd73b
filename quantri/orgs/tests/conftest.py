"""The example workbook's department (Sở Tư pháp Hưng Yên, under its province) and its
administrator, under names of their own: a folder-wide `department` or `alice` would replace
the suite-wide ones that other tests here rely on."""

import pytest

from quantri.orgs.example_data import DEPARTMENT
from quantri.orgs.models import AgencyKind, Role
from quantri.testing.factories import AgencyFactory, MembershipFactory, UserFactory


@pytest.fixture
def example_department():
    province = AgencyFactory(code="HY", kind=AgencyKind.PROVINCE, name="UBND tỉnh Hưng Yên")
    return AgencyFactory(
        code=DEPARTMENT, kind=AgencyKind.DEPARTMENT, name="Sở Tư pháp", parent=province
    )


@pytest.fixture
def example_admin(example_department):
    user = UserFactory(username="alice")
    MembershipFactory(user=user, agency=example_department, role=Role.ADMIN)
    return user
