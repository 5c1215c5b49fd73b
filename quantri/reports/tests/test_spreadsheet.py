import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation
from openpyxl import load_workbook

from quantri.plans.models import TaskStatus
from quantri.reports import services
from quantri.reports.models import TaskReport, UnitReport
from quantri.reports.services import TaskReportInput
from quantri.reports.spreadsheet import build_template

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def tasks(culture_request):
    return list(services.unit_tasks(culture_request))


def template(request, tasks) -> bytes:
    return build_template(request, tasks, getattr(request, "report", None))


def workbook(content: bytes):
    return load_workbook(io.BytesIO(content))


def save(book) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def upload(request, user, content):
    return services.report_import_xlsx(request=request, user=user, content=content)


def test_the_template_has_a_row_per_task_with_its_id_hidden(
    culture_request, tasks, culture_task, library_task
):
    book = workbook(template(culture_request, tasks))
    assert book.sheetnames == ["Nhiệm vụ", "Đơn vị"]
    sheet = book["Nhiệm vụ"]
    assert sheet.column_dimensions["A"].hidden is True
    assert [sheet[f"A{row}"].value for row in (5, 6)] == [culture_task.pk, library_task.pk]
    assert sheet["C5"].value == culture_task.title
    assert sheet["B6"].value == "2.1"
    assert sheet["E4"].value == "Progress %"
    assert sheet["D5"].value == "Not started"
    assert any("D5" in str(v.sqref) for v in sheet.data_validations.dataValidation)
    assert book["Đơn vị"]["B2"].value == culture_request.pk
    assert "2021-H1" in sheet["B1"].value


def test_the_template_carries_the_saved_draft(culture_request, bob, culture_task):
    services.report_save_draft(
        request=culture_request,
        user=bob,
        general_remarks="Đã triển khai đầy đủ.",
        tasks=[TaskReportInput(task_id=culture_task.pk, progress=40, figures={"Số buổi": 6})],
    )
    culture_request.refresh_from_db()
    tasks = list(services.unit_tasks(culture_request))
    book = workbook(template(culture_request, tasks))
    assert book["Nhiệm vụ"]["E5"].value == 40
    assert book["Nhiệm vụ"]["I5"].value == "Số buổi = 6"
    assert book["Đơn vị"]["B5"].value == "Đã triển khai đầy đủ."


def test_a_filled_template_becomes_the_draft(
    culture_request, tasks, frank, culture_task, library_task
):
    book = workbook(template(culture_request, tasks))
    sheet = book["Nhiệm vụ"]
    sheet["D5"], sheet["E5"], sheet["F5"] = "Hoàn thành", 100, "Đã tổ chức hội nghị."
    sheet["I5"] = "Số buổi tiếp công dân = 6\nTỷ lệ hồ sơ trực tuyến (%) = 72,5"
    sheet["E6"] = "60%"
    book["Đơn vị"]["B5"] = "Nhận xét chung."
    report = upload(culture_request, frank, save(book))
    assert report.general_remarks == "Nhận xét chung."
    done = report.task_reports.get(task=culture_task)
    assert (done.status, done.progress, done.done) == (TaskStatus.DONE, 100, "Đã tổ chức hội nghị.")
    assert done.figures == {"Số buổi tiếp công dân": 6, "Tỷ lệ hồ sơ trực tuyến (%)": 72.5}
    supported = report.task_reports.get(task=library_task)
    assert (supported.progress, supported.status) == (60, TaskStatus.IN_PROGRESS)


def test_a_bad_progress_is_named_by_sheet_row_and_column(culture_request, tasks, frank):
    book = workbook(template(culture_request, tasks))
    book["Nhiệm vụ"]["E6"] = "abc"
    with pytest.raises(ValidationError) as error:
        upload(culture_request, frank, save(book))
    assert error.value.messages == [
        "Sheet Nhiệm vụ, row 6, column E (Progress %): “abc” is not a number 0–100."
    ]


def test_every_problem_is_listed_and_nothing_changes(culture_request, tasks, frank, culture_task):
    services.report_save_draft(
        request=culture_request,
        user=frank,
        general_remarks="Bản nháp cũ.",
        tasks=[TaskReportInput(task_id=culture_task.pk, progress=30)],
    )
    book = workbook(template(culture_request, tasks))
    sheet = book["Nhiệm vụ"]
    sheet["E5"], sheet["F5"] = 90, "Đã sửa."  # a good row…
    sheet["D6"], sheet["E6"] = "Xong rồi", 150  # …and a bad one
    sheet["I6"] = "Số buổi = sáu"
    book["Đơn vị"]["B5"] = "Bản mới."
    with pytest.raises(ValidationError) as error:
        upload(culture_request, frank, save(book))
    messages = error.value.messages
    assert [m.split(":")[0] for m in messages] == [
        "Sheet Nhiệm vụ, row 6, column E (Progress %)",
        "Sheet Nhiệm vụ, row 6, column D (Status)",
        "Sheet Nhiệm vụ, row 6, column I (Figures (name = number, one per line))",
    ]
    assert "“150” is not a number 0–100" in messages[0]
    assert "sáu is not a number" in messages[2]
    report = UnitReport.objects.get()
    assert report.general_remarks == "Bản nháp cũ."
    assert TaskReport.objects.get().progress == 30


def test_done_needs_100_in_the_file_too(culture_request, tasks, frank):
    book = workbook(template(culture_request, tasks))
    book["Nhiệm vụ"]["D5"], book["Nhiệm vụ"]["E5"] = "Done", 80
    with pytest.raises(ValidationError, match=r"row 5, column D \(Status\): a task marked done"):
        upload(culture_request, frank, save(book))


def test_an_added_row_is_refused(culture_request, tasks, frank):
    book = workbook(template(culture_request, tasks))
    book["Nhiệm vụ"]["C7"], book["Nhiệm vụ"]["E7"] = "Nhiệm vụ tự thêm", 50
    with pytest.raises(ValidationError, match=r"row 7, column A \(Task id\)"):
        upload(culture_request, frank, save(book))


def test_another_reports_template_is_refused(culture_request, library_request, tasks, gina):
    content = template(culture_request, tasks)
    with pytest.raises(ValidationError, match=r"Sheet Đơn vị, cell B2.*another report"):
        upload(library_request, gina, content)


def test_a_missing_sheet_is_named(culture_request, tasks, frank):
    book = workbook(template(culture_request, tasks))
    del book["Đơn vị"]
    with pytest.raises(ValidationError, match="no sheet “Đơn vị”"):
        upload(culture_request, frank, save(book))


def test_a_file_that_is_not_a_workbook_is_refused(culture_request, frank):
    with pytest.raises(ValidationError, match="not a readable .xlsx"):
        upload(culture_request, frank, b"PK\x03\x04 not really a zip")


def test_another_unit_cannot_upload(culture_request, tasks, carol):
    with pytest.raises(PermissionDenied):
        upload(culture_request, carol, template(culture_request, tasks))
