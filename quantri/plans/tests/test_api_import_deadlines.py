"""The API import's equivalent of the preview's deadline cell: a client gives tasks' deadlines
as words, keyed by the task's place as the preview numbers it ('2.1': group 2, task 1), and
they are read by the same rules as the cell (quantri.plans.import_deadline.read_deadline)."""

import datetime
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from quantri.plans.models import Plan, Task
from quantri.plans.tests.test_views_import import SMALL_PLAN

pytestmark = pytest.mark.django_db
URL = "/api/plans/import"


def post(client, department, deadlines, **fields):
    upload = SimpleUploadedFile("ke-hoach.txt", SMALL_PLAN.encode(), "text/plain")
    body = {"agency": department.code, "file": upload, **fields}
    if deadlines is not None:
        body["deadlines"] = deadlines if isinstance(deadlines, str) else json.dumps(deadlines)
    return client.post(URL, body)


def task_at(plan_id: int, group: int, order: int) -> Task:
    return Task.objects.get(group__plan_id=plan_id, group__order=group, order=order)


@pytest.fixture
def signed_in(client_en, alice, office, culture_unit, library):
    client_en.force_login(alice)
    return client_en


def test_words_for_a_period_and_a_recurrence_are_read_as_the_preview_reads_them(
    signed_in, department
):
    response = post(signed_in, department, {"2.1": "Quý III/2026", "2.2": "hằng tháng"})
    assert response.status_code == 201, response.content
    plan_id = response.json()["id"]
    by_period = task_at(plan_id, 2, 1)
    assert by_period.due_on == datetime.date(2026, 9, 30)
    assert by_period.due_text == "Quý III/2026"
    monthly = task_at(plan_id, 2, 2)
    assert monthly.recurrence == "monthly" and monthly.due_text == "hằng tháng"
    # The task nobody named keeps what the parser read in the document.
    assert task_at(plan_id, 1, 1).due_on == datetime.date(2026, 3, 31)


def test_empty_words_remove_the_deadline_the_parser_read(signed_in, department):
    response = post(signed_in, department, {"1.1": ""})
    assert response.status_code == 201, response.content
    first = task_at(response.json()["id"], 1, 1)
    assert first.due_on is None and first.due_text == ""


def test_a_dry_run_shows_the_reading_and_saves_nothing(signed_in, department):
    response = post(signed_in, department, {"2.1": "Quý III/2026"}, dry_run="true")
    assert response.status_code == 200, response.content
    task = response.json()["groups"][1]["tasks"][0]
    assert (task["due"], task["due_text"]) == ("2026-09-30", "Quý III/2026")
    assert not Plan.objects.exists()


@pytest.mark.parametrize(
    ("deadlines", "named"),
    [
        ({"2.1": "sắp tới"}, "Task 2.1, deadline: “sắp tới” cannot be read"),
        ({"2.1": "31/01/2026"}, "Task 2.1, deadline: 31/01/2026 is before the plan's issue date"),
        ({"5.1": "Quý III/2026"}, "Task 5.1"),
        ({"2.x": "Quý III/2026"}, "2.x"),
        ({"2.1": "Quý III/" + "2026 " * 60}, "Task 2.1, deadline"),
        ({"2.1": 2026}, "Task 2.1, deadline"),
        ("Quý III/2026", "deadlines"),
        ("{not json", "deadlines"),
    ],
)
def test_bad_deadlines_are_a_400_naming_the_task_and_field_and_nothing_is_saved(
    signed_in, department, deadlines, named
):
    response = post(signed_in, department, deadlines)
    assert response.status_code == 400, response.content
    messages = response.json()["detail"]["deadlines"]
    assert any(named in message for message in messages), messages
    assert not Plan.objects.exists()


def test_every_bad_entry_is_named_at_once(signed_in, department):
    response = post(signed_in, department, {"1.1": "sắp tới", "2.2": "mai kia", "2.1": "năm 2026"})
    assert response.status_code == 400
    messages = " ".join(response.json()["detail"]["deadlines"])
    assert "Task 1.1" in messages and "Task 2.2" in messages and "Task 2.1" not in messages
    assert not Plan.objects.exists()
