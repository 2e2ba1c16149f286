"""factcheck: a claimed figure checked against the data, with a verdict and the right figure.

Verdicts: correct, rounding (within the precision of the published figure or of the claim),
incorrect (with the right figure; also a claim outside a published band or the LEP range, or a
wrong "highest"/"lowest"), unverifiable (nothing exact to check against), disputed (a figure the
source prints but contradicts itself on).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from intents.dataset.model import Dataset, Evidence, sector_name
from intents.dataset.ranking import standing
from intents.dataset.units import amount, span
from intents.reading.query import Claim, Query
from intents.reading.rules import Rule
from intents.replies.answer import Answer, Figure
from intents.replies.describe import figure_of
from intents.replies.wording import RELATION_WORDS, cite
from intents.spec import IntentSpec

SEVERITY = ("incorrect", "disputed")  # a claim about two areas fails if either part does
TRIGGERS = (
    r"\b(?:check|checking|fact ?check|verify|confirm|true|correct|right|accurate|really|sure|"
    r"is it|did|does|do|was|were|claims?|claimed|says?|said|states?|quoted?|according|draft|brief|report|sanity|yes|reckon\w*|heard|slide)\b",
)


@dataclass(frozen=True)
class Checked:
    verdict: str
    headline: str
    lines: tuple[str, ...] = ()
    figures: tuple[Figure, ...] = ()
    sources: tuple[str, ...] = ()


def _precision(value: float) -> float:
    """How precisely a published figure is given: 29 -> 1, 0.8 -> 0.1."""
    text = f"{value:g}"
    return 10.0 ** -len(text.split(".")[1]) if "." in text else 1.0


HEDGE_WIDTH = 10.0  # "nearly half", "about 30%": right if within 5 points


def _within_rounding(claim: Claim, published: float) -> bool:
    """Either figure may be the other rounded: 29.4% vs a published 29%, £37k vs £37,232; a
    hedged share may be off by half of HEDGE_WIDTH."""
    width = max(_precision(published), claim.precision, HEDGE_WIDTH if claim.hedged else 0.0)
    return abs(claim.value - published) <= width / 2 + 1e-9


def _disputed(dataset: Dataset, claim: Claim, ev: Evidence, where: str) -> Checked:
    ind = dataset.indicator(ev.indicator)
    figure = ev.disputed[0]
    same_source = {
        f.relation: f
        for f in dataset.facts
        if f.source == figure.source and f.indicator == ev.indicator and f.kind == "value"
        and f.relation in ("lowest", "highest")
    }  # fmt: skip
    ends = (same_source["lowest"], same_source["highest"]) if len(same_source) == 2 else None
    bounds = f" as {span(ends[0].value, ends[1].value, ind.format)}" if ends else ""
    cited = cite(dataset, [figure.source])
    headline = (
        f"Disputed: {cited} does print {amount(figure.value, ind.format)} for {where} on {ind.short}, but the "
        f"same document gives the range across all LEPs{bounds}, so {amount(figure.value, ind.format)} cannot "
        "be an LEP share of employers — do not quote it."
    )
    lines, figures, sources = [], [], [figure.source]
    fact = ev.fact
    if fact is not None and fact.kind == "value":  # an imported table has the real figure
        lines.append(
            f"The figure in this dataset is {amount(fact.value, ind.format)} ({cite(dataset, [fact.source])})."
        )
        figures.append(figure_of(fact))
        sources.append(fact.source)
    elif fact is not None and fact.kind == "relation":
        lines.append(
            f"What does stand: {cite(dataset, [fact.source])} names {where} as {RELATION_WORDS[fact.relation]} on {ind.short}."
        )
        sources.append(fact.source)
    return Checked("disputed", headline, tuple(lines), tuple(figures), tuple(sources))


def _sources_differ(dataset: Dataset, claim: Claim, ev: Evidence, where: str) -> Checked | None:
    """The claim matches a figure one source gives while a later (imported) table differs."""
    ind, fact = dataset.indicator(ev.indicator), ev.fact
    for other in dataset.facts_for(ev.area, ev.indicator):
        if (
            other is not fact
            and other.kind == "value"
            and _within_rounding(claim, other.value)
            and other.value != fact.value
        ):
            return Checked(
                "disputed",
                f"Sources differ: {cite(dataset, [other.source])} gives {amount(other.value, ind.format)} for {where} on "
                f"{ind.short}, but {cite(dataset, [fact.source])} gives {amount(fact.value, ind.format)}.",
                ("Quote the figure from the source your brief cites, and say which it is.",),
                (figure_of(fact), figure_of(other)),
                (fact.source, other.source),
            )
    return None


def _against_value(dataset: Dataset, claim: Claim, ev: Evidence, where: str) -> Checked:
    differ = _sources_differ(dataset, claim, ev, where)
    if differ is not None and not _within_rounding(claim, ev.fact.value):
        return differ
    ind, fact = dataset.indicator(ev.indicator), ev.fact
    right, said = amount(fact.value, ind.format), amount(claim.value, ind.format)
    period = f" in {fact.period}" if fact.period else ""
    if abs(claim.value - fact.value) < 1e-9:
        verdict, text = (
            "correct",
            f"Correct: the published figure for {where} on {ind.short} is {right}{period}",
        )
    elif _within_rounding(claim, fact.value):
        verdict, text = (
            "rounding",
            f"Close: the published figure for {where} on {ind.short} is {right}{period}; "
            + (f"“about {said}” fits it" if claim.hedged else f"{said} is within rounding of it"),
        )
    else:
        verdict, text = (
            "incorrect",
            f"Incorrect: the published figure for {where} on {ind.short} is {right}{period}, not {said}",
        )
    return Checked(
        verdict, f"{text} ({cite(dataset, [fact.source])}).", (), (figure_of(fact),), (fact.source,)
    )


def _against_band(dataset: Dataset, claim: Claim, ev: Evidence, where: str) -> Checked:
    ind, fact = dataset.indicator(ev.indicator), ev.fact
    band, said = span(fact.low, fact.high, ind.format), amount(claim.value, ind.format)
    if fact.low <= claim.value <= fact.high:
        verdict, text = (
            "unverifiable",
            f"Can't be confirmed exactly: only a band is published for {where} on {ind.short} ({band}), and {said} lies inside it",
        )
    else:
        verdict, text = (
            "incorrect",
            f"Incorrect: the published band for {where} on {ind.short} is {band}, and {said} lies outside it",
        )
    return Checked(
        verdict, f"{text} ({cite(dataset, [fact.source])}).", (), (figure_of(fact),), (fact.source,)
    )


def _against_range(dataset: Dataset, claim: Claim, ev: Evidence, where: str) -> Checked:
    ind, fact = dataset.indicator(ev.indicator), ev.fact
    said = amount(claim.value, ind.format)
    ends = dataset.lep_range(ev.indicator) if dataset.is_lep(ev.area) else None
    lines, sources = [], []
    if ends is not None and not ends[0].value <= claim.value <= ends[1].value:
        verdict = "incorrect"
        headline = (
            f"Incorrect: no LEP's published figure on {ind.short} is outside {span(ends[0].value, ends[1].value, ind.format)}, "
            f"so {said} for {where} cannot be right ({cite(dataset, [ends[0].source])})."
        )
        sources.append(ends[0].source)
    else:
        verdict = "unverifiable"
        headline = f"Can't be verified: there is no published figure for {where} on {ind.short} in this dataset."
        if ends is not None:
            lines.append(
                f"{said} is inside the published LEP range ({span(ends[0].value, ends[1].value, ind.format)}), so it is not ruled out."
            )
            sources.append(ends[0].source)
    if fact is not None and fact.kind == "relation":
        lines.append(
            f"What is published: {cite(dataset, [fact.source])} names {where} as {RELATION_WORDS[fact.relation]} on {ind.short}."
        )
        sources.append(fact.source)
    return Checked(verdict, headline, tuple(lines), (), tuple(sources))


UNITS = {"percent": ("percent", "percent_per_year", "points"), "pounds": ("pounds",)}
FALLING = (
    r"\b(?:fewer|less|down|fell|fall|falls|fallen|declin\w*|drop\w*|lower|decrease\w*|reduc\w*)\b"
)


def _wrong_unit(dataset: Dataset, claim: Claim, indicator: str) -> Checked | None:
    ind = dataset.indicator(indicator)
    if not claim.unit or ind.format in UNITS[claim.unit]:
        return None
    said = "a percentage" if claim.unit == "percent" else "an amount in pounds"
    return Checked(
        "unverifiable",
        f"Can't be checked: the claim is {said}, but {ind.short} is measured in {ind.unit}, so the two cannot be compared.",
    )


def _check(dataset: Dataset, claim: Claim, area: str, indicator: str, breakdown: str) -> Checked:
    """One area's verdict on the claimed figure, with what the data does say."""
    if breakdown and area != "England":
        return _no_sector_by_lep(dataset, area, indicator, breakdown)
    wrong_unit = _wrong_unit(dataset, claim, indicator)
    if wrong_unit is not None:
        return wrong_unit
    ev = dataset.evidence(area, indicator, breakdown)
    where = dataset.spoken(area) + (f" ({sector_name(breakdown)})" if breakdown else "")
    if ev.disputed and any(_within_rounding(claim, d.value) for d in ev.disputed):
        return _disputed(dataset, claim, ev, where)
    checker = {"value": _against_value, "change": _against_value, "band": _against_band}.get(
        ev.kind, _against_range
    )
    return checker(dataset, claim, ev, where)


