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
from intents.reading.signals import Mention, read_signals, set_aside

CONNECTORS = re.compile(
    r"\b(?:against|versus|vs|compared (?:with|to)|while|whereas|but|as opposed to|unlike|"
    r"and|with)\b"
)
PRONOUN = re.compile(  # words that stand for an area ('their' is usually the people's)
    r"\b(?:it|its|there|that lep|this lep|the area|that area|the lep|that one|this one|"
    r"same lep|same area)\b"
)
SPAN = re.compile(r"\b(?:between |from )?((?:19|20)\d\d)\s*(?:-|to|and)\s*((?:19|20)?\d\d)\b")
OF_ANOTHER = re.compile(  # '61% of the UK average', 'half the UK average': a ratio
    r"\s*(of )?(?:the |its |their )?(?:[a-z]+ ){0,4}?(?:average|figure|level|rate|mean|benchmark|share)\b"
)
LINKED_AFTER = re.compile(
    r"^\S*\s*(?:of\s+(?:\w+\s+){0,3}?)?(?:in|across|for|at|from)\s+(?:the\s+)?$"
)
LINKED_MEASURE = re.compile(
    r"^(?:\S+(?: per ?cent| percent)?)\s*(?:of\s+(?:\w+\s+){0,3}?)?"
    r"(?:(?:offer\w*|do|did|had|ran|run|on|for|in|with)\s+)?(?:the\s+)?$"
)
ONLY_ONE = re.compile(r"\b(?:the only|the one|alone|uniquely)\b(?: (?:lep|area|place|one))?")
SCOPE = re.compile(r"\b(?:in|across|of|among|led|leads|tops|topped)\s+(?:the\s+|all\s+)?$")
GAP = re.compile(r"\b(?:gap|difference|apart|separat\w*|between (?:them|the two))\b")
BY = re.compile(
    r"\bby\s+(?:about|around|roughly|some|nearly|almost|over|more than|less than|just over|"
    r"just under|at least|c|circa|~)?\s*$"
)
LISTED = re.compile(r"\s*,?\s*(?:and\s+|&\s+)?(?:the\s+)?")  # commas are gone once normalised
BOTH_AND = re.compile(r"\bboth\b.+\band\b")  # 'both had careers education and were satisfied'
ALSO = re.compile(r"\b(?:also|too|likewise|as well)\b(?: at| on)?\s*$")
THAT_IS = re.compile(r"(?:that|this|it) (?:is|s|was|puts it)\b")
THERE = re.compile(r"\b(?:employers|firms|businesses) there\b|\bthere s\b(?! no)")
CHECK_PHRASES = re.compile(  # 'is it true', 'it s right': the question's 'it', not an area
    r"\b(?:is|was|isn t|wasn t|does|did|can i say|could i say|ok to say|say|put) it\b"
    r"|\bit s? (?:true|right|correct|fair|accurate|ok|okay|safe)\b"
)
COMPARISON = re.compile(
    r"\b(?:ahead of|behind|higher than|lower than|better than|worse than|more than|less than|"
    r"above|below|beats?|trails?|outperforms?|level with|the same as|equal to|on a par with|"
    r"matches|matched|equalled|equals|mirrors|mirrored|more likely|less likely)\b"
)
STILL = re.compile(  # 'Tees Valley is lower still': than the area the sentence before was about
    r"\b(?:(higher|lower|better|worse|stronger|weaker) still|even (higher|lower|better|worse|"
    r"stronger|weaker))\b"
)
STILL_SIDE: dict[str, Comparator] = {"higher": ">", "better": ">", "stronger": ">"}
COMPARISON_SIDE: dict[str, Comparator] = {
    **dict.fromkeys(("ahead of", "higher than", "better than", "more than", "above"), ">"),
    "more likely": ">",
    **dict.fromkeys(("beat", "beats", "outperforms", "outperform"), ">"),
    **dict.fromkeys(("level with", "the same as", "equal to", "on a par with", "matches"), "="),
    **dict.fromkeys(("matched", "equalled", "equals", "mirrors", "mirrored"), "="),
}
MIRRORED: dict[Comparator, Comparator] = {
    ">": "<",
    ">=": "<=",
    "<": ">",
    "<=": ">=",
    "just_below": "just_above",
    "just_above": "just_below",
}
SINCE = re.compile(r"\bsince ((?:19|20)\d\d)\b")
DECADE = re.compile(r"\b(?:past|last|previous) (?:decade|ten years|10 years)\b")
AREA_KINDS = ("lep", "group", "district", "region", "outside")
NATIONS = frozenset({"England", "UK"})
NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "ten": 10}
SPREAD = re.compile(  # the gap between the two ends of the LEP range, not between two areas
    r"\b(?:best|top|highest|strongest) and (?:the )?(?:worst|bottom|lowest|weakest)\b"
    r"|\b(?:worst|bottom|lowest|weakest) and (?:the )?(?:best|top|highest|strongest)\b"
    r"|\bspread\b"
)
TREND = re.compile(  # 'down from 2012', 'up on 2012', 'fallen since 2010'
    r"\b(?:down|up|fell|rose|risen|fallen|increased|decreased|dropped|declined|grown|higher|"
    r"lower|more|less|fewer)\b(?:\s+\w+){0,3}?\s+(?:from|on|since|than in|compared with)\s+"
    r"((?:19|20)\d\d)\b"
)
UK_WIDE = re.compile(r"\b(?:in|across|of|anywhere in|throughout) (?:the )?(?:uk|united kingdom)\b")
REGION_DOUBT = "regions have no figures of their own in this dataset, only their LEPs"
MEASURE_DOUBT = "which measure the figure is about"


