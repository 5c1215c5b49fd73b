import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from quantri.feedback.models import Channel, FeedbackStatus
from quantri.plans.models import Task
from quantri.reception import services
from quantri.reception.models import (
    Dialogue,
    DialogueCommitment,
    ReceptionMatter,
    ReceptionSession,
    SessionKind,
)
from quantri.reception.tests.conftest import COMING, schedule
from quantri.testing.factories import AgencyFactory, PlanFactory, TaskGroupFactory

pytestmark = pytest.mark.django_db
TODAY = datetime.datetime(2026, 5, 20, 3, tzinfo=datetime.UTC)
PEOPLE = ["Lê Thị Mai", "Phạm Văn Tùng"]


@pytest.fixture(autouse=True)
def in_may_2026():
    with time_machine.travel(TODAY, tick=False):
        yield


def test_the_public_schedule_shows_published_sessions_only(client, department, coming_session):
    hidden = schedule(department, datetime.date(2026, 6, 22), is_published=False)
    page = client.get(reverse("reception:schedule")).text
    assert "15/06/2026" in page and "Ông Nguyễn Minh Khoa" in page
    assert hidden.date.strftime("%d/%m/%Y") not in page
    [row] = client.get("/api/reception/schedule").json()
    assert row["date"] == "2026-06-15" and row["receiver_position"] == "Phó Giám đốc Sở"


def test_the_public_schedule_never_shows_who_was_received(client, past_session):
    page = client.get(reverse("reception:schedule")).text
    assert not any(name in page for name in PEOPLE)


def test_a_session_must_end_after_it_starts(department):
    with pytest.raises(ValidationError):
        schedule(department, COMING, start_time=datetime.time(11), end_time=datetime.time(8))


def test_a_session_is_recorded_only_once_held_and_matters_accumulate(coming_session, past_session):
    with pytest.raises(ValidationError):
        services.record_save(session=coming_session, user=None, people_count=1)
    record = services.record_save(
        session=past_session, user=None, people_count=3, new_matters=["Thư viện thiếu sách"]
    )
    assert [m.order for m in record.matters.all()] == [1, 2, 3]
    assert record.people_count == 3


def test_a_matter_raised_becomes_a_feedback_item_once(past_session, advertising, alice):
    matter = ReceptionMatter.objects.get(order=1)
    feedback = services.matter_to_feedback(matter=matter, category=advertising, user=alice)
    assert feedback.channel == Channel.RECEPTION and feedback.text == matter.text
    assert feedback.status == FeedbackStatus.RECEIVED and not feedback.has_contact
    with pytest.raises(ValidationError):
        services.matter_to_feedback(matter=matter, category=advertising, user=alice)


def test_months_without_a_regular_session_are_found(department):
    schedule(department, datetime.date(2026, 1, 12))
    schedule(department, datetime.date(2026, 2, 9), kind=SessionKind.EXTRA)
    schedule(department, datetime.date(2026, 3, 16))
    missing = services.months_without_regular_session(
        department, datetime.date(2026, 1, 1), datetime.date(2026, 4, 30)
    )
    assert missing == [(2026, 2), (2026, 4)]


def test_the_office_page_flags_missed_months(client, alice, department, coming_session):
    schedule(department, datetime.date(2026, 1, 12))
    schedule(department, datetime.date(2026, 5, 11))
    client.force_login(alice)
    response = client.get(reverse("reception:office"))
    [check] = response.context["checks"]
    assert check["missed"] == [(2026, 2), (2026, 3), (2026, 4)]
    assert check["unscheduled"] == []  # May held, June scheduled
    assert "02/2026" in response.text


def test_only_the_office_and_the_board_open_the_reception_pages(
    client, bob, dave, erin, past_session
):
    url = reverse("reception:session_detail", args=[past_session.pk])
    client.force_login(bob)
    assert client.get(reverse("reception:office")).status_code == 403
    assert client.get(url).status_code == 404
    client.force_login(erin)
    assert client.get(url).status_code == 404
    client.force_login(dave)
    page = client.get(url)
    assert page.status_code == 200 and PEOPLE[0] in page.text
    assert page.context["form"] is None
    assert client.post(url, {"people_count": 9}).status_code == 403
    matter = ReceptionMatter.objects.get(order=1)
    assert client.post(reverse("reception:matter_feedback", args=[matter.pk])).status_code == 403


def test_the_office_schedules_records_and_files_feedback_through_the_pages(
    client, alice, department, advertising
):
    client.force_login(alice)
    response = client.post(
        reverse("reception:session_new"),
        {
            "agency": department.pk,
            "kind": "regular",
            "date": "11/05/2026",
            "start_time": "08:00",
            "end_time": "11:00",
            "place": "Trụ sở Sở",
            "receiver_name": "Ông Nguyễn Minh Khoa",
            "receiver_position": "Phó Giám đốc Sở",
            "is_published": "on",
        },
    )
    assert response.status_code == 302
    url = response.url
    response = client.post(
        url, {"people_count": 1, "people": "Ông Tùng", "new_matters": "Biển quảng cáo sai phép"}
    )
    assert response.status_code == 302
    matter = ReceptionMatter.objects.get()
    client.post(
        reverse("reception:matter_feedback", args=[matter.pk]), {"category": advertising.pk}
    )
    matter.refresh_from_db()
    assert matter.feedback.category == advertising
    assert matter.feedback.code in client.get(url).text


@pytest.fixture
def dialogue(department, culture_unit):
    dialogue = services.dialogue_record(
        agency=department,
        user=None,
        date=datetime.date(2026, 4, 10),
        topic="Đối thoại với các hộ kinh doanh karaoke",
        participants="Lãnh đạo Sở; 25 hộ kinh doanh",
        issues="Thủ tục cấp phép kéo dài",
        commitments=["Rút ngắn thời gian cấp giấy phép karaoke còn 5 ngày làm việc", ""],
    )
    commitment = dialogue.commitments.get()
    commitment.unit = culture_unit
    commitment.save()
    return dialogue


