"""The desk's other slips, after the receipt (quantri.dossiers.slips): the apology with a new
appointment when late, the processing control slip, the request for additional documents and
the refusal, in the spirit of the Decree 61/2018 / Circular 03/2025 forms. The text is
Vietnamese whatever the page language, as the citizen receives it. Applicant personal data
appears only where the form addresses the citizen (never the ID number, never in the
control slip, which goes around the units)."""

import datetime

from django.utils import timezone

from quantri.documents import Header, OfficialDocument, Paragraph, Signature, Table
from quantri.dossiers.services import REFUSAL_TARGETS, REQUEST_STATES
from quantri.dossiers.slips import moment, place

# Where each slip applies: the desk cannot refuse or ask more of a dossier already decided
# (the services move the dossier when the slip is made: quantri.dossiers.services).
ADDITIONAL_STATES = frozenset(REQUEST_STATES)
REFUSAL_STATES = frozenset(REFUSAL_TARGETS)


def _day(value) -> str:
    return f"{timezone.localtime(value):%d/%m/%Y}"


def _document(dossier, *, doc_type, type_code, body, signature, title, issued_on=None) -> bytes:
    agency = dossier.agency
    parent = agency.parent if agency.parent_id else None
    return OfficialDocument(
        header=Header(
            issuer=agency.name.upper(),
            parent_body=parent.name.upper() if parent else "",
            number=None,
            type_code=type_code,
            place=place(agency),
            issued_on=issued_on or timezone.localdate(),
        ),
        doc_type=doc_type,
        summary="",
        body=[Paragraph(f"Mã hồ sơ: {dossier.code}", bold=True, align="center", indent=False)]
        + body,
        signature=signature,
        recipients=[],
        title=f"{title} {dossier.code}",
    ).render()


def _request_line(dossier) -> str:
    return f"Nội dung yêu cầu giải quyết: {dossier.procedure.name} (mã {dossier.procedure.code})."


def apology_docx(
    dossier, *, new_due: datetime.date, signed_by: str = "", issued_on: datetime.date | None = None
) -> bytes:
    body = [
        Paragraph(f"Kính gửi: Ông/Bà {dossier.applicant_name}.", indent=False),
        f"Ngày {_day(dossier.received_at)}, {dossier.agency.name} tiếp nhận giải quyết hồ sơ "
        f"mã {dossier.code}. {_request_line(dossier)}",
        f"Thời gian hẹn trả kết quả giải quyết hồ sơ: ngày {_day(dossier.due_at)}.",
        "Tuy nhiên, đến nay hồ sơ chưa được giải quyết đúng hạn. Lý do chậm trễ sẽ được "
        "thông báo cụ thể khi trả kết quả.",
        f"Sự chậm trễ này đã gây phiền hà cho Ông/Bà. {dossier.agency.name} xin lỗi Ông/Bà "
        "và sẽ trả kết quả giải quyết hồ sơ vào:",
        Paragraph(f"Thời gian hẹn trả kết quả mới: ngày {new_due:%d/%m/%Y}.", bold=True),
        "Đề nghị Ông/Bà đến Bộ phận Tiếp nhận và Trả kết quả để nhận kết quả theo thời gian "
        "hẹn trên. Xin trân trọng cảm ơn!",
    ]
    return _document(
        dossier,
        doc_type="PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ",
        type_code="XL",
        body=body,
        signature=Signature(position="THỦ TRƯỞNG CƠ QUAN", name=signed_by),
        title="Phiếu xin lỗi và hẹn lại ngày trả kết quả",
        issued_on=issued_on,
    )


def control_slip_docx(dossier) -> bytes:
    rows = [
        [
            str(n),
            step.from_unit.name,
            step.to_unit.name,
            f"{timezone.localtime(step.at):%d/%m/%Y %H:%M}",
            step.result_note,
        ]
        for n, step in enumerate(dossier.steps.select_related("from_unit", "to_unit"), start=1)
    ]
    body = [
        _request_line(dossier),
        f"Thời gian nhận hồ sơ: {moment(dossier.received_at)}.",
        f"Thời gian hẹn trả kết quả: {moment(dossier.due_at)}.",
        f"Cơ quan (bộ phận) giải quyết hồ sơ: {dossier.unit.name}.",
        Table(
            columns=["TT", "Bên giao", "Bên nhận", "Thời gian giao, nhận", "Kết quả giải quyết"],
            rows=rows or [["1", "", "", "", ""]],
            widths_cm=[1.0, 3.8, 3.8, 3.0, 4.4],
            align=["center", "left", "left", "center", "left"],
        ),
    ]
    return _document(
        dossier,
        doc_type="PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
        type_code="KS",
        body=body,
        signature=None,
        title="Phiếu kiểm soát quá trình giải quyết hồ sơ",
    )


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def additional_request_docx(
    dossier, *, items: str, signed_by: str = "", issued_on: datetime.date | None = None
) -> bytes:
    rows = [[str(n), line] for n, line in enumerate(_lines(items), start=1)]
    body = [
        Paragraph(f"Kính gửi: Ông/Bà {dossier.applicant_name}.", indent=False),
        f"Ngày {_day(dossier.received_at)}, {dossier.agency.name} tiếp nhận hồ sơ mã "
        f"{dossier.code}. {_request_line(dossier)}",
        "Sau khi xem xét, hồ sơ chưa đầy đủ, hợp lệ. Đề nghị Ông/Bà bổ sung, hoàn thiện hồ "
        "sơ gồm những nội dung sau:",
        Table(
            columns=["TT", "Nội dung yêu cầu bổ sung, hoàn thiện"],
            rows=rows,
            widths_cm=[1.2, 14.5],
            align=["center", "left"],
        ),
        "Lý do: theo quy định của thủ tục hành chính nêu trên.",
        "Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ Bộ phận Tiếp "
        "nhận và Trả kết quả để được hướng dẫn. Xin trân trọng cảm ơn!",
    ]
    return _document(
        dossier,
        doc_type="PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
        type_code="BS",
        body=body,
        signature=Signature(position="NGƯỜI HƯỚNG DẪN", name=signed_by),
        title="Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ",
        issued_on=issued_on,
    )


def refusal_docx(
    dossier, *, reason: str, signed_by: str = "", issued_on: datetime.date | None = None
) -> bytes:
    body = [
        Paragraph(f"Kính gửi: Ông/Bà {dossier.applicant_name}.", indent=False),
        f"{dossier.agency.name} xin thông báo: {_request_line(dossier)}",
        "Hồ sơ không đủ điều kiện tiếp nhận, giải quyết. Lý do:",
        *[Paragraph(f"- {line}") for line in _lines(reason)],
        "Xin thông báo để Ông/Bà được biết và thực hiện. Xin trân trọng cảm ơn!",
    ]
    return _document(
        dossier,
        doc_type="PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ",
        type_code="TC",
        body=body,
        signature=Signature(position="NGƯỜI TIẾP NHẬN HỒ SƠ", name=signed_by),
        title="Phiếu từ chối tiếp nhận, giải quyết hồ sơ",
        issued_on=issued_on,
    )


def letter_docx(letter) -> bytes:
    """A letter made earlier (models.DeskLetter), again, as it was issued: same text, signer
    and date."""
    dossier, issued_on = letter.dossier, timezone.localtime(letter.at).date()
    common = {"signed_by": letter.signed_by, "issued_on": issued_on}
    if letter.kind == "additional_request":
        return additional_request_docx(dossier, items=letter.text, **common)
    if letter.kind == "refusal":
        return refusal_docx(dossier, reason=letter.text, **common)
    return apology_docx(dossier, new_due=letter.new_due, **common)