@dataclass(frozen=True)
class Context:
    """What the conversation and the sentences before settled, for claims that refer back."""

    areas: tuple[str, ...] = ()  # the conversation's: what a lone follow-up claim is about
    indicators: tuple[str, ...] = ()
    previous: str = ""  # the last sentence's area: what 'it' and 'there' mean
    single: bool = True  # the message is one sentence, so a bare claim follows the conversation
    recent: tuple[str, ...] = ()  # the last two areas claims were about: 'the gap', 'both'
    sector: str = ""  # the last claim's sector: 'Its figure was 18%' after a sector claim


@dataclass(frozen=True)
class _Sentence:
    text: str  # normalised
    original: str
    mentions: tuple[Mention, ...]
    amounts: tuple[Amount, ...]
    parts: tuple[tuple[int, int], ...]  # character spans split at connectors
    period: str
    supersedes: dict[str, frozenset[str]]
    broken_down: frozenset[str]  # measures published by sector
    changes: frozenset[str]  # measures that are themselves a change in points


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


def _read(original: str, lexicon: Lexicon, students: bool = False, alone: bool = True) -> _Sentence:
    """One sentence; `alone`: the message is this sentence, so a place can only be background
    when another is named beside it."""
    signals = read_signals(original, lexicon, students)
    aside = set_aside(signals.text, signals.mentions)
    kept = [m for m in signals.mentions if m.target not in aside] if aside else signals.mentions
    if alone and not any(m.kind in ("lep", "district") for m in kept):
        kept = signals.mentions  # every place is background: it is the subject after all
    mentions = _without_scope(signals.text, tuple(_as_lep(m, lexicon) for m in kept))
    mentions = _as_sectors(signals.text, mentions, lexicon)
    return _Sentence(
        text=signals.text,
        original=original,
        mentions=mentions,
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
            m.kind == "group" and earlier and SCOPE.search(before) and words.EXTREME.search(before)
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


def _part_of(sentence: _Sentence, at: int) -> tuple[int, int]:
    return next((p for p in sentence.parts if p[0] <= at < p[1]), (0, len(sentence.text)))


def _nearest(
    sentence: _Sentence,
    at: int,
    kinds: tuple[str, ...],
    within: tuple[int, int] | None = None,
) -> Mention | None:
    """The mention of these kinds closest to `at` (a tie goes to the one after: 'x% in London')."""
    found = [
        m
        for m in sentence.mentions
        if m.kind in kinds and (within is None or within[0] <= m.start < within[1])
    ]
    if not found:
        return None

    linked = LINKED_MEASURE if kinds == ("indicator",) else LINKED_AFTER

    def distance(m: Mention) -> tuple[int, bool]:
        if m.start >= at and linked.match(sentence.text[at : m.start]):
            return (0, False)  # '29% in the Humber', '25% work inspiration'
        return (min(abs(m.start - at), abs(m.end - at)), m.start < at)

    return min(found, key=distance)


def _subject(sentence: _Sentence, at: int, earlier: Context) -> tuple[str, str]:
    """(subject, doubt) for a claim anchored at `at`."""
    mention = _nearest(sentence, at, AREA_KINDS, _part_of(sentence, at)) or _nearest(
        sentence, at, AREA_KINDS
    )
    if ALSO.search(sentence.text[max(0, at - 12) : at]):  # 'X is typical of the south, also at 40%'
        start, _ = _part_of(sentence, at)
        mention = next(
            (m for m in sentence.mentions if m.kind in AREA_KINDS and start <= m.start < at),
            mention,
        )
    if mention is not None and mention.kind == "region":
        lep = next((m for m in sentence.mentions if m.kind == "lep"), None)
        mention = lep or mention
    if mention is not None:
        if mention.kind == "region":
            return mention.target, REGION_DOUBT
        if mention.kind in ("district", "outside"):
            return mention.target, f"{mention.target} is not one of the 39 LEPs"
        return mention.target, ""
    vague = next((m for m in sentence.mentions if m.kind == "ambiguous"), None)
    if vague is not None:
        return "", f"which LEP '{vague.target}' means"
    before = CHECK_PHRASES.sub(" ", sentence.text[:at])
    if PRONOUN.search(before) or THERE.search(sentence.text):
        referred = earlier.previous or (earlier.areas[0] if earlier.areas else "")
        return referred, "" if referred else "which area 'it' or 'there' refers to"
    if earlier.previous:  # a passage: 'Only 29% do.' is about the sentence before's area
        return earlier.previous, ""
    if earlier.single and earlier.areas:
        return earlier.areas[0], ""
    return "England", ""


def _measure(sentence: _Sentence, at: int, earlier: Context) -> tuple[str, str]:
    """The nearest measure, passing over one another measure named beside it narrows
    ('Year 11s who had careers education were satisfied' is about satisfaction)."""
    mention = _nearest(sentence, at, ("indicator",), _part_of(sentence, at)) or _nearest(
        sentence, at, ("indicator",)
    )
    part = _part_of(sentence, at)
    sectors = [m for m in sentence.mentions if m.kind == "sector"]
    sector_before = earlier.indicators[:1] and earlier.indicators[0] in sentence.broken_down
    if (
        sectors
        and sector_before
        and (mention is None or mention.target not in sentence.broken_down)
    ):
        return earlier.indicators[0], ""  # 'Manufacturing stood at 13%.' after a sector claim
    if len(sectors) > 1:  # 'manufacturing 13%, construction 6%': sectors, not manufacturing's GVA
        overlapping = mention is not None and any(
            m.start < mention.end and mention.start < m.end for m in sectors
        )
        if (mention is None or overlapping) and len(sentence.broken_down) == 1:
            return next(iter(sentence.broken_down)), ""
    if mention is not None and not part[0] <= mention.start < part[1]:
        part = _part_of(sentence, mention.start)  # the measure is named in the next part
    scope = (0, len(sentence.text)) if BOTH_AND.search(sentence.text) else part
    named = {
        m.target
        for m in sentence.mentions
        if m.kind == "indicator" and scope[0] <= m.start < scope[1]
    }
    if mention is not None:
        narrower = [i for i in named if mention.target in sentence.supersedes.get(i, ())]
        if narrower:
            return narrower[0], ""
    if mention is not None:
        return mention.target, ""
    if earlier.indicators:
        return earlier.indicators[0], ""
    return "", MEASURE_DOUBT


def _carried_sector(sentence: _Sentence, earlier: Context) -> str:
    """'Its figure was 18%.' after a claim about a sector is about that sector."""
    return earlier.sector if PRONOUN.search(sentence.text) else ""


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
    bound = next((p for p in NEGATIVE_BOUNDS if before.rstrip().endswith(p)), "")
    if bound:  # 'not below 30%' is the bound >= 30, not a denial of it
        before = before.rstrip().removesuffix(bound)
    return bool(words.NEGATION.search(before))


NEGATIVE_BOUNDS = sorted(
    (p for ps in words.COMPARATORS.values() for p in ps if words.NEGATION.search(p)),
    key=len,
    reverse=True,
)
BASES = (
    (words.ALL_OF, "all students"),
    (words.STUDENT_WORDS, "students"),
    (words.PEOPLE_WORDS, "people"),
    (words.ALL_EMPLOYERS, "all employers"),
    (words.EMPLOYER_WORDS, "employers"),
)


def _base(sentence: _Sentence, start: int, end: int) -> str:
    """Who the share is said to be of: the words after 'X% of', else those around the figure."""
    of = re.match(r"\s*of\s+(.*)", sentence.text[end : end + 45])
    window = of.group(1) if of else sentence.text[max(0, start - 60) : end + 60]
    if words.SOLE_TRADERS.search(window):
        return "people"
    found = [(m.start(), name) for pattern, name in BASES if (m := pattern.search(window))]
    return min(found)[1] if found else ""


def _benchmark(phrase: re.Match[str]) -> str:
    """'the UK average' is the UK's figure; 'the national average' England's."""
    return "UK" if re.search(r"\buk\b", phrase.group(0)) else "England"


def _other(sentence: _Sentence, after: int, subject: str) -> str:
    """The area a difference, ratio or comparison is against: named after the figure."""
    bench = words.BENCHMARK_WORDS.search(sentence.text[after : after + 50])
    if bench:
        return _benchmark(bench)
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
        sector=_sector(sentence, amount.start) or _carried_sector(sentence, earlier)
        if indicator in sentence.broken_down
        else "",
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
        only=bool(ONLY_ONE.search(text)),
    )
    if amount.unit == "points" and SPREAD.search(text):
        return replace(claim, kind="spread", subject="", doubt=measure_doubt)
    change = indicator in sentence.changes and amount.unit == "points"
    if amount.unit == "ratio" or (amount.unit == "points" and not change) or _is_gap(text, amount):
        subject, other, sign = _sides(sentence, amount, earlier.previous or subject, earlier)
        sectors = [m for m in sentence.mentions if m.kind == "sector"]
        if len(sectors) > 1 and not other:  # 'manufacturing trails financial services by 5'
            claim = replace(claim, sector=sectors[0].target)
            other = sectors[1].target
        measures = list(dict.fromkeys(m.target for m in sentence.mentions if m.kind == "indicator"))
        if not other and len(measures) > 1:  # 'placements are twice as common as inspiration'
            claim = replace(claim, indicator=measures[0], versus=measures[1])
            other = subject
        if amount.unit == "ratio":
            return replace(claim, kind="ratio", subject=subject, other=other,
                           doubt=claim.doubt or _no_other(other))  # fmt: skip
        comparator = claim.comparator
        if sign < 0:  # 'at least 8 points below': the gap is -8 or lower
            comparator = MIRRORED.get(comparator, comparator)
        return replace(
            claim, kind="difference", subject=subject, value=amount.value * (sign or 1),
            other=other or "England", signed=sign != 0, comparator=comparator,
        )  # fmt: skip
    other = _other(sentence, amount.end, subject)
    of = OF_ANOTHER.match(text[amount.end :])
    measures = list(dict.fromkeys(m.target for m in sentence.mentions if m.kind == "indicator"))
    if of and not other and len(measures) > 1 and amount.unit == "percent" and amount.in_words:
        return replace(  # 'work inspiration is less than half its placement share'
            claim, kind="ratio", indicator=measures[0], versus=measures[1], other=subject,
            value=amount.value / 100, precision=amount.precision / 100,
        )  # fmt: skip
    if other and of and amount.unit == "percent" and (of.group(1) or amount.in_words):
        subject, other, _ = _sides(sentence, amount, earlier.previous or subject, earlier)
        return replace(
            claim, kind="ratio", subject=subject, value=amount.value / 100,
            precision=amount.precision / 100, other=other,
        )  # fmt: skip
    if amount.high is not None and subject == "England" and _about_all_leps(text):
        return replace(claim, kind="range", subject="", doubt=measure_doubt)
    return claim


