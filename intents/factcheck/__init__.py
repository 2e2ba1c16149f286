"""factcheck: every claim in a message judged against the data on its subject, measure, base,
period and comparator, with a verdict and reason per claim; the worst is the message's verdict.

Verdicts: correct, rounding (close: within rounding or a stated tolerance), incorrect (with the
published figure), unverifiable (the data cannot settle it, or the claim could not be read with
confidence — said with the reason), disputed (a figure the source prints but contradicts).
A pasted passage comes back claim by claim, then with its wrong figures corrected in [brackets].
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace

from intents.dataset.model import Dataset
from intents.dataset.units import amount
from intents.factcheck.between import judge_difference, judge_ratio
from intents.factcheck.closeness import RULE
from intents.factcheck.corrected import NOTE, corrected
from intents.factcheck.figures import judge_figure
from intents.factcheck.judgement import OPENING, Judgement, claimed
from intents.factcheck.links import judge_link
from intents.factcheck.standings import (
    judge_comparison,
    judge_extreme,
    judge_range,
    judge_relation,
    judge_spread,
    judge_top_n,
    judge_trend,
)
from intents.names import SEVERITY, Verdict
from intents.reading.claims import MEASURE_DOUBT
from intents.reading.query import Claim, ClaimKind, Query
from intents.reading.rules import Rule
from intents.replies.answer import Answer, Part, Table
from intents.replies.describe import figure_of
from intents.replies.wording import listing
from intents.spec import IntentSpec

JUDGES: dict[ClaimKind, Callable[[Dataset, Claim], Judgement]] = {
    "figure": judge_figure,
    "difference": judge_difference,
    "ratio": judge_ratio,
    "extreme": judge_extreme,
    "top_n": judge_top_n,
    "range": judge_range,
    "relation": judge_relation,
    "comparison": judge_comparison,
    "spread": judge_spread,
    "trend": judge_trend,
    "link": judge_link,
}
CHECK_WORDS = (
    r"\b(?:check|checking|fact ?check|verify|confirm|true|correct|right|accurate|accuracy|"
    r"claims?|claimed|says?|said|states?|quoted?|quote|according|draft|brief|"
    r"sanity|reckon\w*|heard|(?<!for )(?<!for my )(?<!for the )(?<!for a )(?<!need )slide|fair to say|safe to|ok to|okay to|really|"
    r"can (?:i|we) (?:say|use|keep|write|quote|print)|sound|legit|valid|fine|yeah|yep)\b|\byes$|\bsafe\W*$"
    r"|(?<!who )(?<!what )(?<!which )(?<!where )\b(?:is|isn t|are|aren t|was|wasn t|does|doesn t|"
    r"did|didn t) (?:it|they|there|that)$"  # a tag question: 'Construction isn't lowest, is it?'
)
TRIGGERS = (
    CHECK_WORDS,
    r"\b(?:really|is it|did|does|do|was|were|yes|isn t it|doesn t it|didn t it|right)\b",
    r"\bat \d+(?:\.\d+)? ?(?:%|per ?cent)",  # 'and Humber at 31%?'
)
CHECKING_A_LINK = (
    r"^(?:check|fact ?check|verify|confirm)\b|\b(?:is it true|is it right|is it correct|"
    r"can (?:i|we) say|ok to say|fair to say|ukces (?:found|finds|says|said|shows)|"
    r"the (?:survey|report|data) (?:found|finds|says|shows))\b"
)
NOTHING_READ = (
    "I couldn't find a figure or a claim about an area to check there. Write it as it would "
    "appear in the brief, e.g. “check: 46% of London employers offer placements”."
)
LONG_TEXT = 160  # characters: a passage worth giving back corrected


def _measure_from_figures(
    dataset: Dataset, claims: tuple[Claim, ...]
) -> tuple[tuple[Claim, ...], tuple[str, ...]]:
    """'46% in London against 30% across England' names no measure; when exactly one measure has
    a published figure matching one of the claims, the claims are read as about it, and the
    reply says so. Otherwise the claims stay unverifiable for want of a measure."""
    if not claims or any(c.doubt != MEASURE_DOUBT for c in claims):
        return claims, ()
    matching = {
        ind.id
        for c in claims
        if c.kind == "figure" and dataset.has_area(c.subject)
        for ind in dataset.indicators_with_data()
        if (fact := dataset.evidence(c.subject, ind.id).fact) is not None
        and fact.kind in ("value", "band")
        and judge_figure(dataset, replace(c, indicator=ind.id, doubt="")).verdict
        in ("correct", "rounding")
    }
    if len(matching) != 1:
        return claims, ()
    (indicator,) = matching
    short = dataset.indicator(indicator).short
    note = f"no measure named: read as {short}, the one measure a figure given matches"
    return tuple(replace(c, indicator=indicator, doubt="") for c in claims), (note,)


def _ask_measure(query: Query) -> Answer:
    """'check: 42%' — of what, where? Ask, offering the two headline measures."""
    claim = query.claims[0]
    figure = claim.written
    if claim.kind != "figure":  # '10 points above England': a gap of which area, on what?
        return Answer(
            intent="clarify",
            headline=f"Which area is that, and on what measure? Say both to check “{figure}”.",
            next_questions=("check: London is 8 points above England on placements",),
        )
    choices = tuple(
        f"check: {figure} of employers in England offer {m}"
        for m in ("work placements", "work inspiration")
    )
    return Answer(
        intent="clarify",
        headline=f"What is {figure} a share of, and where? Say the area and the measure to check it.",
        choices=choices,
        next_questions=choices,
    )


def _judge(dataset: Dataset, claim: Claim) -> Judgement:
    """One claim; a figure said to be an extreme ('the lowest, at 29%') is judged on both."""
    if claim.kind != "figure" or not claim.extreme:
        return JUDGES[claim.kind](dataset, claim)
    judgement = judge_figure(dataset, replace(claim, extreme=""))
    ranked = judge_extreme(dataset, replace(claim, kind="extreme"))
    parts: tuple[Part, ...] = (("standing", ranked.verdict), ("figure", judgement.verdict))
    return replace(
        judgement,
        verdict=_overall([v for _, v in parts]),
        parts=parts if claim.standing_first else parts[::-1],
        reason="; ".join(dict.fromkeys((ranked.reason, judgement.reason))),  # one doubt said once
        sources=tuple(dict.fromkeys((*ranked.sources, *judgement.sources))),
    )


def _overall(verdicts: list[Verdict]) -> Verdict:
    return next(v for v in SEVERITY if v in verdicts)


def _summary(judgements: list[Judgement]) -> str:
    counts = Counter(j.verdict for j in judgements)
    parts = [f"{counts[v]} {OPENING[v].lower()}" for v in reversed(SEVERITY) if counts[v]]
    return f"{len(judgements)} claims checked: {listing(parts)}"


def _benchmark(dataset: Dataset, judgements: list[Judgement]) -> tuple[list[str], list, list]:
    """England's figure beside a single LEP claim, as a value answer gives it."""
    claim = judgements[0].claim
    if len(judgements) != 1 or not claim.indicator or claim.sector or claim.subject == "England":
        return [], [], []
    bench = dataset.benchmark(claim.indicator)
    if bench is None or bench.area == claim.subject:
        return [], [], []
    ind = dataset.indicator(claim.indicator)
    return [f"{bench.area}: {amount(bench.value, ind.format)}."], [figure_of(bench)], [bench.source]


