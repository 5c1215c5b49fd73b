"""Numbers on charts as in Vietnamese text: 0,52 not 0.52 (a decimal comma, TCVN and the
Decree 30/2020 documents alike). Plain Python and matplotlib: no Django here."""

from matplotlib.ticker import FuncFormatter


def comma(text: str) -> str:
    """A number already formatted with a decimal point, with a decimal comma instead."""
    return text.replace(".", ",")


def decimal_comma_ticks(axes, *axis_names: str) -> None:
    """The named axes ("x", "y") label their ticks with a decimal comma."""
    formatter = FuncFormatter(lambda value, _position: comma(f"{value:g}"))
    for name in axis_names:
        getattr(axes, f"{name}axis").set_major_formatter(formatter)
