import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError

from quantri.core.models import CalendarDay, CalendarDayKind
from quantri.core.uploads import CheckedUpload
from quantri.feedback import services
from quantri.feedback.codes import ALPHABET, PREFIX
from quantri.feedback.models import (
    TRANSITIONS,
    DeadlineRule,
    DeadlineTrigger,
    EventKind,
    Feedback,
    FeedbackStatus,
)
from quantri.feedback.tests.factories import submit
from quantri.testing.factories import AgencyFactory

pytestmark = pytest.mark.django_db
S = FeedbackStatus

# 28/04/2021 (Wednesday), 09:00 in Hà Nội: the 30/04 and 01/05 holidays come next, and 01/05
# fell on a Saturday, so Monday 03/05 was the day off in lieu.
BEFORE_HOLIDAYS = datetime.datetime(2021, 4, 28, 2, 0, tzinfo=datetime.UTC)
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def at(day: str):
    """Travel to 10:00 local time on a dd/mm/yyyy day."""
    moment = datetime.datetime.strptime(day, "%d/%m/%Y").replace(hour=3, tzinfo=datetime.UTC)
    return time_machine.travel(moment, tick=False)


def answer_rule(days=15, valid_from=datetime.date(2020, 1, 1)):
    return DeadlineRule.objects.create(
        name="Trả lời phản ánh",
        trigger=DeadlineTrigger.ANSWER,
        working_days=days,
        valid_from=valid_from,
    )


def test_a_new_item_gets_an_unambiguous_code_and_is_with_the_categorys_unit(item, advertising):
    assert item.code.startswith(PREFIX) and len(item.code) == 9
    assert all(ch in ALPHABET for ch in item.code[len(PREFIX) :])
    assert item.status == S.RECEIVED
    assert item.assigned_unit == advertising.unit
    assert item.department == advertising.unit.parent
    assert [e.kind for e in item.events.all()] == [EventKind.RECEIVED]


def test_codes_are_unique_across_many_items(advertising):
    codes = {submit(advertising).code for _ in range(60)}
    assert len(codes) == 60


def test_a_drawn_code_that_is_taken_is_drawn_again(advertising, monkeypatch):
    # The code is not looked up before the insert: the table's unique constraint catches a
    # taken one, and the item is stored under a fresh code with its event and history.
    first = submit(advertising)
    draws = iter([first.code, "PA-2345AB"])
    monkeypatch.setattr(services, "new_code", lambda: next(draws))
    second = submit(advertising)
    assert second.code == "PA-2345AB"
    assert Feedback.objects.filter(code=first.code).get() == first
    assert [e.kind for e in second.events.all()] == [EventKind.RECEIVED]
    assert second.history.count() == 1


def test_the_deadlines_skip_the_april_and_may_holidays_and_weekends(advertising):
    with time_machine.travel(BEFORE_HOLIDAYS, tick=False):
        item = submit(advertising)
    # 10 working days: 29/04, then 04/05 … 07/05, 10/05 … 14/05 (30/04, 01–03/05 are off).
    assert item.decision_due_on == datetime.date(2021, 5, 14)
    assert item.transfer_due_on == datetime.date(2021, 5, 7)
    assert item.due_on == item.decision_due_on
    assert item.received_at == BEFORE_HOLIDAYS


def test_an_extra_day_off_stored_as_data_moves_the_deadline(advertising):
    CalendarDay.objects.create(date=datetime.date(2021, 5, 4), kind=CalendarDayKind.DAY_OFF)
    with time_machine.travel(BEFORE_HOLIDAYS, tick=False):
        item = submit(advertising)
    assert item.decision_due_on == datetime.date(2021, 5, 17)


def test_a_new_rule_applies_to_items_received_from_its_first_day(advertising):
    DeadlineRule.objects.create(
        name="Rút ngắn",
        trigger=DeadlineTrigger.ACCEPTANCE,
        working_days=7,
        valid_from=datetime.date(2021, 5, 1),
    )
    with time_machine.travel(BEFORE_HOLIDAYS, tick=False):
        before = submit(advertising)
    with at("03/06/2021"):
        after = submit(advertising)
    assert before.decision_due_on == datetime.date(2021, 5, 14)
    assert after.decision_due_on == datetime.date(2021, 6, 14)


