"""The signer's authority and title on two lines in every generated DOCX (issue 16.10;
Decree 30/2020, Appendix I): "KT. GIÁM ĐỐC" above "PHÓ GIÁM ĐỐC", never run together."""

import io

import pytest
from docx import Document

from quantri.documents.content import Signature
from quantri.documents.tests.test_official_document import make


@pytest.mark.parametrize(
    ("authority", "position", "lines"),
    [
        ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]),
        ("KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC", "", ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]),
        (
            "KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC",
            "KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC",
            ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"],
        ),
        ("TM. ỦY BAN NHÂN DÂN CHỦ TỊCH", "", ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]),
        ("", "GIÁM ĐỐC", ["GIÁM ĐỐC"]),
        ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]),
    ],
)
def test_the_authority_and_the_title_are_two_lines(authority, position, lines):
    assert Signature(position=position, authority=authority).heading_lines() == lines


def test_a_generated_document_prints_them_on_two_paragraphs():
    signature = Signature(
        authority="KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC",
        position="KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC",
        name="Nguyễn Minh Khoa",
    )
    document = Document(io.BytesIO(make(signature=signature).render()))
    texts = [p.text for table in document.tables for cell in table._cells for p in cell.paragraphs]
    assert texts.count("KT. GIÁM ĐỐC") == 1 and texts.count("PHÓ GIÁM ĐỐC") == 1
    assert not any("GIÁM ĐỐC PHÓ" in text for text in texts)
