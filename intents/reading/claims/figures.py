"""Claims made with a figure: a share, amount or change, a gap, a ratio, a range, a bound on
every LEP or sector, with its comparator, negation, base and the figure's own words."""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from intents.reading import claim_words as words
from intents.reading.amounts import YEAR, Amount
from intents.reading.claims.anchors import (
    carried_sector,
    measure_of,
    respectively,
    sector_at,
    sector_mention,
    subject_of,
)
from intents.reading.claims.sentence import (
    AREA_KINDS,
    LINKED_MEASURE,
    Context,
    Sentence,
    nearest,
    part_of,
    past_contrasts,
)
from intents.reading.query import Claim, Comparator
from intents.reading.signals import Mention

BAND_SAID = re.compile(r"\b(?:band|bracket|heat ?map)\b")
OF_ANOTHER = re.compile(  # '61% of the UK average', 'half the UK average': a ratio
    r"\s*(of )?(?:the |its |their )?(?:[a-z]+ ){0,4}?(?:average|figure|level|rate|mean|benchmark|share)\b"
)


SECTOR_OF = re.compile(  # "a third of business services'", '… of the rate in business services'
    r"\s*(?:of (?:the )?(?:(?:rate|share|figure|level|proportion) (?:in|for|among|of) (?:the )?)?|the )"
)
ONLY_ONE = re.compile(r"\b(?:the only|the one|alone|uniquely)\b(?: (?:lep|area|place|one))?")


GAP = re.compile(r"\b(?:gap|difference|apart|separat\w*|between (?:them|the two))\b")
SO = re.compile(r"\b(?:so|thus|therefore|meaning|which means|making)\b")  # a new clause's subject
GAP_IS = re.compile(  # 'the gap between London's GVA per head and the UK average is almost £16,000'
    r"\b(?:gap|difference)(?:\s+between\b[^.;]{0,80})?\s+(?:is|was|of|stands at|stood at)\s+"
    r"(?:about|around|roughly|some|nearly|almost|over|more than|less than|just over|just under)?\s*$"
)


BY = re.compile(  # 'by', and the figure's own bound, just before a margin
    r"\bby\s+(?:about|around|roughly|some|nearly|almost|over|under|more than|less than|just over|"
    r"just under|at least|at most|well over|c|circa|~)?\s*$"
)


SPREAD = re.compile(  # the gap between the two ends of the LEP range, not between two areas
    r"\b(?:best|top|highest|strongest)(?: -)? and (?:the )?(?:worst|bottom|lowest|weakest)\b"
    r"|\b(?:worst|bottom|lowest|weakest)(?: -)? and (?:the )?(?:best|top|highest|strongest)\b"
    r"|\bspread\b"
    r"|\b(?:ranged|ranging|ran|runs?) from \S+(?: \S+){0,6} to \S+(?: \S+){0,8} (?:a )?\d+ ?(?:point|pt|percentage point)s? (?:gap|spread|range|difference)\b"
)


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
    """'London does not reach 46%': a negation between the subject and the figure, or 'it is
    not true that' before the whole claim."""
    if words.NOT_TRUE_THAT.search(text[: amount.start]):
        return True
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
    (words.YOUNG_PEOPLE, "young people"),
    (words.PEOPLE_WORDS, "people"),
    (words.ALL_EMPLOYERS, "all employers"),
    (words.PROVIDERS, "placement providers"),
    (words.EMPLOYER_WORDS, "employers"),
)


