"""The look every chart shares: size, the colour-blind-safe palette and type sizes.

Numbers are written by intents/dataset/units.py (`compact` for labels, `tick` for axes).

Plain constants, set once: drawers pass them to each artist rather than changing matplotlib's
global rcParams, so charts drawn on several threads cannot disturb each other.
"""

from __future__ import annotations

WIDTH_IN, HEIGHT_IN, DPI = 8.0, 5.0, 100  # 800 x 500 px: fits a Slack thread unexpanded
WIDTH_PX, HEIGHT_PX = WIDTH_IN * DPI, HEIGHT_IN * DPI

# Okabe–Ito: distinguishable with the common colour-vision deficiencies.
ACCENT = "#0072B2"  # the asked area
ACCENT_LIGHT = "#A6CEE3"  # a published band of the asked area
OTHER = "#9E9E9E"  # every other area
OTHER_LIGHT = "#DADADA"  # a published band of another area
BENCHMARK = "#D55E00"  # England, as a line, a dot or a diamond
INK = "#222222"
MUTED = "#555555"
GRID = "#E6E6E6"
BAND_HATCH = "////"

TITLE_PT, LABEL_PT, SMALL_PT, NOTE_PT, SOURCE_PT = 12.5, 8.5, 7.5, 7.5, 7.0
DENSE_PT = 6.5  # category and value labels when a chart has many bars (all 39 LEPs)
DENSE_BARS = 16
LINE_SPACING = 1.25


def px(points: float) -> float:
    return points * DPI / 72


def line_height_px(points: float) -> float:
    return px(points) * LINE_SPACING
