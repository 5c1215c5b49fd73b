"""The history of a record still reads and writes as django-simple-history documents, with
the manager class built once per model (quantri.core.history)."""

import pytest

from quantri.feedback.models import Feedback
from quantri.feedback.tests.factories import submit

pytestmark = pytest.mark.django_db


def test_history_reads_the_same_with_one_manager_class_per_model(advertising):
    item = submit(advertising)
    item.location = "Ngã tư Lê Lợi"
    item.save()
    first, again = item.history, Feedback.objects.get(pk=item.pk).history
    assert type(first) is type(again)  # not rebuilt on each read
    assert [h.history_type for h in first.all()] == ["~", "+"]
    assert Feedback.history.filter(code=item.code).count() == 2
    assert first.most_recent().location == "Ngã tư Lê Lợi"
