"""Numbers that shape a ranking: thresholds ('above 40%', 'no more than 13%', 'more than a
third'), a top-N and the order words ('highest', 'worst'). Figures themselves are read by
amounts.py."""

from __future__ import annotations

import re

from intents.reading.amounts import YEAR, Amount
from intents.reading.claim_words import COMPARATORS, phrase_before
from intents.reading.query import Threshold

UNITS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}


NUMBER_WORDS = {**UNITS, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20}


ORDER_WORDS = {
    "highest": (
        "top",
        "highest",
        "most",
        "largest",
        "biggest",
        "greatest",
        "leading",
        "max",
        "maximum",
        "peak",
        "strongest",
        "richest",
        "wealthiest",
        "fastest",
    ),
    "lowest": (
        "bottom",
        "lowest",
        "least",
        "fewest",
        "smallest",
        "min",
        "minimum",
        "weakest",
        "poorest",
        "slowest",
    ),
    "best": ("best", "leaders", "performers"),
    "worst": ("worst", "laggards", "blackspot", "blackspots", "behind", "lagging"),
}


ORDER_PHRASES = {  # league-table talk: 'who props up the table', 'leads the pack'
    "highest": ("top of the table", "top of the league", "leads the pack", "lead the pack",
                "leading the pack", "head of the table", "top of the pile"),
    "lowest": ("props up", "prop up", "propping up", "foot of the table", "bottom of the table",
               "bottom of the league", "bottom of the pile", "tail end"),
}  # fmt: skip


ALL_ORDER_WORDS = frozenset(w for words in ORDER_WORDS.values() for w in words)
PERCENT = re.compile(r"(?<![\w.])(\d{1,3}(?:\.\d+)?)\s*(?:%|per ?cent\b|percent\b|pc\b|pct\b)")


_TOP_N = re.compile(
    r"\b(?:top|bottom|best|worst|highest|lowest|first|last|leading)\s+(\d{1,2}|"
    + "|".join(NUMBER_WORDS)
    + r")\b|\b(\d{1,2}|"
    + "|".join(NUMBER_WORDS)
    + r")\s+(?:best|worst|highest|lowest|top|bottom|leps?|areas|places)\b"
)


_ABOVE_WORDS = r"above|over|more than|higher than|greater than|at least|exceeding|exceeds|beyond|beat|beats|beating|bigger than|better than|upwards of|in excess of"
_BELOW_WORDS = (
    r"below|under|less than|lower than|fewer than|at most|beneath|smaller than|worse than|short of"
)


_ABOVE = rf"(?:{_ABOVE_WORDS})"
_BELOW = rf"(?:{_BELOW_WORDS})"
_BENCH = r"(?:the\s+)?(?:england|english|national|nation|country|uk)\s*(?:average|figure|benchmark|rate|level|mean|share)?|(?:the\s+)?(?:average|benchmark|mean)"
_NUM = (  # never the 1 of '1 in 8', a share said as a ratio (_in_words)
    r"£?(\d+(?:\.\d+)?)(k\b)?\s*(?:%|per ?cent|percent)?(?![\d.])"
    r"(?!\s*(?:leps|areas|places|in \d|out of \d))"
)
_NUM_AFTER = r"£?(\d+(?:\.\d+)?)(k\b)?\s*(?:%|per ?cent|percent)?"


