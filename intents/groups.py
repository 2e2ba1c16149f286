"""groups: national and group figures — England, the UK, south vs elsewhere, ASPIRES 2 students,
and what is published for the LEPs of a region (regions have no figures of their own)."""

from __future__ import annotations

import re

from intents.dataset.model import Dataset, Fact
from intents.dataset.units import amount, gap
from intents.reading.query import Query
from intents.reading.rules import Rule
from intents.replies.answer import Answer, Table
from intents.replies.chart_titles import spread_title
from intents.replies.charts import group_bars, lep_bars
from intents.replies.describe import FULL_TABLE_HINT, describe, figure_of, lead
from intents.replies.wording import cite, listing
from intents.spec import IntentSpec
from intents.value import EMPLOYER_MEASURES

GROUP_WORDS = (
    r"\b(?:england|english|national|nationally|nationwide|uk|britain|country|average|overall|"
    r"as a whole|typical|benchmark|regions?|regional|south|southern|north|northern|elsewhere|rest)\b"
)
NORTH = re.compile(  # no group is published for the north: say so before the split that is
    r"\b(?:the north|north of england|northern england|the northern (?:leps|areas|regions))\b"
    r"(?! (?:west|east|ireland))"
)
REGION_WORDS = (
    r"\b(?:by region|regions|regional|each region|per region|as a region|the region|region)\b"
)


def _group_facts(dataset: Dataset, indicator: str, groups: tuple[str, ...]) -> list[Fact]:
    wanted = groups or tuple(g.name for g in dataset.groups)
    return [
        ev.fact
        for name in wanted
        if (ev := dataset.evidence(name, indicator)).kind in ("value", "change")
    ]


REGION_LEPS = (
    r"\b(?:leps?|lep areas|as a whole|across|all (?:the|of the)|each of the|region|regions|"
    r"partnerships|ones|whole)\b"
)
ASKS_SOUTH_AHEAD = r"\b(?:south|southern)\b.{0,30}\b(?:better|higher|more|ahead|stronger)\b"
ASKS_SOUTH_BEHIND = r"\b(?:south|southern)\b.{0,30}\b(?:worse|lower|less|fewer|behind|weaker)\b"
ASKS_REST_AHEAD = (
    r"\b(?:elsewhere|rest|north|northern)\b.{0,30}\b(?:better|higher|more|ahead|stronger)\b"
)


def _answer_word(text: str, south_ahead: bool) -> str:
    """'Yes: ' / 'No: ' when the question asked which side is ahead, else nothing."""
    for asked, means_south_ahead in (
        (ASKS_SOUTH_AHEAD, True),
        (ASKS_SOUTH_BEHIND, False),
        (ASKS_REST_AHEAD, False),
    ):
        if re.search(asked, text):
            return "Yes: " if south_ahead == means_south_ahead else "No: "
    return ""


def _south_sentence(dataset: Dataset, south: Fact, rest: Fact, question: str) -> str:
    ind = dataset.indicator(south.indicator)
    said = lead(dataset, south, amount(south.value, ind.format))
    word = _answer_word(question.lower(), south.value > rest.value)
    return (
        f"{word}{_lower_first(said) if word else said}, against "
        f"{amount(rest.value, ind.format)} elsewhere in England — {gap(south.value, rest.value, ind.format, 'the rest of England')} "
        f"({cite(dataset, [south.source])})."
    )


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _sentence(dataset: Dataset, facts: list[Fact]) -> str:
    ind = dataset.indicator(facts[0].indicator)
    first, others = facts[0], facts[1:]
    tail = "".join(f"; {amount(f.value, ind.format)} in {dataset.spoken(f.area)}" for f in others)
    return f"{lead(dataset, first, amount(first.value, ind.format))}{tail} ({cite(dataset, [f.source for f in facts])})."


