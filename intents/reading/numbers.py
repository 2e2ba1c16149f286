"""Numbers a question uses: claimed figures ('42%', 'a third', '£37k'), thresholds ('above 40%',
'no more than 13%'), a top-N and the order words ('highest', 'worst')."""

from __future__ import annotations

import re
from dataclasses import replace

from intents.reading.query import Claim, Threshold

TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}


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
FRACTIONS = {
    "half": 50.0,
    "a half": 50.0,
    "a third": 100 / 3,
    "one third": 100 / 3,
    "two thirds": 200 / 3,
    "a quarter": 25.0,
    "one quarter": 25.0,
    "three quarters": 75.0,
    "a fifth": 20.0,
    "one fifth": 20.0,
    "two fifths": 40.0,
}


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


ALL_ORDER_WORDS = frozenset(w for words in ORDER_WORDS.values() for w in words)
PERCENT = re.compile(r"(?<![\w.])(\d{1,3}(?:\.\d+)?)\s*(?:%|per ?cent\b|percent\b|pc\b|pct\b)")
_POUNDS = re.compile(r"£\s?(\d+(?:\.\d+)?)(k\b)?")
_WORD_PERCENT = re.compile(
    r"\b(" + "|".join(TENS) + r")(?:\s|-)?(" + "|".join(UNITS) + r")?\s+(?:per ?cent|percent)\b"
)


_FRACTION = re.compile(r"\b(" + "|".join(sorted(FRACTIONS, key=len, reverse=True)) + r")\b")
YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
_TOP_N = re.compile(
    r"\b(?:top|bottom|best|worst|highest|lowest|first|last|leading)\s+(\d{1,2}|"
    + "|".join(NUMBER_WORDS)
    + r")\b|\b(\d{1,2}|"
    + "|".join(NUMBER_WORDS)
    + r")\s+(?:best|worst|highest|lowest|top|bottom|leps?|areas|places)\b"
)


_ABOVE_WORDS = r"above|over|more than|higher than|greater than|at least|exceeding|exceeds|beyond|beat|beats|beating|bigger than|better than"
_BELOW_WORDS = (
    r"below|under|less than|lower than|fewer than|at most|beneath|smaller than|worse than"
)


_ABOVE = rf"(?:{_ABOVE_WORDS})"
_BELOW = rf"(?:{_BELOW_WORDS})"
_BENCH = r"(?:the\s+)?(?:england|english|national|nation|country|uk)\s*(?:average|figure|benchmark|rate|level|mean|share)?|(?:the\s+)?(?:average|benchmark|mean)"
_NUM = r"£?(\d+(?:\.\d+)?)(k\b)?\s*(?:%|per ?cent|percent)?(?![\d.])(?!\s*(?:leps|areas|places))"
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
        (rf"\b(?:{_ABOVE_WORDS}|exceed)\s+{_NUM}", "above", False),
        (rf"\b(?:{_BELOW_WORDS})\s+{_NUM}", "below", False),
    )
)


_BETWEEN = re.compile(rf"\bbetween {_NUM_AFTER} and {_NUM_AFTER}")
_THRESHOLD_BENCH = re.compile(rf"\b({_ABOVE}|{_BELOW})\s+(?:{_BENCH})\b")
_IDIOMS = re.compile(
    r"\b(?:100|hundred) ?(?:%|per ?cent|percent) (?:sure|certain|confident|clear)\b"
)


def first_number(text: str) -> int | None:
    found = _TOP_N.search(text)
    if not found:
        return None
    word = found.group(1) or found.group(2)
    return int(word) if word.isdigit() else NUMBER_WORDS[word]


def order(tokens: list[str]) -> str:
    for order, words in ORDER_WORDS.items():
        if any(w in tokens for w in words):
            return order
    return ""


def threshold(text: str) -> Threshold | None:
    def number(digits: str, thousands: str | None) -> float:
        return float(digits) * (1000 if thousands else 1)

    text = YEAR.sub(" ", text)  # "between 2008 and 2013" is a period, not a threshold
    found = _BETWEEN.search(text)
    if found:
        low, high = sorted(
            (number(found.group(1), found.group(2)), number(found.group(3), found.group(4)))
        )
        return Threshold("between", low, inclusive=True, high=high)
    for pattern, op, inclusive in _THRESHOLD_FORMS:
        found = pattern.search(text)
        if found:
            return Threshold(op, number(found.group(1), found.group(2)), inclusive=inclusive)
    found = _THRESHOLD_BENCH.search(text)
    if found:
        return Threshold("below" if re.fullmatch(_BELOW, found.group(1)) else "above", None)
    return None


def _precision(written: str) -> float:
    """'29.4' -> 0.1; '29' -> 1; '40000' -> 1000 (round thousands are read as approximate)."""
    if "." in written:
        return 10.0 ** -len(written.split(".")[1])
    zeros = len(written) - len(written.rstrip("0")) if len(written) >= 4 else 0
    return 10.0 ** min(zeros, 3)


_HEDGE = re.compile(
    r"\b(?:nearly|almost|about|around|roughly|approximately|approx|circa|some|getting on for|close to)\s+$"
)


def _hedged(claim: Claim, before: str) -> Claim:
    """A figure said loosely ("nearly half") is checked loosely."""
    if claim.unit == "percent" and _HEDGE.search(before):
        return replace(claim, hedged=True)
    return claim


def claims(text: str) -> tuple[Claim, ...]:
    """Figures the question asserts: '42%', 'forty-two per cent', 'a third', '£37,232', '£37k'."""
    text = _IDIOMS.sub(" ", YEAR.sub(" ", text))
    found = [
        (m.start(), Claim(float(m.group(1)), _precision(m.group(1)), "percent"))
        for m in PERCENT.finditer(text)
    ]
    for m in _POUNDS.finditer(text):
        value, precision = (
            (float(m.group(1)) * 1000, 1000.0)
            if m.group(2)
            else (float(m.group(1)), _precision(m.group(1)))
        )
        found.append((m.start(), Claim(value, precision, "pounds")))
    found += [
        (m.start(), Claim(float(TENS[m.group(1)] + UNITS.get(m.group(2) or "", 0)), unit="percent"))
        for m in _WORD_PERCENT.finditer(text)
    ]
    found += [
        (m.start(), Claim(FRACTIONS[m.group(1)], unit="percent")) for m in _FRACTION.finditer(text)
    ]
    return tuple(_hedged(c, text[:at]) for at, c in sorted(found, key=lambda pair: pair[0]))
