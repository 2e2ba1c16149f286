"""Numbers and small phrases said the same way in every reply."""

from __future__ import annotations

from intents.dataset.model import Dataset, Indicator

RELATION_WORDS = {
    "highest": "the highest of the 39 LEPs",
    "lowest": "the lowest of the 39 LEPs",
    "high": "high relative to other LEPs",
    "low": "low relative to other LEPs",
}


def number(value: float) -> str:
    """29.0 -> '29', 29.46 -> '29.5', 37232 -> '37,232'."""
    if abs(value - round(value)) < 1e-9:
        return f"{round(value):,}"
    return f"{value:,.1f}" if abs(value) >= 10 else f"{value:,.2f}".rstrip("0")


def amount(value: float, ind: Indicator) -> str:
    match ind.format:
        case "percent":
            return f"{number(value)}%"
        case "pounds":
            return f"£{number(value)}"
        case "points":
            return f"{'+' if value > 0 else '−' if value < 0 else ''}{number(abs(value))} points"
        case "percent_per_year":
            return f"{number(value)}% a year"
        case _:
            return number(value)


def span(low: float, high: float, ind: Indicator) -> str:
    if ind.format == "percent":
        return f"{number(low)}–{number(high)}%"
    return f"{amount(low, ind)}–{amount(high, ind)}"


def gap(value: float, benchmark: float, ind: Indicator, against: str = "England") -> str:
    """'9 points below England' for shares; '£4,000 above the UK' for money."""
    diff = value - benchmark
    if abs(diff) < 1e-9:
        return f"level with {against}"
    side = "above" if diff > 0 else "below"
    return f"{difference(abs(diff), ind)} {side} {against}"


def difference(size: float, ind: Indicator) -> str:
    """A gap between two figures in the measure's unit: shares differ in percentage points."""
    if ind.format == "pounds":
        return f"£{number(size)}"
    if ind.format in ("percent", "percent_per_year", "points"):
        return f"{number(size)} points"
    return number(size)


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def listing(items: list[str] | tuple[str, ...], conj: str = "and") -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conj} {items[-1]}"


def cite(dataset: Dataset, source_ids) -> str:
    """'(UKCES, Employer Perspectives Survey 2014 ...)' for the end of a sentence."""
    ids = list(dict.fromkeys(s for s in source_ids if s))
    return "; ".join(dataset.source(s).cite for s in ids)
