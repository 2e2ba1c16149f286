"""rank: top/bottom N, highest/lowest, and thresholds — ranks only among exact figures.

Bands and named highs/lows are listed apart from the ranking, so a ranking never implies a
position the data cannot support.
"""

from __future__ import annotations

from dataclasses import replace

from intents.answer import Answer, Table
from intents.chart_titles import rank_title
from intents.dataset import Dataset, Fact
from intents.describe import FULL_TABLE_HINT, benchmark_phrase, figure_of
from intents.phrasing import amount, cite, listing, ordinal, span
from intents.pictures import lep_bars
from intents.query import Query
from intents.rules import IntentSpec, Rule

DEFAULT_N = 5


def _direction(query: Query, dataset: Dataset, indicator: str) -> tuple[bool, str]:
    """(descending?, words) — 'best' follows the measure's polarity."""
    ind = dataset.indicator(indicator)
    order = query.order or "highest"
    if query.threshold is not None:
        order = "lowest" if query.threshold.op == "below" else "highest"
    if order in ("best", "worst"):
        high_good = ind.higher_is_better is not False
        descending = (order == "best") == high_good
        return descending, f"{order} ({'highest' if descending else 'lowest'} {ind.short})"
    return order == "highest", order


def _positions(facts: list[Fact], descending: bool) -> list[tuple[str, Fact]]:
    """Competition ranking ('joint 1st') over exact values."""
    ordered = sorted(facts, key=lambda f: (-f.value if descending else f.value, f.area))
    out = []
    for fact in ordered:
        ahead = sum(
            1 for g in facts if (g.value > fact.value if descending else g.value < fact.value)
        )
        tied = sum(1 for g in facts if g.value == fact.value) > 1
        out.append((f"{'joint ' if tied else ''}{ordinal(ahead + 1)}", fact))
    return out


def _published_position(dataset: Dataset, fact: Fact, position: str) -> str:
    extreme = dataset.evidence(fact.area, fact.indicator).extreme
    if not extreme:
        return ""
    return f"{'joint ' if position.startswith('joint') else ''}{extreme} of the 39"


def _threshold_value(query: Query, dataset: Dataset, indicator: str) -> tuple[float, str] | None:
    if query.threshold is None:
        return None
    ind = dataset.indicator(indicator)
    if query.threshold.value is not None:
        return query.threshold.value, amount(query.threshold.value, ind)
    bench = dataset.benchmark(indicator)
    if bench is None:
        return None
    return bench.value, f"the {bench.area} figure ({amount(bench.value, ind)})"


