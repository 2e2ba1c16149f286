"""The names every layer shares: the fifteen intents, the five verdicts of the JSON contract and
what a question can ask about a figure."""

from __future__ import annotations

from typing import Literal, get_args

IntentName = Literal[
    "value",
    "compare",
    "rank",
    "profile",
    "relationship",
    "outliers",
    "groups",
    "breakdown",
    "define",
    "source",
    "factcheck",
    "area_lookup",
    "help",
    "clarify",
    "unknown",
]
INTENT_NAMES: tuple[IntentName, ...] = get_args(IntentName)

FigureAttribute = Literal["", "meaning", "base", "boundary", "source", "method"]
FIGURE_ATTRIBUTES: tuple[FigureAttribute, ...] = get_args(FigureAttribute)[1:]  # "" asks for it

Verdict = Literal["correct", "rounding", "incorrect", "unverifiable", "disputed"]
# A message's verdict is the worst of its claims', in this order.
SEVERITY: tuple[Verdict, ...] = ("incorrect", "disputed", "unverifiable", "rounding", "correct")
