"""A claimed figure for one area and measure, judged on its subject, measure, unit, base and period
before its number: a right number on the wrong base or for another year is not a right claim."""

from __future__ import annotations

import re
from dataclasses import replace

from intents.dataset.model import Dataset, Evidence, Fact, Indicator, sector_name
from intents.dataset.units import amount, span
from intents.factcheck.closeness import Published, decide, precision_of, same_period
from intents.factcheck.judgement import Judgement, against, claimed, shown
from intents.names import Verdict
from intents.reading.query import Claim
from intents.replies.describe import figure_of, lead
from intents.replies.wording import RELATION_WORDS, listing

UNITS = {
    "percent": ("percent", "percent_per_year", "points"),
    "points": ("percent", "points", "percent_per_year"),
    "pounds": ("pounds",),
    "ratio": (),
}
FALLING = re.compile(
    r"\b(?:fewer|less|down|fell|fall|falls|fallen|declin\w*|drop\w*|lower|decrease\w*|reduc\w*)\b"
)
STUDENTS = ("students", "all students")
BASES_SAID = {
    "students": "pupils or students",
    "all students": "all Year 11 students",
    "people": "people, households or schools",
    "young people": "young people in general",
    "all sizes": "all businesses, sole traders included",
    "employers": "employers",
    "all employers": "all employers",
    "placement providers": "employers that offered placements",
}


def unverifiable(claim: Claim, reason: str, sources: tuple[str, ...] = ()) -> Judgement:
    return Judgement(claim, "unverifiable", reason, sources=sources)


def where(dataset: Dataset, claim: Claim) -> str:
    sector = f" ({sector_name(claim.sector)})" if claim.sector else ""
    return dataset.spoken(claim.subject) + sector


def doubt(claim: Claim) -> Judgement | None:
    """A claim whose subject or measure could not be read is not judged on a guess."""
    if claim.doubt.startswith("which "):
        return unverifiable(claim, f"I can't tell {claim.doubt}; name the area and the measure")
    if claim.doubt:  # 'Wales is not one of the 39 LEPs …': the reason as it stands
        return unverifiable(claim, claim.doubt)
    return None


def _period_problem(dataset: Dataset, claim: Claim, fact: Fact) -> str:
    if not claim.period or not fact.period:
        return ""
    if same_period(claim.period, fact.period):
        return ""
    ind = dataset.indicator(fact.indicator)
    return (
        f"the dataset has {ind.short} for {dataset.spoken(fact.area)} for {fact.period} only, "
        f"not {claim.period} (it was {shown(dataset, fact)} then)"
    )


def _base_problem(claim: Claim, ind: Indicator) -> str:
    """Why the population the claim names is not the one the share is of ('' when it is)."""
    students = "Year 11" in ind.population
    of_employers = "employers" in ind.unit or students  # GVA and jobs shares are not
    population = ind.population
    if not students and (ind.base_words or not of_employers):
        population = ind.unit.removeprefix("% of ")  # 'employers offering placements', 'GVA'
    employers = claim.base in ("employers", "all employers")
    providers = claim.base == "placement providers"
    narrowed = (providers and "placement providers" in ind.base_words) or any(
        w in claim.text.lower() for w in ind.base_words
    )  # 'employers that offer placements' is the providers however the verb is written
    wrong = (
        (employers and ind.is_share and not of_employers)
        or (claim.base in STUDENTS and not students)
        or claim.base in ("people", "all sizes", "young people")
        or (employers and students)
        or (providers and (students or (ind.is_share and not ind.base_words)))
        or (ind.base_words and claim.base and (not narrowed or claim.base.startswith("all ")))
    )
    if not wrong:
        return ""
    said = "all Year 11 students" if students and claim.base in STUDENTS else BASES_SAID[claim.base]
    return f"it is a share of {population}, not of {said}"


def _published(dataset: Dataset, claim: Claim, fact: Fact) -> Published:
    value = fact.value
    if claim.complement and dataset.indicator(fact.indicator).is_share:
        value = 100 - value
    return Published(value, value, precision_of(value))