def _base(sentence: Sentence, start: int, end: int, indicator: str) -> str:
    """Who the share is said to be of: the words after 'X% of', else those around the figure.
    'Employers offering placements' is the base only when placements are not the measure."""
    of = re.match(r"\s*of\s+(.*)", sentence.text[end : end + 45])
    window, offset = (
        (of.group(1), end + of.start(1)) if of else _own_words(sentence.text, start, end)
    )
    window = words.BENEFICIARY.sub(lambda m: " " * len(m.group(0)), window)
    if words.ALL_SIZES.search(window):
        return "all sizes"
    if words.SUBGROUP_WORDS.search(window):  # 'Year 11 girls': a part of the whole published
        return "subgroup"
    found = [
        (m.start(), rank, name)
        for rank, (pattern, name) in enumerate(BASES)
        if (m := pattern.search(window))
    ]
    if not found:
        return ""
    base = min(found)[2]  # the first named; at one place, the narrower (BASES' order)
    providers = words.PROVIDERS.search(window)
    if base == "placement providers" and providers is not None:
        measure = nearest(sentence, offset + providers.end() - 1, ("indicator",))
        inside = measure is not None and offset + providers.start() <= measure.start
        if inside and measure.target == indicator and measure.start < offset + providers.end():
            return "employers"  # '38% of employers offering placements': the measure itself
    return base


OTHER_FIGURE = re.compile(
    r"\d[\d.,]*\s*(?:%|per ?cent\b|percent\b)?|\b(?:and|but|while|whereas|than|against)\b"
)


def _own_words(text: str, start: int, end: int) -> tuple[str, int]:
    """The words around a figure up to the figures or clauses either side: in '46% of employers
    offering placements and a quarter offering work inspiration' the providers are the 46%'s."""
    before = text[max(0, start - 60) : start]
    cut = [m.end() for m in OTHER_FIGURE.finditer(before)]
    after = text[end : end + 60]
    following = OTHER_FIGURE.search(after)
    at = max(0, start - 60) + (cut[-1] if cut else 0)
    return text[at:end] + after[: following.start() if following else None], at


def _detached(sentence: Sentence, amount: Amount) -> bool:
    """A multiple said after each side's own figure ('Tees Valley 11%, while Cheshire managed
    25%, more than double') names no side: it sets the larger against the smaller."""
    areas = [m for m in sentence.mentions if m.kind in ("lep", "group")]
    if amount.value <= 1 or len(areas) < 2 or any(m.start >= amount.end for m in areas):
        return False
    return any(areas[-1].end <= a.start < amount.start for a in sentence.amounts)


def _said_after_both(sentence: Sentence, amount: Amount, kind: str) -> bool:
    """Whether a multiple ('three times as many') follows every mention of that kind."""
    return amount.value > 1 and all(
        m.end <= amount.start for m in sentence.mentions if m.kind == kind
    )


def _benchmark(phrase: re.Match[str]) -> str:
    """'the UK average' is the UK's figure; 'the national average' England's."""
    return "UK" if re.search(r"\buk\b", phrase.group(0)) else "England"


def other_area(sentence: Sentence, after: int, subject: str) -> str:
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
        if re.match(rf"{phrase}\b", following):  # 'beat', not 'beaten'
            fraction = FRACTION_NEXT.match(following, len(phrase))  # 'less than half the rate'
            return 0 if fraction else sign
    return 0


FRACTION_NEXT = re.compile(
    r"\s+(?:half|a third|a quarter|a fifth|two thirds|twice|double|triple)\b"
)


SECTOR_EMPLOYERS = re.compile(
    r"\s*(?:sector\s+|industry\s+)?(?:employers|firms|businesses|companies)\b"
)


def _sector_employers(sentence: Sentence, at: int) -> str:
    """'25% of manufacturing employers offered placements': a sector the claim is of, though the
    measure is not published by sector (the judge says so rather than judge all employers)."""
    mention = sector_mention(sentence, at)
    if mention is None:
        return ""
    named = sentence.text[mention.start : mention.end]
    if named.endswith(("ers", "ists")):  # 'manufacturers', 'retailers': employers by their name
        return mention.target
    if mention.target.startswith("size: "):  # '2-4 staff' is employers by what it says
        return mention.target
    if not (SECTOR_EMPLOYERS.search(named) or SECTOR_EMPLOYERS.match(sentence.text, mention.end)):
        return ""
    return mention.target


