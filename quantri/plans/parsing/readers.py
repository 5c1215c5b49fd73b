"""Bytes of a .txt, .docx or .pdf file -> ordered blocks (lines, paragraphs, table rows)."""

import codecs
import io
import logging
import re
import zipfile
from pathlib import PurePath

import docx
from pypdf import PdfReader

from . import errors
from .blocks import Block, Document
from .docx_reader import docx_blocks
from .errors import PlanDocumentError
from .text import nfc

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# pypdf warns about a damaged file ("EOF marker not found") on its own logger before raising;
# the reader answers with its own message naming the file, so the CLI printed both.
logging.getLogger("pypdf").setLevel(logging.ERROR)
# Markdown is how many agencies keep documents copied from the web: read as text, with its
# emphasis marks and table rules dropped (see _strip_markdown).
_EXTENSIONS = {".txt": "txt", ".text": "txt", ".md": "txt", ".docx": "docx", ".pdf": "pdf"}
# What the upload form names as accepted (".text" is a rare spelling of .txt, left unnamed).
ACCEPTED_EXTENSIONS = (".txt", ".md", ".docx", ".pdf")


def reads_extension(filename: str) -> bool:
    """Is the file named as a type the parser reads (.text too, though the form does not say)?"""
    return PurePath(filename).suffix.lower() in _EXTENSIONS


_FORMAT_NAMES = {
    "pdf": "PDF",
    "docx": "Word (.docx)",
    "ole": "Word cũ (.doc)",
    "zip": "nén (.zip)",
}
_MIN_PDF_LETTERS = 20


def read_document(data: bytes, filename: str, max_bytes: int) -> Document:
    """Check size and format, then read the file with the reader its content calls for."""
    if not data:
        raise PlanDocumentError(errors.EMPTY, filename=filename)
    if len(data) > max_bytes:
        raise PlanDocumentError(
            errors.TOO_BIG,
            filename=filename,
            size_mb=len(data) / 1024 / 1024,
            limit_mb=round(max_bytes / 1024 / 1024, 1),
        )
    kind = _format_of(data, filename)
    document = {"txt": _read_txt, "docx": _read_docx, "pdf": _read_pdf}[kind](data, filename)
    if not any(b.text.strip() or any(c.strip() for c in b.cells or []) for b in document.blocks):
        raise PlanDocumentError(errors.EMPTY_TEXT, filename=filename)
    return document


def _format_of(data: bytes, filename: str) -> str:
    """The reader to use: the extension says what the user meant, the content must agree."""
    ext = PurePath(filename).suffix.lower()
    content = _sniff(data)
    if ext == ".doc" or (content == "ole" and ext not in _EXTENSIONS):
        raise PlanDocumentError(errors.OLD_WORD, filename=filename)
    expected = _EXTENSIONS.get(ext)
    if expected is None:
        raise PlanDocumentError(errors.UNKNOWN_FORMAT, filename=filename, ext=ext or "(không đuôi)")
    if content == expected:
        return expected
    if content in ("pdf", "docx", "ole") or (content == "zip" and expected == "txt"):
        raise PlanDocumentError(
            errors.MISMATCH, filename=filename, ext=ext, actual=_FORMAT_NAMES[content]
        )
    corrupt = {"docx": errors.CORRUPT_DOCX, "pdf": errors.CORRUPT_PDF, "txt": errors.NOT_TEXT}
    raise PlanDocumentError(corrupt[expected], filename=filename)


def _sniff(data: bytes) -> str:
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(_OLE_MAGIC):
        return "ole"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                return "docx" if "word/document.xml" in archive.namelist() else "zip"
        except (zipfile.BadZipFile, OSError, ValueError):
            return "zip"
    return "txt" if _decode(data) is not None else "binary"


# ---- plain text -------------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_ROW_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}")


