"""The import preview's deadline cell (issue 12's first complaint): each task shows its deadline
as the parser read it, the office corrects it before saving, and an entry that cannot be read
is an error on that cell with nothing saved."""

import datetime

import pytest
from django.urls import reverse

from quantri.plans.models import Plan, PlanImport, Recurrence, Task
from quantri.plans.tests.test_views_import import preview_data, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(client_en, alice, department, office, culture_unit, library):
    client_en.force_login(alice)
    upload(client_en, department)
    return PlanImport.objects.get()


def preview_url(draft) -> str:
    return reverse("plans:import_preview", args=[draft.pk])


def task_titled(start: str) -> Task:
    return Task.objects.get(title__startswith=start)


def test_each_task_shows_its_deadline_as_the_plan_wrote_it(client_en, draft):
    page = client_en.get(preview_url(draft)).text
    assert 'name="g0-t0-deadline"' in page and 'name="g1-t1-deadline"' in page
    assert 'value="hoàn thành trước ngày 31/03/2026"' in page
    assert "Read as: 31/03/2026" in page


def test_the_office_sets_and_corrects_deadlines_before_saving(client_en, draft):
    data = preview_data(
        draft,
        **{
            "g0-t0-deadline": "trước 30/06/2026",
            "g1-t0-deadline": "Quý IV/2026",
            "g1-t1-deadline": "định kỳ 6 tháng",
        },
    )
    response = client_en.post(preview_url(draft), data)
    assert response.status_code == 302, response.text[:2000]

    moved = task_titled("Phổ biến Kế hoạch")
    assert moved.due_on == datetime.date(2026, 6, 30) and moved.due_text == "trước 30/06/2026"
    period = task_titled("Niêm yết")
    assert period.due_on == datetime.date(2026, 12, 31) and period.due_text == "Quý IV/2026"
    recurring = task_titled("Công khai chế độ")
    assert recurring.recurrence == Recurrence.SEMIANNUAL
    assert recurring.due_text == "định kỳ 6 tháng"

    page = client_en.get(reverse("plans:task_detail", args=[period.pk])).text
    assert "31/12/2026" in page


def test_a_recurrence_on_a_day_of_the_month_is_kept_in_its_words(client_en, draft):
    data = preview_data(draft, **{"g1-t0-deadline": "trước ngày 15 hằng tháng"})
    assert client_en.post(preview_url(draft), data).status_code == 302
    task = task_titled("Niêm yết")
    assert task.recurrence == Recurrence.MONTHLY
    assert task.due_text == "trước ngày 15 hằng tháng"


def test_an_untouched_cell_keeps_what_the_parser_read(client_en, draft):
    assert client_en.post(preview_url(draft), preview_data(draft)).status_code == 302
    task = task_titled("Phổ biến Kế hoạch")
    assert task.due_on == datetime.date(2026, 3, 31)
    assert task.due_text == "hoàn thành trước ngày 31/03/2026"


def test_an_emptied_cell_saves_the_task_without_a_deadline(client_en, draft):
    data = preview_data(draft, **{"g0-t0-deadline": ""})
    assert client_en.post(preview_url(draft), data).status_code == 302
    task = task_titled("Phổ biến Kế hoạch")
    assert (task.due_on, task.recurrence, task.due_text) == (None, "", "")


def test_an_unreadable_entry_names_the_row_and_the_cell_and_saves_nothing(client_en, draft):
    data = preview_data(
        draft, **{"g0-t0-deadline": "Quý IV/2026", "g1-t1-deadline": "khi có kinh phí"}
    )
    response = client_en.post(preview_url(draft), data)
    assert response.status_code == 200
    message = "Task 2.2, deadline: “khi có kinh phí” cannot be read."
    assert response.text.count(message) == 2  # in the summary and under the cell
    cell = response.text[response.text.index('name="g1-t1-deadline"') :][:1500]
    assert message in cell
    assert 'value="Quý IV/2026"' in response.text  # what the office typed stays in the form
    assert not Plan.objects.exists() and not Task.objects.exists()


def test_an_impossible_date_is_refused(client_en, draft):
    data = preview_data(draft, **{"g1-t0-deadline": "31/02/2026"})
    response = client_en.post(preview_url(draft), data)
    assert "Task 2.1, deadline: “31/02/2026” cannot be read." in response.text
    assert not Plan.objects.exists()


def test_a_deadline_before_the_plans_issue_date_is_refused(client_en, draft):
    data = preview_data(draft, **{"g1-t0-deadline": "31/01/2026"})
    response = client_en.post(preview_url(draft), data)
    assert response.status_code == 200
    assert (
        "Task 2.1, deadline: 31/01/2026 is before the plan&#x27;s issue date 20/02/2026."
        in response.text
    )
    assert not Plan.objects.exists()
