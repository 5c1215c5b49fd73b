"""The chart of progress by dimension: PNG for the DOCX, SVG for the page. Drawn with
matplotlib's Agg backend in DejaVu Sans, which matplotlib ships and which has every
Vietnamese letter, so the server needs no font installed."""

import io
import textwrap

import matplotlib

matplotlib.use("Agg")

from matplotlib import rc_context  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from quantri.reports.consolidation.data import DimensionFigures  # noqa: E402

BAR = "#2e7d4f"
INK = "#1b1f24"
LABEL_WIDTH = 42  # characters before a dimension's name wraps


def progress_chart(dimensions: list[DimensionFigures], *, fmt: str = "png", title: str = ""):
    """Horizontal bars, one per dimension in the report's order, each with its %.
    Returns bytes (png) or text (svg)."""
    rows = list(reversed(dimensions))  # barh draws bottom-up; the first row goes on top
    labels = [_label(d) for d in rows]
    lines = sum(label.count("\n") + 1 for label in labels)
    # Height grows with the label lines: nine dimensions fit in a third of an A4 page.
    figure = Figure(figsize=(7, max(1.5, 0.6 + 0.2 * lines + 0.1 * len(rows))), dpi=150)
    with rc_context({"font.family": "DejaVu Sans", "font.size": 8, "svg.fonttype": "none"}):
        axes = figure.add_subplot()
        values = [d.progress for d in rows]
        bars = axes.barh(range(len(rows)), values, color=BAR, height=0.65)
        axes.set_yticks(range(len(rows)), labels, color=INK)
        axes.set_xlim(0, 100)
        axes.set_xlabel("Tiến độ (%)", color=INK)
        axes.bar_label(bars, labels=[f"{v}%" for v in values], padding=3, color=INK)
        axes.spines[["top", "right"]].set_visible(False)
        axes.grid(axis="x", color="#d5dbe1", linewidth=0.6)
        axes.set_axisbelow(True)
        if title:
            axes.set_title(title, color=INK, fontsize=10)
        figure.tight_layout()
        out = io.BytesIO()
        figure.savefig(out, format=fmt, metadata=_metadata(fmt))
    return out.getvalue() if fmt == "png" else out.getvalue().decode()


def _label(dimension: DimensionFigures) -> str:
    name = f"{dimension.code}. {dimension.name}" if dimension.code else dimension.name
    return textwrap.fill(name, LABEL_WIDTH)


def _metadata(fmt: str) -> dict:
    # No creation date: the same data gives the same file.
    return {"Date": None} if fmt == "svg" else {}
