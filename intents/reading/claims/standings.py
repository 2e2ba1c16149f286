"""Claims made without a figure: ranks and extremes, top N, standings ('a low placement
rate'), comparisons between areas and changes since a year the data does not hold."""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from intents.reading import claim_words as words
from intents.reading.claims.anchors import (
    anchored,
    behind_yardstick,
    measure_of,
    sector_at,
    subject_of,
)
from intents.reading.claims.figures import SPREAD, other_area
from intents.reading.claims.sentence import (
    NATIONS,
    Context,
    Sentence,
    co_holder,
    inside_mention,
    measures_before,
    past_contrasts,
)
from intents.reading.query import Claim, Comparator
from intents.reading.signals import Mention

THAT_IS = re.compile(  # 'so it's above England's 38%?': the area before is compared
    r"(?:(?:so|and|but|ok|okay|then|right) )*(?:is it (?:true|right|correct) (?:that )?)?"
    r"(?:that|this|it) (?:is|s|was|puts it)\b"
)


COMPARISON = re.compile(
    r"\b(?:ahead of|behind|higher than|lower than|better than|worse than|more than|less than|"
    r"above|below|beats?|trails?|trailed|outperform(?:s|ed)?|underperform(?:s|ed)?|outstrip(?:s|ped)|"
    r"exceed(?:s|ed)|level with|the same as|equal to|on a par with|"
    r"matches|matched|equalled|equals|mirrors|mirrored|more likely|less likely|"
    r"(?:higher|lower|better|worse|bigger|smaller|greater|larger) (?:\w+ ){1,3}?than)\b"
)


STILL = re.compile(  # 'Tees Valley is lower still': than the area the sentence before was about
    r"\b(?:(higher|lower|better|worse|stronger|weaker) still|even (higher|lower|better|worse|"
    r"stronger|weaker))\b"
)


STILL_SIDE: dict[str, Comparator] = {"higher": ">", "better": ">", "stronger": ">"}


COMPARISON_SIDE: dict[str, Comparator] = {
    **dict.fromkeys(("ahead of", "higher than", "better than", "more than", "above"), ">"),
    "more likely": ">",
    **dict.fromkeys(("beat", "beats", "outperforms", "outperform", "outperformed"), ">"),
    **dict.fromkeys(("outstrips", "outstripped", "exceeds", "exceeded"), ">"),
    **dict.fromkeys(("level with", "the same as", "equal to", "on a par with", "matches"), "="),
    **dict.fromkeys(("matched", "equalled", "equals", "mirrors", "mirrored"), "="),
}


def _side(said: str) -> Comparator:
    """'ahead of' is >, 'level with' =; 'a higher placement share than' as 'higher than'."""
    first = said.split()[0]
    if said.endswith(" than") and first in ("higher", "better", "bigger", "greater", "larger"):
        return ">"
    return COMPARISON_SIDE.get(said, "<")


NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "ten": 10}


TREND = re.compile(  # 'down from 2012', 'up on 2012', 'fallen since 2010'
    r"\b(?:down|up|fell|rose|risen|fallen|increased|decreased|dropped|declined|grown|higher|"
    r"lower|more|less|fewer)\b(?:\s+\w+){0,3}?\s+(?:from|on|since|than in|compared with)\s+"
    r"((?:19|20)\d\d)\b"
)


UK_WIDE = re.compile(r"\b(?:in|across|of|anywhere in|throughout) (?:the )?(?:uk|united kingdom)\b")


WITHIN = re.compile(r"[^,;.]{0,40}?\b(?:in|of|among|amongst|across)\s+$")


def _within(sentence: Sentence, end: int) -> str:
    """The region an extreme is said within: '… the slowest-growing LEP in the North East'."""
    region = next((m for m in sentence.mentions if m.kind == "region" and m.start >= end), None)
    if region is None or not WITHIN.fullmatch(sentence.text[end : region.start]):
        return ""
    return region.target


def _left_out(sentence: Sentence, end: int) -> str:
    """'the highest outside London': the area named just after the extreme that it leaves out."""
    for x in sorted((*sentence.mentions, *sentence.background), key=lambda m: m.start):
        if x.kind == "lep" and end <= x.start <= end + 40:
            if words.LEAVING_OUT.fullmatch(sentence.text[end : x.start]):
                return x.target
            return ""
    return ""


