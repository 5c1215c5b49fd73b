"""The desk's forms after the receipt (quantri.dossiers.slips, which lists all seven of
Circular 03/2025/TT-VPCP): the request to complete the dossier (02), the refusal (03), the
apology and request to extend the time for processing (04), the notice to stop processing
(05) and the processing control slip (06). Applicant personal data appears only where the
form addresses the citizen (never the ID number, never in the control slip, which goes around
the units)."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from quantri.documents import Paragraph, Signature, Table
from quantri.dossiers.services import REFUSAL_TARGETS, REQUEST_STATES, STOP_STATES
from quantri.dossiers.slips import day, desk_document, moment, receiver

# Where each form applies: the desk cannot refuse or ask more of a dossier already decided
# (the services move the dossier when the form is made: quantri.dossiers.services).
ADDITIONAL_STATES = frozenset(REQUEST_STATES)
REFUSAL_STATES = frozenset(REFUSAL_TARGETS)
STOP_NOTICE_STATES = frozenset(STOP_STATES)


@dataclass(frozen=True)
class LetterForm:
    """What tells one desk letter from another besides its body (Circular 03/2025/TT-VPCP)."""

    number: int
    doc_type: str
    type_code: str
    signer: str
    title: str


ADDITIONAL_REQUEST = LetterForm(
    2,
    "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
    "BS",
    "NGƯỜI HƯỚNG DẪN",
    "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ",
)
REFUSAL = LetterForm(
    3,
    "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
    "TC",
    "NGƯỜI TIẾP NHẬN HỒ SƠ",
    "Phiếu từ chối tiếp nhận giải quyết hồ sơ",
)
# Form 04 changed its title in 2025: Circular 01/2018's "phiếu xin lỗi và hẹn lại ngày trả kết
# quả" became "văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết" (Circular 03/2025/TT-VPCP,
# Phụ lục I, Mẫu số 04; slips.SOURCES). The letter still gives the new appointment.
APOLOGY = LetterForm(
    4,
    "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT",
    "XL",
    "THỦ TRƯỞNG CƠ QUAN",
    "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết",
)
STOP_NOTICE = LetterForm(
    5,
    "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ",
    "TB",
    "THỦ TRƯỞNG CƠ QUAN",
    "Thông báo dừng giải quyết hồ sơ",
)


def _request_line(dossier) -> str:
    return f"Nội dung yêu cầu giải quyết: {dossier.procedure.name} (mã {dossier.procedure.code})."


def _received_line(dossier, desk, received: str = "tiếp nhận hồ sơ") -> str:
    return (
        f"Ngày {day(dossier.received_at)}, {desk.name} {received} mã {dossier.code}. "
        f"{_request_line(dossier)}"
    )


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _reasons(text: str) -> list[Paragraph]:
    return [Paragraph(f"- {line}") for line in _lines(text)]


def _letter(
    dossier, form: LetterForm, body: list, *, signed_by: str, issued_on: datetime.date | None
) -> bytes:
    """A letter addressed to the applicant: the form's heading, the addressee, the body and
    the signer of that form."""
    addressee = Paragraph(f"Kính gửi: Ông/Bà {dossier.applicant_name}.", indent=False)
    return desk_document(
        dossier,
        form_number=form.number,
        doc_type=form.doc_type,
        type_code=form.type_code,
        body=[addressee, *body],
        signature=Signature(position=form.signer, name=signed_by),
        title=form.title,
        issued_on=issued_on,
    )


def additional_request_docx(
    dossier, *, items: str, signed_by: str = "", issued_on: datetime.date | None = None
) -> bytes:
    desk = receiver(dossier.agency)
    rows = [[str(n), line] for n, line in enumerate(_lines(items), start=1)]
    body = [
        _received_line(dossier, desk),
        "Sau khi xem xét, hồ sơ chưa đầy đủ, hợp lệ. Đề nghị Ông/Bà bổ sung, hoàn thiện hồ "
        "sơ gồm những nội dung sau:",
        Table(
            columns=["TT", "Nội dung yêu cầu bổ sung, hoàn thiện"],
            rows=rows,
            widths_cm=[1.2, 14.5],
            align=["center", "left"],
        ),
        "Lý do: theo quy định của thủ tục hành chính nêu trên.",
        "Thời gian giải quyết hồ sơ được tính lại từ ngày nhận đủ hồ sơ đã được bổ sung, "
        "hoàn thiện.",
        f"Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ {desk.name} để "
        "được hướng dẫn. Xin trân trọng cảm ơn!",
    ]
    return _letter(dossier, ADDITIONAL_REQUEST, body, signed_by=signed_by, issued_on=issued_on)


def refusal_docx(
    dossier, *, reason: str, signed_by: str = "", issued_on: datetime.date | None = None
) -> bytes:
    desk = receiver(dossier.agency)
    body = [
        f"{desk.name} xin thông báo: {_request_line(dossier)}",
        "Hồ sơ không đủ điều kiện tiếp nhận, giải quyết. Lý do:",
        *_reasons(reason),
        "Xin thông báo để Ông/Bà được biết và thực hiện. Xin trân trọng cảm ơn!",
    ]
    return _letter(dossier, REFUSAL, body, signed_by=signed_by, issued_on=issued_on)


def apology_docx(
    dossier, *, new_due: datetime.date, signed_by: str = "", issued_on: datetime.date | None = None
) -> bytes:
    desk = receiver(dossier.agency)
    body = [
        _received_line(dossier, desk, received="tiếp nhận giải quyết hồ sơ"),
        f"Thời gian hẹn trả kết quả giải quyết hồ sơ: ngày {day(dossier.due_at)}.",
        "Tuy nhiên, đến nay hồ sơ chưa được giải quyết đúng hạn. Lý do chậm trễ sẽ được "
        "thông báo cụ thể khi trả kết quả.",
        f"Sự chậm trễ này đã gây phiền hà cho Ông/Bà. {dossier.agency.name} xin lỗi Ông/Bà "
        "và đề nghị Ông/Bà đồng ý gia hạn thời gian giải quyết hồ sơ; kết quả giải quyết hồ sơ "
        "sẽ được trả vào:",
        Paragraph(f"Thời gian hẹn trả kết quả mới: ngày {new_due:%d/%m/%Y}.", bold=True),
        f"Đề nghị Ông/Bà đến {desk.name} để nhận kết quả theo thời gian hẹn trên. "
        "Xin trân trọng cảm ơn!",
    ]
    return _letter(dossier, APOLOGY, body, signed_by=signed_by, issued_on=issued_on)


def stop_notice_docx(
    dossier, *, reason: str, signed_by: str = "", issued_on: datetime.date | None = None
) -> bytes:
    desk = receiver(dossier.agency)
    body = [
        _received_line(dossier, desk),
        f"{dossier.agency.name} thông báo dừng giải quyết hồ sơ nêu trên. Lý do:",
        *_reasons(reason),
        f"Hồ sơ và giấy tờ đã nộp được trả lại Ông/Bà tại {desk.name}. "
        "Xin thông báo để Ông/Bà được biết.",
    ]
    return _letter(dossier, STOP_NOTICE, body, signed_by=signed_by, issued_on=issued_on)


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
    return desk_document(
        dossier,
        form_number=6,
        doc_type="PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
        type_code="KS",
        body=body,
        signature=None,
        title="Phiếu kiểm soát quá trình giải quyết hồ sơ",
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
    if letter.kind == "stop_notice":
        return stop_notice_docx(dossier, reason=letter.text, **common)
    return apology_docx(dossier, new_due=letter.new_due, **common)
