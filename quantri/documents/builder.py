"""Build a document piece by piece in the Decree 30/2020 layout. OfficialDocument assembles the
usual order; other forms (a one-stop desk slip) reuse the pieces they need."""

import io

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from quantri.documents import ooxml
from quantri.documents.content import Header, Image, Paragraph, Run, Signature, Table
from quantri.documents.layout import A4_HEIGHT_MM, A4_WIDTH_MM, FONT, Layout
from quantri.documents.metrics import text_width_pt
from quantri.documents.wording import (
    MOTTO,
    NATIONAL_NAME,
    RECIPIENTS_LABEL,
    document_number,
    place_and_date,
    recipient_lines,
)

PT_PER_CM = 72 / 2.54
# Word and LibreOffice pad table cells by about 0.19 cm on each side.
CELL_PADDING_CM = 0.38
RULE_PT = 6  # a thin solid rule: 6 eighths of a point


class DocumentBuilder:
    def __init__(self, layout: Layout | None = None) -> None:
        self.layout = layout or Layout()
        self.document = docx.Document()
        self._set_up_page()
        self._set_up_styles()

    # Page and styles ---------------------------------------------------------------------

    def _set_up_page(self) -> None:
        section = self.document.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(A4_WIDTH_MM), Mm(A4_HEIGHT_MM)
        section.top_margin = Mm(self.layout.top_mm)
        section.bottom_margin = Mm(self.layout.bottom_mm)
        section.left_margin = Mm(self.layout.left_mm)
        section.right_margin = Mm(self.layout.right_mm)
        section.header_distance = Mm(10)
        section.footer_distance = Mm(10)

    def _set_up_styles(self) -> None:
        """Times New Roman, black, Vietnamese, body size: in the document defaults and the
        Normal style, so even text typed later in Word keeps the decree's font."""
        styles = self.document.styles
        defaults = styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
        r_pr = defaults.find(qn("w:rPr"))
        ooxml.set_fonts(r_pr)
        ooxml.set_language(r_pr, "vi-VN")
        normal = styles["Normal"]
        normal.font.name = FONT
        ooxml.set_fonts(normal.element.get_or_add_rPr())
        normal.font.size = Pt(self.layout.body_size)
        normal.font.color.rgb = ooxml.BLACK
        normal.paragraph_format.space_after = Pt(0)
        normal.paragraph_format.line_spacing = 1.0

    # Paragraphs --------------------------------------------------------------------------

    def paragraph(self, container=None, **format_options):
        container = container if container is not None else self.document
        paragraph = container.add_paragraph()
        ooxml.format_paragraph(paragraph, **format_options)
        return paragraph

    def run(self, paragraph, text: str, size: float | None = None, **style) -> None:
        run = paragraph.add_run(text)
        ooxml.style_run(run, size or self.layout.body_size, **style)
        return run

    def line(self, container, text: str, size: float, *, align="center", after=0.0, **style):
        """One short centred line in the header or signature: no indent, no spacing."""
        paragraph = self.paragraph(container, align=align, after=after)
        for index, part in enumerate(text.split("\n")):
            if index:
                ooxml.style_run(paragraph.add_run(), size, **style)
                paragraph.runs[-1].add_break()
            self.run(paragraph, part, size, **style)
        return paragraph

    def rule(self, container, width_cm: float, column_cm: float, *, after: float = 4) -> None:
        """A centred solid rule `width_cm` long in a column `column_cm` wide: the bottom border
        of a tiny empty paragraph whose indents leave exactly that length."""
        paragraph = self.paragraph(container, align="center", after=after)
        side = max((column_cm - CELL_PADDING_CM - width_cm) / 2, 0)
        paragraph.paragraph_format.left_indent = Cm(side)
        paragraph.paragraph_format.right_indent = Cm(side)
        paragraph.paragraph_format.line_spacing = Pt(2)
        ooxml.set_mark_size(paragraph, 2)
        ooxml.bottom_border(paragraph, size_eighths=RULE_PT)

    def body_paragraph(self, block: Paragraph, *, level: int | None = None) -> None:
        layout = self.layout
        paragraph = self.paragraph(
            align=block.align,
            first_line_cm=layout.first_line_indent_cm if block.indent else 0,
            after=layout.space_after_pt,
            line_spacing=layout.line_spacing,
            keep_with_next=level is not None,
        )
        for run in block.runs:
            self.run(paragraph, run.text, bold=run.bold, italic=run.italic)
        if level is not None:
            ooxml.outline_level(paragraph, level)

    def heading(self, text: str, *, level: int, bold=True, italic=False) -> None:
        self.body_paragraph(Paragraph([Run(text, bold, italic)]), level=level)

    # Header and title --------------------------------------------------------------------

    def header(self, header: Header, *, summary_in_header: str = "") -> None:
        """The two-column header. Row 1: the bodies | national name and motto; row 2 keeps the
        number and the place-and-date on one line, as the decree draws them."""
        layout = self.layout
        left, right = layout.header_left_cm, layout.header_right_cm
        table = self.document.add_table(rows=2, cols=2)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        ooxml.table_borders(table, "nil")
        ooxml.fix_widths(table, [left, right])
        bodies, nation = table.cell(0, 0), table.cell(0, 1)
        number_cell, date_cell = table.cell(1, 0), table.cell(1, 1)
        for cell in (bodies, nation, number_cell, date_cell):
            cell._element.remove(cell.paragraphs[0]._element)

        size = layout.agency_size
        room = left - CELL_PADDING_CM
        if header.parent_body:
            self.line(bodies, balance(header.parent_body.upper(), size, room), size)
        issuer = balance(header.issuer.upper(), size, room, bold=True)
        self.line(bodies, issuer, size, bold=True)
        issuer_width = _longest_line_cm(issuer, size, bold=True)
        self.rule(bodies, min(issuer_width, left - CELL_PADDING_CM) * 0.4, left)

        self.line(nation, NATIONAL_NAME, layout.national_name_size, bold=True)
        self.line(nation, MOTTO, layout.motto_size, bold=True)
        motto_cm = text_width_pt(MOTTO, layout.motto_size, bold=True) / PT_PER_CM
        self.rule(nation, motto_cm, right)

        number = document_number(header.number, header.type_code, header.issuer_code)
        self.line(number_cell, number, size, after=3)
        if summary_in_header:
            self.line(number_cell, f"V/v {summary_in_header}", 12)
        date = place_and_date(header.place, header.issued_on, year=header.year)
        self.line(date_cell, date, layout.body_size, italic=True, after=3)

    def title(self, doc_type: str, summary: str) -> None:
        """'BÁO CÁO' and the summary under it, with a short rule a third of the line long."""
        size = self.layout.body_size
        self.line(
            self.document, doc_type.upper(), size, bold=True
        ).paragraph_format.space_before = Pt(18)
        self.line(self.document, summary, size, bold=True)
        text_cm = self.layout.text_width_cm
        summary_cm = min(_longest_line_cm(summary, size, bold=True), text_cm)
        self.rule(self.document, max(summary_cm / 3, 2.5), text_cm + CELL_PADDING_CM)
        self.paragraph(after=6)

    # Tables and images -------------------------------------------------------------------

    def table(self, block: Table) -> None:
        size = block.size or self.layout.table_size
        if block.caption:
            caption = self.line(self.document, block.caption, size + 1, bold=True, after=4)
            caption.paragraph_format.keep_with_next = True
        widths = block.widths_cm or [self.layout.text_width_cm / len(block.columns)] * len(
            block.columns
        )
        aligns = block.align or ["left"] * len(block.columns)
        table = self.document.add_table(rows=1 + len(block.rows), cols=len(block.columns))
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        ooxml.table_borders(table, "single")
        ooxml.fix_widths(table, widths)
        _mark_header_row(table.rows[0])
        for cell, text in zip(table.rows[0].cells, block.columns, strict=True):
            self._cell_text(cell, text, size, "center", bold=True)
        for row, values in zip(table.rows[1:], block.rows, strict=True):
            for cell, text, align in zip(row.cells, values, aligns, strict=True):
                self._cell_text(cell, str(text), size, align)
        self.paragraph(after=self.layout.space_after_pt)

    def _cell_text(self, cell, text: str, size: float, align: str, **style) -> None:
        paragraph = cell.paragraphs[0]
        ooxml.format_paragraph(paragraph, align=align, before=2, after=2)
        ooxml.set_mark_size(paragraph, size)  # an empty cell is as tall as a full one
        if text:
            self.run(paragraph, text, size, **style)

    def image(self, block: Image) -> None:
        paragraph = self.paragraph(align="center", after=3, keep_with_next=bool(block.caption))
        run = paragraph.add_run()
        ooxml.style_run(run, self.layout.body_size)
        run.add_picture(io.BytesIO(block.data), width=Cm(block.width_cm))
        if block.caption:
            self.line(self.document, block.caption, self.layout.body_size - 1, italic=True, after=6)

    # Signature, recipients, page numbers -------------------------------------------------

    def closing(self, signature: Signature | None, recipients: list[str], archive: str) -> None:
        """Recipients on the left, the signature on the right, side by side."""
        layout = self.layout
        left, right = layout.header_left_cm, layout.header_right_cm
        self.paragraph(after=0)
        table = self.document.add_table(rows=1, cols=2)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        ooxml.table_borders(table, "nil")
        ooxml.fix_widths(table, [left, right])
        _keep_row_together(table.rows[0])
        to_cell, sign_cell = table.cell(0, 0), table.cell(0, 1)
        for cell in (to_cell, sign_cell):
            cell._element.remove(cell.paragraphs[0]._element)
        if recipients is not None:
            self.line(
                to_cell,
                RECIPIENTS_LABEL,
                layout.recipients_label_size,
                align="left",
                bold=True,
                italic=True,
            )
            for text in recipient_lines(recipients, archive):
                self.line(to_cell, text, layout.recipients_size, align="left")
        if signature is not None:
            self._signature(sign_cell, signature)
        if not to_cell.paragraphs:
            self.paragraph(to_cell)
        if not sign_cell.paragraphs:
            self.paragraph(sign_cell)

    def _signature(self, cell, signature: Signature) -> None:
        size = self.layout.body_size
        *above, last = signature.heading_lines() or [""]
        for text in above:
            self.line(cell, text.upper(), size, bold=True)
        # The space where the signature and the seal go.
        self.line(cell, last.upper(), size, bold=True, after=72)
        if signature.name:
            self.line(cell, signature.name, size, bold=True)

    def page_numbers(self) -> None:
        """Centred at the top from page 2: the first page has a header of its own, empty."""
        section = self.document.sections[0]
        section.different_first_page_header_footer = True
        paragraph = section.header.paragraphs[0]
        ooxml.format_paragraph(paragraph, align="center")
        for run in ooxml.add_page_field(paragraph):
            ooxml.style_run(run, self.layout.body_size)

    def render(self) -> bytes:
        out = io.BytesIO()
        self.document.save(out)
        return out.getvalue()


