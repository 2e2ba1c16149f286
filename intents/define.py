"""define: what a measure means, its unit, base and survey — no figures."""

from __future__ import annotations

from intents.dataset.model import Dataset
from intents.reading.query import Query
from intents.reading.rules import Rule
from intents.reading.signals import EITHER_BASE
from intents.replies.answer import Answer
from intents.replies.describe import FULL_TABLE_HINT
from intents.spec import IntentSpec

POLARITY_WORDS = {
    "higher_is_better": "higher is better",
    "lower_is_better": "lower is better",
    "neutral": "neither higher nor lower is better in itself",
}
LEP_DEFINITION = (
    "A Local Enterprise Partnership (LEP) is a partnership of local councils and businesses that "
    "led local economic growth in England; in 2014 there were 39, and some districts sat in two. "
    "The dataset is organised by the 39 LEPs of 2014."
)
TRIGGERS = (
    r"\b(?:what (?:is|are|s)\b(?! (?:its|their) )(?! (?:the |a |an )?(?:actual |latest |exact |current |real )?"
    r"(?:figure|number|share|rate|range|percentage|proportion|level|gap|difference|ranking|position|"
    r"score|value|placement rate|england|national|highest|lowest|top|bottom|best|worst|average|"
    r"relationship|correlation|link|connection|association)s?\b)"
    r"|what (?:exactly |actually )?(?:does|do|counts|count)|define|definition|defined|meaning|meant|mean by|what does .* mean|can you explain what|explain (?:what|the term|the meaning)|"
    r"what kind of|what sort of|what types? of|includes?|included|including|count(?:s|ed)? (?:as|towards)|consist|consists|stand for|stands for|"
    r"difference between|different from|measures|remind me what|definition)\b",
    r"\bper (?:worker|resident|head|person|job|employee|capita) or (?:per )?\w+\b|\bin plain english\b|"
    r"\bin (?:simple|plain|lay) terms\b|\b(?:a )?(?:rate|share|percentage) or (?:a )?(?:count|number|total)\b|"
    r"\b(?:a |the )?(?:share|percentage|proportion) of\s*$|\bout of (?:whom|who|what|which)\b|\b(?:share|percentage|proportion|%|rate) of what\b|"
    r"\bof (?:everyone|the economically active|all adults)\b|\beconomically active\b",
)
MEASURED = (
    r"\b(?:what period|time period|which period|period covered|how recent|what years?|which years?|years (?:do|does) (?:they|it|that|this) cover|what date|when was it)\b",
    r"\bhow (?:is|are|was|were|do you|does it) .*(?:measured|calculated|defined|counted|worked out)\b",
    r"\b(?:claimant count|annual population survey|aps)\b",
)


def _periods(dataset: Dataset, indicator: str) -> list[str]:
    return sorted({f.period for f in dataset.facts if f.indicator == indicator and f.period})


def _bases(query: Query, dataset: Dataset) -> Answer:
    """'Are these shares of employers or of pupils?': who each measure's share is of."""
    measures = query.indicators or tuple(i.id for i in dataset.indicators_with_data())
    by_base: dict[str, list[str]] = {}
    for indicator in measures:
        ind = dataset.indicator(indicator)
        if ind.is_share:
            who = ind.unit.removeprefix("% of ")
            by_base.setdefault(who, []).append(ind.short)
    lines = tuple(f"Shares of {who}: {', '.join(shorts)}." for who, shorts in by_base.items())
    headline = (
        "Each share in this dataset is of a stated population: the UKCES figures are shares "
        "of employers (establishments with two or more staff), not of people; the ASPIRES 2 "
        "figures are shares of Year 11 students."
    )
    if len(query.indicators) == 1 and len(by_base) == 1:  # asked of the figure just given
        (who,) = by_base
        headline, lines = (
            f"{dataset.indicator(query.indicators[0]).label} is a share of {who}.",
            (headline,),
        )
    return Answer(
        intent="define",
        headline=headline,
        lines=lines,
        indicators=query.indicators,
        next_questions=("what is work inspiration?", "where do these numbers come from?"),
    )


def _boundaries(query: Query, dataset: Dataset) -> Answer:
    return Answer(
        intent="define",
        headline=(
            "The figures are for the 39 LEPs as they stood in 2014 (the survey year). LEPs were "
            "renamed, merged and redrawn later, so a later LEP's name may cover different places."
        ),
        lines=(dataset.survey("eps2014").get("geography", ""),),
        next_questions=("what is a LEP?", "which LEP is Barnsley in?"),
    )


def _bands(query: Query, dataset: Dataset) -> Answer:
    return Answer(
        intent="define",
        headline=(
            "A band is the range a LEP's figure was published in, from the heat maps UKCES "
            "published (e.g. 28–30%), not an exact figure: I say a band as a band and never rank "
            "it as a point."
        ),
        lines=(FULL_TABLE_HINT,),
        indicators=query.indicators,
        next_questions=("what is work inspiration?", "where do these numbers come from?"),
    )


def _groups_made_of(query: Query, dataset: Dataset) -> Answer:
    """'Which LEPs count as the south?': what the group's figure covers, as its source says."""
    group = dataset.area(query.groups[0])
    spoken = dataset.spoken(group.name)
    return Answer(
        intent="define",
        headline=f"{spoken[:1].upper()}{spoken[1:]}: {group.note}",
        indicators=query.indicators,
        next_questions=("is the south ahead on placements?", "top 5 LEPs for placements"),
    )


