"""The quality system's files: the internal-audit report as DOCX in the Decree 30/2020/NĐ-CP
layout (quantri.documents), and the management review's figures as XLSX
(quantri.core.spreadsheets, so typed text never becomes a formula)."""

import io

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font

from quantri.core.names import display_name
from quantri.core.spreadsheets import append_row
from quantri.documents import Header, Item, OfficialDocument, Paragraph, Part, Signature, Table
from quantri.documents.wording import province_place
from quantri.quality import legal
from quantri.quality.models import Audit, FindingKind, ManagementReview

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
KIND_WORDS = {
    FindingKind.CONFORMITY: "Phù hợp",
    FindingKind.NONCONFORMITY: "Không phù hợp",
    FindingKind.OBSERVATION: "Khuyến nghị",
}


def _place(agency) -> str:
    node = agency.parent
    while node is not None and node.kind != "province":
        node = node.parent
    return province_place(node.name) if node is not None else ""


def _day(value) -> str:
    return f"{value:%d/%m/%Y}" if value else ""


def _people(users) -> str:
    return ", ".join(display_name(u) for u in users)


def _findings_table(audit: Audit) -> Table:
    rows = []
    for n, finding in enumerate(audit.findings.select_related("unit"), start=1):
        action = getattr(finding, "corrective_action", None)
        status = ""
        if finding.kind == FindingKind.NONCONFORMITY:
            status = (
                f"Đã kiểm tra xác nhận ngày {_day(action.verified_on)}"
                if action and action.is_verified
                else "Chưa khắc phục xong"
            )
        rows.append(
            [
                str(n),
                finding.unit.name,
                finding.clause,
                KIND_WORDS[finding.kind],
                finding.description,
                status,
            ]
        )
    return Table(
        columns=["TT", "Đơn vị", "Điều khoản", "Loại", "Nội dung phát hiện", "Khắc phục"],
        rows=rows or [["", "", "", "", "Không có phát hiện", ""]],
        widths_cm=[0.9, 3.0, 1.6, 2.0, 5.5, 3.0],
        align=["center", "left", "center", "left", "left", "left"],
    )


def _actions(audit: Audit) -> list:
    items = []
    for finding in audit.findings.filter(kind=FindingKind.NONCONFORMITY):
        action = getattr(finding, "corrective_action", None)
        if action is None:
            items.append(Item(finding.description, ["Chưa có hành động khắc phục."]))
            continue
        items.append(
            Item(
                finding.description,
                [
                    f"Nguyên nhân: {action.cause}",
                    f"Hành động khắc phục: {action.action}",
                    f"Người thực hiện: {_people([action.owner])}; thời hạn: "
                    f"{_day(action.deadline)}",
                ],
            )
        )
    return items or ["Không có điểm không phù hợp."]


def audit_report_docx(audit: Audit, *, signer) -> bytes:
    """The internal-audit report (báo cáo đánh giá nội bộ); `signer` is the person issuing it."""
    agency = audit.agency
    checklist = [
        f"{i.clause} — {i.question}" if i.clause else i.question for i in audit.checklist.all()
    ]
    body = [
        Part(
            "Thông tin chung",
            [
                Paragraph(f"Căn cứ {legal.DECISION}; Tiêu chuẩn {legal.STANDARD}."),
                f"Thời gian đánh giá: từ ngày {_day(audit.starts_on)} đến ngày "
                f"{_day(audit.ends_on)}.",
                f"Chuyên gia đánh giá: {_people(audit.auditors.all())}.",
                "Đơn vị được đánh giá: " + ", ".join(u.name for u in audit.units.all()) + ".",
                *(["Nội dung kiểm tra: " + "; ".join(checklist) + "."] if checklist else []),
            ],
        ),
        Part("Kết quả đánh giá", [_findings_table(audit)]),
        Part("Điểm không phù hợp và hành động khắc phục", _actions(audit)),
        Part("Kết luận", [audit.conclusion or "Cuộc đánh giá chưa kết thúc."]),
    ]
    return OfficialDocument(
        header=Header(
            issuer=agency.name.upper(),
            parent_body=agency.parent.name.upper() if agency.parent_id else "",
            number=None,
            type_code="BC",
            issuer_code=agency.short_name or "",
            place=_place(agency),
            issued_on=audit.closed_on or timezone.localdate(),
        ),
        doc_type="BÁO CÁO",
        summary=f"Kết quả đánh giá nội bộ Hệ thống quản lý chất lượng — {audit.title}",
        body=body,
        signature=Signature(position="TRƯỞNG ĐOÀN ĐÁNH GIÁ", name=_people([signer])),
        recipients=["Lãnh đạo Sở", "Các đơn vị được đánh giá"],
        title=f"Báo cáo đánh giá nội bộ {audit.title}",
    ).render()


def review_xlsx(review: ManagementReview) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = f"Xem xét {review.year}"
    append_row(sheet, [f"Xem xét của lãnh đạo năm {review.year} — {review.agency.name}"])
    sheet["A1"].font = Font(bold=True)
    append_row(
        sheet,
        [
            f"Số liệu từ {_day(review.period_start)} đến {_day(review.period_end)}; "
            f"họp ngày {_day(review.held_on)}, chủ trì: {review.chaired_by}"
        ],
    )
    append_row(sheet, ["Chỉ tiêu", "Giá trị", "Đơn vị"])
    for figure in review.inputs:
        append_row(sheet, [figure["label"], figure["value"], figure["unit"]])
    append_row(sheet, [])
    append_row(sheet, ["Quyết định, kết quả đầu ra", review.decisions])
    sheet.column_dimensions["A"].width = 55
    sheet.column_dimensions["B"].width = 14
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
