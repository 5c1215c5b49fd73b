"""What an administrative document says, as plain data: the renderer decides how it looks."""

import datetime
import re
from dataclasses import dataclass, field


@dataclass
class Header:
    """The two-column header: who issues it and its number, the national name, place, date."""

    issuer: str  # "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH"; a "\n" forces the line break
    parent_body: str = ""  # "UBND TỈNH HƯNG YÊN"
    number: str | int | None = None  # 5, "05" or "05/BC-SVHTTDL"; empty leaves a blank
    type_code: str = "BC"  # KH, BC, QĐ, TTr, TB; "" for an official letter (công văn)
    issuer_code: str = ""  # "SVHTTDL"
    place: str = ""
    issued_on: datetime.date | None = None
    year: int | None = None  # shown in an undated draft's date line


@dataclass
class Run:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass
class Paragraph:
    """A body paragraph: justified with a first-line indent unless told otherwise."""

    content: str | list[Run]
    bold: bool = False
    italic: bool = False
    align: str = "justify"  # justify | left | center | right
    indent: bool = True

    @property
    def runs(self) -> list[Run]:
        if isinstance(self.content, str):
            return [Run(self.content, self.bold, self.italic)]
        return self.content


@dataclass
class Table:
    """A grid table; widths in cm (shared equally when not given), align per column."""

    columns: list[str]
    rows: list[list[str]]
    widths_cm: list[float] | None = None
    align: list[str] | None = None  # left | center | right, one per column
    caption: str = ""
    size: float | None = None  # pt; the layout's table size when not given


@dataclass
class Image:
    data: bytes  # PNG or JPEG
    width_cm: float = 15.0
    caption: str = ""


@dataclass
class Point:
    """A lettered point: 'a) title', then its blocks."""

    title: str
    blocks: list["Block"] = field(default_factory=list)


@dataclass
class Item:
    """A numbered item: '1. Title', then its blocks and points."""

    title: str
    blocks: list["Block"] = field(default_factory=list)


@dataclass
class Part:
    """A part in Roman numerals: 'I. TITLE', then its blocks and items."""

    title: str
    blocks: list["Block"] = field(default_factory=list)


Block = str | Paragraph | Table | Image | Point | Item | Part


# "KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC": the signing formula, then the signer's own title.
_GLUED_AUTHORITY = re.compile(
    r"^((?:KT|TM|TL|TUQ|Q)\.\s*.+?)\s+((?:PHÓ|CHÁNH|TRƯỞNG|CHỦ|UỶ VIÊN|ỦY VIÊN)\b.*)$"
)


@dataclass
class Signature:
    """'KT. GIÁM ĐỐC' / 'PHÓ GIÁM ĐỐC' / (signature) / 'Nguyễn Văn A'."""

    position: str
    name: str = ""
    authority: str = ""  # "KT. GIÁM ĐỐC", "TM. ỦY BAN NHÂN DÂN", "TL. GIÁM ĐỐC"

    def heading_lines(self) -> list[str]:
        """The authority and the position on two lines (Decree 30/2020, Appendix I, item 8:
        "KT. GIÁM ĐỐC" above "PHÓ GIÁM ĐỐC"), also when a document read from a PDF or a table
        gave both on one line ("KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC", copied into both fields)."""
        authority, position = self.authority.strip(), self.position.strip()
        glued = _GLUED_AUTHORITY.match(authority)
        if glued and position in ("", authority, glued.group(2)):
            authority, position = glued.group(1), glued.group(2)
        return [line for line in (authority, position) if line]