def figures_said(sentence: Sentence) -> list[Amount]:
    """The sentence's figures, less words glossed by a figure in brackets: 'two thirds of
    employers (66%)' claims 66%, once."""
    out = []
    for i, amount in enumerate(sentence.amounts):
        after = sentence.amounts[i + 1] if i + 1 < len(sentence.amounts) else None
        glossed = (
            amount.in_words
            and after is not None
            and not after.in_words
            and after.start - amount.end <= 16
            and _agrees(sentence.text, amount, after.value)
            and re.search(rf"\(\s*{re.escape(f'{after.value:g}')}", sentence.original) is not None
        )
        if not glossed:
            out.append(amount)
    return out


GLOSS_BOUND = re.compile(
    r"\b(under|fewer than|less than|below|over|more than|above|almost|nearly)\s*$"
)


def _agrees(text: str, said: Amount, figure: float) -> bool:
    """Whether the bracketed figure says what the words do ('under two thirds (63%)'); a gloss
    that contradicts them ('a third (38%)') leaves both to be checked."""
    bound = GLOSS_BOUND.search(text[: said.start])
    if bound is None:
        return abs(figure - said.value) <= 3
    if bound.group(1) in ("over", "more than", "above"):
        return said.value < figure <= said.value + 10
    return said.value - 10 <= figure < said.value


ALL_SECTORS = re.compile(  # 'than the average English employer (17%)': no sector's figure
    r"(?:\b(?:the )?(?:average|typical)(?: \w+){0,2} (?:employers?|firms?|businesses)\b"
    rf"|{words.ALL_EMPLOYERS_SAID})\s*$"
)


OWN_YEAR = re.compile(
    r"\s*(?:in|for|during)\s+((?:19|20)\d\d)\b(?!\s*(?:/|-|to)\s*(?:19|20)?\d\d\b(?!\s*%))"
)


def _own_year(text: str, amount: Amount) -> str:
    """'up from 6.8% in 2008': a year said right after a figure is that figure's period."""
    found = OWN_YEAR.match(text, amount.end)
    return found.group(1) if found else ""


def _period_of(sentence: Sentence, amount: Amount, indicator: str, earlier: Context) -> str:
    """The sentence's years, unless they sit by a figure of another measure: in 'Tees Valley had
    11% on work inspiration and grew 0.8% a year in 2008-13' the years are the growth's."""
    year = YEAR.search(sentence.text)
    if not sentence.period or year is None or len(sentence.amounts) < 2:
        return sentence.period
    closest = min(sentence.amounts, key=lambda a: abs(a.start - year.start()))
    if closest is amount or measure_of(sentence, closest.start, earlier)[0] == indicator:
        return sentence.period
    return ""


def _loose(sentence: Sentence, amount: Amount, subject: str, indicator: str) -> str:
    """Whose figure it is, said when the reading is a guess: the area (or measure) it was given
    to sits on one side of it and another on the other side, in the same clause with no other
    figure between ('London's £37,232 in 2012, Cornwall's £13,036'), or another sits beside it
    and its own does not."""
    part = part_of(sentence, amount.start)
    others = [a for a in sentence.amounts if a is not amount]

    def beside(m: Mention) -> bool:
        lo, hi = (m.end, amount.start) if m.end <= amount.start else (amount.end, m.start)
        return (
            part[0] <= m.start < part[1]
            and lo <= hi
            and not any(lo <= a.start < hi for a in others)
        )

    listed = respectively(sentence, amount.start) is not None  # 'A and B had 46% and 29%'
    for kinds, chosen in ((AREA_KINDS, subject), (("indicator",), indicator)):
        if listed and kinds == AREA_KINDS:
            continue
        named = {m.target for m in sentence.mentions if m.kind in kinds}
        near = [m for m in sentence.mentions if m.kind in kinds and beside(m)]
        own_sides = {m.start > amount.start for m in near if m.target == chosen}
        other_sides = {m.start > amount.start for m in near if m.target != chosen}
        if (own_sides and other_sides - own_sides) or (not own_sides and near and len(named) > 1):
            return chosen.replace("_", " ") if kinds == ("indicator",) else chosen
    if _parallel(sentence, amount, indicator):
        return indicator.replace("_", " ")
    return ""


