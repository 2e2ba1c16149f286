"""Columns side by side: the named areas on one or more measures (compare), England in grey.

Bars come in series (one per measure, the same areas in the same order); an empty Bar marks an
area without a figure on that measure and takes no slot, so nothing looks like a zero.
"""

from __future__ import annotations

from matplotlib.figure import Figure

from bot.render.charts.canvas import EDGE_PX, blank
from bot.render.charts.style import (
    ACCENT,
    ACCENT_LIGHT,
    BAND_HATCH,
    INK,
    LABEL_PT,
    MUTED,
    OTHER,
    SMALL_PT,
    WIDTH_PX,
    line_height_px,
)
from bot.render.charts.text_layer import text_width_px, wrap
from intents.dataset.units import compact, span
from intents.replies.answer import Bar, ChartSpec

COLUMN_WIDTH = 0.7
GROUP_GAP = 0.8  # empty slots between measures
RIGHT_PX = 24
SLOT_PX = 130  # at most this wide per column, so two columns do not become slabs


def _slots(spec: ChartSpec) -> tuple[list[tuple[float, Bar]], list[tuple[float, str]]]:
    """(x, bar) for every bar with a figure, and (centre, measure) for each series."""
    series = spec.series or ("",)
    per = len(spec.bars) // len(series)
    slots, centres, x = [], [], 0.0
    for i, name in enumerate(series):
        drawn = [
            b
            for b in spec.bars[i * per : (i + 1) * per]
            if b.value is not None or b.low is not None
        ]
        slots += [(x + j, bar) for j, bar in enumerate(drawn)]
        centres.append((x + (len(drawn) - 1) / 2, name))
        x += len(drawn) + GROUP_GAP
    return slots, centres


def draw_columns(spec: ChartSpec) -> Figure:
    slots, centres = _slots(spec)
    slots_wide = slots[-1][0] + 1
    left_px = EDGE_PX + text_width_px(compact(100, spec.format), SMALL_PT) + 8
    slot_px = min(SLOT_PX, (WIDTH_PX - left_px - RIGHT_PX) / slots_wide)
    spare = ((WIDTH_PX - left_px - RIGHT_PX) / slot_px - slots_wide) / 2
    size = LABEL_PT if slot_px >= 80 else SMALL_PT
    names = [wrap(bar.label, slot_px - 8, size, bar.highlight) for _, bar in slots]
    lines = max(len(n) for n in names)
    below_px = (
        6 + lines * line_height_px(size) + (line_height_px(LABEL_PT) + 4 if len(centres) > 1 else 0)
    )
    chart = blank(spec, left_px, RIGHT_PX, below_px=below_px, above_px=16)
    axes = chart.axes
    _, bottom, _, top = chart.box()

    ends = [bar.value if bar.value is not None else bar.high for _, bar in slots]
    axes.set_ylim(0, max(ends) * (top - bottom) / (top - bottom - 2 * line_height_px(size)))
    axes.set_xlim(-0.5 - spare, slots_wide - 0.5 + spare)
    for (x, bar), name in zip(slots, names, strict=True):
        colour = ACCENT if bar.highlight else OTHER
        left = x - COLUMN_WIDTH / 2
        if bar.value is not None:
            chart.rect(left, 0, COLUMN_WIDTH, bar.value, f"bar:{bar.label}", color=colour)
            text = compact(bar.value, spec.format)
        else:
            chart.rect(
                left,
                bar.low,
                COLUMN_WIDTH,
                bar.high - bar.low,
                f"band:{bar.label}",
                facecolor=ACCENT_LIGHT,
                edgecolor=colour,
                hatch=BAND_HATCH,
                linewidth=0.6,
            )
            text = span(bar.low, bar.high, spec.format, on_chart=True)
        ink = ACCENT if bar.highlight else INK
        cx, cy = chart.at(x, bar.value if bar.value is not None else bar.high)
        chart.text.add(text, cx, cy + 3, size, ink, bar.highlight, ha="center", va="bottom")
        chart.text.add(
            "\n".join(name), cx, bottom - 6, size, ink, bar.highlight, ha="center", va="top"
        )
    if len(centres) > 1:
        y = bottom - 6 - lines * line_height_px(size) - 4
        for centre, measure in centres:
            chart.text.add(
                measure, chart.at(centre, 0)[0], y, LABEL_PT, MUTED, True, ha="center", va="top"
            )
    chart.y_axis(spec.format, spec.unit)
    return chart.figure
