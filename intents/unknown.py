"""unknown: out of scope or not understood — say so kindly and say what is possible.

Each rule that ends here names its reason, and each reason has its own reply.
"""

from __future__ import annotations

from collections.abc import Callable

from intents.catalogue import examples
from intents.dataset.model import Dataset
from intents.reading.clean import MAX_CHARS
from intents.reading.context import FollowUp
from intents.reading.query import Query
from intents.reading.rules import Rule
from intents.replies.answer import Answer
from intents.replies.wording import listing
from intents.spec import IntentSpec

WORDS_SHOWN = 6


def _suggestions() -> tuple[str, ...]:
    return examples("value", "rank", "help")


SURVEY_YEAR = "EPS 2014 (fieldwork April–July 2014)"
INSTRUCTIONS = (
    r"\b(?:ignore|disregard|forget) (?:all |any |the |your |my |previous|prior|above|(?:that|this) (?:and|then|now)\b)",
    r"\bwrite (?:me |us )?(?:a |an )?(?:press release|tweet|post|statement|speech|poem|story|essay|song|headline)\b",
    r"\b(?:pretend|roleplay|role play|act as|you are now|you are dan|jailbreak|from now on|system prompt|new instructions)\b",
    r"\b(?:say|tell everyone|announce|post|claim|write|answer) (?:that )?(?:the )?[\w\s]{0,40}\b(?:is|are|was|at|for every)\b.{0,40}\d",
)
WEATHER = (  # 'is it raining in Hull?': a place named, nothing of the data asked
    r"\b(?:weather|raining|snowing|rain|snow|sunny|drizzle|umbrella|brolly|forecast for (?:today|tomorrow))\b",
)
SURELY_WEATHER = (  # asked of the sky whatever else is named ('… doing a site visit after')
    r"\b(?:going to|gonna|will it|is it) (?:rain|snow|pour|chuck it down|tip it down|be sunny)\b",
    r"\b(?:chuck|chucking|bucket|bucketing|pour|pouring|tip|tipping) (?:it )?down\b",
    r"\bweather (?:in|for|at|like|forecast)\b.{0,40}\b(?:tmrw|tomoz|tomorrow|today|tonight|"
    r"this (?:week|weekend|afternoon|morning)|on (?:mon|tues|wednes|thurs|fri|satur|sun)day)\b",
)
FUTURE = (
    r"\bwill (?:it|they|that) (?:happen|go up|go down|change|rise|fall)\b",
    r"\b(?:next year|will (?:it |they |that )?be|going to be|forecasts?|projections?|projected|project (?:\w+ ){0,4}(?:for|to|in|by) 20\d\d|in (?:the )?future|by 20[3-9]\d)\b",
)
COUNT = (  # not the districts or LEPs the data do hold: 'how many councils are in Cumbria?'
    r"^(?:(?:and|so|ok) )?(?:how many|(?:the )?number of|count of|total number of)\b"
    r"(?! (?:districts|councils|local authorities|boroughs|leps|areas|towns)\b)"
)
Reply = Callable[[Query, Dataset], tuple[str, tuple[str, ...]]]


def _same_question(query: Query, dataset: Dataset) -> tuple[str, ...]:
    """The question as the data can answer it, when an area and a measure were named."""
    return (
        tuple(
            f"{a} {dataset.indicator(i).short}"
            for a in query.areas[:1]
            for i in query.indicators[:1]
        )
        or _suggestions()
    )


def _empty(query: Query, dataset: Dataset) -> tuple[str, tuple[str, ...]]:
    return (
        "I didn't catch a question there. Ask me about England's LEPs, for example:",
        _suggestions(),
    )


def _instructions(query: Query, dataset: Dataset) -> tuple[str, tuple[str, ...]]:
    return (
        "I only report what the published data says, so I can't be told which figures to give. "
        "Ask me a question about the data and I'll answer it with the source.",
        tuple(f"how does {a} compare on placements?" for a in query.areas[:1]) or _suggestions(),
    )


def _future(query: Query, dataset: Dataset) -> tuple[str, tuple[str, ...]]:
    return (
        f"I have no forecasts: the data is one survey year, {SURVEY_YEAR}, with its economic "
        "context from 2012–2014.",
        _same_question(query, dataset),
    )


def _outside(query: Query, dataset: Dataset) -> tuple[str, tuple[str, ...]]:
    place = next(a for a in dataset.outside if a.name == query.outside)
    return (
        f"This dataset covers England's 39 LEPs, so {place.name} is not in it. {place.note}".strip(),
        _suggestions(),
    )


def _other_year(query: Query, dataset: Dataset) -> tuple[str, tuple[str, ...]]:
    return (
        f"The dataset is a single survey year, {SURVEY_YEAR}, so there are no figures for "
        f"{query.other_year}.",
        _same_question(query, dataset),
    )


