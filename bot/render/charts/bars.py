"""Horizontal bars: LEPs on a measure (value, rank) and groups or sectors (groups, breakdown).

An exact value is a bar from zero; a published band is a hatched range from its low to its
high end, never a bar from zero, so the picture implies no number that was not published.
Each bar's gid names it ("bar:Humber", "band:Dorset") so tests can check what was drawn.
"""

from __future__ import annotations

from matplotlib.figure import Figure

from bot.render.charts.canvas import AXIS_PX, EDGE_PX, Chart, blank
from bot.render.charts.style import (
    ACCENT,
    ACCENT_LIGHT,
    BAND_HATCH,
    BENCHMARK,
    DENSE_BARS,
    DENSE_PT,
    INK,
    LABEL_PT,
    OTHER,
    OTHER_LIGHT,
    SMALL_PT,
    WIDTH_PX,
)
from bot.render.charts.text_layer import text_width_px, wrap
from intents.dataset.units import Format, compact, span
from intents.replies.answer import Bar, ChartSpec

BAR_HEIGHT = 0.72
GAP_PX = 4  # between a bar's end and its value, and between a name and the axis
NAME_PX = 190  # names wider than this wrap onto a second line (when there is room)
ROW_PX = 46  # at most this much height per bar, so two bars do not become slabs


def _end(bar: Bar) -> float:
    return bar.value if bar.value is not None else bar.high


def _text(bar: Bar, fmt: Format) -> str:
    if bar.value is not None:
        return compact(bar.value, fmt)
    return span(bar.low, bar.high, fmt, on_chart=True)


def draw_bars(spec: ChartSpec) -> Figure:
    """Bars in the spec's order from the top, values at their ends, the benchmark as a line."""
    bars = [b for b in spec.bars if b.value is not None or b.low is not None]
    size = DENSE_PT if len(bars) > DENSE_BARS else LABEL_PT
    names = [
        b.label
        if len(bars) > DENSE_BARS
        else "\n".join(wrap(b.label, NAME_PX, size, b.highlight, 2))
        for b in bars
    ]
    texts = [_text(b, spec.format) for b in bars]
    name_px = max(text_width_px(n, size, b.highlight) for n, b in zip(names, bars, strict=True))
    left_px = min(0.4 * WIDTH_PX, EDGE_PX + name_px + 2 * GAP_PX)
    chart = blank(spec, left_px, below_px=AXIS_PX, above_px=14 if spec.reference else 0)
    axes = chart.axes
    left, bottom, right, top = chart.box()

    # The x range leaves each value label room after its bar.
    width_px = right - left
    x_max = max(
        _end(b) * width_px / (width_px - GAP_PX - text_width_px(t, size, b.highlight))
        for b, t in zip(bars, texts, strict=True)
    )
    if spec.reference:
        x_max = max(x_max, spec.reference[1] * 1.08)
    spare = max(0.0, (top - bottom) / ROW_PX - len(bars)) / 2
    axes.set_xlim(0, x_max)
    axes.set_ylim(len(bars) - 0.4 + spare, -0.6 - spare)  # first bar on top
    _draw_bars(chart, bars)

    for row, (bar, name, text) in enumerate(zip(bars, names, texts, strict=True)):
        colour = ACCENT if bar.highlight else INK
        x, y = chart.at(_end(bar), row)
        chart.text.add(name, left - 2 * GAP_PX, y, size, colour, bar.highlight, ha="right")
        chart.text.add(text, x + GAP_PX, y, size, colour, bar.highlight, knockout=True)
    chart.x_axis(spec.format, spec.unit)
    if spec.reference:
        name, value = spec.reference
        axes.axvline(value, color=BENCHMARK, linestyle=(0, (4, 2)), linewidth=1.3, zorder=3)
        label = f"{name} {compact(value, spec.format)}"
        x, _ = chart.at(value, 0)
        chart.text.add(label, x, top + 3, SMALL_PT, BENCHMARK, True, ha="center", va="bottom")
    return chart.figure


def _draw_bars(chart: Chart, bars: list[Bar]) -> None:
    for row, bar in enumerate(bars):
        colour = ACCENT if bar.highlight else OTHER
        top = row - BAR_HEIGHT / 2
        if bar.value is not None:
            chart.rect(0, top, bar.value, BAR_HEIGHT, f"bar:{bar.label}", color=colour)
        else:
            light = ACCENT_LIGHT if bar.highlight else OTHER_LIGHT
            chart.rect(
                bar.low,
                top,
                bar.high - bar.low,
                BAR_HEIGHT,
                f"band:{bar.label}",
                facecolor=light,
                edgecolor=colour,
                hatch=BAND_HATCH,
                linewidth=0.6,
            )
