"""groups: national and group figures — England, the UK, south vs elsewhere, ASPIRES 2 students."""

from __future__ import annotations

from intents.answer import Answer, Table
from intents.chart_titles import spread_title
from intents.dataset import Dataset
from intents.describe import figure_of
from intents.phrasing import amount, cite, gap, listing
from intents.pictures import group_bars
from intents.query import Query
from intents.rules import IntentSpec, Rule
from intents.value import EMPLOYER_MEASURES

GROUP_WORDS = (
    r"\b(?:england|english|national|nationally|nationwide|uk|britain|country|average|overall|"
    r"whole|typical|benchmark|regions?|regional|south|southern|north|northern|elsewhere|rest)\b"
)
REGION_WORDS = r"\b(?:by region|regions|regional|each region|per region)\b"


def _group_facts(dataset: Dataset, indicator: str, groups: tuple[str, ...]):
    wanted = groups or tuple(g.name for g in dataset.groups)
    return [ev.fact for name in wanted if (ev := dataset.evidence(name, indicator)).kind == "value"]


def handle(query: Query, dataset: Dataset) -> Answer:
    indicators = query.indicators or EMPLOYER_MEASURES
    groups = query.groups
    lines, figures, sources, rows = [], [], [], []
    sentences = []
    for indicator in indicators:
        ind = dataset.indicator(indicator)
        facts = _group_facts(dataset, indicator, groups)
        if groups and not facts:
            sentences.append(
                f"There is no {listing(list(groups), 'or')} figure for {ind.short} in this dataset."
            )
            continue
        if not facts:
            sentences.append(f"There is no national figure for {ind.short} in this dataset.")
            continue
        for fact in facts:
            figures.append(figure_of(fact))
            sources.append(fact.source)
            rows.append((ind.short, fact.area, amount(fact.value, ind), fact.period))
        lead = facts[0]
        pieces = [
            f"{amount(f.value, ind)} in {'the ' if f.area in ('UK', 'South of England', 'Rest of England') else ''}{f.area}"
            for f in facts
        ]
        subject = f"of employers {ind.verb}" if ind.verb else f"— {ind.label.lower()}"
        if ind.audience_words:
            subject = f"of Year 11 students — {ind.label.lower()}"
        sentence = f"{listing(pieces)} {subject} ({lead.period}; {cite(dataset, [f.source for f in facts])})."
        south = {f.area: f for f in facts}
        if "South of England" in south and "Rest of England" in south:
            s, r = south["South of England"], south["Rest of England"]
            better = "more" if s.value > r.value else "fewer"
            sentence = (
                f"{'Yes' if s.value > r.value else 'No'}: on UKCES's figures {amount(s.value, ind)} of employers in the south "
                f"of England {ind.verb or 'scored'}, against {amount(r.value, ind)} elsewhere — "
                f"{gap(s.value, r.value, ind, 'the rest of England')}, so {better} in the south "
                f"({cite(dataset, [s.source])})."
            )
            lines.append("The source does not say which LEPs count as 'the south'.")
        sentences.append(sentence)
    if query.text and __import__("re").search(REGION_WORDS, query.text):
        lines.append(
            "There are no regional figures in this dataset; each LEP's region is known, and LEP figures can be asked for one at a time."
        )
    bench_lines = [
        f"{ev.fact.area}: {amount(ev.fact.value, dataset.indicator(i))}"
        for i in indicators
        if (ev := dataset.evidence("England", i)).kind == "value"
        and "England" not in groups
        and groups
    ]
    if bench_lines:
        lines.append(f"For reference — {'; '.join(bench_lines)}.")
        for i in indicators:
            ev = dataset.evidence("England", i)
            if ev.kind == "value":
                figures.append(figure_of(ev.fact))
                sources.append(ev.fact.source)
    chart_facts = _group_facts(dataset, indicators[0], groups) if groups else []
    first = dataset.indicator(indicators[0])
    return Answer(
        intent="groups",
        headline=sentences[0]
        if sentences
        else "There are no group figures for that in this dataset.",
        lines=tuple(sentences[1:]) + tuple(lines),
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
            f"top 5 for {first.short}",
            f"what is {first.short}?",
            "where do these numbers come from?",
        ),
    )


SPEC = IntentSpec(
    name="groups",
    rules=(
        Rule("groups", 65, needs=frozenset({"group"}), leps=(0, 0)),
        Rule("groups", 66, triggers=(GROUP_WORDS,), leps=(0, 0)),
        Rule("groups", 80, leps=(0, 0), indicators=(1, 99)),
    ),
    handle=handle,
    examples=(
        "england average for work inspiration",
        "is the south better than elsewhere for placements?",
    ),
)