def _is_gap(text: str, amount: Amount) -> bool:
    """'5% above England', 'exceeded the UK average by £16,000': a figure that is a gap."""
    if amount.unit not in ("percent", "pounds"):
        return False
    after = _direction(text, amount.end) != 0 and bool(words.THAN_OR_AREA.match(text[amount.end :]))
    by = bool(BY.search(text[: amount.start])) and bool(_direction_before(text, amount.start))
    return after or by


def _direction_before(text: str, end: int) -> int:
    found = [
        (m.start(), sign)
        for phrase, sign in words.DIRECTIONS.items()
        for m in re.finditer(rf"\b{phrase}\b", text[:end])
    ]
    return max(found)[1] if found else 0


def _sides(
    sentence: _Sentence, amount: Amount, subject: str, earlier: Context
) -> tuple[str, str, int]:
    """(subject, other, sign) of a gap or ratio: the subject is named before the figure, the
    other after it ('8 points above England') or before it ('London's lead over England is')."""
    text = sentence.text
    areas = [m for m in sentence.mentions if m.kind in ("lep", "group")]
    before = [m.target for m in areas if m.end <= amount.start]
    after = [m.target for m in areas if m.start >= amount.end and m.target not in before[:1]]
    if not before and len(after) > 1 and not words.BENCHMARK_WORDS.search(text):
        return after[0], after[1], 0  # '17 points separate London and the Humber'
    if not areas and len(earlier.recent) == 2 and GAP.search(text):
        return earlier.recent[0], earlier.recent[1], 0  # 'The gap is 5 points.'
    first = before[0] if before else subject
    if not before and after and first == after[0]:  # 'that's 10 points above England'
        first = earlier.previous or (earlier.areas[0] if earlier.areas else first)
    bench = words.BENCHMARK_WORDS.search(text, amount.end)
    if after and not (
        bench and bench.start() <= min(m.start for m in areas if m.start >= amount.end)
    ):
        other = after[0]
    elif bench:
        other = _benchmark(bench)
    elif len(before) > 1:
        other = before[1]
    elif (bench := words.BENCHMARK_WORDS.search(text[: amount.start])) and first != "England":
        other = _benchmark(bench)
    else:
        other = ""
    sign = _direction(text, amount.end) or _direction_before(text, amount.start)
    return first, other if other != first else "", sign


