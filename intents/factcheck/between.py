"""Claims that compare two areas by a number: a gap ('8 points above England') or a ratio ('half
as likely again as Humber', '61% of the UK average'), computed from the published figures."""

from __future__ import annotations

import math
from dataclasses import replace

from intents.dataset.model import Dataset, Fact
from intents.dataset.units import gap as units_gap
from intents.dataset.units import number
from intents.factcheck.closeness import Published, decide, precision_of
from intents.factcheck.figures import doubt, unverifiable
from intents.factcheck.judgement import Judgement, shown
from intents.names import Verdict
from intents.reading.query import Claim
from intents.replies.describe import figure_of

GOOD: tuple[Verdict, ...] = ("correct", "rounding")


def _facts(dataset: Dataset, claim: Claim) -> tuple[Fact | None, Fact | None]:
    """The two figures compared: two areas, two sectors, or two measures of one area."""
    mine = dataset.evidence(claim.subject, claim.indicator, claim.sector).fact
    if claim.versus:
        return mine, dataset.evidence(claim.subject, claim.versus, claim.sector).fact
    if claim.other.startswith("sector: "):
        return mine, dataset.evidence(claim.subject, claim.indicator, claim.other).fact
    if claim.other == "England" and (not claim.sector or claim.subject == "England"):
        return mine, dataset.benchmark(claim.indicator)  # a sector against all employers
    return mine, dataset.evidence(claim.other, claim.indicator, claim.sector).fact


def _pair(dataset: Dataset, claim: Claim) -> tuple[Fact, Fact] | None:
    mine, theirs = _facts(dataset, claim)
    if mine is None or theirs is None:
        return None
    if mine.kind not in ("value", "change") or theirs.kind not in ("value", "change"):
        return None
    return mine, theirs


def _ends(fact: Fact) -> tuple[float, float] | None:
    if fact.kind in ("value", "change"):
        return fact.value, fact.value
    if fact.kind == "band":
        return fact.low, fact.high
    return None


def _gap_of_ranges(dataset: Dataset, claim: Claim) -> Judgement | None:
    """A band on either side: the gap is a range too, decided only when all of it agrees."""
    mine, theirs = _facts(dataset, claim)
    if mine is None or theirs is None or _ends(mine) is None or _ends(theirs) is None:
        return None
    (a_low, a_high), (b_low, b_high) = _ends(mine), _ends(theirs)
    low, high = a_low - b_high, a_high - b_low
    if not claim.signed:
        low, high = (
            (min(abs(low), abs(high)), max(abs(low), abs(high)))
            if low * high > 0
            else (0, max(abs(low), abs(high)))
        )
    verdict = decide(claim, Published(low, high, exact=False))
    reason = (
        f"{dataset.spoken(mine.area)} {shown(dataset, mine)} against {dataset.spoken(theirs.area)} "
        f"{shown(dataset, theirs)}: a gap of between {number(low)} and {number(high)} points"
    )
    return Judgement(
        claim, verdict, f"{reason} (difference of the published figures and band)",
        f"{shown(dataset, mine)} vs {shown(dataset, theirs)}", (figure_of(mine), figure_of(theirs)),
        (mine.source, theirs.source),
    )  # fmt: skip


def _disputed(dataset: Dataset, claim: Claim) -> Judgement | None:
    """A gap or ratio built on a figure the source contradicts is no firmer than that figure."""
    ev = dataset.evidence(claim.subject, claim.indicator, claim.sector)
    if not ev.disputed:
        return None
    ind, figure = dataset.indicator(claim.indicator), ev.disputed[0]
    reason = (
        f"the only figure for {dataset.spoken(claim.subject)} on {ind.short} is the "
        f"{number(figure.value)}% the source itself contradicts, so nothing can be computed from it"
    )
    return Judgement(
        claim, "disputed", reason, f"{number(figure.value)}% (disputed)", (), (figure.source,)
    )


def _label(dataset: Dataset, fact: Fact) -> str:
    """What a compared figure is of: an area, a sector, or one of an area's measures."""
    if fact.breakdown:
        return fact.label
    return dataset.spoken(fact.area)


def _labels(dataset: Dataset, claim: Claim, mine: Fact, theirs: Fact) -> tuple[str, str]:
    """Both sides, possessive; a ratio of two measures of one area names the measures."""
    if claim.versus:
        return (
            f"{dataset.spoken(mine.area)}'s {dataset.indicator(mine.indicator).short}",
            f"its {dataset.indicator(theirs.indicator).short}",
        )
    theirs_said = _possessive(_label(dataset, theirs))
    if mine.breakdown and not theirs.breakdown:
        theirs_said += " all-sector"
    return _possessive(_label(dataset, mine)), theirs_said


