"""One area on one measure, said exactly in the form it was published.

Shared by value, compare, profile and factcheck: a value is said as a value, a band as a band, a
relation as a relation, and nothing as nothing — with the England benchmark and the rank.
"""

from __future__ import annotations

from dataclasses import dataclass

from intents.dataset.model import Dataset, Evidence, Fact
from intents.dataset.ranking import Standing, standing
from intents.dataset.stats import significance_line
from intents.dataset.units import amount, gap, number, span
from intents.replies.answer import Figure
from intents.replies.wording import ORDINAL_WORDS, RELATION_WORDS, cite, listing, ordinal

FULL_TABLE_HINT = "If you have the full UKCES LEP tables, `lepbot data import` loads them."


@dataclass(frozen=True)
class Described:
    sentence: str  # copy-ready, with source
    short: str  # "29% (lowest of 39)" for lists and tables
    lines: tuple[str, ...]
    said_of: tuple[str, ...]  # what sources say of the area beyond its figure (relations, disputes)
    figures: tuple[Figure, ...]
    sources: tuple[str, ...]
    kind: str


def figure_of(fact: Fact) -> Figure:
    if fact.kind == "band":
        return Figure(
            fact.area, fact.indicator, low=fact.low, high=fact.high, breakdown=fact.breakdown
        )
    return Figure(fact.area, fact.indicator, value=fact.value, breakdown=fact.breakdown)


def benchmark_phrase(dataset: Dataset, indicator: str) -> tuple[str, Fact | None]:
    bench = dataset.benchmark(indicator)
    if bench is None:
        return "", None
    ind = dataset.indicator(indicator)
    where = "across England" if bench.area == "England" else f"across the {bench.area}"
    return f"{amount(bench.value, ind.format)} {where}", bench


def named_extreme(dataset: Dataset, place: Standing) -> str:
    """'the lowest of the 39 LEPs' as published, with any LEP named alongside it."""
    end = place.named
    if not place.named_with:
        return RELATION_WORDS[end]
    if place.joint:
        return f"joint {end} of the 39 LEPs, with {listing([dataset.spoken(p) for p in place.level_with])}"
    others = listing([dataset.spoken(p) for p in place.named_with])
    return f"{RELATION_WORDS[end]}, alongside {others} (also named {end})"


def rank_phrase(dataset: Dataset, ev: Evidence) -> str:
    """Rank among exact figures; a published 'highest'/'lowest' when not every LEP has one."""
    if ev.kind != "value" or not dataset.is_lep(ev.area):  # England has no rank among LEPs
        return ""
    place = standing(dataset, ev.area, ev.indicator)
    if not place.complete and place.named:
        return named_extreme(dataset, place)
    if not place.complete and place.named_nth:
        nth, end = place.named_nth
        return f"the {ORDINAL_WORDS.get(nth, ordinal(nth))} {end} of the 39 LEPs"
    if place.out_of == 1:
        return "the only LEP with an exact figure in this dataset"
    order = (
        ""
        if dataset.indicator(ev.indicator).higher_is_better is not False
        else " (best, i.e. lowest, first)"
    )
    said = f"{'joint ' if place.tied else ''}{ordinal(place.position)} of the {place.out_of} LEPs{order}"
    return said if place.complete else f"{said} with an exact figure in this dataset"


def _period(fact: Fact) -> str:
    return f"In {fact.period}, " if fact.period else ""


def lead(dataset: Dataset, fact: Fact, shown: str) -> str:
    """'In 2014, 29% of employers in the Humber offered work placements' — the sentence's start."""
    ind = dataset.indicator(fact.indicator)
    where = dataset.spoken(fact.area)
    if ind.verb:
        return f"{_period(fact)}{shown} of {ind.population} in {where} {ind.verb}"
    verb = "changed by" if fact.kind == "change" else "was"
    sentence = f"{_period(fact)}{ind.short} in {where} {verb} {shown}"
    return sentence[:1].upper() + sentence[1:]


def range_line(dataset: Dataset, indicator: str) -> str:
    ends = dataset.lep_range(indicator)
    if ends is None:
        return ""
    ind = dataset.indicator(indicator)
    low, high = amount(ends[0].value, ind.format), amount(ends[1].value, ind.format)
    return f"Published LEP figures run from {low} to {high} (lowest to highest LEP)."


def _relations_line(
    dataset: Dataset, ev: Evidence, skip: Fact | None
) -> tuple[str, tuple[str, ...]]:
    said = [f for f in ev.relations if f is not skip and f.relation not in ("highest", "lowest")]
    if ev.kind != "value":
        said += [f for f in ev.relations if f.relation in ("highest", "lowest")]
    if not said:
        return "", ()
    ind = dataset.indicator(ev.indicator)
    words = listing([RELATION_WORDS[f.relation] for f in said], "and")
    return (
        f"{cite(dataset, [f.source for f in said])} describes {dataset.spoken(ev.area)} as {words} on {ind.short}.",
        tuple(f.source for f in said),
    )


