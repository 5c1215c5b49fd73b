"""The WordprocessingML details python-docx has no API (or no fast one) for: fonts for every
script, run and paragraph properties from templates, rules drawn as paragraph borders,
borderless fixed-width tables, the PAGE field."""

import copy
import functools

from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, RGBColor

from quantri.documents.layout import FONT

BLACK = RGBColor(0, 0, 0)
_FONT_SLOTS = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")


def set_fonts(r_pr) -> None:
    """Times New Roman in all four font slots. Word picks the slot by script and LibreOffice
    reads eastAsia for some Vietnamese letters: a theme font left in any slot shows through."""
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        r_pr.insert(0, fonts)
    for name in list(fonts.attrib):
        if name.endswith("Theme") or name.endswith("theme"):
            del fonts.attrib[name]
    for slot in _FONT_SLOTS:
        fonts.set(qn(slot), FONT)


def style_run(run, size: float, *, bold=False, italic=False) -> None:
    """Times New Roman in every slot, black, `size` pt. The run properties are copied from a
    template made once per style: going through python-docx's setters for each of the
    thousand runs of a province's report took most of its time."""
    element = run._element
    existing = element.rPr
    if existing is not None:
        element.remove(existing)
    element.insert(0, copy.deepcopy(_run_properties(float(size), bool(bold), bool(italic))))


@functools.lru_cache(maxsize=64)
def _run_properties(size: float, bold: bool, italic: bool):
    fonts = " ".join(f'{slot}="{FONT}"' for slot in _FONT_SLOTS)
    half_points = round(size * 2)
    flags = ("<w:b/><w:bCs/>" if bold else "") + ("<w:i/><w:iCs/>" if italic else "")
    return parse_xml(
        f'<w:rPr {nsdecls("w")}><w:rFonts {fonts}/>{flags}<w:color w:val="000000"/>'
        f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/></w:rPr>'
    )


def format_paragraph(
    paragraph,
    *,
    align: str = "justify",
    first_line_cm: float = 0,
    before: float = 0,
    after: float = 0,
    line_spacing: float = 1.0,
    keep_with_next: bool = False,
) -> None:
    """Alignment, first-line indent, spacing (pt) and line spacing (multiple of single),
    from a template made once per combination, like style_run."""
    element = paragraph._element
    existing = element.pPr
    if existing is not None:
        element.remove(existing)
    template = _paragraph_properties(
        align,
        float(first_line_cm),
        float(before),
        float(after),
        float(line_spacing),
        bool(keep_with_next),
    )
    element.insert(0, copy.deepcopy(template))


_JC = {"justify": "both", "left": "left", "center": "center", "right": "right"}


@functools.lru_cache(maxsize=64)
def _paragraph_properties(align, first_line_cm, before, after, line_spacing, keep_with_next):
    keep = "<w:keepNext/>" if keep_with_next else ""
    spacing = (
        f'<w:spacing w:before="{round(before * 20)}" w:after="{round(after * 20)}" '
        f'w:line="{round(line_spacing * 240)}" w:lineRule="auto"/>'
    )
    indent = f'<w:ind w:firstLine="{Cm(first_line_cm).twips}"/>' if first_line_cm else ""
    return parse_xml(
        f'<w:pPr {nsdecls("w")}>{keep}{spacing}{indent}<w:jc w:val="{_JC[align]}"/></w:pPr>'
    )


def set_mark_size(paragraph, size: float) -> None:
    """The size of the paragraph mark, which alone sets the height of an empty paragraph."""
    p_pr = paragraph._element.get_or_add_pPr()
    r_pr = p_pr.find(qn("w:rPr"))
    if r_pr is None:
        r_pr = OxmlElement("w:rPr")
        p_pr.append(r_pr)
    set_fonts(r_pr)
    for tag in ("w:sz", "w:szCs"):
        element = OxmlElement(tag)
        element.set(qn("w:val"), str(round(size * 2)))
        r_pr.append(element)


def bottom_border(paragraph, *, size_eighths: int = 6) -> None:
    """A solid rule under the paragraph (size in eighths of a point)."""
    p_pr = paragraph._element.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    bottom.set(qn("w:val"), "single")
    bottom.set(qn("w:sz"), str(size_eighths))
    bottom.set(qn("w:space"), "1")
    bottom.set(qn("w:color"), "000000")
    borders.append(bottom)
    # pBdr must come before spacing/ind/jc in pPr's schema order.
    anchor = next(
        (
            p_pr.find(qn(t))
            for t in ("w:shd", "w:tabs", "w:spacing", "w:ind", "w:jc")
            if p_pr.find(qn(t)) is not None
        ),
        None,
    )
    if anchor is not None:
        anchor.addprevious(borders)
    else:
        p_pr.append(borders)


def outline_level(paragraph, level: int) -> None:
    """Shows the heading in the navigation pane without a heading style's theme fonts."""
    element = OxmlElement("w:outlineLvl")
    element.set(qn("w:val"), str(level))
    paragraph._element.get_or_add_pPr().append(element)


def table_borders(table, value: str) -> None:
    """'nil' for the invisible layout tables of header and signature; 'single' for data."""
    tbl_pr = table._element.tblPr
    existing = tbl_pr.find(qn("w:tblBorders"))
    if existing is not None:
        tbl_pr.remove(existing)
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), value)
        if value != "nil":
            element.set(qn("w:sz"), "4")
            element.set(qn("w:space"), "0")
            element.set(qn("w:color"), "000000")
        borders.append(element)
    tbl_pr.append(borders)


def fix_widths(table, widths_cm: list[float]) -> None:
    """Fixed layout with explicit widths: Word reads the cells', LibreOffice the grid's."""
    table.autofit = False
    tbl_pr = table._element.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.append(layout)
    width = OxmlElement("w:tblW")
    width.set(qn("w:w"), str(round(sum(widths_cm) * 567)))
    width.set(qn("w:type"), "dxa")
    existing = tbl_pr.find(qn("w:tblW"))
    if existing is not None:
        tbl_pr.remove(existing)
    tbl_pr.append(width)
    for column, cm in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(cm)
        for cell in column.cells:
            cell.width = Cm(cm)


def add_page_field(paragraph) -> list:
    """A PAGE field, so Word and LibreOffice print each page's own number. Each field part
    sits in a run of its own, as Word writes them. Returns the runs, for styling."""
    runs = []
    for kind, text in (("begin", ""), ("", " PAGE "), ("separate", ""), ("", "2"), ("end", "")):
        run = paragraph.add_run()
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text == " PAGE ":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        else:
            element = OxmlElement("w:t")
            element.text = text
        run._element.append(element)
        runs.append(run)
    return runs


def set_language(r_pr, language: str) -> None:
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        r_pr.append(lang)
    for slot in ("w:val", "w:eastAsia"):
        lang.set(qn(slot), language)
