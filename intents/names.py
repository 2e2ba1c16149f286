"""The names every layer shares: the fifteen intents and the five verdicts of the JSON contract."""

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

Verdict = Literal["correct", "rounding", "incorrect", "unverifiable", "disputed"]
# A message's verdict is the worst of its claims', in this order.
SEVERITY: tuple[Verdict, ...] = ("incorrect", "disputed", "unverifiable", "rounding", "correct")
