import datetime

import pytest
import time_machine
from django.urls import reverse

from quantri.core.uploads import CheckedUpload
from quantri.feedback import services
from quantri.feedback.models import Feedback, FeedbackStatus
from quantri.feedback.tests.conftest import CONTACT
from quantri.feedback.tests.factories import submit

pytestmark = pytest.mark.django_db
S = FeedbackStatus
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def detail(item):
    return reverse("feedback:detail", args=[item.pk])


def act(item, action):
    return reverse("feedback:act", args=[item.pk, action])


def inbox_codes(client, **filters) -> set[str]:
    response = client.get(reverse("feedback:inbox"), filters)
    assert response.status_code == 200
    return {item.code for item in response.context["page"]}


def test_anonymous_visitors_are_sent_to_the_login_page(client, item):
    for url in [reverse("feedback:inbox"), detail(item), reverse("feedback:stats")]:
        assert client.get(url).status_code == 302
    assert client.post(act(item, "accept")).status_code == 302
    assert Feedback.objects.get().status == S.RECEIVED


def test_a_unit_sees_only_the_items_assigned_to_it(client, bob, carol, item, library_item):
    client.force_login(bob)
    assert inbox_codes(client) == {item.code}
    assert client.get(detail(library_item)).status_code == 404
    client.force_login(carol)
    assert inbox_codes(client) == {library_item.code}
    assert client.get(detail(item)).status_code == 404


def test_an_item_assigned_away_leaves_the_units_inbox(client, bob, item, library):
    services.feedback_assign(feedback=item, user=None, unit=library)
    client.force_login(bob)
    assert inbox_codes(client) == set()


def test_the_office_sees_all_of_its_departments_items(client, alice, item, library_item):
    client.force_login(alice)
    assert inbox_codes(client) == {item.code, library_item.code}
    page = client.get(detail(item)).text
    assert CONTACT.phone in page  # staff handling it see the contact details


def test_another_departments_leader_sees_none_of_them(client, erin, item):
    client.force_login(erin)
    assert inbox_codes(client) == set()
    assert client.get(detail(item)).status_code == 404
    assert client.post(act(item, "accept")).status_code == 404


def test_the_unit_accepts_and_answers_its_item(client, bob, item):
    client.force_login(bob)
    assert client.post(act(item, "accept"), {"note": ""}).status_code == 302
    response = client.post(act(item, "answer"), {"text": "Đã kiểm tra và xử lý."})
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.status, item.answer_text) == (S.ANSWERED, "Đã kiểm tra và xử lý.")
    assert item.events.last().created_by == bob


def test_publishing_and_closing_belong_to_the_office(client, bob, alice, item):
    services.feedback_accept(feedback=item, user=None)
    services.feedback_answer(feedback=item, user=None, text="Đã xử lý.")
    client.force_login(bob)
    assert client.post(act(item, "publish"), {"published": "True"}).status_code == 403
    assert client.post(act(item, "close"), {}).status_code == 403
    client.force_login(alice)
    assert client.post(act(item, "publish"), {"published": "True"}).status_code == 302
    assert client.post(act(item, "close"), {}).status_code == 302
    item.refresh_from_db()
    assert item.answer_published and item.status == S.CLOSED


def test_the_office_assigns_to_a_unit_and_the_unit_then_sees_it(
    client, alice, carol, item, library
):
    client.force_login(alice)
    response = client.post(act(item, "assign"), {"assign-unit": library.pk, "assign-note": ""})
    assert response.status_code == 302
    client.force_login(carol)
    assert inbox_codes(client) == {item.code}


def test_a_unit_transfers_an_item_outside_its_remit(client, bob, item, erin):
    from quantri.orgs.models import Agency

    other = Agency.objects.get(code="T-DEPT2")
    client.force_login(bob)
    response = client.post(
        act(item, "transfer"), {"transfer-unit": other.pk, "transfer-note": "Thuộc ngành y tế"}
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.status, item.assigned_unit) == (S.TRANSFERRED, other)
    assert inbox_codes(client) == set()


def test_an_action_the_life_cycle_forbids_is_not_offered_nor_accepted(client, alice, item):
    client.force_login(alice)
    offered = {name for name, _action, _form in client.get(detail(item)).context["actions"]}
    assert {"accept", "reject", "duplicate", "transfer", "assign"} <= offered
    assert not offered & {"answer", "close", "publish", "start"}
    assert client.post(act(item, "close"), {}).status_code == 403
    assert Feedback.objects.get().status == S.RECEIVED


