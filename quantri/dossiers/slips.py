"""The desk's forms as DOCX in the Decree 30/2020 layout of quantri.documents: what they share,
and the first of them, the receipt and appointment slip.

The forms are those of Appendix I of Circular 03/2025/TT-VPCP (15/9/2025), which guides Decree
118/2025/NĐ-CP on the one-stop mechanism (in force 1/7/2025; it replaced Decree 61/2018 and
Circular 01/2018/TT-VPCP):

    01 Giấy tiếp nhận hồ sơ và hẹn trả kết quả            slips.receipt_docx
    02 Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ            desk_slips.additional_request_docx
    03 Phiếu từ chối tiếp nhận giải quyết hồ sơ            desk_slips.refusal_docx
    04 Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết   desk_slips.apology_docx
    05 Thông báo dừng giải quyết hồ sơ                     desk_slips.stop_notice_docx
    06 Phiếu kiểm soát quá trình giải quyết hồ sơ          desk_slips.control_slip_docx
    07 Sổ theo dõi hồ sơ                                   logbook.logbook_docx

Each names the receiving body as the decree organises it (models.ReceivingBody) and prints its
form number and legal basis under the title. The text is Vietnamese whatever the page
language, as the citizen receives it."""

from dataclasses import dataclass

from django.utils import timezone

from quantri.documents import Header, OfficialDocument, Paragraph, Signature, Table
from quantri.documents.wording import province_place

# The sources of the forms (checked in session 7, issue 15, 04/12/2026). Found: the
# circular's preamble (số 03/2025/TT-VPCP, Hà Nội, ngày 15 tháng 9 năm 2025; it guides "Nghị định
# số 118/2025/NĐ-CP ngày 09 tháng 6 năm 2025 của Chính phủ về thực hiện thủ tục hành chính theo
# cơ chế một cửa, một cửa liên thông tại Bộ phận Một cửa và Cổng Dịch vụ công quốc gia", and
# covers "các biểu mẫu trong giải quyết thủ tục hành chính" under điểm b, c và h khoản 1 Điều 35
# of that decree) and the list of the seven forms of its Phụ lục I, Mẫu số 01–07 as in the table
# above. The list corrected form 04's title (it was the 2018 one). Not found: the body text of
# each form (the bodies here follow Circular 01/2018/TT-VPCP's models, same content) and the
# date Decree 118/2025/NĐ-CP takes effect (1/7/2025 per issue 15, not confirmed).
SOURCES = {
    "checked_on": "2026-12-04",
    "found": [
        "Circular 03/2025/TT-VPCP, preamble and scope (date 15/9/2025; guides Decree "
        "118/2025/NĐ-CP of 09/6/2025): https://hethongphapluat.com/thong-tu-03-2025-tt-vpcp-"
        "huong-dan-nghi-dinh-118-2025-nd-cp-thuc-hien-thu-tuc-hanh-chinh-theo-co-che-mot-cua-"
        "mot-cua-lien-thong-tai-bo-phan-mot-cua-va-cong-dich-vu-cong-quoc-gia-do-van-phong-"
        "chinh-phu-ban-hanh.html",
        "Phụ lục I, Mẫu số 01–07 (titles): https://thuviennhadat.vn/phap-luat/tai-file-word-"
        "bieu-mau-thong-tu-03-2025-tt-vpcp-ve-giai-quyet-thu-tuc-hanh-chinh-tai-bo-phan-mot-"
        "cua-708489.html",
        "Circular 01/2018/TT-VPCP forms 01–06 (the bodies' model): "
        "https://trangtinphapluat.com/blog/bieu-mau/quy-trinh-giai-quyet-thu-tuc-hanh-chinh/",
    ],
    "not_found": "the body text of each 2025 form; the effective date of Decree 118/2025/NĐ-CP",
}

CIRCULAR = "Thông tư số 03/2025/TT-VPCP ngày 15/9/2025 của Văn phòng Chính phủ"
DECREE = "Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ"


def basis(form_number: int) -> Paragraph:
    """The line under the title saying which form this is and under which texts."""
    return Paragraph(
        f"(Mẫu số {form_number:02d}, Phụ lục I ban hành kèm theo {CIRCULAR} hướng dẫn "
        f"thi hành {DECREE})",
        italic=True,
        align="center",
        indent=False,
    )


def moment(value) -> str:
    local = timezone.localtime(value)
    return f"{local:%H} giờ {local:%M} phút, ngày {local:%d/%m/%Y}"


def day(value) -> str:
    return f"{timezone.localtime(value):%d/%m/%Y}"


def place(agency) -> str:
    """The province the agency sits in, as documents are dated ("Hưng Yên, ngày …"): the
    nearest province above it, else the name of the agency's parent."""
    node = agency.parent
    while node is not None and node.kind != "province":
        node = node.parent
    return province_place(node.name) if node is not None else ""


@dataclass(frozen=True)
class Receiver:
    """The body named on the forms: the Public Administration Service Centre (or its
    branch) where the agency's dossiers are received, else the agency's own one-stop desk."""

    name: str
    parent_name: str


def receiver(agency) -> Receiver:
    from quantri.dossiers.models import ReceivingBody

    body = ReceivingBody.objects.filter(agency=agency).first()
    if body is not None:
        return Receiver(body.name, body.parent_name)
    return Receiver(f"Bộ phận Một cửa – {agency.name}", agency.name)


def desk_document(
    dossier, *, form_number, doc_type, type_code, body, signature, title, issued_on=None
) -> bytes:
    desk = receiver(dossier.agency)
    return OfficialDocument(
        header=Header(
            issuer=desk.name.upper(),
            parent_body=desk.parent_name.upper(),
            number=None,
            type_code=type_code,
            place=place(dossier.agency),
            issued_on=issued_on or timezone.localdate(),
        ),
        doc_type=doc_type,
        summary="",
        body=[
            basis(form_number),
            Paragraph(f"Mã hồ sơ: {dossier.code}", bold=True, align="center", indent=False),
        ]
        + body,
        signature=signature,
        recipients=[],
        title=f"{title} {dossier.code}",
    ).render()


def applicant_lines(dossier) -> list[str]:
    return [
        f"Ông/Bà (tổ chức): {dossier.applicant_name}.",
        f"Địa chỉ: {dossier.applicant_address or '…'}.",
        f"Số điện thoại: {dossier.applicant_phone or '…'}.",
    ]


def receipt_docx(dossier, *, received_by: str = "") -> bytes:
    desk = receiver(dossier.agency)
    documents = dossier.procedure.documents or []
    rows = [
        [str(n), doc.get("name", ""), str(doc.get("copies", "") or "")]
        for n, doc in enumerate(documents, start=1)
    ]
    body = [
        f"{desk.name} tiếp nhận hồ sơ của:",
        *applicant_lines(dossier),
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
        "ngày làm việc, không kể ngày tiếp nhận hồ sơ.",
        f"Thời gian nhận hồ sơ: {moment(dossier.received_at)}.",
        Paragraph(f"Thời gian trả kết quả giải quyết hồ sơ: {moment(dossier.due_at)}.", bold=True),
        f"Đăng ký nhận kết quả tại: {desk.name}.",
    ]
    return desk_document(
        dossier,
        form_number=1,
        doc_type="GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
        type_code="TNHS",
        body=body,
        signature=Signature(position="NGƯỜI TIẾP NHẬN HỒ SƠ", name=received_by),
        title="Giấy tiếp nhận hồ sơ",
        issued_on=timezone.localtime(dossier.received_at).date(),
    )