def _region_lines(dataset: Dataset, query: Query, indicators: tuple[str, ...]) -> list[str]:
    if not query.candidates:
        return []
    lines = [
        f"There are no regional figures in this dataset; “{query.unclear}” covers {listing(query.candidates)}."
    ]
    for indicator in indicators:
        held = [
            f"{dataset.spoken(a)} {describe(dataset, a, indicator).short}" for a in query.candidates
        ]
        lines.append(
            f"Published for them on {dataset.indicator(indicator).short}: {'; '.join(held)}."
        )
    return lines


def _the(region: str) -> str:
    return region if region.startswith(("the ", "London")) else f"the {region}"


def _region(query: Query, dataset: Dataset) -> Answer:
    """'The North West LEPs on placements': each of the region's LEPs as published, with England."""
    indicators = query.indicators or EMPLOYER_MEASURES
    leps = query.candidates
    regions = {dataset.area(a).region for a in leps}
    name = regions.pop() if len(regions) == 1 else "the Midlands"
    sentences, rows, figures, sources = [], [], [], []
    for indicator in indicators:
        ind = dataset.indicator(indicator)
        said = {a: describe(dataset, a, indicator) for a in leps}
        for a in leps:
            figures += said[a].figures
            sources += said[a].sources
            rows.append((ind.short, a, said[a].short))
        bench = dataset.benchmark(indicator)
        against = f" ({bench.area}: {amount(bench.value, ind.format)})" if bench else ""
        held = "; ".join(f"{dataset.spoken(a)} {said[a].short}" for a in leps)
        sentences.append(
            f"What is published for the {len(leps)} LEPs of {_the(name)} on "
            f"{ind.short}: {held}{against} ({cite(dataset, sources)})."
        )
    exact = sum(1 for a in leps for i in indicators if dataset.evidence(a, i).kind == "value")
    lines = [*sentences[1:], "There are no regional figures in this dataset, only LEP figures."]
    if exact < len(leps) * len(indicators):
        lines.append(FULL_TABLE_HINT)
    first = dataset.indicator(indicators[0])
    return Answer(
        intent="groups",
        headline=sentences[0],
        lines=tuple(lines),
        table=Table(("measure", "LEP", "figure"), tuple(rows)),
        figures=tuple(dict.fromkeys(figures)),
        sources=tuple(dict.fromkeys(sources)),
        areas=leps,
        indicators=tuple(indicators),
        listed=leps,  # 'the bottom one?' picks among the region's LEPs
        chart=lep_bars(dataset, indicators[0], leps, f"{name} LEPs on {first.short}"),
        next_questions=(
            f"top 5 for {first.short}",
            f"compare {leps[0]} and {leps[1]} on {first.short}",
        ),
    )


