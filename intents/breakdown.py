"""breakdown: a national figure by sector (the only breakdown the sources publish)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from intents.dataset.model import Dataset, sector_name
from intents.dataset.units import amount
from intents.reading.context import FollowUp
from intents.reading.query import Query
from intents.reading.rules import Rule
from intents.replies.answer import Answer, Figure, Table
from intents.replies.chart_titles import spread_title
from intents.replies.charts import group_bars
from intents.replies.describe import describe, figure_of
from intents.replies.wording import cite, listing
from intents.spec import IntentSpec

TRIGGERS = (
    r"\b(?:small|smaller|large|larger|big|bigger|micro|medium)\b.{0,20}\b(?:employers|firms|businesses|companies|ones|establishments)\b|\bsmes?\b",
    r"\b(?:sectors?|industr\w*|by size|size of (?:employer|firm|business)|sizes?|sectoral|breakdown|broken down)\b",
)


@dataclass(frozen=True)
class _AllSectors:
    lines: tuple[str, ...] = ()
    figures: tuple[Figure, ...] = ()
    sources: tuple[str, ...] = ()


def _all_sectors(dataset: Dataset, areas: tuple[str, ...], indicator: str) -> _AllSectors:
    """What is published for the LEPs asked about, all sectors together: no sector is by LEP."""
    said = [describe(dataset, area, indicator) for area in areas]
    return _AllSectors(
        lines=tuple(f"All sectors together: {d.sentence}" for d in said),
        figures=tuple(f for d in said for f in d.figures),
        sources=tuple(s for d in said for s in d.sources),
    )


def handle(query: Query, dataset: Dataset) -> Answer:
    candidates = query.indicators or tuple(
        i.id for i in dataset.indicators if dataset.breakdowns(i.id)
    )
    indicator = next(
        (i for i in candidates if dataset.breakdowns(i)),
        candidates[0] if candidates else "work_inspiration",
    )
    ind = dataset.indicator(indicator)
    facts = list(dataset.breakdowns(indicator))
    if query.breakdowns:
        chosen = [f for f in facts if f.breakdown in query.breakdowns]
        facts = chosen or facts
    in_areas = _all_sectors(dataset, query.areas, indicator)
    if not facts:
        return Answer(
            intent="breakdown",
            headline=f"This dataset has no sector or size breakdown for {ind.short}; the sources publish one only for work inspiration.",
            lines=in_areas.lines,
            figures=in_areas.figures,
            sources=in_areas.sources,
            areas=query.areas,
            indicators=(indicator,),
            next_questions=("work inspiration by sector",),
        )
    facts.sort(key=lambda f: -f.value)
    bench = dataset.evidence("England", indicator).fact
    items = [f"{f.label} {amount(f.value, ind.format)}" for f in facts]
    sources = [f.source for f in facts] + ([bench.source] if bench else [])
    headline = (
        f"Employers in England who {ind.verb.split(' ', 1)[0] if ind.verb else 'offered'} {ind.short} in 2014, by sector: {listing(items)}"
        + (
            f" (all sectors: {amount(bench.value, ind.format)})"
            if bench and bench.kind == "value"
            else ""
        )
        + f" ({cite(dataset, sources)})."
    )
    if query.order and len(facts) > 1:  # 'which sector is lowest?': that sector first
        end = facts[0] if query.order == "highest" else facts[-1]
        of = "asked about" if query.breakdowns else "published"
        headline = (
            f"{end.label} is the {query.order} of the {len(facts)} sectors {of}, at "
            f"{amount(end.value, ind.format)}. {headline}"
        )
    lines: list[str] = []
    published = [f.label for f in dataset.breakdowns(indicator)]
    missing = [sector_name(b) for b in query.breakdowns if sector_name(b) not in published]
    if missing:  # 'work inspiration in retail': said first, then what is published
        headline = (
            f"No {ind.short} figure is published for {listing(missing)}; only for "
            f"{listing(published)}. {headline}"
        )
    if query.areas:  # 'manufacturing placements in London': the LEP's all-sector figure beside
        asked = listing([sector_name(b) for b in query.breakdowns])
        where = listing([dataset.spoken(a) for a in query.areas], "or")
        missing_here = (
            f"{ind.short} figure for {asked} employers in {where}"
            if asked
            else f"{ind.short} breakdown by sector for {where}"
        )
        headline = (
            f"Sector figures are published for England only, not by LEP, so there is no "
            f"{missing_here}. {headline}"
        )
        lines += in_areas.lines
        sources += in_areas.sources
    if re.search(r"\bsize", query.text):
        lines.append("No breakdown by employer size is published in this dataset.")
    lines.append(
        f"Published for these {len(dataset.breakdowns(indicator))} sectors only; no sector figures by LEP."
    )
    figures = [figure_of(f) for f in facts] + (
        [figure_of(bench)] if bench and bench.kind == "value" else []
    )
    figures += in_areas.figures
    return Answer(
        intent="breakdown",
        headline=headline,
        lines=tuple(lines),
        table=Table(
            ("sector", ind.short),
            tuple((f.label, amount(f.value, ind.format)) for f in facts),
        ),
        figures=tuple(figures),
        sources=tuple(dict.fromkeys(sources)),
        indicators=(indicator,),
        areas=query.areas,
        chart=group_bars(
            dataset, facts, indicator, spread_title(dataset, indicator, facts, " by sector")
        ),
        next_questions=(
            "england average for work inspiration",
            "is work inspiration related to youth unemployment?",
        ),
    )


SPEC = IntentSpec(
    name="breakdown",
    label="breakdown by sector",
    tabled=True,
    follow_up=FollowUp(carries=frozenset({"sectors"}), orders_within=True),
    rules=(
        Rule(
            "breakdown",
            43,
            triggers=(r"\bby (?:sector|industry|size)\b|\b(?:sectors|industries)\b",),
            leps=(0, 0),
            refuses=frozenset({"number"}),
        ),
        Rule(  # "what's work inspiration like in construction?": the sector's figure
            "breakdown",
            39,
            triggers=(r"\blike (?:in|for|among|across)\b",),
            needs=frozenset({"sector"}),
            leps=(0, 0),
        ),
        Rule("breakdown", 55, needs=frozenset({"sector"}), leps=(0, 0)),
        Rule("breakdown", 56, triggers=TRIGGERS, leps=(0, 0)),
        Rule("breakdown", 57, needs=frozenset({"sector"}), leps=(1, 4)),  # none by LEP: say so
        Rule(
            "breakdown",
            58,
            triggers=(
                r"\bby (?:sector|industry|size)\b|\bsector(?:al)? (?:split|breakdown|mix|figures?)\b"
                r"|\bsplit by (?:sector|industry)\b",
            ),
            leps=(1, 4),
        ),
    ),
    handle=handle,
    asks="{measure} by sector",
    examples=("work inspiration in manufacturing vs business services",),
)