def handle(query: Query, dataset: Dataset) -> Answer:
    if not query.claims:
        return Answer(
            intent="factcheck",
            headline=NOTHING_READ,
            verdict="unverifiable",
            next_questions=("check: 46% of London employers offer placements", "help"),
        )
    if all(c.doubt == MEASURE_DOUBT and not dataset.is_lep(c.subject) for c in query.claims):
        return _ask_measure(query)
    claims, assumed = _measure_from_figures(dataset, query.claims)
    judgements = [_judge(dataset, c) for c in claims]
    verdict = _overall([j.verdict for j in judgements])
    lines, figures, sources = _benchmark(dataset, judgements)
    figures = [f for j in judgements for f in j.figures] + figures
    sources = [s for j in judgements for s in j.sources] + sources
    table = None
    if len(judgements) == 1:
        headline = judgements[0].sentence(dataset)
    else:
        headline = f"{_summary(judgements)}."
        lines = [f"“{claimed(j.claim)}” — {j.sentence(dataset)}" for j in judgements] + lines
        table = Table(
            ("claim", "verdict", "published"),
            tuple((claimed(j.claim), OPENING[j.verdict], j.published or "—") for j in judgements),
        )
    fixed, made = corrected(query.text, judgements)
    if made and (len(judgements) > 1 or len(query.text) > LONG_TEXT):
        lines += [f"Corrected: {fixed}", NOTE]
    if any(j.claim.comparator != "=" or j.verdict == "rounding" for j in judgements):
        lines.append(RULE)
    indicators = tuple(
        dict.fromkeys(i for c in claims for i in (c.indicator, c.versus) if i)
    )  # 'placements are twice work inspiration' is about both
    named = (a for c in claims for a in (c.subject, c.other))
    areas = tuple(dict.fromkeys(a for a in named if dataset.is_lep(a)))
    return Answer(
        intent="factcheck",
        headline=headline,
        lines=tuple(dict.fromkeys(lines)),
        table=table,
        figures=tuple(dict.fromkeys(figures)),
        sources=tuple(dict.fromkeys(sources)),
        areas=areas,
        indicators=indicators,
        verdict=verdict,
        claims=tuple(j.as_check() for j in judgements),
        assumed=assumed,
        next_questions=(
            f"how does {areas[0] if areas else 'Humber'} compare on "
            f"{dataset.indicator(indicators[0]).short if indicators else 'placements'}?",
            "where do these numbers come from?",
        ),
    )


