"""outliers: areas that buck the relationship — residuals from the fitted line, or the published ones."""

from __future__ import annotations

from intents.dataset.model import Dataset
from intents.dataset.stats import MIN_PAIRS, fit_line
from intents.dataset.units import amount
from intents.reading.context import FollowUp
from intents.reading.query import Query
from intents.reading.rules import Rule
from intents.relationship import CAUSE_CAVEAT, exact_pairs, pair
from intents.replies.answer import Answer
from intents.replies.chart_titles import outlier_title
from intents.replies.charts import scatter
from intents.replies.wording import cite, listing
from intents.spec import IntentSpec

SHOWN = 3


def handle(query: Query, dataset: Dataset) -> Answer:
    x, y, assumed = pair(query, dataset)
    xi, yi = dataset.indicator(x), dataset.indicator(y)
    areas, xs, ys = exact_pairs(dataset, x, y)
    fit = fit_line(xs, ys) if len(areas) >= MIN_PAIRS else None
    findings = [
        f for f in dataset.findings_about(x, y) if f.exceptions and {f.x, f.y} >= {x, y} - {None}
    ]
    if fit is not None:
        residuals = sorted(
            ((yv - fit.predict(xv), a, yv) for a, xv, yv in zip(areas, xs, ys, strict=True)),
            reverse=True,
        )
        above = [r for r in residuals[:SHOWN] if r[0] > 0]
        below = [r for r in residuals[::-1][:SHOWN] if r[0] < 0]

        def say(items, word):
            return listing(
                [
                    f"{dataset.spoken(a)} ({amount(v, yi.format)}, {abs(res):.1f} {'points ' if yi.is_share else ''}{word} the line)"
                    for res, a, v in items
                ]
            )

        headline = (
            f"Against the fitted line of {yi.short} on {xi.short} (r = {fit.r:.2f}, n = {fit.n}), "
            f"{say(above[:1], 'above')} bucks the trend most"
            + (f", and {say(below[:1], 'below')} falls furthest short" if below else "")
            + f" ({cite(dataset, [dataset.lep_values(y)[a].source for a in areas])})."
        )
        lines = [
            f"Higher than predicted: {say(above, 'above')}.",
            f"Lower than predicted: {say(below, 'below')}.",
            f"Method: least-squares line of {yi.short} on {xi.short} across {fit.n} LEPs with exact figures for both; residual = actual − predicted.",
            CAUSE_CAVEAT,
        ]
        labelled = tuple(a for _, a, _ in above + below)
        listed = labelled
        chart = scatter(dataset, x, y, fit, labelled, query.areas,
                        outlier_title(dataset, y, above[0][1] if above else None,
                                      below[0][1] if below else None, fit))  # fmt: skip
        sources = [dataset.lep_values(y)[a].source for a in areas] + [
            dataset.lep_values(x)[a].source for a in areas
        ]
    else:
        listed = tuple(dict.fromkeys(a for f in findings for a in f.exceptions))
        if findings:
            names = listing([dataset.spoken(a) for a in listed])
            headline = (
                f"Too few LEPs have exact figures to fit a line here, so this is what the sources say: "
                f"{names} {'buck' if ' and ' in names else 'bucks'} the trend "
                f"({cite(dataset, [f.source for f in findings])})."
            )
        else:
            headline = f"No published finding in this dataset names areas that buck the trend on {yi.short}."
        lines = [f"{f.statement.rstrip('.')} ({cite(dataset, [f.source])})." for f in findings]
        lines.append(
            "With the full LEP tables loaded (`lepbot data import`), residuals from a fitted line are computed."
        )
        chart = None
        sources = [f.source for f in findings]
    return Answer(
        intent="outliers",
        headline=headline,
        lines=tuple(lines),
        sources=tuple(dict.fromkeys(sources)),
        indicators=(y, x),
        areas=query.areas,
        chart=chart,
        assumed=assumed,
        listed=listed,  # 'what's their work inspiration figure?' means these
        next_questions=(
            f"is {yi.short} related to {xi.short}?",
            "tell me about Liverpool City Region",
        ),
    )


ONE_OVER_THE_OTHER = r" (?:work )?(?:inspiration|placements?) (?:than|rather than|over) (?:work )?(?:inspiration|placements?)\b"
LEANING = rf"\b(?:lean\w* (?:more )?(?:towards|to)|favou?r\w*|tilt\w* (?:more )?(?:towards|to)){ONE_OVER_THE_OTHER}"
MORE_OF_ONE = rf"\bmore{ONE_OVER_THE_OTHER}"

SPEC = IntentSpec(
    name="outliers",
    label="areas bucking the trend",
    follow_up=FollowUp(carries=frozenset({"pair"})),
    rules=(
        Rule(  # 'which LEPs do more inspiration than placements?': LEPs at large, not the Humber's
            "outliers", 44, triggers=(MORE_OF_ONE,), leps=(0, 0)
        ),
        Rule("outliers", 44, triggers=(LEANING,)),  # 'Oxfordshire and Bucks lean towards …'
        Rule(
            "outliers",
            44,
            triggers=(
                r"\bbuck(?:ed|ing)?\b|\bbucks (?:the|that|this|it)\b",
                r"\b(?:high|low)\b.{0,30}\bbut (?:loads|lots|plenty|many|few|high|low)\b.{0,30}\bwho\b",
                r"\bthan (?:their|its|the) .*(?:would )?(?:predict\w*|suggest\w*|expect\w*)\b",
                r"\bthan (?:you|we|one|i) (?:d|would|might|should) expect\b|\bgiven (?:their|its) (?:economy|economies)\b",
                r"\b(?:outliers?|exceptions?|exceptional|defy\w*|defies|against the (?:\w+ )?(?:trend|grain|odds|pattern)|go(?:es)? against|odd ones? out|anomal\w*|unusual|surpris\w*|unexpected\w*|punch\w* above|over ?perform\w*|under ?perform\w*|better than expected|worse than expected|despite|residuals?|doesn ?t fit|don ?t fit|(?:do|does|did)n ?t follow the (?:pattern|trend)|break\w* the (?:pattern|trend|mould))\b",
            ),
            indicators=(0, 3),
        ),
    ),
    handle=handle,
    asks="which LEPs buck the trend on {measure}?",
    examples=("which areas buck the trend on work inspiration?",),
)
