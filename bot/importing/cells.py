"""One cell of figures as text -> a number, a missing-value mark, or not a number (pure).

Kept apart from the table readers because every layout (a table, stacked NOMIS blocks, a long API
file) reads its figures the same way, and the formula check must be the same everywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# What tables print for a figure that is missing or suppressed (UKCES, ONS, NOMIS, CEC habits;
# NOMIS marks with !, *, ~ and -).
MISSING_MARKERS = frozenset(
    {"", "*", "**", "***", "-", "–", "—", "--", "..", "...", "…", "n/a", "na", "n.a.", "n.a",
     "x", "[x]", "c", "[c]", "z", "[z]", ":", "#", "~", "!", "[low]", "low base", "suppressed",
     "not available", "no data", "nd", "#n/a", "#value!", "#div/0!"}
)  # fmt: skip
NUMBER = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$")
_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Cell:
    text: str  # as in the file
    where: str  # "file, sheet 'X', row 5, column B"
    value: float | None = None  # None: missing or suppressed
    percent_sign: bool = False  # written "29%"
    flagged: bool = False  # written "29*" (a footnote flag, usually a low base)

    @property
    def missing(self) -> bool:
        return self.value is None


def parse_cell(text: str) -> tuple[float | None, bool, bool] | None:
    """'29%' -> (29.0, True, False); '*' -> (None, False, False); 'abc' -> None (not a number)."""
    raw = text.strip().replace("\u00a0", " ").replace("\u2009", " ")
    if raw.lower() in MISSING_MARKERS:
        return None, False, False
    flagged = raw.endswith("*") and raw.rstrip("*").strip() != ""
    raw = raw.rstrip("*").strip()
    percent = raw.endswith("%")
    raw = raw.removesuffix("%").strip()
    raw = raw.lstrip("£$€").replace(" ", "")
    if raw.startswith(("-£", "+£")):
        raw = raw[0] + raw[2:]
    if _THOUSANDS.match(raw):
        raw = raw.replace(",", "")
    if not NUMBER.match(raw):
        return None
    return float(raw), percent, flagged


def read_cell(text: str, where: str) -> Cell:
    """A Cell for text known to be a figure or a mark (words read as missing: callers check first)."""
    parsed = parse_cell(text)
    value, percent, flagged = parsed if parsed is not None else (None, False, False)
    return Cell(text.strip(), where, value, percent, flagged)


def is_figure(text: str) -> bool:
    stripped = text.strip()
    return bool(stripped) and parse_cell(stripped) is not None


def looks_like_formula(text: str) -> bool:
    """A text cell a spreadsheet would run as a formula (=, +, -, @ first), not a plain number."""
    if not text or (text[0] not in _FORMULA_START and not text.lstrip(" ").startswith("=")):
        return False
    if text.strip().lower() in MISSING_MARKERS:
        return False
    return parse_cell(text) is None
