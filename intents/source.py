"""source: where the figures come from — publication, survey period, sample and base."""

from __future__ import annotations

from intents.dataset.model import Dataset
from intents.dataset.stats import CORRELATION_METHOD, SIGNIFICANCE_METHOD
from intents.reading.query import Query
from intents.reading.rules import Rule
from intents.replies.answer import Answer
from intents.replies.describe import disputed_line
from intents.replies.wording import cite, listing
from intents.spec import IntentSpec

TRIGGERS = (
    r"\b(?:sources?|sourced|where (?:do|does|did|are|is) .*(?:come|from|get|got)|come from|comes from|methodology|"
    r"where .{0,20}\bfrom\b|citation|cite|provenance|which survey|what survey|links? to|(?<!for )(?:which|what|the|a|that|this|original|source|full|ukces|underlying) report|report (?:it|this|that) (?:came|comes)|publication|download|url|reference|"
    r"who (?:\w+ )?(?:published|produced|compiled|collected) (?:the|these|this|those)|nomis|ons data|from the ons|the survey .*\bfrom|(?:numbers|figures|data) (?:are )?from|"
    r"(?:anything|something|data|figures) (?:newer|more recent|updated)|(?:newer|more recent|later) (?:\w+ )?than|latest (?:data|survey|figures)|"
    r"(?:newer|later|latest|next|more recent|another|second) (?:wave|edition|round|release|version|sweep)|"
    r"(?:earlier|older|previous|other) (?:waves?|rounds?|editions?|surveys?)|"
    r"(?:which|what) (?:\w+ )?(?:release|edition|vintage)|drawn from|taken from|"
    r"(?:been|be|was|were) revised)\b",
)
WEAK = (
    r"\b(?:method|methods|how (?:was|were|is|are) .*(?:collected|surveyed|done|produced)|sample|sample size|fieldwork|"
    r"how many (?:employers|interviews|businesses|firms|pupils|students|schools|young people|people|respondents)|surveyed|respondents?|base|bases|weighted|weighting|"
    r"what year|which year|when was|how old|how recent|up to date|meaning of .?employers|"
    r"(?:firms|businesses|companies|employers) or (?:sites|establishments|workplaces)|carried out|conducted|"
    r"what period|time period|which period|period covered|"
    r"establishments?|who (?:\w+ )?(?:collected|produced|published|ran|did|conducted|carried out|commissioned|drew|made|compiled|created)|data ?sets?|caveats?|reliable|reliability|confidence|"
    r"significan\w*|eps 20(?:10|12)|by (?:phone|telephone)|phone or online|online or by phone|"
    r"how often|how frequently|which document|originally (?:appear\w*|published)|first (?:appeared|published))\b",  # 'any EPS 2010 numbers?' (no measure named)
)
NEWER = (  # 'anything newer than 2014 - EPS 2016 maybe?': the one survey year, not that year's figure
    r"\b(?:anything|something|data|figures|numbers) (?:newer|more recent|updated)\b",
    r"\b(?:newer|more recent|updated) (?:data|figures|numbers|survey|version)\b",
)
METHOD = (  # 'are the placement %s weighted?', 'how many employers were surveyed in Cumbria?'
    r"\b(?:weighted|weighting|sample sizes?|margin of error|confidence intervals?|"
    r"how many (?:employers|businesses|firms|establishments|respondents) (?:were |did they |did you )?(?:surveyed|interviewed|asked|respond\w*))\b",
)


def handle(query: Query, dataset: Dataset) -> Answer:
    eps = dataset.survey("eps2014")
    aspires = dataset.survey("aspires2")
    headline = (
        f"The LEP figures come from the {eps.get('name', 'Employer Perspectives Survey 2014')} "
        f"({eps.get('publisher', 'UKCES')}): {eps.get('method', '')} {eps.get('period', '')} "
        f"{eps.get('sample', '')}"
    ).strip()
    if query.reason == "students":
        return _students(aspires, headline)
    if query.areas and query.reason != "method":  # a LEP's sample is the survey's method
        return _of_areas(query, dataset)
    if query.reason == "newer":
        headline = (
            f"Nothing newer is held: the employer figures are from one survey year. {headline}"
        )
    lines = [
        f"Base: {eps.get('base', '')}",
        f"Geography: {eps.get('geography', '')}",
        f"Caveat: {eps.get('caveat', '')}",
        "" if any(f.base for f in dataset.facts) else eps.get("without_bases", ""),
        (
            "What this dataset holds: exact LEP figures where the commentary or press coverage printed "
            "them, published heat-map bands, and areas named high or low — each with its source."
        ),
        f"Year 11 students: {aspires.get('name', 'ASPIRES 2')} — {aspires.get('sample', '')} {aspires.get('period', '')}".strip(),
        f"Correlations: {CORRELATION_METHOD}; shown only with exact figures for at least 10 LEPs.",
    ]
    imported = [layer for layer in dataset.layers if layer != "shipped"]
    if imported:
        lines.append(f"Imported tables loaded over the shipped data: {', '.join(imported)}.")
        lines.append(f"Differences between figures with bases: {SIGNIFICANCE_METHOD}.")
    used = query.indicators or ("work_placements", "work_inspiration")
    sources = tuple(dict.fromkeys(f.source for f in dataset.facts if f.indicator in used))
    lines += [_source_line(dataset, sid) for sid in sources[:8]]
    return Answer(
        intent="source",
        headline=headline,
        lines=tuple(line for line in lines if line and not line.endswith(": ")),
        sources=sources,
        areas=query.areas,  # 'how many were surveyed in Cumbria?': the survey's method, of it
        indicators=query.indicators,
        next_questions=("what is work inspiration?", "help"),
    )


