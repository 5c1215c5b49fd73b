import datetime

import pytest

from quantri.core.models import RateCount
from quantri.core.ratelimit import rate_allow

pytestmark = pytest.mark.django_db
START = datetime.datetime(2026, 5, 4, 3, 0, 5, tzinfo=datetime.UTC)


def allow(client="10.0.0.1", scope="feedback", now=START, limit=2):
    return rate_allow(scope=scope, client=client, limit=limit, now=now)


def test_the_rate_limit_counts_per_window_and_forgets_old_windows():
    assert [allow() for _ in range(3)] == [True, True, False]
    assert allow(now=START + datetime.timedelta(minutes=10))
    assert RateCount.objects.count() == 1  # the finished window was dropped
    assert "10.0.0.1" not in RateCount.objects.get().client


def test_each_use_and_each_client_has_its_own_count():
    assert [allow() for _ in range(3)] == [True, True, False]
    assert allow(scope="survey") and allow(client="10.0.0.2")


def test_a_limit_of_zero_turns_it_off():
    assert all(allow(limit=0) for _ in range(20))
    assert not RateCount.objects.exists()