def _no_other(other: str) -> str:
    """Why a ratio cannot be judged: '' when it says what it is compared with."""
    return "" if other else "what the figure is compared with"


def _about_all_leps(text: str) -> bool:
    return bool(words.RANGE_WORDS.search(text) and words.ALL_LEPS.search(text))


def _inside_mention(sentence: _Sentence, start: int) -> bool:
    return any(m.start <= start < m.end for m in sentence.mentions)


def _denied(sentence: _Sentence, subject: str, at: int) -> bool:
    """'Tees Valley isn't the lowest': a negation between the subject and the claim."""
    start = next((m.end for m in sentence.mentions if m.target == subject and m.end <= at), 0)
    return bool(words.NEGATION.search(sentence.text[start:at]))


def _quantified(sentence: _Sentence, earlier: Context) -> list[tuple[int, Claim]]:
    """'Most employers do not offer placements': a share said as more or less than half."""
    out = []
    for m in words.QUANTIFIER.finditer(sentence.text):
        amount = Amount(50.0, 1.0, "percent", m.start(), m.end(), in_words=True)
        claim = _figure_claim(sentence, amount, earlier)
        comparator = words.QUANTIFIERS[m.group(1)]
        out.append((m.start(), replace(claim, comparator=comparator, written=m.group(1))))
    return out


