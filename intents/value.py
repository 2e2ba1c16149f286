"""value: one area's figure, with the England benchmark, the rank and the source."""

from __future__ import annotations

from intents.dataset.model import Dataset
from intents.dataset.units import amount, gap
from intents.reading.query import Query
from intents.reading.rules import Rule
from intents.replies.answer import Answer
from intents.replies.chart_titles import area_title
from intents.replies.charts import lep_bars
from intents.replies.describe import describe, figure_of
from intents.replies.wording import cite
from intents.spec import IntentSpec

EMPLOYER_MEASURES = ("work_placements", "work_inspiration")


def handle(query: Query, dataset: Dataset) -> Answer:
    area = query.areas[0]
    parts = [describe(dataset, area, ind) for ind in query.indicators]
    first = parts[0]
    lines = [*first.lines, *first.said_of]
    for extra in parts[1:]:
        lines += [extra.sentence, *extra.lines, *extra.said_of]
    ind = dataset.indicator(query.indicators[0])
    extra_figures, extra_sources = [], []
    mine = dataset.evidence(area, ind.id).fact
    bench = dataset.benchmark(ind.id)
    for group in query.groups:  # 'how does that compare with the UK?': that figure beside it
        theirs = dataset.evidence(group, ind.id).fact
        if bench is not None and bench.area == group:
            continue
        if theirs is None or theirs.value is None:
            lines.append(f"{group}: no published figure on {ind.short}.")
            continue
        said = f"{group}: {amount(theirs.value, ind.format)} ({cite(dataset, [theirs.source])})"
        if mine is not None and mine.value is not None:
            said += f"; gap: {gap(mine.value, theirs.value, ind.format, dataset.spoken(group))}"
        lines.append(f"{said}.")
        extra_figures.append(figure_of(theirs))
        extra_sources.append(theirs.source)
    chart = lep_bars(dataset, ind.id, (area,), area_title(dataset, area, ind.id))
    other = next((i for i in EMPLOYER_MEASURES if i not in query.indicators), None)
    rival = "Humber" if area == "London" else "London"
    nexts = [f"compare {area} with {rival} on {ind.short}", f"top 5 for {ind.short}"]
    if other:
        nexts.insert(0, f"{area} {dataset.indicator(other).short}")
    if ind.national_only:  # nothing by LEP to compare or rank
        nexts = [f"{area} {dataset.indicator(other).short}", f"what is {ind.short}?"]
    return Answer(
        intent="value",
        headline=first.sentence,
        lines=tuple(lines),
        figures=(*(f for p in parts for f in p.figures), *extra_figures),
        sources=tuple(dict.fromkeys((*(s for p in parts for s in p.sources), *extra_sources))),
        areas=(area,),
        indicators=query.indicators,
        chart=chart,
        next_questions=tuple(nexts[:3]),
        caveats=survey_caveats(dataset, query.indicators),
    )


def survey_caveats(dataset: Dataset, indicators: tuple[str, ...]) -> tuple[str, ...]:
    """The base and sample-size caveats that apply to EPS employer shares."""
    if not any(
        dataset.indicator(i).verb and dataset.indicator(i).population == "employers"
        for i in indicators
    ):
        return ()
    out = ["Shares of employers (establishments with 2+ staff), not of people."]
    has_bases = any(
        dataset.lep_values(i) and next(iter(dataset.lep_values(i).values())).base
        for i in indicators
    )
    if not has_bases:
        out.append(
            "Each LEP's figure rests on a few hundred interviews, so gaps of a few points may not be significant."
        )
    return tuple(out)


SPEC = IntentSpec(
    name="value",
    label="figure",
    rules=(Rule("value", 75, leps=(1, 1), indicators=(1, 99)),),
    handle=handle,
    asks="{area} {measure}",
    examples=("how does Humber compare on placements?", "Gloucestershire work experience"),
)
