"""The inspection conclusion (kết luận thanh tra / kiểm tra) as a DOCX in the Decree 30/2020
layout (quantri.documents): the decision it follows, the results by finding, the conclusions,
the handling of violations with the head's accountability, and the remedies required with
their lead units and deadlines. Only those who read the whole inspection may download it."""

from quantri.documents import Header, OfficialDocument, Paragraph, Part, Signature, Table
from quantri.documents.wording import province_place
from quantri.oversight.models import Inspection, InspectionKind

KIND_WORD = {InspectionKind.INSPECTION: "thanh tra", InspectionKind.CHECK: "kiểm tra"}


def _code(agency) -> str:
    return (agency.code or "").split("-")[0]


def conclusion_document(inspection: Inspection) -> OfficialDocument:
    agency = inspection.agency
    parent = agency.parent
    word = KIND_WORD.get(inspection.kind, "kiểm tra")
    province = parent.parent if parent is not None and parent.parent_id else parent
    return OfficialDocument(
        header=Header(
            issuer=agency.name.upper(),
            parent_body=parent.name.upper() if parent else "",
            number=inspection.conclusion_number or None,
            type_code="KL",
            issuer_code=_code(agency),
            place=province_place(province.name) if province else "",
            issued_on=inspection.conclusion_date,
            year=(inspection.conclusion_date or inspection.decision_date).year,
        ),
        doc_type="KẾT LUẬN",
        summary=f"{word.capitalize()} {inspection.subject_text}",
        body=[
            Paragraph(_opening(inspection, word)),
            Part(f"Kết quả {word}", _findings(inspection)),
            Part("Kết luận", [line for line in inspection.conclusion.splitlines() if line.strip()]),
            Part("Xử lý vi phạm và trách nhiệm người đứng đầu", _violations(inspection)),
            Part("Kiến nghị biện pháp khắc phục", _remedies(inspection)),
        ],
        signature=Signature(
            position=(inspection.signer_position or "Trưởng đoàn").upper(),
            name=inspection.signer_name or inspection.team_lead,
        ),
        recipients=_recipients(inspection),
        archive="VT, hồ sơ đoàn",
        title=f"Kết luận {word} {inspection.subject_text}",
    )


def conclusion_docx(inspection: Inspection) -> bytes:
    return conclusion_document(inspection).render()


def _opening(inspection: Inspection, word: str) -> str:
    return (
        f"Căn cứ {inspection.legal_basis}; thực hiện Quyết định số {inspection.decision_number} "
        f"ngày {inspection.decision_date:%d/%m/%Y} về việc {word} {inspection.subject_text}, "
        f"thời kỳ {word} từ {inspection.period_from:%d/%m/%Y} đến "
        f"{inspection.period_to:%d/%m/%Y}; xét báo cáo kết quả {word} của Đoàn, kết luận như sau:"
    )


def _findings(inspection: Inspection) -> list:
    blocks: list = []
    findings = list(inspection.findings.select_related("subject_unit"))
    if not findings:
        return ["Không phát hiện sai phạm."]
    for number, finding in enumerate(findings, start=1):
        blocks.append(
            Paragraph(
                f"{number}. {finding.subject_unit.name}: {finding.description} "
                f"(vi phạm {finding.rule}, quy định tại {finding.legal_basis}; mức độ: "
                f"{finding.get_severity_display().lower()})."
            )
        )
    return blocks


def _violations(inspection: Inspection) -> list:
    rows = []
    for finding in inspection.findings.prefetch_related("violations__unit"):
        for violation in finding.violations.all():
            head = violation.head_name
            if violation.head_accountability:
                head = f"{head}: {violation.get_head_accountability_display()}"
            rows.append(
                [
                    violation.person_name,
                    violation.unit.name,
                    violation.rule,
                    violation.get_severity_display(),
                    head or "—",
                ]
            )
    if not rows:
        return ["Không có cá nhân vi phạm."]
    table = Table(
        ["TT", "Cá nhân", "Đơn vị", "Quy định vi phạm", "Mức độ", "Trách nhiệm người đứng đầu"],
        [[str(i), *row] for i, row in enumerate(rows, start=1)],
        widths_cm=[1.0, 3.0, 3.0, 4.0, 2.0, 3.5],
        align=["center", "left", "left", "left", "left", "left"],
    )
    return [table]


def _remedies(inspection: Inspection) -> list:
    remedies = list(
        inspection.remedies.select_related("lead_unit").prefetch_related("support_units")
    )
    if not remedies:
        return ["Không có kiến nghị khắc phục."]
    rows = [
        [
            str(i),
            remedy.text,
            remedy.lead_unit.name,
            ", ".join(u.name for u in remedy.support_units.all()) or "—",
            f"{remedy.due_on:%d/%m/%Y}",
        ]
        for i, remedy in enumerate(remedies, start=1)
    ]
    table = Table(
        ["TT", "Nội dung khắc phục", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn"],
        rows,
        widths_cm=[1.0, 6.0, 3.5, 3.5, 2.5],
        align=["center", "left", "left", "left", "center"],
    )
    return [table]


def _recipients(inspection: Inspection) -> list[str]:
    units = {inspection.subject_unit.name} if inspection.subject_unit else set()
    units |= {r.lead_unit.name for r in inspection.remedies.select_related("lead_unit")}
    return ["Giám đốc Sở (để báo cáo)", *sorted(units), "Ban Thanh tra nhân dân"]
