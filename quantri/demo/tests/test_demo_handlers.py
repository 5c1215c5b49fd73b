"""Demo work never handled by an unlikely unit (issue 16.10): whoever opens the demo sees a
travel licence handled by the Tourism unit, not by the Library, and a complaint about karaoke
with Culture Management. The rule: a dossier is handled by the unit in charge of its
procedure's field; a feedback item stays with its category's unit unless it was transferred."""

import datetime

import pytest
import time_machine

from quantri.demo.services import demo_load
from quantri.dossiers.demo import HANDLING_UNITS
from quantri.dossiers.models import Dossier
from quantri.feedback.models import Feedback, FeedbackStatus

pytestmark = pytest.mark.django_db
LOADED_ON = datetime.datetime(2026, 4, 20, 10, tzinfo=datetime.UTC)


@pytest.fixture
def demo(db):
    # Loaded inside each test's transaction: flushing the database afterwards would also
    # wipe the rows the data migrations put there (index versions, calendars) for later tests.
    with time_machine.travel(LOADED_ON, tick=False):
        demo_load()


def test_every_demo_dossier_is_handled_by_the_unit_in_charge_of_its_field(demo):
    dossiers = Dossier.objects.values_list("code", "procedure__field__code", "unit__code")
    assert dossiers
    unlikely = [
        (code, field, unit)
        for code, field, unit in dossiers
        if not unit.endswith(f"-{HANDLING_UNITS[field]}")
    ]
    assert not unlikely, unlikely[:5]


def test_demo_feedback_stays_with_its_categorys_unit_unless_transferred(demo):
    items = Feedback.objects.exclude(events__status=FeedbackStatus.TRANSFERRED).select_related(
        "category", "assigned_unit"
    )
    assert items
    unlikely = [
        (item.text[:40], item.category.name, item.assigned_unit)
        for item in items
        if item.assigned_unit_id not in (None, item.category.unit_id)
    ]
    assert not unlikely, unlikely
