"""Deadline extensions: the lead unit asks, the office decides; only an approval moves the
deadline, the original is kept, and overdue lists judge against the extended one."""

import datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError

from quantri.orgs.models import Role
from quantri.plans import amending
from quantri.plans.models import DeadlineExtension, ExtensionStatus, Task
from quantri.testing.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db

JUNE, SEPTEMBER = datetime.date(2021, 6, 30), datetime.date(2021, 9, 30)


@pytest.fixture
def task(culture_task):
    culture_task.due_on = JUNE
    culture_task.save()
    return culture_task


def ask(task, user, new=SEPTEMBER, reason="Chờ kinh phí"):
    return amending.extension_request(task=task, user=user, new_due_on=new, reason=reason)


def test_the_unit_head_asks_and_the_office_approves(alice, bob, task):
    request = ask(task, bob)
    task.refresh_from_db()
    assert task.due_on == JUNE  # a pending request changes nothing
    amending.extension_decide(extension=request, user=alice, approve=True)
    task.refresh_from_db()
    assert (task.due_on, task.original_due_on, task.is_extended) == (SEPTEMBER, JUNE, True)
    request.refresh_from_db()
    assert request.status == ExtensionStatus.APPROVED and request.decided_by == alice
    assert task.history.first().history_change_reason.startswith("Deadline extended to 30/09/2021")


def test_a_second_extension_keeps_the_very_first_deadline(alice, bob, task):
    amending.extension_decide(extension=ask(task, bob), user=alice, approve=True)
    task.refresh_from_db()
    later = datetime.date(2021, 11, 30)
    amending.extension_decide(extension=ask(task, bob, new=later), user=alice, approve=True)
    task.refresh_from_db()
    assert (task.due_on, task.original_due_on) == (later, JUNE)


def test_a_refusal_needs_a_note_and_changes_nothing(alice, bob, task):
    request = ask(task, bob)
    with pytest.raises(ValidationError) as no_note:
        amending.extension_decide(extension=request, user=alice, approve=False)
    assert "note" in no_note.value.message_dict
    amending.extension_decide(extension=request, user=alice, approve=False, note="Không có căn cứ")
    task.refresh_from_db()
    assert (task.due_on, task.original_due_on) == (JUNE, None)
    assert DeadlineExtension.objects.get().status == ExtensionStatus.REFUSED


def test_a_request_that_shortens_the_deadline_is_refused_on_the_field(bob, task):
    with pytest.raises(ValidationError) as exc:
        ask(task, bob, new=datetime.date(2021, 6, 1))
    message = exc.value.message_dict["requested_due_on"][0]
    assert "30/06/2021" in message and "01/06/2021" in message
    assert not DeadlineExtension.objects.exists()


def test_a_request_from_outside_the_lead_unit_is_refused(alice, carol, dave, task):
    for outsider in (carol, dave, alice):  # another unit, the board, even the office
        with pytest.raises(PermissionDenied) as exc:
            ask(task, outsider)
        assert "lead unit" in str(exc.value)
    assert not DeadlineExtension.objects.exists()


def test_the_officer_carrying_the_task_may_ask(task, culture_unit):
    officer = UserFactory(username="officer")
    MembershipFactory(user=officer, agency=culture_unit, role=Role.STAFF)
    task.responsible_officers.add(officer)
    assert ask(task, officer).requested_by == officer


def test_only_the_plans_office_decides(bob, carol, task):
    request = ask(task, bob)
    for user in (bob, carol):
        with pytest.raises(PermissionDenied):
            amending.extension_decide(extension=request, user=user, approve=True)
    assert Task.objects.get(pk=task.pk).due_on == JUNE


def test_one_request_waits_at_a_time_and_needs_a_reason(bob, task):
    with pytest.raises(ValidationError) as no_reason:
        ask(task, bob, reason="")
    assert "reason" in no_reason.value.message_dict
    ask(task, bob)
    with pytest.raises(ValidationError) as twice:
        ask(task, bob)
    assert "requested_due_on" in twice.value.message_dict


@time_machine.travel(datetime.date(2021, 7, 15))
def test_an_extended_task_is_not_overdue_before_its_new_deadline(alice, bob, task):
    assert Task.objects.overdue().filter(pk=task.pk).exists()
    amending.extension_decide(extension=ask(task, bob), user=alice, approve=True)
    assert not Task.objects.overdue().filter(pk=task.pk).exists()


def test_the_office_setting_a_new_deadline_replaces_the_extension(alice, bob, task):
    from quantri.plans import editing
    from quantri.plans.editing import Deadline

    amending.extension_decide(extension=ask(task, bob), user=alice, approve=True)
    task.refresh_from_db()
    editing.task_set_deadline(
        task=task, user=alice, deadline=Deadline(kind="date", due_on=datetime.date(2021, 8, 1))
    )
    task.refresh_from_db()
    assert (task.due_on, task.is_extended) == (datetime.date(2021, 8, 1), False)


# A recurring task (issue 12): an extension moves only the running occurrence's deadline; the
# next occurrence falls due at the end of its cycle, as scheduled, not counted from the extension.


@time_machine.travel(datetime.date(2021, 3, 20))
def test_an_extended_occurrence_of_a_recurring_task_and_the_next_one(alice, bob, client, task):
    task.recurrence, task.due_on = "quarterly", datetime.date(2021, 3, 31)
    task.save()
    april_15 = datetime.date(2021, 4, 15)
    amending.extension_decide(extension=ask(task, bob, new=april_15), user=alice, approve=True)
    task.refresh_from_db()
    assert task.original_due_on == datetime.date(2021, 3, 31)
    # The first quarter's occurrence now falls due on 15/04, also once the quarter has closed.
    assert task.current_due(datetime.date(2021, 3, 20)) == april_15
    assert task.current_due(datetime.date(2021, 4, 10)) == april_15
    assert not task.is_overdue(datetime.date(2021, 4, 10))
    # After it, the second quarter's falls due on 30/06 as scheduled (not 15/07 from the extension).
    assert task.current_due(datetime.date(2021, 4, 16)) == datetime.date(2021, 6, 30)
    client.force_login(bob)
    page = client.get(f"/plans/tasks/{task.pk}/extension/").text
    assert 'id="recurring-extension"' in page


@time_machine.travel(datetime.date(2021, 5, 10))
def test_a_recurring_task_is_extended_from_its_running_occurrence(alice, bob, task):
    # Stored on 31/03 when it was set; in May the running occurrence is due on 30/06.
    task.recurrence, task.due_on = "quarterly", datetime.date(2021, 3, 31)
    task.save()
    with pytest.raises(ValidationError) as exc:
        ask(task, bob, new=datetime.date(2021, 6, 1))  # later than 31/03, earlier than 30/06
    assert "30/06/2021" in exc.value.message_dict["requested_due_on"][0]
    request = ask(task, bob, new=datetime.date(2021, 7, 10))
    assert request.previous_due_on == datetime.date(2021, 6, 30)
