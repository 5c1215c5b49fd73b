"""Page and type settings of an administrative document, held to the ranges Decree 30/2020
(Appendix I) allows: an agency may choose within them, never outside."""

from dataclasses import dataclass

FONT = "Times New Roman"
A4_WIDTH_MM = 210.0
A4_HEIGHT_MM = 297.0

# (field, lowest, highest) as the decree sets them.
_RANGES = [
    ("top_mm", 20, 25),
    ("bottom_mm", 20, 25),
    ("left_mm", 30, 35),
    ("right_mm", 15, 20),
    ("body_size", 13, 14),
    ("national_name_size", 12, 13),
    ("motto_size", 13, 14),
    ("first_line_indent_cm", 1.0, 1.27),
]


@dataclass(frozen=True)
class Layout:
    top_mm: float = 20
    bottom_mm: float = 20
    left_mm: float = 30
    right_mm: float = 15
    body_size: float = 14
    # 12 pt keeps the national name on one line in the header's right column.
    national_name_size: float = 12
    motto_size: float = 13
    agency_size: float = 13
    first_line_indent_cm: float = 1.27
    space_after_pt: float = 6
    line_spacing: float = 1.15
    recipients_label_size: float = 12
    recipients_size: float = 11
    table_size: float = 12
    # The header's left column (issuing body, number); the right one takes the rest.
    header_left_cm: float = 6.6

    def __post_init__(self) -> None:
        for name, low, high in _RANGES:
            value = getattr(self, name)
            if not low <= value <= high:
                raise ValueError(f"{name} = {value} is outside {low}–{high} (Decree 30/2020)")
        if self.space_after_pt < 6:
            raise ValueError("paragraphs need at least 6 pt between them (Decree 30/2020)")
        if not 1.0 <= self.line_spacing <= 1.5:
            raise ValueError("line spacing must be between single and 1.5 lines")

    @property
    def text_width_cm(self) -> float:
        return (A4_WIDTH_MM - self.left_mm - self.right_mm) / 10

    @property
    def header_right_cm(self) -> float:
        return self.text_width_cm - self.header_left_cm
