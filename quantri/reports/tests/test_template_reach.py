"""The offline template of a periodic report is keyed by task id (issue 11): a row naming a
task of another agency's plan is a row error that says nothing of that task, and a cell
holding a control character is a clear message, not a server error."""

import pytest
from django.core.exceptions import ValidationError

from quantri.orgs.models import Agency
from quantri.reports.models import TaskReport
from quantri.reports.tests.test_spreadsheet import save, template, upload, workbook
from quantri.testing.factories import PlanFactory, TaskFactory, TaskGroupFactory
from quantri.testing.workbooks import with_raw_xml

pytestmark = pytest.mark.django_db


@pytest.fixture
def tasks(culture_request):
    from quantri.reports import services

    return list(services.unit_tasks(culture_request))


@pytest.fixture
def health_task(erin):
    health = Agency.objects.get(code="T-DEPT2")
    group = TaskGroupFactory(plan=PlanFactory(agency=health, number="12/KH-SYT"))
    return TaskFactory(group=group, lead_unit=health, title="Tập huấn y tế cơ sở")


def test_a_task_of_another_agencys_plan_is_a_row_error(
    culture_request, tasks, frank, culture_task, health_task
):
    book = workbook(template(culture_request, tasks))
    book["Nhiệm vụ"]["A6"] = health_task.pk  # the library's row, given erin's task
    book["Nhiệm vụ"]["E6"] = 100
    with pytest.raises(ValidationError) as error:
        upload(culture_request, frank, save(book))
    [message] = error.value.messages
    assert message.startswith("Sheet Nhiệm vụ, row 6, column A (Task id):")
    assert "not one of this unit's tasks" in message
    assert "y tế" not in message.lower() and "12/KH-SYT" not in message
    assert not TaskReport.objects.filter(task=health_task).exists()


def test_a_control_character_in_a_cell_is_a_clear_message(culture_request, tasks, frank):
    book = workbook(template(culture_request, tasks))
    book["Nhiệm vụ"]["F5"] = "MARK"
    content = with_raw_xml(save(book), b"MARK", b"&#0;")
    with pytest.raises(ValidationError, match="holds a control character"):
        upload(culture_request, frank, content)
