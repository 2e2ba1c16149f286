"""rank: top/bottom N, highest/lowest, and thresholds — ranks only among exact figures.

Bands and named highs/lows are listed apart from the ranking, so a ranking never implies a
position the data cannot support. Positions are always counted best first by the measure's
polarity (as in a value answer), whichever end the list starts from.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from intents.clarify import ask_measure
from intents.dataset.model import Dataset, Fact
from intents.dataset.ranking import descending, standing
from intents.dataset.units import amount, span
from intents.reading.context import FollowUp
from intents.reading.query import Query
from intents.reading.rules import Rule
from intents.replies.answer import Answer, Table
from intents.replies.chart_titles import rank_title
from intents.replies.charts import lep_bars
from intents.replies.describe import FULL_TABLE_HINT, figure_of
from intents.replies.wording import cite, listing, ordinal
from intents.spec import IntentSpec

DEFAULT_N = 5
OPPOSITE = {"highest": "lowest", "lowest": "highest"}


@dataclass(frozen=True)
class Limit:
    """A threshold read from the question: which figures pass, and how to say it."""

    low: float | None  # None: no lower bound
    high: float | None
    inclusive: bool
    said: str  # "above 40%", "at or below the England figure (38%)", "between 40% and 45%"

    def passes(self, value: float) -> bool:
        above = self.low is None or value > self.low or (self.inclusive and value == self.low)
        below = self.high is None or value < self.high or (self.inclusive and value == self.high)
        return above and below

    def band_side(self, low: float, high: float) -> str:
        """'whole band above' / 'may be either side' / '' (wholly outside) for a published band."""
        if self.passes(low) and self.passes(high):
            return f"whole band {'inside' if self.low is not None and self.high is not None else 'above' if self.low is not None else 'below'}"
        start = max(low, self.low if self.low is not None else low)
        end = min(high, self.high if self.high is not None else high)
        overlaps = start < end or (start == end and self.passes(start))
        return "may be either side" if overlaps else ""


def _limit(query: Query, dataset: Dataset, indicator: str) -> Limit | None:
    threshold = query.threshold
    if threshold is None:
        return None
    ind = dataset.indicator(indicator)
    if threshold.value is None:
        bench = dataset.benchmark(indicator)
        if bench is None:
            return None
        value, shown = bench.value, f"the {bench.area} figure ({amount(bench.value, ind.format)})"
    else:
        value, shown = threshold.value, amount(threshold.value, ind.format)
    if threshold.op == "between":
        return Limit(
            value, threshold.high, True, f"between {shown} and {amount(threshold.high, ind.format)}"
        )
    if threshold.op == "above":
        return Limit(
            value,
            None,
            threshold.inclusive,
            f"{'at or above' if threshold.inclusive else 'above'} {shown}",
        )
    return Limit(
        None,
        value,
        threshold.inclusive,
        f"{'at or below' if threshold.inclusive else 'below'} {shown}",
    )


def _direction(query: Query, dataset: Dataset, indicator: str) -> tuple[bool, str]:
    """(descending?, words) — 'best' follows the measure's polarity."""
    ind = dataset.indicator(indicator)
    order = query.order or "highest"
    if query.threshold is not None:
        order = "lowest" if query.threshold.op == "below" else "highest"
    down = descending(order, ind.higher_is_better)
    if order in ("best", "worst"):
        return down, f"{order} ({'highest' if down else 'lowest'} {ind.short})"
    return down, order


def _position(dataset: Dataset, fact: Fact) -> str:
    """'joint 1st', '39th', or — with figures for only a few LEPs — what is published."""
    place = standing(dataset, fact.area, fact.indicator)
    if not place.complete and place.named:
        return f"{'joint ' if place.joint else ''}{place.named} of the 39"
    said = f"{'joint ' if place.tied else ''}{ordinal(place.position)}"
    return said if place.complete else f"{said} of the {place.out_of} with figures"


