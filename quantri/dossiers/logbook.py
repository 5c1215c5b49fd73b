"""The register of dossiers (sổ theo dõi hồ sơ, form 07 of Circular 03/2025/TT-VPCP; the
other six forms: quantri.dossiers.slips): one row per dossier received by an agency in a
month, with the dates the desk records as it receives, hands on and returns it."""

import datetime

from django.utils import timezone

from quantri.documents import Header, OfficialDocument, Paragraph, Table
from quantri.dossiers.slips import basis, place, receiver

MAX_ROWS = 3000  # a month of a busy centre; beyond this the register is printed per unit

COLUMNS = [
    "TT",
    "Mã hồ sơ",
    "Tên thủ tục hành chính",
    "Tên cá nhân, tổ chức",
    "Địa chỉ, số điện thoại",
    "Cơ quan chủ trì giải quyết",
    "Ngày nhận hồ sơ",
    "Ngày hẹn trả kết quả",
    "Ngày có kết quả",
    "Ngày trả kết quả",
    "Ghi chú",
]


def _day(value) -> str:
    return f"{timezone.localtime(value):%d/%m/%Y}" if value else ""


def row(n: int, dossier) -> list[str]:
    contact = ", ".join(p for p in (dossier.applicant_address, dossier.applicant_phone) if p)
    return [
        str(n),
        dossier.code,
        dossier.procedure.name,
        dossier.applicant_name,
        contact,
        dossier.unit.name,
        _day(dossier.received_at),
        _day(dossier.due_at),
        _day(dossier.result_at),
        _day(dossier.returned_at),
        dossier.get_state_display() if dossier.state in ("stopped", "withdrawn") else "",
    ]


def logbook_docx(agency, dossiers, *, first: datetime.date, last: datetime.date) -> bytes:
    """`dossiers`: the agency's dossiers received from `first` to `last`, in order."""
    desk = receiver(agency)
    rows = [row(n, d) for n, d in enumerate(dossiers[:MAX_ROWS], start=1)]
    body = [
        basis(7),
        Paragraph(
            f"Từ ngày {first:%d/%m/%Y} đến ngày {last:%d/%m/%Y} — {len(rows)} hồ sơ.",
            align="center",
            indent=False,
        ),
        Table(
            columns=COLUMNS,
            rows=rows or [[""] * len(COLUMNS)],
            widths_cm=[0.8, 2.0, 2.6, 1.8, 2.0, 1.8, 1.4, 1.4, 1.4, 1.4, 1.2],
            align=["center", "left", "left", "left", "left", "left"] + ["center"] * 4 + ["left"],
            size=8,
        ),
    ]
    return OfficialDocument(
        header=Header(
            issuer=desk.name.upper(),
            parent_body=desk.parent_name.upper(),
            number=None,
            type_code="",
            place=place(agency),
            issued_on=timezone.localdate(),
        ),
        doc_type="SỔ THEO DÕI HỒ SƠ",
        summary="",
        body=body,
        signature=None,
        recipients=[],
        title=f"Sổ theo dõi hồ sơ {agency.name} {first:%m/%Y}",
    ).render()
