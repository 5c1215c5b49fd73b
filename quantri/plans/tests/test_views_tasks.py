import datetime

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from quantri.plans import services
from quantri.plans.models import Evidence, PlanStatus, ProgressUpdate, TaskStatus
from quantri.testing.factories import PlanFactory, TaskFactory, TaskGroupFactory

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def task_url(task):
    return reverse("plans:task_detail", args=[task.pk])


def test_it_sends_anonymous_visitors_to_the_login_page(client, culture_task):
    for url in [task_url(culture_task), reverse("plans:my_tasks"), reverse("plans:due_tasks")]:
        assert client.get(url).status_code == 302


def test_the_unit_head_sees_the_progress_form_on_his_units_task(client, bob, culture_task):
    client.force_login(bob)
    page = client.get(task_url(culture_task)).text
    assert culture_task.title in page and "Cập nhật tiến độ" in page


def test_the_unit_head_records_progress_with_a_file_and_a_link(client, bob, culture_task):
    client.force_login(bob)
    response = client.post(
        task_url(culture_task),
        {
            "progress": "60",
            "status": "",
            "note": "Đã niêm yết 60 thủ tục",
            "files": [
                SimpleUploadedFile("anh-niem-yet.png", PNG),
                SimpleUploadedFile("bien-ban.txt", "Biên bản kiểm tra".encode()),
            ],
            "links": "https://sovhttdl.hungyen.gov.vn/tthc\n",
        },
    )
    assert response.status_code == 302
    culture_task.refresh_from_db()
    assert (culture_task.progress, culture_task.status) == (60, TaskStatus.IN_PROGRESS)
    assert culture_task.evidence.count() == 3

    page = client.get(task_url(culture_task)).text
    for text in [
        "Đã niêm yết 60 thủ tục",
        "bob",
        "60%",
        "anh-niem-yet.png",
        "bien-ban.txt",
        "https://sovhttdl.hungyen.gov.vn/tthc",
    ]:
        assert text in page
    plan_page = client.get(reverse("plans:plan_detail", args=[culture_task.plan.pk]))
    assert plan_page.context["outline"].progress == 60
    assert plan_page.context["outline"].groups[0].progress == 60


def test_the_history_shows_when_progress_was_recorded(client, bob, culture_task):
    with time_machine.travel(datetime.datetime(2021, 4, 9, 8, 30, tzinfo=datetime.UTC)):
        services.task_record_progress(task=culture_task, user=bob, progress=30, note="Bắt đầu")
    client.force_login(bob)
    assert "09/04/2021 15:30" in client.get(task_url(culture_task)).text  # Asia/Ho_Chi_Minh


def test_an_evidence_file_is_served_to_the_department_only(client, bob, erin, culture_task):
    services.task_record_progress(
        task=culture_task,
        user=bob,
        progress=10,
        evidence=[services.EvidenceInput(title="Ảnh", file_name="anh.png", file_content=PNG)],
    )
    evidence = Evidence.objects.get()
    url = reverse("plans:evidence_file", args=[evidence.pk])
    client.force_login(bob)
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PNG
    client.force_login(erin)
    assert client.get(url).status_code == 404


def test_an_exe_renamed_pdf_is_refused_and_nothing_is_saved(client, bob, culture_task):
    client.force_login(bob)
    response = client.post(
        task_url(culture_task),
        {"progress": "50", "files": [SimpleUploadedFile("bao-cao.pdf", b"MZ\x90\x00\x03" * 50)]},
    )
    assert response.status_code == 200
    assert "bao-cao.pdf" in response.text and "không phải là tệp được chấp nhận" in response.text
    culture_task.refresh_from_db()
    assert culture_task.progress == 0
    assert not ProgressUpdate.objects.exists() and not Evidence.objects.exists()


def test_a_done_status_below_100_percent_is_shown_as_a_form_error(client, bob, culture_task):
    client.force_login(bob)
    response = client.post(task_url(culture_task), {"progress": "50", "status": "done"})
    assert response.status_code == 200
    assert "Nhiệm vụ đã hoàn thành phải có tiến độ 100%." in response.text
    culture_task.refresh_from_db()
    assert culture_task.status == TaskStatus.NOT_STARTED and not ProgressUpdate.objects.exists()


def test_progress_above_100_is_refused(client, bob, culture_task):
    client.force_login(bob)
    response = client.post(task_url(culture_task), {"progress": "130"})
    assert response.status_code == 200 and response.context["form"].errors["progress"]
    assert not ProgressUpdate.objects.exists()


