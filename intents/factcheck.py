"""factcheck: a claimed figure checked against the data, with a verdict and the right figure."""

from __future__ import annotations

from dataclasses import dataclass

from intents.answer import Answer, Figure
from intents.dataset import Dataset
from intents.describe import figure_of
from intents.phrasing import RELATION_WORDS, amount, cite, span
from intents.query import Query
from intents.rules import IntentSpec, Rule

ROUNDING = 0.5
SEVERITY = ("incorrect", "disputed")  # a claim about two areas fails if either part does


@dataclass(frozen=True)
class Checked:
    verdict: str
    headline: str
    lines: tuple[str, ...]
    figures: tuple[Figure, ...]
    sources: tuple[str, ...]


TRIGGERS = (
    r"\b(?:check|checking|fact ?check|verify|confirm|true|correct|right|accurate|really|sure|"
    r"is it|did|does|do|was|were|claims?|claimed|says?|said|states?|quoted?|according|draft|brief|report|sanity|yes|reckon\w*|heard|slide)\b",
)


def _check(dataset: Dataset, claim: float, area: str, indicator: str, breakdown: str) -> Checked:
    """One area's verdict on the claimed figure, with what the data does say."""
    ind = dataset.indicator(indicator)
    ev = dataset.evidence(area, indicator, breakdown)
    where = dataset.spoken(area) + (f" ({breakdown.split(': ', 1)[-1]})" if breakdown else "")
    said = amount(claim, ind)
    fact = ev.fact
    figures, sources, lines = [], [], []

    if ev.disputed and any(abs(claim - d.value) <= ROUNDING for d in ev.disputed):
        d = ev.disputed[0]
        verdict = "disputed"
        said = {
            f.relation: f for f in dataset.facts
            if f.source == d.source and f.indicator == indicator and f.kind == "value"
            and f.relation in ("lowest", "highest")
        }  # fmt: skip
        ends = (said["lowest"], said["highest"]) if len(said) == 2 else dataset.lep_range(indicator)
        bounds = f" ({span(ends[0].value, ends[1].value, ind)})" if ends else ""
        headline = (
            f"Disputed: the UKCES commentary does print {amount(d.value, ind)} for {where} on {ind.short}, "
            f"but the same document gives the range across all LEPs as{bounds} lower than that, so "
            f"{amount(d.value, ind)} cannot be an LEP share of employers — do not quote it ({cite(dataset, [d.source])})."
        )
        sources.append(d.source)
        if fact is not None and fact.kind == "value":  # an imported table has the real figure
            lines.append(
                f"The figure in this dataset is {amount(fact.value, ind)} ({cite(dataset, [fact.source])})."
            )
            figures.append(figure_of(fact))
            sources.append(fact.source)
        if fact is not None and fact.kind == "relation":
            lines.append(
                f"What does stand: the commentary names {where} as {RELATION_WORDS[fact.relation]} on {ind.short}."
            )
            sources.append(fact.source)
    elif ev.kind == "value":
        diff = abs(claim - fact.value)
        verdict = "correct" if diff < 1e-9 else "rounding" if diff <= ROUNDING else "incorrect"
        right = amount(fact.value, ind)
        period = f" in {fact.period}" if fact.period else ""
        headline = {
            "correct": f"Correct: the published figure for {where} on {ind.short} is {right}{period}",
            "rounding": f"Close: the published figure for {where} on {ind.short} is {right}{period}; {said} is within rounding of it",
            "incorrect": f"Incorrect: the published figure for {where} on {ind.short} is {right}{period}, not {said}",
        }[verdict] + f" ({cite(dataset, [fact.source])})."
        figures.append(figure_of(fact))
        sources.append(fact.source)
    elif ev.kind == "band":
        inside = fact.low <= claim <= fact.high
        verdict = "unverifiable" if inside else "incorrect"
        band = span(fact.low, fact.high, ind)
        headline = (
            f"Can't be confirmed exactly: only a band is published for {where} on {ind.short} ({band}), and {said} lies inside it"
            if inside
            else f"Incorrect: the published band for {where} on {ind.short} is {band}, and {said} lies outside it"
        ) + f" ({cite(dataset, [fact.source])})."
        figures.append(figure_of(fact))
        sources.append(fact.source)
    else:
        ends = dataset.lep_range(indicator) if dataset.is_lep(area) else None
        outside = ends is not None and not (ends[0].value <= claim <= ends[1].value)
        verdict = "incorrect" if outside else "unverifiable"
        if outside:
            headline = (
                f"Incorrect: no LEP's published figure on {ind.short} is outside {span(ends[0].value, ends[1].value, ind)}, "
                f"so {said} for {where} cannot be right ({cite(dataset, [ends[0].source])})."
            )
            sources.append(ends[0].source)
        else:
            headline = f"Can't be verified: there is no published figure for {where} on {ind.short} in this dataset."
            if ends is not None:
                lines.append(
                    f"{said} is inside the published LEP range ({span(ends[0].value, ends[1].value, ind)}), so it is not ruled out."
                )
                sources.append(ends[0].source)
        if fact is not None and fact.kind == "relation":
            lines.append(
                f"What is published: {cite(dataset, [fact.source])} names {where} as {RELATION_WORDS[fact.relation]} on {ind.short}."
            )
            sources.append(fact.source)
    return Checked(verdict, headline, tuple(lines), tuple(figures), tuple(sources))


def handle(query: Query, dataset: Dataset) -> Answer:
    indicator = query.indicators[0] if query.indicators else "work_placements"
    assumed = () if query.indicators else ("no measure named: checked against work placements",)
    breakdown = query.breakdowns[0] if query.breakdowns else ""
    if breakdown:
        subjects: tuple[str, ...] = ("England",)
    else:
        subjects = query.areas[:2] or query.groups[:1] or ("England",)
    checks = [_check(dataset, query.number, area, indicator, breakdown) for area in subjects]
    verdicts = [c.verdict for c in checks]
    verdict = next((v for v in SEVERITY if v in verdicts), verdicts[0])
    lines = [c.headline for c in checks[1:]] + [line for c in checks for line in c.lines]
    figures = [f for c in checks for f in c.figures]
    sources = [s for c in checks for s in c.sources]
    ind = dataset.indicator(indicator)
    area = subjects[0]
    bench = dataset.benchmark(indicator)
    if bench is not None and bench.area != area and not breakdown:
        lines.append(f"{bench.area}: {amount(bench.value, ind)}.")
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
        "check: 42% of Liverpool employers offer work inspiration",
        "is it true that 40% of Humber employers offer work placements?",
    ),
)
