"""A dot plot: one area against England, a row per measure (profile).

The area's figure is an accent dot (a published band is a hatched range); England's is an
orange diamond on the same row, joined by a thin line so the gap reads at a glance.
"""

from __future__ import annotations

from matplotlib.figure import Figure

from bot.render.charts.canvas import AXIS_PX, EDGE_PX, blank
from bot.render.charts.style import (
    ACCENT,
    ACCENT_LIGHT,
    BAND_HATCH,
    BENCHMARK,
    INK,
    LABEL_PT,
    MUTED,
)
from bot.render.charts.text_layer import text_width_px, wrap
from intents.dataset.units import compact, span
from intents.replies.answer import ChartSpec

NAME_PX = 170
GAP_PX = 8
ROW_PX = 80  # at most this far apart, so two measures do not drift to the edges


def draw_dots(spec: ChartSpec) -> Figure:
    area, bench_name = spec.series or ("", "England")
    names = ["\n".join(wrap(bar.label, NAME_PX, LABEL_PT)) for bar in spec.bars]
    left_px = EDGE_PX + max(text_width_px(n, LABEL_PT) for n in names) + 2 * GAP_PX
    chart = blank(spec, left_px, right_px=40, below_px=AXIS_PX, above_px=18)
    axes = chart.axes
    left, bottom, right, top = chart.box()
    rows = len(spec.bars)
    spare = max(0.0, (top - bottom) / ROW_PX - rows) / 2
    axes.set_ylim(rows - 0.5 + spare, -0.5 - spare)  # first measure on top
    ends = [
        max(p.x, b.value if b.value is not None else b.high)
        for b, p in zip(spec.bars, spec.points, strict=True)
    ]
    axes.set_xlim(0, max(ends) * 1.18)

    for row, (bar, point, name) in enumerate(zip(spec.bars, spec.points, names, strict=True)):
        ours = bar.value if bar.value is not None else (bar.low + bar.high) / 2
        axes.plot([ours, point.x], [row, row], color=MUTED, linewidth=1, zorder=2)
        if bar.value is not None:
            axes.scatter([bar.value], [row], s=90, color=ACCENT, zorder=3, gid=f"dot:{bar.label}")
            ours_text = compact(bar.value, spec.format)
        else:
            chart.rect(
                bar.low,
                row - 0.15,
                bar.high - bar.low,
                0.3,
                f"band:{bar.label}",
                facecolor=ACCENT_LIGHT,
                edgecolor=ACCENT,
                hatch=BAND_HATCH,
                linewidth=0.6,
            )
            ours_text = span(bar.low, bar.high, spec.format, on_chart=True)
        axes.scatter([point.x], [row], s=60, marker="D", color=BENCHMARK, zorder=4, gid="england")
        ours_end = (
            bar.value if bar.value is not None else (bar.high if ours >= point.x else bar.low)
        )
        ours_right = ours >= point.x  # each label goes on the outer side of its dot
        x, y = chart.at(ours_end, row)
        chart.text.add(
            ours_text,
            x + (GAP_PX if ours_right else -GAP_PX),
            y,
            LABEL_PT,
            ACCENT,
            True,
            ha="left" if ours_right else "right",
        )
        x, _ = chart.at(point.x, row)
        chart.text.add(
            compact(point.x, spec.format),
            x + (-GAP_PX if ours_right else GAP_PX),
            y,
            LABEL_PT,
            BENCHMARK,
            True,
            ha="right" if ours_right else "left",
        )
        chart.text.add(name, left - 2 * GAP_PX, y, LABEL_PT, INK, ha="right")

    key_y = top + 4
    x = right
    for text, colour in ((f"◆ {bench_name}", BENCHMARK), (f"● {area}", ACCENT)):
        chart.text.add(text, x, key_y, LABEL_PT, colour, True, ha="right", va="bottom")
        x -= text_width_px(text, LABEL_PT, True) + 14
    chart.x_axis(spec.format, spec.unit)
    return chart.figure
