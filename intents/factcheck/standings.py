"""Claims about where an area stands rather than its figure: an extreme or rank ('the second
lowest'), a top-N, a range across LEPs, a standing without a figure ('a low placement rate') and a
comparison between two areas. Ranks come from the one ranking (intents/dataset/ranking.py)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from intents.dataset.model import NEXT_TO_END, Dataset, Fact, sector_name
from intents.dataset.ranking import from_end as ranked_from_end
from intents.dataset.ranking import standing
from intents.dataset.units import amount, number, span
from intents.factcheck.closeness import Published, decide, precision_of, same_period
from intents.factcheck.figures import doubt, unverifiable, where
from intents.factcheck.judgement import Judgement, claimed, shown
from intents.names import Verdict
from intents.reading.query import Claim
from intents.replies.describe import figure_of
from intents.replies.wording import ORDINAL_WORDS, listing

OPPOSITE = {"highest": "lowest", "lowest": "highest"}


def _end(dataset: Dataset, claim: Claim) -> str:
    """'best' and 'worst' follow polarity: the best youth unemployment is the lowest."""
    if claim.extreme not in ("best", "worst"):
        return claim.extreme
    lower_better = dataset.indicator(claim.indicator).higher_is_better is False
    return (
        {"best": "lowest", "worst": "highest"}[claim.extreme]
        if lower_better
        else {
            "best": "highest",
            "worst": "lowest",
        }[claim.extreme]
    )


def _flip(verdict: Verdict, claim: Claim) -> Verdict:
    if not claim.negated:
        return verdict
    return {"correct": "incorrect", "incorrect": "correct"}.get(verdict, verdict)


def _sector_extreme(dataset: Dataset, claim: Claim, end: str) -> Judgement:
    facts = sorted(dataset.breakdowns(claim.indicator), key=lambda f: f.value)
    ind = dataset.indicator(claim.indicator)
    if not facts:
        return unverifiable(claim, f"no sector figures are published for {ind.short}")
    ordered = facts if end == "lowest" else facts[::-1]
    index = next((i for i, f in enumerate(ordered) if f.breakdown == claim.sector), None)
    listing_ = listing([f"{f.label} {amount(f.value, ind.format)}" for f in ordered])
    if index is None:
        return unverifiable(claim, f"the published sectors are {listing_}")
    verdict = _flip("correct" if index + 1 == claim.position else "incorrect", claim)
    reason = (
        f"of the {len(facts)} sectors published for England on {ind.short}, "
        f"{sector_name(claim.sector)} is {_nth(index + 1)}{end} ({listing_})"
    )
    return Judgement(
        claim, verdict, reason, f"{_nth(index + 1)}{end}", tuple(figure_of(f) for f in facts),
        tuple(dict.fromkeys(f.source for f in facts)),
    )  # fmt: skip


def _nth(position: int) -> str:
    if position == 1:
        return ""
    return f"{ORDINAL_WORDS[position]} " if position in ORDINAL_WORDS else f"{position}th "


def _beyond_england(dataset: Dataset, claim: Claim, end: str) -> Judgement | None:
    """'London had the highest placement rate in the UK': a nation beyond it decides against;
    else the LEP standing holds only for England, which is all the data can say."""
    mine = dataset.evidence(claim.subject, claim.indicator).fact
    name, ind = dataset.spoken(claim.subject), dataset.indicator(claim.indicator)
    for area in (a for a in dataset.groups if a.nation):
        theirs = dataset.evidence(area.name, claim.indicator).fact
        if mine is None or theirs is None or mine.kind != "value" or theirs.kind != "value":
            continue
        higher = theirs.value > mine.value if end == "highest" else theirs.value < mine.value
        if higher:
            reason = (
                f"{area.name}'s {shown(dataset, theirs)} is {end.removesuffix('est')}er than "
                f"{name}'s {shown(dataset, mine)} on {ind.short}"
            )
            figures = (figure_of(mine), figure_of(theirs))
            return Judgement(claim, _flip("incorrect", claim), reason, shown(dataset, theirs),
                             figures, (mine.source, theirs.source))  # fmt: skip
    ranked = judge_extreme(dataset, replace(claim, across=""))
    if ranked.verdict != "correct":
        return ranked
    return unverifiable(
        claim,
        f"{ranked.reason}, but the data does not rank areas of Scotland or Wales on it",
        ranked.sources,
    )


def _sharing(dataset: Dataset, claim: Claim, end: str, joint: tuple[str, ...]) -> set[str]:
    """Who else holds the end, for 'the only LEP …'; on 'both X and Y', only those at the end
    on every measure named (London joint top on placements alone leaves C&W the only one)."""
    sharing = set(joint)
    for other in claim.together:
        if other != claim.indicator:
            sharing &= {e.area for e in dataset.lep_evidence(other) if e.extreme == end}
    return sharing


def judge_extreme(dataset: Dataset, claim: Claim) -> Judgement:
    early = doubt(claim)
    if early is not None:
        return early
    if claim.besides:
        return _leaving_out(dataset, claim)
    end = _end(dataset, claim)
    if claim.within and dataset.is_lep(claim.subject):
        return _region_extreme(dataset, claim, end)
    if claim.sector:
        return _sector_extreme(dataset, claim, end)
    if claim.relation == "band":
        return _band_extreme(dataset, claim, end)
    if not dataset.is_lep(claim.subject):
        return _group_extreme(dataset, claim, end)
    period = _named_period(dataset, claim)
    if period:
        return unverifiable(claim, period)
    if claim.across == "UK":
        beyond = _beyond_england(dataset, claim, end)
        if beyond is not None:
            return beyond
    ind = dataset.indicator(claim.indicator)
    place = standing(dataset, claim.subject, claim.indicator)
    name = dataset.spoken(claim.subject)
    said = claimed(claim)
    ends = [e for e in dataset.lep_evidence(claim.indicator) if e.extreme == end]
    sources = tuple(dict.fromkeys(e.fact.source for e in ends if e.fact))
    if place.named == end or (place.complete and place.extreme == end):
        joint = place.level_with or place.named_with
        unordered = _unordered(dataset, claim, end, joint)
        if 1 < claim.position <= len(joint) + 1 and unordered and not claim.only:
            together = listing([dataset.spoken(a) for a in (claim.subject, *joint)])
            return unverifiable(  # 'HotSW was second lowest': named lowest with Tees Valley
                claim,
                f"the sources name {together} the {end} on {ind.short} together, and "
                f"{listing([dataset.spoken(a) for a in unordered])} has no exact figure to "
                "order them by",
            )
        if claim.position > 1 or (claim.only and _sharing(dataset, claim, end, joint)):
            alongside = f", jointly with {listing(list(joint))}" if joint else ""
            reason = f"{name} is the {end} of the 39 LEPs on {ind.short}{alongside}, not {said}"
            return Judgement(claim, _flip("incorrect", claim), reason, f"{end}", (), sources)
        if claim.joint and not joint:  # 'Humber is joint bottom': it is the bottom alone
            where = f"the {end} of the 39 LEPs on {ind.short}"
            if place.complete:
                reason = f"{name} is {where} alone, not jointly"
                return Judgement(claim, _flip("incorrect", claim), reason, end, (), sources)
            return unverifiable(
                claim, f"the sources name {name} {where}, but not whether another LEP shares it"
            )
        joint_said = f" (jointly with {listing(list(joint))})" if joint else ""
        return Judgement(
            claim,
            _flip("correct", claim),
            f"{name} is the {end} of the 39 LEPs on {ind.short}{joint_said}",
            f"{end}",
            (),
            sources,
        )
    if not place.complete and place.named_nth:  # 'second to Cumbria', as the source says
        nth, named_end = place.named_nth
        verdict = _flip(
            "correct" if (nth, named_end) == (claim.position, end) else "incorrect", claim
        )
        reason = f"{name} is named the {_nth(nth)}{named_end} of the 39 LEPs on {ind.short}"
        fact = dataset.evidence(claim.subject, claim.indicator).fact
        return Judgement(
            claim, verdict, reason, f"{_nth(nth)}{named_end}", (), (fact.source,) if fact else (),
        )  # fmt: skip
    if place.complete and place.position is not None:
        from_end = ranked_from_end(place, end, ind.higher_is_better)
        verdict = _flip("correct" if from_end == claim.position else "incorrect", claim)
        reason = f"{name} is {_nth(from_end)}{end} of the 39 LEPs on {ind.short}"
        return Judgement(claim, verdict, reason, f"{_nth(from_end)}{end}")
    opposite_side = {"highest": ("low", "lowest"), "lowest": ("high", "highest")}[end]
    said_of = dataset.evidence(claim.subject, claim.indicator)
    relations = {f.relation for f in (said_of.fact, *said_of.relations) if f is not None}
    if relations & set(opposite_side) and claim.position == 1:
        side = next(iter(relations & set(opposite_side)))
        reason = f"the sources name {name} {side} on {ind.short}, so not the {end}"
        return Judgement(claim, _flip("incorrect", claim), reason, side, (), sources)
    named = [e.area for e in ends if e.area != claim.subject]
    if place.named == OPPOSITE.get(end) or (named and claim.position == 1 and not place.named):
        who = f"{name} is named the {place.named}" if place.named else (
            f"the sources name {listing([dataset.spoken(a) for a in named])} the {end}"
        )  # fmt: skip
        return Judgement(
            claim,
            _flip("incorrect", claim),
            f"{who} of the 39 LEPs on {ind.short}",
            "",
            (),
            sources,
        )
    holder = _named_at(dataset, claim, end)
    if holder and holder != claim.subject:  # 'Tees Valley is second highest': the Humber is
        reason = f"the sources name {dataset.spoken(holder)} {said} of the 39 LEPs on {ind.short}"
        return Judgement(claim, _flip("incorrect", claim), reason, "", (), sources)
    return unverifiable(
        claim,
        f"whether {name} is {said} on {ind.short} cannot be checked: not every LEP has a "
        "published figure",
    )


def _named_at(dataset: Dataset, claim: Claim, end: str) -> str:
    """The LEP a source names at the claim's place from the end ('second to Cumbria'), if any."""
    if claim.position == 1 or claim.joint:
        return ""
    return next(
        (
            area
            for area in dataset.lep_names
            if standing(dataset, area, claim.indicator).named_nth == (claim.position, end)
        ),
        "",
    )


