"""unknown: out of scope or not understood — say so kindly and say what is possible."""

from __future__ import annotations

from intents.answer import Answer
from intents.dataset import Dataset
from intents.phrasing import listing
from intents.query import Query
from intents.rules import IntentSpec, Rule

SUGGESTIONS = (
    "how does Humber compare on placements?",
    "top 5 LEPs for work inspiration",
    "help",
)
WORDS_SHOWN = 6


def handle(query: Query, dataset: Dataset) -> Answer:
    if query.reason == "empty":
        headline = "I didn't catch a question there. Ask me about England's LEPs, for example:"
        nexts = SUGGESTIONS
    elif query.reason == "instructions":
        headline = (
            "I only report what the published data says, so I can't be told which figures to give. "
            "Ask me a question about the data and I'll answer it with the source."
        )
        nexts = (
            tuple(f"how does {a} compare on placements?" for a in query.areas[:1]) or SUGGESTIONS
        )
    elif query.reason == "future":
        headline = (
            "I have no forecasts: the data is one survey year, EPS 2014 (fieldwork April–July 2014), "
            "with its economic context from 2012–2014."
        )
        nexts = (
            tuple(
                f"{a} {dataset.indicator(i).short}"
                for a in query.areas[:1]
                for i in query.indicators[:1]
            )
            or SUGGESTIONS
        )
    elif query.outside:
        place = dataset_place(dataset, query.outside)
        headline = (
            f"This dataset covers England's 39 LEPs, so {place.name} is not in it. "
            + (place.note or "")
        ).strip()
        nexts = SUGGESTIONS
    elif query.other_year:
        headline = (
            f"The dataset is a single survey year: EPS 2014 (fieldwork April–July 2014), so there are no "
            f"figures for {query.other_year}."
        )
        nexts = (
            tuple(
                f"{a} {dataset.indicator(i).short}"
                for a in query.areas[:1]
                for i in query.indicators[:1]
            )
            or SUGGESTIONS
        )
    elif query.areas:
        names = listing([dataset.spoken(a) for a in query.areas])
        words = " ".join(query.unread[:WORDS_SHOWN])
        headline = (
            f"I found {names} in your question, but not a measure I have"
            + (f" (“{words}”)" if words else "")
            + ". I know about employers offering work placements and work inspiration, plus some economic context."
        )
        nexts = (
            f"tell me about {query.areas[0]}",
            f"how does {query.areas[0]} compare on placements?",
            "help",
        )
    else:
        headline = (
            "Sorry, I couldn't match that to the data. I answer questions about England's 39 LEPs from "
            "UKCES's Employer Perspectives Survey 2014: work placements, work inspiration and their "
            "economic context."
        )
        nexts = SUGGESTIONS
    lines = (
        ("That message was long, so I read only its first 500 characters.",)
        if query.truncated
        else ()
    )
    return Answer(
        intent="unknown", headline=headline, lines=lines, areas=query.areas, next_questions=nexts
    )


def dataset_place(dataset: Dataset, name: str):
    return next(a for a in dataset.outside if a.name == name)


INSTRUCTIONS = (
    r"\b(?:ignore|disregard|forget) (?:all |any |the |your |my |that|this|previous|prior|above)",
    r"\bwrite (?:me |us )?(?:a |an )?(?:press release|tweet|post|statement|speech|poem|story|essay|song|headline)\b",
    r"\b(?:pretend|roleplay|role play|act as|you are now|you are dan|jailbreak|from now on|system prompt|new instructions)\b",
    r"\b(?:say|tell everyone|announce|post|claim|write|answer) (?:that )?(?:the )?[\w\s]{0,40}\b(?:is|are|was|at|for every)\b.{0,40}\d",
)
FUTURE = (
    r"\bwill (?:it|they|that) (?:rain|snow|happen|go up|go down|change|rise|fall)\b",
    r"\b(?:next year|will (?:it |they |that )?be|going to be|forecasts?|projections?|projected|in (?:the )?future|by 20[3-9]\d)\b",
)

SPEC = IntentSpec(
    name="unknown",
    rules=(
        Rule("unknown", 5, triggers=INSTRUCTIONS, reason="instructions"),
        Rule("unknown", 24, triggers=FUTURE, reason="future"),
        Rule("unknown", 25, needs=frozenset({"outside"}), leps=(0, 0)),
        Rule("unknown", 26, needs=frozenset({"other_year"}), refuses=frozenset({"number"})),
        Rule("unknown", 99),
    ),
    handle=handle,
    examples=("how much does a pint cost in Leeds?",),
)
