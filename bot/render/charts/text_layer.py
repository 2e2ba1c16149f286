"""Chart text drawn as cached bitmaps into one image layer, instead of one Text artist each.

Since matplotlib 3.11 every Text artist is shaped and rasterised glyph by glyph in Python
(about 1.5 ms a label here), which made text most of a 39-bar chart's time. LEP names and
values recur from chart to chart, so each label is rasterised once by FreeType, kept in a
bounded cache, and composited into a single RGBA layer that the canvas blits in one call.
The layer remembers what it drew where, so tests can ask which label got the accent colour.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from matplotlib import ft2font
from matplotlib.artist import Artist
from matplotlib.colors import to_rgb
from matplotlib.font_manager import FontProperties, findfont, get_font

from bot.render.charts.style import DPI, HEIGHT_PX, INK, WIDTH_PX, line_height_px

FAMILY = "DejaVu Sans"  # ships with matplotlib: every machine draws the same glyphs
# Light (vertical-only) hinting: crisp at small sizes, and a third faster to lay out than
# FreeType's default hinting, which is most of a first-seen label's cost.
LIGHT_HINTING = (
    ft2font.LoadFlags.TARGET_LIGHT
    if hasattr(ft2font, "LoadFlags")  # matplotlib >= 3.10
    else ft2font.LOAD_TARGET_LIGHT
)


@dataclass(frozen=True)
class Label:
    """One line of text as drawn: what, where (figure pixels from the bottom left) and how."""

    text: str
    x: float
    y: float
    size: float
    colour: str
    bold: bool


@dataclass(frozen=True)
class _Bitmap:
    alpha: np.ndarray  # rows from the top, 0-255 coverage
    descent: float  # pixels of the bitmap below the baseline
    width: float


@lru_cache(maxsize=2)
def _font_path(bold: bool) -> str:
    return findfont(FontProperties(family=[FAMILY], weight="bold" if bold else "normal"))


@lru_cache(maxsize=4096)
def _bitmap(text: str, size: float, bold: bool) -> _Bitmap:
    """The label's coverage bitmap; fonts are per thread (get_font), the result is read-only."""
    font = get_font(_font_path(bold))
    font.clear()
    font.set_size(size, DPI)
    font.set_text(text, 0.0, flags=LIGHT_HINTING)
    font.draw_glyphs_to_bitmap(antialiased=True)
    alpha = np.asarray(font.get_image()).copy()
    alpha.flags.writeable = False
    return _Bitmap(alpha, font.get_descent() / 64, alpha.shape[1])


@lru_cache(maxsize=32)
def _line_box(size: float, bold: bool) -> tuple[float, float]:
    """(ascent, descent) of a typical line, so labels align whatever letters they hold."""
    ref = _bitmap("lp", size, bold)  # as matplotlib measures a line
    return ref.alpha.shape[0] - ref.descent, ref.descent


def text_width_px(text: str, size: float, bold: bool = False) -> float:
    """The drawn width of the widest line (exact, and cheap once the label is cached)."""
    return max(_bitmap(line, size, bold).width for line in text.split("\n"))


def wrap(
    text: str,
    width_px: float,
    size: float,
    bold: bool = False,
    max_lines: int = 0,
    balance: bool = False,
) -> list[str]:
    """Greedy word wrap to a pixel width; words are measured once each, and cached.

    balance: as many lines, but as even as they can be (a title without a one-word orphan).
    """
    words = [(word, text_width_px(word, size, bold)) for word in text.split()]
    space = text_width_px("a a", size, bold) - 2 * text_width_px("a", size, bold)
    lines = _greedy(words, space, width_px)
    if balance and len(lines) > 1:
        low, high = width_px / len(lines), width_px
        for _ in range(8):
            middle = (low + high) / 2
            low, high = (
                (middle, high) if len(_greedy(words, space, middle)) > len(lines) else (low, middle)
            )
        lines = _greedy(words, space, high)
    if max_lines and len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], lines[max_lines - 1] + "…"]
    return lines


def _greedy(words: list[tuple[str, float]], space: float, width_px: float) -> list[str]:
    lines: list[str] = []
    line, used = "", 0.0
    for word, width in words:
        if line and used + space + width > width_px:
            lines.append(line)
            line, used = word, width
        else:
            line, used = (f"{line} {word}", used + space + width) if line else (word, width)
    lines.append(line)
    return lines


class TextLayer(Artist):
    """Every label of one chart, composited into one RGBA image above the plot."""

    def __init__(self) -> None:
        super().__init__()
        self._pixels = np.zeros((int(HEIGHT_PX), int(WIDTH_PX), 4), np.uint8)
        self.labels: list[Label] = []
        self.set_zorder(10)

    def add(
        self,
        text: str,
        x: float,
        y: float,
        size: float,
        colour: str = INK,
        bold: bool = False,
        ha: str = "left",
        va: str = "center",
        knockout: bool = False,
    ) -> float:
        """Draw `text` (lines split on newlines) anchored at (x, y); returns its height in px.

        knockout: clear a white box behind the text, so a line crossing it stays readable.
        """
        lines = text.split("\n")
        ascent, descent = _line_box(size, bold)
        step = line_height_px(size)
        block = ascent + descent + step * (len(lines) - 1)
        top = {"top": y, "center": y + block / 2, "bottom": y + block}[va]
        rgb = (np.array(to_rgb(colour)) * 255).astype(np.uint8)
        for i, line in enumerate(lines):
            baseline = top - ascent - i * step
            bitmap = _bitmap(line, size, bold)
            left = x - {"left": 0, "center": bitmap.width / 2, "right": bitmap.width}[ha]
            bottom = round(baseline - bitmap.descent)
            if knockout:
                self._clear(
                    round(left) - 2,
                    bottom,
                    round(left + bitmap.width) + 2,
                    bottom + bitmap.alpha.shape[0],
                )
            self._paste(bitmap, round(left), bottom, rgb)
            self.labels.append(Label(line, left, baseline, size, colour, bold))
        return block

    def _paste(self, bitmap: _Bitmap, left: int, bottom: int, rgb: np.ndarray) -> None:
        height, width = bitmap.alpha.shape
        row = int(HEIGHT_PX) - bottom - height
        r0, c0 = max(row, 0), max(left, 0)
        r1, c1 = min(row + height, self._pixels.shape[0]), min(left + width, self._pixels.shape[1])
        if r0 >= r1 or c0 >= c1:
            return
        alpha = bitmap.alpha[r0 - row : r1 - row, c0 - left : c1 - left, None] / 255.0
        target = self._pixels[r0:r1, c0:c1]
        below = target[..., 3:] / 255.0
        out = alpha + below * (1 - alpha)  # "over": the text on whatever is already there
        mixed = (rgb * alpha + target[..., :3] * below * (1 - alpha)) / np.maximum(out, 1e-9)
        target[..., :3] = mixed.round()
        target[..., 3:] = (out * 255).round()

    def _clear(self, left: int, bottom: int, right: int, top: int) -> None:
        rows = slice(max(int(HEIGHT_PX) - top, 0), max(int(HEIGHT_PX) - bottom, 0))
        self._pixels[rows, max(left, 0) : max(right, 0)] = 255

    def draw(self, renderer) -> None:
        if not self.get_visible():
            return
        gc = renderer.new_gc()
        renderer.draw_image(gc, 0, 0, self._pixels[::-1])  # Agg wants the bottom row first
        gc.restore()


def clear_cache() -> None:
    """Forget every rasterised label (the benchmark uses it to time a first-seen chart)."""
    _bitmap.cache_clear()
    _line_box.cache_clear()