def _leaving_out(dataset: Dataset, claim: Claim) -> Judgement:
    """'The highest outside London' is the second highest when London alone is the highest;
    otherwise it ranks LEPs the data does not order, so it cannot be checked."""
    end = _end(dataset, claim)
    ind = dataset.indicator(claim.indicator) if claim.indicator else None
    left = standing(dataset, claim.besides, claim.indicator) if ind else None
    alone = left is not None and not (left.level_with or left.named_with)
    holds = left is not None and (left.named == end or (left.complete and left.extreme == end))
    if not (ind and holds and alone and claim.position == 1):
        return unverifiable(
            claim,
            f"'{claimed(claim)}' leaving out {dataset.spoken(claim.besides)} ranks the other "
            "LEPs, which the published figures do not order",
        )
    second = judge_extreme(dataset, replace(claim, besides="", position=2))
    note = f"{dataset.spoken(claim.besides)} is the {end}, so this is the second {end}"
    return replace(second, reason=f"{second.reason} ({note})")


def _named_period(dataset: Dataset, claim: Claim) -> str:
    """A published 'highest' holds for the period it was published for, not another."""
    ev = dataset.evidence(claim.subject, claim.indicator)
    named = next(
        (f for f in (ev.fact, *ev.relations) if f and f.relation in (*OPPOSITE, *NEXT_TO_END)),
        None,
    )
    if named is None or not claim.period or not named.period:
        return ""
    if same_period(claim.period, named.period):
        return ""
    return (
        f"the sources name {dataset.spoken(claim.subject)} {named.relation} on "
        f"{dataset.indicator(claim.indicator).short} for {named.period}, not {claim.period}"
    )


