"""How a figure is written in its unit: one home for every reply and every chart label.

A measure's `format` (data/indicators.yaml) says what its numbers are; `amount` writes one in a
sentence ("29%", "£37,232", "−4 points", "0.8% a year"), `compact` writes it on a chart, where the
axis already says "points" or "a year".
"""

from __future__ import annotations

from typing import Literal, get_args

Format = Literal["percent", "pounds", "points", "percent_per_year", "number"]
FORMATS: tuple[Format, ...] = get_args(Format)
GAPS_IN_POINTS: frozenset[Format] = frozenset({"percent", "percent_per_year", "points"})


def number(value: float) -> str:
    """29.0 -> '29', 29.46 -> '29.5', 37232 -> '37,232'."""
    if abs(value - round(value)) < 1e-9:
        return f"{round(value):,}"
    return f"{value:,.1f}" if abs(value) >= 10 else f"{value:,.2f}".rstrip("0")


def _signed(value: float) -> str:
    return f"{'+' if value > 0 else '−' if value < 0 else ''}{number(abs(value))}"


def amount(value: float, fmt: Format) -> str:
    """A figure as a sentence says it."""
    match fmt:
        case "percent":
            return f"{number(value)}%"
        case "pounds":
            return f"£{number(value)}"
        case "points":
            return f"{_signed(value)} points"
        case "percent_per_year":
            return f"{number(value)}% a year"
        case _:
            return number(value)


def compact(value: float, fmt: Format) -> str:
    """A figure as a chart label says it: the unit's words are on the axis."""
    match fmt:
        case "percent" | "percent_per_year":
            return f"{number(value)}%"
        case "pounds":
            return f"£{number(value)}"
        case "points":
            return _signed(value)
        case _:
            return number(value)


def span(low: float, high: float, fmt: Format, *, on_chart: bool = False) -> str:
    """'28–30%' for shares; '£20,000–£25,000' otherwise."""
    if fmt == "percent":
        return f"{number(low)}–{number(high)}%"
    write = compact if on_chart else amount
    return f"{write(low, fmt)}–{write(high, fmt)}"


def difference(size: float, fmt: Format) -> str:
    """A gap between two figures in the measure's unit: shares differ in percentage points."""
    if fmt == "pounds":
        return f"£{number(size)}"
    if fmt in GAPS_IN_POINTS:
        return f"{number(size)} points"
    return number(size)


def gap(value: float, benchmark: float, fmt: Format, against: str = "England") -> str:
    """'9 points below England' for shares; '£4,000 above the UK' for money."""
    diff = value - benchmark
    if abs(diff) < 1e-9:
        return f"level with {against}"
    return f"{difference(abs(diff), fmt)} {'above' if diff > 0 else 'below'} {against}"


def tick(value: float, fmt: Format) -> str:
    """An axis tick: no thousands noise for shares, whole pounds for money."""
    if fmt in ("percent", "percent_per_year"):
        return f"{value:g}%"
    if fmt == "pounds":
        return f"£{value:,.0f}"
    return f"{value:,g}"
