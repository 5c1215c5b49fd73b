"""Demo: the inspector (thanhtra) has this year's inspection plan and has recorded a check of
the one-stop desk, concluded, with two findings whose remedies are tasks of the responsible
units (the Department Office runs the desk; the Culture Management unit handles the late
dossiers), one of them overdue. Safe to run again: looked up by the decision number."""

import datetime

from django.utils import timezone

from quantri.oversight import legal, services
from quantri.oversight.models import (
    HeadAccountability,
    Inspection,
    InspectionKind,
    Severity,
    SubjectKind,
)
from quantri.oversight.remedy_tasks import remedies_make_tasks

DECISION = "15/QĐ-SVHTTDL"
SUBJECT = "việc tiếp nhận, giải quyết hồ sơ tại Bộ phận Một cửa của Sở"


def load(context) -> None:
    if Inspection.objects.filter(agency=context.department, decision_number=DECISION).exists():
        return
    today = timezone.localdate()
    inspector = context.user("thanhtra")
    office, culture = context.units["VP"], context.units["QLVH"]
    plan = services.inspection_plan_for(agency=context.department, year=today.year, user=inspector)
    item = services.plan_item_add(
        plan=plan,
        user=inspector,
        inspection_kind=InspectionKind.CHECK,
        subject=services.Subject(SubjectKind.ONE_STOP_DESK, SUBJECT, office),
        starts_on=today - datetime.timedelta(days=80),
        ends_on=today - datetime.timedelta(days=60),
    )
    services.plan_item_add(
        plan=plan,
        user=inspector,
        inspection_kind=InspectionKind.CHECK,
        subject=services.Subject(
            SubjectKind.ASSET_DECLARATION, "Kê khai tài sản, thu nhập năm nay", None
        ),
        starts_on=today + datetime.timedelta(days=5),
        ends_on=today + datetime.timedelta(days=20),
    )
    inspection = _check(context, inspector, item, today)
    _findings(inspection, inspector, office, culture, today)
    services.inspection_conclude(
        inspection=inspection,
        user=inspector,
        number="02/KL-SVHTTDL",
        concluded_on=today - datetime.timedelta(days=45),
        conclusion="Bộ phận Một cửa cơ bản thực hiện đúng quy trình tiếp nhận, trả kết quả.\n"
        "Còn hồ sơ tiếp nhận thiếu phiếu hướng dẫn và hồ sơ giải quyết quá hạn chưa có văn bản "
        "xin lỗi người dân theo quy định.",
        signer_name="Đỗ Văn Kiên",
        signer_position="Trưởng đoàn kiểm tra",
    )
    remedies_make_tasks(inspection=inspection, user=inspector)


def _check(context, inspector, item, today) -> Inspection:
    return services.inspection_open(
        agency=context.department,
        user=inspector,
        fields=services.InspectionFields(
            kind=InspectionKind.CHECK,
            subject=services.Subject(SubjectKind.ONE_STOP_DESK, SUBJECT, context.units["VP"]),
            decision_number=DECISION,
            decision_date=today - datetime.timedelta(days=75),
            period_from=datetime.date(today.year - 1, 1, 1),
            period_to=today - datetime.timedelta(days=76),
            team=[inspector],
            team_lead="Đỗ Văn Kiên",
            plan_item=item,
        ),
    )


def _findings(inspection, inspector, office, culture, today) -> None:
    slips = services.finding_add(
        inspection=inspection,
        user=inspector,
        subject_unit=office,
        rule="Hướng dẫn, tiếp nhận hồ sơ thủ tục hành chính",
        legal_basis=legal.ONE_STOP_DECREE,
        description="12 hồ sơ tiếp nhận không có phiếu hướng dẫn hoàn thiện hồ sơ; sổ theo dõi "
        "chưa ghi đủ ngày hẹn trả.",
        severity=Severity.MINOR,
    )
    late = services.finding_add(
        inspection=inspection,
        user=inspector,
        subject_unit=culture,
        rule="Xin lỗi người dân khi giải quyết hồ sơ quá hạn",
        legal_basis=legal.ONE_STOP_DECREE,
        description="5 hồ sơ cấp giấy phép kinh doanh karaoke giải quyết quá hạn nhưng không có "
        "văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết.",
        severity=Severity.SERIOUS,
    )
    services.violation_add(
        finding=late,
        user=inspector,
        fields=services.ViolationFields(
            person_name="Nguyễn Văn Hùng",
            person_position="Chuyên viên",
            unit=culture,
            rule=late.rule,
            severity=Severity.SERIOUS,
            head_name="Lê Văn Dũng",
            head_accountability=HeadAccountability.SELF_CRITICISM,
        ),
    )
    services.remedy_add(
        inspection=inspection,
        user=inspector,
        finding=slips,
        text="Bổ sung phiếu hướng dẫn cho hồ sơ còn thiếu; ghi đủ sổ theo dõi hồ sơ.",
        lead_unit=office,
        due_on=today - datetime.timedelta(days=10),  # overdue: the office's lists show it
    )
    services.remedy_add(
        inspection=inspection,
        user=inspector,
        finding=late,
        text="Gửi văn bản xin lỗi người dân đối với 5 hồ sơ quá hạn; tổ chức kiểm điểm trách "
        "nhiệm cá nhân liên quan.",
        lead_unit=culture,
        support_units=[office],
        due_on=today + datetime.timedelta(days=30),
    )