def _every_lep(sentence: _Sentence, claims: list[tuple[int, Claim]]) -> list[tuple[int, Claim]]:
    """'No LEP has more than half': a bound on every LEP's figure, judged on the published range."""
    every = words.EVERY.search(sentence.text)
    sectors = words.EVERY_SECTOR.search(sentence.text)  # 'no sector had more than 20%'
    if every is None and sectors is None:
        return claims
    none = (every or sectors).group(0).startswith(("no ", "none", "not"))
    which = {"sector": "all"} if every is None else {"subject": ""}
    return [
        (at, replace(c, kind="range", high=None, negated=none, **which))
        if c.kind == "figure" and c.comparator not in ("=", "~")
        else (at, c)
        for at, c in claims
    ]


def _among(sentence: _Sentence, earlier: Context) -> list[tuple[int, Claim]]:
    """'Tees Valley is one of the worst for youth unemployment': a standing, judged by polarity."""
    out = []
    for m in words.AMONG.finditer(sentence.text):
        subject, doubt = _subject(sentence, m.start(), earlier)
        before = [x for x in sentence.mentions if x.kind in ("lep", "group") and x.end <= m.start()]
        if before:
            subject = before[-1].target
        indicator, measure_doubt = _measure(sentence, m.start(), earlier)
        claim = Claim(
            text=sentence.original,
            kind="relation",
            subject=subject,
            indicator=indicator,
            relation=words.AMONG_SIDE[m.group(1)],
            negated=_denied(sentence, subject, m.start()),
            period=sentence.period,
            doubt=doubt or measure_doubt,
        )
        out.append((m.start(), claim))
    return out