def handle(query: Query, dataset: Dataset) -> Answer:
    indicator = query.indicators[0]
    ind = dataset.indicator(indicator)
    descending, words = _direction(query, dataset, indicator)
    evidence = dataset.lep_evidence(indicator)
    lines: list[str] = []
    if query.candidates:  # "North West LEPs ranked on placements": the region's LEPs only
        evidence = tuple(e for e in evidence if e.area in query.candidates)
        lines.append(f"Within “{query.unclear}”: {listing(list(query.candidates))}.")
    exact = sorted(
        (e.fact for e in evidence if e.kind == "value"),
        key=lambda f: (-f.value if descending else f.value, f.area),
    )
    complete = dataset.complete(indicator)
    limit = _limit(query, dataset, indicator)
    passing = [f for f in exact if limit is None or limit.passes(f.value)]
    left_out: list[Fact] = []
    if not complete and limit is None:  # a top list never ends with a LEP named the lowest
        wrong_end = OPPOSITE.get("highest" if descending else "lowest")
        left_out = [f for f in passing if dataset.evidence(f.area, indicator).extreme == wrong_end]
        passing = [f for f in passing if f not in left_out]
        if left_out:
            names = listing(
                [f"{dataset.spoken(f.area)} ({amount(f.value, ind.format)})" for f in left_out]
            )
            lines.append(f"Left out as named the {wrong_end} of the 39: {names}.")
    n = query.n or (len(passing) if limit is not None else DEFAULT_N)
    shown = passing[:n]
    if shown and len(shown) < len(passing):  # keep ties at the cut together
        shown += [f for f in passing[len(shown) :] if f.value == shown[-1].value]
    rows = [(_position(dataset, f), f) for f in shown]
    items = [f"{dataset.spoken(f.area)} {amount(f.value, ind.format)} ({pos})" for pos, f in rows]
    figures = [figure_of(f) for f in shown]
    sources = [f.source for f in shown]

    if limit is not None:
        head = f"LEPs {limit.said} on {ind.short}"
        headline = (
            f"{head}: {listing(items)}"
            if shown
            else (f"No LEP with an exact figure in this dataset is {limit.said} on {ind.short}")
        )
    elif not exact:
        headline = f"There are no exact LEP figures for {ind.short} in this dataset, so no ranking can be given"
    elif complete:
        headline = f"{'Top' if descending else 'Bottom'} {len(shown)} LEPs for {ind.short} ({words}): {listing(items)}"
    else:
        headline = (
            f"Only {len(exact)} of the {len(evidence)} LEPs {'has' if len(exact) == 1 else 'have'} an exact figure for {ind.short} in this dataset; "
            f"of those, {words} first: {listing(items) or 'none to list'}"
        )
    headline = f"{headline} ({cite(dataset, sources)})." if sources else f"{headline}."
    if query.n and not complete and exact and query.n > len(passing):
        lines.append(
            f"You asked for {query.n}; only {len(passing)} can be listed from exact figures, so a full {words} {query.n} cannot be given."
        )

    band_items = []
    for ev in sorted(
        (e for e in evidence if e.kind == "band"), key=lambda e: -(e.fact.low + e.fact.high)
    ):
        fact = ev.fact
        side = limit.band_side(fact.low, fact.high) if limit is not None else "published band"
        if side:
            band_items.append(
                f"{dataset.spoken(fact.area)} {span(fact.low, fact.high, ind.format)} ({side})"
            )
            figures.append(figure_of(fact))
            sources.append(fact.source)
    if band_items:
        lines.append(f"Published bands (not exact, so not ranked): {listing(band_items)}.")
    if not complete:
        named = [e for e in evidence if e.kind == "relation"]
        for relation in ("highest", "high", "low", "lowest"):
            group = [e for e in named if e.fact.relation == relation]
            if group:
                sources += [e.fact.source for e in group]
                lines.append(
                    f"Named {relation}, no figure: {listing([dataset.spoken(e.area) for e in group])}."
                )
    bench = dataset.benchmark(indicator)
    if bench is not None:
        lines.append(f"{bench.area}: {amount(bench.value, ind.format)}.")
        figures.append(figure_of(bench))
        sources.append(bench.source)
    if not complete:
        lines.append(FULL_TABLE_HINT)
    if ind.higher_is_better is False:
        lines.append(f"For {ind.short}, lower is better; positions count the best (lowest) as 1st.")

    other = "work_inspiration" if indicator != "work_inspiration" else "work_placements"
    partner = "work inspiration" if indicator == "youth_unemployment" else "youth unemployment"
    return Answer(
        intent="rank",
        headline=headline,
        lines=tuple(lines),
        table=Table(
            ("rank", "LEP", ind.short),
            tuple((pos, f.area, amount(f.value, ind.format)) for pos, f in rows),
        )
        if rows
        else None,
        figures=tuple(dict.fromkeys(figures)),
        sources=tuple(dict.fromkeys(sources)),
        indicators=(indicator,),
        areas=query.candidates,  # a region's LEPs, when the ranking is within one
        listed=tuple(f.area for f in (*shown, *left_out)),  # 'the bottom one?' may be left out
        chart=lep_bars(
            dataset,
            indicator,
            tuple(f.area for f in shown),
            rank_title(dataset, indicator, shown, descending, limit.said if limit else ""),
        ),
        next_questions=(
            f"{'bottom' if descending else 'top'} 5 for {ind.short}",
            f"top 5 for {dataset.indicator(other).short}",
            f"is {ind.short} related to {partner}?",
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
    return ask_measure(query, dataset)


RANK_WORDS = (
    r"\b(?:top|bottom|best|worst|highest|lowest|most|least|fewest|biggest|largest|smallest|rank|ranking|ranked|rankings|league|leaders?|laggards|leading|lagging|blackspots?|hotspots?|strongest|weakest|poorest|richest|wealthiest|fastest|slowest)\b",
    r"\bwhich (?:leps?|areas?|places?|partnerships?|regions?)\b",
    r"\b(?:above|over|below|under|more than|less than|higher than|lower than|at least|better than|worse than|beat|beats|exceed|exceeds|or more|or less|or higher|or lower|between)\b",
    r"\blist (?:of |all )?(?:the )?leps?\b",
    r"\b(?:where|who) (?:is|are|has|have|does|do) (?:the )?(?:highest|lowest|most|least|best|worst)\b",
)

IN_ENGLAND = r"\b(?:lep|leps|place|places|area|areas|where|which|who)\b.*\b(?:in|across) england\b"


SPEC = IntentSpec(
    name="rank",
    label="ranking",
    tabled=True,
    follow_up=FollowUp(carries=frozenset({"ranking"})),
    rules=(
        Rule(
            "rank",
            60,
            triggers=RANK_WORDS,
            leps=(0, 0),
            refuses=frozenset({"group", "sector", "students", "region"}),
        ),
        Rule("rank", 17, triggers=RANK_WORDS, needs=frozenset({"region"}), leps=(0, 0)),
        Rule(  # 'most manufacturing heavy leps': a kind of area asked by its measure alone
            "rank",
            44,
            triggers=(
                r"^(?:(?:which|what) (?:are|is) )?(?:the )?(?:most|least) \w+[ -]"
                r"(?:heavy|intensive|dependent|reliant|based|focused) (?:leps|areas|places|economies)\b",
            ),
            needs=frozenset({"order", "indicator"}),
            leps=(0, 0),
            indicators=(1, 1),
            refuses=frozenset({"sector", "students", "region", "group"}),
        ),
        Rule(  # 'the worst place in England for placements': England is the scope, not the answer
            "rank",
            61,
            triggers=(IN_ENGLAND,),
            needs=frozenset({"order", "indicator"}),
            leps=(0, 0),
            refuses=frozenset({"sector", "students", "region"}),
        ),
        Rule(
            "rank",
            59,
            needs=frozenset({"threshold", "indicator"}),
            leps=(0, 0),
            refuses=frozenset({"students"}),
        ),
    ),
    handle=handle_or_ask,
    asks="top 5 LEPs for {measure}",
    examples=("top 5 LEPs for work inspiration", "which LEPs are above 40% for placements?"),
)
