"""relationship: two measures across LEPs — Pearson r on exact figures, or the published finding."""

from __future__ import annotations

from intents.dataset.model import Dataset, Finding
from intents.dataset.stats import CORRELATION_METHOD, MIN_PAIRS, fit_line, strength
from intents.reading.context import FollowUp
from intents.reading.query import Query
from intents.reading.rules import Rule
from intents.replies.answer import Answer
from intents.replies.chart_titles import relation_title
from intents.replies.charts import scatter
from intents.replies.wording import cite, listing
from intents.spec import IntentSpec

CAUSE_CAVEAT = "An association across areas, not evidence that one causes the other."
DEFAULT_PARTNER = "youth_unemployment"


def pair(query: Query, dataset: Dataset) -> tuple[str, str, tuple[str, ...]]:
    """(x, y, assumed): y is the employer measure, x the context measure."""
    inds = list(query.indicators)
    if len(inds) >= 2:
        y, x = inds[0], inds[1]
        if dataset.indicator(x).verb and not dataset.indicator(y).verb:
            x, y = y, x
        return x, y, ()
    only = inds[0] if inds else "work_inspiration"
    partner = next(
        (
            f.x if f.y == only else f.y
            for f in dataset.findings_about(only)
            if only in (f.x, f.y) and f.x and f.y
        ),
        DEFAULT_PARTNER if only != DEFAULT_PARTNER else "work_inspiration",
    )
    x, y = (partner, only) if dataset.indicator(only).verb else (only, partner)
    named = [] if inds else ["work inspiration"]
    return (
        x,
        y,
        (
            f"paired with {dataset.indicator(partner).short}"
            + (" (no measure named: used work inspiration)" if named else ""),
        ),
    )


def exact_pairs(dataset: Dataset, x: str, y: str) -> tuple[list[str], list[float], list[float]]:
    xs, ys = dataset.lep_values(x), dataset.lep_values(y)
    areas = [a for a in dataset.lep_names if a in xs and a in ys]
    return areas, [xs[a].value for a in areas], [ys[a].value for a in areas]


def finding_lines(findings: tuple[Finding, ...], dataset: Dataset) -> list[str]:
    return [f"{f.statement.rstrip('.')} ({cite(dataset, [f.source])})" for f in findings]


def handle(query: Query, dataset: Dataset) -> Answer:
    x, y, assumed = pair(query, dataset)
    xi, yi = dataset.indicator(x), dataset.indicator(y)
    areas, xs, ys = exact_pairs(dataset, x, y)
    fit = fit_line(xs, ys) if len(areas) >= MIN_PAIRS else None
    findings = dataset.findings_about(x, y)
    if fit is not None:
        sources = [dataset.lep_values(x)[a].source for a in areas] + [
            dataset.lep_values(y)[a].source for a in areas
        ]
        headline = (
            f"Across the {fit.n} LEPs with exact figures for both, {yi.short} and {xi.short} show "
            f"{strength(fit.r)} association (r = {fit.r:.2f}, n = {fit.n}) ({cite(dataset, sources)})."
        )
        lines = [
            f"Method: {CORRELATION_METHOD}.",
            CAUSE_CAVEAT,
            *(f"Published finding: {line}." for line in finding_lines(findings, dataset)),
        ]
        residuals = sorted(
            ((yv - fit.predict(xv), a) for a, xv, yv in zip(areas, xs, ys, strict=True))
        )
        labelled = tuple(a for _, a in (residuals[:2] + residuals[-2:]))
        chart = scatter(dataset, x, y, fit, labelled, query.areas,
                        relation_title(dataset, x, y, fit))  # fmt: skip
        sources += [f.source for f in findings]
    else:
        have = len(areas)
        headline = (
            f"{f'Only {have}' if have else 'No'} LEP{'s' if have > 1 else ''} in this dataset {'have' if have > 1 else 'has'} exact figures for both "
            f"{yi.short} and {xi.short} (at least {MIN_PAIRS} are needed for a correlation), so none is computed."
        )
        lines = [f"Published finding: {line}." for line in finding_lines(findings, dataset)]
        if not findings:
            lines.append(f"No published finding in this dataset links {yi.short} and {xi.short}.")
        lines += _qualitative(dataset, x, y)
        lines.append(CAUSE_CAVEAT)
        lines.append(
            "With the full LEP tables loaded (`lepbot data import`), r and a scatter are computed."
        )
        chart = None
        sources = [f.source for f in findings]
    return Answer(
        intent="relationship",
        headline=headline,
        lines=tuple(lines),
        sources=tuple(dict.fromkeys(sources)),
        indicators=(y, x),
        chart=chart,
        assumed=assumed,
        next_questions=(
            f"which areas buck the trend on {yi.short}?",
            f"top 5 for {yi.short}",
            f"what is {yi.short}?",
        ),
    )


