"""The names every layer shares: the fifteen intents (the JSON contract's `intent`)."""

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