def _extreme_claims(sentence: _Sentence, earlier: Context) -> list[tuple[int, Claim]]:
    out = _among(sentence, earlier)
    for m in words.CAME.finditer(sentence.text):
        subject, doubt = _subject(sentence, m.start(), earlier)
        indicator, measure_doubt = _measure(sentence, m.start(), earlier)
        claim = Claim(
            text=sentence.original,
            kind="extreme",
            subject=subject,
            indicator=indicator,
            sector=_sector(sentence, m.start()) if indicator in sentence.broken_down else "",
            extreme="highest",
            position=words.ORDINALS[m.group(1)],
            period=sentence.period,
            doubt=doubt or measure_doubt,
        )
        out.append((m.start(), claim))
    spreads = [
        *words.AMONG.finditer(sentence.text),
        *SPREAD.finditer(sentence.text),
        *words.TOP_N_ENDS.finditer(sentence.text),
    ]
    for m in words.EXTREME.finditer(sentence.text):
        word = m.group(3)
        if any(a.start() <= m.start(3) < a.end() for a in spreads):
            continue  # 'among the worst' is a standing; 'the best and worst' name the range
        if _inside_mention(sentence, m.start(3)) or (
            word in ("most", "least")
            and not re.search(
                r"\b(?:the|likely)\b", m.group(0) + sentence.text[m.end() : m.end() + 8]
            )
        ):
            continue
        subject, doubt = _subject(sentence, m.start(), earlier)
        before = [x for x in sentence.mentions if x.kind in ("lep", "group") and x.end <= m.start()]
        if before:  # 'Humber employers are the least likely in England': not England
            subject, doubt = _subject(sentence, before[-1].start, earlier)
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
                    negated=_denied(sentence, subject, m.start()),
                    relation="band" if words.BAND_AFTER.match(sentence.text[m.end() :]) else "",
                    period=sentence.period,
                    across="UK" if UK_WIDE.search(sentence.text, m.end()) else "",
                    doubt=doubt or measure_doubt,
                ),
            )
        )
    tops = [(m, m.group(2), m.group(1) == "top") for m in words.TOP_N.finditer(sentence.text)]
    tops += [
        (m, m.group(1), words.EXTREME_WORDS[m.group(2)] in ("highest", "best"))
        for m in words.TOP_N_ENDS.finditer(sentence.text)
    ]
    for m, n, top in tops:
        subject, doubt = _subject(sentence, m.start(), earlier)
        indicator, measure_doubt = _measure(sentence, m.start(), earlier)
        claim = Claim(
            text=sentence.original,
            kind="top_n",
            subject=subject,
            indicator=indicator,
            extreme="highest" if top else "lowest",
            position=int(n) if n.isdigit() else NUMBER_WORDS[n],
            doubt=doubt or measure_doubt,
        )
        out.append((m.start(), claim))
    return out


def _trend_claims(sentence: _Sentence, earlier: Context) -> list[tuple[int, Claim]]:
    """'That is down from 2012': a change from an earlier year, said without a figure."""
    found = TREND.search(sentence.text)
    if found is None or sentence.amounts:
        return []
    subject, doubt = _subject(sentence, found.start(), earlier)
    indicator, measure_doubt = _measure(sentence, found.start(), earlier)
    claim = Claim(
        text=sentence.original,
        kind="trend",
        subject=subject,
        indicator=indicator,
        period=found.group(1),
        doubt=doubt or measure_doubt,
        written=found.group(0),
    )
    return [(found.start(), claim)]


def _comparison_claim(sentence: _Sentence, earlier: Context) -> list[tuple[int, Claim]]:
    """'Dorset is ahead of Heart of the South West', 'London is above the national average',
    'Cheshire and Warrington is level with London'."""
    text = sentence.text
    areas = [m for m in sentence.mentions if m.kind in ("lep", "group")]
    if not areas:
        return []
    subject = areas[0]
    indicator, doubt = _measure(sentence, subject.end, earlier)
    lead = THAT_IS.match(text)
    if lead and earlier.previous and earlier.previous != subject.target:
        # 'That is well above Cheshire and Warrington's 25%': the last sentence's area is compared
        subject = Mention("lep", earlier.previous, 0, lead.end())
    for m in COMPARISON.finditer(text):
        if m.start() < subject.end or _inside_mention(sentence, m.start()):
            continue
        other = _other(sentence, m.end(), subject.target)
        gap_words = any(0 <= m.start() - a.end <= 2 for a in sentence.amounts)
        if not other or gap_words:  # '8 points above England' is a gap, claimed once
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
    still = STILL.search(text)
    if still and earlier.previous and earlier.previous != subject.target:
        claim = Claim(
            text=sentence.original,
            kind="comparison",
            subject=subject.target,
            indicator=indicator,
            comparator=STILL_SIDE.get(still.group(1) or still.group(2), "<"),
            other=earlier.previous,
            period=sentence.period,
            doubt=doubt,
        )
        return [(still.start(), claim)]
    return []