def handle(query: Query, dataset: Dataset) -> Answer:
    indicator = query.indicators[0]
    ind = dataset.indicator(indicator)
    descending, words = _direction(query, dataset, indicator)
    evidence = dataset.lep_evidence(indicator)
    exact = [e.fact for e in evidence if e.kind == "value"]
    bands = [e.fact for e in evidence if e.kind == "band"]
    named = [e for e in evidence if e.kind == "relation"]
    limit = _threshold_value(query, dataset, indicator)
    above = query.threshold is None or query.threshold.op == "above"

    inclusive = query.threshold is not None and query.threshold.inclusive

    def passes(value: float) -> bool:
        if limit is None:
            return True
        if inclusive and value == limit[0]:
            return True
        return value > limit[0] if above else value < limit[0]

    ranked = [(pos, f) for pos, f in _positions(exact, descending) if passes(f.value)]
    n = query.n or (len(ranked) if limit is not None else DEFAULT_N)
    shown = ranked[:n]
    if shown and len(shown) < len(ranked):  # keep ties at the cut together
        last = shown[-1][1].value
        shown += [r for r in ranked[len(shown) :] if r[1].value == last]

    sources = [f.source for _, f in shown]
    figures = [figure_of(f) for _, f in shown]
    complete = len(exact) == len(dataset.leps)
    if not complete:  # a published "highest of the 39" says more than "1st of 3"
        shown = [
            (_published_position(dataset, f, pos) or f"{pos} of the {len(exact)} with figures", f)
            for pos, f in shown
        ]
    items = [f"{dataset.spoken(f.area)} {amount(f.value, ind)} ({pos})" for pos, f in shown]
    ranked_sources = list(dict.fromkeys(sources))
    if limit is not None:
        rel = (
            ("at or above" if above else "at or below")
            if inclusive
            else ("above" if above else "below")
        )
        head = f"LEPs {rel} {limit[1]} on {ind.short}"
        if shown:
            headline = f"{head}: {listing(items)}"
        else:
            headline = (
                f"No LEP with an exact figure in this dataset is {rel} {limit[1]} on {ind.short}"
            )
    elif not exact:
        headline = f"There are no exact LEP figures for {ind.short} in this dataset, so no ranking can be given"
    elif complete:
        headline = f"{'Top' if descending else 'Bottom'} {len(shown)} LEPs for {ind.short} ({words}): {listing(items)}"
    else:
        headline = (
            f"Only {len(exact)} of the 39 LEPs have an exact figure for {ind.short} in this dataset; "
            f"{words} first: {listing(items)}"
        )
    lines = []
    if query.n and not complete and exact and query.n > len(ranked):
        lines.append(
            f"You asked for {query.n}; only {len(ranked)} have exact figures, so a full {words} {query.n} cannot be given."
        )
    if bands:
        band_items = []
        for f in sorted(bands, key=lambda f: -(f.low + f.high)):
            if limit is not None:
                verdict = (
                    "whole band " + ("above" if above else "below")
                    if passes(f.low if above else f.high)
                    else ("may be either side" if passes(f.high if above else f.low) else None)
                )
                if verdict is None:
                    continue
                band_items.append(
                    f"{dataset.spoken(f.area)} {span(f.low, f.high, ind)} ({verdict})"
                )
            else:
                band_items.append(f"{dataset.spoken(f.area)} {span(f.low, f.high, ind)}")
            figures.append(figure_of(f))
            sources.append(f.source)
        if band_items:
            lines.append(f"Published bands (not exact, so not ranked): {listing(band_items)}.")
    if named and not complete:
        for relation in ("highest", "high", "low", "lowest"):
            group = [e for e in named if e.fact.relation == relation]
            if group:
                sources += [e.fact.source for e in group]
                lines.append(
                    f"Named {relation}, no figure: {listing([dataset.spoken(e.area) for e in group])}."
                )
    bench_text, bench = benchmark_phrase(dataset, indicator)
    if bench is not None:
        lines.append(
            f"England: {amount(bench.value, ind)}." if bench.area == "England" else f"{bench_text}."
        )
        figures.append(figure_of(bench))
        sources.append(bench.source)
    if not complete:
        lines.append(FULL_TABLE_HINT)
    if ind.higher_is_better is False:
        lines.append(f"For {ind.short}, lower is better.")
    src = list(dict.fromkeys(sources))
    headline = (
        f"{headline} ({cite(dataset, ranked_sources)})." if ranked_sources else f"{headline}."
    )
    table = (
        Table(
            ("rank", "LEP", ind.short),
            tuple((pos, f.area, amount(f.value, ind)) for pos, f in shown),
        )
        if shown
        else None
    )
    other = "work_inspiration" if indicator != "work_inspiration" else "work_placements"
    return Answer(
        intent="rank",
        headline=headline,
        lines=tuple(lines),
        table=table,
        figures=tuple(dict.fromkeys(figures)),
        sources=tuple(src),
        indicators=(indicator,),
        chart=lep_bars(
            dataset,
            indicator,
            tuple(f.area for _, f in shown),
            rank_title(
                dataset,
                indicator,
                [f for _, f in shown],
                descending,
                f"{'above' if above else 'below'} {limit[1]}" if limit else "",
            ),
        ),
        next_questions=(
            f"{'bottom' if descending else 'top'} 5 for {ind.short}",
            f"top 5 for {dataset.indicator(other).short}",
            f"is {ind.short} related to {'work inspiration' if indicator == 'youth_unemployment' else 'youth unemployment'}?",
        ),
    )


def _several(query: Query, dataset: Dataset) -> Answer:
    """One ranking per measure asked for ("worst on both placements and work inspiration")."""
    parts = [handle(query.but(indicators=(i,)), dataset) for i in query.indicators]
    first = parts[0]
    return replace(
        first,
        lines=(*first.lines, *(line for p in parts[1:] for line in (p.headline, *p.lines))),
        figures=tuple(dict.fromkeys(f for p in parts for f in p.figures)),
        sources=tuple(dict.fromkeys(s for p in parts for s in p.sources)),
        indicators=query.indicators,
    )


def handle_or_ask(query: Query, dataset: Dataset) -> Answer:
    if len(query.indicators) > 1:
        return _several(query, dataset)
    if query.indicators:
        return handle(query, dataset)
    from intents.clarify import ask_measure

    return ask_measure(query, dataset)


RANK_WORDS = (
    r"\b(?:top|bottom|best|worst|highest|lowest|most|least|fewest|biggest|largest|smallest|rank|ranking|ranked|rankings|league|leaders?|laggards|leading|lagging|blackspots?|hotspots?|strongest|weakest|poorest|richest|wealthiest|fastest|slowest)\b",
    r"\bwhich (?:leps?|areas?|places?|partnerships?|regions?)\b",
    r"\b(?:above|over|below|under|more than|less than|higher than|lower than|at least|better than|worse than|beat|beats)\b",
    r"\blist (?:of |all )?(?:the )?leps?\b",
    r"\b(?:where|who) (?:is|are|has|have|does|do) (?:the )?(?:highest|lowest|most|least|best|worst)\b",
)

SPEC = IntentSpec(
    name="rank",
    rules=(
        Rule(
            "rank",
            60,
            triggers=RANK_WORDS,
            leps=(0, 0),
            refuses=frozenset({"group", "sector", "students", "region"}),
        ),
        Rule("rank", 19, triggers=RANK_WORDS, needs=frozenset({"region"}), leps=(0, 0)),
        Rule(
            "rank",
            59,
            needs=frozenset({"threshold", "indicator"}),
            leps=(0, 0),
            refuses=frozenset({"students"}),
        ),
    ),
    handle=handle_or_ask,
    examples=("top 5 LEPs for work inspiration", "which LEPs are above 40% for placements?"),
)