def _reason(dataset: Dataset, claim: Claim, fact: Fact, verdict: Verdict) -> str:
    ind = dataset.indicator(fact.indicator)
    period = f" in {fact.period}" if fact.period else ""
    right = shown(dataset, fact)
    said = claimed(claim)
    statement = (
        f"the published figure for {where(dataset, claim)} on {ind.short} is {right}{period}"
    )
    if claim.complement and ind.is_share:
        statement += f", so {amount(100 - fact.value, ind.format)} did not"
    if verdict == "correct":
        plain = claim.comparator == "=" and not claim.negated and not claim.complement
        return statement if plain else f"{statement}, which fits “{said}”"
    if verdict == "rounding":
        fits = "fits it" if claim.comparator == "~" else "is within rounding of it"
        return f"{statement}; “{said}” {fits}"
    if verdict == "unverifiable":
        return f"{statement}, itself rounded, so “{said}” cannot be told either way"
    return (
        f"{statement}, so “{said}” does not hold" if claim.negated else f"{statement}, not {said}"
    )


def _disputed(dataset: Dataset, claim: Claim, ev: Evidence) -> Judgement:
    ind, figure = dataset.indicator(ev.indicator), ev.disputed[0]
    ends = {  # the range the same document gives, whatever a later table says
        f.relation: f.value
        for f in dataset.facts
        if f.source == figure.source and f.indicator == ev.indicator and f.kind == "value"
        and f.relation in ("lowest", "highest")
    }  # fmt: skip
    bounds = f" as {span(ends['lowest'], ends['highest'], ind.format)}" if len(ends) == 2 else ""
    reason = (
        f"the source does print {amount(figure.value, ind.format)} for {where(dataset, claim)} on "
        f"{ind.short}, but the same document gives the range across all LEPs{bounds}, so it "
        "cannot be an LEP share of employers — do not quote it"
    )
    figures, sources = (), (figure.source,)
    fact = ev.fact
    if fact is not None and fact.kind == "value":  # an imported table has the real figure
        reason += f"; the figure in this dataset is {shown(dataset, fact)}"
        figures, sources = (figure_of(fact),), (figure.source, fact.source)
    elif fact is not None and fact.kind == "relation":
        reason += f"; what does stand is that it is named {RELATION_WORDS[fact.relation]}"
        sources = (figure.source, fact.source)
    return Judgement(claim, "disputed", reason, amount(figure.value, ind.format), figures, sources)


def _near_figure(claim: Claim) -> str:
    """The claimed figure's own clause: from a little before it to the next comma, 'so' or 'but'."""
    text = claim.text.lower()
    at = text.find(claim.written.lower()) if claim.written else -1
    if at < 0:
        return text
    end = re.search(r"[,;]|\b(?:so|but|while|whereas)\b", text[at + len(claim.written) :])
    stop = at + len(claim.written) + end.start() if end else len(text)
    return text[max(0, at - 40) : stop]


def _revised(dataset: Dataset, claim: Claim, ev: Evidence) -> Judgement | None:
    """The claim quotes a later release's revision of the figure: right, for that release."""
    fact = ev.fact
    for later in ev.revised:
        published = Published(later.value, later.value, precision_of(later.value))
        verdict = decide(claim, published)
        if verdict in ("correct", "rounding") and fact is not None:
            reason = (
                f"{shown(dataset, later)} is the revised figure for {where(dataset, claim)} in a "
                f"later release; this dataset quotes {shown(dataset, fact)} from "
                "the first release — say which release the brief uses"
            )
            return Judgement(
                claim, verdict, reason, shown(dataset, later),
                (figure_of(fact),), (later.source, fact.source),
            )  # fmt: skip
    return None


def _sources_differ(dataset: Dataset, claim: Claim, ev: Evidence) -> Judgement | None:
    """The claim matches a figure one source gives while a later (imported) table differs."""
    fact = ev.fact
    for other in dataset.facts_for(ev.area, ev.indicator, claim.sector):
        if other is fact or other.kind != "value" or other.value == fact.value:
            continue
        if decide(claim, Published(other.value, other.value, precision_of(other.value))) in (
            "correct",
            "rounding",
        ):
            reason = (
                f"sources differ: one gives {shown(dataset, other)} for {where(dataset, claim)}, "
                f"a later table {shown(dataset, fact)}; quote the one your brief cites, and say which"
            )
            return Judgement(
                claim,
                "disputed",
                reason,
                shown(dataset, fact),
                (figure_of(fact), figure_of(other)),
                (fact.source, other.source),
            )
    return None