def _unordered(dataset: Dataset, claim: Claim, end: str, joint: tuple[str, ...]) -> list[str]:
    """Of an area and those named at the end with it, the ones whose figures could put the
    area behind another: a band reaching past its exact figure, or no exact figure of its
    own (Tees Valley's 11% is no higher than Heart of the South West's 11–13%, so Tees Valley
    is not second lowest; Heart of the South West may be)."""
    exact = dataset.lep_values(claim.indicator)
    if claim.subject not in exact:
        return [claim.subject]
    mine = exact[claim.subject].value
    out = []
    for other in joint:
        fact = dataset.evidence(other, claim.indicator).fact
        if other in exact or fact is None or fact.low is None or fact.high is None:
            continue
        if (fact.low < mine) if end == "lowest" else (fact.high > mine):
            out.append(other)
    return out


def _region_extreme(dataset: Dataset, claim: Claim, end: str) -> Judgement:
    """'Tees Valley was the slowest-growing LEP in the North East': ranked among its LEPs."""
    members = dict(dataset.regions).get(claim.within, ())
    ind, name = dataset.indicator(claim.indicator), dataset.spoken(claim.subject)
    region = dataset.area(members[0]).region if members else claim.within
    of = f"the {len(members)} LEPs of {region} ({listing(list(members))})"
    if claim.subject not in members:
        reason = f"{name} is not one of {of}"
        return Judgement(claim, _flip("incorrect", claim), reason, "", (), ())
    place = standing(dataset, claim.subject, claim.indicator, among=members)
    if place.named == end and claim.position == 1:
        reason = f"the sources name {name} the {end} of all 39 LEPs on {ind.short}, so of {of} too"
        return Judgement(claim, _flip("correct", claim), reason, end, (), ())
    if place.complete and place.position is not None:
        from_end = ranked_from_end(place, end, ind.higher_is_better)
        verdict = _flip("correct" if from_end == claim.position else "incorrect", claim)
        reason = f"{name} is {_nth(from_end)}{end} of {of} on {ind.short}"
        return Judgement(claim, verdict, reason, f"{_nth(from_end)}{end}")
    missing = [dataset.spoken(a) for a in members if a not in dataset.lep_values(claim.indicator)]
    return unverifiable(
        claim,
        f"not every one of {of} has a published figure on {ind.short} "
        f"({listing(missing)} {'has' if len(missing) == 1 else 'have'} none)",
    )


