"""PAPI charts drawn on the server with matplotlib: SVG for pages, PNG for documents.

Plain data in, text or bytes out; no Django. Figures are built with matplotlib.figure.Figure
rather than pyplot, so no global state is shared between requests. SVG text stays text
(svg.fonttype "none"): Vietnamese labels stay searchable and readable by screen readers, and the
browser draws them with its own fonts. DejaVu Sans, shipped with matplotlib, has the Vietnamese
glyphs the PNGs need.
"""

import io
import math
import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

import matplotlib

matplotlib.use("Agg")

from matplotlib.figure import Figure  # noqa: E402

from quantri.core.decimal_comma import comma, decimal_comma_ticks  # noqa: E402

STYLE = {
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "svg.fonttype": "none",
    "axes.spines.top": False,
    "axes.spines.right": False,
}
PROVINCE_COLOUR = "#8a1c1c"  # the document red of the pages
MEDIAN_COLOUR = "#4a5561"
BEST_COLOUR = "#1f6b35"
BEHIND_COLOUR = "#a4161a"
AHEAD_COLOUR = "#2e7d4f"


def _wrap(label: str, width: int = 22) -> str:
    return "\n".join(textwrap.wrap(label, width)) or label


def _nan(values: Sequence[float | None]) -> list[float]:
    """None → NaN, which matplotlib leaves as a gap in a line."""
    return [math.nan if v is None else v for v in values]


_METADATA = re.compile(r"\s*<metadata>.*?</metadata>", re.DOTALL)
_ID = re.compile(r' id="([^"]+)"')


def _svg(figure: Figure, label: str) -> str:
    """The figure as an <svg> element to inline in a page: no XML prologue or metadata, and
    only the ids something points at (clip paths, markers), since several charts share a page
    and an id may appear once in it."""
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight")
    text = buffer.getvalue()
    svg = _METADATA.sub("", text[text.index("<svg") :], count=1)
    used = set(re.findall(r"#([\w.-]+)", svg))
    svg = _ID.sub(lambda m: m.group(0) if m.group(1) in used else "", svg)
    return svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1)


def _png(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=150, bbox_inches="tight")
    return buffer.getvalue()


def radar_svg(
    labels: Sequence[str],
    values: Sequence[float | None],
    medians: Sequence[float | None],
    *,
    names: tuple[str, str],
    title: str,
) -> str:
    """The dimensions round a circle: the province's polygon against the national median's.
    `names` labels the two polygons (province, median)."""
    with matplotlib.rc_context(STYLE):
        return _svg(_radar_figure(labels, values, medians, names, title), title)


def _radar_figure(labels, values, medians, names: tuple[str, str], title: str) -> Figure:
    figure = Figure(figsize=(6.4, 5.6))
    axes = figure.add_subplot(projection="polar")
    axes.set_theta_offset(math.pi / 2)  # dimension 1 at the top, then clockwise
    axes.set_theta_direction(-1)
    angles = [2 * math.pi * i / len(labels) for i in range(len(labels))]
    closed = [*angles, angles[0]]
    for series, name, colour, style in (
        (values, names[0], PROVINCE_COLOUR, "-"),
        (medians, names[1], MEDIAN_COLOUR, "--"),
    ):
        points = _nan([*series, series[0]])
        axes.plot(closed, points, style, color=colour, linewidth=2, label=name)
        if style == "-":
            axes.fill(closed, points, color=colour, alpha=0.12)
    axes.set_xticks(angles, [_wrap(label, 20) for label in labels])
    axes.set_ylim(0, 10)
    decimal_comma_ticks(axes, "y")
    axes.set_rlabel_position(180 / len(labels))  # between the first two spokes
    axes.tick_params(axis="x", pad=10)
    axes.set_title(title, pad=22)
    axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.08), ncols=2, frameon=False)
    return figure


@dataclass
class Line:
    label: str
    values: list[float | None]
    style: str = "-"
    colour: str | None = None


def trend_svg(years: Sequence[int], lines: Sequence[Line], *, title: str, ylabel: str) -> str:
    """Lines over the years; a missing year leaves a gap, never a drop to zero."""
    with matplotlib.rc_context(STYLE):
        return _svg(_trend_figure(years, lines, title, ylabel), title)