def _source_line(dataset: Dataset, sid: str) -> str:
    src = dataset.source(sid)
    return f"{src.cite}: {src.title}" + (f" — {src.url}" if src.url else "")


def _of_areas(query: Query, dataset: Dataset) -> Answer:
    """'where do the Swindon placement numbers come from?': the source of each figure asked."""
    indicators = query.indicators or tuple(i.id for i in dataset.indicators)
    measures: dict[str, list[str]] = {}  # source -> what it gives for the areas asked
    for area in query.areas:
        for indicator in indicators:
            ev = dataset.evidence(area, indicator)
            for fact in (ev.fact, *ev.relations, *ev.disputed) if ev.fact else ():
                said = dataset.indicator(indicator).short
                if len(query.areas) > 1:
                    said = f"{dataset.spoken(area)} {said}"
                if fact.source and said not in measures.setdefault(fact.source, []):
                    measures[fact.source].append(said)
    where = listing([dataset.spoken(a) for a in query.areas])
    if not measures:
        return Answer(
            intent="source",
            headline=f"This dataset holds nothing for {where} on that, so there is no source to give.",
            areas=query.areas,
            indicators=query.indicators,
            next_questions=(f"tell me about {query.areas[0]}", "where do these numbers come from?"),
        )
    ids = tuple(measures)
    said = [f"{cite(dataset, [sid])} ({listing(measures[sid])})" for sid in ids]
    doubted = [  # 'where does the 42% for Liverpool come from? it looks way off'
        line
        for area in query.areas
        for indicator in indicators
        if (line := disputed_line(dataset, dataset.evidence(area, indicator)))
    ]
    lines = [*doubted, *(_source_line(dataset, sid) for sid in ids)]
    return Answer(
        intent="source",
        headline=f"Where the figures for {where} come from: {'; '.join(said)}.",
        lines=tuple(lines),
        sources=ids,
        areas=query.areas,
        indicators=query.indicators,
        next_questions=(f"tell me about {query.areas[0]}", "where do these numbers come from?"),
    )


def _students(aspires: dict, employers: str) -> Answer:
    """Asked about the Year 11 survey: that survey first, the employer survey after it."""
    headline = (
        f"The Year 11 figures come from {aspires.get('name', 'ASPIRES 2')} "
        f"({aspires.get('publisher', '')}): {aspires.get('sample', '')} {aspires.get('period', '')}"
    )
    lines = [
        aspires.get("method", ""),
        f"Base: {aspires.get('base', '')}",
        f"Geography: {aspires.get('geography', '')}",
        f"Caveat: {aspires.get('caveat', '')}",
        f"Employers: {employers}",
    ]
    sources = tuple(aspires.get("sources", ()))
    return Answer(
        intent="source",
        headline=headline,
        lines=tuple(line for line in lines if line and not line.endswith(": ")),
        sources=sources,
        next_questions=("what share of Year 11s had careers education?", "help"),
    )


OF_A_FIGURE = (  # 'which source has the Humber at 29%?', 'where does London's figure come from?'
    r"\b(?:which|what) (?:\w+ )?(?:source|report|publication|study|release|dataset|series)\b"
    r"|\bsource (?:for|of)\b"
    r"|\bwhere (?:on earth |exactly |precisely |in fact )?(?:do|does|did|is|are|s) "
    r"(?:the |that |this |these |those )?\S.{0,60}\b(?:come from|from)\b"
    r"|\bwho (?:says|said|published|publishes|reported|supplied|supplies|provided|provides)\b"
    r"|\bwhose (?:is it|are they|figures?|numbers?|data|band|estimate)\b"  # 'and whose is it?'
    r"|\bhow (?:recent|up to date|old) (?:is|are) (?:the |that |this |your )\b",
)
STUDENT_SURVEY = (r"\baspires\b|\b(?:year 11|student|pupil)s? survey\b",)

SPEC = IntentSpec(
    name="source",
    label="sources",
    rules=(
        Rule("source", 13, triggers=OF_A_FIGURE, leps=(1, 4)),
        Rule("source", 13, needs=frozenset({"asks_source"})),
        Rule("source", 13, needs=frozenset({"asks_method"}), reason="method"),
        Rule(
            "source", 34, triggers=STUDENT_SURVEY, leps=(0, 0), indicators=(0, 0), reason="students"
        ),
        Rule("source", 20, triggers=NEWER, leps=(0, 0), indicators=(0, 0), reason="newer"),
        Rule("source", 35, triggers=TRIGGERS, leps=(0, 0), refuses=frozenset({"number"})),
        Rule(
            "source",
            38,
            triggers=METHOD,
            leps=(0, 1),
            refuses=frozenset({"number"}),
            reason="method",
        ),
        Rule(
            "source",
            36,
            triggers=WEAK,
            leps=(0, 0),
            indicators=(0, 0),
            refuses=frozenset({"number"}),
        ),
    ),
    handle=handle,
    asks="where does the {measure} figure come from?",
    examples=("where do these numbers come from?",),
)
