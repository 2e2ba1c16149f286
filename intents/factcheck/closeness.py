"""How close a claimed figure must be to the published one, and how a comparator is decided.

One rule, stated in replies and in the README:
- a plain figure is right if it equals the published one, and "close" (rounding) if either is
  the other rounded (29.4% for 29%, £37k for £37,232);
- a hedged figure ("about 30%") is close if within 5% of itself (at least 1 point for a share),
  or half its own precision: about 30% fits 29%, about 4% does not fit 0.6%;
- "almost / nearly / just under X" needs the figure below X by at most 10% of X; "just over"
  the same above;
- a share in words ("a third", "one in five") is a rounded statement: close within 3 points,
  5 when hedged ("roughly two thirds" fits 63%);
- a bound ("over", "at least", "fewer than") holds or fails; a strict bound on a figure equal to
  the published one cannot be checked, since the published figure is itself rounded.
Against a published band or, with no figure, the range of published LEP figures, a claim that
could lie either side is unverifiable.
"""

from __future__ import annotations

from dataclasses import dataclass

from intents.names import Verdict
from intents.reading.lexicon import years_in
from intents.reading.query import Claim

HEDGE_SHARE = 0.05
HEDGE_FLOOR_POINTS = 1.0
WORDS_POINTS = 3.0  # "a quarter" for 27%: a share in words is close this near
WORDS_HEDGED_POINTS = 5.0
APPROACH_SHARE = 0.10
RULE = (
    "How close counts: a figure equal to the published one is correct; within rounding, close; "
    "'about X' within a twentieth of X (at least a point for a share); a share in words within "
    "3 points (5 hedged); 'almost X' below X by at most a tenth of X (close if only rounding "
    "brings it there); a ratio as a figure to three significant figures; bounds hold or fail."
)


@dataclass(frozen=True)
class Published:
    """What a claim is judged against: a point (exact, with its precision) or an interval."""

    low: float
    high: float
    precision: float = 1.0  # of an exact figure; a band or range is its own precision
    exact: bool = True

    @property
    def point(self) -> float:
        return self.low


def same_period(claimed: str, published: str) -> bool:
    """A year the published period covers, or the same span of years: growth over 2008-2013 is
    not growth over 2003-2013, though the years overlap, nor growth in 2013. A year counts as
    within a period of a year or so ('2014/15', 'Jul 2013-Jun 2014'), not within a longer span."""
    said, held = years_in(claimed), years_in(published)
    if len(said) > 1:
        return said == held
    return set(said) <= set(held) and len(held) <= 2


def precision_of(value: float) -> float:
    """How precisely a published figure is given: 29 -> 1, 0.8 -> 0.1."""
    text = f"{value:g}"
    return 10.0 ** -len(text.split(".")[1]) if "." in text else 1.0


def hedge_width(claim: Claim) -> float:
    """'About 30%': 5% of the figure; a ratio in words ('half as likely again') is rougher."""
    if _share_in_words(claim):
        return WORDS_HEDGED_POINTS
    points = claim.unit in ("percent", "points") and claim.kind != "ratio"  # '61% of' is a ratio
    floor = HEDGE_FLOOR_POINTS if points else 0.0
    rough = claim.in_words and (claim.unit == "ratio" or claim.kind == "ratio")  # 'two thirds of'
    share = APPROACH_SHARE if rough else HEDGE_SHARE
    return max(claim.precision / 2, share * abs(claim.value or 0), floor)


def _share_in_words(claim: Claim) -> bool:
    return claim.in_words and claim.unit == "percent" and claim.kind != "ratio"


def approach_width(claim: Claim) -> float:
    return max(claim.precision / 2, APPROACH_SHARE * abs(claim.value or 0))


def _near(a: float, b: float, width: float) -> bool:
    return abs(a - b) <= width + 1e-9


def _point(claim: Claim, published: Published) -> Verdict:
    c, p = claim.value, published.point
    if claim.high is not None:  # '28-30%' said of an exact figure
        return "correct" if c - 1e-9 <= p <= claim.high + 1e-9 else "incorrect"
    match claim.comparator:
        case "=":
            if _near(c, p, 0):
                return "correct"
            width = max(published.precision, claim.precision) / 2
            if _share_in_words(claim):
                width = WORDS_POINTS
            return "rounding" if _near(c, p, width) else "incorrect"
        case "~":
            if _near(c, p, 0):
                return "correct"
            return "rounding" if _near(c, p, hedge_width(claim)) else "incorrect"
        case ">":
            return "unverifiable" if _near(c, p, 0) else "correct" if p > c else "incorrect"
        case "<":
            return "unverifiable" if _near(c, p, 0) else "correct" if p < c else "incorrect"
        case ">=":
            return "correct" if p >= c - 1e-9 else "incorrect"
        case "<=":
            return "correct" if p <= c + 1e-9 else "incorrect"
        case "just_below":
            return _approach(claim, p, p < c)
        case _:  # just_above
            return _approach(claim, p, p > c)


def _approach(claim: Claim, p: float, on_its_side: bool) -> Verdict:
    """'almost X': within a tenth of X is correct; nearer only by rounding ('almost 1%' for
    0.8%) is close."""
    if not on_its_side:
        return "incorrect"
    if _near(claim.value, p, APPROACH_SHARE * abs(claim.value)):
        return "correct"
    return "rounding" if _near(claim.value, p, approach_width(claim)) else "incorrect"


def _interval(claim: Claim, published: Published) -> Verdict:
    """Against a band or a range: decided only when every value in it agrees."""
    lo, hi, c = published.low, published.high, claim.value
    if claim.high is not None and claim.comparator in ("=", "~"):
        if _near(claim.value, lo, 0) and _near(claim.high, hi, 0):
            return "correct"
        inside = claim.value <= lo + 1e-9 and hi <= claim.high + 1e-9
        if inside and claim.relation != "band":  # 'between 25% and 33%' holds of all of 28-30%
            return "correct"
        overlaps = claim.value <= hi and lo <= claim.high
        return "unverifiable" if overlaps else "incorrect"
    match claim.comparator:
        case "=" | "~":
            width = hedge_width(claim) if claim.comparator == "~" else claim.precision / 2
            return "unverifiable" if c + width >= lo and c - width <= hi else "incorrect"
        case ">" | ">=":
            return (
                "correct"
                if lo > c or (claim.comparator == ">=" and lo >= c)
                else (
                    "incorrect"
                    if hi < c or (claim.comparator == ">" and hi <= c)
                    else "unverifiable"
                )
            )
        case "<" | "<=":
            return (
                "correct"
                if hi < c or (claim.comparator == "<=" and hi <= c)
                else (
                    "incorrect"
                    if lo > c or (claim.comparator == "<" and lo >= c)
                    else "unverifiable"
                )
            )
        case "just_below":
            start = c - approach_width(claim)
            if start <= lo and hi < c:
                return "correct"
            return "incorrect" if hi < start or lo >= c else "unverifiable"
        case _:
            end = c + approach_width(claim)
            if c < lo and hi <= end:
                return "correct"
            return "incorrect" if lo > end or hi <= c else "unverifiable"


NEGATED: dict[Verdict, Verdict] = {
    "correct": "incorrect",
    "incorrect": "correct",
    "rounding": "unverifiable",
    "unverifiable": "unverifiable",
    "disputed": "disputed",
}


def decide(claim: Claim, published: Published) -> Verdict:
    """The verdict on a claimed figure (with its comparator and any negation)."""
    verdict = _point(claim, published) if published.exact else _interval(claim, published)
    return NEGATED[verdict] if claim.negated else verdict
