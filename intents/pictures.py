"""Chart specs built from the data: handlers describe the picture, bot/charts draws it.

A bar exists only for an exact published figure; bands are drawn as ranges and named highs and
lows go into a note, so the picture never implies a number that is not published.
"""

from __future__ import annotations

from intents.answer import Bar, ChartSpec, Point
from intents.dataset import Dataset
from intents.phrasing import amount, cite, listing, span
from intents.stats import Fit


def _source_line(dataset: Dataset, source_ids) -> str:
    return f"Source: {cite(dataset, source_ids)}"


def _bench(dataset: Dataset, indicator: str) -> tuple[str, float] | None:
    bench = dataset.benchmark(indicator)
    return (bench.area, bench.value) if bench else None


def lep_bars(
    dataset: Dataset, indicator: str, highlight: tuple[str, ...], title: str
) -> ChartSpec | None:
    """Every LEP with an exact figure, sorted; bands as ranges; relations in notes."""
    ind = dataset.indicator(indicator)
    bars, notes, sources = [], [], []
    named: dict[str, list[str]] = {}
    for ev in dataset.lep_evidence(indicator):
        fact = ev.fact
        if ev.kind == "value":
            bars.append(Bar(ev.area, value=fact.value, highlight=ev.area in highlight))
        elif ev.kind == "band":
            bars.append(Bar(ev.area, low=fact.low, high=fact.high, highlight=ev.area in highlight))
        elif ev.kind == "relation":
            named.setdefault(fact.relation, []).append(ev.area)
        else:
            continue
        sources.append(fact.source)
    if len(bars) < 2:
        return None
    bars.sort(key=lambda b: b.value if b.value is not None else (b.low + b.high) / 2)
    bench = _bench(dataset, indicator)
    if bench:
        sources.append(dataset.benchmark(indicator).source)
    for relation, areas in named.items():
        notes.append(f"No figure, named {relation}: {listing(areas)}")
    if any(b.low is not None for b in bars):
        notes.insert(0, "Ranges are published heat-map bands, not exact figures")
    shown = "; ".join(
        f"{b.label} {amount(b.value, ind) if b.value is not None else span(b.low, b.high, ind)}"
        for b in reversed(bars)
    )
    return ChartSpec(
        kind="bars",
        title=title,
        unit=ind.unit,
        source=_source_line(dataset, sources),
        alt_text=f"Bar chart of {ind.short} by LEP: {shown}."
        + (f" {bench[0]}: {amount(bench[1], ind)}." if bench else ""),
        bars=tuple(bars),
        reference=bench,
        notes=tuple(notes),
    )


def compare_bars(
    dataset: Dataset, areas: tuple[str, ...], indicators: tuple[str, ...], title: str
) -> ChartSpec | None:
    bars, sources = [], []
    for indicator in indicators:
        for area in areas:
            ev = dataset.evidence(area, indicator)
            fact = ev.fact
            if ev.kind == "value":
                bars.append(Bar(area, value=fact.value, highlight=True))
            elif ev.kind == "band":
                bars.append(Bar(area, low=fact.low, high=fact.high, highlight=True))
            else:
                bars.append(Bar(area))
            if fact is not None:
                sources.append(fact.source)
    if sum(1 for b in bars if b.value is not None or b.low is not None) < 1:
        return None
    ind = dataset.indicator(indicators[0])
    bench = _bench(dataset, indicators[0]) if len(indicators) == 1 else None
    described = "; ".join(
        f"{b.label} {amount(b.value, ind) if b.value is not None else span(b.low, b.high, ind) if b.low is not None else 'no published figure'}"
        for b in bars
    )
    missing = [b.label for b in bars if b.value is None and b.low is None]
    return ChartSpec(
        kind="compare",
        title=title,
        unit=ind.unit,
        source=_source_line(dataset, sources),
        alt_text=f"Bars comparing {listing([dataset.indicator(i).short for i in indicators])}: {described}.",
        bars=tuple(bars),
        series=tuple(dataset.indicator(i).short for i in indicators),
        reference=bench,
        notes=(f"No published figure: {listing(sorted(set(missing)))}",) if missing else (),
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
            area,
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
        source=_source_line(dataset, sources),
        alt_text=(
            f"Scatter of {yi.short} against {xi.short} for {fit.n} LEPs, r = {fit.r:.2f}; "
            f"labelled: {listing(sorted(set(labelled) | set(highlight)))}."
        ),
        points=points,
        x_label=f"{xi.label} ({xi.unit})",
        y_label=f"{yi.label} ({yi.unit})",
        fit=(fit.slope, fit.intercept),
        reference_point=reference,
    )


def group_bars(dataset: Dataset, facts, indicator: str, title: str) -> ChartSpec | None:
    facts = [f for f in facts if f.value is not None]
    if len(facts) < 2:
        return None
    ind = dataset.indicator(indicator)
    bench = _bench(dataset, indicator)
    labels = [f.breakdown.split(": ", 1)[-1] if f.breakdown else f.area for f in facts]
    return ChartSpec(
        kind="groups",
        title=title,
        unit=ind.unit,
        source=_source_line(dataset, [f.source for f in facts]),
        alt_text="Bars: "
        + "; ".join(
            f"{label} {amount(f.value, ind)}" for label, f in zip(labels, facts, strict=True)
        )
        + (f". {bench[0]}: {amount(bench[1], ind)}." if bench else "."),
        bars=tuple(Bar(label, value=f.value) for label, f in zip(labels, facts, strict=True)),
        reference=bench if bench and bench[0] not in labels else None,
    )


def profile_dots(dataset: Dataset, area: str, title: str) -> ChartSpec | None:
    """The area's percentage figures against England, one row per measure."""
    bars, points, sources = [], [], []
    for ind in dataset.indicators:
        ev = dataset.evidence(area, ind.id)
        bench = dataset.benchmark(ind.id)
        if not ind.is_share or ev.kind not in ("value", "band") or bench is None:
            continue
        fact = ev.fact
        bars.append(Bar(ind.short, value=fact.value, low=fact.low, high=fact.high, highlight=True))
        points.append(Point(ind.short, bench.value, 0.0))
        sources += [fact.source, bench.source]
    if not bars:
        return None
    return ChartSpec(
        kind="profile",
        title=title,
        unit="% of employers",
        source=_source_line(dataset, sources),
        alt_text=f"{area} against England: "
        + "; ".join(
            f"{b.label} {amount(b.value, dataset.indicators[0]) if b.value is not None else span(b.low, b.high, dataset.indicators[0])} vs England {p.x:g}%"
            for b, p in zip(bars, points, strict=True)
        ),
        bars=tuple(bars),
        points=tuple(points),
        notes=("Dots: England",),
    )
