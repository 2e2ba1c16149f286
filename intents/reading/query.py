"""How a question was read: the value that passes from understanding to a handler."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal

from intents.names import IntentName
from intents.reading.amounts import Amount

ThresholdOp = Literal["above", "below", "between"]
Comparator = Literal["=", "~", ">", ">=", "<", "<=", "just_below", "just_above"]
ClaimKind = Literal[
    "figure",  # a share, amount or change: '38%', 'over a third', 'about £37k'
    "difference",  # '8 points above England'
    "ratio",  # 'half as likely again as Humber', '61% of the UK average'
    "extreme",  # 'the second lowest', 'the best'
    "top_n",  # 'in the top 5'
    "range",  # 'LEP figures run from 29% to 46%'
    "relation",  # 'a low placement rate'
    "comparison",  # 'higher than Humber', 'above the national average'
    "spread",  # 'the gap between the best and worst LEPs is 17 points'
    "trend",  # 'that is down from 2012': a change from a year the data does not hold
    "link",  # 'the higher youth unemployment, the lower work inspiration': how two measures relate
]


@dataclass(frozen=True)
class Threshold:
    """'above 40%' or 'below the England figure' (value None means the benchmark)."""

    op: ThresholdOp
    value: float | None = None  # the bound (the lower one for "between")
    inclusive: bool = False  # "at least 46%" keeps 46
    high: float | None = None  # the upper bound, for "between"


@dataclass(frozen=True)
class Claim:
    """One thing a message asserts of the data: who, which measure, how it compares, and the
    figure as written. Read by intents/reading/claims.py, judged by intents/factcheck/."""

    text: str  # the words of the claim, as written
    kind: ClaimKind
    subject: str = ""  # an area or group; "" when it could not be read
    indicator: str = ""
    sector: str = ""  # a breakdown label, "sector: Manufacturing"
    comparator: Comparator = "="
    value: float | None = None  # the figure (points for a difference, times for a ratio)
    high: float | None = None  # the upper end of a range or band
    precision: float = 1.0
    unit: str = ""  # percent | points | pounds | ratio, as written
    in_words: bool = False  # 'a third', 'one in five': a rounded statement
    negated: bool = False  # 'does not reach 46%'
    complement: bool = False  # '30% do not offer placements': the share not doing it
    other: str = ""  # the area a difference, ratio or comparison is against
    signed: bool = True  # a difference said with its direction ('above'); else either way round
    versus: str = ""  # a second measure of the same area: 'placements are twice work inspiration'
    extreme: str = ""  # highest | lowest | best | worst
    position: int = 1  # 2 for 'the second lowest'
    standing_first: bool = False  # 'the lowest, at 29%': the extreme said before the figure
    joint: bool = False
    only: bool = False  # 'the only LEP at 46%'
    together: tuple[str, ...] = ()  # 'the only LEP top on both X and Y': the measures of 'both'
    relation: str = ""  # high | low, claimed without a figure
    period: str = ""  # the years written: '2013', '2008-2013'
    across: str = ""  # 'UK': an extreme said of the whole UK, not just England's LEPs
    besides: str = ""  # the area an extreme leaves out: 'the highest outside London'
    within: str = ""  # the region an extreme is said within: 'the slowest in the North East'
    strength: bool = False  # 'a strong link': how strong, which no published statistic measures
    base: str = ""  # the population said, when it is not the measure's own
    doubt: str = ""  # why the claim cannot be read with confidence
    loose: str = ""  # another area or measure named as near the figure as its own: which one
    written: str = ""  # the figure's words (normalised), to find it again for a correction


@dataclass(frozen=True)
class Query:
    intent: IntentName
    reason: str = ""  # the matching rule's reason, e.g. "instructions" for an unknown
    text: str = ""
    areas: tuple[str, ...] = ()
    indicators: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    breakdowns: tuple[str, ...] = ()
    districts: tuple[str, ...] = ()
    n: int | None = None
    order: str = ""  # "highest" | "lowest" | ""
    threshold: Threshold | None = None
    amounts: tuple[Amount, ...] = ()  # figures written in the question, in order
    claims: tuple[Claim, ...] = ()  # for a fact-check: what the message asserts, in order
    candidates: tuple[str, ...] = ()  # for clarify
    unclear: str = ""  # the words that could mean several things
    outside: str = ""  # a place outside the data's coverage
    other_year: str = ""  # a year the data does not cover
    background: tuple[str, ...] = ()  # places named only as where the asker is
    unread: tuple[str, ...] = ()  # words nothing understood
    unsure: str = ""  # why the likeliest reading was not trusted (clarify asks back)
    instead: str = ""  # the intent that reading would have been
    likelier: str = ""  # the intent the words are more like, when that made the reading unsure
    seen_areas: tuple[str, ...] = ()  # LEPs named earlier in the conversation, latest last
    listed: tuple[str, ...] = ()  # the LEPs the last ranking listed, in the order shown
    notes: tuple[str, ...] = field(default=())  # what was assumed or carried over
    truncated: bool = False

    def but(self, **changes: object) -> Query:
        return replace(self, **changes)
