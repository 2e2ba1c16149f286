"""Small phrases said the same way in every reply: lists, ordinals, citations, relations.

Figures in their units are written by intents/dataset/units.py.
"""

from __future__ import annotations

from intents.dataset.model import Dataset

RELATION_WORDS = {
    "highest": "the highest of the 39 LEPs",
    "lowest": "the lowest of the 39 LEPs",
    "high": "high relative to other LEPs",
    "low": "low relative to other LEPs",
}


ORDINAL_WORDS = {2: "second", 3: "third", 4: "fourth", 5: "fifth"}


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


def other_year(year: str) -> str:
    """Said before figures when the question asked for a year the data does not have."""
    return (
        f"There are no {year} figures here: the survey data is one year, 2014 (and its economic "
        "context the years given). What is published:"
    )