def _group_extreme(dataset: Dataset, claim: Claim, end: str) -> Judgement:
    """'Northern Ireland led the UK': what the sources say of a nation or group."""
    ev = dataset.evidence(claim.subject, claim.indicator)
    name, ind = dataset.spoken(claim.subject), dataset.indicator(claim.indicator)
    if not ev.extreme:
        rival = next(
            (g.name for g in dataset.groups
             if g.name != claim.subject and dataset.evidence(g.name, claim.indicator).extreme == end),
            None,
        )  # fmt: skip
        if rival is not None and claim.position == 1:
            reason = f"the sources name {dataset.spoken(rival)} the {end} on {ind.short}"
            return Judgement(claim, _flip("incorrect", claim), reason, "", (), ())
        return unverifiable(claim, f"{name} is not ranked among the LEPs, and no source ranks it")
    verdict = _flip("correct" if ev.extreme == end and claim.position == 1 else "incorrect", claim)
    reason = f"the sources name {name} the {ev.extreme} of the UK nations on {ind.short}"
    return Judgement(claim, verdict, reason, ev.extreme, (), (ev.fact.source,))


def _band_extreme(dataset: Dataset, claim: Claim, end: str) -> Judgement:
    """'In the top placement band': the area's published band against the others'."""
    ind, name = dataset.indicator(claim.indicator), dataset.spoken(claim.subject)
    bands = [e.fact for e in dataset.lep_evidence(claim.indicator) if e.kind == "band"]
    mine = dataset.evidence(claim.subject, claim.indicator).fact
    if not bands or mine is None or mine.kind != "band":
        return unverifiable(claim, f"no heat-map band is published for {name} on {ind.short}")
    pick = max if end == "highest" else min
    edge = pick(bands, key=lambda f: (f.low, f.high))
    same = (mine.low, mine.high) == (edge.low, edge.high)
    verdict = _flip("correct" if same else "incorrect", claim)
    reason = (
        f"{name}'s published band on {ind.short} is {span(mine.low, mine.high, ind.format)}; the "
        f"{end} band published is {span(edge.low, edge.high, ind.format)}"
    )
    return Judgement(
        claim,
        verdict,
        reason,
        f"{span(mine.low, mine.high, ind.format)} (band)",
        (figure_of(mine),),
        (mine.source,),
    )