def handle(query: Query, dataset: Dataset) -> Answer:
    if query.candidates and not query.groups and query.reason == "region":
        return _region(query, dataset)
    indicators = query.indicators or EMPLOYER_MEASURES
    groups = query.groups or (("England",) if query.candidates else ())
    sentences, lines, figures, sources, rows = [], [], [], [], []
    for indicator in indicators:
        ind = dataset.indicator(indicator)
        facts = _group_facts(dataset, indicator, groups)
        if not facts:
            where = f" for {listing([dataset.spoken(g) for g in groups], 'or')}" if groups else ""
            sentences.append(
                f"There is no {'' if groups else 'national '}figure{where} on {ind.short} in this dataset."
            )
            continue
        figures += [figure_of(f) for f in facts]
        sources += [f.source for f in facts]
        rows += [(ind.short, f.area, amount(f.value, ind.format), f.period) for f in facts]
        by_area = {f.area: f for f in facts}
        if "South of England" in by_area and "Rest of England" in by_area:
            south = _south_sentence(
                dataset, by_area["South of England"], by_area["Rest of England"], query.text
            )
            national = [f for f in facts if f.area in dataset.benchmarks]
            if not groups and national:  # 'placements?': the national figure, then the split
                sentences.append(_sentence(dataset, national))
                lines.append(south)
            else:
                sentences.append(south)
            lines.append("The source does not say which LEPs count as 'the south'.")
        else:
            sentences.append(_sentence(dataset, facts))
        if groups and "England" not in groups and "England" not in by_area:
            bench = dataset.evidence("England", indicator)
            if bench.kind == "value":
                lines.append(f"England: {amount(bench.fact.value, ind.format)}.")
                figures.append(figure_of(bench.fact))
                sources.append(bench.fact.source)
    lines += _region_lines(dataset, query, indicators)
    lines += [
        f"The {ind.short} figure is for {ind.national_only} as a whole; its survey publishes none by LEP."
        for ind in map(dataset.indicator, indicators)
        if ind.national_only
    ][:1]
    if not query.candidates and re.search(REGION_WORDS, query.text.lower()):
        lines.append(
            "There are no regional figures in this dataset; ask for a LEP, or a region's LEPs one by one."
        )
    chart_facts = _group_facts(dataset, indicators[0], groups) if groups else []
    first = dataset.indicator(indicators[0])
    headline = sentences[0] if sentences else "There are no group figures for that in this dataset."
    if NORTH.search(query.text.lower()) and not query.candidates:
        headline = (
            "There is no figure for the north of England in this dataset; the nearest published "
            f"split is the south against the rest of England. {headline}"
        )
    return Answer(
        intent="groups",
        headline=headline,
        lines=(*sentences[1:], *lines),
        table=Table(("measure", "group", "figure", "period"), tuple(rows))
        if len(rows) > 1
        else None,
        figures=tuple(dict.fromkeys(figures)),
        sources=tuple(dict.fromkeys(sources)),
        indicators=tuple(indicators),
        chart=group_bars(
            dataset,
            chart_facts,
            indicators[0],
            spread_title(dataset, indicators[0], chart_facts),
        )
        if len(chart_facts) > 1
        else None,
        next_questions=(
            "top 5 for work placements" if first.national_only else f"top 5 for {first.short}",
            f"what is {first.short}?",
            "where do these numbers come from?",
        ),
    )


SPEC = IntentSpec(
    name="groups",
    label="national / group figures",
    tabled=True,
    rules=(
        Rule(
            "groups",
            19,
            triggers=(
                REGION_WORDS,
                r"\b(?:average|overall|as a whole|altogether|combined|as a group|together|collectively)\b",
            ),
            needs=frozenset({"region"}),
            leps=(0, 0),
        ),
        Rule(  # 'which LEPs make up the east mids?': the region's LEPs, not a ranking
            "groups",
            16,
            triggers=(
                r"\b(?:make up|makes up|made up|are (?:actually |really |exactly )?in|sit in|"
                r"belong to|comprise|form)\b"
                r"|\blist (?:the |all (?:the )?|each of the )?(?:leps|lep areas|areas|partnerships)\b",
            ),
            needs=frozenset({"region"}),
            leps=(0, 0),
            reason="region",
        ),
        Rule(
            "groups",
            18,
            triggers=(REGION_LEPS,),
            needs=frozenset({"region"}),
            leps=(0, 0),
            reason="region",
        ),
        Rule(  # 'Northern Ireland employers: more placements than England's?': not a ranking
            "groups",
            58,
            needs=frozenset({"rival_group", "threshold", "indicator"}),
            refuses=frozenset({"asks_leps"}),
            leps=(0, 0),
        ),
        Rule("groups", 65, needs=frozenset({"group"}), leps=(0, 0)),
        Rule("groups", 66, triggers=(GROUP_WORDS,), leps=(0, 0)),
        Rule("groups", 80, leps=(0, 0), indicators=(1, 99), refuses=frozenset({"unread"})),
    ),
    handle=handle,
    asks="England figure for {measure}",
    examples=(
        "england average for work inspiration",
        "is the south better than elsewhere for placements?",
    ),
)
