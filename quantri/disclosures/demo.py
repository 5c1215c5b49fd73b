"""Demo notices of the department: on time, one published late, one overdue. Idempotent:
categories are matched by code and notices by agency and title."""

import datetime
import io

from django.utils import timezone
from docx import Document

from quantri.core.uploads import DOCX, CheckedUpload
from quantri.disclosures import services
from quantri.disclosures.models import Disclosure, DisclosureCategory

LAW = "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15"
# code, name, English name, usual audience, limit in working days, legal basis
CATEGORIES = [
    ("work_plan", "Kế hoạch công tác", "Work plans", "internal", 5, LAW),
    ("budget", "Dự toán, quyết toán ngân sách", "Budget", "public", 5, LAW),
    ("staff_policy", "Chế độ, chính sách đối với công chức, viên chức", "Staff policies",
     "internal", 5, LAW),
    ("staffing", "Tuyển dụng, bổ nhiệm, điều động, khen thưởng, kỷ luật", "Staffing decisions",
     "internal", 5, LAW),
    ("training", "Nhu cầu đào tạo, bồi dưỡng", "Training needs", "internal", 5, LAW),
    ("inspection", "Kết luận thanh tra, kiểm tra", "Inspection results", "public", 5, LAW),
]  # fmt: skip

# category, title, decision number, decision date, published on (None: not yet), summary
NOTICES = [
    ("work_plan", "Kế hoạch công tác năm 2026 của Sở Văn hóa, Thể thao và Du lịch",
     "05/KH-SVHTTDL", datetime.date(2026, 1, 5), datetime.date(2026, 1, 8),
     "Các nhiệm vụ trọng tâm, tiến độ và đơn vị chủ trì trong năm 2026."),
    ("budget", "Công khai dự toán ngân sách nhà nước năm 2026 được giao", "12/QĐ-SVHTTDL",
     datetime.date(2026, 1, 12), datetime.date(2026, 1, 15),
     "Dự toán thu, chi ngân sách năm 2026 của Sở và các đơn vị trực thuộc."),
    ("staffing", "Quyết định bổ nhiệm Phó Trưởng phòng Quản lý Du lịch", "86/QĐ-SVHTTDL",
     datetime.date(2026, 3, 20), datetime.date(2026, 4, 3),
     "Bổ nhiệm có thời hạn 05 năm kể từ ngày ký."),
    ("inspection", "Kết luận thanh tra việc thực hiện công vụ tại Bộ phận Một cửa",
     "03/KL-TTr", datetime.date(2026, 4, 15), datetime.date(2026, 4, 21),
     "Kết quả thanh tra, các tồn tại và kiến nghị khắc phục."),
    ("training", "Kết quả rà soát nhu cầu đào tạo, bồi dưỡng công chức, viên chức năm 2027",
     "215/BC-SVHTTDL", datetime.date(2026, 11, 6), None,
     "Tổng hợp nhu cầu đào tạo, bồi dưỡng của các phòng, đơn vị."),
]  # fmt: skip


def load(context) -> None:
    categories = {c.code: c for c in DisclosureCategory.objects.all()}
    for order, (code, name, name_en, audience, days, basis) in enumerate(CATEGORIES, start=1):
        if code in categories:
            continue  # an office that changed a category's limit keeps its change
        categories[code] = services.category_save(
            code=code,
            name=name,
            name_en=name_en,
            default_audience=audience,
            limit_working_days=days,
            legal_basis=basis,
            order=order,
        )
    office = context.user("vanphong")
    today = timezone.localdate()
    for category, title, number, decided, published, summary in NOTICES:
        if decided > today:
            continue  # a decision not yet taken on the day the demo is loaded
        if Disclosure.objects.filter(agency=context.department, title=title).exists():
            continue
        services.disclosure_create(
            agency=context.department,
            category=categories[category],
            title=title,
            decision_number=number,
            decision_date=decided,
            published_on=published if published and published <= today else None,
            summary=summary,
            attachment=_document(title) if category == "work_plan" else None,
            user=office,
        )


def _document(title: str) -> CheckedUpload:
    document = Document()
    document.add_heading(title, level=1)
    document.add_paragraph("Tài liệu minh họa của bản demo Quản trị.")
    buffer = io.BytesIO()
    document.save(buffer)
    return CheckedUpload(name="ke-hoach-cong-tac-2026.docx", content=buffer.getvalue(), kind=DOCX)
