"""The office's past reception sessions in the order work is due (issue 16 item 6): sessions
held and not yet recorded first, the longest waiting on top; recorded ones after them."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from quantri.reception import services
from quantri.reception.tests.conftest import schedule

pytestmark = pytest.mark.django_db


def _recorded(department, day):
    session = schedule(department, day)
    services.record_save(
        session=session, user=None, people_count=1, people="", summary="", new_matters=[]
    )
    return session


@time_machine.travel(datetime.date(2026, 5, 20))
def test_sessions_still_to_record_come_first_the_longest_waiting_on_top(client, alice, department):
    march = _recorded(department, datetime.date(2026, 3, 16))
    april = schedule(department, datetime.date(2026, 4, 13))
    may_recorded = _recorded(department, datetime.date(2026, 5, 4))
    may = schedule(department, datetime.date(2026, 5, 11))
    client.force_login(alice)
    past = client.get(reverse("reception:office")).context["past"]
    assert [s.date for s in past] == [s.date for s in (april, may, march, may_recorded)]