# (pattern with the number in groups 1-2, side, inclusive), most specific first: "no more than
# 13%" is at or below 13%, not above it.
_THRESHOLD_FORMS = tuple(
    (re.compile(p), op, inclusive)
    for p, op, inclusive in (
        (rf"\b(?:no|not) (?:more|higher|greater|bigger) than {_NUM}", "below", True),
        (rf"\bnot (?:above|over|exceeding) {_NUM}", "below", True),
        (rf"\b(?:no|not) (?:less|lower|fewer|smaller) than {_NUM}", "above", True),
        (rf"\bnot (?:below|under) {_NUM}", "above", True),
        (rf"\b(?:at least|a minimum of) {_NUM}", "above", True),
        (rf"\b(?:at most|up to|a maximum of) {_NUM}", "below", True),
        (rf"\b{_NUM_AFTER} or (?:more|higher|above|over|greater|plus)\b", "above", True),
        (rf"\b{_NUM_AFTER} or (?:less|lower|below|under|fewer)\b", "below", True),
        (
            rf"\b(?:{_ABOVE_WORDS}|exceed|north of|clears?|clearing|break|breaks|surpass\w*|cracks?)\s+{_NUM}",
            "above",
            False,
        ),  # never 'north of England'
        (rf"\bsouth of\s+{_NUM}", "below", False),
        (rf"\b(?:{_BELOW_WORDS})\s+{_NUM}", "below", False),
    )
)


_BETWEEN = re.compile(rf"\bbetween {_NUM_AFTER} and {_NUM_AFTER}")
_SPLIT_ABOVE = r"higher|more|greater|bigger|better"  # 'higher work inspiration than England'
_SPLIT_BELOW = r"lower|less|fewer|smaller|worse"
_THRESHOLD_BENCH = re.compile(
    rf"\b({_ABOVE}|{_BELOW})\s+(?:{_BENCH})\b"
    # 'lower work inspiration than the national average': the measure between the two words
    rf"|\b({_SPLIT_ABOVE}|{_SPLIT_BELOW})\s+(?:[\w-]+\s+){{1,4}}?than\s+(?:{_BENCH})\b"
)


def first_number(text: str) -> int | None:
    found = _TOP_N.search(text)
    if not found:
        return None
    word = found.group(1) or found.group(2)
    return int(word) if word.isdigit() else NUMBER_WORDS[word]


def order(tokens: list[str]) -> str:
    said = f" {' '.join(tokens)} "
    for order, phrases in ORDER_PHRASES.items():
        if any(f" {p} " in said for p in phrases):
            return order
    for order, words in ORDER_WORDS.items():
        if any(w in tokens for w in words):
            return order
    return ""


WORD_BOUNDS = {">": ("above", False), ">=": ("above", True), "<": ("below", False)}
WORD_BOUNDS |= {
    "<=": ("below", True),
    "just_below": ("below", True),
    "just_above": ("above", False),
}


def _in_words(text: str, found: tuple[Amount, ...]) -> Threshold | None:
    """'more than a third', 'fewer than one in five': a bound on a figure said in words."""
    for amount in found:
        if not amount.in_words or amount.unit != "percent":
            continue
        for op, phrases in COMPARATORS.items():
            if op in WORD_BOUNDS and phrase_before(text, amount.start, phrases):
                side, inclusive = WORD_BOUNDS[op]
                return Threshold(side, round(amount.value, 1), inclusive=inclusive)  # type: ignore[arg-type]
    return None


def threshold(text: str, found: tuple[Amount, ...] = ()) -> Threshold | None:
    def number(digits: str, thousands: str | None) -> float:
        return float(digits) * (1000 if thousands else 1)

    text = YEAR.sub(" ", text)  # "between 2008 and 2013" is a period, not a threshold
    between = _BETWEEN.search(text)
    if between:
        low, high = sorted(
            (number(between.group(1), between.group(2)), number(between.group(3), between.group(4)))
        )
        return Threshold("between", low, inclusive=True, high=high)
    for pattern, op, inclusive in _THRESHOLD_FORMS:
        hit = pattern.search(text)
        if hit:
            return Threshold(op, number(hit.group(1), hit.group(2)), inclusive=inclusive)
    bench = _THRESHOLD_BENCH.search(text)
    if bench:
        said = bench.group(1) or bench.group(2)
        below = re.fullmatch(_BELOW, said) or re.fullmatch(_SPLIT_BELOW, said)
        return Threshold("below" if below else "above", None)
    return _in_words(text, found)