def disputed_line(dataset: Dataset, ev: Evidence) -> str:
    """A figure the source prints but contradicts, said so it is never quoted as a figure."""
    if not ev.disputed:
        return ""
    ind = dataset.indicator(ev.indicator)
    figure = ev.disputed[0]
    return (
        f"The commentary also prints {amount(figure.value, ind.format)} for {dataset.spoken(ev.area)}, but that "
        "contradicts its own LEP range, so it is not given here as a figure."
    )


def describe(dataset: Dataset, area: str, indicator: str) -> Described:
    ev = dataset.evidence(area, indicator)
    ind = dataset.indicator(indicator)
    bench_text, bench = benchmark_phrase(dataset, indicator)
    figures: list[Figure] = []
    sources: list[str] = []
    lines: list[str] = []
    fact = ev.fact

    if ev.kind in ("value", "change"):
        rank = rank_phrase(dataset, ev)
        parts = [lead(dataset, fact, amount(fact.value, ind.format))]
        if bench_text:
            parts.append(f", against {bench_text}")
        if rank:
            parts.append(f" — {rank}")
        sources += [fact.source, *((bench.source,) if bench else ())]
        sentence = f"{''.join(parts)} ({cite(dataset, sources)})."
        short = amount(fact.value, ind.format) + (f" ({rank.split(',')[0]})" if rank else "")
        figures.append(figure_of(fact))
        if bench is not None:
            against = "England" if bench.area == "England" else f"the {bench.area}"
            lines.append(
                f"Gap: {gap(fact.value, bench.value, ind.format, against)} ({amount(bench.value, ind.format)})."
            )
            significance = significance_line(dataset, fact, bench)
            if significance:
                lines.append(significance)
    elif ev.kind == "band":
        shown = f"between {number(fact.low)} and {amount(fact.high, ind.format)}"
        sources += [fact.source, *((bench.source,) if bench else ())]
        sentence = (
            f"{lead(dataset, fact, shown)} — a published heat-map band, not an exact figure"
            + (f" — against {bench_text}" if bench_text else "")
            + f" ({cite(dataset, sources)})."
        )
        short = f"{span(fact.low, fact.high, ind.format)} (band)"
        figures.append(figure_of(fact))
        if bench is not None:
            if fact.low > bench.value:
                lines.append(
                    f"The whole band lies above {bench.area}'s {amount(bench.value, ind.format)}."
                )
            elif fact.high < bench.value:
                lines.append(
                    f"The whole band lies below {bench.area}'s {amount(bench.value, ind.format)}."
                )
            else:
                lines.append(
                    f"The band spans {bench.area}'s {amount(bench.value, ind.format)}, so it may be above or below it."
                )
    elif ind.national_only:
        where = dataset.spoken(area)
        sentence = (
            f"There is no figure for {where} on {ind.short}: the survey behind it is published for "
            f"{ind.national_only} as a whole, not by LEP."
        )
        short = f"not published by LEP ({ind.national_only} only)"
        if bench is not None:
            sources.append(bench.source)
            lines.append(
                f"{bench.area}: {amount(bench.value, ind.format)} ({cite(dataset, [bench.source])})."
            )
    else:
        where = dataset.spoken(area)
        if ev.kind == "relation":
            sources.append(fact.source)
            sentence = (
                f"There is no published figure for {where} on {ind.short} in this dataset; "
                f"{cite(dataset, [fact.source])} names {where} as {RELATION_WORDS[fact.relation]} on it."
            )
            short = f"no figure (named {fact.relation})"
        else:
            sentence = (
                f"There is no published figure for {where} on {ind.short} in this dataset, "
                "and no source in it names the area as high or low on it."
            )
            short = "not published"
        if bench is not None:
            sources.append(bench.source)
            lines.append(
                f"{bench.area}: {amount(bench.value, ind.format)} ({cite(dataset, [bench.source])})."
            )
        rng = range_line(dataset, indicator)
        if rng:
            lines.append(rng)
        lines.append(FULL_TABLE_HINT)
    if bench is not None:
        figures.append(figure_of(bench))

    related, rel_sources = _relations_line(dataset, ev, fact)
    sources += rel_sources
    said_of = tuple(line for line in (related, disputed_line(dataset, ev)) if line)
    return Described(
        sentence=sentence,
        short=short,
        lines=tuple(lines),
        said_of=said_of,
        figures=tuple(dict.fromkeys(figures)),
        sources=tuple(dict.fromkeys(sources)),
        kind=ev.kind,
    )
