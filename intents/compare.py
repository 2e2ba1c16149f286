"""compare: named areas side by side on one or more measures, England marked."""

from __future__ import annotations

import re

from intents.dataset.model import Dataset, Fact
from intents.dataset.stats import significance_line
from intents.dataset.units import amount, difference
from intents.reading.context import FollowUp
from intents.reading.query import Query
from intents.reading.rules import Rule
from intents.replies.answer import Answer, Table
from intents.replies.chart_titles import compare_title
from intents.replies.charts import compare_bars
from intents.replies.describe import describe, lead
from intents.replies.wording import cite, listing
from intents.spec import IntentSpec
from intents.value import EMPLOYER_MEASURES, survey_caveats
from intents.value import handle as value_handle


def _pair_sentence(
    dataset: Dataset, areas: tuple[str, ...], indicator: str
) -> tuple[str, list[str]]:
    """'In 2014, 46% of employers in London offered work placements, against 29% in the Humber —
    a gap of 17 points (England: 38%)'; or each area's published form when not all are values."""
    ind = dataset.indicator(indicator)
    facts = [dataset.evidence(a, indicator).fact for a in areas]
    bench = dataset.benchmark(indicator)
    if bench is not None and bench.area in areas:  # 'London vs England': England is a side
        bench = None
    tail = f" ({bench.area}: {amount(bench.value, ind.format)})" if bench else ""
    polarity = "; lower is better" if ind.higher_is_better is False else ""
    if all(f is not None and f.kind == "value" for f in facts):
        ranked = all(dataset.is_lep(a) for a in areas)  # 'Humber vs the UK': the LEP first
        first, *others = sorted(facts, key=lambda f: f.value, reverse=True) if ranked else facts
        against = listing(
            [f"{amount(f.value, ind.format)} in {dataset.spoken(f.area)}" for f in others]
        )
        spread = (
            f" — a gap of {difference(abs(first.value - others[-1].value), ind.format)}"
            if others
            else ""
        )
        sources = [f.source for f in facts] + ([bench.source] if bench else [])
        said = lead(dataset, first, amount(first.value, ind.format))
        return (
            f"{said}, against {against}{spread}{tail[:-1] + polarity + ')' if tail else ''} ({cite(dataset, sources)}).",
            sources,
        )
    parts = [f"{dataset.spoken(a)}: {describe(dataset, a, indicator).short}" for a in areas]
    sources = [f.source for f in facts if f is not None] + ([bench.source] if bench else [])
    bench_part = f"; {bench.area}: {amount(bench.value, ind.format)}" if bench else ""
    return f"On {ind.short}: {'; '.join(parts)}{bench_part} ({cite(dataset, sources)}).", sources


AGAINST_WORDS = (
    r"\b(?:vs|v|versus|against|compared? (?:with|to)|compares? (?:with|to)|stacks? up|side by side|"
    r"relative to|ratio|how many times|better than|worse than|ahead of|behind)\b",
)
RATIO_ASKED = re.compile(
    r"\b(?:ratio|how many times|times (?:as|bigger|higher|larger|more|greater)|\d+(?:\.\d+)? times)\b"
)


def _ratio_line(dataset: Dataset, a: Fact, b: Fact) -> str:
    """'London's £37,232 is 2.86 times Cornwall and Isles of Scilly's £13,036', asked for."""
    high, low = sorted((a, b), key=lambda f: f.value, reverse=True)
    ind = dataset.indicator(a.indicator)
    return (
        f"Ratio on {ind.short}: {dataset.spoken(high.area)}'s {amount(high.value, ind.format)} is "
        f"{high.value / low.value:.2f} times {dataset.spoken(low.area)}'s "
        f"{amount(low.value, ind.format)} (ratio of the published figures)."
    )


def handle(query: Query, dataset: Dataset) -> Answer:
    indicators = query.indicators or EMPLOYER_MEASURES
    against = tuple(  # 'Humber vs the UK on placements': the nation is the other side
        g
        for g in (query.groups if len(query.areas) == 1 else ())
        if all(dataset.evidence(g, i).kind == "value" for i in indicators)
    )
    if len(query.areas) == 1 and not against:  # 'London v NI on work inspiration': none for NI
        return value_handle(query.but(indicators=indicators), dataset)
    areas = (*query.areas, *against)
    notes = (
        ()
        if query.indicators
        else ("no measure named: compared on placements and work inspiration",)
    )
    sentences, sources, figures, lines = [], [], [], []
    rows = []
    described = {(a, i): describe(dataset, a, i) for i in indicators for a in areas}
    for indicator in indicators:
        sentence, srcs = _pair_sentence(dataset, areas, indicator)
        sentences.append(sentence)
        sources += srcs
        ind = dataset.indicator(indicator)
        for area in areas:
            d = described[area, indicator]
            figures += d.figures
            rows.append((ind.short, area, d.short))
        bench = dataset.benchmark(indicator)
        if bench is not None and bench.area not in areas:
            rows.append((ind.short, bench.area, amount(bench.value, ind.format)))
        facts = [dataset.evidence(a, indicator).fact for a in areas]
        if len(areas) == 2 and all(f is not None and f.kind == "value" for f in facts):
            sig = significance_line(dataset, facts[0], facts[1])
            if sig:
                lines.append(sig)
            if RATIO_ASKED.search(query.text.lower()) and min(f.value for f in facts) > 0:
                lines.append(_ratio_line(dataset, facts[0], facts[1]))
    lines += [line for d in described.values() for line in d.said_of]
    return Answer(
        intent="compare",
        headline=sentences[0],
        lines=tuple(sentences[1:]) + tuple(dict.fromkeys(lines)),
        table=Table(("measure", "area", "figure"), tuple(rows)),
        figures=tuple(dict.fromkeys(figures)),
        sources=tuple(dict.fromkeys(sources)),
        areas=query.areas,
        indicators=tuple(indicators),
        listed=query.areas,  # 'the top one - tell me everything' picks among them
        chart=compare_bars(
            dataset, areas, tuple(indicators), compare_title(dataset, areas, indicators[0])
        ),
        caveats=survey_caveats(dataset, tuple(indicators)),
        next_questions=(
            f"tell me about {areas[0]}",
            f"top 5 for {dataset.indicator(indicators[0]).short}",
        ),
        assumed=notes,
    )


SPEC = IntentSpec(
    name="compare",
    label="comparison",
    tabled=True,
    follow_up=FollowUp(carries=frozenset({"added_areas"})),
    rules=(
        Rule("compare", 70, leps=(2, 99), indicators=(1, 99)),
        Rule(  # 'crime rates in Liverpool vs Manchester': a measure asked that is not held
            "compare", 70, leps=(2, 99), indicators=(0, 0), refuses=frozenset({"unread"})
        ),
        Rule(  # 'Humber vs UK placements'; against England alone it is the value's benchmark
            "compare", 71, triggers=AGAINST_WORDS, leps=(1, 1), needs=frozenset({"rival_group"})
        ),
    ),
    handle=handle,
    asks="compare {areas} on {measure}",
    examples=(
        "compare London and Humber on work placements",
        "Tees Valley vs Cheshire and Warrington for work inspiration",
    ),
)
