import datetime

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from quantri.feedback import services
from quantri.feedback.tests.conftest import CONTACT
from quantri.feedback.tests.factories import submit

pytestmark = pytest.mark.django_db
PRIVATE = [CONTACT.name, CONTACT.phone, CONTACT.email, CONTACT.address]
LATE_DAY = datetime.datetime(2021, 5, 17, 2, tzinfo=datetime.UTC)


def publish(item, text="Đã xử lý biển quảng cáo vi phạm."):
    services.feedback_accept(feedback=item, user=None)
    services.feedback_answer(feedback=item, user=None, text=text)
    return services.feedback_publish_answer(feedback=item, user=None)


def test_the_public_api_lists_categories(client, advertising):
    [row] = client.get("/api/feedback/categories").json()
    assert row == {
        "code": "quang-cao",
        "name": "Quảng cáo, biển hiệu",
        "unit": "Phòng Quản lý Văn hóa",
        "dimension": "2",
    }


def test_the_public_api_gives_published_answers_without_contact(client, item, advertising):
    publish(item)
    submit(advertising, text="Chưa trả lời")
    response = client.get("/api/feedback/published", {"q": "bien quang cao"})
    [row] = response.json()
    assert row["code"] == item.code and row["answer"] == "Đã xử lý biển quảng cáo vi phạm."
    assert not any(value in response.text for value in PRIVATE)
    assert client.get("/api/feedback/published", {"q": "thu vien"}).json() == []


def test_the_tracking_api_shows_the_public_timeline_only(client, item):
    services.feedback_add_note(feedback=item, user=None, note="Ghi chú nội bộ")
    response = client.get(f"/api/feedback/track/{item.code.lower()}")
    body = response.json()
    assert body["code"] == item.code and [e["event"] for e in body["events"]] == ["received"]
    assert body["answer"] == ""
    assert "Ghi chú nội bộ" not in response.text
    assert not any(value in response.text for value in PRIVATE)
    assert client.get("/api/feedback/track/PA-2222AB").status_code == 404


def test_the_inbox_api_follows_the_same_boundaries_as_the_pages(client, bob, carol, item):
    assert client.get("/api/feedback").status_code == 401
    client.force_login(bob)
    assert [r["code"] for r in client.get("/api/feedback").json()] == [item.code]
    client.force_login(carol)
    assert client.get("/api/feedback").json() == []


def test_the_statistics_api_is_for_the_office_and_the_board(client, alice, bob, dave, item):
    publish(item)
    client.force_login(bob)
    assert client.get("/api/feedback/stats").status_code == 403
    for person in [alice, dave]:
        client.force_login(person)
        body = client.get("/api/feedback/stats").json()
        assert body["total"]["volume"] == 1 and body["total"]["answered"] == 1
        assert body["by_category"][0]["label"] == "Quảng cáo, biển hiệu"


def test_remind_lists_overdue_items_and_mails_the_unit_and_the_office(
    advertising, alice, bob, carol, capsys
):
    with time_machine.travel(datetime.datetime(2021, 4, 28, 2, tzinfo=datetime.UTC)):
        late = submit(advertising)
    with time_machine.travel(LATE_DAY):
        submit(advertising)  # not yet due
        call_command("feedback", "remind", "--dry-run")
        listed = capsys.readouterr().out
        assert late.code in listed and "14/05/2021" in listed
        assert mail.outbox == []
        call_command("feedback", "remind")
    assert sorted(m.to[0] for m in mail.outbox) == ["alice@example.org", "bob@example.org"]
    assert all(late.code in m.body for m in mail.outbox)


def test_remind_with_nothing_overdue_sends_nothing(advertising, bob, capsys):
    submit(advertising)
    call_command("feedback", "remind")
    assert mail.outbox == [] and capsys.readouterr().out == ""
