"""Demo data never dated after the day it is loaded (issue 16.10): a notice decided next
month or a dossier received tomorrow makes the product look broken to whoever opens the demo.
Deadlines and appointments may lie ahead; what happened may not.

The demo is loaded on a spring day, so fixed dates written into a demo module (a decision of
November) show up. Plans are left out: their documents carry their own dates (another
engineer's part)."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from quantri.demo.services import demo_load

pytestmark = pytest.mark.django_db
LOADED_ON = datetime.datetime(2026, 4, 20, 10, tzinfo=datetime.UTC)

# (model label, field): things that happened.
HAPPENED = [
    ("disclosures.Disclosure", "decision_date"),
    ("disclosures.Disclosure", "published_on"),
    ("procedures.ProcedureReview", "started_on"),
    ("procedures.ProcedureReview", "closed_on"),
    ("procedures.Procedure", "last_reviewed_on"),
    ("feedback.Feedback", "received_at"),
    ("dossiers.Dossier", "received_at"),
    ("dossiers.Dossier", "result_at"),
    ("dossiers.Dossier", "returned_at"),
    ("surveys.Response", "submitted_at"),
    ("reception.Dialogue", "date"),
    ("reports.UnitReport", "submitted_at"),
]


def test_nothing_in_the_demo_happened_after_the_day_it_was_loaded():
    from django.apps import apps

    with time_machine.travel(LOADED_ON, tick=False):
        demo_load()
        today = timezone.localdate()
    future = []
    for label, field in HAPPENED:
        model = apps.get_model(label)
        is_datetime = model._meta.get_field(field).get_internal_type() == "DateTimeField"
        tomorrow = today + datetime.timedelta(days=1)
        limit = (
            {
                f"{field}__gte": timezone.make_aware(
                    datetime.datetime.combine(tomorrow, datetime.time())
                )
            }
            if is_datetime
            else {f"{field}__gt": today}
        )
        count = model.objects.filter(**limit).count()
        if count:
            future.append(f"{label}.{field}: {count} after {today:%d/%m/%Y}")
    assert not future, "demo data dated in the future:\n" + "\n".join(future)
