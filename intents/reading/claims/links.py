"""Claims about how two measures move together, said of areas in general: 'the higher youth
unemployment, the lower work inspiration', 'UKCES found a clear link between youth unemployment
and placements', 'there is no link between …'. Judged against the published findings."""

from __future__ import annotations

import re

from intents.reading.claims.sentence import Sentence
from intents.reading.query import Claim

NO_LINK = re.compile(
    r"\bno (?:clear |real |general |obvious |strong |simple |overall |direct )?"
    r"(?:link|relationship|connection|correlation|association|pattern)\b"
    r"|\b(?:not|isn t|aren t|wasn t|weren t) (?:\w+ )?(?:linked|related|connected|correlated|associated)\b"
    r"|\bunrelated\b|\bindependent of\b"
)
RISE = r"(?:higher|more|greater|bigger|larger)"
FALL = r"(?:lower|less|fewer|smaller)"
NEGATIVE = re.compile(
    rf"\bthe {RISE}\b.{{0,60}}\bthe {FALL}\b|\bthe {FALL}\b.{{0,60}}\bthe {RISE}\b"
    r"|\b(?:inverse(?:ly)?|negative(?:ly)?) (?:link|linked|related|correlat\w*|relationship|association)\b"
    rf"|\b(?:areas|places|leps|economies)\b.{{0,25}}\b{RISE}\b.{{0,50}}\b(?:have|had|see|saw|show|get)\b"
    rf"\s+(?:\w+\s+)?{FALL}\b"
)
POSITIVE = re.compile(
    rf"\bthe {RISE}\b.{{0,60}}\bthe {RISE}\b|\bthe {FALL}\b.{{0,60}}\bthe {FALL}\b"
    r"|\bpositive(?:ly)? (?:link|linked|related|correlat\w*|relationship|association)\b"
    r"|\bgo(?:es)? hand in hand\b"
    rf"|\b(?:areas|places|leps|economies)\b.{{0,25}}\b{RISE}\b.{{0,50}}\b(?:have|had|see|saw|show|get)\b"
    rf"\s+(?:\w+\s+)?{RISE}\b"
)
SOME_LINK = re.compile(
    r"\b(?:link|linked|links|relationship|related|connection|connected|correlat\w*|associated|"
    r"association|goes with|go together|tied to)\b"
)
ASKED = re.compile(
    r"\b(?:is|are|does|do|did|was|were|has|have)\s+(?:\w+\s+){1,5}?"
    r"(?:linked|related|connected|correlated|associated|tied|link)\b"
)
CHECK_FIRST = re.compile(r"\s*(?:check|fact ?check|verify|confirm|is it true)\b")
STRENGTH = re.compile(
    r"\b(?:strong|strongly|clear|clearly|significant|significantly|statistically)\b"
)


def link_claims(sentence: Sentence) -> list[tuple[int, Claim]]:
    """One claim for a sentence that says how its two measures relate, with no figure and no
    area of its own (those are claims of another kind)."""
    measures = list(dict.fromkeys(m.target for m in sentence.mentions if m.kind == "indicator"))
    areas = [m for m in sentence.mentions if m.kind in ("lep", "district", "region")]
    text = sentence.text
    if len(measures) != 2 or areas or re.search(r"\d", text):
        return []  # 'the correlation … was 0.6' claims a statistic, which nothing publishes
    if ASKED.search(text) and not CHECK_FIRST.match(text):
        return []  # 'is wex linked to yth unemp': a question about the relation
    said = next(
        (
            (found.start(), relation)
            for pattern, relation in (
                (NO_LINK, "none"),
                (NEGATIVE, "negative"),
                (POSITIVE, "positive"),
                (SOME_LINK, "any"),
            )
            if (found := pattern.search(text))
        ),
        None,
    )
    if said is None:
        return []
    at, relation = said
    claim = Claim(
        text=sentence.original,
        kind="link",
        indicator=measures[0],
        versus=measures[1],
        relation=relation,
        strength=relation != "none" and bool(STRENGTH.search(text)),
        period=sentence.period,
    )
    return [(at, claim)]