def _parallel(sentence: Sentence, amount: Amount, indicator: str) -> bool:
    """'Cumbria (25% of GVA from manufacturing) and Humber (23%, second) both lag on
    placements': a bare figure after an earlier one that named its own measure may be on that
    measure, not on the one the sentence goes on to name."""
    after = [
        m for m in sentence.mentions
        if m.kind == "indicator" and m.target == indicator and m.start > amount.end
    ]  # fmt: skip
    if not after or any(m.start < amount.start for m in sentence.mentions if m.target == indicator):
        return False
    if LINKED_MEASURE.match(sentence.text[amount.start : after[0].start]):
        return False  # '18% work inspiration', '67% had careers education': its own measure
    area_just_before = any(
        m.kind in AREA_KINDS and 0 <= amount.start - m.end <= 4 for m in sentence.mentions
    )  # 'and Humber 23%': an area and its bare figure, as the one before was written
    if not area_just_before:
        return False
    return any(
        m.kind == "indicator"
        and m.target != indicator
        and a.end <= m.start < amount.start
        and LINKED_MEASURE.match(sentence.text[a.start : m.start])
        for a in sentence.amounts
        if a.end <= amount.start
        for m in sentence.mentions
    )


def _only_before(sentence: Sentence, subject: str) -> bool:
    """'Only London reached 46%': 'only' just before the subject claims no other LEP is there."""
    return any(
        m.target == subject and ONLY_SUBJECT.search(sentence.text[: m.start])
        for m in sentence.mentions
    )


ONLY_SUBJECT = re.compile(r"\bonly\s+(?:the\s+)?$")


