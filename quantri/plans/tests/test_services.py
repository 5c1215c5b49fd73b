import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from quantri.plans import services
from quantri.plans.models import Plan, Task, TaskGroup, TaskStatus
from quantri.plans.services import EvidenceInput, PlanImportError
from quantri.testing.factories import TaskFactory, TaskGroupFactory

pytestmark = pytest.mark.django_db


def parsed_plan(**overrides) -> dict:
    plan = {
        "title": "Nâng cao Chỉ số PAPI năm 2026",
        "number": "18/KH-SVHTTDL",
        "issued_on": "2026-02-20",
        "issuer": "Sở Văn hóa, Thể thao và Du lịch",
        "year": 2026,
        "parent_refs": ["35/KH-UBND"],
        "signer": {"name": "Nguyễn Minh Khoa", "position": "PHÓ GIÁM ĐỐC"},
        "recipients": ["UBND tỉnh", "Lưu: VT"],
    }
    groups = [
        {
            "title": "Công tác chỉ đạo điều hành",
            "dimension": None,
            "tasks": [
                {
                    "title": "Phổ biến Kế hoạch",
                    "description": "Phổ biến Kế hoạch đến công chức.",
                    "lead": "Văn phòng Sở",
                    "lead_code": "T-VP",
                    "support": ["Thư viện tỉnh", "các phòng, đơn vị liên quan"],
                    "support_codes": ["T-TV"],
                    "due": "2026-03-31",
                    "recurrence": None,
                    "due_text": "hoàn thành trước 31/03/2026",
                    "output": "Biên bản",
                },
            ],
        },
        {
            "title": "Công khai minh bạch",
            "dimension": "2",
            "tasks": [
                {
                    "title": "Niêm yết thủ tục",
                    "description": "Niêm yết thủ tục.",
                    "lead": "Tổ công tác X",
                    "lead_code": None,
                    "support": [],
                    "support_codes": [],
                    "due": None,
                    "recurrence": "quarterly",
                    "due_text": "hằng quý",
                    "output": None,
                },
            ],
        },
    ]
    reporting = [
        {"frequency": "semiannual", "due": None, "to": "Lãnh đạo Sở", "via": "Văn phòng Sở"}
    ]
    return {"plan": {**plan, **overrides}, "groups": groups, "reporting": reporting, "warnings": []}


def test_import_saves_plan_groups_tasks_and_assignments(department, office, library):
    plan = services.plan_import(
        parsed=parsed_plan(), agency=department, source=b"x", filename="kh.txt"
    )
    assert (plan.number, plan.year, plan.issued_on.isoformat()) == (
        "18/KH-SVHTTDL",
        2026,
        "2026-02-20",
    )
    first, second = plan.groups.order_by("order")
    assert first.dimension is None and second.dimension.code == "2"
    task = first.tasks.get()
    assert task.lead_unit == office
    assert list(task.support_units.all()) == [library]
    assert task.support_text == ["các phòng, đơn vị liên quan"]
    unmatched = second.tasks.get()
    assert unmatched.lead_unit is None and unmatched.lead_text == "Tổ công tác X"
    assert unmatched.recurrence == "quarterly"
    rule = plan.reporting_rules.get()
    assert (rule.frequency, rule.via_unit) == ("semiannual", office)
    assert plan.source_document.read() == b"x"


def test_import_is_all_or_nothing(department, office):
    parsed = parsed_plan()
    parsed["groups"][1]["tasks"][0]["due"] = "31/02/2026"
    with pytest.raises(PlanImportError, match="31/02/2026"):
        services.plan_import(parsed=parsed, agency=department)
    assert not Plan.objects.exists() and not TaskGroup.objects.exists()


def test_import_refuses_a_dimension_the_framework_does_not_have(department):
    parsed = parsed_plan()
    parsed["groups"][1]["dimension"] = "12"
    with pytest.raises(PlanImportError, match="12"):
        services.plan_import(parsed=parsed, agency=department)
    assert not Plan.objects.exists()


def test_import_asks_for_a_year_when_the_document_gives_none(department):
    with pytest.raises(PlanImportError):
        services.plan_import(parsed=parsed_plan(year=None, issued_on=None), agency=department)


def test_the_same_number_twice_in_a_year_is_refused(department):
    services.plan_import(parsed=parsed_plan(), agency=department)
    with pytest.raises((PlanImportError, ValidationError)):
        services.plan_import(parsed=parsed_plan(), agency=department)
    assert Plan.objects.count() == 1


def test_progress_rolls_up_weighted_and_ignores_cancelled_tasks(plan):
    group = TaskGroupFactory(plan=plan)
    TaskFactory(group=group, weight=3, progress=100, status=TaskStatus.DONE)
    TaskFactory(group=group, weight=1, progress=20, status=TaskStatus.IN_PROGRESS)
    TaskFactory(group=group, weight=5, progress=0, status=TaskStatus.CANCELLED)
    assert plan.progress() == 80  # (3*100 + 1*20) / 4


def test_recording_progress_updates_the_task_and_keeps_history(culture_task, bob):
    update = services.task_record_progress(
        task=culture_task,
        user=bob,
        progress=60,
        note="Đã niêm yết 60 thủ tục",
        evidence=[
            EvidenceInput(title="Ảnh", file_name="anh.png", file_content=b"\x89PNG..."),
            EvidenceInput(url="https://sovhttdl.hungyen.gov.vn/tthc"),
        ],
    )
    culture_task.refresh_from_db()
    assert (culture_task.progress, culture_task.status) == (60, TaskStatus.IN_PROGRESS)
    assert update.created_by == bob and update.evidence.count() == 2
    assert culture_task.history.first().history_user == bob


def test_full_progress_marks_the_task_done(culture_task, bob):
    services.task_record_progress(task=culture_task, user=bob, progress=100)
    culture_task.refresh_from_db()
    assert culture_task.status == TaskStatus.DONE


def test_progress_outside_0_100_is_refused_and_nothing_changes(culture_task, bob):
    with pytest.raises(ValidationError):
        services.task_record_progress(task=culture_task, user=bob, progress=130)
    culture_task.refresh_from_db()
    assert culture_task.progress == 0 and not culture_task.updates.exists()


def test_done_below_100_is_refused(culture_task, bob):
    with pytest.raises(ValidationError):
        services.task_record_progress(task=culture_task, user=bob, progress=50, status="done")


def test_database_refuses_progress_over_100(culture_task):
    with pytest.raises(IntegrityError), transaction.atomic():
        Task.objects.filter(pk=culture_task.pk).update(progress=101)