REASONS = {
    "bases": _bases,
    "boundaries": _boundaries,
    "bands": _bands,
    "group_made_of": _groups_made_of,
}


def handle(query: Query, dataset: Dataset) -> Answer:
    if query.reason in REASONS:
        return REASONS[query.reason](query, dataset)
    if not query.indicators:
        return Answer(
            intent="define",
            headline=LEP_DEFINITION,
            next_questions=("what is work inspiration?", "which LEP is Stockport in?"),
        )
    ind = dataset.indicator(query.indicators[0])
    lines = [
        f"Unit: {ind.unit}.",
        f"Survey: {ind.survey}." if ind.survey else "",
        f"Period: {', '.join(periods)}." if (periods := _periods(dataset, ind.id)) else "",
        f"Reading it: {POLARITY_WORDS[ind.polarity]}.",
    ]
    for other in query.indicators[1:]:
        o = dataset.indicator(other)
        lines.append(f"*{o.label}*: {o.definition}")
    return Answer(
        intent="define",
        headline=f"{ind.label}: {ind.definition}",
        lines=tuple(line for line in lines if line),
        indicators=query.indicators,
        next_questions=(
            f"top 5 for {ind.short}",
            f"england average for {ind.short}",
            "where do these numbers come from?",
        ),
    )


LEP_WORDS = r"\b(?:what (?:is|are) (?:a |an |the )?leps?|what does lep stand for|lep stand for|what s a lep)\b"

BASE_WORDS = (
    r"\b(?:shares?|percentages?|proportions?|figures?|%|per ?cent) (?:of|for) (?:employers|firms|businesses|sites|establishments|companies|pupils|students|young people|people)\b.{0,40}\bor\b",
    r"\bare (?:these|the|they|those) (?:shares|percentages|proportions|figures) of\b",
    r"\b(?:employers|firms|businesses) \(?(?:sites|establishments)\)? or (?:of )?(?:whole )?(?:companies|firms|businesses)\b",
    r"\bwhat s the base\b|\bwhat is the base\b|\bbase for\b|\bdenominators?\b",
    EITHER_BASE.pattern,
    r"\bof (?:all|every)\b.{0,30}\bor (?:just|only)\b",  # 'of all Year 11s or just those who had it?'
    r"\bshare of (?:gva|jobs|employment|output|businesses|firms|workers|people)\b.{0,20}\bor\b",
)
BASE_OF_A_FIGURE = (
    r"\b(?:is|are) (?:that|this|it|those|these)(?: \d+(?:\.\d+)?%)? (?:a share |a percentage |"
    r"per ?cent )?(?:of|out of) (?:all|every|the whole|each)\b",
    r"\bin the \d+(?:\.\d+)?% base\b",
)
BAND_WORDS = (
    r"\bbands?\b.{0,30}\bmean\b|\bwhat (?:is|are) (?:a |the |these )?(?:heat ?map )?bands?\b",
)
MADE_OF = (
    r"\b(?:which|what) (?:leps?|areas?|regions?|places|counties|ones)\b.{0,25}"
    r"\b(?:count|counts|counted|make up|makes up|made up|included|is that|are those|"
    r"does (?:it|that|this) mean|do they mean)\b"
)
BOUNDARY_WORDS = (
    r"\bboundar\w*\b|\bfootprints?\b|\b(?:current|today s|new|old|2014) (?:lep )?(?:leps|geograph\w*|areas|map)\b",
)

SPEC = IntentSpec(
    name="define",
    label="definition",
    rules=(
        Rule(  # 'the 57% satisfied - is that of all yr11s?': who a figure is of, not a check
            "define",
            11,
            triggers=BASE_OF_A_FIGURE,
            needs=frozenset({"number"}),
            reason="bases",
            decisive=True,
        ),
        Rule("define", 13, needs=frozenset({"asks_base"}), reason="bases"),
        Rule("define", 13, needs=frozenset({"asks_boundary"}), reason="boundaries"),
        Rule("define", 13, needs=frozenset({"asks_meaning"}), indicators=(1, 3)),
        Rule("define", 33, triggers=BASE_WORDS, leps=(0, 0), reason="bases"),
        Rule("define", 34, triggers=BOUNDARY_WORDS, leps=(0, 0), reason="boundaries"),
        Rule(  # "which LEPs count as 'the south'?": the group's cover, not its figures
            "define",
            12,
            triggers=(MADE_OF,),
            needs=frozenset({"group"}),
            leps=(0, 0),
            reason="group_made_of",
        ),
        Rule("define", 11, triggers=BAND_WORDS, reason="bands", decisive=True),
        Rule(
            "define",
            37,
            triggers=MEASURED,
            leps=(0, 0),
            indicators=(1, 3),
            refuses=frozenset({"order", "threshold"}),  # 'the highest youth claimant count'
        ),
        Rule(
            "define",
            40,
            triggers=TRIGGERS,
            leps=(0, 0),
            indicators=(1, 3),
            refuses=frozenset({"group", "number", "threshold", "order"}),
        ),
        Rule("define", 41, triggers=(LEP_WORDS,), leps=(0, 0), indicators=(0, 0)),
    ),
    handle=handle,
    asks="what does {measure} mean?",
    examples=("what is work inspiration?", "what does 'work placements' include?"),
)
