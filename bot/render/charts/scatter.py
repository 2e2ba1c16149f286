"""A scatter of two measures across LEPs, with the fitted line (relationship, outliers).

Asked areas are accent dots, outliers are labelled, England is an orange diamond. Labels are
placed by a small greedy search over positions around each point, using measured label sizes,
so they do not sit on each other or on other points.
"""

from __future__ import annotations

from matplotlib.figure import Figure

from bot.render.charts.canvas import AXIS_PX, EDGE_PX, Chart, blank
from bot.render.charts.style import (
    ACCENT,
    BENCHMARK,
    INK,
    MUTED,
    OTHER,
    SMALL_PT,
    line_height_px,
)
from bot.render.charts.text_layer import text_width_px
from intents.dataset.units import compact
from intents.replies.answer import ChartSpec

PAD = 0.07  # of each axis range, around the points
POINT_PX = 5
# (dx, dy, ha, va) around a point: right, left, above, below and the four diagonals.
PLACES = (
    (7, 0, "left", "center"),
    (-7, 0, "right", "center"),
    (0, 7, "center", "bottom"),
    (0, -7, "center", "top"),
    (6, 5, "left", "bottom"),
    (-6, 5, "right", "bottom"),
    (6, -5, "left", "top"),
    (-6, -5, "right", "top"),
)

Box = tuple[float, float, float, float]


def _box(x: float, y: float, width: float, height: float, ha: str, va: str) -> Box:
    left = x - {"left": 0, "center": width / 2, "right": width}[ha]
    bottom = y - {"bottom": 0, "center": height / 2, "top": height}[va]
    return left, bottom, left + width, bottom + height


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _place(
    chart: Chart, labels: list[tuple[str, float, float, str, bool]], dots: list[tuple[float, float]]
) -> None:
    """Each label at the first place that stays in the plot and clears labels and dots."""
    left, bottom, right, top = chart.box()
    taken: list[Box] = [(x - POINT_PX, y - POINT_PX, x + POINT_PX, y + POINT_PX) for x, y in dots]
    height = line_height_px(SMALL_PT)
    for text, x, y, colour, bold in labels:
        width = text_width_px(text, SMALL_PT, bold)

        def cost(place, x=x, y=y, width=width) -> int:
            box = _box(x + place[0], y + place[1], width, height, place[2], place[3])
            outside = box[0] < left or box[2] > right or box[1] < bottom or box[3] > top
            return 100 * outside + sum(_overlap(box, other) for other in taken)

        dx, dy, ha, va = min(PLACES, key=cost)
        chart.text.add(text, x + dx, y + dy, SMALL_PT, colour, bold, ha=ha, va=va)
        taken.append(_box(x + dx, y + dy, width, height, ha, va))


def draw_scatter(spec: ChartSpec) -> Figure:
    xs = [p.x for p in spec.points] + ([spec.reference_point[1]] if spec.reference_point else [])
    ys = [p.y for p in spec.points] + ([spec.reference_point[2]] if spec.reference_point else [])
    left_px = EDGE_PX + max(text_width_px(compact(y, spec.format), SMALL_PT) for y in ys) + 10
    chart = blank(spec, left_px, below_px=AXIS_PX, above_px=16)
    axes = chart.axes
    x_pad, y_pad = (max(xs) - min(xs)) * PAD or 1, (max(ys) - min(ys)) * PAD or 1
    x0, x1 = min(xs) - x_pad, max(xs) + x_pad
    axes.set_xlim(x0, x1)
    axes.set_ylim(min(ys) - y_pad, max(ys) + y_pad)

    if spec.fit:
        slope, intercept = spec.fit
        axes.plot(
            [x0, x1],
            [intercept + slope * x0, intercept + slope * x1],
            color=MUTED,
            linewidth=1.2,
            zorder=2,
            gid="fit",
        )
    layers = (  # (points, size, colour, edge width, z, gid): others, then named, then the asked
        ([p for p in spec.points if not p.highlight and not p.labelled], 30, OTHER, 0.5, 3, None),
        ([p for p in spec.points if p.labelled and not p.highlight], 34, MUTED, 0.5, 3, None),
        ([p for p in spec.points if p.highlight], 60, ACCENT, 0.6, 4, "asked"),
    )
    for points, size, colour, edge, z, gid in layers:
        if points:
            axes.scatter(
                [p.x for p in points],
                [p.y for p in points],
                s=size,
                color=colour,
                edgecolors="white",
                linewidths=edge,
                zorder=z,
                gid=gid,
            )

    labels = [
        (p.label, *chart.at(p.x, p.y), ACCENT if p.highlight else INK, p.highlight)
        for p in spec.points
        if p.labelled
    ]
    if spec.reference_point:
        name, x, y = spec.reference_point
        axes.scatter([x], [y], s=60, marker="D", color=BENCHMARK, zorder=5, gid="reference")
        labels.insert(0, (name, *chart.at(x, y), BENCHMARK, True))
    if spec.fit:
        end = x1 - (x1 - x0) * 0.04
        labels.append(("fitted line", *chart.at(end, intercept + slope * end), MUTED, False))
    _place(chart, labels, [chart.at(p.x, p.y) for p in spec.points])
    chart.x_axis("number", spec.x_label)
    chart.y_axis(spec.format, spec.y_label)
    return chart.figure