def _trend_figure(years, lines, title: str, ylabel: str) -> Figure:
    figure = Figure(figsize=(6.4, 3.8))
    axes = figure.add_subplot()
    for line in lines:
        axes.plot(
            years,
            _nan(line.values),
            line.style,
            marker="o",
            markersize=3.5,
            linewidth=2 if line.style == "-" else 1.4,
            color=line.colour,
            label=line.label,
        )
    axes.set_xticks(list(years), [str(y) for y in years])
    decimal_comma_ticks(axes, "y")
    axes.set_ylabel(ylabel)
    axes.set_title(title)
    axes.grid(axis="y", color="#d5dbe1", linewidth=0.6)
    columns = 2 if len(lines) > 3 else len(lines)
    axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncols=columns, frameon=False)
    return figure


@dataclass
class GapBar:
    label: str
    gap: float | None  # score − national median
    note: str  # what the plan aims at it, e.g. "3 tasks · 18%"
    flagged: bool


def _gap_figure(bars: Sequence[GapBar], title: str, xlabel: str) -> Figure:
    figure = Figure(figsize=(7.2, 0.45 * len(bars) + 1.4))
    axes = figure.add_subplot()
    positions = list(range(len(bars)))[::-1]
    gaps = [bar.gap or 0.0 for bar in bars]
    colours = [BEHIND_COLOUR if gap < 0 else AHEAD_COLOUR for gap in gaps]
    rects = axes.barh(positions, gaps, color=colours, height=0.6)
    for rect, bar in zip(rects, bars, strict=True):
        if bar.flagged:
            rect.set_hatch("///")
            rect.set_edgecolor("#1b1f24")
    labels = [("⚠ " if bar.flagged else "") + _wrap(bar.label, 34) for bar in bars]
    axes.set_yticks(positions, labels)
    axes.axvline(0, color=MEDIAN_COLOUR, linewidth=1)
    span = max([abs(g) for g in gaps] + [0.1])
    axes.set_xlim(-span * 1.15, span * 1.15)
    decimal_comma_ticks(axes, "x")
    # The numbers sit in a column right of the plot (x in axes units, y in data units), where
    # a long bar can never run over them.
    for position, bar in zip(positions, bars, strict=True):
        gap = "—" if bar.gap is None else comma(f"{bar.gap:+.2f}")
        axes.text(
            1.03,
            position,
            f"{gap}  ·  {bar.note}",
            transform=axes.get_yaxis_transform(),
            va="center",
            ha="left",
            fontsize=8,
        )
    axes.set_xlabel(xlabel)
    axes.set_title(title)
    return figure


def gap_svg(bars: Sequence[GapBar], *, title: str, xlabel: str) -> str:
    with matplotlib.rc_context(STYLE):
        return _svg(_gap_figure(bars, title, xlabel), title)


def gap_png(bars: Sequence[GapBar], *, title: str, xlabel: str) -> bytes:
    with matplotlib.rc_context(STYLE):
        return _png(_gap_figure(bars, title, xlabel))


@dataclass
class RangeBar:
    label: str
    low: float  # the sub-dimension's range in the chart's year (Dimension.range_in)
    high: float
    score: float | None
    median: float | None

    def share(self, value: float | None) -> float | None:
        """Where a score sits in the year's range, 0–100: PAPI 5.1's 2.5 is the top of 2020's
        0.25–2.5 but about 72% of 2021's 0.33–3.33."""
        if value is None:
            return None
        return 100 * (value - self.low) / (self.high - self.low)


def _range_figure(bars: Sequence[RangeBar], title: str, xlabel: str) -> Figure:
    figure = Figure(figsize=(7.2, 0.4 * len(bars) + 1.4))
    axes = figure.add_subplot()
    positions = list(range(len(bars)))[::-1]
    shares = [bar.share(bar.score) for bar in bars]
    axes.barh(positions, [s or 0.0 for s in shares], color=PROVINCE_COLOUR, height=0.55)
    medians = [bar.share(bar.median) for bar in bars]
    axes.plot(_nan(medians), positions, "|", color=MEDIAN_COLOUR, markersize=14, mew=2)
    labels = [
        f"{_wrap(bar.label, 34)} ({comma(f'{bar.low:g}')}–{comma(f'{bar.high:g}')})" for bar in bars
    ]
    axes.set_yticks(positions, labels)
    axes.set_xlim(0, 100)
    decimal_comma_ticks(axes, "x")
    axes.set_xlabel(xlabel)
    axes.set_title(title)
    return figure


def range_svg(bars: Sequence[RangeBar], *, title: str, xlabel: str) -> str:
    """Sub-dimensions as the share of their own range in the year: a bar for the province, a
    tick for the national median. Ranges change (5.1 from 2021), so raw scores are not drawn
    on one axis."""
    with matplotlib.rc_context(STYLE):
        return _svg(_range_figure(bars, title, xlabel), title)