def test_a_refusal_without_a_reason_changes_nothing(client_en, alice, item):
    client_en.force_login(alice)
    response = client_en.post(act(item, "reject"), {"reason": ""})
    assert response.status_code == 400
    assert "This field is required." in response.text
    assert Feedback.objects.get().status == S.RECEIVED


def test_a_duplicate_needs_an_existing_code(client_en, alice, item, advertising):
    again = submit(advertising)
    client_en.force_login(alice)
    bad = client_en.post(act(again, "duplicate"), {"original": "PA-2222AB"})
    assert bad.status_code == 400 and "No feedback has this tracking code." in bad.text
    good = client_en.post(act(again, "duplicate"), {"original": item.code.lower()})
    assert good.status_code == 302
    again.refresh_from_db()
    assert again.duplicate_of == item


def test_the_inspection_board_reads_everything_and_changes_nothing(
    client, dave, item, library_item
):
    client.force_login(dave)
    assert inbox_codes(client) == {item.code, library_item.code}
    response = client.get(detail(item))
    assert response.status_code == 200 and response.context["actions"] == []
    for action in ["accept", "reject", "note", "assign"]:
        assert client.post(act(item, action), {"note": "x", "reason": "x"}).status_code == 403
    assert client.get(reverse("feedback:stats")).status_code == 200


def test_the_overdue_filter_lists_late_items_only(client, dave, advertising):
    with time_machine.travel(datetime.datetime(2021, 4, 28, 2, tzinfo=datetime.UTC)):
        late = submit(advertising)
    with time_machine.travel(datetime.datetime(2021, 5, 17, 2, tzinfo=datetime.UTC)):
        fresh = submit(advertising)
        client.force_login(dave)
        assert inbox_codes(client, overdue="on") == {late.code}
        assert inbox_codes(client) == {late.code, fresh.code}


def test_the_filters_narrow_by_status_unit_and_category(client, alice, item, library_item):
    services.feedback_accept(feedback=item, user=None)
    client.force_login(alice)
    assert inbox_codes(client, status="accepted") == {item.code}
    assert inbox_codes(client, status="open") == {item.code, library_item.code}
    assert inbox_codes(client, unit=library_item.assigned_unit_id) == {library_item.code}
    assert inbox_codes(client, category=item.category_id) == {item.code}
    assert inbox_codes(client, q=item.code) == {item.code}


def test_attachments_are_served_to_staff_who_see_the_item_only(client, bob, carol, advertising):
    item = submit(
        advertising, attachments=[CheckedUpload(name="hien-truong.png", content=PNG, kind="png")]
    )
    url = reverse("feedback:attachment", args=[item.attachments.get().pk])
    assert client.get(url).status_code == 302
    client.force_login(carol)
    assert client.get(url).status_code == 404
    client.force_login(bob)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PNG
    assert "hien-truong.png" in response["Content-Disposition"]


def test_statistics_count_volume_on_time_answers_and_overdue(client, alice, bob, advertising):
    with time_machine.travel(datetime.datetime(2021, 4, 28, 2, tzinfo=datetime.UTC)):
        on_time, late, waiting = (submit(advertising) for _ in range(3))
    with time_machine.travel(datetime.datetime(2021, 5, 10, 2, tzinfo=datetime.UTC)):
        services.feedback_answer(
            feedback=services.feedback_accept(feedback=on_time, user=None), user=None, text="A"
        )
    with time_machine.travel(datetime.datetime(2021, 5, 20, 2, tzinfo=datetime.UTC)):
        services.feedback_answer(
            feedback=services.feedback_accept(feedback=late, user=None), user=None, text="B"
        )
        client.force_login(alice)
        stats = client.get(reverse("feedback:stats"), {"year": 2021}).context["stats"]
    assert (stats.total.volume, stats.total.answered, stats.total.on_time) == (3, 2, 1)
    assert stats.total.on_time_rate == 50.0 and stats.total.overdue == 1
    [unit_row] = stats.by_unit
    assert unit_row.label == "Phòng Quản lý Văn hóa" and unit_row.volume == 3
    [dimension_row] = stats.by_dimension
    assert dimension_row.label.startswith("2.")
    client.force_login(bob)
    assert client.get(reverse("feedback:stats")).status_code == 403