def _count(query: Query, dataset: Dataset) -> tuple[str, tuple[str, ...]]:
    where = listing([dataset.spoken(a) for a in query.areas]) or "any LEP"
    return (
        f"I hold no counts of businesses, schools or students for {where}: the figures here are "
        "shares (of employers, of Year 11 students) and economic rates.",
        tuple(f"tell me about {a}" for a in query.areas[:1]) or _suggestions(),
    )


def _not_understood(query: Query, dataset: Dataset) -> tuple[str, tuple[str, ...]]:
    if not query.areas:
        return (
            "Sorry, I couldn't match that to the data. I answer questions about England's 39 LEPs "
            "from UKCES's Employer Perspectives Survey 2014: work placements, work inspiration and "
            "their economic context.",
            _suggestions(),
        )
    words = " ".join(query.unread[:WORDS_SHOWN])
    return (
        f"I found {listing([dataset.spoken(a) for a in query.areas])} in your question, but not a "
        f"measure I have{f' (“{words}”)' if words else ''}. I know about employers offering work "
        "placements and work inspiration, plus some economic context.",
        (
            f"tell me about {query.areas[0]}",
            f"how does {query.areas[0]} compare on placements?",
            "help",
        ),
    )


def _background(query: Query, dataset: Dataset) -> tuple[str, tuple[str, ...]]:
    leps = [a for a in query.background if a in dataset.lep_names] or list(query.background)
    return (
        f"I read {listing(leps)} as background there, not as a question. Ask me about its "
        "figures, or any LEP's, when you're ready:",
        tuple(f"tell me about {a}" for a in leps[:1]) + _suggestions()[:2],
    )


def _weather(query: Query, dataset: Dataset) -> tuple[str, tuple[str, ...]]:
    return (
        "I can't tell you the weather, only what the published LEP data says: work placements, "
        "work inspiration and their economic context.",
        tuple(f"tell me about {a}" for a in query.areas[:1]) or _suggestions(),
    )


def _thanks(query: Query, dataset: Dataset) -> tuple[str, tuple[str, ...]]:
    return "You're welcome. Ask me anything else about the LEP figures:", _suggestions()


THANKS = (
    r"(?:thanks|thank you|thankyou|cheers|ta|thx|ty|great|perfect|brilliant|lovely|nice|super|"
    r"ok|okay|cool|got it|noted)(?: (?:all|everyone|a lot|very much|so much|lepbot|that s all|"
    r"that is all|that all|that s great|that is great|again|"
    r"(?:that s|that is|that was|very|really|super) (?:(?:really|very|super|so) )?"
    r"(?:helpful|useful|great|perfect|brilliant|handy|clear|what i needed)))*",
)

REPLIES: dict[str, Reply] = {
    "thanks": _thanks,
    "empty": _empty,
    "instructions": _instructions,
    "future": _future,
    "weather": _weather,
    "outside": _outside,
    "other_year": _other_year,
    "count": _count,
    "background": _background,
}


def handle(query: Query, dataset: Dataset) -> Answer:
    headline, nexts = REPLIES.get(query.reason, _not_understood)(query, dataset)
    lines = (
        (f"That message was long, so I read only its first {MAX_CHARS:,} characters.",)
        if query.truncated
        else ()
    )
    return Answer(
        intent="unknown",
        headline=headline,
        lines=lines,
        indicators=query.indicators,  # no areas: the reply is about none ('house prices in Cornwall')
        next_questions=nexts,
    )


SPEC = IntentSpec(
    name="unknown",
    label="not understood",
    plain_headline=True,
    follow_up=FollowUp(inherits=False),
    rules=(
        Rule(  # not 'can I write that it's 8 points above England?', which asks for a check
            "unknown",
            5,
            triggers=INSTRUCTIONS,
            refuses=frozenset({"asks_to_state"}),
            reason="instructions",
        ),
        Rule("unknown", 6, triggers=THANKS, whole=True, reason="thanks"),
        Rule("unknown", 22, triggers=SURELY_WEATHER, reason="weather"),
        Rule("unknown", 23, triggers=WEATHER, indicators=(0, 0), reason="weather"),
        Rule("unknown", 24, triggers=FUTURE, reason="future"),
        Rule("unknown", 25, needs=frozenset({"outside"}), leps=(0, 0), reason="outside"),
        Rule(
            "unknown",
            26,
            needs=frozenset({"other_year"}),
            refuses=frozenset({"number"}),
            indicators=(0, 0),  # with a measure named, its published year is offered instead
            reason="other_year",
        ),
        Rule(  # 'how many schools in the Tees Valley': a count of things no measure holds
            "unknown", 76, triggers=(COUNT,), leps=(1, 99), indicators=(0, 0), reason="count"
        ),
        Rule("unknown", 99),
    ),
    handle=handle,
    examples=("how much does a pint cost in Leeds?",),
)