def _no_sector_by_lep(dataset: Dataset, area: str, indicator: str, breakdown: str) -> Checked:
    ind = dataset.indicator(indicator)
    sector = sector_name(breakdown)
    england = dataset.evidence("England", indicator, breakdown).fact
    lines = (
        (f"England's {sector} figure is {amount(england.value, ind.format)}.",) if england else ()
    )
    return Checked(
        "unverifiable",
        f"Can't be verified: no {ind.short} figures by sector are published for {dataset.spoken(area)}, only for England.",
        lines,
        (figure_of(england),) if england else (),
        (england.source,) if england else (),
    )


def _extreme_check(dataset: Dataset, claimed: str, area: str, indicator: str) -> Checked | None:
    """A claimed 'highest'/'lowest' against what is published or computable; None when it holds."""
    actual = standing(dataset, area, indicator).extreme
    where, ind = dataset.spoken(area), dataset.indicator(indicator)
    if not actual:
        return Checked(
            "unverifiable",
            f"Whether {where} is the {claimed} on {ind.short} cannot be checked: not every LEP has a published figure.",
        )
    if actual != claimed:
        said = "neither the highest nor the lowest" if actual == "neither" else f"the {actual}"
        return Checked(
            "incorrect",
            f"Incorrect: {where} is {said} of the 39 LEPs on {ind.short}, not the {claimed}.",
        )
    return None