def _co_holders(sentence: Sentence, m: re.Match, claim: Claim) -> list[tuple[int, Claim]]:
    """'London is joint top with Humber': the area it shares the standing with claims it too."""
    return [
        (x.start, replace(claim, subject=x.target, negated=False))
        for x in sentence.mentions
        if x.kind in ("lep", "group") and m.end() <= x.start and co_holder(sentence, x)
    ]


def _denied(sentence: Sentence, subject: str, at: int) -> bool:
    """'Tees Valley isn't the lowest': a negation between the subject and the claim."""
    start = next((m.end for m in sentence.mentions if m.target == subject and m.end <= at), 0)
    if words.NOT_TRUE_THAT.search(sentence.text[:start]):
        return True
    window = sentence.text[past_contrasts(sentence, start, at) : at]
    turns = [m.end() for m in TURNS_AROUND.finditer(window)]
    return bool(words.NEGATION.search(window[turns[-1] if turns else 0 :]))


# "wasn't bottom - it was joint top": a denial ends where the sentence turns to what was
TURNS_AROUND = re.compile(  # not the 'actually' of "isn't actually the lowest"
    r"\s[-–—]+\s|;|\b(?:but|rather|instead|in fact|(?<!n t )(?<!not )(?<!nt )actually)\b"
)


def _among(sentence: Sentence, earlier: Context) -> list[tuple[int, Claim]]:
    """'Tees Valley is one of the worst for youth unemployment': a standing, judged by polarity."""
    out = []
    for m in words.AMONG.finditer(sentence.text):
        subject, doubt = subject_of(sentence, m.start(), earlier)
        before = [x for x in sentence.mentions if x.kind in ("lep", "group") and x.end <= m.start()]
        if before:
            subject = before[-1].target
        indicator, measure_doubt = measure_of(sentence, m.start(), earlier)
        for measure in _each_measure(sentence, indicator):  # 'among the leading on both …'
            claim = Claim(
                text=sentence.original,
                kind="relation",
                subject=subject,
                indicator=measure,
                relation=words.AMONG_SIDE[m.group(1)],
                negated=_denied(sentence, subject, m.start()),
                period=sentence.period,
                doubt=doubt or measure_doubt,
            )
            out.append((m.start(), claim))
    return out


OTHER_SIDE = re.compile(r"\b(?:as|than)\s+(?:that of\s+|those of\s+)?the\s+$")