def test_the_whole_life_cycle_from_receipt_to_a_published_answer(advertising, bob, alice):
    answer_rule(days=15)
    with at("01/06/2021"):
        item = submit(advertising)
    with at("03/06/2021"):
        services.feedback_accept(feedback=item, user=bob)
    assert item.status == S.ACCEPTED
    assert item.answer_due_on == item.due_on == datetime.date(2021, 6, 24)
    with at("04/06/2021"):
        services.feedback_start(feedback=item, user=bob, note="Đã cử cán bộ kiểm tra thực tế")
    with at("10/06/2021"):
        services.feedback_answer(feedback=item, user=bob, text="Đã yêu cầu tháo dỡ biển.")
    assert (item.status, item.answered_on_time, item.due_on) == (S.ANSWERED, True, None)
    services.feedback_publish_answer(feedback=item, user=alice)
    services.feedback_close(feedback=item, user=alice)

    item.refresh_from_db()
    assert item.status == S.CLOSED and item.answer_published
    assert [e.kind for e in item.events.all()] == [
        EventKind.RECEIVED,
        EventKind.ACCEPTED,
        EventKind.IN_PROGRESS,
        EventKind.ANSWERED,
        EventKind.PUBLISHED,
        EventKind.CLOSED,
    ]
    assert item.history.first().history_user == alice


def test_an_answer_after_the_deadline_is_late(item, bob):
    answer_rule(days=15)
    with at("03/06/2021"):
        services.feedback_accept(feedback=item, user=bob)
    with at("25/06/2021"):
        services.feedback_answer(feedback=item, user=bob, text="Trả lời muộn.")
    assert item.answered_on_time is False


def test_without_an_answer_rule_the_answer_is_measured_against_the_decision_deadline(advertising):
    with time_machine.travel(BEFORE_HOLIDAYS, tick=False):
        item = submit(advertising)
    with at("14/05/2021"):
        services.feedback_answer(
            feedback=services.feedback_accept(feedback=item, user=None), user=None, text="Đã xử lý."
        )
    assert item.answer_due_on is None and item.answered_on_time is True


@pytest.mark.parametrize("status", list(S))
def test_only_the_life_cycles_moves_are_allowed(item, status):
    Feedback.objects.filter(pk=item.pk).update(status=status)
    item.refresh_from_db()
    allowed = S.CLOSED in TRANSITIONS[status]
    if allowed:
        services.feedback_close(feedback=item, user=None)
        assert Feedback.objects.get(pk=item.pk).status == S.CLOSED
    else:
        with pytest.raises(ValidationError):
            services.feedback_close(feedback=item, user=None)
        assert Feedback.objects.get(pk=item.pk).status == status


def test_a_closed_item_cannot_be_reopened_or_answered(item):
    services.feedback_reject(feedback=item, user=None, reason="Không thuộc lĩnh vực của Sở.")
    services.feedback_close(feedback=item, user=None)
    for service, extra in [
        (services.feedback_accept, {}),
        (services.feedback_answer, {"text": "x"}),
        (services.feedback_start, {}),
    ]:
        with pytest.raises(ValidationError, match="cannot become"):
            service(feedback=item, user=None, **extra)


def test_an_item_received_cannot_be_answered_before_it_is_closed_or_skipped(item):
    with pytest.raises(ValidationError):
        services.feedback_close(feedback=item, user=None)
    with pytest.raises(ValidationError):
        services.feedback_start(feedback=item, user=None)


def test_refusing_needs_a_reason_which_is_public(item):
    with pytest.raises(ValidationError):
        services.feedback_reject(feedback=item, user=None, reason="  ")
    services.feedback_reject(feedback=item, user=None, reason="Nội dung là khiếu nại cá nhân.")
    event = item.events.last()
    assert event.is_public and event.note == "Nội dung là khiếu nại cá nhân."
    assert item.due_on is None


def test_a_duplicate_points_at_the_original(item, advertising):
    again = submit(advertising)
    with pytest.raises(ValidationError):
        services.feedback_mark_duplicate(feedback=again, user=None, original=again)
    services.feedback_mark_duplicate(feedback=again, user=None, original=item)
    assert again.status == S.DUPLICATE and again.duplicate_of == item
    assert again.events.last().note == item.code


