"""One drawer per ChartSpec.kind: the registry `bot.charts.draw` looks kinds up in."""

from __future__ import annotations

from collections.abc import Callable

from matplotlib.figure import Figure

from bot.charts.bars import draw_bars
from bot.charts.columns import draw_columns
from bot.charts.dots import draw_dots
from bot.charts.scatter import draw_scatter
from intents.answer import ChartSpec

DRAWERS: dict[str, Callable[[ChartSpec], Figure]] = {
    "bars": draw_bars,
    "groups": draw_bars,
    "compare": draw_columns,
    "scatter": draw_scatter,
    "profile": draw_dots,
}
