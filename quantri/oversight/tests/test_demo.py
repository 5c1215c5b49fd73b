"""The demo's check of the one-stop desk: two findings whose remedies are tasks of the
responsible units, one of them overdue; safe to run twice."""

import pytest
from django.utils import timezone

from quantri.demo.services import demo_load
from quantri.oversight.models import Inspection, InspectionStatus
from quantri.plans.models import Task

pytestmark = pytest.mark.django_db


def test_the_inspector_has_recorded_a_check_of_the_desk_with_remedies_as_tasks():
    demo_load()
    demo_load()
    inspection = Inspection.objects.get(decision_number="15/QĐ-SVHTTDL")
    assert inspection.status == InspectionStatus.CONCLUDED
    assert inspection.created_by.username == "thanhtra"
    assert inspection.findings.count() == 2
    remedies = list(inspection.remedies.select_related("task__lead_unit"))
    assert {r.task.lead_unit.short_name for r in remedies} == {"VP", "QLVH"}
    overdue = Task.objects.overdue(timezone.localdate()).filter(remedy__inspection=inspection)
    assert overdue.count() == 1
