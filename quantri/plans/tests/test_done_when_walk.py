"""Issue 12's "Done when", walked in the demo through the pages its people use: the demo's
office coordinator imports the real plan (../shared/documents/) fresh into the demo department,
assigns all 23 tasks to the demo's units and officers with deadlines through the plan page's
bulk actions, amends the plan by a new document (a task added, a deadline moved) and reads
the revision; the culture unit's head asks for an extension and the office grants it; the
tasks reach the units' "my tasks" lists and the next period's report requests; the print view
shows the assignment table.

The demo takes tens of seconds to load, so it is loaded once for the module, and each step is
a module fixture building on the one before (inside one transaction rolled back at the end);
each test asserts what one step should have produced."""

import datetime
from dataclasses import dataclass
from io import StringIO

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import reverse

from quantri.conftest import REAL_PLAN
from quantri.core.names import display_name
from quantri.orgs.models import Agency, Role
from quantri.plans.models import Plan, PlanImport, Task
from quantri.plans.tests.test_views_import import preview_data

pytestmark = pytest.mark.django_db

DEPARTMENT = "SVHTTDL-HY"
# Which demo unit leads which of the real plan's 23 tasks (in plan order), the demo officer
# who carries them, and the deadline the office gives them: the Office keeps the steering and
# publicity tasks, the culture unit the procedures, the others the rest.
SPLIT = [
    # unit, tasks, officer, deadline fields, the deadline as the pages print it
    ("VP", slice(0, 5), "vanphong", {"kind": "period", "due_period": "2021-Q3"}, "30/09/2021"),
    ("QLVH", slice(5, 12), "chuyenvien", {"kind": "date", "due_on": "30/11/2021"}, "30/11/2021"),
    ("TV", slice(12, 16), "gd_tv", {"kind": "period", "due_period": "2021-Q4"}, "31/12/2021"),
    ("BT", slice(16, 19), "gd_bt", {"kind": "period", "due_period": "2021-Q4"}, "31/12/2021"),
    ("KHTC", slice(19, 23), "tp_khtc", {"kind": "period", "due_period": "2021-Q4"}, "31/12/2021"),
]
NEW_TASK = "Khảo sát mức độ hài lòng của người dân về dịch vụ văn hóa công năm 2021"


@dataclass
class Share:
    unit: Agency
    tasks: list[Task]
    officer: object
    shown_due: str


@dataclass
class Seen:
    """What a step left behind, read right after it: the later steps change the same tasks."""

    plan: Plan
    page: str  # the plan page the office then sees
    tasks: dict[int, tuple]  # task id → (lead unit id, officer ids, deadline)


def user(username: str):
    return get_user_model().objects.get(username=username)


def unit(code: str) -> Agency:
    return Agency.objects.get(code=f"{DEPARTMENT}-{code}")


def signed_in(username: str, language: str = "en") -> Client:
    """English by default, to assert against the msgids; the print view is read in
    Vietnamese, as the annex is attached."""
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    client.force_login(user(username))
    return client


def tasks_of(plan: Plan) -> list[Task]:
    return list(Task.objects.filter(group__plan=plan).order_by("group__order", "order"))


def assert_redirected(response) -> None:
    body = response.content.decode()[:2000] if response.status_code != 302 else ""
    assert response.status_code == 302, body


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo, loaded once for the module inside a transaction rolled back at the end, so
    other modules start from the empty database they expect."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            call_command("demo", stdout=StringIO())
            yield Agency.objects.get(code=DEPARTMENT)
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def seen(plan: Plan) -> Seen:
    page = signed_in("vanphong").get(reverse("plans:plan_detail", args=[plan.pk])).text
    tasks = Task.objects.filter(group__plan=plan).prefetch_related("responsible_officers")
    return Seen(
        plan=plan,
        page=page,
        tasks={
            t.pk: (t.lead_unit_id, [o.pk for o in t.responsible_officers.all()], t.due_on)
            for t in tasks
        },
    )


@pytest.fixture(scope="module")
def imported(demo, django_db_blocker) -> Seen:
    """Step 1: the office coordinator uploads the real plan for the demo department and saves
    the preview untouched; the demo already holds last cycle's plan of the same title, so the
    preview asks, and the office answers "a new plan"."""
    with django_db_blocker.unblock():
        office = signed_in("vanphong")
        document = SimpleUploadedFile(REAL_PLAN.name, REAL_PLAN.read_bytes())
        upload = {"agency": demo.pk, "document": document}
        assert_redirected(office.post(reverse("plans:import_upload"), upload))
        draft = PlanImport.objects.get(agency=demo, plan__isnull=True)
        url = reverse("plans:import_preview", args=[draft.pk])
        data = preview_data(draft)
        if office.get(url).context["choice"] is not None:
            data["save-mode"] = "new"
        assert_redirected(office.post(url, data))
        draft.refresh_from_db()
        return seen(draft.plan)


