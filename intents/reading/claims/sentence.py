"""One sentence as the claim reader sees it: its mentions (background places set aside, a
sector word read as the sector beside another), figures, parts and period; and the Context
the sentences before it settled."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from intents.reading import claim_words as words
from intents.reading.amounts import YEAR, Amount
from intents.reading.lexicon import Lexicon
from intents.reading.signals import Mention, Reader, set_aside

CONNECTORS = re.compile(
    r"\b(?:against|versus|vs|compared (?:with|to)|while|whereas|but|yet|although|though|as opposed to|unlike|"
    r"and|with)\b"
)


SPAN = re.compile(  # '2008-13', 'from 2012 to 2014'; not 'in 2012 to 46%'
    r"\b(?:between |from )?(?:eps )?((?:19|20)\d\d)\s*(?:-|to|and)\s*(?:eps )?((?:19|20)?\d\d)\b"
    r"(?!\s*(?:%|per ?cent|points?))"
)


LINKED_AFTER = re.compile(
    r"^\S*\s*(?:of\s+(?:\w+\s+){0,3}?)?(?:in|across|for|at|from)\s+(?:the\s+)?$"
)


LINKED_MEASURE = re.compile(
    r"^(?:\S+(?: per ?cent| percent)?)\s*(?:of\s+(?:\w+\s+){0,3}?)?"
    r"(?:(?:offer\w*|do|did|had|ran|run|on|for|in|with|host\w*|provid\w*|gave|took on)\s+)?"
    r"(?:(?:the|a|an|some)\s+)?$"
)


SCOPE = re.compile(r"\b(?:in|across|of|among|led|leads|tops|topped)\s+(?:the\s+|all\s+|any\s+)?$")


SINCE = re.compile(r"\bsince ((?:19|20)\d\d)\b")


DECADE = re.compile(r"\b(?:past|last|previous) (?:decade|ten years|10 years)\b")


AREA_KINDS = ("lep", "group", "district", "region", "outside")


@dataclass(frozen=True)
class Context:
    """What the conversation and the sentences before settled, for claims that refer back."""

    areas: tuple[str, ...] = ()  # the conversation's: what a lone follow-up claim is about
    indicators: tuple[str, ...] = ()
    previous: str = ""  # the last sentence's area: what 'it' and 'there' mean
    single: bool = True  # the message is one sentence, so a bare claim follows the conversation
    recent: tuple[str, ...] = ()  # the last two areas claims were about: 'the gap', 'both'
    sector: str = ""  # the last claim's sector: 'Its figure was 18%' after a sector claim
    period: str = ""  # the years the sentences before named: 'over the same period'
    students: bool = False  # the sentence before was about Year 11s: 'a work placement' is theirs
    measures: tuple[str, ...] = ()  # the sentence before's measures, when it had several
    said_of: tuple[tuple[str, str], ...] = ()  # (area, measure) the last check gave each area


@dataclass(frozen=True)
class Sentence:
    text: str  # normalised
    original: str
    mentions: tuple[Mention, ...]
    background: tuple[Mention, ...]  # places set aside: 'outside Cumbria', 'from our Leeds office'
    amounts: tuple[Amount, ...]
    parts: tuple[tuple[int, int], ...]  # character spans split at connectors
    period: str
    supersedes: dict[str, frozenset[str]]
    broken_down: frozenset[str]  # measures published by sector
    changes: frozenset[str]  # measures that are themselves a change in points


SAME_PERIOD = re.compile(r"\b(?:the same|that|this) (?:period|span|years?|time)\b|\bsince then\b")


def _period(text: str) -> str:
    since = SINCE.search(text)
    if since:
        return f"{since.group(1)}-2014"
    if DECADE.search(text):
        return "2004-2014"
    span = SPAN.search(text)
    if span:
        start, end = span.group(1), span.group(2)
        end = end if len(end) == 4 else start[:2] + end
        return f"{start}-{end}"
    years = YEAR.findall(text)
    return years[0] if years else ""


def _parts(text: str, mentions: Sequence[Mention]) -> tuple[tuple[int, int], ...]:
    cuts = [
        m.start()
        for m in CONNECTORS.finditer(text)
        if not any(x.start <= m.start() < x.end for x in mentions)
    ]
    edges = [0, *cuts, len(text)]
    return tuple((a, b) for a, b in pairwise(edges) if b > a)


HEADING = re.compile(  # a passage's heading names the area its bullets are about
    r"\b(?:board (?:note|paper|pack|briefing|report)|briefing(?: note)?|board|key stats|"
    r"factsheet|fact sheet|bullet points|section|para(?:graph)?)\b"
)


def read_sentence(
    original: str, lexicon: Lexicon, read: Reader, students: bool = False, alone: bool = True
) -> Sentence:
    """One sentence; `alone`: the message is this sentence, so a place can only be background
    when another is named beside it."""
    signals = read(original, students)
    heading = not signals.amounts and HEADING.search(signals.text)  # 'Tees Valley board note:'
    aside = () if heading else set_aside(signals.text, signals.mentions)
    kept = [m for m in signals.mentions if m.target not in aside] if aside else signals.mentions
    if alone and not any(m.kind in ("lep", "district") for m in kept):
        kept = signals.mentions  # every place is background: it is the subject after all
    mentions = _without_scope(signals.text, tuple(_as_lep(m, lexicon) for m in kept))
    mentions = _as_sectors(signals.text, mentions, lexicon)
    return Sentence(
        text=signals.text,
        original=original,
        mentions=mentions,
        background=tuple(m for m in signals.mentions if m not in kept),
        amounts=signals.amounts,
        parts=_parts(signals.text, mentions),
        period=_period(signals.text),
        supersedes=lexicon.supersedes,
        broken_down=lexicon.broken_down,
        changes=lexicon.changes,
    )


def _without_scope(text: str, mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """'Hull is the worst area in England', 'the highest share in the UK': England and the UK
    say where the extreme holds, not what the claim is about, when an area is named before."""
    out = []
    for m in mentions:
        before = text[max(0, m.start - 40) : m.start]
        earlier = any(
            x.kind in ("lep", "group", "district") and x.end <= m.start - 3 for x in mentions
        )
        scope = (
            m.kind == "group"
            and earlier
            and SCOPE.search(before)
            and words.EXTREME.search(before)
            and not words.MARGIN_AFTER.match(text, m.end)  # 'leads the UK by 5 points'
        )
        if not scope:
            out.append(m)
    return tuple(out)


def _as_sectors(text: str, mentions: tuple[Mention, ...], lexicon: Lexicon) -> tuple[Mention, ...]:
    """'Manufacturing, at 13%, is twice construction': beside another sector, a word that is
    both a measure and a sector is the sector."""
    if not any(m.kind == "sector" for m in mentions):
        return mentions
    out = []
    for m in mentions:
        entries = lexicon.phrases.get(tuple(text[m.start : m.end].split()), ())
        sector = next((e for e in entries if e.kind == "sector"), None)
        out.append(replace(m, kind="sector", target=sector.target) if sector else m)
    return tuple(out)


def _as_lep(mention: Mention, lexicon: Lexicon) -> Mention:
    """A town stands for its LEP when it sat in just one ('29% of Hull employers')."""
    if mention.kind != "district":
        return mention
    leps = lexicon.district_leps.get(mention.target, ())
    return replace(mention, kind="lep", target=leps[0]) if len(leps) == 1 else mention


def part_of(sentence: Sentence, at: int) -> tuple[int, int]:
    return next((p for p in sentence.parts if p[0] <= at < p[1]), (0, len(sentence.text)))


def nearest(
    sentence: Sentence,
    at: int,
    kinds: tuple[str, ...],
    within: tuple[int, int] | None = None,
) -> Mention | None:
    """The mention of these kinds closest to `at` (a tie goes to the one after: 'x% in London')."""
    found = [
        m
        for m in sentence.mentions
        if m.kind in kinds
        and (within is None or within[0] <= m.start < within[1])
        and not (m.kind in AREA_KINDS and (contrasted(sentence, m) or co_holder(sentence, m)))
    ]
    if not found:
        return None

    linked = LINKED_MEASURE if kinds == ("indicator",) else LINKED_AFTER

    def distance(m: Mention) -> tuple[int, bool]:
        if m.start >= at and linked.match(sentence.text[at : m.start]):
            return (0, False)  # '29% in the Humber', '25% work inspiration'
        return (min(abs(m.start - at), abs(m.end - at)), m.start < at)

    def has_own(m: Mention) -> bool:
        """'…, averaging 0.8% a year, with only Cheshire slower at 0.6%': Cheshire's is the
        0.6%, so a place (or England) named after the figure, with a figure of its own straight
        after it, is not the figure's subject."""
        return (
            m.kind in AREA_KINDS
            and m.start > at
            and distance(m)[0] > 0
            and any(
                a.start > m.end and OWN_AFTER.fullmatch(sentence.text, m.end, a.start)
                for a in sentence.amounts
            )
        )

    return min(found, key=lambda m: (has_own(m), distance(m)))