def extreme_claims(sentence: Sentence, earlier: Context) -> list[tuple[int, Claim]]:
    out = _among(sentence, earlier)
    for m in words.CAME.finditer(sentence.text):
        claim = anchored(sentence, m.start(), earlier, "extreme")
        claim = replace(
            claim,
            sector=sector_at(sentence, m.start())
            if claim.indicator in sentence.broken_down
            else "",
            extreme="highest",
            position=words.ORDINALS[m.group(1)],
        )
        out.append((m.start(), claim))
    came = {m.start(1) for m in words.CAME.finditer(sentence.text)}
    for m in words.SECOND_TO.finditer(sentence.text):  # the area before it, not the one after
        if m.start(1) in came:  # 'was second only to Cumbria': read once, above
            continue
        before = [x for x in sentence.mentions if x.kind in ("lep", "group") and x.end <= m.start()]
        claim = anchored(sentence, m.start(), earlier, "extreme")
        if before:
            subject, doubt = subject_of(sentence, before[-1].start, earlier)
            claim = replace(claim, subject=subject, doubt=doubt or claim.doubt)
        end = words.AS_THE_END.match(sentence.text, m.end())
        extreme = words.EXTREME_WORDS[end.group(1)] if end else "highest"
        claim = replace(claim, extreme=extreme, position=words.ORDINALS[m.group(1)])
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
        if word in words.LEAD_VERBS and words.LEADS_BY.match(sentence.text, m.end()):
            continue
        if OTHER_SIDE.search(sentence.text[: m.start(3)]):
            continue  # 'the best is 2.3 times as likely as the worst': what it is set against
        if inside_mention(sentence, m.start(3), m.end(3)) or (
            word in ("most", "least")
            and not re.search(
                r"\b(?:the|likely)\b", m.group(0) + sentence.text[m.end() : m.end() + 8]
            )
        ):
            continue
        subject, doubt = subject_of(sentence, m.start(), earlier)
        before = [x for x in sentence.mentions if x.kind in ("lep", "group") and x.end <= m.start()]
        behind = behind_yardstick(sentence, before[-1], m.start()) if before else ""
        if behind:
            subject, doubt = behind, ""
        elif before:  # 'Humber employers are the least likely in England': not England
            subject, doubt = subject_of(sentence, before[-1].start, earlier)
        indicator, measure_doubt = measure_of(sentence, m.start(), earlier)
        listed = _listed_before(sentence, m.start())
        if len(listed) > 1 and words.PLURAL_AFTER.match(sentence.text, m.end()):
            # 'Cumbria and the Humber have the largest shares': the top two. With a figure for
            # each ('Cumbria (25%) and the Humber (23%)') the figures are the claims; shared()
            # gives a plural sentence's claim to each area listed
            figures = {a for a in listed if _has_figure(sentence, a)}
            each = listed[-1:] if words.PLURAL.search(sentence.text) else listed
            for area in [] if figures == set(listed) else each:
                claim = replace(
                    anchored(sentence, m.start(), earlier, "top_n"),
                    subject=area,
                    extreme=words.EXTREME_WORDS[word],
                    position=len(listed),
                )
                out.append((m.start(), claim))
            continue
        only = bool(words.ONLY.search(sentence.text))
        each = _each_measure(sentence, indicator)  # 'best on both', 'the only one top on both'
        if not indicator and measures_before(sentence, earlier):  # 'led on both' the ones before
            each, measure_doubt = list(measures_before(sentence, earlier)), ""
        out += [
            (
                m.start(),
                Claim(
                    text=sentence.original,
                    kind="extreme",
                    subject=subject,
                    indicator=measure,
                    sector=sector_at(sentence, m.start()),
                    extreme=words.EXTREME_WORDS[word],
                    position=words.ORDINALS.get(m.group(2) or "", 1),
                    joint=bool(m.group(1)),
                    only=only,
                    together=tuple(each) if only and len(each) > 1 else (),
                    negated=_denied(sentence, subject, m.start()),
                    relation="band" if words.BAND_AFTER.match(sentence.text[m.end() :]) else "",
                    period=sentence.period,
                    across="UK" if UK_WIDE.search(sentence.text, m.end()) else "",
                    besides=_left_out(sentence, m.end()),
                    within=_within(sentence, m.end()),
                    doubt=doubt or measure_doubt,
                ),
            )
            for measure in each
        ]
        out += _co_holders(sentence, m, out[-1][1]) if m.group(1) and out else []
    tops = [(m, m.group(2), m.group(1) == "top") for m in words.TOP_N.finditer(sentence.text)]
    tops += [
        (m, m.group(1), words.EXTREME_WORDS[m.group(2)] in ("highest", "best"))
        for m in words.TOP_N_ENDS.finditer(sentence.text)
    ]
    for m, n, top in tops:
        if inside_mention(sentence, m.start()):  # 'the top three occupational groups' is a measure
            continue
        claim = replace(
            anchored(sentence, m.start(), earlier, "top_n"),
            extreme="highest" if top else "lowest",
            position=int(n) if n.isdigit() else NUMBER_WORDS[n],
        )
        out.append((m.start(), claim))
    return out


def trend_claims(sentence: Sentence, earlier: Context) -> list[tuple[int, Claim]]:
    """'That is down from 2012': a change from an earlier year, said without a figure."""
    found = TREND.search(sentence.text)
    if found is None or any(
        a.start < found.end() and found.start() < a.end for a in sentence.amounts
    ):
        return []  # 'rose from 40% in 2012': the figure is the claim
    claim = anchored(sentence, found.start(), earlier, "trend")
    return [(found.start(), replace(claim, period=found.group(1), written=found.group(0)))]


