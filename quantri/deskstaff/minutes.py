"""The minutes of a periodic check of a desk officer (biên bản kiểm tra) as a DOCX in the
Decree 30/2020/NĐ-CP layout (quantri.documents; "BB" is the decree's abbreviation for biên
bản, Appendix III). The figures are those the check recorded when the officer was assessed,
not today's: a later import may change the dossiers, not what the assessor saw."""

from django.utils import timezone

from quantri.core.names import display_name
from quantri.deskstaff.models import Assessment, DeskCheck
from quantri.documents import Header, OfficialDocument, Paragraph, Part, Signature, Table
from quantri.documents.wording import province_place

# (figure key, label): the order of the officer's page and of the figures XLSX.
FIGURE_ROWS = [
    ("received", "Hồ sơ tiếp nhận"),
    ("with_result", "Hồ sơ đã có kết quả"),
    ("late", "Hồ sơ có kết quả trễ hạn"),
    ("late_share", "Tỷ lệ trễ hạn (%)"),
    ("returned", "Hồ sơ đã trả kết quả"),
    ("additional_requests", "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ"),
    ("apologies", "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết"),
    ("satisfied", "Đánh giá hài lòng"),
    ("not_satisfied", "Đánh giá không hài lòng"),
    ("complaints", "Phản ánh, kiến nghị"),
]
ASSESSMENT_WORDS = {
    Assessment.MEETS: "Đáp ứng yêu cầu",
    Assessment.DOES_NOT_MEET: "Không đáp ứng yêu cầu",
}


def check_minutes_docx(check: DeskCheck) -> bytes:
    return check_minutes_document(check).render()


def check_minutes_document(check: DeskCheck) -> OfficialDocument:
    agency = check.agency
    officer, assessor = display_name(check.person), display_name(check.assessed_by)
    assessed_on = timezone.localdate(check.assessed_at)
    return OfficialDocument(
        header=Header(
            issuer=agency.name.upper(),
            parent_body=agency.parent.name.upper() if agency.parent_id else "",
            number=None,
            type_code="BB",
            issuer_code=agency.short_name or "",
            place=_place(agency),
            issued_on=assessed_on,
        ),
        doc_type="BIÊN BẢN",
        summary="Kiểm tra định kỳ công chức làm việc tại Bộ phận Một cửa",
        body=[
            Paragraph(
                f"Hôm nay, ngày {assessed_on:%d/%m/%Y}, {assessor} tiến hành kiểm tra việc "
                f"thực hiện nhiệm vụ tiếp nhận hồ sơ và trả kết quả giải quyết thủ tục hành "
                f"chính của {officer}, thời kỳ kiểm tra từ ngày {check.period_start:%d/%m/%Y} "
                f"đến ngày {check.period_end:%d/%m/%Y}."
            ),
            Part("Kết quả thực hiện nhiệm vụ", [_figures_table(check.figures)]),
            Part("Đánh giá", _assessment(check)),
            Paragraph(
                f"Biên bản được lập xong hồi ngày {assessed_on:%d/%m/%Y}, đã đọc lại cho người "
                f"được kiểm tra cùng nghe. Người được kiểm tra: {officer} (ký, ghi rõ họ tên)."
            ),
        ],
        signature=Signature(position="NGƯỜI KIỂM TRA", name=assessor),
        recipients=[officer, "Lãnh đạo Sở (để báo cáo)"],
        archive="VT, VP",
        title=f"Biên bản kiểm tra công chức Bộ phận Một cửa {officer}",
    )


def _figures_table(figures: dict) -> Table:
    rows = [
        [str(number), label, _number(figures.get(key))]
        for number, (key, label) in enumerate(FIGURE_ROWS, start=1)
    ]
    return Table(
        ["TT", "Chỉ tiêu", "Số liệu"],
        rows,
        widths_cm=[1.0, 11.0, 3.5],
        align=["center", "left", "right"],
    )


def _number(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")
    return str(value)


def _assessment(check: DeskCheck) -> list:
    lines = [f"Kết luận: {ASSESSMENT_WORDS.get(check.assessment, check.assessment)}."]
    if check.reasons.strip():
        lines.append(f"Lý do: {check.reasons.strip()}")
    return lines


def _place(agency) -> str:
    node = agency.parent
    while node is not None and node.kind != "province":
        node = node.parent
    return province_place(node.name) if node is not None else ""