def _relation_claims(
    sentence: _Sentence, earlier: Context, taken: list[tuple[int, Claim]]
) -> list[tuple[int, Claim]]:
    """A standing said without a figure, in a part of the sentence no other claim took:
    'Cumbria has a low placement rate', '… and low youth unemployment'."""
    text = sentence.text
    areas = [m for m in sentence.mentions if m.kind in ("lep", "group")]
    subject = areas[0].target if areas else earlier.previous
    if not subject:
        return []
    out = []
    for start, end in sentence.parts:
        if any(start <= at < end for at, _ in taken):
            continue
        for phrase, relation in sorted(words.RELATIONS.items(), key=lambda kv: -len(kv[0])):
            found = re.search(rf"\b{phrase}\b", text[start:end])
            if found is None or _inside_mention(sentence, start + found.start()):
                continue
            at = start + found.start()
            indicator, doubt = _measure(sentence, at, earlier)
            claim = Claim(
                text=sentence.original,
                kind="relation",
                subject=subject,
                indicator=indicator,
                relation=relation,
                negated=bool(words.NEGATION.search(text[start:at])),
                period=sentence.period,
                doubt=doubt,
            )
            out += [(at, replace(claim, indicator=i)) for i in _each_measure(sentence, indicator)]
            break
    return out


def _each_measure(sentence: _Sentence, indicator: str) -> list[str]:
    """'does well on both placements and work inspiration': the standing is claimed of each —
    only when the measures are joined so ('low unemployment and strong work inspiration' has
    a standing for each measure of its own)."""
    text = sentence.text
    measures = [m for m in sentence.mentions if m.kind == "indicator"]
    for a, b in pairwise(measures):
        joined = re.fullmatch(r"\s*(?:and|&)\s*(?:on\s+|in\s+)?(?:the\s+)?", text[a.end : b.start])
        both = re.search(r"\bboth\s+(?:on\s+|in\s+|for\s+)?(?:the\s+)?$", text[: a.start])
        if joined and both and indicator in (a.target, b.target):
            return [a.target, b.target]
    return [indicator]


def _with_extremes(sentence: _Sentence, found: list[tuple[int, Claim]]) -> list[tuple[int, Claim]]:
    """'Humber has the lowest share, at 29%' is one claim: the figure, said to be the lowest."""
    extremes = [(at, c) for at, c in found if c.kind == "extreme"]
    used: list[Claim] = []
    out = []
    for at, claim in found:
        if claim.kind == "figure":
            part = _part_of(sentence, at)
            match = next(
                (
                    e
                    for eat, e in extremes
                    if e not in used
                    and (e.subject, e.indicator) == (claim.subject, claim.indicator)
                    and part[0] <= eat < part[1]
                ),
                None,
            )
            if match is not None:
                used.append(match)
                claim = replace(
                    claim, extreme=match.extreme, position=match.position, joint=match.joint,
                    only=match.only, relation=match.relation,
                )  # fmt: skip
        out.append((at, claim))
    return [(at, c) for at, c in out if not any(c is u for u in used)]


def _shared(sentence: _Sentence, claims: list[tuple[int, Claim]]) -> list[tuple[int, Claim]]:
    """'London and Cheshire and Warrington lead with 46%': the claim is made of each."""
    if not words.PLURAL.search(sentence.text):
        return claims
    areas = [m for m in sentence.mentions if m.kind in ("lep", "group")]
    lists: list[list[str]] = [[a.target] for a in areas[:1]]
    for a, b in pairwise(areas):  # 'Cumbria, Humber and York and North Yorkshire'
        if LISTED.fullmatch(sentence.text[a.end : b.start]):
            lists[-1].append(b.target)
        else:
            lists.append([b.target])
    together = {name: names for names in lists if len(names) > 1 for name in names}
    out = []
    for at, claim in claims:
        out.append((at, claim))
        for partner in together.get(claim.subject, ()):
            if partner not in (claim.subject, claim.other):
                out.append((at, replace(claim, subject=partner)))
    return out