def _qualitative(dataset: Dataset, x: str, y: str) -> list[str]:
    """Areas a source places on both measures, said as the relations they are."""
    out = []
    for area in dataset.lep_names:
        ex, ey = dataset.evidence(area, x), dataset.evidence(area, y)
        rx = ex.fact.relation if ex.fact else ""
        ry = ey.fact.relation if ey.fact else ""
        if rx and ry:
            out.append(
                f"{dataset.spoken(area)}: {ry} {dataset.indicator(y).short}, {rx} {dataset.indicator(x).short}"
            )
    if not out:
        return []
    return [f"Named in the sources on both (relations, not figures): {listing(out)}."]


TRIGGERS = (
    r"\b(?:relat(?!ive\b|ively\b)\w*|correlat\w*|associat\w*|link\w*|connect\w*|tied|tie in|go(?:es)? (?:with|together|hand in hand)|pattern|mirror\w*|in line with|scatter|variation|vary|varies)\b",
    r"\b(?:higher|more|lower|less|richer|poorer|fewer)\b.*\b(?:where|when|in areas with|places with|areas with|leps with)\b",
    r"\b(?:areas|leps|places) with (?:more|less|fewer|higher|lower|lots of|loads of|a lot of|plenty of|many|"
    r"(?:a )?(?:larger|bigger|smaller|stronger|weaker|greater)|"
    r"high|low|(?:a )?(?:big|large|small|strong|weak|high|low))\b",
    r"\b(?:areas|leps|places|economies|towns) (?:dominated by|built on|full of)\b",
    r"\b(?:areas|leps|places) where\b",
    r"\bwhere\b.{0,40}\b(?:is|are)\s+(?:higher|lower|high|low|bigger|smaller|greater|worse|better)\b",
    r"\b(?:richer|poorer|wealthier|more productive|less productive)(?! than)(?: [\w-]+){0,2} (?:areas|leps|places|economies)\b",
    r"\b(?:big[ -]city|urban|rural|coastal|metropolitan) (?:areas|leps|places|economies|ones)\b",
    r"\b(?:\w+ heavy|\w+ intensive|industrial|prosperous|more prosperous|less prosperous|deprived|"
    r"affluent|wealthy|rich|poor|rural|urban|skilled|(?:fast|faster|slow|slower|high|low) (?:growing|growth)) "
    r"(?:areas|leps|places|economies|regions)\b",
    r"\b(?:areas|leps|places|economies) (?:heavy|strong|big|reliant|dependent|rich|poor) (?:in|on)\b",
    r"\b(?:rises?|falls?|go(?:es)? (?:up|down)|increases?|decreases?|drops?|climbs?|grows?)\b.{0,40}"
    r"\b(?:as|when|while|where)\b.{0,40}\b(?:rises?|falls?|go(?:es)? (?:up|down)|increases?|"
    r"decreases?|drops?|climbs?|grows?|higher|lower)\b",  # 'does WI fall as unemployment goes up'
)
WEAK = (
    r"\b(?:track\w*|predict\w*|depend\w*|affect\w*|matters?|make (?:a |any )?difference|influence\w*|driv\w*|explain\w*|impact\w*|mean (?:more|fewer|less|higher|lower)|means (?:more|fewer|less|higher|lower)|better at|worse at|vs|versus|against|(?<=\w )and|evidence|back (?:that|this|it) up|backs? up|support\w*)\b",
)

SPEC = IntentSpec(
    name="relationship",
    label="relationship",
    follow_up=FollowUp(carries=frozenset({"pair"})),
    rules=(
        Rule(  # 'what's the correlation between GVA and work inspiration?': not a definition
            "relationship",
            36,
            triggers=(r"\b(?:correlat\w*|coefficient|r value|r squared)\b",),
            leps=(0, 0),
            indicators=(2, 3),
            refuses=frozenset({"sector", "threshold"}),
        ),
        Rule(
            "relationship",
            45,
            triggers=TRIGGERS,
            leps=(0, 1),
            indicators=(1, 3),
            refuses=frozenset({"sector", "threshold"}),
        ),
        Rule(
            "relationship",
            46,
            triggers=WEAK,
            leps=(0, 0),
            indicators=(2, 3),
            refuses=frozenset({"sector", "number", "order", "threshold"}),
        ),
        Rule(
            "relationship",
            79,
            leps=(0, 0),
            indicators=(2, 3),
            refuses=frozenset(
                {"group", "sector", "number", "unread", "students", "order", "threshold"}
            ),
        ),
    ),
    handle=handle,
    asks="is {measure} related to {other}?",
    examples=(
        "is work inspiration related to youth unemployment?",
        "does GVA per head go with more placements?",
    ),
)
