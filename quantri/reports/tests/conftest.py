"""The report personas, on top of quantri/conftest.py's department:

- alice: office coordinator of the department — opens periods, accepts and returns;
- bob: head of the culture unit — submits its report; frank: staff of the culture unit —
  drafts it but cannot submit;
- carol: staff of the library — "should not see the culture unit's draft"; gina heads it;
- dave: People's Inspection Board — reads submitted reports only.
"""

import datetime

import pytest
import time_machine

from quantri.orgs.models import Role
from quantri.plans.models import Frequency
from quantri.reports import services
from quantri.reports.models import ReportingRegime
from quantri.testing.factories import (
    MembershipFactory,
    TaskFactory,
    TaskGroupFactory,
    UserFactory,
    papi_dimension,
)

# A working day in the 2021-H1 window's reporting time, before the deadline (21/06/2021).
BEFORE_DEADLINE = datetime.datetime(2021, 6, 16, 9, tzinfo=datetime.UTC)
AFTER_DEADLINE = datetime.datetime(2021, 6, 25, 9, tzinfo=datetime.UTC)


@pytest.fixture
def frank(culture_unit):
    user = UserFactory(username="frank")
    MembershipFactory(user=user, agency=culture_unit, role=Role.STAFF)
    return user


@pytest.fixture
def gina(library):
    user = UserFactory(username="gina")
    MembershipFactory(user=user, agency=library, role=Role.UNIT_HEAD)
    return user


@pytest.fixture
def library_task(plan, library, culture_unit):
    group = TaskGroupFactory(plan=plan, order=2, dimension=papi_dimension("3"))
    task = TaskFactory(
        group=group, order=1, lead_unit=library, title="Tổ chức tiếp công dân định kỳ"
    )
    task.support_units.add(culture_unit)
    return task


@pytest.fixture
def regime(plan):
    return ReportingRegime.objects.create(plan=plan, frequency=Frequency.SEMIANNUAL)


@pytest.fixture
def period(regime, alice, culture_task, library_task):
    """2021-H1 opened on the plan: requests for the culture unit and the library."""
    with time_machine.travel(datetime.datetime(2021, 6, 1, 9, tzinfo=datetime.UTC), tick=False):
        return services.period_open(regime=regime, code="2021-H1", user=alice)


@pytest.fixture
def culture_request(period, culture_unit):
    return period.requests.get(unit=culture_unit)


@pytest.fixture
def library_request(period, library):
    return period.requests.get(unit=library)


@pytest.fixture
def travel():
    """travel(moment): freeze the clock at a moment for the rest of the test."""
    travellers = []

    def go(moment):
        traveller = time_machine.travel(moment, tick=False)
        traveller.start()
        travellers.append(traveller)

    yield go
    for traveller in reversed(travellers):
        traveller.stop()
