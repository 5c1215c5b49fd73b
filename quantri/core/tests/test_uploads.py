import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from quantri.core import uploads
from quantri.core.uploads import EVIDENCE_KINDS, PLAN_DOCUMENT_KINDS, check_upload

MB = 1024 * 1024


def zipped(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


OOXML = b"<Types/>"
SAMPLES = {
    "bao-cao.pdf": b"%PDF-1.7\n...",
    "anh.png": b"\x89PNG\r\n\x1a\n\x00\x00",
    "anh.jpg": b"\xff\xd8\xff\xe0\x00\x10JFIF",
    "anh.jpeg": b"\xff\xd8\xff\xe1\x00\x10Exif",
    "anh.gif": b"GIF89a\x01\x00",
    "van-ban.docx": zipped({"[Content_Types].xml": OOXML, "word/document.xml": b"<w/>"}),
    "bang.xlsx": zipped({"[Content_Types].xml": OOXML, "xl/workbook.xml": b"<x/>"}),
    "trinh-chieu.pptx": zipped({"[Content_Types].xml": OOXML, "ppt/presentation.xml": b"<p/>"}),
    "van-ban.odt": zipped({"mimetype": b"application/vnd.oasis.opendocument.text"}),
    "bang.ods": zipped({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"}),
    "cu.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 8,
    "cu.xls": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 8,
    "ghi-chu.txt": "Biên bản họp\r\n\tngày 05/01/2021\n".encode(),
    "so-lieu.csv": "\ufeffđơn vị;tỉ lệ\nThư viện;80\n".encode(),
}


def check(name, content, kinds=EVIDENCE_KINDS, max_bytes=MB):
    return check_upload(SimpleUploadedFile(name, content), kinds=kinds, max_bytes=max_bytes)


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_it_accepts_each_evidence_type_by_its_content(name):
    checked = check(name, SAMPLES[name])
    assert checked.name == name and checked.content == SAMPLES[name]


def test_it_accepts_an_upper_case_extension():
    assert check("ANH.PNG", SAMPLES["anh.png"]).kind == uploads.PNG


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("bao-cao.pdf", b"MZ\x90\x00\x03\x00\x00\x00"),  # a Windows program renamed
        ("anh.png", SAMPLES["bao-cao.pdf"]),  # a real type, the wrong name
        ("trang.txt", b"<html>\x00\x01</html>"),  # binary bytes in a 'text' file
        ("ghi-chu.txt", "Tiếng Việt".encode("utf-16")),  # not UTF-8
        ("van-ban.docx", zipped({"word/document.xml": b"<w/>"})),  # a zip that is no document
        ("van-ban.docx", b"PK\x03\x04broken"),
        ("chuong-trinh.exe", b"MZ\x90\x00"),
        ("khong-duoi", SAMPLES["ghi-chu.txt"]),
    ],
)
def test_it_refuses_content_that_does_not_match_and_names_the_file(name, content):
    with pytest.raises(ValidationError) as refused:
        check(name, content)
    assert name in refused.value.messages[0]


def test_it_refuses_a_file_over_the_size_limit():
    with pytest.raises(ValidationError, match=r"anh.png.*1.0 MB"):
        check("anh.png", SAMPLES["anh.png"] + b"\x00" * MB)


def test_it_refuses_an_empty_file():
    with pytest.raises(ValidationError, match="ghi-chu.txt"):
        check("ghi-chu.txt", b"")


def test_plan_documents_are_limited_to_text_docx_and_pdf():
    assert check("kh.docx", SAMPLES["van-ban.docx"], kinds=PLAN_DOCUMENT_KINDS).kind == "docx"
    with pytest.raises(ValidationError):
        check("kh.xlsx", SAMPLES["bang.xlsx"], kinds=PLAN_DOCUMENT_KINDS)


def test_it_keeps_only_the_base_name_of_the_file():
    upload = SimpleUploadedFile("anh.png", SAMPLES["anh.png"])
    upload.name = "../../etc/anh.png"
    assert check_upload(upload, kinds=EVIDENCE_KINDS, max_bytes=MB).name == "anh.png"
