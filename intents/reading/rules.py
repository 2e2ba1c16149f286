"""Matchers declared as data beside each intent, and the grammar they make together.

A Rule says which words trigger it and which entities it needs; rules from every intent are tried
in priority order and the first that accepts the question decides the intent. Ranking stays apart
from handling, and no rule mutates the question.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache

from intents.names import INTENT_NAMES, IntentName
from intents.reading.context import FollowUp
from intents.reading.signals import SLOTS, Signals, Slot

ANY = (0, 99)


@lru_cache(maxsize=512)
def pattern(expr: str) -> re.Pattern[str]:
    return re.compile(expr)


@dataclass(frozen=True)
class Rule:
    intent: IntentName
    priority: int
    triggers: tuple[str, ...] = ()  # regexes on the normalised text; one must match if given
    whole: bool = False  # a trigger must match the whole text
    leps: tuple[int, int] = ANY  # how many LEPs the question may name
    indicators: tuple[int, int] = ANY
    needs: frozenset[Slot] = frozenset()  # Signals.present names that must be there
    refuses: frozenset[Slot] = frozenset()  # ... that must not
    reason: str = ""  # why this rule exists, when the handler answers differently for it
    keeps_districts: bool = False  # a district it accepts is asked about, not read as its LEP
    reads_claims: bool = False  # the message is read for claims; with none, the next rule decides
    decisive: bool = False  # its words settle the reading: the learned reader never doubts it

    def __post_init__(self) -> None:
        """A misspelt slot would silently never match, so it fails when the module loads."""
        if self.intent not in INTENT_NAMES:
            raise ValueError(f"rule for unknown intent {self.intent!r}")
        unknown = (self.needs | self.refuses) - SLOTS
        if unknown:
            raise ValueError(f"{self.intent} rule {self.priority}: unknown slots {sorted(unknown)}")

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


@dataclass(frozen=True)
class Grammar:
    """Every intent's rules in priority order, with what a follow-up may keep from each intent."""

    rules: tuple[Rule, ...]
    follow_ups: Mapping[IntentName, FollowUp]
    no_context: Rule  # a question that refers back with nothing to refer to
    unsure: Rule  # a reading not sure enough to answer with figures

    def follow_up(self, intent: IntentName) -> FollowUp:
        return self.follow_ups.get(intent, FollowUp())

    @cached_property
    def without_claims(self) -> Grammar:
        """The grammar less the rules that read claims: for a 'check' with nothing to check."""
        return replace(self, rules=tuple(r for r in self.rules if not r.reads_claims))
