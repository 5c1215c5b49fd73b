"""An inspection from its decision to a closed remedy: the remedies become tasks of their
units through the plan services, the remedy's state follows its task, and the inspection
closes only once every remedy is done."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from quantri.oversight import services
from quantri.oversight.models import InspectionStatus, RemedyState
from quantri.oversight.remedy_tasks import remedies_make_tasks
from quantri.plans.models import Task
from quantri.plans.services import task_record_progress

pytestmark = pytest.mark.django_db


def test_closing_with_remedies_not_yet_tasks_is_refused(checked, ivan):
    with pytest.raises(ValidationError) as refused:
        services.inspection_close(inspection=checked, user=ivan)
    assert "not yet tasks" in refused.value.message_dict["remedies"][0]
    checked.refresh_from_db()
    assert checked.status == InspectionStatus.CONCLUDED


def test_each_remedy_becomes_a_task_of_its_lead_unit_with_its_deadline(checked, ivan, office):
    made = remedies_make_tasks(inspection=checked, user=ivan)
    assert len(made) == 2
    remedy = checked.remedies.get(lead_unit=office)
    task = remedy.task
    assert task.lead_unit == office
    assert task.due_on == datetime.date(2021, 4, 30)
    assert task.remedy == remedy
    assert task.group.plan.title == "Khắc phục sau thanh tra, kiểm tra năm 2021"
    assert "02/KL-SVHTTDL" in task.group.title
    support = checked.remedies.exclude(lead_unit=office).get().task
    assert list(support.support_units.all()) == [office]


def test_making_the_tasks_again_makes_no_second_task(checked, ivan):
    remedies_make_tasks(inspection=checked, user=ivan)
    assert remedies_make_tasks(inspection=checked, user=ivan) == []
    assert Task.objects.filter(remedy__inspection=checked).count() == 2


def test_an_overdue_remedy_is_on_the_offices_overdue_list(checked, ivan, office):
    remedies_make_tasks(inspection=checked, user=ivan)
    overdue = Task.objects.overdue(today=datetime.date(2021, 5, 3))
    assert list(overdue.values_list("remedy__lead_unit", flat=True)) == [office.pk]
    assert checked.remedies.get(lead_unit=office).is_overdue(datetime.date(2021, 5, 3))


def test_task_done_makes_the_remedy_done_and_then_the_inspection_closes(
    checked, ivan, alice, bob, culture_unit
):
    remedies_make_tasks(inspection=checked, user=alice)  # the office may make them too
    culture_remedy = checked.remedies.get(lead_unit=culture_unit)
    task_record_progress(task=culture_remedy.task, user=bob, progress=100, note="Đã gửi")
    culture_remedy.refresh_from_db()
    assert culture_remedy.state == RemedyState.DONE
    with pytest.raises(ValidationError) as refused:  # the office's remedy is still open
        services.inspection_close(inspection=checked, user=ivan)
    assert "not done yet" in refused.value.message_dict["remedies"][0]
    office_remedy = checked.remedies.exclude(pk=culture_remedy.pk).get()
    task_record_progress(task=office_remedy.task, user=alice, progress=100, note="Đã bổ sung")
    closed = services.inspection_close(inspection=checked, user=ivan)
    assert closed.status == InspectionStatus.CLOSED
    assert closed.closed_at is not None


def test_a_closed_inspection_takes_no_more_findings(checked, ivan, alice, office):
    remedies_make_tasks(inspection=checked, user=ivan)
    for remedy in checked.remedies.all():
        task_record_progress(task=remedy.task, user=alice, progress=100, note="")
    services.inspection_close(inspection=checked, user=ivan)
    with pytest.raises(ValidationError):
        services.finding_add(
            inspection=checked,
            user=ivan,
            subject_unit=office,
            rule="x",
            legal_basis="y",
            description="z",
            severity="minor",
        )


def test_the_legal_basis_cites_the_law_on_inspection_2025(inspection):
    assert "84/2025/QH15" in inspection.legal_basis
    assert "36/2018/QH14" in inspection.legal_basis  # a check applies the Anti-corruption Law