def handle(query: Query, dataset: Dataset) -> Answer:
    indicator = query.indicators[0] if query.indicators else "work_placements"
    assumed = () if query.indicators else ("no measure named: checked against work placements",)
    breakdown = query.breakdowns[0] if query.breakdowns else ""
    subjects = query.areas[:2] or query.groups[:1] or ("England",)
    claims = (
        query.claims if len(query.claims) == len(subjects) else query.claims[:1] * len(subjects)
    )
    if dataset.indicator(indicator).format == "points" and re.search(FALLING, query.text.lower()):
        claims = tuple(replace(c, value=-abs(c.value)) for c in claims)  # "4% fewer" is a fall of 4
    checks = [
        _check(dataset, c, area, indicator, breakdown)
        for c, area in zip(claims, subjects, strict=True)
    ]
    if query.claimed_extreme and dataset.is_lep(subjects[0]) and not breakdown:
        extreme = _extreme_check(dataset, query.claimed_extreme, subjects[0], indicator)
        if extreme is not None:
            checks.insert(0 if extreme.verdict == "incorrect" else len(checks), extreme)
    verdicts = [c.verdict for c in checks]
    verdict = next((v for v in SEVERITY if v in verdicts), None)
    if verdict is None:
        verdict = "unverifiable" if "unverifiable" in verdicts else verdicts[0]
    lines = [c.headline for c in checks[1:]] + [line for c in checks for line in c.lines]
    figures = [f for c in checks for f in c.figures]
    sources = [s for c in checks for s in c.sources]
    ind = dataset.indicator(indicator)
    bench = dataset.benchmark(indicator)
    if bench is not None and bench.area not in subjects and not breakdown:
        lines.append(f"{bench.area}: {amount(bench.value, ind.format)}.")
        figures.append(figure_of(bench))
        sources.append(bench.source)
    return Answer(
        intent="factcheck",
        headline=checks[0].headline,
        lines=tuple(dict.fromkeys(lines)),
        figures=tuple(dict.fromkeys(figures)),
        sources=tuple(dict.fromkeys(sources)),
        areas=query.areas[:2],
        indicators=(indicator,),
        verdict=verdict,
        assumed=assumed,
        next_questions=(
            f"how does {query.areas[0] if query.areas else 'Humber'} compare on {ind.short}?",
            "where do these numbers come from?",
        ),
    )


SPEC = IntentSpec(
    name="factcheck",
    label="fact-check",
    rules=(
        Rule(
            "factcheck",
            15,
            triggers=TRIGGERS,
            needs=frozenset({"number"}),
            refuses=frozenset({"threshold"}),
            leps=(0, 2),
        ),
        Rule(
            "factcheck",
            54,
            needs=frozenset({"number", "indicator"}),
            refuses=frozenset({"threshold", "order"}),
            leps=(0, 1),
        ),
    ),
    handle=handle,
    examples=(
        "check: 46% of London employers offer placements",
        "check: 42% of Liverpool employers offer work inspiration",
        "is it true that 40% of Humber employers offer work placements?",
    ),
)