def test_library_staff_read_bobs_task_but_cannot_update_it(client, carol, culture_task):
    client.force_login(carol)
    page = client.get(task_url(culture_task)).text
    assert culture_task.title in page and "Cập nhật tiến độ" not in page
    response = client.post(task_url(culture_task), {"progress": "90"})
    assert response.status_code == 403
    culture_task.refresh_from_db()
    assert culture_task.progress == 0 and not ProgressUpdate.objects.exists()


def test_the_inspection_board_reads_but_cannot_update(client, dave, culture_task):
    client.force_login(dave)
    assert "Lịch sử cập nhật tiến độ" in client.get(task_url(culture_task)).text
    assert client.post(task_url(culture_task), {"progress": "90"}).status_code == 403
    culture_task.refresh_from_db()
    assert culture_task.progress == 0


def test_the_office_may_record_progress_for_any_task_of_its_plan(client, alice, culture_task):
    client.force_login(alice)
    assert client.post(task_url(culture_task), {"progress": "20"}).status_code == 302


def test_a_task_of_another_department_is_not_found(client, erin, culture_task):
    client.force_login(erin)
    assert client.get(task_url(culture_task)).status_code == 404


def test_outsiders_see_a_published_task_without_its_notes(client, erin, bob, culture_task):
    culture_task.group.plan.is_published = True
    culture_task.group.plan.save()
    services.task_record_progress(task=culture_task, user=bob, progress=10, note="Ghi chú nội bộ")
    client.force_login(erin)
    page = client.get(task_url(culture_task)).text
    assert culture_task.title in page and "Ghi chú nội bộ" not in page


@time_machine.travel(datetime.date(2021, 6, 1))
def test_my_tasks_lists_my_units_tasks_overdue_first(client, bob, plan, culture_task, library):
    culture_task.due_on = datetime.date(2021, 9, 30)
    culture_task.save()
    late = TaskFactory(
        group=culture_task.group,
        title="Việc đã trễ hạn",
        lead_unit=culture_task.lead_unit,
        due_on=datetime.date(2021, 5, 1),
    )
    TaskFactory(group=culture_task.group, title="Việc của thư viện", lead_unit=library)
    client.force_login(bob)
    response = client.get(reverse("plans:my_tasks"))
    [(listed_plan, tasks)] = response.context["plans"]
    assert listed_plan == plan and tasks == [late, culture_task]
    assert "Việc của thư viện" not in response.text


@time_machine.travel(datetime.date(2021, 6, 1))
def test_the_office_sees_overdue_and_soon_due_tasks_with_their_lead_unit(
    client, alice, culture_task, library
):
    culture_task.due_on = datetime.date(2021, 5, 20)
    culture_task.save()
    soon = TaskFactory(
        group=culture_task.group,
        title="Sắp đến hạn",
        lead_unit=library,
        due_on=datetime.date(2021, 6, 10),
    )
    TaskFactory(group=culture_task.group, title="Còn lâu", due_on=datetime.date(2021, 8, 1))
    TaskFactory(
        group=culture_task.group,
        title="Đã xong",
        due_on=datetime.date(2021, 5, 1),
        progress=100,
        status=TaskStatus.DONE,
    )
    client.force_login(alice)
    response = client.get(reverse("plans:due_tasks"))
    assert list(response.context["overdue"]) == [culture_task]
    assert list(response.context["due_soon"]) == [soon]
    assert "Phòng Quản lý Văn hóa" in response.text and "Thư viện tỉnh" in response.text


@time_machine.travel(datetime.date(2021, 6, 1))
def test_the_due_list_leaves_out_other_departments_and_closed_plans(client, alice, erin):
    closed = PlanFactory(agency=alice.memberships.get().agency, status=PlanStatus.CLOSED)
    TaskFactory(group=TaskGroupFactory(plan=closed), due_on=datetime.date(2021, 5, 1))
    foreign = PlanFactory(agency=erin.memberships.get().agency)
    TaskFactory(group=TaskGroupFactory(plan=foreign), due_on=datetime.date(2021, 5, 1))
    client.force_login(alice)
    assert not client.get(reverse("plans:due_tasks")).context["overdue"]


def test_a_unit_head_cannot_open_the_due_list(client, bob):
    client.force_login(bob)
    assert client.get(reverse("plans:due_tasks")).status_code == 403


def test_the_inspection_board_cannot_open_the_due_list(client, dave):
    client.force_login(dave)
    assert client.get(reverse("plans:due_tasks")).status_code == 403
