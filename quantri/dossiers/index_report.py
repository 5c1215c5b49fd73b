"""The 766 dashboard's table for a period beside the period before, for the page, its print
layout and its XLSX export: one list of rows, groups followed by their sub-criteria."""

import io
from dataclasses import dataclass

from django.utils.translation import gettext as _
from openpyxl import Workbook

from quantri.core.spreadsheets import append_row, write_row
from quantri.dossiers.index_labels import is_input, name_of


@dataclass
class Line:
    level: str  # "group" or "sub"
    key: str
    label: str
    rate: float | None
    target: float | None
    points: float
    max_points: float
    previous_points: float | None
    numerator: str = ""
    numerator_value: int | None = None
    denominator: str = ""
    denominator_value: int | None = None
    supplied_by_hand: bool = False
    source: str = ""

    @property
    def numerator_name(self) -> str:
        return name_of(self.numerator) if self.numerator else ""

    @property
    def denominator_name(self) -> str:
        return name_of(self.denominator) if self.denominator else ""

    @property
    def missing(self) -> bool:
        """An input the agency has not supplied for the period."""
        return self.supplied_by_hand and self.numerator_value is None


def _previous_points(previous: dict | None) -> dict[str, float]:
    if previous is None:
        return {}
    out = {g["group"]: g["points"] for g in previous["groups"]}
    for g in previous["groups"]:
        out |= {f"{g['group']}.{s['key']}": s["points"] for s in g.get("subcriteria", [])}
    return out


def lines(current: dict, previous: dict | None) -> list[Line]:
    before = _previous_points(previous)
    out = []
    for g in current["groups"]:
        out.append(
            Line(
                level="group",
                key=g["group"],
                label=_(g["label"]),
                rate=g["rate"],
                target=None if g.get("subcriteria") else g["target"],
                points=g["points"],
                max_points=g["max_points"],
                previous_points=before.get(g["group"]),
            )
        )
        out += [_sub_line(g["group"], s, before) for s in g.get("subcriteria", [])]
    return out


def _sub_line(group: str, s: dict, before: dict) -> Line:
    return Line(
        level="sub",
        key=f"{group}.{s['key']}",
        label=_(s["label"]),
        rate=s["rate"],
        target=s["target"],
        points=s["points"],
        max_points=s["max_points"],
        previous_points=before.get(f"{group}.{s['key']}"),
        numerator=s["numerator"],
        numerator_value=s["numerator_value"],
        denominator=s["denominator"],
        denominator_value=s["denominator_value"],
        supplied_by_hand=is_input(s["numerator"]),
        source=_(s["source"]) if s["source"] else "",
    )


def headers() -> list[str]:
    return [
        _("Group / sub-criterion"),
        _("Numerator"),
        _("Value"),
        _("Denominator"),
        _("Value"),
        _("Rate (%)"),
        _("Full points at (%)"),
        _("Points"),
        _("Maximum"),
        _("Points, period before"),
        _("Supplied by hand"),
        _("Source"),
    ]


def _percent(value: float | None):
    return None if value is None else round(100 * value, 1)


def _cells(line: Line) -> list:
    return [
        line.label if line.level == "group" else f"   {line.label}",
        line.numerator_name,
        line.numerator_value,
        line.denominator_name,
        line.denominator_value,
        _percent(line.rate),
        _percent(line.target),
        line.points,
        line.max_points,
        line.previous_points,
        (_("yes") if line.supplied_by_hand else "") if line.level == "sub" else "",
        line.source,
    ]


def xlsx(*, title: str, rows: list[Line], total: float, previous_total: float | None) -> bytes:
    """The dashboard as a workbook: a title, the header, one row per group and sub-criterion,
    the totals. Every cell through core.spreadsheets (text stays text)."""
    book = Workbook()
    sheet = book.active
    sheet.title = _("Decision 766 index")[:31]
    write_row(sheet, 1, [title])
    write_row(sheet, 3, headers())
    for line in rows:
        append_row(sheet, _cells(line))
    append_row(sheet, [_("Total"), "", None, "", None, None, None, total, 100, previous_total])
    widths = (52, 40, 9, 40, 9, 9, 11, 9, 9, 12, 10, 60)
    for column, width in zip("ABCDEFGHIJKL", widths, strict=True):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