def test_assigning_stays_inside_the_department_and_keeps_the_status(item, library, erin):
    services.feedback_assign(feedback=item, user=None, unit=library)
    assert (item.assigned_unit, item.status) == (library, S.RECEIVED)
    outside = AgencyFactory(code="T-XA", name="UBND xã Tân Hưng")
    with pytest.raises(ValidationError, match="transfer"):
        services.feedback_assign(feedback=item, user=None, unit=outside)


def test_a_transfer_records_when_it_happened_and_whether_it_was_on_time(advertising):
    answer_rule(days=15)
    commune = AgencyFactory(code="T-XA", name="UBND xã Tân Hưng")
    with time_machine.travel(BEFORE_HOLIDAYS, tick=False):
        on_time, late = submit(advertising), submit(advertising)
    with at("07/05/2021"):
        services.feedback_transfer(feedback=on_time, user=None, unit=commune, note="Thuộc xã")
    with at("10/05/2021"):
        services.feedback_transfer(feedback=late, user=None, unit=commune)
    assert on_time.status == S.TRANSFERRED and on_time.assigned_unit == commune
    assert services.transferred_on_time(on_time) is True
    assert services.transferred_on_time(late) is False
    assert on_time.answer_due_on == datetime.date(2021, 5, 28)
    with pytest.raises(ValidationError):
        services.feedback_transfer(feedback=on_time, user=None, unit=commune)


def test_overdue_items_are_open_ones_past_their_deadline(advertising):
    with time_machine.travel(BEFORE_HOLIDAYS, tick=False):
        waiting, refused = submit(advertising), submit(advertising)
    services.feedback_reject(feedback=refused, user=None, reason="Trùng nội dung đã trả lời.")
    assert list(Feedback.objects.overdue(today=datetime.date(2021, 5, 14))) == []
    assert list(Feedback.objects.overdue(today=datetime.date(2021, 5, 17))) == [waiting]
    with at("17/05/2021"):
        assert waiting.is_overdue() and not refused.is_overdue()


def test_only_an_answered_item_can_be_published_and_search_finds_it_without_accents(item):
    with pytest.raises(ValidationError):
        services.feedback_publish_answer(feedback=item, user=None)
    services.feedback_accept(feedback=item, user=None)
    services.feedback_answer(feedback=item, user=None, text="Đã xử lý biển hiệu vi phạm.")
    assert not Feedback.objects.published().search("bien hieu").exists()
    services.feedback_publish_answer(feedback=item, user=None)
    assert list(Feedback.objects.published().search("BIEN HIEU vi pham")) == [item]
    assert not Feedback.objects.published().search("karaoke").exists()
    services.feedback_publish_answer(feedback=item, user=None, published=False)
    assert not Feedback.objects.published().exists()


def test_the_question_is_searchable_only_with_the_citizens_consent(advertising):
    private = submit(advertising, text="Karaoke ồn ào sau 23 giờ", consent_to_publish=False)
    services.feedback_accept(feedback=private, user=None)
    services.feedback_answer(feedback=private, user=None, text="Đã kiểm tra, xử phạt.")
    services.feedback_publish_answer(feedback=private, user=None)
    assert not Feedback.objects.published().search("karaoke").exists()
    assert Feedback.objects.published().search("xu phat").exists()


def test_contact_details_never_enter_the_search_text(item):
    services.feedback_accept(feedback=item, user=None)
    services.feedback_answer(feedback=item, user=None, text="Đã xử lý.")
    services.feedback_publish_answer(feedback=item, user=None)
    item.refresh_from_db()
    assert "binh" not in item.search_text and "0912" not in item.search_text


def test_attachments_are_kept_privately_and_refused_by_content(advertising):
    good = CheckedUpload(name="bien.png", content=PNG, kind="png")
    item = submit(advertising, attachments=[good])
    stored = item.attachments.get()
    assert stored.original_name == "bien.png" and stored.size == len(PNG)
    assert "/private/" in stored.file.path and "bien" not in stored.file.name
    page = CheckedUpload(name="anh.png", content=b"<html><script>x</script></html>", kind="png")
    count = Feedback.objects.count()
    with pytest.raises(ValidationError):
        submit(advertising, attachments=[page])
    assert Feedback.objects.count() == count  # nothing half-saved


def test_an_inactive_category_takes_no_feedback_and_empty_text_is_refused(advertising):
    with pytest.raises(ValidationError):
        submit(advertising, text="   ")
    advertising.active = False
    with pytest.raises(ValidationError):
        submit(advertising)
