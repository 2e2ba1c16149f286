"""What each intent declares beside its handler: its matchers, and its policy for the layers
around it (how "Read as" names it, how its reply is laid out, what a follow-up keeps from it)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from intents.dataset.model import Dataset
from intents.names import INTENT_NAMES, IntentName
from intents.reading.context import FollowUp
from intents.reading.query import Query
from intents.reading.rules import Rule
from intents.replies.answer import Answer

Handler = Callable[[Query, Dataset], Answer]


@dataclass(frozen=True)
class IntentSpec:
    name: IntentName
    label: str  # how the "Read as" line names it: "ranking", "fact-check"
    rules: tuple[Rule, ...]
    handle: Handler
    examples: tuple[str, ...] = ()  # the first is offered by help, clarify and unknown
    asks: str = ""  # this reading of a question, put so it cannot be misread: a choice to press
    tabled: bool = False  # its table is shown under the lines (a profile's lines list its rows)
    plain_headline: bool = False  # the headline is not a finding, so it is not bold
    follow_up: FollowUp = field(default_factory=FollowUp)

    def __post_init__(self) -> None:
        if self.name not in INTENT_NAMES:
            raise ValueError(f"unknown intent {self.name!r}")
        strays = [r for r in self.rules if r.intent != self.name]
        if strays:
            raise ValueError(f"{self.name}: rules for {strays[0].intent!r} declared here")
