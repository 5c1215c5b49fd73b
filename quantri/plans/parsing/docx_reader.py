"""python-docx document -> blocks: paragraphs and table rows in body order, with hints."""

import re

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.table import Table
from docx.text.hyperlink import Hyperlink
from docx.text.paragraph import Paragraph

from .blocks import Block
from .text import nfc

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {"w": W[1:-1]}
# A footnote marker typed by hand as a raised number or star ('minh bạch¹'); Word's own
# footnote references carry no text and are left out by python-docx already.
_NOTE_MARK = re.compile(r"\s*(?:[(\[]?\d{1,2}[)\]]?|\*{1,3})\s*")

# Word's numbering formats, as the marker kinds the outline uses for written numbers.
_FORMATS = {
    "upperRoman": "roman",
    "lowerRoman": "lroman",
    "decimal": "arabic",
    "decimalZero": "arabic",
    "lowerLetter": "letter",
    "upperLetter": "upper",
}


def docx_blocks(word) -> list[Block]:
    numbering = _numbering_formats(word)
    blocks: list[Block] = []
    tables = 0
    for element in _body_elements(word.element.body):
        if element.tag == W + "p":
            blocks.extend(_paragraph_blocks(Paragraph(element, word), numbering))
        elif element.tag == W + "tbl":
            tables += 1
            blocks.extend(_row_blocks(Table(element, word), tables))
    return blocks


def _body_elements(parent):
    """Body children in order; content controls (w:sdt) are opened, not skipped."""
    for child in parent.iterchildren():
        if child.tag == W + "sdt":
            for content in child.iterchildren(W + "sdtContent"):
                yield from _body_elements(content)
        else:
            yield child


def _numbering_formats(word) -> dict[tuple[str, str], tuple[str, str]]:
    """(numId, ilvl) -> (numFmt, lvlText) from the numbering part, if the file has one."""
    try:
        root = word.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return {}
    abstract = {}
    for definition in root.findall("w:abstractNum", NS):
        levels = {}
        for level in definition.findall("w:lvl", NS):
            fmt = level.find("w:numFmt", NS)
            text = level.find("w:lvlText", NS)
            levels[level.get(W + "ilvl")] = (
                fmt.get(W + "val") if fmt is not None else "",
                text.get(W + "val") if text is not None else "",
            )
        abstract[definition.get(W + "abstractNumId")] = levels
    formats = {}
    for num in root.findall("w:num", NS):
        ref = num.find("w:abstractNumId", NS)
        levels = abstract.get(ref.get(W + "val") if ref is not None else None, {})
        for ilvl, value in levels.items():
            formats[(num.get(W + "numId"), ilvl)] = value
    return formats


def _paragraph_text(paragraph: Paragraph) -> str:
    return "".join(
        piece.text
        for piece in paragraph.iter_inner_content()
        if isinstance(piece, Hyperlink) or not _is_note_mark(piece)
    )


def _is_note_mark(run) -> bool:
    return bool(run.font.superscript) and bool(_NOTE_MARK.fullmatch(run.text))


def _cell_text(cell) -> str:
    return "\n".join(_paragraph_text(p) for p in cell.paragraphs)


def _paragraph_blocks(paragraph: Paragraph, numbering) -> list[Block]:
    text = nfc(_paragraph_text(paragraph))
    hints = {
        "bold": _is_bold(paragraph),
        "centered": _is_centered(paragraph),
        "logical": True,
    }
    pieces = text.split("\n") if text.strip() else [""]
    blocks = [Block(text=piece.strip(), blank=not piece.strip(), **hints) for piece in pieces]
    blocks[0].list_kind = _list_kind(paragraph, numbering) if text.strip() else None
    return blocks


def _list_kind(paragraph: Paragraph, numbering) -> str | None:
    num_pr = _num_pr(paragraph)
    if num_pr is None:
        return None
    num_id = num_pr.find("w:numId", NS)
    ilvl = num_pr.find("w:ilvl", NS)
    num = num_id.get(W + "val") if num_id is not None else None
    level = ilvl.get(W + "val") if ilvl is not None else "0"
    if not num or num == "0":
        return None
    fmt, pattern = numbering.get((num, level), ("bullet", ""))
    # "@level" keeps Word's numbering apart from numbers typed by hand ("1." above a list)
    return f"{_kind_of(fmt, pattern)}@{level}"


def _kind_of(fmt: str, pattern: str) -> str:
    if fmt == "bullet":
        return {"-": "dash", "–": "dash", "+": "plus"}.get(pattern.strip(), "bullet")
    if fmt.startswith("decimal") and pattern.count("%") >= 2:
        return f"decimal{pattern.count('%')}"
    if fmt.startswith("decimal") and pattern.strip().startswith("("):
        return "paren"
    return _FORMATS.get(fmt, "auto")


def _num_pr(paragraph: Paragraph):
    """numPr on the paragraph, else on its style or the styles it is based on."""
    p_pr = paragraph._p.pPr
    if p_pr is not None and p_pr.numPr is not None:
        return p_pr.numPr
    style = paragraph.style
    while style is not None:
        style_pr = style.element.pPr
        if style_pr is not None and style_pr.numPr is not None:
            return style_pr.numPr
        style = style.base_style
    return None


def _is_bold(paragraph: Paragraph) -> bool:
    style = paragraph.style
    if style is not None and style.name and style.name.lower().startswith(("heading", "title")):
        return True
    style_bold = bool(style is not None and style.font.bold)
    runs = [r for r in paragraph.runs if r.text.strip()]
    return bool(runs) and all(r.bold or (r.bold is None and style_bold) for r in runs)


def _is_centered(paragraph: Paragraph) -> bool:
    alignment = paragraph.alignment
    if alignment is None and paragraph.style is not None:
        alignment = paragraph.style.paragraph_format.alignment
    return alignment == WD_ALIGN_PARAGRAPH.CENTER


def _row_blocks(table: Table, number: int) -> list[Block]:
    """One block per row; a merged cell repeats its text in every grid column it spans."""
    blocks = []
    for row in table.rows:
        cells = [nfc(_cell_text(cell)).strip() for cell in row.cells]
        blocks.append(Block(cells=cells, table=number, logical=True))
    return blocks