def _possessive(name: str) -> str:
    """ "Business Services'", "London's"."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def _missing(dataset: Dataset, claim: Claim) -> Judgement:
    ind = dataset.indicator(claim.indicator)
    return unverifiable(
        claim,
        f"the gap cannot be computed: the data has no exact {ind.short} figure for both "
        f"{dataset.spoken(claim.subject)} and {dataset.spoken(claim.other or 'England')}",
    )


def _computed(
    claim: Claim, mine: Fact, theirs: Fact, verdict: Verdict, method: str, reason: str
) -> Judgement:
    return Judgement(
        claim,
        verdict,
        f"{reason} ({method})",
        f"{shown_pair(mine, theirs)}",
        (figure_of(mine), figure_of(theirs)),
        (mine.source, theirs.source),
    )


def shown_pair(mine: Fact, theirs: Fact) -> str:
    return f"{number(mine.value)} vs {number(theirs.value)}"


def judge_difference(dataset: Dataset, claim: Claim) -> Judgement:
    early = doubt(claim)
    if early is not None:
        return early
    pair = _pair(dataset, claim)
    if pair is None:
        return (
            _gap_of_ranges(dataset, claim) or _disputed(dataset, claim) or _missing(dataset, claim)
        )
    mine, theirs = pair
    ind = dataset.indicator(claim.indicator)
    a, b = (
        f"{_label(dataset, mine)} {shown(dataset, mine)}",
        f"{_label(dataset, theirs)} {shown(dataset, theirs)}",
    )
    gap = mine.value - theirs.value
    if not claim.signed:  # 'a gap of 9 points between them': either way round
        gap = abs(gap)
    width = max(precision_of(mine.value), precision_of(theirs.value))
    as_gap = decide(claim, Published(gap, gap, width))
    said = f"{a} is {units_gap(mine.value, theirs.value, ind.format, b)}"
    if claim.unit != "percent" or ind.format not in ("percent", "pounds", "percent_per_year"):
        return _computed(claim, mine, theirs, as_gap, "difference of the published figures", said)
    relative = (mine.value / theirs.value - 1) * 100
    as_relative = decide(claim, Published(relative, relative, 1.0))
    if ind.is_share and as_gap in GOOD:  # "8% higher" for 8 points: read the sloppy way
        return _computed(claim, mine, theirs, as_gap, "read as percentage points", said)
    side = "higher" if relative >= 0 else "lower"
    said = f"{said}, or {number(round(abs(relative), 1))}% {side} ({number(mine.value)} ÷ {number(theirs.value)})"
    return _computed(claim, mine, theirs, as_relative, "per cent of the other figure", said)


def judge_ratio(dataset: Dataset, claim: Claim) -> Judgement:
    early = doubt(claim)
    if early is not None:
        return early
    pair = _pair(dataset, claim)
    if pair is None or not pair[1].value:
        return _disputed(dataset, claim) or _missing(dataset, claim)
    mine, theirs = pair
    if not claim.signed and (claim.value or 0) > 1 and mine.value < theirs.value:
        mine, theirs = theirs, mine  # 'A 11%, while B managed 25%, more than double': B over A
    ratio = mine.value / theirs.value
    loose = claim if not claim.in_words else _loosely(claim)
    step = claim.precision if not claim.in_words else 0.01
    exact = claim.in_words and abs(claim.value - ratio) < 1e-9  # 'a third of' for 6% of 18%
    verdict = "correct" if exact else decide(loose, _as_published(ratio, step))
    a, b = _labels(dataset, claim, mine, theirs)
    times = (
        f"{number(round(ratio * 100, 1))}% of"  # '61% of the UK average'
        if claim.unit == "percent"
        else f"{number(round(ratio, 2))} times"
    )
    return _computed(
        claim, mine, theirs, verdict, "ratio of the published figures",
        f"{a} {shown(dataset, mine)} is {times} {b} {shown(dataset, theirs)}",
    )  # fmt: skip


def _as_published(ratio: float, step: float) -> Published:
    """A computed ratio judged as a published figure is, given to three significant figures:
    '61.2% of' for 0.6122 is correct, '61% of' or '1.6 times' for 1.59 is close (it rounded)."""
    if not ratio:
        return Published(ratio, ratio, step)
    precision = 10.0 ** (math.floor(math.log10(abs(ratio))) - 2)
    stated = round(ratio / precision) * precision
    return Published(stated, stated, precision)


def _loosely(claim: Claim) -> Claim:
    """'Twice', 'half as likely again' are round words: judged as hedged."""
    return replace(claim, comparator="~" if claim.comparator == "=" else claim.comparator)
