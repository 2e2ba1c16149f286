"""The brain: text in, Answer out. Knows nothing of Slack or terminals.

INTENTS is the registry; each module declares its rules (matchers as data), its policy (label,
layout, follow-ups, examples) and a pure handler.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from intents import (
    area_lookup,
    breakdown,
    clarify,
    compare,
    define,
    factcheck,
    groups,
    help,
    outliers,
    profile,
    rank,
    relationship,
    source,
    unknown,
    value,
)
from intents.dataset.model import Dataset
from intents.names import IntentName
from intents.reading.query import Query
from intents.reading.rules import Grammar
from intents.reading.understand import understand
from intents.replies.answer import Answer, Reading
from intents.replies.wording import other_year
from intents.spec import IntentSpec

INTENTS: tuple[IntentSpec, ...] = tuple(
    m.SPEC
    for m in (
        value,
        compare,
        rank,
        profile,
        relationship,
        outliers,
        groups,
        breakdown,
        define,
        source,
        factcheck,
        area_lookup,
        help,
        clarify,
        unknown,
    )
)
_BY_NAME: dict[IntentName, IntentSpec] = {s.name: s for s in INTENTS}
GRAMMAR = Grammar(
    rules=tuple(sorted((r for s in INTENTS for r in s.rules), key=lambda r: r.priority)),
    follow_ups={s.name: s.follow_up for s in INTENTS},
    no_context=clarify.NO_CONTEXT_RULE,
    unsure=clarify.UNSURE_RULE,
)


def spec_of(name: IntentName) -> IntentSpec:
    """The intent's declaration: its label and layout policy, for the renderers."""
    return _BY_NAME[name]


@dataclass(frozen=True)
class Turn:
    """One question answered: how it was read, and the reply."""

    query: Query
    answer: Answer


def _chosen(query: Query, answer: Answer) -> tuple[str, ...]:
    """The measures the answer is about; a profile's are every measure, none of them chosen."""
    if GRAMMAR.follow_up(answer.intent).lends_measures:
        return answer.indicators or query.indicators
    return query.indicators


def _reading(query: Query, answer: Answer, dataset: Dataset) -> Reading:
    return Reading(
        intent=answer.intent,
        areas=answer.areas,
        indicators=tuple(dataset.indicator(i).short for i in _chosen(query, answer)),
        notes=(*query.notes, *answer.assumed),
    )


def respond(text: str, dataset: Dataset, last: Query | None = None) -> Turn:
    """Answer one question; `last` is the previous question in the same conversation."""
    query = understand(text, dataset, GRAMMAR, last)
    answer = _BY_NAME[query.intent].handle(query, dataset)
    if query.other_year and answer.figures and answer.intent != "factcheck":
        answer = replace(answer, headline=f"{other_year(query.other_year)} {answer.headline}")
    answer = replace(answer, reading=_reading(query, answer, dataset))
    areas = answer.areas or query.areas
    seen = tuple(a for a in (last.seen_areas if last else ()) if a not in areas) + areas
    remembered = query.but(
        intent=answer.intent,
        areas=areas,
        indicators=_chosen(query, answer),
        seen_areas=seen[-4:],
        listed=answer.listed or query.listed,
    )
    return Turn(remembered, answer)
