"""Chart specs built from the data: handlers describe the picture, bot/charts draws it.

A bar exists only for an exact published figure; bands are drawn as ranges and named highs and
lows go into a note, so the picture never implies a number that is not published.
"""

from __future__ import annotations

import re

from intents.dataset.model import Dataset, Evidence
from intents.dataset.stats import Fit
from intents.dataset.units import amount, span
from intents.replies.answer import Bar, ChartSpec, Point
from intents.replies.wording import cite, listing

LONG_NAME = 32  # longer LEP names are drawn by their acronym (D2N2, GCGP) so labels fit
ACRONYM = re.compile(r"[A-Z0-9]{3,6}")
RELATION_ORDER = ("highest", "high", "low", "lowest")
BANDS_NOTE = "Hatched ranges are published heat-map bands, not exact figures"


def _source_line(dataset: Dataset, source_ids) -> str:
    return f"Source: {cite(dataset, source_ids)}"


def _bench(dataset: Dataset, indicator: str) -> tuple[str, float] | None:
    bench = dataset.benchmark(indicator)
    return (bench.area, bench.value) if bench else None


def short_name(dataset: Dataset, area: str) -> str:
    """The name drawn on the chart: the canonical one unless too long for an axis label."""
    if len(area) <= LONG_NAME or area not in dataset.lep_names:
        return area
    return next((a for a in dataset.area(area).aliases if ACRONYM.fullmatch(a)), area)


def _shown(bar: Bar, ind) -> str:
    if bar.value is not None:
        return amount(bar.value, ind.format)
    if bar.low is not None:
        return span(bar.low, bar.high, ind.format)
    return "no published figure"


def _figure_bar(label: str, ev: Evidence, highlight: bool) -> Bar:
    """A bar for an exact value, a range for a band, and an empty bar (drawn as nothing) else."""
    fact = ev.fact
    if ev.kind == "value":
        return Bar(label, value=fact.value, highlight=highlight)
    if ev.kind == "band":
        return Bar(label, low=fact.low, high=fact.high, highlight=highlight)
    return Bar(label)


def lep_bars(
    dataset: Dataset, indicator: str, highlight: tuple[str, ...], title: str
) -> ChartSpec | None:
    """Every LEP with an exact figure, sorted; bands as ranges; relations in notes."""
    ind = dataset.indicator(indicator)
    described, sources = [], []
    named: dict[str, list[str]] = {}
    for ev in dataset.lep_evidence(indicator):
        if ev.kind in ("value", "band"):
            described.append(
                (ev.area, _figure_bar(short_name(dataset, ev.area), ev, ev.area in highlight))
            )
        elif ev.kind == "relation":
            named.setdefault(ev.fact.relation, []).append(ev.area)
        else:
            continue
        sources.append(ev.fact.source)
    if len(described) < 2:
        return None

    def middle(item: tuple[str, Bar]) -> float:
        bar = item[1]
        return bar.value if bar.value is not None else (bar.low + bar.high) / 2

    described.sort(key=middle, reverse=True)  # highest first: drawn from the top
    bars = [bar for _, bar in described]
    bench = _bench(dataset, indicator)
    if bench:
        sources.append(dataset.benchmark(indicator).source)
    notes = [
        f"No figure, named {relation}: {listing(named[relation])}"
        for relation in RELATION_ORDER
        if relation in named
    ]
    if any(b.low is not None for b in bars):
        notes.insert(0, BANDS_NOTE)
    shown = "; ".join(f"{area} {_shown(bar, ind)}" for area, bar in described)
    return ChartSpec(
        kind="bars",
        title=title,
        unit=ind.unit,
        format=ind.format,
        source=_source_line(dataset, sources),
        alt_text=f"Bar chart of {ind.short} by LEP: {shown}."
        + (f" {bench[0]}: {amount(bench[1], ind.format)}." if bench else ""),
        bars=tuple(bars),
        reference=bench,
        notes=tuple(notes),
    )


def compare_bars(
    dataset: Dataset, areas: tuple[str, ...], indicators: tuple[str, ...], title: str
) -> ChartSpec | None:
    """Per measure, the named areas side by side with the benchmark as a grey bar.

    One axis carries one unit, so measures in another unit than the first are left out (and
    said so). An area without a figure keeps an empty Bar so every series has the same length;
    it is drawn as nothing, and the note says what the data holds for it instead.
    """
    unit = dataset.indicator(indicators[0]).unit
    evidence = {i: [dataset.evidence(a, i) for a in areas] for i in indicators}
    drawn = [
        i
        for i in indicators
        if dataset.indicator(i).unit == unit
        and any(ev.kind in ("value", "band") for ev in evidence[i])
    ]
    if not drawn:
        return None
    benches = {i: dataset.benchmark(i) for i in drawn}
    bars, sources, described, notes = [], [], [], []
    for indicator in indicators:
        ind, missing = dataset.indicator(indicator), []
        for area, ev in zip(areas, evidence[indicator], strict=True):
            if ev.kind == "relation":
                missing.append(f"{area} (named {ev.fact.relation})")
            elif ev.kind not in ("value", "band"):
                missing.append(area)
            if ev.fact is not None and ind.unit == unit:
                sources.append(ev.fact.source)
            if indicator in drawn:
                bar = _figure_bar(short_name(dataset, area), ev, highlight=True)
                bars.append(bar)
                described.append(f"{area} {_shown(bar, ind)}")
        if missing and ind.unit == unit:
            notes.append(f"No {ind.short} figure: {listing(missing)}")
        if indicator in drawn and any(benches.values()):
            bench = benches[indicator]
            bars.append(Bar(bench.area, value=bench.value) if bench else Bar("England"))
            if bench:
                sources.append(bench.source)
                described.append(f"{bench.area} {amount(bench.value, ind.format)}")
    if any(b.low is not None for b in bars):
        notes.insert(0, BANDS_NOTE)
    skipped = [dataset.indicator(i).short for i in indicators if dataset.indicator(i).unit != unit]
    if skipped:
        notes.append(f"Not drawn (another unit): {listing(skipped)}")
    shorts = [dataset.indicator(i).short for i in drawn]
    return ChartSpec(
        kind="compare",
        title=title,
        unit=unit,
        format=dataset.indicator(indicators[0]).format,
        source=_source_line(dataset, sources),
        alt_text=f"Bars comparing {listing(shorts)}: {'; '.join(described)}.",
        bars=tuple(bars),
        series=tuple(shorts),
        notes=tuple(notes),
    )