def judge_top_n(dataset: Dataset, claim: Claim) -> Judgement:
    early = doubt(claim)
    if early is not None:
        return early
    place = standing(dataset, claim.subject, claim.indicator)
    end, name = claim.extreme, dataset.spoken(claim.subject)
    ind = dataset.indicator(claim.indicator)
    if place.named == end:
        return Judgement(claim, _flip("correct", claim), f"{name} is the {end} on {ind.short}")
    if place.complete and place.position is not None:
        rank = place.position if end == "highest" else place.out_of - place.position + 1
        verdict = _flip("correct" if rank <= claim.position else "incorrect", claim)
        return Judgement(claim, verdict, f"{name} is {_nth(rank)}{end} on {ind.short}")
    if place.named == OPPOSITE.get(end):
        return Judgement(claim, _flip("incorrect", claim), f"{name} is the {place.named}")
    if place.named_nth is not None and place.named_nth[1] == end:  # 'named second highest'
        nth = place.named_nth[0]
        verdict = _flip("correct" if nth <= claim.position else "incorrect", claim)
        return Judgement(claim, verdict, f"{name} is named the {_nth(nth)}{end} on {ind.short}")
    return unverifiable(claim, f"not every LEP has a published figure on {ind.short}")


def judge_range(dataset: Dataset, claim: Claim) -> Judgement:
    if not claim.indicator:
        return unverifiable(claim, "I can't tell which measure the range is of")
    ind = dataset.indicator(claim.indicator)
    if claim.sector == "all":
        return _every_sector(dataset, claim)
    ends = dataset.lep_range(claim.indicator)
    if ends is None:
        return unverifiable(
            claim, f"the lowest and highest LEP figures on {ind.short} are not both published"
        )
    low, high = ends
    published = span(low.value, high.value, ind.format)
    if claim.high is None:
        return _every_lep(dataset, claim, low, high)
    same = abs(low.value - claim.value) < 1e-9 and abs(high.value - claim.high) < 1e-9
    close = abs(low.value - claim.value) <= 0.5 and abs(high.value - claim.high) <= 0.5
    verdict: Verdict = "correct" if same else "rounding" if close else "incorrect"
    reason = (
        f"published LEP figures on {ind.short} run from {amount(low.value, ind.format)} in "
        f"{dataset.spoken(low.area)} to {amount(high.value, ind.format)} in {dataset.spoken(high.area)}"
    )
    return Judgement(
        claim, verdict, reason, published, (figure_of(low), figure_of(high)),
        (low.source, high.source), correction=published if verdict == "incorrect" else "",
    )  # fmt: skip


def judge_spread(dataset: Dataset, claim: Claim) -> Judgement:
    """'The gap between the best and worst LEPs is 17 points': the published range's width."""
    early = doubt(claim)
    if early is not None:
        return early
    ind = dataset.indicator(claim.indicator)
    ends = dataset.lep_range(claim.indicator)
    if ends is None:
        return unverifiable(
            claim, f"the lowest and highest LEP figures on {ind.short} are not both published"
        )
    low, high = ends
    gap = high.value - low.value
    verdict = decide(claim, Published(gap, gap, precision_of(gap)))
    reason = (
        f"published LEP figures on {ind.short} run from {amount(low.value, ind.format)} in "
        f"{dataset.spoken(low.area)} to {amount(high.value, ind.format)} in "
        f"{dataset.spoken(high.area)}: {number(gap)} points apart (difference of the published "
        "figures)"
    )
    return Judgement(claim, verdict, reason, f"{number(gap)} points",
                     (figure_of(low), figure_of(high)), (low.source, high.source))  # fmt: skip


def judge_trend(dataset: Dataset, claim: Claim) -> Judgement:
    """'That is down from 2012': the data holds one year of each measure, so no trend is known."""
    early = doubt(claim)
    if early is not None:
        return early
    ind = dataset.indicator(claim.indicator)
    held = sorted({f.period for f in dataset.facts if f.indicator == ind.id and f.period})
    return unverifiable(
        claim,
        f"the dataset has {ind.short} for {', '.join(held) or 'one period'} only, so no change "
        f"since {claim.period} can be checked",
    )


EVERY: dict[str, tuple[str, Callable[[float, float], bool]]] = {
    ">": ("lowest", lambda a, b: a > b),
    ">=": ("lowest", lambda a, b: a >= b),
    "<": ("highest", lambda a, b: a < b),
    "<=": ("highest", lambda a, b: a <= b),
}
DENIED = {">": "<=", ">=": "<", "<": ">=", "<=": ">", "just_below": ">=", "just_above": "<="}


