"""Chart titles that state the finding ("Humber has the lowest share of employers offering…").

A chart is often seen without the reply around it (screenshots, previews), so its title carries
the point of the picture, said from the same data and with the same care as the reply: a
position among exact figures is never called a position among all 39 LEPs.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from intents.dataset.model import Dataset, Fact, Indicator
from intents.dataset.ranking import standing
from intents.dataset.stats import Fit
from intents.dataset.units import amount, gap, span
from intents.replies.charts import LONG_NAME, short_name
from intents.replies.wording import listing, ordinal


def _name(dataset: Dataset, area: str) -> str:
    """As the chart labels it (D2N2 for the longest names); "the Humber" mid-sentence."""
    return short_name(dataset, area) if len(area) > LONG_NAME else dataset.spoken(area)


def _names(names: list[str]) -> str:
    """'A and B', or 'Cheshire and Warrington, and London' when a name holds an 'and'."""
    if len(names) > 1 and any(" and " in n for n in names):
        return f"{', '.join(names[:-1])}, and {names[-1]}"
    return listing(names)


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _opens_sentence(title: Callable[..., str]) -> Callable[..., str]:
    """A title is a sentence: its first letter is a capital, whatever name it starts with."""

    @wraps(title)
    def capitalised(*args, **kwargs) -> str:
        return _sentence(title(*args, **kwargs))

    return capitalised


def _share_of(ind: Indicator) -> str:
    """'share of employers offering work placements', or 'GVA per head figure'."""
    if ind.verb.startswith("offered "):
        return f"share of employers offering {ind.verb.removeprefix('offered ')}"
    return f"{ind.short} figure"


def _against_bench(dataset: Dataset, value: float, indicator: str) -> str:
    bench = dataset.benchmark(indicator)
    if bench is None:
        return ""
    return f", {gap(value, bench.value, dataset.indicator(indicator).format, bench.area)}"


@_opens_sentence
def area_title(dataset: Dataset, area: str, indicator: str) -> str:
    """Where one area stands on one measure, in the form its figure was published."""
    ind = dataset.indicator(indicator)
    ev = dataset.evidence(area, indicator)
    name = _name(dataset, area)
    if ev.kind == "value":
        value = ev.fact.value
        place = standing(dataset, area, indicator)
        if place.named:
            verb = "has the joint" if place.joint else "has the"
            return f"{name} {verb} {place.named} {_share_of(ind)} ({amount(value, ind.format)})"
        if place.complete:
            joint = "joint " if place.tied else ""
            return f"{name} ranks {joint}{ordinal(place.position)} of {place.out_of} LEPs on {ind.short} ({amount(value, ind.format)})"
        return f"{name}: {amount(value, ind.format)} on {ind.short}{_against_bench(dataset, value, indicator)}"
    if ev.kind == "band":
        band = f"{name}'s published band on {ind.short}, {span(ev.fact.low, ev.fact.high, ind.format)},"
        bench = dataset.benchmark(indicator)
        if bench is None:
            return f"{band} is a range, not an exact figure"
        england = f"{bench.area} ({amount(bench.value, ind.format)})"
        if ev.fact.low > bench.value:
            return f"{band} lies above {england}"
        if ev.fact.high < bench.value:
            return f"{band} lies below {england}"
        return f"{band} spans {england}"
    if ev.kind == "relation":
        return f"{name} is named {ev.fact.relation} on {ind.short}, but no figure is published"
    return f"No {ind.short} figure is published for {name}"


@_opens_sentence
def rank_title(
    dataset: Dataset, indicator: str, shown: list[Fact], descending: bool, threshold: str = ""
) -> str:
    """Who leads the ranking; with a threshold, how many LEPs pass it."""
    ind = dataset.indicator(indicator)
    if threshold:
        count = len(shown)
        return f"{count} LEP{'s' if count != 1 else ''} with an exact figure {'are' if count != 1 else 'is'} {threshold} on {ind.short}"
    if not shown:
        return f"{_sentence(ind.short)} by LEP: no exact figures to rank"
    leaders = [f for f in shown if f.value == shown[0].value]
    end = "highest" if descending else "lowest"
    names = _names([_name(dataset, f.area) for f in leaders])
    verb = "have the joint" if len(leaders) > 1 else "has the"
    exact = len(dataset.lep_values(indicator))
    named = all(standing(dataset, f.area, indicator).named == end for f in leaders)
    if dataset.complete(indicator) or named:
        return f"{names} {verb} {end} {_share_of(ind)} ({amount(leaders[0].value, ind.format)})"
    return (
        f"{names} {verb} {end} {_share_of(ind)} among the {exact} LEPs with exact "
        f"figures ({amount(leaders[0].value, ind.format)})"
    )


@_opens_sentence
def compare_title(dataset: Dataset, areas: tuple[str, ...], indicator: str) -> str:
    """The gap between two areas, or who leads among several, on the first measure."""
    ind = dataset.indicator(indicator)
    values = [f for a in areas if (f := dataset.evidence(a, indicator).fact) and f.kind == "value"]
    names = listing([_name(dataset, a) for a in areas])
    if len(values) < 2:
        return _ranges_title(dataset, areas, indicator) or f"{names} on {ind.short}"
    ordered = sorted(values, key=lambda f: -f.value)
    top, bottom = ordered[0], ordered[-1]
    if top.value == bottom.value:
        return f"{_names([_name(dataset, f.area) for f in ordered])} are level on {ind.short} ({amount(top.value, ind.format)})"
    if len(values) == 2:
        return f"{_name(dataset, top.area)} is {gap(top.value, bottom.value, ind.format, _name(dataset, bottom.area))} on {ind.short}"
    return f"{_name(dataset, top.area)} has the highest {_share_of(ind)} of the {len(values)} areas compared ({amount(top.value, ind.format)})"


def _ranges_title(dataset: Dataset, areas: tuple[str, ...], indicator: str) -> str:
    """Two areas, one or both with a band: which is higher, only when the ranges do not overlap."""
    ind = dataset.indicator(indicator)
    facts = [dataset.evidence(a, indicator).fact for a in areas]
    if len(areas) != 2 or any(f is None or f.kind not in ("value", "band") for f in facts):
        return ""

    def ends(fact: Fact) -> tuple[float, float]:
        return (fact.value, fact.value) if fact.kind == "value" else (fact.low, fact.high)

    def said(fact: Fact) -> str:
        shown = (
            amount(fact.value, ind.format)
            if fact.kind == "value"
            else f"band {span(*ends(fact), ind.format)}"
        )
        return f"{_name(dataset, fact.area)} ({shown})"

    high, low = sorted(facts, key=lambda f: -ends(f)[0])
    if ends(high)[0] <= ends(low)[1]:
        return f"{said(high)} and {said(low)} overlap on {ind.short}"
    return f"{said(high)} is above {said(low)} on {ind.short}"


@_opens_sentence
def spread_title(dataset: Dataset, indicator: str, facts: list[Fact], by: str = "") -> str:
    """Two groups: the gap between them. More (sectors): the highest and the lowest."""
    ind = dataset.indicator(indicator)
    facts = [f for f in facts if f.value is not None]

    if len(facts) == 2:
        first, second = sorted(facts, key=lambda f: -f.value)
        return (
            f"{_sentence(ind.short)}{by}: {first.label} ({amount(first.value, ind.format)}) is "
            f"{gap(first.value, second.value, ind.format, f'{second.label} ({amount(second.value, ind.format)})')}"
        )
    ordered = sorted(facts, key=lambda f: -f.value)
    return (
        f"{_sentence(ind.short)}{by}: highest in {ordered[0].label} ({amount(ordered[0].value, ind.format)}), "
        f"lowest in {ordered[-1].label} ({amount(ordered[-1].value, ind.format)})"
    )


def _r(fit: Fit) -> str:
    return f"r = {fit.r:.2f}, n = {fit.n}".replace("-", "−")


@_opens_sentence
def relation_title(dataset: Dataset, x: str, y: str, fit: Fit) -> str:
    """Which way the two measures move together across LEPs, with r and n."""
    xi, yi = dataset.indicator(x), dataset.indicator(y)
    if abs(fit.r) < 0.1:
        return f"No clear link between {yi.short} and {xi.short} across LEPs ({_r(fit)})"
    way = "higher" if fit.r > 0 else "lower"
    return f"Areas with higher {xi.short} tend to have a {way} {_share_of(yi)} ({_r(fit)})"


@_opens_sentence
def outlier_title(dataset: Dataset, y: str, above: str | None, below: str | None, fit: Fit) -> str:
    """The areas furthest above and below the fitted line."""
    ends = []
    if above:
        ends.append(f"{_name(dataset, above)} is furthest above the trend")
    if below:
        ends.append(f"{_name(dataset, below)} furthest below")
    what = ", ".join(ends) if ends else "no area stands out from the trend"
    return f"{_sentence(dataset.indicator(y).short)}: {what} ({_r(fit)})"


@_opens_sentence
def profile_title(dataset: Dataset, area: str) -> str:
    """Which of the area's shares sit above and below England's (a band only when wholly)."""
    name = _name(dataset, area)
    sides: dict[str, list[str]] = {"above": [], "below": [], "level with": [], "around": []}
    for ind in dataset.indicators:
        ev, bench = dataset.evidence(area, ind.id), dataset.benchmark(ind.id)
        if not ind.is_share or ev.kind not in ("value", "band") or bench is None:
            continue
        low, high = (
            (ev.fact.value, ev.fact.value) if ev.kind == "value" else (ev.fact.low, ev.fact.high)
        )
        if low > bench.value:
            sides["above"].append(ind.short)
        elif high < bench.value:
            sides["below"].append(ind.short)
        else:
            sides["level with" if low == high else "around"].append(ind.short)
    said = [f"{side} on {_few(measures)}" for side, measures in sides.items() if measures]
    if not said:
        return f"{name} against England"
    first, *rest = said
    first = first.replace(" on ", " England on ", 1)
    return f"{name} is {listing([first, *rest])}"


def _few(measures: list[str]) -> str:
    return listing(measures) if len(measures) < 3 else f"{len(measures)} measures"