def figure_claim(sentence: Sentence, amount: Amount, earlier: Context) -> Claim:
    text = sentence.text
    subject, doubt = subject_of(sentence, amount.start, earlier)
    indicator, measure_doubt = measure_of(sentence, amount.start, earlier)
    subject_at = next((m.end for m in sentence.mentions if m.target == subject), 0)
    comparator, hedged = _comparator(text, amount)
    claim = Claim(
        text=sentence.original,
        kind="figure",
        subject=subject,
        indicator=indicator,
        sector=""
        if ALL_SECTORS.search(text[: amount.start])
        else sector_at(sentence, amount.start) or carried_sector(sentence, earlier)
        if indicator in sentence.broken_down
        else _sector_employers(sentence, amount.start),
        comparator="~" if hedged else comparator,
        value=amount.value,
        high=amount.high,
        precision=amount.precision,
        unit=amount.unit,
        in_words=amount.in_words,
        negated=_negated(
            text,
            amount,
            past_contrasts(sentence, subject_at if subject_at < amount.start else 0, amount.start),
        ),
        complement=bool(words.COMPLEMENT.search(text[amount.end : amount.end + 60])),
        period=_own_year(text, amount) or _period_of(sentence, amount, indicator, earlier),
        base=_base(sentence, amount.start, amount.end, indicator),
        doubt=doubt or measure_doubt,
        loose=_loose(sentence, amount, subject, indicator),
        written=text[amount.start : amount.end],
        only=bool(ONLY_ONE.search(text)) or _only_before(sentence, subject),
    )
    if amount.unit == "points" and SPREAD.search(text):
        return replace(claim, kind="spread", subject="", doubt=measure_doubt)
    no_area = not any(m.kind in ("lep", "group", "district") for m in sentence.mentions)
    if amount.unit == "percent" and no_area and SPREAD.search(text):
        doubt = (  # 'the gap between the best and worst LEPs was 17 points (46% vs 29%)'
            "which LEP each end of the range is: check it as “LEP figures run from … to …”"
        )
        return replace(claim, subject="", doubt=claim.doubt or doubt)
    change = indicator in sentence.changes and amount.unit == "points"
    if amount.unit == "ratio" or (amount.unit == "points" and not change) or _is_gap(text, amount):
        subject, other, sign = _sides(sentence, amount, earlier.previous or subject, earlier)
        sectors = list(dict.fromkeys(m.target for m in sentence.mentions if m.kind == "sector"))
        if len(sectors) > 1 and not other:  # 'manufacturing trails financial services by 5'
            first, second = sectors[:2]
            if amount.unit == "ratio" and _said_after_both(sentence, amount, "sector"):
                first, second = second, first  # 'against 19% — three times as many'
            claim = replace(claim, sector=first)
            other = second
        measures = list(dict.fromkeys(m.target for m in sentence.mentions if m.kind == "indicator"))
        if not other and len(measures) > 1:  # 'placements are twice as common as inspiration'
            claim = replace(claim, indicator=measures[0], versus=measures[1])
            other = subject
        if amount.unit == "ratio":
            return replace(claim, kind="ratio", subject=subject, other=other,
                           signed=not _detached(sentence, amount),
                           doubt=claim.doubt or _no_other(other))  # fmt: skip
        if words.PASSIVE_BEATEN.search(text):
            doubt = "which side is higher: the comparison is said the other way round (passive)"
            claim = replace(claim, doubt=claim.doubt or doubt)
        comparator = claim.comparator
        if sign < 0:  # 'at least 8 points below': the gap is -8 or lower
            comparator = words.MIRRORED.get(comparator, comparator)
        return replace(
            claim, kind="difference", subject=subject, value=amount.value * (sign or 1),
            other=other or "England", signed=sign != 0, comparator=comparator,
        )  # fmt: skip
    other = other_area(sentence, amount.end, subject)
    of = OF_ANOTHER.match(text[amount.end :])
    measures = list(dict.fromkeys(m.target for m in sentence.mentions if m.kind == "indicator"))
    if of and not other and len(measures) > 1 and amount.unit == "percent" and amount.in_words:
        return replace(  # 'work inspiration is less than half its placement share'
            claim, kind="ratio", indicator=measures[0], versus=measures[1], other=subject,
            value=amount.value / 100, precision=amount.precision / 100,
        )  # fmt: skip
    sectors = [m for m in sentence.mentions if m.kind == "sector"]
    of_sector = next(
        (m.target for m in sectors
         if m.start >= amount.end
         and SECTOR_OF.fullmatch(text, amount.end, m.start)),
        "",
    )  # fmt: skip
    own = [m.target for m in sectors if m.end <= amount.start and m.target != of_sector]
    if of_sector and own and amount.in_words:
        return replace(  # "construction's share was roughly a third of business services'"
            claim, kind="ratio", sector=own[-1], other=of_sector,
            value=amount.value / 100, precision=amount.precision / 100,
        )  # fmt: skip
    average = of is not None and of.group(1) and "average" in of.group(0)
    if average and not other and amount.in_words and claim.sector:
        return replace(  # "construction's 6% is about a third of the England average"
            claim, kind="ratio", other="England",
            value=amount.value / 100, precision=amount.precision / 100,
        )  # fmt: skip
    after = measures[0] if len(measures) == 1 else ""
    if of and not other and after and after != indicator and amount.in_words:
        return replace(  # '17% did work inspiration, a third of the placement rate'
            claim, kind="ratio", versus=after, other=subject,
            value=amount.value / 100, precision=amount.precision / 100,
        )  # fmt: skip
    if amount.unit == "percent" and _fraction_of_area(sentence, amount):
        subject, other, _ = _sides(sentence, amount, subject, earlier)
        return replace(  # 'Humber's share was less than two-thirds of London's'
            claim, kind="ratio", subject=subject, value=amount.value / 100,
            precision=amount.precision / 100, other=other, loose="",
        )  # fmt: skip
    if other and of and amount.unit == "percent" and (of.group(1) or amount.in_words):
        subject, other, _ = _sides(sentence, amount, earlier.previous or subject, earlier)
        return replace(
            claim, kind="ratio", subject=subject, value=amount.value / 100,
            precision=amount.precision / 100, other=other,
        )  # fmt: skip
    if amount.high is not None and BAND_SAID.search(text):  # 'Dorset's placement band was 40-45%'
        claim = replace(claim, relation="band")
    if amount.high is not None and subject == "England" and _about_all_leps(text):
        return replace(claim, kind="range", subject="", doubt=measure_doubt)
    return claim