def comparison_claim(sentence: Sentence, earlier: Context) -> list[tuple[int, Claim]]:
    """'Dorset is ahead of Heart of the South West', 'London is above the national average',
    'Cheshire and Warrington is level with London'."""
    text = sentence.text
    areas = [m for m in sentence.mentions if m.kind in ("lep", "group")]
    sectors = [m for m in sentence.mentions if m.kind == "sector"]
    national = areas and areas[0].target in NATIONS  # 'above the England average'
    if not areas or (national and sectors and sectors[0].start < areas[0].start):
        return _sector_comparison(sentence, earlier)
    subject = areas[0]
    indicator, doubt = measure_of(sentence, subject.end, earlier)
    lead = THAT_IS.match(text) or (
        LEADS_COMPARING.match(text) if subject.target in NATIONS else None
    )  # '• above England's 38%', a bullet under one about the South East
    before = earlier.previous or (earlier.areas[0] if len(earlier.areas) == 1 else "")
    if lead and before and before != subject.target:
        # 'That is well above Cheshire and Warrington's 25%': the last sentence's area is compared
        subject = Mention("lep", before, 0, lead.end())
    for m in COMPARISON.finditer(text):
        if m.start() < subject.end or inside_mention(sentence, m.start()):
            continue
        other = other_area(sentence, m.end(), subject.target)
        gap_words = any(0 <= m.start() - a.end <= 2 for a in sentence.amounts)
        bound = any(0 <= a.start - m.end() <= 1 for a in sentence.amounts)
        if not other or gap_words or bound:  # '8 points above England' is a gap, claimed once;
            continue  # 'more than half the England rate' a ratio
        claim = Claim(
            text=sentence.original,
            kind="comparison",
            subject=subject.target,
            indicator=indicator,
            comparator=_side(m.group(0)),
            other=other,
            negated=bool(words.NEGATION.search(text[subject.end : m.end()])),  # 'no less than'
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


LEADS_COMPARING = re.compile(
    r"[\W_]*(?=(?:well |just |slightly |comfortably )?"
    r"(?:above|below|ahead of|behind|higher than|lower than)\b)"
)
OVERALL = re.compile(
    rf"{words.ALL_EMPLOYERS_SAID}"
    r"|\bthe (?:\w+ )?average\b|\bthe (?:england|national|overall) (?:figure|rate|share)\b"
)


def _all_employers_of(after: str) -> str:
    """All employers in England, or the UK's when the UK is named ('the UK average')."""
    bench = words.BENCHMARK_WORDS.search(after)
    return "UK" if bench and re.search(r"\buk\b", bench.group(0)) else "England"


def _sector_comparison(sentence: Sentence, earlier: Context) -> list[tuple[int, Claim]]:
    """'Manufacturing employers were less likely than employers overall to offer work
    inspiration', 'construction is below manufacturing': a sector against all employers in
    England, or against another sector."""
    sectors = [m for m in sentence.mentions if m.kind == "sector"]
    if not sectors or len(sentence.amounts) > 1:  # with figures, the figures are the claims
        return []
    for m in COMPARISON.finditer(sentence.text):
        if m.start() < sectors[0].end or inside_mention(sentence, m.start()):
            continue
        later = [s for s in sectors[1:] if s.start >= m.end()]
        against = OVERALL.search(sentence.text, m.end())
        if not later and against is None:
            continue
        if sentence.amounts and (not later or sentence.amounts[0].start > m.start()):
            continue  # one figure, the first sector's: 'financial services (18%) was ahead of …'
        claim = replace(
            anchored(sentence, sectors[0].start, earlier, "comparison"),
            subject="England",
            sector=sectors[0].target,
            comparator=_side(m.group(0)),
            other=later[0].target if later else _all_employers_of(sentence.text[m.end() :]),
            negated=bool(words.NEGATION.search(sentence.text[sectors[0].end : m.start()])),
        )
        return [(m.start(), claim)]
    return []


def relation_claims(
    sentence: Sentence, earlier: Context, taken: list[tuple[int, Claim]]
) -> list[tuple[int, Claim]]:
    """A standing said without a figure, in a part of the sentence no other claim took:
    'Cumbria has a low placement rate', '… and low youth unemployment'."""
    text = sentence.text
    areas = [m for m in sentence.mentions if m.kind in ("lep", "group")]
    lone = earlier.areas[0] if earlier.single and earlier.areas else ""  # 'that LEP' in a thread
    subject = areas[0].target if areas else earlier.previous or lone
    if not subject:
        return []
    out = []
    for start, end in sentence.parts:
        if any(start <= at < end for at, _ in taken):
            continue
        for at, relation, indicator, doubt in _standings_in(sentence, start, end, earlier):
            before = [m for m in areas if m.end <= at]
            claim = Claim(
                text=sentence.original,
                kind="relation",
                subject=before[-1].target if before else subject,  # 'while Cumbria lags'
                indicator=indicator,
                relation=relation,
                negated=bool(words.NEGATION.search(text[start:at])),
                period=sentence.period,
                doubt=doubt,
            )
            out += [(at, replace(claim, indicator=i)) for i in _each_measure(sentence, indicator)]
    return sorted(out, key=lambda found: found[0]) + _as_did(sentence, out)


def _standings_in(
    sentence: Sentence, start: int, end: int, earlier: Context
) -> list[tuple[int, str, str, str]]:
    """(at, relation, measure, doubt) of each standing in a part: one said of a measure named
    right after it ('high unemployment'), and at most one more said of the nearest measure —
    unless that measure is another standing's ('does well despite high unemployment')."""
    text = sentence.text
    spans: list[tuple[int, int, str]] = []
    for phrase, relation in sorted(words.RELATIONS.items(), key=lambda kv: -len(kv[0])):
        found = re.search(rf"\b{phrase}\b", text[start:end])
        if found is None or inside_mention(sentence, start + found.start()):
            continue
        at, to = start + found.start(), start + found.end()
        if not any(a < to and at < b for a, b, _ in spans):
            spans.append((at, to, relation))
    attached = {}
    for at, to, relation in spans:
        measure = _attached_measure(sentence, to)
        if measure and measure not in {m for _, _, m, _ in attached.values()}:
            attached[at] = (at, relation, measure, "")
    loose = [(at, relation) for at, to, relation in spans if at not in attached]
    out = list(attached.values())
    if loose:
        at, relation = loose[0]
        measure, doubt = measure_of(sentence, at, earlier)
        if measure not in {m for _, _, m, _ in out}:
            out.append((at, relation, measure, doubt))
    return sorted(out)


ATTACHED = re.compile(r"\s*(?:(?:on|in|for)\s+(?:both\s+)?)?(?:the\s+)?")


def _attached_measure(sentence: Sentence, after: int) -> str | None:
    """The measure a standing is said of when it is named right after it ('high unemployment',
    'does well on both placements and …'), not merely nearest."""
    at = after + ATTACHED.match(sentence.text, after).end() - after
    return next(
        (m.target for m in sentence.mentions if m.kind == "indicator" and m.start == at), None
    )


AS_DID = re.compile(
    r"\b(?:as (?:did|does|do|was|were|is|are|has|had)|and so (?:did|does|was|is))\s+(?:the\s+)?$"
)


def _as_did(sentence: Sentence, found: list[tuple[int, Claim]]) -> list[tuple[int, Claim]]:
    """'LCR had high unemployment, as did GBS': the same standing, said of the area after."""
    if not found:
        return []
    at, claim = found[-1]
    return [
        (m.start, replace(claim, subject=m.target))
        for m in sentence.mentions
        if m.kind == "lep" and m.start > at and m.target != claim.subject
        and AS_DID.search(sentence.text[at : m.start])
    ]  # fmt: skip


def _has_figure(sentence: Sentence, area: str) -> bool:
    """'the Humber (23%)': a figure said right after the area's name."""
    return any(
        m.target == area and re.match(r"\s*\d", sentence.text[m.end : m.end + 4])
        for m in sentence.mentions
    )


def _listed_before(sentence: Sentence, at: int) -> list[str]:
    """The areas written as one list ('Cumbria (25%) and the Humber (23%)') right before `at`."""
    areas = [m for m in sentence.mentions if m.kind == "lep" and m.end <= at]
    run: list[Mention] = areas[-1:]
    for a in reversed(areas[:-1]):
        between = re.sub(r"\d+(?:\.\d+)?\s*%?", " ", sentence.text[a.end : run[0].start])
        if not re.fullmatch(r"\s*(?:and|&)?\s*(?:the\s+)?", between):
            break
        run.insert(0, a)
    return [m.target for m in run]


def _each_measure(sentence: Sentence, indicator: str) -> list[str]:
    """'does well on both placements and work inspiration': the standing is claimed of each —
    only when the measures are joined so ('low unemployment and strong work inspiration' has
    a standing for each measure of its own)."""
    text = sentence.text
    measures = [m for m in sentence.mentions if m.kind == "indicator"]
    for a, b in pairwise(measures):
        between = text[a.end : b.start]
        joined = re.fullmatch(r"\s*(?:and|&)\s*(?:on\s+|in\s+)?(?:the\s+)?", between)
        both = re.search(r"\bboth\s+(?:on\s+|in\s+|for\s+)?(?:the\s+)?$", text[: a.start])
        as_well = re.fullmatch(r"\s*as well as\s+(?:on\s+|in\s+|for\s+)?(?:the\s+)?", between)
        if ((joined and both) or as_well) and indicator in (a.target, b.target):
            return [a.target, b.target]
    return [indicator]
