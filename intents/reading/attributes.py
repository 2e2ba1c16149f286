"""Whether a message asks about a figure rather than for it: its unit or period, whom it is a
share of, the geography it covers, where it comes from or how it was surveyed.

"period on the GM unemp rate?" names a place and a measure, as a request for the figure does, so
the words alone cannot tell the two apart; where the attribute word stands can. It asks about
the figure when the word leads the message ("src for the tees growth number?"), ends it in a
short phrase after a break ("careers-ed satisfaction 57% - base?"), or sits in a short either-or
("region boundary or LEP boundary?", "level or change?"). The words are in data/vocabulary.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property

from intents.names import FigureAttribute as Attribute

OPENER = (
    r"^(?:(?:so|and|ok|okay|q|quick q|also)\s+)?(?:what\W?s\s+|what\s+(?:is|are|was)\s+)?"
    r"(?:the\s+|your\s+)?(?:exact\s+|actual\s+)?"
)
LEADS_INTO = r"\s+(?:on(?!\s+years?\b)|for|per|behind|used\s+(?:for|on))\b"  # not 'year on year'
# where one phrase of a message ends (not at the point of '0.8%')
SEGMENT = re.compile(r"[?!;\n]+|(?<!\d)\.|\.(?!\d)|\s[-–—]+\s|:\s")
SHORT = 3  # words of a closing phrase that ask only about the figure: "- base?", "which year?"
# '… at 0.8% a year', 'latest year?': a rate's time or the latest figure, not the period
TIMES = re.compile(r"\b(?:a|per|each|every|this|last|next|that|same|latest|by|\d+)\s+years?$")
LEVEL_WITH = re.compile(r"\blevel (?:with|pegging)\b")  # 'level with England or above?' compares
EITHER_OR = 8  # words of a phrase with an "or" between two things a figure could be
FIGURE = re.compile(r"\d\s*(?:%|per\s?cent\b)")
OF_WHOM = re.compile(  # '57% of what?', 'the 57% a percentage of?', 'of employers or of pupils?'
    r"\bof (?:what|whom|who)\b|\b(?:share|percentage|proportion|per\s?cent|%) of\W*$"
    r"|\b(?:share|percentage|proportion|%) of \w+(?: \w+)? or (?:of )?\w+"
)


@cache
def _patterns(words: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    spelt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len)[::-1])
    # 'src for …', 'year + release for …'
    lead = rf"{OPENER}(?:(?:{spelt})\s+and\s+(?:the\s+)?)?({spelt}){LEADS_INTO}"
    return re.compile(lead), re.compile(rf"\b(?:{spelt})\b")


@dataclass(frozen=True)
class AttributeWords:
    """The words of data/vocabulary.yaml's figure_attributes, figure_alternatives and
    figure_geographies."""

    kinds: tuple[tuple[str, Attribute], ...]
    alternatives: frozenset[str]
    geographies: frozenset[str]

    @cached_property
    def kind_of(self) -> dict[str, Attribute]:
        return dict(self.kinds)

    @cached_property
    def either_side(self) -> re.Pattern[str]:
        """Any word that can stand either side of an 'or' asked of a figure."""
        return _patterns(tuple(sorted({*self.kind_of, *self.alternatives, *self.geographies})))[1]


def asked_attribute(text: str, vocabulary: AttributeWords) -> Attribute:
    """What about a figure `text` (as typed) asks, or "" when it asks for the figure."""
    kinds = vocabulary.kind_of
    if not kinds:
        return ""
    lead, word = _patterns(tuple(kinds))
    either = vocabulary.either_side
    text = " ".join(text.lower().replace("+", " and ").replace("&amp;", " and ").split())
    if FIGURE.search(text) and OF_WHOM.search(text.rstrip(" ?!.")):
        return "base"  # whom a figure given is a share of
    if found := lead.search(text):
        return _kind(kinds, found.group(1))
    phrases = [p.strip(" ,()'\"*_") for p in SEGMENT.split(text)]
    phrases = [p for p in phrases if p]
    last = phrases[-1] if phrases else ""
    said = word.findall(last)
    if said and len(last.split()) <= SHORT and last.endswith(said[-1]) and not TIMES.search(last):
        return _kind(kinds, said[-1])
    for phrase in phrases:
        left, or_, right = LEVEL_WITH.sub(" ", phrase).partition(" or ")
        if not or_ or len(phrase.split()) > EITHER_OR or TIMES.search(phrase):
            continue
        sides = [[" ".join(w.split()) for w in either.findall(side)] for side in (left, right)]
        if not all(sides):  # 'London or Leeds?' with a base word on one side asks no such thing
            continue
        named = sides[0] + sides[1]
        asked = [kinds[w] for w in named if w in kinds]
        if asked:
            return asked[-1]
        alternatives = set(named) & vocabulary.alternatives
        if alternatives and (len(alternatives) > 1 or _geographies_either_side(phrase, vocabulary)):
            return "meaning"  # 'level or change?', 'England or UK level?'
    return ""


def _geographies_either_side(phrase: str, vocabulary: AttributeWords) -> bool:
    """'England or UK': a geography right before and after the 'or', as figures are set apart."""
    before, _, after = phrase.partition(" or ")
    words_before, words_after = before.split()[-1:], after.split()[:2]
    return (
        bool(words_before)
        and words_before[0] in vocabulary.geographies
        and any(w in vocabulary.geographies for w in words_after)
    )


def _kind(kinds: dict[str, Attribute], said: str) -> Attribute:
    return kinds[" ".join(said.split())]
