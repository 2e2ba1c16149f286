"""A message -> the claims it makes, each with its subject, measure, comparator, figure, base and
period. Every figure with its subject is a claim; so is a rank, an extreme, a range, a comparison
between areas and a standing said without a figure ('a low placement rate').

Claims are read sentence by sentence. A figure takes the nearest area and measure in its part of
the sentence (parts are split at 'against', 'while', 'but', ...), else the sentence's, else the
previous sentence's, else the conversation's; with no area at all, a claim is about England. What
cannot be read with confidence is kept as a doubt, so the judge says "can't check" and why.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from intents.reading import claim_words as words
from intents.reading.amounts import YEAR, Amount
from intents.reading.clean import sentences
from intents.reading.lexicon import Lexicon
from intents.reading.query import Claim, Comparator
from intents.reading.signals import Mention, read_signals

CONNECTORS = re.compile(
    r"\b(?:against|versus|vs|compared (?:with|to)|while|whereas|but|as opposed to|unlike|"
    r"and|with)\b"
)
PRONOUN = re.compile(  # words that stand for an area ('their' is usually the people's)
    r"\b(?:it|its|there|that lep|this lep|the area|that area|the lep|that one|this one|"
    r"same lep|same area)\b"
)
SPAN = re.compile(r"\b(?:between |from )?((?:19|20)\d\d)\s*(?:-|to|and)\s*((?:19|20)?\d\d)\b")
OF_ANOTHER = re.compile(  # '61% of the UK average': a ratio, not a share of employers
    r"\s*of (?:the )?(?:[a-z]+ ){0,4}?(?:average|figure|level|rate|mean|benchmark)\b"
)
CHECK_PHRASES = re.compile(  # 'is it true', 'it s right': the question's 'it', not an area
    r"\b(?:is|was|isn t|wasn t|does|did|can i say|could i say|ok to say|say|put) it\b"
    r"|\bit s? (?:true|right|correct|fair|accurate|ok|okay|safe)\b"
)
COMPARISON = re.compile(
    r"\b(?:ahead of|behind|higher than|lower than|better than|worse than|more than|less than|"
    r"above|below|beats?|trails?|outperforms?|level with|the same as|equal to|on a par with|"
    r"matches)\b"
)
COMPARISON_SIDE: dict[str, Comparator] = {
    **dict.fromkeys(("ahead of", "higher than", "better than", "more than", "above"), ">"),
    **dict.fromkeys(("beat", "beats", "outperforms", "outperform"), ">"),
    **dict.fromkeys(("level with", "the same as", "equal to", "on a par with", "matches"), "="),
}
AREA_KINDS = ("lep", "group", "district", "region", "outside")
REGION_DOUBT = "regions have no figures of their own in this dataset, only their LEPs"
MEASURE_DOUBT = "which measure the figure is about"


@dataclass(frozen=True)
class Context:
    """What the conversation and the sentences before settled, for claims that refer back."""

    areas: tuple[str, ...] = ()  # the conversation's: what a lone follow-up claim is about
    indicators: tuple[str, ...] = ()
    previous: str = ""  # the last sentence's area: what 'it' and 'there' mean
    single: bool = True  # the message is one sentence, so a bare claim follows the conversation


@dataclass(frozen=True)
class _Sentence:
    text: str  # normalised
    original: str
    mentions: tuple[Mention, ...]
    amounts: tuple[Amount, ...]
    parts: tuple[tuple[int, int], ...]  # character spans split at connectors
    period: str
    supersedes: dict[str, frozenset[str]]


def _period(text: str) -> str:
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


def _read(original: str, lexicon: Lexicon) -> _Sentence:
    signals = read_signals(original, lexicon)
    mentions = tuple(
        _as_lep(m, lexicon) for m in signals.mentions if m.kind != "district" or _as_lep(m, lexicon)
    )
    return _Sentence(
        text=signals.text,
        original=original,
        mentions=mentions,
        amounts=signals.amounts,
        parts=_parts(signals.text, mentions),
        period=_period(signals.text),
        supersedes=lexicon.supersedes,
    )


def _as_lep(mention: Mention, lexicon: Lexicon) -> Mention:
    """A town stands for its LEP when it sat in just one ('29% of Hull employers')."""
    if mention.kind != "district":
        return mention
    leps = lexicon.district_leps.get(mention.target, ())
    return replace(mention, kind="lep", target=leps[0]) if len(leps) == 1 else mention


def _part_of(sentence: _Sentence, at: int) -> tuple[int, int]:
    return next((p for p in sentence.parts if p[0] <= at < p[1]), (0, len(sentence.text)))


def _nearest(
    sentence: _Sentence, at: int, kinds: tuple[str, ...], within: tuple[int, int] | None = None
) -> Mention | None:
    """The mention of these kinds closest to `at` (a tie goes to the one after: 'x% in London')."""
    found = [
        m
        for m in sentence.mentions
        if m.kind in kinds and (within is None or within[0] <= m.start < within[1])
    ]
    if not found:
        return None
    return min(found, key=lambda m: (min(abs(m.start - at), abs(m.end - at)), m.start < at))


def _subject(sentence: _Sentence, at: int, earlier: Context) -> tuple[str, str]:
    """(subject, doubt) for a claim anchored at `at`."""
    mention = _nearest(sentence, at, AREA_KINDS, _part_of(sentence, at)) or _nearest(
        sentence, at, AREA_KINDS
    )
    if mention is not None:
        if mention.kind == "region":
            return mention.target, REGION_DOUBT
        if mention.kind in ("district", "outside"):
            return mention.target, f"{mention.target} is not one of the 39 LEPs"
        return mention.target, ""
    if PRONOUN.search(CHECK_PHRASES.sub(" ", sentence.text)):
        referred = earlier.previous or (earlier.areas[0] if earlier.areas else "")
        return referred, "" if referred else "which area 'it' or 'there' refers to"
    if earlier.single and earlier.areas:
        return earlier.areas[0], ""
    return "England", ""


def _measure(sentence: _Sentence, at: int, earlier: Context) -> tuple[str, str]:
    """The nearest measure, passing over one another measure named beside it narrows
    ('Year 11s who had careers education were satisfied' is about satisfaction)."""
    mention = _nearest(sentence, at, ("indicator",), _part_of(sentence, at)) or _nearest(
        sentence, at, ("indicator",)
    )
    named = {m.target for m in sentence.mentions if m.kind == "indicator"}
    if mention is not None:
        narrower = [i for i in named if mention.target in sentence.supersedes.get(i, ())]
        if narrower:
            return narrower[0], ""
    if mention is not None:
        return mention.target, ""
    if earlier.indicators:
        return earlier.indicators[0], ""
    return "", MEASURE_DOUBT


def _sector(sentence: _Sentence, at: int) -> str:
    mention = _nearest(sentence, at, ("sector",), _part_of(sentence, at))
    return mention.target if mention else ""


def _comparator(text: str, amount: Amount) -> tuple[Comparator, bool]:
    """(comparator, hedged words seen) from the words just before and after the figure."""
    after = text[amount.end : amount.end + 12].strip()
    for phrase, op in words.INCLUSIVE_AFTER.items():
        if after.startswith(phrase):
            return op, False  # type: ignore[return-value]
    for op, phrases in words.COMPARATORS.items():
        if words.phrase_before(text, amount.start, phrases):
            return op, op == "~"
    if any(after.startswith(h) for h in words.AFTER_HEDGES):
        return "~", True
    return "=", False


def _negated(text: str, amount: Amount, subject_end: int) -> bool:
    """'London does not reach 46%': a negation between the subject and the figure."""
    before = text[max(subject_end, amount.start - 40) : amount.start]
    before = before.replace("no more than", "").replace("no less than", "")
    before = before.replace("no fewer than", "").replace("not more than", "")
    before = before.replace("not less than", "").replace("not fewer than", "")
    return bool(words.NEGATION.search(before))


def _base(sentence: _Sentence, start: int, end: int) -> str:
    window = sentence.text[max(0, start - 60) : end + 60]
    if words.ALL_OF.search(window):
        return "all students"
    if words.STUDENT_WORDS.search(window):
        return "students"
    if words.EMPLOYER_WORDS.search(window):
        return "employers"
    return ""


def _other(sentence: _Sentence, after: int, subject: str) -> str:
    """The area a difference, ratio or comparison is against: named after the figure."""
    if words.BENCHMARK_WORDS.search(sentence.text[after : after + 50]):
        return "England"
    for m in sentence.mentions:
        if m.start >= after and m.kind in ("lep", "group") and m.target != subject:
            return m.target
    return ""


def _direction(text: str, at: int) -> int:
    """+1 for 'above/higher than', -1 for 'below/behind', 0 when no direction follows."""
    following = text[at : at + 25].strip()
    for phrase, sign in sorted(words.DIRECTIONS.items(), key=lambda kv: -len(kv[0])):
        if following.startswith(phrase):
            return sign
    return 0


def _figure_claim(sentence: _Sentence, amount: Amount, earlier: Context) -> Claim:
    text = sentence.text
    subject, doubt = _subject(sentence, amount.start, earlier)
    indicator, measure_doubt = _measure(sentence, amount.start, earlier)
    subject_at = next((m.end for m in sentence.mentions if m.target == subject), 0)
    comparator, hedged = _comparator(text, amount)
    claim = Claim(
        text=sentence.original,
        kind="figure",
        subject=subject,
        indicator=indicator,
        sector=_sector(sentence, amount.start),
        comparator="~" if hedged else comparator,
        value=amount.value,
        high=amount.high,
        precision=amount.precision,
        unit=amount.unit,
        in_words=amount.in_words,
        negated=_negated(text, amount, subject_at if subject_at < amount.start else 0),
        complement=bool(words.COMPLEMENT.search(text[amount.end : amount.end + 60])),
        period=sentence.period,
        base=_base(sentence, amount.start, amount.end),
        doubt=doubt or measure_doubt,
        written=text[amount.start : amount.end],
    )
    sign = _direction(text, amount.end)
    other = _other(sentence, amount.end, subject)
    if amount.unit == "ratio":
        return replace(claim, kind="ratio", other=other, doubt=claim.doubt or _no_other(other))
    if amount.unit == "points" and (sign or other):
        value = amount.value * (sign or 1)
        return replace(claim, kind="difference", value=value, other=other or "England")
    if sign and other and amount.unit in ("percent", "pounds"):
        return replace(claim, kind="difference", value=amount.value * sign, other=other)
    if other and OF_ANOTHER.match(text[amount.end :]) and amount.unit == "percent":
        return replace(claim, kind="ratio", value=amount.value / 100, precision=0.01, other=other)
    if amount.high is not None and subject == "England" and _about_all_leps(text):
        return replace(claim, kind="range", subject="", doubt=measure_doubt)
    return claim


def _no_other(other: str) -> str:
    return "" if other else "what the figure is compared with"


def _about_all_leps(text: str) -> bool:
    return bool(words.RANGE_WORDS.search(text) and words.ALL_LEPS.search(text))


def _inside_mention(sentence: _Sentence, start: int) -> bool:
    return any(m.start <= start < m.end for m in sentence.mentions)


def _extreme_claims(sentence: _Sentence, earlier: Context) -> list[tuple[int, Claim]]:
    out = []
    for m in words.EXTREME.finditer(sentence.text):
        word = m.group(3)
        if _inside_mention(sentence, m.start(3)) or (
            word in ("most", "least")
            and not re.search(
                r"\b(?:the|likely)\b", m.group(0) + sentence.text[m.end() : m.end() + 8]
            )
        ):
            continue
        subject, doubt = _subject(sentence, m.start(), earlier)
        indicator, measure_doubt = _measure(sentence, m.start(), earlier)
        out.append(
            (
                m.start(),
                Claim(
                    text=sentence.original,
                    kind="extreme",
                    subject=subject,
                    indicator=indicator,
                    sector=_sector(sentence, m.start()),
                    extreme=words.EXTREME_WORDS[word],
                    position=words.ORDINALS.get(m.group(2) or "", 1),
                    joint=bool(m.group(1)),
                    only=bool(words.ONLY.search(sentence.text)),
                    period=sentence.period,
                    doubt=doubt or measure_doubt,
                ),
            )
        )
    for m in words.TOP_N.finditer(sentence.text):
        subject, doubt = _subject(sentence, m.start(), earlier)
        indicator, measure_doubt = _measure(sentence, m.start(), earlier)
        n = m.group(2)
        position = int(n) if n.isdigit() else {"three": 3, "five": 5, "ten": 10}[n]
        claim = Claim(
            text=sentence.original,
            kind="top_n",
            subject=subject,
            indicator=indicator,
            extreme="highest" if m.group(1) == "top" else "lowest",
            position=position,
            doubt=doubt or measure_doubt,
        )
        out.append((m.start(), claim))
    return out


def _comparison_claim(sentence: _Sentence, earlier: Context) -> list[tuple[int, Claim]]:
    """'Dorset is ahead of Heart of the South West', 'London is above the national average',
    'Cheshire and Warrington is level with London'."""
    text = sentence.text
    areas = [m for m in sentence.mentions if m.kind in ("lep", "group")]
    if not areas:
        return []
    subject = areas[0]
    indicator, doubt = _measure(sentence, subject.end, earlier)
    for m in COMPARISON.finditer(text):
        if m.start() < subject.end or _inside_mention(sentence, m.start()):
            continue
        other = _other(sentence, m.end(), subject.target)
        if not other or any(a.start <= m.end() < a.end for a in sentence.amounts):
            continue
        claim = Claim(
            text=sentence.original,
            kind="comparison",
            subject=subject.target,
            indicator=indicator,
            comparator=COMPARISON_SIDE.get(m.group(0), "<"),
            other=other,
            negated=bool(words.NEGATION.search(text[subject.end : m.start()])),
            period=sentence.period,
            doubt=doubt,
        )
        return [(m.start(), claim)]
    return []


def _relation_claim(sentence: _Sentence, earlier: Context) -> list[tuple[int, Claim]]:
    """A standing said without a figure: 'Cumbria has a low placement rate'."""
    text = sentence.text
    areas = [m for m in sentence.mentions if m.kind in ("lep", "group")]
    if not areas:
        return []
    subject = areas[0]
    indicator, doubt = _measure(sentence, subject.end, earlier)
    for phrase, relation in sorted(words.RELATIONS.items(), key=lambda kv: -len(kv[0])):
        found = re.search(rf"\b{phrase}\b", text)
        if found and not _inside_mention(sentence, found.start()):
            claim = Claim(
                text=sentence.original,
                kind="relation",
                subject=subject.target,
                indicator=indicator,
                relation=relation,
                negated=bool(words.NEGATION.search(text[subject.end : found.start()])),
                period=sentence.period,
                doubt=doubt,
            )
            return [(found.start(), claim)]
    return []


def read_claims(text: str, lexicon: Lexicon, earlier: Context = Context()) -> tuple[Claim, ...]:
    """Every claim in `text` (cleaned, not normalised), in the order written."""
    out: list[Claim] = []
    split = sentences(text)
    earlier = replace(earlier, single=len(split) == 1)
    for original in split:
        sentence = _read(original, lexicon)
        found = [(a.start, _figure_claim(sentence, a, earlier)) for a in sentence.amounts]
        found += _extreme_claims(sentence, earlier)
        found += _comparison_claim(sentence, earlier)
        if not found:
            found = _relation_claim(sentence, earlier)
        claims = [c for _, c in sorted(found, key=lambda pair: pair[0])]
        out += claims
        settled = [c for c in claims if c.subject and not c.doubt]
        if settled:  # the next sentence's 'it' means this one's area, and its measure carries
            last = settled[-1]
            earlier = replace(
                earlier,
                previous=last.subject,
                indicators=(last.indicator,) if last.indicator else earlier.indicators,
            )
    return tuple(out)
