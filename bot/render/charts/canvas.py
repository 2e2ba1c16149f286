"""A blank chart with its title, notes and source line drawn in, and the PNG it becomes.

The layout is worked out once per chart from measured label widths and line counts, instead
of tight_layout's repeated measuring of rendered text. Every label goes through one TextLayer
(see text_layer.py), and grid lines are one collection each, not matplotlib's per-tick
artists: both dominated the time of a 39-bar chart. The source line is drawn into the image
because charts travel as screenshots.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import numpy as np
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.ticker import MaxNLocator
from PIL import Image
from PIL.PngImagePlugin import PngInfo

from bot.render.charts.style import (
    DPI,
    GRID,
    HEIGHT_IN,
    HEIGHT_PX,
    INK,
    MUTED,
    NOTE_PT,
    SMALL_PT,
    SOURCE_PT,
    TITLE_PT,
    WIDTH_IN,
    WIDTH_PX,
    line_height_px,
)
from bot.render.charts.text_layer import TextLayer, wrap
from intents.dataset.units import Format, tick
from intents.replies.answer import ChartSpec

EDGE_PX = 14  # between the image edge and any text
TICK_GAP_PX = 4  # between an axis and its tick labels
AXIS_PX = 34  # x tick labels and the axis label under a plot
NICE_STEPS = (1, 2, 2.5, 5, 10)  # ticks at 10, 20, 25 or 50, never at 15 or 45
COLOURS = 256  # a chart has a few flat colours and their anti-aliased edges


@dataclass(frozen=True)
class Chart:
    """The figure, its one plot, and the layer every label is drawn into."""

    figure: Figure
    axes: Axes
    text: TextLayer

    def at(self, x: float, y: float) -> tuple[float, float]:
        """Data coordinates to figure pixels (limits must be set first)."""
        px, py = self.axes.transData.transform((x, y))
        return float(px), float(py)

    def box(self) -> tuple[float, float, float, float]:
        """The plot's left, bottom, right and top in figure pixels."""
        left, bottom, width, height = self.axes.get_position().bounds
        return (
            left * WIDTH_PX,
            bottom * HEIGHT_PX,
            (left + width) * WIDTH_PX,
            (bottom + height) * HEIGHT_PX,
        )

    def rect(self, x: float, y: float, width: float, height: float, gid: str, **style) -> None:
        """A bar, added without the per-patch data-limit update that makes barh slow."""
        bar = Rectangle((x, y), width, height, gid=gid, zorder=2, **style)
        self.axes.add_artist(bar)

    def x_axis(self, fmt: Format, label: str, bins: int = 6) -> None:
        """Grid and tick labels on the current x limits, in the format; the axis label beneath."""
        low, high = self.axes.get_xlim()
        ticks = _ticks(low, high, bins)
        axes = self.axes
        axes.vlines(
            ticks,
            0,
            1,
            transform=axes.get_xaxis_transform(),
            colors=GRID,
            linewidths=0.8,
            zorder=0.5,
        )
        left, bottom, right, _ = self.box()
        for at in ticks:
            x, _ = self.at(at, low)
            text = tick(at, fmt)
            self.text.add(text, x, bottom - TICK_GAP_PX, SMALL_PT, MUTED, ha="center", va="top")
        below = bottom - TICK_GAP_PX - line_height_px(SMALL_PT)
        self.text.add(label, (left + right) / 2, below, SMALL_PT, MUTED, ha="center", va="top")

    def y_axis(self, fmt: Format, label: str, bins: int = 6) -> None:
        """Grid and tick labels on the current y limits; the axis label above the plot."""
        low, high = sorted(self.axes.get_ylim())
        ticks = _ticks(low, high, bins)
        axes = self.axes
        axes.hlines(
            ticks,
            0,
            1,
            transform=axes.get_yaxis_transform(),
            colors=GRID,
            linewidths=0.8,
            zorder=0.5,
        )
        left, _, _, top = self.box()
        for at in ticks:
            _, y = self.at(axes.get_xlim()[0], at)
            self.text.add(tick(at, fmt), left - TICK_GAP_PX, y, SMALL_PT, MUTED, ha="right")
        self.text.add(label, EDGE_PX, top + 4, SMALL_PT, MUTED, va="bottom")


def _ticks(low: float, high: float, bins: int) -> list[float]:
    locator = MaxNLocator(bins, steps=NICE_STEPS)
    return [t for t in locator.tick_values(low, high) if low <= t <= high]


def blank(
    spec: ChartSpec,
    left_px: float,
    right_px: float = 24,
    below_px: float = AXIS_PX,
    above_px: float = 0,
) -> Chart:
    """The figure with title, notes and source, and an empty plot in the room left over.

    left_px/right_px/below_px/above_px: what the drawer needs around the plot for its own
    labels (category names, value labels, the axis, an England label above the plot).
    """
    figure = Figure(figsize=(WIDTH_IN, HEIGHT_IN), dpi=DPI, facecolor="white")
    FigureCanvasAgg(figure)
    text = TextLayer()
    figure.add_artist(text)
    width = WIDTH_PX - 2 * EDGE_PX

    title = "\n".join(wrap(spec.title, width, TITLE_PT, bold=True, max_lines=3, balance=True))
    top_px = 10 + text.add(title, EDGE_PX, HEIGHT_PX - 10, TITLE_PT, INK, bold=True, va="top")
    top_px += 12 + above_px

    bottom_px = 7.0
    source = "\n".join(wrap(spec.source, width, SOURCE_PT, max_lines=3))
    bottom_px += text.add(source, EDGE_PX, bottom_px, SOURCE_PT, MUTED, va="bottom")
    notes = "\n".join(line for note in spec.notes for line in wrap(note, width, NOTE_PT))
    if notes:
        bottom_px += 5 + text.add(notes, EDGE_PX, bottom_px + 5, NOTE_PT, INK, va="bottom")
    bottom_px += 8 + below_px

    axes = figure.add_axes(
        (
            left_px / WIDTH_PX,
            bottom_px / HEIGHT_PX,
            1 - (left_px + right_px) / WIDTH_PX,
            1 - (top_px + bottom_px) / HEIGHT_PX,
        )
    )
    for side in ("top", "right", "left"):
        axes.spines[side].set_visible(False)
    axes.spines["bottom"].set_color(MUTED)
    axes.set_xticks([])
    axes.set_yticks([])
    return Chart(figure, axes, text)


def png(figure: Figure, spec: ChartSpec) -> bytes:
    """The PNG, with title, alt text and source in its metadata for whoever saves it.

    Saved with a palette: a quarter of the bytes and of the encoding time of full colour,
    and no visible difference for flat-coloured charts.
    """
    figure.canvas.draw()
    pixels = np.asarray(figure.canvas.buffer_rgba())[..., :3]
    image = Image.fromarray(pixels).quantize(
        COLOURS, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE
    )
    info = PngInfo()
    for key, value in (
        ("Title", spec.title),
        ("Description", spec.alt_text),
        ("Source", spec.source),
        ("Software", "lepbot"),
    ):
        info.add_text(key, value)
    out = io.BytesIO()
    image.save(out, format="png", pnginfo=info, dpi=(DPI, DPI))
    return out.getvalue()