def _every_sector(dataset: Dataset, claim: Claim) -> Judgement:
    """'No sector had more than 20%': judged on the sectors published, and said so."""
    facts = sorted(dataset.breakdowns(claim.indicator), key=lambda f: f.value)
    ind = dataset.indicator(claim.indicator)
    if not facts:
        return unverifiable(claim, f"no sector figures are published for {ind.short}")
    judged = _every_lep(dataset, claim, facts[0], facts[-1], of="sector")
    return replace(judged, reason=judged.reason.replace("published", f"the {len(facts)}", 1))


def _every_lep(dataset: Dataset, claim: Claim, low: Fact, high: Fact, of: str = "LEP") -> Judgement:
    """'No LEP has more than half': every LEP at most half, decided at the end it bounds."""
    ind = dataset.indicator(claim.indicator)
    comparator = (
        DENIED.get(claim.comparator, claim.comparator) if claim.negated else claim.comparator
    )
    if comparator not in EVERY:
        return unverifiable(claim, f"I can't tell what is claimed of every {of}")
    end, holds = EVERY[comparator]
    fact = low if end == "lowest" else high
    verdict: Verdict = "correct" if holds(fact.value, claim.value) else "incorrect"
    whose = fact.label if of == "sector" else dataset.spoken(fact.area)
    owner = f"{whose}'" if whose.endswith("s") else f"{whose}'s"  # Business Services' 19%
    reason = (
        f"published {of} figures on {ind.short} run from {amount(low.value, ind.format)} to "
        f"{amount(high.value, ind.format)}, so the {end} is {owner} "
        f"{amount(fact.value, ind.format)}"
    )
    return Judgement(
        claim, verdict, reason, span(low.value, high.value, ind.format),
        (figure_of(low), figure_of(high)), (low.source, high.source),
    )  # fmt: skip


def _side(dataset: Dataset, fact: Fact | None, bench: Fact | None) -> str:
    """'high' / 'low' as the data says it: above or below England, or named so."""
    if fact is None:
        return ""
    if fact.kind == "relation":
        return {"highest": "high", "lowest": "low"}.get(fact.relation, fact.relation)
    if bench is None:
        return ""
    low, high = (fact.value, fact.value) if fact.kind != "band" else (fact.low, fact.high)
    return "high" if low > bench.value else "low" if high < bench.value else ""


def judge_relation(dataset: Dataset, claim: Claim) -> Judgement:
    early = doubt(claim)
    if early is not None:
        return early
    ev = dataset.evidence(claim.subject, claim.indicator)
    bench = dataset.benchmark(claim.indicator)
    side = _side(dataset, ev.fact, bench)
    ind, name = dataset.indicator(claim.indicator), where(dataset, claim)
    if not side:
        return unverifiable(claim, f"the data does not place {name} high or low on {ind.short}")
    if claim.period and ev.fact.period and not same_period(claim.period, ev.fact.period):
        return unverifiable(
            claim, f"the data places {name} on {ind.short} for {ev.fact.period}, not {claim.period}"
        )
    wanted = claim.relation
    if wanted in ("best", "worst"):  # the best youth unemployment is the low one
        good = "high" if ind.higher_is_better is not False else "low"
        wanted = good if wanted == "best" else {"high": "low", "low": "high"}[good]
    verdict = _flip("correct" if side == wanted else "incorrect", claim)
    basis = (
        f"the sources name {name} {ev.fact.relation} on {ind.short}"
        if ev.fact.kind == "relation"
        else f"{name} is at {shown(dataset, ev.fact)} on {ind.short}, against {amount(bench.value, ind.format)} for {bench.area}"
    )
    if claim.relation in ("best", "worst"):
        basis += f", and on {ind.short} {'lower' if ind.higher_is_better is False else 'higher'} is better"
    return Judgement(
        claim,
        verdict,
        basis,
        shown(dataset, ev.fact) if ev.fact.kind != "relation" else ev.fact.relation,
        (),
        (ev.fact.source,),
    )


def _interval(fact: Fact | None) -> Published | None:
    if fact is None or fact.kind in ("relation", "disputed"):
        return None
    if fact.kind == "band":
        return Published(fact.low, fact.high, exact=False)
    return Published(fact.value, fact.value, precision_of(fact.value))