def scatter(
    dataset: Dataset,
    x: str,
    y: str,
    fit: Fit,
    labelled: tuple[str, ...],
    highlight: tuple[str, ...],
    title: str,
) -> ChartSpec:
    xs, ys = dataset.lep_values(x), dataset.lep_values(y)
    points = tuple(
        Point(
            short_name(dataset, area),
            xs[area].value,
            ys[area].value,
            highlight=area in highlight,
            labelled=area in labelled or area in highlight,
        )
        for area in dataset.lep_names
        if area in xs and area in ys
    )
    xi, yi = dataset.indicator(x), dataset.indicator(y)
    bench_x, bench_y = dataset.benchmark(x), dataset.benchmark(y)
    reference = (
        ("England", bench_x.value, bench_y.value)
        if bench_x and bench_y and bench_x.area == bench_y.area == "England"
        else None
    )
    sources = [f.source for f in (*xs.values(), *ys.values())]
    return ChartSpec(
        kind="scatter",
        title=title,
        unit=yi.unit,
        format=yi.format,
        source=_source_line(dataset, sources),
        alt_text=(
            f"Scatter of {yi.short} against {xi.short} for {fit.n} LEPs, r = {fit.r:.2f}; "
            f"labelled: {listing(sorted(set(labelled) | set(highlight)))}."
        ),
        points=points,
        x_label=f"{xi.label}: {xi.unit}",
        y_label=f"{yi.label}: {yi.unit}",
        fit=(fit.slope, fit.intercept),
        reference_point=reference,
    )


def group_bars(dataset: Dataset, facts, indicator: str, title: str) -> ChartSpec | None:
    """Groups or sectors the question is about, each an exact national figure."""
    facts = [f for f in facts if f.value is not None]
    if len(facts) < 2:
        return None
    ind = dataset.indicator(indicator)
    bench = _bench(dataset, indicator)
    labels = [f.label for f in facts]
    return ChartSpec(
        kind="groups",
        title=title,
        unit=ind.unit,
        format=ind.format,
        source=_source_line(dataset, [f.source for f in facts]),
        alt_text="Bars: "
        + "; ".join(
            f"{label} {amount(f.value, ind.format)}" for label, f in zip(labels, facts, strict=True)
        )
        + (f". {bench[0]}: {amount(bench[1], ind.format)}." if bench else "."),
        bars=tuple(
            Bar(label, value=f.value, highlight=True)
            for label, f in zip(labels, facts, strict=True)
        ),
        reference=bench if bench and bench[0] not in labels else None,
    )


def profile_dots(dataset: Dataset, area: str, title: str) -> ChartSpec | None:
    """The area's percentage figures against the benchmark, one row per measure.

    Bars carry the area's figure (a value, or a band as a range), Points the benchmark on the
    same row (x); series names the two, so the drawer can say which dot is which.
    """
    bars, points, sources, described, uk = [], [], [], [], []
    for ind in dataset.indicators:
        ev = dataset.evidence(area, ind.id)
        bench = dataset.benchmark(ind.id)
        if not ind.is_share or ev.kind not in ("value", "band") or bench is None:
            continue
        bar = _figure_bar(ind.short, ev, highlight=True)
        bars.append(bar)
        points.append(Point(ind.short, bench.value, 0.0))
        sources += [ev.fact.source, bench.source]
        described.append(
            f"{ind.short} {_shown(bar, ind)} vs {bench.area} {amount(bench.value, ind.format)}"
        )
        if bench.area != "England":
            uk.append(ind.short)
    if not bars:
        return None
    notes = [f"UK figure where England's is not published: {listing(uk)}"] if uk else []
    if any(b.low is not None for b in bars):
        notes.insert(0, BANDS_NOTE)
    return ChartSpec(
        kind="profile",
        title=title,
        unit="% (each measure on its own base)",
        format="percent",
        source=_source_line(dataset, sources),
        alt_text=f"{area} against England: {'; '.join(described)}.",
        bars=tuple(bars),
        points=tuple(points),
        series=(short_name(dataset, area), "England"),
        notes=tuple(notes),
    )