def _without_figure(dataset: Dataset, claim: Claim, ev: Evidence) -> Judgement:
    """No exact figure or band: only the published LEP range can rule a figure out."""
    ind = dataset.indicator(claim.indicator)
    ends = dataset.lep_range(claim.indicator) if dataset.is_lep(claim.subject) else None
    named = (
        f"; the sources name it {RELATION_WORDS[ev.fact.relation]}"
        if ev.fact is not None and ev.fact.kind == "relation"
        else ""
    )
    sources = (ev.fact.source,) if ev.fact is not None else ()
    if ends is None:
        return unverifiable(
            claim,
            f"there is no published figure for {where(dataset, claim)} on {ind.short} in this "
            f"dataset{named}",
            sources,
        )
    low, high = ends
    verdict = decide(claim, Published(low.value, high.value, exact=False))
    lep_range = span(low.value, high.value, ind.format)
    if verdict == "unverifiable":
        reason = (
            f"there is no published figure for {where(dataset, claim)} on {ind.short}; published "
            f"LEP figures run {lep_range}, so “{claimed(claim)}” is not ruled out{named}"
        )
    else:
        reason = (
            f"there is no published figure for {where(dataset, claim)} on {ind.short}, but every "
            f"LEP's lies within {lep_range}, so “{claimed(claim)}” "
            f"{'must hold' if verdict == 'correct' else 'cannot be right'}{named}"
        )
    return Judgement(claim, verdict, reason, f"LEP range {lep_range}", (), (low.source, *sources))


def judge_figure(dataset: Dataset, claim: Claim) -> Judgement:
    """A figure judged wrong whose area or measure was one of two read as near it is not
    called wrong on that guess (a slide's 'Humber: placements 29%; manufacturing 23%')."""
    judged = _judge_figure(dataset, claim)
    if judged.verdict == "incorrect" and claim.loose:
        return unverifiable(
            claim,
            f"I can't be sure “{claim.written or claimed(claim)}” is for {claim.loose}: the "
            "sentence names another beside it — check that figure in a sentence of its own",
        )
    return judged


def _judge_figure(dataset: Dataset, claim: Claim) -> Judgement:
    early = doubt(claim)
    if early is not None:
        return early
    if not dataset.has_area(claim.subject):
        return unverifiable(claim, f"{claim.subject} has no figures of its own in this dataset")
    ind = dataset.indicator(claim.indicator)
    if claim.unit and ind.format not in UNITS.get(claim.unit, ()):
        kind = {"pounds": "an amount in pounds", "ratio": "a ratio"}.get(claim.unit, "a percentage")
        return unverifiable(
            claim, f"the claim is {kind}, but {ind.short} is measured in {ind.unit}"
        )
    said = re.findall(r"[a-z]+", _near_figure(claim))
    unreported = next((w for w in ind.unreported_words if w in said), "")
    if unreported:
        return unverifiable(
            claim,
            f"the source gives only {ind.short}; the share {unreported} is not published (not "
            f"everyone else was {unreported})",
        )
    if claim.sector and not dataset.facts_for("England", claim.indicator, claim.sector):
        published = [f.label for f in dataset.breakdowns(claim.indicator)]
        if published and claim.sector.startswith("size: "):
            return unverifiable(
                claim,
                f"no {ind.short} figures by size of employer are published, only by sector "
                f"({listing(published)})",
            )
        if published:
            return unverifiable(
                claim,
                f"no {ind.short} figure is published for {sector_name(claim.sector)}, only for "
                f"{listing(published)}",
            )
        return unverifiable(
            claim,
            f"there are no {ind.short} figures by "
            f"{'size of employer' if claim.sector.startswith('size: ') else 'sector'} in this "
            "dataset, only for all employers",
        )
    if claim.sector and claim.subject != "England":
        return unverifiable(
            claim,
            f"no {ind.short} figures by sector are published for {dataset.spoken(claim.subject)}, "
            "only for England",
        )
    if ind.format == "points" and FALLING.search(claim.text.lower()) and claim.value:
        claim = replace(claim, value=-abs(claim.value))  # "4% fewer" is a fall of 4
    ev = dataset.evidence(claim.subject, claim.indicator, claim.sector)
    fact = ev.fact
    if ev.disputed and any(
        decide(claim, Published(d.value, d.value, precision_of(d.value))) in ("correct", "rounding")
        for d in ev.disputed
    ):
        return _disputed(dataset, claim, ev)
    if fact is None or fact.kind == "relation":
        return _without_figure(dataset, claim, ev)
    figures, sources = against(fact)
    period = _period_problem(dataset, claim, fact)
    if period:
        return Judgement(claim, "unverifiable", period, shown(dataset, fact), figures, sources)
    if fact.kind == "band":
        return _against_band(dataset, claim, fact)
    if claim.base == "subgroup" and "Year 11" in ind.population:  # '45% of girls in Year 11'
        # only the whole year group is published
        reason = f"the published figure is for {ind.population} as a whole ({shown(dataset, fact)}); no breakdown of it is held"
        return Judgement(claim, "unverifiable", reason, shown(dataset, fact), figures, sources)
    published = _published(dataset, claim, fact)
    verdict = decide(claim, published)
    base = _base_problem(claim, ind)
    of_everyone = claim.base.startswith("all ") or (  # '63% of Year 11s were satisfied'
        claim.base in STUDENTS and verdict not in ("correct", "rounding")
    )
    if base and of_everyone and ind.supersedes:
        joint = _of_all(dataset, claim, fact)
        if joint is not None:
            return joint
    if base:
        if verdict in ("correct", "rounding"):
            right = lead(dataset, fact, amount(fact.value, ind.format))
            reason = f"{shown(dataset, fact)} is right, but {base}: “{right}”"
            return Judgement(claim, "incorrect", reason, shown(dataset, fact), figures, sources)
        return unverifiable(claim, f"the dataset has no such figure: {ind.short} {base[3:]}")
    differ = _sources_differ(dataset, claim, ev) or _revised(dataset, claim, ev)
    if differ is not None and verdict == "incorrect":
        return differ
    level = [
        f.area
        for f in dataset.lep_values(claim.indicator).values()
        if f.area != claim.subject and f.value == fact.value
    ]
    if claim.only and verdict == "correct" and level and dataset.is_lep(claim.subject):
        reason = f"{_reason(dataset, claim, fact, verdict)}, but {listing(level)} is at {shown(dataset, fact)} too"
        return Judgement(claim, "incorrect", reason, shown(dataset, fact), figures, sources)
    return Judgement(
        claim,
        verdict,
        _reason(dataset, claim, fact, verdict),
        shown(dataset, fact),
        figures,
        sources,
        correction=shown(dataset, fact) if verdict == "incorrect" and not claim.negated else "",
    )