def _decode(data: bytes) -> str | None:
    """UTF-8 (with or without BOM) or UTF-16 with BOM; legacy cp1258 only if UTF-8 fails."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    else:
        candidates = ["utf-8-sig", "cp1258", "latin-1"]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if len(_CONTROL.findall(text)) <= max(2, len(text) // 200):
            return text
    return None


def _read_txt(data: bytes, filename: str) -> Document:
    text = _decode(data)
    if text is None:
        raise PlanDocumentError(errors.NOT_TEXT, filename=filename)
    blocks: list[Block] = []
    table = 0
    for page, page_text in enumerate(nfc(text).split("\f")):
        for line in map(_without_markup, join_wrapped_rows(page_text.splitlines())):
            cells = _split_row(line)
            if cells is None:
                blocks.append(Block(text=line.strip(), page=page, blank=not line.strip()))
                continue
            if not (blocks and blocks[-1].is_row):
                table += 1
            if not _ROW_SEPARATOR.match(line):
                blocks.append(Block(cells=cells, table=table, page=page))
    return Document("txt", blocks)


def join_wrapped_rows(lines: list[str]) -> list[str]:
    """A Markdown table as a crawl leaves it: a row wrapped over several lines (a cell going
    on without a leading '|', the next cells on a line of their own) and empty '| ||||' rows.
    Gives one line per row and drops the empty rows, so the table stays one table."""
    out: list[str] = []
    row: str | None = None
    width = 0
    for line in lines:
        stripped = line.strip()
        if not width:
            cells = _split_row(stripped) if stripped.startswith("|") else None
            if cells and len(cells) >= 3:  # the header row gives the table's width
                width, row = len(cells), stripped
            else:
                out.append(line)
            continue
        if not stripped:  # a blank line ends the table
            _flush_row(row, out)
            row, width = None, 0
            out.append(line)
        elif row is not None and (not stripped.startswith("|") or _row_open(row, width)):
            row = _glue(row, stripped)
        else:
            _flush_row(row, out)
            row = stripped
    _flush_row(row, out)
    return out


def _row_open(row: str, width: int) -> bool:
    """A row goes on when its last cell was not closed by '|', or when it has some cells but
    too few for the table (a cell wrapped onto the next line after its '|')."""
    if not row.endswith("|"):
        return True
    cells = _split_row(row) or []
    return sum(1 for c in cells if c) >= 2 and len(cells) < width - 2


def _glue(row: str, line: str) -> str:
    # '… | Ban Dân nguyện |' then '| Trình …': the two '|' hold an empty cell between them
    return row + " " + line


def _flush_row(row: str | None, out: list[str]) -> None:
    if row is None or not any(c.strip() for c in row.split("|")):
        return
    # '| I. Văn bản … |', a heading row of one cell, is still a row of the table
    out.append(row if _split_row(row) else row.rstrip("|").rstrip() + " | |")


_EMPHASIS = re.compile(r"\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])")
_HEADING_HASHES = re.compile(r"^\s*#{1,6}\s+")
_ONLY_MARKUP = re.compile(r"^[\s|*_#>]+$")


def _without_markup(line: str) -> str:
    """Markdown and crawl noise off a line: emphasis marks, heading hashes, and lines that
    are only '|' or '*' (what a web page's table cells leave behind)."""
    if _ONLY_MARKUP.match(line):
        return ""
    return _EMPHASIS.sub("", _HEADING_HASHES.sub("", line))


def _split_row(line: str) -> list[str] | None:
    """A tab- or '|'-separated table row written in a text file, else None."""
    if "\t" in line.strip():  # a tab between words; tabs that only indent do not count
        return [c.strip() for c in line.strip().split("\t")]
    if line.count("|") >= 2:
        cells = [c.strip() for c in line.strip().split("|")]
        if cells and not cells[0]:
            cells = cells[1:]
        if cells and not cells[-1]:
            cells = cells[:-1]
        return cells if len(cells) >= 2 else None
    return None


# ---- PDF ---------------------------------------------------------------------------------


def _read_pdf(data: bytes, filename: str) -> Document:
    try:
        reader = PdfReader(io.BytesIO(data))
        encrypted = reader.is_encrypted
    except Exception as exc:  # pypdf raises many kinds of errors on a damaged file
        raise PlanDocumentError(errors.CORRUPT_PDF, filename=filename) from exc
    if encrypted:
        _decrypt(reader, filename)
    try:
        pages = [page.extract_text() or "" for page in reader.pages]
    except Exception as exc:
        raise PlanDocumentError(errors.CORRUPT_PDF, filename=filename) from exc
    if not pages:
        raise PlanDocumentError(errors.CORRUPT_PDF, filename=filename)
    if sum(c.isalpha() for page in pages for c in page) < _MIN_PDF_LETTERS:
        raise PlanDocumentError(errors.SCANNED_PDF, filename=filename)
    blocks = [
        Block(text=line.strip(), page=number, blank=not line.strip())
        for number, page in enumerate(pages)
        for line in nfc(page).splitlines()
    ]
    return Document("pdf", blocks)


def _decrypt(reader, filename: str) -> None:
    """Many PDFs are 'encrypted' with an empty password only to block editing: open those."""
    try:
        opened = reader.decrypt("")
    except Exception as exc:
        raise PlanDocumentError(errors.ENCRYPTED_PDF, filename=filename) from exc
    if not opened:
        raise PlanDocumentError(errors.ENCRYPTED_PDF, filename=filename)


# ---- Word --------------------------------------------------------------------------------


# A .docx is a zip: a few MB can unpack to gigabytes (a "zip bomb"). Real plans unpack to
# a few MB of XML plus images, so this bound only stops files built to exhaust memory.
MAX_DOCX_UNPACKED = 200 * 1024 * 1024


def _read_docx(data: bytes, filename: str) -> Document:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        unpacked = sum(member.file_size for member in archive.infolist())
    if unpacked > MAX_DOCX_UNPACKED:
        raise PlanDocumentError(
            errors.UNPACKS_TOO_BIG,
            filename=filename,
            size_mb=unpacked / 1024 / 1024,
            limit_mb=MAX_DOCX_UNPACKED / 1024 / 1024,
        )
    try:
        return Document("docx", docx_blocks(docx.Document(io.BytesIO(data))))
    except Exception as exc:  # python-docx/lxml/zipfile errors on a damaged file
        raise PlanDocumentError(errors.CORRUPT_DOCX, filename=filename) from exc
