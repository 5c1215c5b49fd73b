"""What an administrative document says, as plain data: the renderer decides how it looks."""

import datetime
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


@dataclass
class Signature:
    """'KT. GIÁM ĐỐC' / 'PHÓ GIÁM ĐỐC' / (signature) / 'Nguyễn Văn A'."""

    position: str
    name: str = ""
    authority: str = ""  # "KT. GIÁM ĐỐC", "TM. ỦY BAN NHÂN DÂN", "TL. GIÁM ĐỐC"
