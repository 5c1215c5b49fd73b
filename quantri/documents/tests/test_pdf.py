"""DOCX → PDF with the LibreOffice installed on the machine, reopened with pypdf."""

import io
from concurrent.futures import ThreadPoolExecutor

import pytest
from pypdf import PdfReader

from quantri.documents import Header, OfficialDocument, Paragraph
from quantri.documents.pdf import PdfConversionError, docx_to_pdf, soffice_path

needs_soffice = pytest.mark.skipif(soffice_path() is None, reason="LibreOffice not installed")


def slip(code: str) -> bytes:
    return OfficialDocument(
        header=Header(issuer="SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", number=None, type_code="KS"),
        doc_type="PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
        summary="",
        body=[Paragraph(f"Mã hồ sơ: {code}", bold=True)],
        signature=None,
        recipients=[],
    ).render()


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@needs_soffice
def test_two_conversions_at_once_each_get_their_own_pdf():
    codes = ["SVH-260310-AAA111", "SVH-260310-BBB222"]
    with ThreadPoolExecutor(max_workers=2) as pool:
        pdfs = list(pool.map(lambda code: docx_to_pdf(slip(code)), codes))
    for code, pdf in zip(codes, pdfs, strict=True):
        assert pdf.startswith(b"%PDF-")
        text = text_of(pdf)
        assert code in text and "PHIẾU KIỂM SOÁT" in text


@needs_soffice
def test_a_timeout_is_reported_not_waited_for():
    with pytest.raises(PdfConversionError, match="within 0.01 seconds"):
        docx_to_pdf(slip("HS-1"), timeout=0.01)


def test_missing_libreoffice_is_named(monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    assert soffice_path() is None
    with pytest.raises(PdfConversionError, match="not installed"):
        docx_to_pdf(slip("HS-1"))