OWN_AFTER = re.compile(r"(?:\s+[a-z]+){0,2}\s+(?:at|on)\s+")  # 'Cheshire slower at 0.6%': its own
NATIONS = frozenset({"England", "UK"})  # yardsticks a LEP is measured against, no LEP themselves


def measures_before(sentence: Sentence, earlier: Context) -> tuple[str, ...]:
    """'Cheshire and Warrington led on both, at 46% and 25%': the several measures of the
    sentence before, in order, when this one says 'both' or 'each' of them; else ()."""
    if len(earlier.measures) > 1 and words.EACH_OF_THEM.search(sentence.text):
        return earlier.measures
    return ()


def past_contrasts(sentence: Sentence, start: int, at: int) -> int:
    """Where to look for a negation of a claim at `at`: past any ', not London,' before it, whose
    'not' sets another area aside rather than denying the claim."""
    ends = [
        m.end
        for m in sentence.mentions
        if m.kind in AREA_KINDS and start <= m.start and m.end <= at and contrasted(sentence, m)
    ]
    return max([start, *ends])


def contrasted(sentence: Sentence, mention: Mention) -> bool:
    """', not London,': an area set aside in passing, neither a subject nor a denial."""
    return bool(
        words.CONTRASTED.search(sentence.text[: mention.start])
        and words.CONTRAST_ENDS.match(sentence.text, mention.end)
    )


def co_holder(sentence: Sentence, mention: Mention) -> bool:
    """'46%, joint top with London': an area that shares the standing of one named before it,
    no new subject for the figures after it."""
    return bool(words.CO_HOLDER.search(sentence.text[: mention.start])) and any(
        m.kind in AREA_KINDS and m.end <= mention.start for m in sentence.mentions
    )


def inside_mention(sentence: Sentence, start: int, end: int | None = None) -> bool:
    """Whether a word at `start` is part of something named; a word that is the whole of a
    measure's name ('richest' for GVA per head) still says its own extreme."""
    return any(
        m.start <= start < m.end and (end is None or (m.start, m.end) != (start, end))
        for m in sentence.mentions
    )
