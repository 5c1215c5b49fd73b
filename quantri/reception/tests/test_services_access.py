"""The reception services decide who may act, whoever calls them: the office schedules,
records and turns matters and commitments into feedback and tasks; the People's Inspection
Board (dave) reads only; another department's leader (erin) has no say."""

import pytest
from django.core.exceptions import PermissionDenied

from quantri.feedback.models import Feedback
from quantri.reception import services
from quantri.reception.models import ReceptionRecord, ReceptionSession
from quantri.reception.tests.conftest import PAST, schedule

pytestmark = pytest.mark.django_db


def test_only_the_office_schedules_and_records_a_session(department, alice, dave, erin):
    for outsider in (dave, erin):
        with pytest.raises(PermissionDenied):
            schedule(department, PAST, user=outsider)
    assert not ReceptionSession.objects.exists()
    session = schedule(department, PAST, user=alice)
    for outsider in (dave, erin):
        with pytest.raises(PermissionDenied):
            services.record_save(session=session, user=outsider, people_count=1)
        with pytest.raises(PermissionDenied):
            services.session_publish(session=session, user=outsider, published=False)
    assert not ReceptionRecord.objects.exists()
    assert services.record_save(session=session, user=alice, people_count=1).people_count == 1


def test_only_the_office_turns_a_matter_into_feedback(past_session, advertising, alice, dave):
    matter = past_session.record.matters.first()
    with pytest.raises(PermissionDenied):
        services.matter_to_feedback(matter=matter, category=advertising, user=dave)
    assert not Feedback.objects.exists()
    assert services.matter_to_feedback(matter=matter, category=advertising, user=alice).pk
