"""Figures as people write them: '42%', 'forty-two per cent', 'a third', 'two in five', '£37k',
'8 points', '28-30%', 'twice'. Each comes back with where it was written and how precisely.

A figure in words ('a third', 'one in ten') is a rounded statement, so it carries a coarse
precision; '£37k' is to the thousand, '29.4%' to a tenth.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

AmountUnit = Literal["percent", "points", "pounds", "ratio"]

UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
UNITS |= {"eight": 8, "nine": 9}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70}
TENS |= {"eighty": 80, "ninety": 90}
COUNTS = {**UNITS, "a": 1, "an": 1, "ten": 10, "eleven": 11, "twelve": 12}
PARTS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fifth": 5,
    "fifths": 5,
    "sixth": 6,
    "sixths": 6,
    "eighth": 8,
    "eighths": 8,
    "tenth": 10,
    "tenths": 10,
}
OUT_OF = {**UNITS, "ten": 10, "twenty": 20, "hundred": 100}
WORD_COUNTS = {**UNITS, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20}
WORD_PRECISION = 5.0  # "a third", "one in ten": said to the nearest few points
RATIO_WORDS = {
    "twice": 2.0,
    "double": 2.0,
    "three times": 3.0,
    "treble": 3.0,
    "triple": 3.0,
    "four times": 4.0,
    "half as likely again": 1.5,
    "half as high again": 1.5,
    "half as big again": 1.5,
    "half again": 1.5,
    "half as many again": 1.5,
    "half as much again": 1.5,
    "one and a half times": 1.5,
    "half as likely": 0.5,
    "half as many": 0.5,
}

NOT_A_MULTIPLE = re.compile(r"\s*(?:check\w*|click\w*|up\b|back\b|glaz\w*|digits?\b|counting)")
DONE_AGAIN = re.compile(
    r"\b(?:sends?|sent|posts?|posted|asks?|asked|happens?|happened|rings?|rang|calls?|called|"
    r"clicks?|clicked|tried|try|checked|pinged|comes through|came through)\s+(?:this\s+|it\s+)?$"
)
_COUNT = "|".join(sorted(COUNTS, key=len, reverse=True))
_DIGITS = r"(\d+(?:\.\d+)?)"
_PER_CENT = r"\s*(?:%|per ?cent\b|percent\b|pc\b|pct\b)"
_FORMS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), kind)
    for p, kind in (  # most specific first: 'half as likely again' before 'half'
        (
            r"\b(" + "|".join(sorted(RATIO_WORDS, key=len, reverse=True)) + r")\b",
            "ratio_word",
        ),
        (r"\bhalf (?:a|of one|of 1) (?:per ?cent|percent|%)", "half_percent"),
        (r"\bhalf (?:a|of one) (?:percentage )?point\b", "half_point"),
        (
            rf"(?<![\w.£]){_DIGITS}(?:{_PER_CENT})?\s*(?:-|–|to)\s*{_DIGITS}{_PER_CENT}",
            "percent_range",
        ),
        (rf"(?<=between ){_DIGITS}(?:{_PER_CENT})?\s+and\s+{_DIGITS}{_PER_CENT}", "percent_range"),
        (rf"(?<![\w.£]){_DIGITS}\s*(?:percentage points?|points?|pts|ppts?|pp)\b", "points"),
        (rf"\b({'|'.join(WORD_COUNTS)})\s+(?:percentage )?points?\b", "word_points"),
        (rf"(?<![\w.£]){_DIGITS}{_PER_CENT}", "percent"),
        (r"£\s?(\d+(?:\.\d+)?)(?:\s*(k|m|bn|thousand|million))?\b", "pounds"),
        (rf"(?<![\w.£]){_DIGITS}\s*(k|thousand)?\s*pounds\b", "pounds"),
        (
            rf"\b({'|'.join(TENS)})(?:\s|-)?({'|'.join(UNITS)})?\s+(?:per ?cent|percent)\b",
            "word_percent",
        ),
        (
            rf"\b(\d+|{'|'.join(UNITS)}|ten)\s+(?:in|out of)\s+(\d+|{'|'.join(OUT_OF)})\b",
            "in_every",
        ),
        (rf"\b({_COUNT})\s+({'|'.join(PARTS)})\b", "fraction"),
        (r"\bhalf\b", "half"),
        (rf"(?<![\w.£]){_DIGITS}\s*(?:times\b|x(?![\w.]))", "times"),  # "1.8x the UK"
    )
)
YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
IDIOMS = re.compile(  # words that look like a figure and are not one
    r"\b(?:100|hundred) ?(?:%|per ?cent|percent) (?:sure|certain|confident|clear)\b"
    r"|\b(?:first|second|other|latter|back|front) half\b|\bhalf (?:an hour|a day|term|time)\b"
    r"|\b(?:half|quarter) (?:past|to)\b"
    r"|\b(?:slide|page|pp|table|chart|fig|para|paragraph|section|annex|item|agenda item|tab|row|"
    r"column|col|version|draft) ?\d+[a-z]?\b(?!\s*(?:%|per ?cent|percent|pc|points?))"  # 'slide 4'
)
_POUND_SCALE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "bn": 1e9}


@dataclass(frozen=True)
class Amount:
    """A figure as written: its value (and upper end for a range), precision and unit."""

    value: float
    precision: float = 1.0
    unit: AmountUnit = "percent"
    start: int = 0  # where it was written in the normalised text
    end: int = 0
    high: float | None = None  # '28-30%': a range from value to high
    in_words: bool = False  # 'a third', 'one in five': a rounded statement

    @property
    def written(self) -> str:
        return f"{self.value:g}" if self.high is None else f"{self.value:g}-{self.high:g}"


def precision_of(written: str) -> float:
    """'29.4' -> 0.1; '29' -> 1; '40000' -> 1000 (round thousands are read as approximate)."""
    if "." in written:
        return 10.0 ** -len(written.split(".")[1])
    zeros = len(written) - len(written.rstrip("0")) if len(written) >= 4 else 0
    return 10.0 ** min(zeros, 3)


def _count(word: str) -> float:
    return float(word) if word[0].isdigit() else float(COUNTS.get(word) or OUT_OF[word])


def _read(kind: str, m: re.Match[str]) -> Amount | None:
    at = {"start": m.start(), "end": m.end()}
    match kind:
        case "percent_range":
            low, high = sorted((float(m.group(1)), float(m.group(2))))
            return Amount(low, precision_of(m.group(2)), "percent", high=high, **at)
        case "points":
            return Amount(float(m.group(1)), precision_of(m.group(1)), "points", **at)
        case "percent":
            return Amount(float(m.group(1)), precision_of(m.group(1)), "percent", **at)
        case "word_points":
            return Amount(float(WORD_COUNTS[m.group(1)]), 1.0, "points", in_words=True, **at)
        case "pounds":
            scale = _POUND_SCALE.get(m.group(2) or "", 1.0)
            precision = scale if scale > 1 else precision_of(m.group(1))
            return Amount(float(m.group(1)) * scale, precision, "pounds", **at)
        case "word_percent":
            value = TENS[m.group(1)] + UNITS.get(m.group(2) or "", 0)
            return Amount(float(value), 1.0, "percent", **at)
        case "in_every":
            part, whole = _count(m.group(1)), _count(m.group(2))
            if not 0 < part <= whole:
                return None
            return Amount(100 * part / whole, WORD_PRECISION, "percent", in_words=True, **at)
        case "fraction":
            count, part = _count(m.group(1)), PARTS[m.group(2)]
            if count >= part:
                return None
            return Amount(100 * count / part, WORD_PRECISION, "percent", in_words=True, **at)
        case "half":
            return Amount(50.0, WORD_PRECISION, "percent", in_words=True, **at)
        case "half_percent":
            return Amount(0.5, 0.1, "percent", in_words=True, **at)
        case "half_point":
            return Amount(0.5, 0.1, "points", in_words=True, **at)
        case "ratio_word":
            if NOT_A_MULTIPLE.match(m.string, m.end()) or DONE_AGAIN.search(m.string[: m.start()]):
                return None  # 'double-check', 'apologies if this sends twice'
            return Amount(RATIO_WORDS[m.group(1)], 0.1, "ratio", in_words=True, **at)
        case _:  # "times"
            return Amount(float(m.group(1)), precision_of(m.group(1)), "ratio", **at)


def amounts(text: str) -> tuple[Amount, ...]:
    """Every figure in normalised text, in the order written, never two over the same words.
    Years ('2014', 'between 2008 and 2013') are periods, not figures."""
    taken = [m.span() for pattern in (YEAR, IDIOMS) for m in pattern.finditer(text)]
    found: list[Amount] = []
    for pattern, kind in _FORMS:
        for m in pattern.finditer(text):
            if any(m.start() < b and a < m.end() for a, b in taken):
                continue
            amount = _read(kind, m)
            if amount is not None:
                found.append(amount)
                taken.append(m.span())
    return _word_ranges(text, sorted(found, key=lambda a: a.start))


def _word_ranges(text: str, found: list[Amount]) -> tuple[Amount, ...]:
    """'between a quarter and a third': one range of shares in words, not two figures."""
    out: list[Amount] = []
    for amount in found:
        last = out[-1] if out else None
        if (
            last is not None
            and last.in_words
            and amount.in_words
            and last.unit == amount.unit == "percent"
            and last.high is None
            and text[: last.start].endswith("between ")
            and text[last.end : amount.start] == " and "
        ):
            low, high = sorted((last.value, amount.value))
            out[-1] = replace(last, value=low, high=high, end=amount.end)
            continue
        out.append(amount)
    return tuple(out)
