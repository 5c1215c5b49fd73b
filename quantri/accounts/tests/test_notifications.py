"""Notifications people notice: a count on the top bar of every page, one page for every
app's notifications, and a daily e-mail digest of what is new and unread (issue 16, item 7)."""

import pytest
from django.core import mail
from django.core.management import call_command

from quantri.accounts.notifications.channels import EmailChannel, channels
from quantri.reports.models import Notification

pytestmark = pytest.mark.django_db


def _notify(user, text: str, url: str = "/reports/") -> Notification:
    return Notification.objects.create(user=user, text=text, url=url)


def test_the_top_bar_counts_unread_notifications_on_every_page(client, bob):
    _notify(bob, "Báo cáo quý I bị trả lại")
    _notify(bob, "Sắp đến hạn báo cáo")
    client.force_login(bob)
    page = client.get("/plans/").content.decode()
    assert 'href="/notifications/"' in page
    assert 'title="unread">2</span>' in page or 'title="chưa đọc">2</span>' in page


def test_the_notifications_page_lists_them_and_marks_them_read(client, bob, carol):
    mine = _notify(bob, "Báo cáo quý I bị trả lại")
    _notify(carol, "Không phải của Bob")
    client.force_login(bob)
    page = client.get("/notifications/")
    assert [item.text for item in page.context["items"]] == ["Báo cáo quý I bị trả lại"]
    client.post("/notifications/read/", {"source": "reports", "pk": mine.pk})
    mine.refresh_from_db()
    assert mine.read_at is not None


def test_a_person_cannot_mark_someone_else_s_notification_read(client, bob, carol):
    hers = _notify(carol, "Của Carol")
    client.force_login(bob)
    client.post("/notifications/read/", {"source": "reports", "pk": hers.pk})
    hers.refresh_from_db()
    assert hers.read_at is None


def test_the_digest_sends_each_person_their_unread_items_once(bob, carol):
    _notify(bob, "Báo cáo quý I bị trả lại", url="/reports/requests/1/")
    read = _notify(carol, "Đã đọc rồi")
    read.read_at = read.created_at
    read.save()
    call_command("notifications", "digest")
    assert [m.to for m in mail.outbox] == [[bob.email]]
    assert "Báo cáo quý I bị trả lại" in mail.outbox[0].body
    assert "http://127.0.0.1:8000/reports/requests/1/" in mail.outbox[0].body
    call_command("notifications", "digest")
    assert len(mail.outbox) == 1


def test_the_next_digest_carries_only_what_arrived_since(bob):
    _notify(bob, "Tin cũ")
    call_command("notifications", "digest")
    _notify(bob, "Tin mới")
    call_command("notifications", "digest")
    assert len(mail.outbox) == 2
    assert "Tin mới" in mail.outbox[1].body
    assert "Tin cũ" not in mail.outbox[1].body


def test_a_dry_run_sends_nothing(bob):
    _notify(bob, "Tin")
    call_command("notifications", "digest", "--dry-run")
    assert mail.outbox == []


def test_deactivated_people_get_no_digest(bob):
    _notify(bob, "Tin")
    bob.is_active = False
    bob.save()
    call_command("notifications", "digest")
    assert mail.outbox == []


def test_e_mail_is_the_one_channel_until_sms_or_zalo_has_a_provider():
    assert [type(channel) for channel in channels()] == [EmailChannel]
