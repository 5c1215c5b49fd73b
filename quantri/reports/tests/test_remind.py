import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from quantri.reports import services
from quantri.reports.models import Notification
from quantri.reports.services import TaskReportInput

pytestmark = pytest.mark.django_db

DUE_SOON = datetime.datetime(2021, 6, 18, 2, tzinfo=datetime.UTC)  # Friday, deadline Monday 21/06
LATE = datetime.datetime(2021, 6, 25, 2, tzinfo=datetime.UTC)


@pytest.fixture
def people(bob, frank, carol, gina, alice):
    return {"bob": bob, "frank": frank, "carol": carol, "gina": gina, "alice": alice}


def remind(*args) -> str:
    out = StringIO()
    call_command("remind", *args, stdout=out)
    return out.getvalue()


def recipients() -> set[str]:
    return {address for message in mail.outbox for address in message.to}


def test_before_the_deadline_the_staff_are_reminded(period, people, travel):
    travel(DUE_SOON)
    remind()
    assert recipients() == {"frank@example.org", "carol@example.org"}
    assert len(mail.outbox) == 2
    notice = Notification.objects.get(user=people["frank"])
    assert "2021-H1" in notice.text and "21/06/2021" in notice.text
    assert notice.url.endswith(f"/reports/requests/{period.requests.get(unit__code='T-QLVH').pk}/")


def test_nothing_is_due_long_before_the_deadline(period, people, travel):
    travel(datetime.datetime(2021, 6, 1, 2, tzinfo=datetime.UTC))
    remind()
    assert mail.outbox == []
    remind("--days", "30")
    assert len(mail.outbox) == 2


def test_after_the_deadline_the_heads_and_the_office_hear_of_it(period, people, travel):
    travel(LATE)
    remind()
    assert recipients() == {"bob@example.org", "gina@example.org", "alice@example.org"}
    assert Notification.objects.filter(user=people["alice"]).count() == 2  # one per late unit
    assert Notification.objects.filter(user=people["frank"]).count() == 0


def test_a_submitted_report_is_not_chased(period, people, culture_request, culture_task, travel):
    travel(DUE_SOON)
    report = services.report_save_draft(
        request=culture_request,
        user=people["bob"],
        tasks=[TaskReportInput(task_id=culture_task.pk, progress=50)],
    )
    services.report_submit(report=report, user=people["bob"])
    mail.outbox.clear()
    remind()
    assert recipients() == {"carol@example.org"}


def test_reminders_go_out_once_a_day(period, people, travel):
    travel(LATE)
    remind()
    count = len(mail.outbox)
    remind()
    assert len(mail.outbox) == count
    assert Notification.objects.count() == count


def test_dry_run_prints_and_sends_nothing(period, people, travel):
    travel(LATE)
    output = remind("--dry-run")
    assert "bob@example.org" in output and "alice@example.org" in output
    assert "[escalation]" in output
    assert mail.outbox == []
    assert not Notification.objects.exists()


def test_a_closed_period_is_not_chased(period, people, alice, travel):
    services.period_close(period=period, user=alice)
    travel(LATE)
    remind()
    assert mail.outbox == []


def test_negative_days_are_refused():
    with pytest.raises(CommandError, match="--days"):
        call_command("remind", "--days", "-1")


def test_the_email_links_to_the_report(period, people, travel):
    travel(DUE_SOON)
    remind("--base-url", "https://quantri.example.gov.vn/")
    assert "https://quantri.example.gov.vn/reports/requests/" in mail.outbox[0].body