OF_AREA = re.compile(r"\s*(?:of\s+)?(?:the\s+)?")
ITS_PEOPLE = re.compile(
    r"\s*(?:s\s+)?(?:employers|firms|businesses|companies|young|pupils|students)\b"
)


def _fraction_of_area(sentence: Sentence, amount: Amount) -> bool:
    """'Humber's share was less than two-thirds of London's': a fraction of another area's
    figure, not a share of that area's employers."""
    text = sentence.text
    areas = [m for m in sentence.mentions if m.kind in ("lep", "group")]
    after = next((m for m in areas if m.start >= amount.end), None)
    return (
        amount.in_words
        and after is not None
        and any(m.end <= amount.start for m in areas)
        and OF_AREA.fullmatch(text[amount.end : after.start]) is not None
        and not ITS_PEOPLE.match(text[after.end :])
    )


def _is_gap(text: str, amount: Amount) -> bool:
    """'5% above England', 'exceeded the UK average by £16,000': a figure that is a gap."""
    if amount.unit not in ("percent", "pounds"):
        return False
    after = _direction(text, amount.end) != 0 and bool(
        words.THAN_OR_AREA.match(text[amount.end :]) or LIKELY.match(text, amount.end)
    )
    by = bool(BY.search(text[: amount.start])) and bool(_direction_before(text, amount.start))
    return after or by or bool(GAP_IS.search(text[: amount.start]))


LIKELY = re.compile(r"\s*(?:more|less) likely\b")  # 'so the south is about 14% more likely'


def _direction_before(text: str, end: int) -> int:
    """The last direction said before the figure, not its own bound: 'trails England by more
    than 5 points' is behind, whatever 'more than' says of the 5."""
    said = BY.sub("", text[:end])
    found = [
        (m.start(), sign)
        for phrase, sign in words.DIRECTIONS.items()
        for m in re.finditer(rf"\b{phrase}\b", said)
    ]
    return max(found)[1] if found else 0


def _sides(
    sentence: Sentence, amount: Amount, subject: str, earlier: Context
) -> tuple[str, str, int]:
    """(subject, other, sign) of a gap or ratio: the subject is named before the figure, the
    other after it ('8 points above England') or before it ('London's lead over England is')."""
    text = sentence.text
    areas = [m for m in sentence.mentions if m.kind in ("lep", "group")]
    pairs = [
        (a, b)
        for a, b in pairwise(areas)
        if not text[a.end : b.start].strip()
        and PAIR_GAP.match(text, b.end)
        and b.end <= amount.start
    ]
    if pairs:  # 'the London–England gap (8 points)': the last pair named before the figure
        return pairs[-1][0].target, pairs[-1][1].target, 0
    before = [m.target for m in areas if m.end <= amount.start]
    after = [m.target for m in areas if m.start >= amount.end and m.target not in before[:1]]
    if (
        not before
        and len(after) > 1
        and not words.BENCHMARK_WORDS.search(text)
        and not (subject not in ("", *after) and _direction(text, amount.end))
        # 'That is 9 points behind England and 17 behind London': the gap is the Humber's
    ):
        return after[0], after[1], 0  # '17 points separate London and the Humber'
    if not areas and len(earlier.recent) == 2 and GAP.search(text):
        return earlier.recent[0], earlier.recent[1], 0  # 'The gap is 5 points.'
    clause = max((m.end() for m in SO.finditer(text, 0, amount.start)), default=0)
    own = [m.target for m in areas if clause <= m.start and m.end <= amount.start]
    first = own[0] if own and clause else before[0] if before else subject  # '…, so London'
    joined = [m for m in areas if m.end <= amount.start]
    opens = bool(joined) and _starts_clause(sentence, joined[-1], amount)
    if opens:
        first = joined[-1].target  # '… 6 points adrift and Cheshire 8 points ahead'
    after = [  # 'and Cheshire 8 points ahead': an area with a figure of its own is no other side
        m.target
        for m in areas
        if m.start >= amount.end
        and m.target in after
        and not (OWN_FIGURE.match(text, m.end) and CLAUSE_AREA.search(text[: m.start]))
    ]
    if not before and after and first == after[0]:  # 'that's 10 points above England'
        said = (earlier.previous, *reversed(earlier.recent), *earlier.areas)
        first = next((a for a in said if a and a != after[0]), first)
    bench = words.BENCHMARK_WORDS.search(text, amount.end)
    if after and not (
        bench and bench.start() <= min(m.start for m in areas if m.start >= amount.end)
    ):
        other = after[0]
    elif bench:
        other = _benchmark(bench)
    elif len(before) > 1 and not opens:
        other = before[1]
    elif (bench := words.BENCHMARK_WORDS.search(text[: amount.start])) and first != "England":
        other = _benchmark(bench)
    elif words.NATIONALLY.search(text[: amount.start]) and first != "England":
        other = "England"  # 'Nationally the figure is 17%, so Tees Valley is 6 points adrift'
    else:
        other = ""
    sign = _direction(text, amount.end) or _direction_before(text, amount.start)
    return first, other if other != first else "", sign


