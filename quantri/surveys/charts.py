"""Charts drawn on the server with matplotlib (SVG for pages), Vietnamese labels included:
DejaVu Sans carries every Vietnamese glyph."""

import io
import textwrap

import matplotlib

matplotlib.use("Agg")

from matplotlib.figure import Figure  # noqa: E402

from quantri.core.decimal_comma import comma  # noqa: E402

BAR = "#2e7d4f"
OVERALL_BAR = "#0b4f8a"


def satisfaction_chart(labels, shares, lows, highs, *, axis_label: str, overall: int = -1) -> str:
    """Horizontal bars of % satisfied with 95% error bars, one per element, as SVG text.
    `overall` is the index of the overall bar (drawn in another colour); None shares are
    elements nobody answered."""
    buffer = io.StringIO()
    _figure(labels, shares, lows, highs, axis_label, overall).savefig(buffer, format="svg")
    return _without_prolog(buffer.getvalue())


def satisfaction_chart_png(labels, shares, lows, highs, *, axis_label: str, overall: int = -1):
    """The same chart as PNG bytes, for documents."""
    buffer = io.BytesIO()
    _figure(labels, shares, lows, highs, axis_label, overall).savefig(buffer, format="png", dpi=150)
    return buffer.getvalue()


def _figure(labels, shares, lows, highs, axis_label: str, overall: int) -> Figure:
    count = len(labels)
    figure = Figure(figsize=(7.5, 0.55 * count + 1.2))
    figure.set_layout_engine("tight")
    axes = figure.add_subplot()
    rows = list(range(count))[::-1]  # first element on top
    values = [s if s is not None else 0 for s in shares]
    errors = [
        [max(v - (lo if lo is not None else v), 0) for v, lo in zip(values, lows, strict=True)],
        [max((hi if hi is not None else v) - v, 0) for v, hi in zip(values, highs, strict=True)],
    ]
    colours = [OVERALL_BAR if k == overall % max(count, 1) else BAR for k in range(count)]
    axes.barh(rows, values, xerr=errors, color=colours, ecolor="#1b1f24", capsize=4, height=0.6)
    for row, value, upper, share in zip(rows, values, errors[1], shares, strict=True):
        text = "—" if share is None else comma(f"{share:.1f}%")
        axes.text(value + upper + 1.5, row, text, fontsize=9, va="center", color="#1b1f24")
    axes.set_yticks(rows, ["\n".join(textwrap.wrap(label, 34)) for label in labels], fontsize=9)
    axes.set_xlim(0, 115)  # room for the figure beside a full bar
    axes.set_xticks([0, 20, 40, 60, 80, 100])
    axes.set_xlabel(axis_label, fontsize=9)
    axes.spines[["top", "right"]].set_visible(False)
    axes.grid(axis="x", color="#d5dbe1", linewidth=0.6)
    axes.set_axisbelow(True)
    return figure


def _without_prolog(svg: str) -> str:
    """Inline SVG: drop the XML declaration and DOCTYPE matplotlib writes before <svg>."""
    return svg[svg.index("<svg") :]
