"""A message -> the claims it makes, each with its subject, measure, comparator, figure, base and
period. Every figure with its subject is a claim; so is a rank, an extreme, a range, a comparison
between areas and a standing said without a figure ('a low placement rate').

Claims are read sentence by sentence (sentence.py), each claim anchored to its area and measure
(anchors.py): figures (figures.py), standings without one (standings.py), and claims said of
several areas at once (joined.py). A figure takes the nearest area and measure in its part of
the sentence (parts are split at 'against', 'while', 'but', ...), else the sentence's, else the
previous sentence's, else the conversation's; with no area at all, a claim is about England. What
cannot be read with confidence is kept as a doubt, so the judge says "can't check" and why.
"""

from __future__ import annotations

from dataclasses import replace

from intents.reading.claims.anchors import MEASURE_DOUBT
from intents.reading.claims.figures import (
    every_lep,
    figure_claim,
    figures_said,
    quantified,
    two_sided,
)
from intents.reading.claims.joined import both_before, in_order, shared, with_extremes
from intents.reading.claims.links import link_claims
from intents.reading.claims.sentence import NATIONS, SAME_PERIOD, Context, Sentence, read_sentence
from intents.reading.claims.standings import (
    comparison_claim,
    extreme_claims,
    relation_claims,
    trend_claims,
)
from intents.reading.clean import sentences
from intents.reading.lexicon import Lexicon
from intents.reading.query import Claim
from intents.reading.signals import Reader, reader_for

__all__ = ["MEASURE_DOUBT", "Context", "read_claims"]


def read_claims(
    text: str, lexicon: Lexicon, earlier: Context | None = None, read: Reader | None = None
) -> tuple[Claim, ...]:
    """Every claim in `text` (cleaned, not normalised), in the order written; `read`: the
    message's signal reader, when its question was read already."""
    read = read or reader_for(lexicon)
    out: list[Claim] = []
    split = sentences(text)
    earlier = replace(earlier or Context(), single=len(split) == 1)
    for original in split:
        students = earlier.students or (
            bool(earlier.indicators) and earlier.indicators[0] in lexicon.of_students
        )
        sentence = read_sentence(original, lexicon, read, students, alone=earlier.single)
        if not sentence.period and earlier.period and SAME_PERIOD.search(sentence.text):
            sentence = replace(sentence, period=earlier.period)  # 'over the same period'
        found = [(a.start, figure_claim(sentence, a, earlier)) for a in figures_said(sentence)]
        found = every_lep(sentence, found + quantified(sentence, earlier))
        found += extreme_claims(sentence, earlier)
        found = with_extremes(sentence, found) + comparison_claim(sentence, earlier)
        found += trend_claims(sentence, earlier) + link_claims(sentence)
        found = in_order(sentence, found)
        found = shared(sentence, found + relation_claims(sentence, earlier, found))
        found = both_before(sentence, found, earlier)
        claims = [two_sided(c) for _, c in sorted(found, key=lambda pair: pair[0])]
        out += claims
        measures = {c.indicator for c in claims if c.indicator}
        earlier = replace(
            _after(sentence, claims, earlier),
            period=sentence.period or earlier.period,
            students=bool(measures) and measures <= lexicon.of_students,
        )
    return tuple(out)


def _after(sentence: Sentence, claims: list[Claim], earlier: Context) -> Context:
    """What the next sentence's 'it', 'both' and bare figures refer to: this one's areas and
    measure — those its claims settled, else those it named ('Humber and Tees Valley share a
    profile. Both have…')."""
    settled = [c for c in claims if c.subject and not c.doubt]
    local = [c for c in settled if c.subject not in NATIONS]  # 'England's 17%' is a yardstick
    settled = local or settled
    if settled:
        last = settled[-1]
        subjects = [c.subject for c in settled]
        # 'the gap' after 'X beats Y' is between X and Y; a sector or a nation is no such area
        others = [c.other for c in settled if c.other and not c.other.startswith("sector: ")]
        named = [*subjects, *(a for a in others if a not in NATIONS)]
        indicator, sector = last.indicator, last.sector
    elif not claims:
        subjects = named = [m.target for m in sentence.mentions if m.kind in ("lep", "group")]
        spoken_of = [m.target for m in sentence.mentions if m.kind == "indicator"]
        # 'Work inspiration was less common than placements.': the first measure is the topic
        indicator, sector = (spoken_of[0] if spoken_of else ""), earlier.sector
    else:
        return earlier
    # '38% offered placements, and 17% work inspiration. The Humber sat at 29%.': claims on
    # two measures leave the next sentence's bare figure a doubt, unless 'both' takes each
    measures = tuple(dict.fromkeys(c.indicator for c in settled if c.indicator))
    mixed = len(measures) > 1
    indicators = () if mixed else (indicator,) if indicator else earlier.indicators
    if not subjects:
        return replace(earlier, indicators=indicators, measures=measures if mixed else ())
    return replace(
        earlier,
        previous=subjects[-1],
        indicators=indicators,
        measures=measures if mixed else (),
        recent=tuple(dict.fromkeys((*earlier.recent, *named)))[-2:],
        sector=sector,
    )
