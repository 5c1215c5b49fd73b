"""The issue's "done when" steps on the real plan imported fresh: the office amends it with a
new task and a moved deadline and sees the revision; a unit asks for an extension and gets
it; importing the same document again offers an amendment instead of a duplicate."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from quantri.plans import amending, editing, services
from quantri.plans.editing import Deadline, TaskFields
from quantri.plans.models import Plan, PlanImport, Task
from quantri.plans.tests.test_views_import import preview_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def real_plan(real_plan_bytes, department, office, culture_unit, library):
    parsed = services.plan_parse(
        data=real_plan_bytes, filename="ke-hoach-papi-2021.txt", agency=department
    )
    return services.plan_import(parsed=parsed, agency=department, filename="kh.txt")


def test_the_office_amends_the_real_plan_and_sees_the_revision(client, alice, real_plan):
    tasks = list(Task.objects.filter(group__plan=real_plan).order_by("group__order", "order"))
    moved = tasks[3]
    client.force_login(alice)
    add_url = reverse("plans:revision_add", args=[real_plan.pk])
    body = {"document_number": "120/KH-SVHTTDL", "issued_on": "15/06/2021", "reason": "Bổ sung"}
    assert client.post(add_url, body).status_code == 302
    group = real_plan.groups.order_by("order").first()
    added = editing.task_add(
        group=group, user=alice, fields=TaskFields(title="Khảo sát mức độ hài lòng bổ sung")
    )
    new_date = datetime.date(2021, 11, 30)
    editing.task_set_deadline(
        task=moved, user=alice, deadline=Deadline(kind="date", due_on=new_date), reason="Lùi hạn"
    )

    revision = real_plan.revisions.get()
    plan_page = client.get(reverse("plans:plan_detail", args=[real_plan.pk])).text
    assert reverse("plans:revision_detail", args=[revision.pk]) in plan_page
    page = client.get(reverse("plans:revision_detail", args=[revision.pk]))
    rows = {
        (c.kind, c.task_id, c.after)
        for _label, group in page.context["changes_by_kind"]
        for c in group
    }
    assert rows == {("added", added.pk, ""), ("deadline_moved", moved.pk, "30/11/2021")}
    before = {t["id"] for g in page.context["before"]["groups"] for t in g["tasks"]}
    assert before == {t.pk for t in tasks}  # the plan as it was: 23 tasks, without the new one


def test_a_unit_asks_for_an_extension_on_the_real_plan_and_gets_it(
    client, alice, bob, real_plan, culture_unit
):
    task = Task.objects.filter(group__plan=real_plan).order_by("group__order", "order")[8]
    editing.task_assign(task=task, user=alice, lead_unit=culture_unit, support_units=[])
    original = datetime.date(2021, 9, 30)
    editing.task_set_deadline(
        task=task, user=alice, deadline=Deadline(kind="date", due_on=original)
    )
    client.force_login(bob)
    asked = client.post(
        reverse("plans:extension_request", args=[task.pk]),
        {"requested_due_on": "31/12/2021", "reason": "Chờ phân bổ kinh phí"},
    )
    assert asked.status_code == 302
    extension = task.extensions.get()
    client.force_login(alice)
    client.post(reverse("plans:extension_decide", args=[extension.pk]), {"decision": "approve"})
    task.refresh_from_db()
    assert (task.due_on, task.original_due_on) == (datetime.date(2021, 12, 31), original)
    client.force_login(bob)
    mine = client.get(reverse("plans:my_tasks")).text
    assert "31/12/2021" in mine and "30/09/2021" in mine  # shown as extended, with the original


def test_reimporting_the_real_plan_offers_an_amendment_not_a_duplicate(
    client, alice, real_plan, real_plan_bytes, department
):
    client.force_login(alice)
    document = SimpleUploadedFile("ke-hoach-papi-2021.txt", real_plan_bytes)
    client.post(reverse("plans:import_upload"), {"agency": department.pk, "document": document})
    draft = PlanImport.objects.latest("pk")
    page = client.get(reverse("plans:import_preview", args=[draft.pk]))
    assert [plan for plan, _missing in page.context["matches"]] == [real_plan]
    assert page.context["matches"][0][1] == []  # every task is still in the document
    url = reverse("plans:import_preview", args=[draft.pk])
    data = preview_data(draft) | {"save-mode": str(real_plan.pk), "save-reason": "Nhập lại"}
    assert client.post(url, data).status_code == 302
    assert Plan.objects.count() == 1
    revision = real_plan.revisions.get()
    assert amending.revision_changes(revision) == []  # the same document changes nothing