def _of_all(dataset: Dataset, claim: Claim, fact: Fact) -> Judgement | None:
    """'36% of all Year 11s both had careers education and were satisfied with it': the share of
    those who had it, times the share who had it — a product of two rounded figures, so at best
    close, never exact."""
    parent = dataset.evidence(claim.subject, dataset.indicator(fact.indicator).supersedes[0]).fact
    if parent is None or parent.kind != "value" or fact.value is None or parent.value is None:
        return None
    joint = fact.value * parent.value / 100
    if claim.comparator in ("=", "~"):
        verdict = decide(claim, Published(joint, joint, precision=2.0))
        verdict = "rounding" if verdict == "correct" else verdict
    else:  # 'over a third': every product the rounded figures allow must hold it
        low = (fact.value - 0.5) * (parent.value - 0.5) / 100
        high = (fact.value + 0.5) * (parent.value + 0.5) / 100
        verdict = decide(claim, Published(low, high, exact=False))
    ind, of = dataset.indicator(fact.indicator), dataset.indicator(parent.indicator)
    reason = (
        f"of the {shown(dataset, parent)} of {of.population} who {of.verb}, "
        f"{shown(dataset, fact)} {ind.verb}: about {joint:.0f}% of all {of.population} "
        "(product of the published figures, each rounded)"
    )
    figures = (figure_of(fact), figure_of(parent))
    return Judgement(claim, verdict, reason, f"about {joint:.0f}%", figures,
                     (fact.source, parent.source))  # fmt: skip


def _against_band(dataset: Dataset, claim: Claim, fact: Fact) -> Judgement:
    ind = dataset.indicator(fact.indicator)
    band = span(fact.low, fact.high, ind.format)
    verdict = decide(claim, Published(fact.low, fact.high, exact=False))
    said = claimed(claim)
    other_band = claim.relation == "band" and claim.high is not None and verdict != "correct"
    verdict = "incorrect" if other_band else verdict  # 'its band was 40-45%': it was another
    start = f"only a band is published for {where(dataset, claim)} on {ind.short}, {band}"
    reason = {
        "correct": f"the published band for {where(dataset, claim)} on {ind.short} is {band}, "
        f"which fits “{said}”",
        "incorrect": f"the published band for {where(dataset, claim)} on {ind.short} is {band}, "
        + (f"not {said}" if other_band else f"and “{said}” lies outside it"),
        "unverifiable": f"{start}, and “{said}” could lie either side of it",
    }.get(verdict, f"{start}")
    figures, sources = against(fact)
    return Judgement(
        claim,
        verdict,
        reason,
        f"{band} (band)",
        figures,
        sources,
        correction=f"{band}" if verdict == "incorrect" and not claim.negated else "",
    )