PAIR_GAP = re.compile(r"\s+(?:gap|difference|divide)\b")
OWN_FIGURE = re.compile(r"\s+(?:[a-z]+\s+){0,3}?\d")  # 'and Cheshire (leads by) 8 points
CLAUSE_AREA = re.compile(r"\b(?:and|while|whereas|but)\s+(?:the\s+)?$")


def _starts_clause(sentence: Sentence, area: Mention, amount: Amount) -> bool:
    """'… and Cheshire 8 points ahead': the area opens a clause whose figure follows it."""
    text = sentence.text
    between = text[area.end : amount.start]
    return bool(
        CLAUSE_AREA.search(text[: area.start])
        and not re.search(r"\bbetween\b", text[max(0, area.start - 60) : area.start])
        and re.fullmatch(r"\s*(?:[a-z]+\s+){0,3}", between)
        and not re.search(r"\b(?:gap|difference|of)\b", between)  # '…, a gap of 17 points'
        and not any(area.end <= m.start < amount.start for m in sentence.mentions)
    )


def _no_other(other: str) -> str:
    """Why a ratio cannot be judged: '' when it says what it is compared with."""
    return "" if other else "what the figure is compared with"


def _about_all_leps(text: str) -> bool:
    return bool(words.RANGE_WORDS.search(text) and words.ALL_LEPS.search(text))


def quantified(sentence: Sentence, earlier: Context) -> list[tuple[int, Claim]]:
    """'Most employers do not offer placements': a share said as more or less than half."""
    out = []
    for m in words.QUANTIFIER.finditer(sentence.text):
        amount = Amount(50.0, 1.0, "percent", m.start(), m.end(), in_words=True)
        claim = figure_claim(sentence, amount, earlier)
        comparator = words.QUANTIFIERS[m.group(1)]
        out.append((m.start(), replace(claim, comparator=comparator, written=m.group(1))))
    return out


def every_lep(sentence: Sentence, claims: list[tuple[int, Claim]]) -> list[tuple[int, Claim]]:
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


def two_sided(claim: Claim) -> Claim:
    """A gap, ratio or comparison of an area with itself was misread, never judged."""
    compared = claim.kind in ("difference", "ratio", "comparison")
    same = claim.other == claim.subject and not claim.versus and not claim.sector
    if compared and same and not claim.doubt:
        return replace(claim, doubt=f"what {claim.subject or 'the figure'} is compared with")
    return claim