SPEC = IntentSpec(
    name="factcheck",
    label="fact-check",
    tabled=True,
    asks="check: {text}",
    rules=(
        Rule(
            "factcheck",
            14,
            needs=frozenset({"paragraph"}),
            refuses=frozenset({"asks_leps"}),
            reads_claims=True,
        ),
        Rule(  # 'The North West averaged 46% on placements': a region has no figure to check
            "factcheck",
            19,
            reads_claims=True,
            needs=frozenset({"number", "indicator", "region"}),
            refuses=frozenset({"asks_leps", "threshold", "order"}),
            leps=(0, 0),
        ),
        Rule(
            "factcheck",
            15,
            reads_claims=True,
            triggers=TRIGGERS,
            needs=frozenset({"number"}),
            refuses=frozenset({"asks_leps", "asks_after"}),
            leps=(0, 3),
        ),
        Rule(
            "factcheck",
            16,
            reads_claims=True,
            triggers=(CHECK_WORDS,),
            needs=frozenset({"indicator", "order"}),
            refuses=frozenset({"asks_leps", "asks_wording", "asks_after"}),
            leps=(0, 2),
        ),
        Rule(
            "factcheck",
            17,
            reads_claims=True,
            triggers=(CHECK_WORDS,),
            needs=frozenset({"indicator", "standing"}),
            refuses=frozenset({"asks_leps", "asks_wording", "asks_after"}),
            leps=(0, 6),  # 'verify: Cumbria, Humber and York lag on both'
        ),
        Rule(  # 'check: UKCES found a clear link between youth unemployment and placements'
            "factcheck",
            30,
            reads_claims=True,
            triggers=(CHECKING_A_LINK,),
            indicators=(2, 3),
            refuses=frozenset({"asks_wording"}),  # 'areas with higher X have lower Y' is a claim
            leps=(0, 0),
        ),
        Rule(
            "factcheck",
            23,
            reads_claims=True,
            needs=frozenset({"statement", "indicator"}),
            refuses=frozenset({"asks_leps", "asks_after"}),
            leps=(0, 6),
        ),
        Rule(  # a figure said before 'what's Hull's actual number?' is context, not a claim
            "factcheck",
            54,
            reads_claims=True,
            needs=frozenset({"number", "indicator"}),
            refuses=frozenset({"asks_leps", "asks_after"}),
            leps=(0, 2),
        ),
    ),
    handle=handle,
    examples=(
        "check: 46% of London employers offer placements",
        "check: 42% of Liverpool employers offer work inspiration",
        "is it true that 40% of Humber employers offer work placements?",
    ),
)
