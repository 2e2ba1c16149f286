"""Matchers declared as data beside each intent, and the value that registers an intent.

A Rule says which words trigger it and which entities it needs; rules from every intent are tried
in priority order and the first that accepts the question decides the intent. Ranking stays apart
from handling, and no rule mutates the question.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from intents.dataset.model import Dataset
from intents.reading.query import Query
from intents.reading.signals import Signals
from intents.replies.answer import Answer

ANY = (0, 99)


@lru_cache(maxsize=512)
def pattern(expr: str) -> re.Pattern[str]:
    return re.compile(expr)


@dataclass(frozen=True)
class Rule:
    intent: str
    priority: int
    triggers: tuple[str, ...] = ()  # regexes on the normalised text; one must match if given
    whole: bool = False  # a trigger must match the whole text
    leps: tuple[int, int] = ANY  # how many LEPs the question may name
    indicators: tuple[int, int] = ANY
    needs: frozenset[str] = frozenset()  # Signals.present names that must be there
    refuses: frozenset[str] = frozenset()  # ... that must not
    reason: str = ""  # why this rule exists, when the handler answers differently for it

    def triggered(self, text: str) -> bool:
        find = (lambda p: p.fullmatch(text)) if self.whole else (lambda p: p.search(text))
        return any(find(pattern(t)) for t in self.triggers)

    def fits(self, signals: Signals) -> bool:
        """The entity requirements alone, without the trigger words."""
        present = signals.present
        return (
            self.leps[0] <= len(signals.leps) <= self.leps[1]
            and self.indicators[0] <= len(signals.indicators) <= self.indicators[1]
            and self.needs <= present
            and not (self.refuses & present)
        )

    def accepts(self, signals: Signals) -> bool:
        return self.fits(signals) and (not self.triggers or self.triggered(signals.text))


Handler = Callable[[Query, Dataset], Answer]


@dataclass(frozen=True)
class IntentSpec:
    name: str
    rules: tuple[Rule, ...]
    handle: Handler
    examples: tuple[str, ...] = ()
