"""One drawer per ChartSpec.kind: the registry `bot.render.charts.draw` looks kinds up in."""

from __future__ import annotations

from collections.abc import Callable

from matplotlib.figure import Figure

from bot.render.charts.bars import draw_bars
from bot.render.charts.columns import draw_columns
from bot.render.charts.dots import draw_dots
from bot.render.charts.scatter import draw_scatter
from intents.replies.answer import ChartSpec

DRAWERS: dict[str, Callable[[ChartSpec], Figure]] = {
    "bars": draw_bars,
    "groups": draw_bars,
    "compare": draw_columns,
    "scatter": draw_scatter,
    "profile": draw_dots,
}
