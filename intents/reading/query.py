"""How a question was read: the value that passes from understanding to a handler."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal

from intents.names import IntentName

ThresholdOp = Literal["above", "below", "between"]


@dataclass(frozen=True)
class Threshold:
    """'above 40%' or 'below the England figure' (value None means the benchmark)."""

    op: ThresholdOp
    value: float | None = None  # the bound (the lower one for "between")
    inclusive: bool = False  # "at least 46%" keeps 46
    high: float | None = None  # the upper bound, for "between"


@dataclass(frozen=True)
class Claim:
    """A figure the user asserts, and how precisely they wrote it ('£37k' is to the thousand)."""

    value: float
    precision: float = 1.0
    unit: str = ""  # "percent" or "pounds" when the user wrote one
    hedged: bool = False  # said loosely ("nearly half", "about 30%"), so checked loosely


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
    order: str = ""  # "top" | "bottom" | ""
    threshold: Threshold | None = None
    claims: tuple[Claim, ...] = ()  # figures the user asserts, in the order written
    claimed_extreme: str = ""  # "highest" | "lowest" claimed, for factcheck
    candidates: tuple[str, ...] = ()  # for clarify
    unclear: str = ""  # the words that could mean several things
    outside: str = ""  # a place outside the data's coverage
    other_year: str = ""  # a year the data does not cover
    unread: tuple[str, ...] = ()  # words nothing understood
    seen_areas: tuple[str, ...] = ()  # LEPs named earlier in the conversation, latest last
    notes: tuple[str, ...] = field(default=())  # what was assumed or carried over
    truncated: bool = False

    @property
    def number(self) -> float | None:
        return self.claims[0].value if self.claims else None

    def but(self, **changes: object) -> Query:
        return replace(self, **changes)
