"""An administrative document in the usual order: header, type and summary, body numbered
I, II… / 1, 2… / a), b)…, then recipients and signature."""

from dataclasses import dataclass, field

from quantri.documents.builder import DocumentBuilder
from quantri.documents.content import (
    Block,
    Header,
    Image,
    Item,
    Paragraph,
    Part,
    Point,
    Signature,
    Table,
)
from quantri.documents.layout import Layout
from quantri.documents.wording import point_letter, roman


@dataclass
class OfficialDocument:
    header: Header
    doc_type: str  # "BÁO CÁO", "KẾ HOẠCH"; "" for an official letter, whose summary is "V/v …"
    summary: str
    body: list[Block] = field(default_factory=list)
    signature: Signature | None = None
    recipients: list[str] = field(default_factory=list)
    archive: str = "VT"  # the archive line: "Lưu: VT, VP."
    layout: Layout = field(default_factory=Layout)
    title: str = ""  # the file's document property; the summary when empty

    def render(self) -> bytes:
        builder = DocumentBuilder(self.layout)
        properties = builder.document.core_properties
        properties.title = self.title or self.summary
        properties.author = self.header.issuer.replace("\n", " ")
        properties.language = "vi-VN"
        if self.doc_type:
            builder.header(self.header)
            builder.title(self.doc_type, self.summary)
        else:
            builder.header(self.header, summary_in_header=self.summary)
            builder.paragraph(after=12)
        _write_blocks(builder, self.body, depth=0)
        builder.closing(self.signature, self.recipients, self.archive)
        builder.page_numbers()
        return builder.render()


def _write_blocks(builder: DocumentBuilder, blocks: list[Block], depth: int) -> None:
    """Writes blocks in order, numbering parts, items and points among their siblings."""
    counters = {Part: 0, Item: 0, Point: 0}
    for block in blocks:
        kind = type(block)
        if kind in counters:
            counters[kind] += 1
            _write_numbered(builder, block, counters[kind], depth)
        elif isinstance(block, str):
            builder.body_paragraph(Paragraph(block))
        elif isinstance(block, Paragraph):
            builder.body_paragraph(block)
        elif isinstance(block, Table):
            builder.table(block)
        elif isinstance(block, Image):
            builder.image(block)
        else:
            raise TypeError(f"cannot write a {kind.__name__} in a document body")


def _write_numbered(builder: DocumentBuilder, block, number: int, depth: int) -> None:
    if isinstance(block, Part):
        builder.heading(f"{roman(number)}. {block.title.upper()}", level=0)
    elif isinstance(block, Item):
        builder.heading(f"{number}. {block.title}", level=1)
    elif block.blocks:
        builder.heading(f"{point_letter(number)} {block.title}", level=2, bold=False, italic=True)
    else:
        # A point with no blocks of its own is a sentence of the text, not a heading.
        builder.body_paragraph(Paragraph(f"{point_letter(number)} {block.title}"))
    _write_blocks(builder, block.blocks, depth + 1)
