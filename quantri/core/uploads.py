"""Check uploaded files by what they contain, not by what they are called.

A file is accepted when its first bytes (and, for zip containers, its member names) say what it
is, its extension agrees, and it is within the size limit. A renamed executable or web page is
refused with a message that names the file, before anything is saved.
"""

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

PDF = "pdf"
PNG = "png"
JPEG = "jpeg"
GIF = "gif"
DOCX = "docx"
XLSX = "xlsx"
PPTX = "pptx"
ODT = "odt"
ODS = "ods"
OLE2 = "ole2"  # Word 97–2003 .doc and Excel 97–2003 .xls share one container format
TEXT = "text"

EXTENSIONS = {
    PDF: {".pdf"},
    PNG: {".png"},
    JPEG: {".jpg", ".jpeg"},
    GIF: {".gif"},
    DOCX: {".docx"},
    XLSX: {".xlsx"},
    PPTX: {".pptx"},
    ODT: {".odt"},
    ODS: {".ods"},
    OLE2: {".doc", ".xls"},
    TEXT: {".txt", ".csv", ".md"},
}
EVIDENCE_KINDS = frozenset(EXTENSIONS)
PLAN_DOCUMENT_KINDS = frozenset({TEXT, DOCX, PDF})

_SIGNATURES = [
    (b"%PDF-", PDF),
    (b"\x89PNG\r\n\x1a\n", PNG),
    (b"\xff\xd8\xff", JPEG),
    (b"GIF87a", GIF),
    (b"GIF89a", GIF),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", OLE2),
]
_OPENDOCUMENT_MIMETYPES = {
    b"application/vnd.oasis.opendocument.text": ODT,
    b"application/vnd.oasis.opendocument.spreadsheet": ODS,
}
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_OOXML_PARTS = [
    ("word/document.xml", DOCX),
    ("xl/workbook.xml", XLSX),
    ("ppt/presentation.xml", PPTX),
]


@dataclass(frozen=True)
class CheckedUpload:
    name: str
    content: bytes
    kind: str


def allowed_extensions(kinds) -> list[str]:
    return sorted(ext for kind in kinds for ext in EXTENSIONS[kind])


def check_upload(upload, *, kinds, max_bytes: int) -> CheckedUpload:
    """Read an uploaded file and return it if it is what its name says; else ValidationError."""
    name = PurePath(upload.name or "").name
    if upload.size > max_bytes:
        raise ValidationError(
            _("%(name)s is larger than the %(limit)s MB limit.")
            % {"name": name, "limit": round(max_bytes / 1024 / 1024, 1)}
        )
    content = upload.read()
    if not content:
        raise ValidationError(_("%(name)s is empty.") % {"name": name})
    kind = detect_kind(content)
    extension = PurePath(name).suffix.lower()
    if kind not in kinds or extension not in EXTENSIONS[kind]:
        raise ValidationError(
            _(
                "%(name)s is not an accepted file: its content does not match "
                "an allowed type (%(types)s)."
            )
            % {"name": name, "types": ", ".join(allowed_extensions(kinds))}
        )
    return CheckedUpload(name=name, content=content, kind=kind)


def detect_kind(content: bytes) -> str | None:
    for signature, kind in _SIGNATURES:
        if content.startswith(signature):
            return kind
    if content.startswith(b"PK\x03\x04"):
        return _zip_kind(content)
    return TEXT if _is_text(content) else None


def _zip_kind(content: bytes) -> str | None:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                return _OPENDOCUMENT_MIMETYPES.get(archive.read("mimetype").strip())
    except (zipfile.BadZipFile, KeyError, OSError):
        return None
    if "[Content_Types].xml" not in names:
        return None
    return next((kind for part, kind in _OOXML_PARTS if part in names), None)


def _is_text(content: bytes) -> bool:
    """UTF-8 text without control characters other than tab, newlines and form feed."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    return _CONTROL_CHARS.search(text) is None