def _both_before(
    sentence: _Sentence, claims: list[tuple[int, Claim]], earlier: Context
) -> list[tuple[int, Claim]]:
    """'Both have high youth unemployment.' after two areas: the claim is made of each."""
    own = any(m.kind in ("lep", "group") for m in sentence.mentions)
    if own or len(earlier.recent) < 2 or not re.search(r"\bboth\b", sentence.text):
        return claims
    first, second = earlier.recent
    return [
        pair
        for at, c in claims
        for pair in ((at, replace(c, subject=first)), (at, replace(c, subject=second)))
    ]


def _in_order(sentence: _Sentence, claims: list[tuple[int, Claim]]) -> list[tuple[int, Claim]]:
    """'The south beats the rest, 40% against 35%': figures after two areas follow their order."""
    figures = [(at, c) for at, c in claims if c.kind == "figure"]
    if len(figures) < 2:
        return claims
    first = figures[0][0]
    areas = [m for m in sentence.mentions if m.kind in ("lep", "group")]
    before = list(dict.fromkeys(m.target for m in areas if m.end <= first))
    if len(before) != len(figures) or any(m.start > first for m in areas):
        return claims
    subjects = dict(zip((at for at, _ in figures), before, strict=True))
    return [(at, replace(c, subject=subjects[at]) if at in subjects else c) for at, c in claims]


def read_claims(text: str, lexicon: Lexicon, earlier: Context = Context()) -> tuple[Claim, ...]:
    """Every claim in `text` (cleaned, not normalised), in the order written."""
    out: list[Claim] = []
    split = sentences(text)
    earlier = replace(earlier, single=len(split) == 1)
    for original in split:
        students = bool(earlier.indicators) and earlier.indicators[0] in lexicon.of_students
        sentence = _read(original, lexicon, students, alone=earlier.single)
        found = [(a.start, _figure_claim(sentence, a, earlier)) for a in sentence.amounts]
        found = _every_lep(sentence, found + _quantified(sentence, earlier))
        found += _extreme_claims(sentence, earlier)
        found = _with_extremes(sentence, found) + _comparison_claim(sentence, earlier)
        found += _trend_claims(sentence, earlier)
        found = _in_order(sentence, found)
        found = _shared(sentence, found + _relation_claims(sentence, earlier, found))
        found = _both_before(sentence, found, earlier)
        claims = [_two_sided(c) for _, c in sorted(found, key=lambda pair: pair[0])]
        out += claims
        earlier = _after(sentence, claims, earlier)
    return tuple(out)


def _two_sided(claim: Claim) -> Claim:
    """A gap, ratio or comparison of an area with itself was misread, never judged."""
    compared = claim.kind in ("difference", "ratio", "comparison")
    same = claim.other == claim.subject and not claim.versus and not claim.sector
    if compared and same and not claim.doubt:
        return replace(claim, doubt=f"what {claim.subject or 'the figure'} is compared with")
    return claim


def _after(sentence: _Sentence, claims: list[Claim], earlier: Context) -> Context:
    """What the next sentence's 'it', 'both' and bare figures refer to: this one's areas and
    measure — those its claims settled, else those it named ('Humber and Tees Valley share a
    profile. Both have…')."""
    settled = [c for c in claims if c.subject and not c.doubt]
    local = [c for c in settled if c.subject not in NATIONS]  # 'England's 17%' is a yardstick
    settled = local or settled
    if settled:
        last = settled[-1]
        subjects = [c.subject for c in settled]
        indicator, sector = last.indicator, last.sector
    elif not claims:
        subjects = [m.target for m in sentence.mentions if m.kind in ("lep", "group")]
        measures = [m.target for m in sentence.mentions if m.kind == "indicator"]
        indicator, sector = (measures[-1] if measures else ""), earlier.sector
    else:
        return earlier
    if not subjects:
        return replace(earlier, indicators=(indicator,)) if indicator else earlier
    return replace(
        earlier,
        previous=subjects[-1],
        indicators=(indicator,) if indicator else earlier.indicators,
        recent=tuple(dict.fromkeys((*earlier.recent, *subjects)))[-2:],
        sector=sector,
    )
