"""clarify: the question could mean several things — ask back with the candidates as choices."""

from __future__ import annotations

import re

from intents.catalogue import examples
from intents.dataset.model import Dataset
from intents.reading.context import FollowUp
from intents.reading.query import Query
from intents.reading.rules import Rule
from intents.replies.answer import Answer
from intents.replies.wording import listing
from intents.spec import IntentSpec

MAX_CHOICES = 8


def _substitute(text: str, phrase: str, name: str) -> str:
    words = [re.escape(w) for w in phrase.split()]
    found = re.compile(r"\b" + r"\W+".join(words) + r"\b", re.I) if words else None
    if found and found.search(text):
        return found.sub(name, text, count=1)
    return f"{text} {name}".strip()


NO_CONTEXT = (
    "I don't have an earlier question in this conversation to refer back to. Which area and "
    "measure do you mean?"
)
NO_CONTEXT_RULE = Rule("clarify", 0, reason="no_context")  # what "and London?" with no thread gets
UNSURE_RULE = Rule("clarify", 0, reason="unsure")  # a reading too unsure to answer with figures


def asked_as(intent: str, query: Query, dataset: Dataset) -> str:
    """The intent's reading of the query as a question no one could misread; "" when the
    query lacks what that question names."""
    from intents import spec_of  # the registry imports every intent, this one among them

    template = spec_of(intent).asks  # type: ignore[arg-type]
    measures = [dataset.indicator(i).short for i in query.indicators]
    slots = {
        "area": query.areas[0] if query.areas else "",
        "areas": listing(list(query.areas[:3])) if len(query.areas) > 1 else "",
        "measure": measures[0] if measures else "",
        "other": measures[1] if len(measures) > 1 else "",
        "place": query.districts[0] if query.districts else "",
        "text": query.text,
    }
    needed = re.findall(r"{(\w+)}", template)
    if not template or not all(slots[name] for name in needed):
        return ""
    return template.format(**slots)


def _unsure(query: Query, dataset: Dataset) -> Answer:
    """The likeliest readings as questions to press: the two the rules and the model gave, or
    each place on its own and all together."""
    measure = dataset.indicator(query.indicators[0]).short if query.indicators else "placements"
    if query.likelier:
        asked = (asked_as(i, query, dataset) for i in (query.instead, query.likelier))
        choices = list(dict.fromkeys(c for c in asked if c))
    else:
        choices = [f"{a} {measure}" for a in query.areas[:3]]
        if len(query.areas) > 1:
            choices.append(f"compare {listing(list(query.areas[:3]))} on {measure}")
    choices = choices or ["help"]
    return Answer(
        intent="clarify",
        headline=f"I'm not sure what you're asking: {query.unsure}. Did you mean one of these?",
        choices=tuple(choices),
        indicators=query.indicators,
        next_questions=tuple(choices[:3]),
    )


def handle(query: Query, dataset: Dataset) -> Answer:
    if query.reason == "unsure":
        return _unsure(query, dataset)
    if query.reason == "no_context":
        suggested = examples("value", "compare")
        return Answer(
            intent="clarify", headline=NO_CONTEXT, choices=suggested, next_questions=suggested
        )
    candidates = query.candidates[:MAX_CHOICES]
    phrase = query.unclear.replace(" (in two LEPs)", "")
    choices = tuple(_substitute(query.text, phrase, name) for name in candidates)
    regions = {a.region.lower() for a in dataset.leps}
    if phrase in regions or phrase.replace("the ", "") in regions:
        headline = (
            f"“{phrase.title()}” is a region, not a LEP; the dataset has LEP figures only. "
            f"Its LEPs are {listing(candidates)} — which one?"
        )
    elif "(in two LEPs)" in query.unclear:
        headline = f"{phrase} sat in two LEPs in 2014: {listing(candidates, 'and')}. Which one did you mean?"
    else:
        headline = f"“{phrase}” could mean {listing(candidates, 'or')}. Which did you mean?"
    return Answer(
        intent="clarify",
        headline=headline,
        choices=choices,
        indicators=query.indicators,
        next_questions=choices[:3],
    )


def ask_measure(query: Query, dataset: Dataset) -> Answer:
    """A ranking or comparison needs a measure; offer the two headline ones."""
    choices = tuple(
        f"{query.text.rstrip('?')} for {m}" for m in ("work placements", "work inspiration")
    )
    return Answer(
        intent="clarify",
        headline="Which measure should I rank by — work placements or work inspiration?",
        choices=choices,
        next_questions=choices,
    )


SPEC = IntentSpec(
    name="clarify",
    label="needs clarifying",
    plain_headline=True,
    follow_up=FollowUp(inherits=False),
    rules=(
        Rule("clarify", 20, needs=frozenset({"ambiguous"})),
        Rule("clarify", 21, needs=frozenset({"region"}), leps=(0, 0)),
    ),
    handle=handle,
    examples=("Greater placements", "Thames Valley work inspiration"),
)
