"""Demo: the department's internal process for one published procedure (approved by the
leader, written by the office), its declaration of conformity on the portal, an internal
audit of the culture unit with one nonconformity whose corrective action is done but not yet
verified (so the audit stays open), and this year's management review. Safe to run again."""

import datetime
from decimal import Decimal

from django.utils import timezone

from quantri.procedures.models import Procedure
from quantri.quality import services
from quantri.quality.models import Audit, Declaration, ManagementReview, QualityProcess

PROCESS_CODE = "QT-VHTTDL-01"
DECLARATION_NUMBER = "125/QĐ-SVHTTDL"
AUDIT_TITLE = "Đánh giá nội bộ Hệ thống quản lý chất lượng"
STEPS = [
    ("Tiếp nhận, kiểm tra hồ sơ, lập phiếu hẹn", "Bộ phận Một cửa", "Mẫu 01", "4", "hours"),
    ("Chuyển hồ sơ cho phòng chuyên môn", "Bộ phận Một cửa", "Mẫu 02", "4", "hours"),
    ("Thẩm định hồ sơ, dự thảo kết quả", "Phòng Quản lý Văn hóa", "", "3", "days"),
    ("Xem xét, ký duyệt kết quả", "Lãnh đạo Sở", "", "1", "days"),
    ("Trả kết quả cho tổ chức, cá nhân", "Bộ phận Một cửa", "Mẫu 01", "4", "hours"),
]


def load(context) -> None:
    department, unit = context.department, context.units["QLVH"]
    process = _process(context, department, unit)
    if process is None:
        return
    _declaration(context, department, process)
    _audit(context, department, unit, process)
    _review(context, department)


def _process(context, department, unit):
    process = QualityProcess.objects.filter(agency=department, code=PROCESS_CODE).first()
    if process is not None:
        return process
    procedure = (
        Procedure.objects.filter(agency=department, is_published=True)
        .exclude(processing_days=None)
        .order_by("code")
        .first()
    )
    if procedure is None:
        return None
    process = services.process_create(
        user=None,
        agency=department,
        unit=unit,
        procedure=procedure,
        code=PROCESS_CODE,
        title=f"Quy trình giải quyết thủ tục {procedure.name}"[:500],
    )
    steps = [services.StepData(d, r, Decimal(t), u, form_used=f) for d, r, f, t, u in STEPS]
    version = services.version_create(
        user=context.user("vanphong"), process=process, steps=steps, change_note="Ban hành lần đầu"
    )
    services.version_approve(
        user=context.user("lanhdao"),
        version=version,
        effective_on=timezone.localdate().replace(month=1, day=2),
    )
    return process


def _declaration(context, department, process) -> None:
    if Declaration.objects.filter(agency=department, number=DECLARATION_NUMBER).exists():
        return
    declaration = services.declaration_save(
        user=None,
        agency=department,
        number=DECLARATION_NUMBER,
        signed_on=timezone.localdate().replace(month=1, day=15),
        signer_name="Nguyễn Minh Khoa",
        signer_position="Phó Giám đốc",
        scope="Giải quyết thủ tục hành chính thuộc thẩm quyền của Sở Văn hóa, Thể thao và Du lịch.",
        processes=[process],
    )
    services.declaration_publish(user=None, declaration=declaration)


def _audit(context, department, unit, process) -> None:
    if Audit.objects.filter(agency=department, title=AUDIT_TITLE).exists():
        return
    today = timezone.localdate()
    audit = services.audit_plan(
        user=None,
        agency=department,
        title=AUDIT_TITLE,
        starts_on=today - datetime.timedelta(days=30),
        ends_on=today - datetime.timedelta(days=28),
        auditors=[context.user("vanphong")],
        units=[unit],
        processes=[process],
        checklist=[
            ("7.5", "Quy trình đang áp dụng có được phê duyệt và còn hiệu lực?"),
            ("8.5", "Hồ sơ được giải quyết đúng các bước và thời gian của quy trình?"),
        ],
    )
    services.finding_add(
        user=None,
        audit=audit,
        kind="conformity",
        unit=unit,
        clause="7.5",
        description="Quy trình QT-VHTTDL-01 được phê duyệt, niêm yết tại Bộ phận Một cửa.",
    )
    nonconformity = services.finding_add(
        user=None,
        audit=audit,
        kind="nonconformity",
        unit=unit,
        clause="8.5.1",
        description="2/10 hồ sơ được kiểm tra không lưu phiếu kiểm soát quá trình giải quyết.",
    )
    services.corrective_action_save(
        user=None,
        finding=nonconformity,
        cause="Chuyên viên chưa nắm quy định lưu phiếu kiểm soát theo Mẫu 02.",
        action="Phổ biến lại quy trình; bổ sung phiếu kiểm soát vào 2 hồ sơ còn thiếu.",
        owner=context.user("truongphong"),
        deadline=today + datetime.timedelta(days=15),
        done_on=today - datetime.timedelta(days=5),
    )


def _review(context, department) -> None:
    today = timezone.localdate()
    if ManagementReview.objects.filter(agency=department, year=today.year).exists():
        return
    services.review_record(
        user=None,
        agency=department,
        year=today.year,
        held_on=today,
        chaired_by="Ông Nguyễn Minh Khoa, Phó Giám đốc Sở",
        period_start=today.replace(month=1, day=1),
        period_end=today,
        decisions="Duy trì Hệ thống quản lý chất lượng; hoàn thành khắc phục điểm không phù hợp "
        "trong tháng; cập nhật quy trình khi căn cứ pháp lý thay đổi trong 03 tháng.",
    )