def test_a_commitment_becomes_a_task_in_the_chosen_group(
    client, alice, dialogue, plan, culture_unit
):
    group = TaskGroupFactory(plan=plan, order=3)
    commitment = dialogue.commitments.get()
    client.force_login(alice)
    response = client.post(
        reverse("reception:commitment_task", args=[commitment.pk]),
        {"group": group.pk, "lead_unit": culture_unit.pk, "due_on": "30/06/2026"},
    )
    assert response.status_code == 302
    task = Task.objects.get(group=group)
    assert task.title.startswith("Rút ngắn thời gian") and task.lead_unit == culture_unit
    assert task.due_on == datetime.date(2026, 6, 30) and task.order == 1
    commitment.refresh_from_db()
    assert commitment.task == task
    assert task.title in client.get(reverse("reception:dialogue_detail", args=[dialogue.pk])).text
    with pytest.raises(ValidationError):
        services.commitment_to_task(commitment=commitment, group=group, user=alice)


def test_a_commitment_cannot_go_to_another_agencys_plan(dialogue, province):
    other = AgencyFactory(code="T-DEPT3", kind="department", name="Sở Tư pháp", parent=province)
    group = TaskGroupFactory(plan=PlanFactory(agency=other))
    with pytest.raises(ValidationError):
        services.commitment_to_task(commitment=dialogue.commitments.get(), group=group, user=None)
    assert not DialogueCommitment.objects.filter(task__isnull=False).exists()


def test_the_board_reads_dialogues_but_cannot_make_tasks(client, dave, dialogue, plan):
    group = TaskGroupFactory(plan=plan)
    client.force_login(dave)
    page = client.get(reverse("reception:dialogue_detail", args=[dialogue.pk]))
    assert page.status_code == 200 and page.context["commitments"][0][1] is None
    commitment = dialogue.commitments.get()
    url = reverse("reception:commitment_task", args=[commitment.pk])
    assert client.post(url, {"group": group.pk}).status_code == 403


def test_the_office_records_a_dialogue_with_its_commitments(client, alice, department):
    client.force_login(alice)
    response = client.post(
        reverse("reception:dialogue_new"),
        {
            "agency": department.pk,
            "date": "10/04/2026",
            "topic": "Đối thoại với doanh nghiệp du lịch",
            "commitments": "Công khai giá vé tham quan\n\nRà soát thủ tục lữ hành",
        },
    )
    assert response.status_code == 302
    dialogue = Dialogue.objects.get()
    assert [c.text for c in dialogue.commitments.all()] == [
        "Công khai giá vé tham quan",
        "Rà soát thủ tục lữ hành",
    ]


def test_a_unit_head_cannot_schedule_or_record(client, bob):
    client.force_login(bob)
    assert client.get(reverse("reception:session_new")).status_code == 403
    assert client.get(reverse("reception:dialogue_new")).status_code == 403


# Reception online (Law on Citizen Reception as amended in 2025) and the decree by date.


def _session_data(department, **extra):
    return {
        "agency": department.pk,
        "kind": "regular",
        "date": "15/07/2026",
        "start_time": "08:00",
        "end_time": "11:00",
        "receiver_name": "Ông Nguyễn Minh Khoa",
        "receiver_position": "Phó Giám đốc Sở",
        "is_published": "on",
    } | extra


def test_an_online_session_needs_its_link_and_shows_it(client, alice, department):
    client.force_login(alice)
    url = reverse("reception:session_new")
    refused = client.post(url, _session_data(department, mode="online"))
    assert refused.status_code == 200 and "online_link" in refused.context["form"].errors
    link = "https://meet.example.gov.vn/tiep-cong-dan"
    response = client.post(url, _session_data(department, mode="online", online_link=link))
    assert response.status_code == 302
    session = ReceptionSession.objects.get(date=datetime.date(2026, 7, 15))
    assert session.mode == "online" and session.place == ""
    assert link in client.get(reverse("reception:schedule")).content.decode()


def test_an_in_person_session_still_needs_its_place(client, alice, department):
    client.force_login(alice)
    response = client.post(reverse("reception:session_new"), _session_data(department))
    assert response.status_code == 200 and "place" in response.context["form"].errors


@pytest.mark.parametrize(
    ("day", "decree"),
    [
        (datetime.date(2026, 6, 30), "64/2014/NĐ-CP"),
        (datetime.date(2026, 7, 1), "154/2026/NĐ-CP"),
    ],
)
def test_the_record_cites_the_decree_in_force_on_the_sessions_day(day, decree):
    from quantri.reception.legal import basis_on

    basis = basis_on(day)
    assert decree in basis and "42/2013/QH13" in basis
    other = "154/2026" if decree.startswith("64") else "64/2014"
    assert other not in basis


def test_the_record_cites_decree_154_2026_as_issued_and_the_amending_law_by_number():
    """Decree 154/2026/NĐ-CP: issued 15/5/2026, in force 1/7/2026 (Article 44, which ends
    Decree 64/2014 the same day); its preamble names Law 136/2025/QH15 as the amendment."""
    from quantri.reception.legal import basis_on

    first_day = basis_on(datetime.date(2026, 7, 1))
    assert "Nghị định số 154/2026/NĐ-CP ngày 15/5/2026" in first_day
    assert "biện pháp tổ chức thi hành Luật Tiếp công dân" in first_day
    assert "Luật số 136/2025/QH15" in first_day
    assert "quy định chi tiết thi hành một số điều" in basis_on(datetime.date(2026, 6, 30))
