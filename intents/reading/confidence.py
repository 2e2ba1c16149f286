"""How sure a reading is. A reading the words did not ask for (two places but no comparison asked
for; a long message of which little was understood, read from the names in it alone) is unsure,
and an unsure reading that would answer with figures is asked back instead (intents/clarify.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from intents.reading.rules import Rule
from intents.reading.signals import ASKED_OF_A_FIGURE, Signals

SURE = 0.5  # below this, ask back rather than answer with figures
COMPARE_WORDS = re.compile(
    r"\b(?:compare\w*|vs|versus|against|and|or|both|with|between|side by side|differ\w*|gap|"
    r"than|ahead|behind|beat\w*|which|who|each|all|bigger|higher|lower|better|worse)\b|&"
)
LITTLE_READ = 0.6  # share of a message's content words nothing understood
SOME_WORDS = 3


@dataclass(frozen=True)
class Confidence:
    score: float
    reason: str = ""  # what made the reading unsure, said in the question back


def confidence(rule: Rule, signals: Signals, function_words: frozenset[str]) -> Confidence:
    """`signals` as the message itself gave them, before anything was carried over."""
    named_here = len(signals.leps) > 1
    if rule.intent == "compare" and named_here and not COMPARE_WORDS.search(signals.text):
        return Confidence(0.3, "it names several places without asking to compare them")
    content = [t for t in signals.tokens if t not in function_words and not t.isdigit()]
    unread = len(signals.unread)
    worded = rule.triggers or rule.needs & ASKED_OF_A_FIGURE
    if not worded and unread >= SOME_WORDS and unread / max(1, len(content)) >= LITTLE_READ:
        return Confidence(0.4, "much of the message was words I don't know")
    return Confidence(1.0)
