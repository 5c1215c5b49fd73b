"""Personas for accounts: frank administers the department; bob (unit head) and carol (staff)
are people he administers; erin leads another department and is none of his business, and
gina administers that other department."""

import re

import pytest
from django.core import mail

from quantri.orgs.models import Agency, AgencyKind, Role
from quantri.testing.factories import AgencyFactory, MembershipFactory, UserFactory


@pytest.fixture
def frank(department):
    user = UserFactory(username="frank", first_name="Phương", last_name="Lê Văn")
    MembershipFactory(user=user, agency=department, role=Role.ADMIN)
    return user


@pytest.fixture
def gina(erin):
    other = Agency.objects.get(code="T-DEPT2")
    user = UserFactory(username="gina")
    MembershipFactory(user=user, agency=other, role=Role.ADMIN)
    return user


@pytest.fixture
def health_unit(erin):
    return AgencyFactory(
        code="T-SYT-P1",
        kind=AgencyKind.SPECIALISED,
        name="Phòng Nghiệp vụ Y",
        parent=Agency.objects.get(code="T-DEPT2"),
    )


def last_link() -> str:
    """The link in the latest e-mail, as the person would click it (path only)."""
    url = re.search(r"https?://\S+/(?:invitation|password-reset)/\S+", mail.outbox[-1].body)[0]
    return re.sub(r"^https?://[^/]+", "", url)