def _decided(a: Published, b: Published) -> bool:
    """Whether the two figures or bands alone settle a comparison: both exact, or apart."""
    return (a.exact and b.exact) or a.low > b.high or a.high < b.low


def _past_an_end(dataset: Dataset, claim: Claim) -> Judgement | None:
    """'Swindon is lower than the Humber', the Humber being the lowest of the 39: no figure is
    needed to see the claim is wrong. Only the impossible direction is judged so."""
    if claim.comparator not in (">", "<") or not (
        dataset.is_lep(claim.subject) and dataset.is_lep(claim.other)
    ):
        return None
    ind = dataset.indicator(claim.indicator)
    beyond = {">": "highest", "<": "lowest"}[claim.comparator]
    for area, against, end in (
        (claim.other, claim.subject, beyond),  # higher than the highest
        (claim.subject, claim.other, {"highest": "lowest", "lowest": "highest"}[beyond]),
    ):
        there = standing(dataset, area, claim.indicator)
        named = dataset.evidence(area, claim.indicator)
        said = next((f for f in (named.fact, *named.relations) if f and f.relation == end), None)
        other_period = (
            said is not None and claim.period and not same_period(claim.period, said.period)
        )
        if there.named == end and against not in there.named_with and not other_period:
            side = "higher" if claim.comparator == ">" else "lower"
            reason = (
                f"{dataset.spoken(area)} is named the {end} of the 39 LEPs on {ind.short}, so "
                f"{dataset.spoken(claim.subject)} cannot be {side} than "
                f"{dataset.spoken(claim.other)}"
            )
            fact = dataset.evidence(area, claim.indicator).fact
            figures = (figure_of(fact),) if fact is not None else ()
            sources = (fact.source,) if fact is not None else ()
            return Judgement(
                claim, _flip("incorrect", claim), reason, f"{dataset.spoken(area)}: {end}",
                figures, sources,
            )  # fmt: skip
    return None


def judge_comparison(dataset: Dataset, claim: Claim) -> Judgement:
    """'Dorset is ahead of Heart of the South West', 'London is above the national average'."""
    early = doubt(claim)
    if early is not None:
        return early
    ind = dataset.indicator(claim.indicator)
    mine = dataset.evidence(claim.subject, claim.indicator, claim.sector).fact
    if claim.other.startswith("sector: "):  # 'construction is below manufacturing'
        theirs = dataset.evidence("England", claim.indicator, claim.other).fact
    elif claim.other == "England":
        theirs = dataset.benchmark(claim.indicator)
    else:
        theirs = dataset.evidence(claim.other, claim.indicator).fact
    a, b = _interval(mine), _interval(theirs)
    named = _past_an_end(dataset, claim)
    if named is not None and (a is None or b is None or not _decided(a, b)):
        return named
    if a is None or b is None:
        lacking = [
            dataset.spoken(area)
            for area, side in ((claim.subject, a), (claim.other, b))
            if side is None
        ]
        return unverifiable(
            claim,
            f"the data has no figure or band for {listing(lacking, 'or')} on {ind.short}, "
            "so the two cannot be compared",
        )
    if claim.comparator == "=":
        level = a.exact and b.exact and a.low == b.low
        apart = a.low > b.high or a.high < b.low
        verdict: Verdict = "correct" if level else "incorrect" if apart else "unverifiable"
    elif claim.comparator == ">":  # higher: sure when its lowest beats the other's highest
        verdict = (
            "correct" if a.low > b.high else "incorrect" if a.high <= b.low else "unverifiable"
        )
    else:
        verdict = (
            "correct" if a.high < b.low else "incorrect" if a.low >= b.high else "unverifiable"
        )
    verdict = _flip(verdict, claim)
    yardstick = (
        f"England ({sector_name(theirs.breakdown)})"
        if theirs.breakdown
        else "all employers in England"
        if claim.sector and theirs.area == "England"
        else dataset.spoken(theirs.area)
    )
    reason = (
        f"{where(dataset, claim)} {shown(dataset, mine)} against "
        f"{yardstick} {shown(dataset, theirs)} on {ind.short}"
    )
    return Judgement(
        claim, verdict, reason, f"{shown(dataset, mine)} vs {shown(dataset, theirs)}",
        (figure_of(mine), figure_of(theirs)), (mine.source, theirs.source),
    )  # fmt: skip