@pytest.fixture(scope="module")
def shares(imported, django_db_blocker) -> list[Share]:
    with django_db_blocker.unblock():
        tasks = tasks_of(imported.plan)
        return [
            Share(unit(code), tasks[part], user(officer), shown)
            for code, part, officer, _deadline, shown in SPLIT
        ]


def bulk(client: Client, plan: Plan, tasks: list[Task], **fields) -> None:
    data = {"tasks": [t.pk for t in tasks], "reason": "Phân công thực hiện", **fields}
    assert_redirected(client.post(reverse("plans:plan_bulk", args=[plan.pk]), data))


@pytest.fixture(scope="module")
def assigned(imported, shares, django_db_blocker) -> Seen:
    """Step 2: on the plan page, three bulk actions per unit: lead (the Office supporting
    every other unit, the culture unit supporting the Office), officer, deadline."""
    plan = imported.plan
    with django_db_blocker.unblock():
        office = signed_in("vanphong")
        office_unit = unit("VP")
        for share, (_code, _part, _officer, deadline, _shown) in zip(shares, SPLIT, strict=True):
            support = unit("QLVH") if share.unit == office_unit else office_unit
            lead = {"lead_unit": share.unit.pk, "support_units": [support.pk]}
            bulk(office, plan, share.tasks, action="assign", **lead)
            officers = {"responsible_officers": [share.officer.pk]}
            bulk(office, plan, share.tasks, action="officers", **officers)
            bulk(office, plan, share.tasks, action="deadline", **deadline)
        return seen(plan)


def edit_task(client: Client, task_id: int, action: str, **fields) -> None:
    data = {"action": action, **{f"{action}-{name}": value for name, value in fields.items()}}
    assert_redirected(client.post(reverse("plans:task_edit", args=[task_id]), data))


@pytest.fixture(scope="module")
def amended(assigned, shares, django_db_blocker):
    """Step 3: an amending document; under it a new task, which the office gives the culture
    unit (whose head picks its officer), and the library's first task moved to the end of
    November."""
    plan, culture = assigned.plan, shares[1]
    with django_db_blocker.unblock():
        office = signed_in("vanphong")
        document = {
            "document_number": "120/KH-SVHTTDL",
            "issued_on": "15/06/2021",
            "reason": "Bổ sung nhiệm vụ khảo sát, điều chỉnh thời hạn",
        }
        assert_redirected(office.post(reverse("plans:revision_add", args=[plan.pk]), document))
        new_task = {"group": culture.tasks[0].group_id, "title": NEW_TASK, "weight": 1}
        assert_redirected(office.post(reverse("plans:task_add", args=[plan.pk]), new_task))
        added = Task.objects.get(group__plan=plan, title=NEW_TASK)
        edit_task(office, added.pk, "assign", lead_unit=culture.unit.pk, support_units=[])
        edit_task(office, added.pk, "deadline", kind="period", due_period="2021-Q4")
        head = signed_in("truongphong")
        edit_task(head, added.pk, "officers", responsible_officers=[culture.officer.pk])
        moved = shares[2].tasks[0]
        reason = "Lùi hạn theo văn bản điều chỉnh"
        edit_task(office, moved.pk, "deadline", kind="date", due_on="30/11/2021", reason=reason)
        return plan.revisions.get(), moved, seen(plan)


@pytest.fixture(scope="module")
def extended(amended, shares, django_db_blocker) -> Task:
    """Step 4: the culture unit's head asks for three more months on one of its tasks; the
    office grants it."""
    with django_db_blocker.unblock():
        task = shares[1].tasks[1]
        asked = {"requested_due_on": "28/02/2022", "reason": "Chờ phân bổ kinh phí"}
        head = signed_in("truongphong")
        assert_redirected(head.post(reverse("plans:extension_request", args=[task.pk]), asked))
        extension = task.extensions.get()
        decision = {"decision": "approve"}
        office = signed_in("vanphong")
        assert_redirected(
            office.post(reverse("plans:extension_decide", args=[extension.pk]), decision)
        )
        task.refresh_from_db()
        return task


@pytest.fixture(scope="module")
def walked(extended, assigned) -> Plan:
    """The plan after the four steps that change it."""
    return assigned.plan


def test_step_1_the_real_plan_arrives_in_the_demo_with_most_tasks_unassigned(demo, imported):
    assert imported.plan.agency == demo
    assert len(imported.tasks) == 23
    count = sum(1 for lead, _officers, due in imported.tasks.values() if not (lead and due))
    assert count >= 20
    assert f"{count} tasks have no lead unit or no deadline yet." in imported.page


