"""Administrative documents in the Decree 30/2020/NĐ-CP (Appendix I) layout, written with
python-docx. Plain Python: no Django, so any feature (reports, one-stop desk slips) can use it.

    OfficialDocument(
        header=Header(issuer="SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", parent_body="UBND TỈNH HƯNG YÊN",
                      number=5, type_code="BC", issuer_code="SVHTTDL", place="Hưng Yên",
                      issued_on=date(2021, 1, 5)),
        doc_type="BÁO CÁO",
        summary="Kết quả thực hiện Kế hoạch … 6 tháng đầu năm 2021",
        body=[Part("Kết quả", [Item("Công tác chỉ đạo", ["Đã ban hành…"])])],
        signature=Signature(authority="KT. GIÁM ĐỐC", position="PHÓ GIÁM ĐỐC", name="…"),
        recipients=["UBND tỉnh", "Lãnh đạo Sở"],
    ).render()  # -> bytes of a .docx
"""

from quantri.documents.builder import DocumentBuilder
from quantri.documents.content import (
    Block,
    Header,
    Image,
    Item,
    Paragraph,
    Part,
    Point,
    Run,
    Signature,
    Table,
)
from quantri.documents.layout import FONT, Layout
from quantri.documents.official import OfficialDocument
from quantri.documents.wording import (
    MOTTO,
    NATIONAL_NAME,
    document_number,
    place_and_date,
    recipient_lines,
    roman,
)

__all__ = [
    "FONT",
    "MOTTO",
    "NATIONAL_NAME",
    "Block",
    "DocumentBuilder",
    "Header",
    "Image",
    "Item",
    "Layout",
    "OfficialDocument",
    "Paragraph",
    "Part",
    "Point",
    "Run",
    "Signature",
    "Table",
    "document_number",
    "place_and_date",
    "recipient_lines",
    "roman",
]
