"""The desk's receipt and appointment slip (giấy tiếp nhận hồ sơ và hẹn trả kết quả,
the form of Circular 01/2018/TT-VPCP) as DOCX, in the Decree 30/2020 layout of
quantri.documents. The text is the official Vietnamese wording of the form."""

from django.utils import timezone

from quantri.documents import Header, OfficialDocument, Paragraph, Signature, Table
from quantri.documents.wording import province_place


def moment(value) -> str:
    local = timezone.localtime(value)
    return f"{local:%H} giờ {local:%M} phút, ngày {local:%d/%m/%Y}"


def place(agency) -> str:
    """The province the agency sits in, as documents are dated ("Hưng Yên, ngày …"): the
    nearest province above it, else the name of the agency's parent."""
    node = agency.parent
    while node is not None and node.kind != "province":
        node = node.parent
    return province_place(node.name) if node is not None else ""


def receipt_docx(dossier, *, received_by: str = "") -> bytes:
    agency = dossier.agency
    # The place line names the province, as the agency's own documents do.
    place_name = place(agency)
    documents = dossier.procedure.documents or []
    rows = [
        [str(n), doc.get("name", ""), str(doc.get("copies", "") or "")]
        for n, doc in enumerate(documents, start=1)
    ]
    body = [
        Paragraph(f"Mã hồ sơ: {dossier.code}", bold=True, align="center", indent=False),
        f"{agency.name} tiếp nhận hồ sơ của: Ông/Bà {dossier.applicant_name}.",
        f"Số giấy tờ tùy thân: {dossier.applicant_id or '…'}.",
        f"Nội dung yêu cầu giải quyết: {dossier.procedure.name} (mã {dossier.procedure.code}).",
        Table(
            columns=["TT", "Tên giấy tờ", "Số bản"],
            rows=rows or [["1", "…", ""]],
            widths_cm=[1.2, 12.0, 2.5],
            align=["center", "left", "center"],
        ),
        f"Số lượng hồ sơ: 01 (bộ). Hình thức nộp: {dossier.get_channel_display()}.",
        f"Thời gian giải quyết hồ sơ theo quy định: {dossier.procedure.processing_days or 0} "
        "ngày làm việc.",
        f"Thời gian nhận hồ sơ: {moment(dossier.received_at)}.",
        Paragraph(f"Thời gian trả kết quả giải quyết hồ sơ: {moment(dossier.due_at)}.", bold=True),
        "Đăng ký nhận kết quả tại: Bộ phận Tiếp nhận và Trả kết quả.",
    ]
    return OfficialDocument(
        header=Header(
            issuer=agency.name.upper(),
            parent_body=agency.parent.name.upper() if agency.parent_id else "",
            number=None,
            type_code="TNHS",
            place=place_name,
            issued_on=timezone.localtime(dossier.received_at).date(),
        ),
        doc_type="GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
        summary="",
        body=body,
        signature=Signature(position="NGƯỜI TIẾP NHẬN HỒ SƠ", name=received_by),
        recipients=[],
        title=f"Giấy tiếp nhận hồ sơ {dossier.code}",
    ).render()