def test_step_2_the_office_assigns_all_23_tasks_through_bulk_actions(assigned, shares):
    for share in shares:
        for task in share.tasks:
            lead, officers, due = assigned.tasks[task.pk]
            assert lead == share.unit.pk
            assert officers == [share.officer.pk]
            assert due.strftime("%d/%m/%Y") == share.shown_due
    assert "Every task has a lead unit and a deadline." in assigned.page


def test_step_3_the_office_amends_the_plan_and_sees_the_revision(amended, shares):
    revision, moved, after = amended
    assert reverse("plans:revision_detail", args=[revision.pk]) in after.page
    assert NEW_TASK in after.page
    assert "Every task has a lead unit and a deadline." in after.page
    page = signed_in("vanphong").get(reverse("plans:revision_detail", args=[revision.pk]))
    assert "120/KH-SVHTTDL" in page.text and "Bổ sung nhiệm vụ khảo sát" in page.text
    changes = {(c.kind, c.after) for _kind, group in page.context["changes_by_kind"] for c in group}
    assert changes == {("added", ""), ("deadline_moved", "30/11/2021")}
    assert NEW_TASK in page.text and moved.title[:40] in page.text
    before = {t["id"] for g in page.context["before"]["groups"] for t in g["tasks"]}
    assert before == {t.pk for share in shares for t in share.tasks}  # the plan as imported


def test_step_4_the_culture_unit_asks_for_an_extension_and_gets_it(extended, shares):
    assert extended.due_on == datetime.date(2022, 2, 28)
    assert extended.original_due_on == datetime.date(2021, 11, 30)
    mine = signed_in("truongphong").get(reverse("plans:my_tasks")).text
    row = mine[mine.index(reverse("plans:task_detail", args=[extended.pk])) :][:1500]
    assert "28/02/2022" in row and "30/11/2021" in row  # extended, with the original beside it


def test_step_5_the_tasks_appear_in_each_units_list(walked, shares):
    for share in shares:
        heads = share.unit.memberships.filter(role=Role.UNIT_HEAD).values_list("user__username")
        for username in {share.officer.username, *(name for (name,) in heads)}:
            page = signed_in(username).get(reverse("plans:my_tasks")).text
            missing = [
                t.title[:40]
                for t in share.tasks
                if reverse("plans:task_detail", args=[t.pk]) not in page
            ]
            assert missing == [], (username, share.unit.code)


def head_of(unit: Agency):
    return unit.memberships.get(role=Role.UNIT_HEAD).user


def test_step_6_the_tasks_reach_the_next_periods_report_requests(walked, shares):
    office = signed_in("vanphong")
    # The plan's reporting page makes the regimes from the duties the document names.
    page = office.get(reverse("reports:plan_periods", args=[walked.pk]))
    regime = page.context["regimes"][0]
    code = {"semiannual": "2021-H2", "annual": "2021-Y", "quarterly": "2021-Q4"}[regime.frequency]
    opened = office.post(
        reverse("reports:period_open", args=[walked.pk]), {"regime": regime.pk, "code": code}
    )
    assert_redirected(opened)
    period = walked.reporting_periods.get(code=code)
    requests = {r.unit: r for r in period.requests.select_related("unit")}
    assert {share.unit for share in shares} <= set(requests)
    for share in shares:
        # The head answers for the unit's report (staff draft it, the head submits).
        url = reverse("reports:unit_report", args=[requests[share.unit].pk])
        page = signed_in(head_of(share.unit).username).get(url).text
        missing = [t.title[:40] for t in share.tasks if t.title[:40] not in page]
        assert missing == [], share.unit.code


def cells(page: str, task: Task) -> list[str]:
    row = page[page.index(f'data-task="{task.pk}"') :].split("</tr>")[0]
    return [cell.split("</td>")[0].strip() for cell in row.split("<td")[1:]]


def test_step_7_the_print_view_shows_the_assignment_table(walked, shares):
    url = reverse("plans:plan_print", args=[walked.pk])
    page = signed_in("vanphong", language="vi").get(url).text
    assert page.count('<tr class="task"') == 24  # the 23 imported and the one added
    assert NEW_TASK in page
    for share in shares:
        for task in Task.objects.filter(pk__in=[t.pk for t in share.tasks]):
            _number, _title, lead, _support, officers, deadline, _output = cells(page, task)
            assert lead.endswith(share.unit.name)
            assert officers.endswith(display_name(share.officer))
            assert task.due_on.strftime("%d/%m/%Y") in deadline