# Words that open a new phrase of an agency's name: a line break reads well before them.
_PHRASE_STARTS = {"TỈNH", "THÀNH", "HUYỆN", "QUẬN", "XÃ", "PHƯỜNG", "VÀ"}


def balance(text: str, size: float, room_cm: float, *, bold: bool = False) -> str:
    """A name too long for its column split into two lines, as clerks break them ("ỦY BAN
    NHÂN DÂN / TỈNH HƯNG YÊN"): after a comma or before a word such as TỈNH when that fits,
    else where the two lines are most even. Vietnamese words are several syllables, so a
    break anywhere else may split one ("THỂ / THAO"). A name that fits, or has its own line
    breaks, is left alone."""
    if "\n" in text or _longest_line_cm(text, size, bold=bold) <= room_cm:
        return text
    words = text.split()
    cuts = []
    for cut in range(1, len(words)):
        lines = (" ".join(words[:cut]), " ".join(words[cut:]))
        width = max(_longest_line_cm(line, size, bold=bold) for line in lines)
        natural = words[cut - 1][-1] in ",-" or words[cut] in _PHRASE_STARTS
        cuts.append((not (natural and width <= room_cm), width, "\n".join(lines)))
    return min(cuts)[2]


def _longest_line_cm(text: str, size: float, *, bold: bool) -> float:
    return max(text_width_pt(line, size, bold=bold) for line in text.split("\n")) / PT_PER_CM


def _mark_header_row(row) -> None:
    """Repeat the header row on every page the table runs over."""
    from docx.oxml import OxmlElement

    tr_pr = row._tr.get_or_add_trPr()
    element = OxmlElement("w:tblHeader")
    tr_pr.append(element)


def _keep_row_together(row) -> None:
    """The signature never splits from its recipients across a page break."""
    from docx.oxml import OxmlElement

    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))
