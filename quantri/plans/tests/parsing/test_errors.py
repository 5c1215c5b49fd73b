"""Every unreadable document gives one PlanDocumentError that names the file."""

import io
import zipfile

import pytest

from quantri.plans.parsing import PlanDocumentError

from .builders import build_docx, build_pdf_without_text


def error_for(parse, data, filename, **options) -> str:
    with pytest.raises(PlanDocumentError) as caught:
        parse(data, filename, **options)
    message = str(caught.value)
    assert filename in message
    assert message == caught.value.template % caught.value.params
    return message


def test_empty_file(parse):
    assert "rỗng" in error_for(parse, b"", "trong.txt")


def test_file_over_the_size_limit_says_size_and_limit(parse):
    message = error_for(parse, b"x" * (3 * 1024 * 1024 // 2), "lon.txt", max_bytes=1024 * 1024)
    assert "1.5 MB" in message and "1 MB" in message


@pytest.mark.parametrize("filename", ["ke-hoach.odt", "ke-hoach.xlsx", "ke-hoach"])
def test_unknown_format_lists_the_accepted_ones(parse, filename):
    assert ".txt, .md, .docx, .pdf" in error_for(parse, b"KE HOACH", filename)


def test_old_word_file_asks_for_docx(parse):
    assert ".docx" in error_for(parse, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "cu.doc")


def test_docx_that_is_not_a_zip(parse):
    assert "Word (.docx)" in error_for(parse, b"day khong phai docx", "hong.docx")


def test_zip_that_is_not_a_word_document(parse):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("note.txt", "x")
    assert "Word (.docx)" in error_for(parse, buffer.getvalue(), "nen.docx")


def test_truncated_docx(parse):
    data = build_docx(["KẾ HOẠCH", "- Nhiệm vụ"])
    assert "hỏng" in error_for(parse, data[: len(data) // 2], "cut.docx")


def test_corrupt_pdf(parse, caplog):
    assert "PDF" in error_for(parse, b"%PDF-1.4\n1 0 obj garbage", "hong.pdf")
    # pypdf's own warning ("EOF marker not found") is not printed beside the message.
    assert not [r for r in caplog.records if r.name.startswith("pypdf")]


def test_pdf_without_text_layer_asks_for_ocr(parse):
    assert "OCR" in error_for(parse, build_pdf_without_text(), "ban-quet.pdf")


def test_password_protected_pdf(parse):
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(0, 10, "KE HOACH nang cao chi so PAPI nam 2024")
    pdf.set_encryption(owner_password="chu-so-huu", user_password="mat-khau")
    assert "mật khẩu" in error_for(parse, bytes(pdf.output()), "mat-khau.pdf")


def test_content_that_does_not_match_the_extension(parse):
    message = error_for(parse, build_pdf_without_text(), "ke-hoach.txt")
    assert "PDF" in message and ".txt" in message


def test_binary_text_file(parse):
    assert "văn bản" in error_for(parse, bytes(range(256)) * 8, "nhi-phan.txt")


def test_docx_without_any_text(parse):
    assert "không có chữ" in error_for(parse, build_docx([]), "trang.docx")


def test_a_document_without_tasks(parse):
    text = "Kính gửi: các phòng, đơn vị thuộc Sở.\nĐề nghị các đơn vị báo cáo đúng hạn.\n"
    assert "nhiệm vụ" in error_for(parse, text, "cong-van.txt")


def test_an_internal_failure_still_gives_one_message(parse, monkeypatch):
    from quantri.plans.parsing import document

    def broken(*args):
        raise IndexError("unexpected layout")

    monkeypatch.setattr(document, "_parse", broken)
    with pytest.raises(PlanDocumentError) as caught:
        parse("KẾ HOẠCH\n- Nhiệm vụ một.\n", "la.txt")
    assert "la.txt" in str(caught.value)
    assert isinstance(caught.value.__cause__, IndexError)


def test_a_docx_that_unpacks_to_gigabytes_is_refused(parse, papi):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        archive.writestr("word/media/padding.bin", b"\0" * (210 * 1024 * 1024))
    with pytest.raises(PlanDocumentError, match="bom.docx"):
        parse(buffer.getvalue(), "bom.docx")
