"""The pages for amendments, archive/delete and extensions: they call the services, put a
refusal on the field, save nothing on bad input, and show what changed."""

import datetime

import pytest
from django.urls import reverse

from quantri.plans import amending, editing, services
from quantri.plans.editing import TaskFields
from quantri.plans.models import DeadlineExtension, ExtensionStatus, Plan, PlanRevision
from quantri.plans.tests.test_views_import import preview_data, upload

pytestmark = pytest.mark.django_db

JUNE = datetime.date(2021, 6, 30)


@pytest.fixture
def dated_task(culture_task):
    culture_task.due_on = JUNE
    culture_task.save()
    return culture_task


def test_the_office_records_an_amendment_and_the_plan_page_lists_it(
    client, alice, plan, culture_task
):
    client.force_login(alice)
    url = reverse("plans:revision_add", args=[plan.pk])
    body = {"document_number": "88/KH", "issued_on": "04/05/2021", "reason": "Bổ sung"}
    assert client.post(url, body).status_code == 302
    revision = PlanRevision.objects.get()
    editing.task_add(group=culture_task.group, user=alice, fields=TaskFields(title="Việc thêm"))
    page = client.get(reverse("plans:plan_detail", args=[plan.pk])).text
    assert reverse("plans:revision_detail", args=[revision.pk]) in page and "88/KH" in page
    detail = client.get(reverse("plans:revision_detail", args=[revision.pk])).text
    assert "Việc thêm" in detail and culture_task.title in detail  # the change, the plan before


def test_an_amendment_without_a_reason_is_refused_on_the_field(client, alice, plan):
    client.force_login(alice)
    url = reverse("plans:revision_add", args=[plan.pk])
    response = client.post(url, {"issued_on": "04/05/2021", "reason": ""})
    assert response.status_code == 400
    assert response.context["form"].errors["reason"]
    assert not PlanRevision.objects.exists()


def test_units_cannot_record_amendments_archive_or_delete(client, bob, plan):
    client.force_login(bob)
    for name in ("revision_add", "plan_archive", "plan_delete"):
        assert client.post(reverse(f"plans:{name}", args=[plan.pk])).status_code == 403, name
    plan.refresh_from_db()
    assert plan.archived_at is None


def test_an_archived_plan_leaves_the_list_and_stays_readable(client, alice, plan):
    client.force_login(alice)
    client.post(reverse("plans:plan_archive", args=[plan.pk]), {"archived": "1"})
    plans_url = reverse("plans:plan_list")
    detail_url = reverse("plans:plan_detail", args=[plan.pk])
    assert detail_url not in client.get(plans_url).text
    assert detail_url in client.get(plans_url + "?archived=1").text
    assert client.get(detail_url).status_code == 200


def test_deleting_asks_for_confirmation_then_deletes(client, alice, plan):
    client.force_login(alice)
    url = reverse("plans:plan_delete", args=[plan.pk])
    assert "button-danger" in client.get(url).text and Plan.objects.filter(pk=plan.pk).exists()
    assert client.post(url).status_code == 302
    assert not Plan.objects.filter(pk=plan.pk).exists()


def test_a_plan_with_reports_cannot_be_deleted_and_says_why(client, alice, plan, culture_task):
    services.task_record_progress(task=culture_task, user=alice, progress=10)
    client.force_login(alice)
    url = reverse("plans:plan_delete", args=[plan.pk])
    page = client.get(url)
    assert page.context["blockers"] and "button-danger" not in page.text
    response = client.post(url, follow=True)
    assert Plan.objects.filter(pk=plan.pk).exists()
    [message] = list(response.context["messages"])
    assert message.level_tag == "error" and plan.number not in message.message


def test_the_unit_head_asks_for_an_extension_and_the_office_approves(
    client, alice, bob, dated_task
):
    client.force_login(bob)
    task_url = reverse("plans:task_detail", args=[dated_task.pk])
    assert reverse("plans:extension_request", args=[dated_task.pk]) in client.get(task_url).text
    response = client.post(
        reverse("plans:extension_request", args=[dated_task.pk]),
        {"requested_due_on": "30/09/2021", "reason": "Chờ kinh phí"},
    )
    assert response.status_code == 302
    extension = DeadlineExtension.objects.get()
    client.force_login(alice)
    plan_page = client.get(reverse("plans:plan_detail", args=[dated_task.group.plan_id])).text
    assert reverse("plans:extension_decide", args=[extension.pk]) in plan_page
    client.post(reverse("plans:extension_decide", args=[extension.pk]), {"decision": "approve"})
    dated_task.refresh_from_db()
    assert dated_task.due_on == datetime.date(2021, 9, 30)
    page = client.get(task_url).text
    assert "30/09/2021" in page and "30/06/2021" in page


def test_a_shortening_request_is_refused_on_the_field_and_nothing_saved(client, bob, dated_task):
    client.force_login(bob)
    response = client.post(
        reverse("plans:extension_request", args=[dated_task.pk]),
        {"requested_due_on": "01/06/2021", "reason": "Xong sớm"},
    )
    assert response.status_code == 400
    assert "30/06/2021" in response.context["form"].errors["requested_due_on"][0]
    assert not DeadlineExtension.objects.exists()


def test_outside_the_lead_unit_no_one_may_ask(client, carol, dave, dated_task):
    for user in (carol, dave):
        client.force_login(user)
        url = reverse("plans:extension_request", args=[dated_task.pk])
        assert (
            client.post(url, {"requested_due_on": "30/09/2021", "reason": "x"}).status_code == 403
        )
    assert not DeadlineExtension.objects.exists()


def test_a_refusal_without_a_note_is_refused_on_the_field(client, alice, bob, dated_task):
    extension = amending.extension_request(
        task=dated_task, user=bob, new_due_on=datetime.date(2021, 9, 30), reason="Chờ"
    )
    client.force_login(alice)
    url = reverse("plans:extension_decide", args=[extension.pk])
    response = client.post(url, {"decision": "refuse", "note": ""})
    assert response.status_code == 400 and response.context["form"].errors["note"]
    extension.refresh_from_db()
    assert extension.status == ExtensionStatus.PENDING


def test_reimporting_a_document_offers_an_amendment_instead_of_a_duplicate(
    client, alice, department
):
    client.force_login(alice)
    first = PlanImportFlow(client, department)
    first.save({})
    assert Plan.objects.count() == 1
    second = PlanImportFlow(client, department)
    page = client.get(second.url).text
    assert "save-mode" in page  # the choice is offered
    refused = second.save({})
    assert refused.status_code == 200 and refused.context["choice"].errors["mode"]
    assert Plan.objects.count() == 1
    plan = Plan.objects.get()
    response = second.save({"save-mode": str(plan.pk), "save-reason": "Điều chỉnh"})
    assert response.status_code == 302 and Plan.objects.count() == 1
    assert plan.revisions.count() == 1


class PlanImportFlow:
    def __init__(self, client, agency):
        from quantri.plans.models import PlanImport

        self.client = client
        upload(client, agency)
        self.draft = PlanImport.objects.latest("pk")
        self.url = reverse("plans:import_preview", args=[self.draft.pk])

    def save(self, extra: dict):
        return self.client.post(self.url, preview_data(self.draft) | extra)
