"""The reader's output: a document as an ordered list of lines and table rows."""

from dataclasses import dataclass, field


@dataclass
class Block:
    """One line of text (or a whole paragraph, for .docx) or one table row.

    ``list_kind`` is set for a Word paragraph numbered automatically: its text carries no
    number, so the kind of marker the numbering stands for is kept here instead.
    """

    text: str = ""
    cells: list[str] | None = None
    table: int | None = None
    page: int = 0
    blank: bool = False
    logical: bool = False
    bold: bool = False
    centered: bool = False
    list_kind: str | None = None

    @property
    def is_row(self) -> bool:
        return self.cells is not None


@dataclass
class Document:
    format: str  # "txt" | "docx" | "pdf"
    blocks: list[Block] = field(default_factory=list)
