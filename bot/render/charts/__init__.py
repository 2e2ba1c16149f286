"""Charts: a ChartSpec (what handlers describe) drawn to an 800x500 PNG with matplotlib.

Importing this package is cheap; matplotlib loads on the first draw, so answering without a
chart never pays for it. No pyplot: each chart is its own Figure on an Agg canvas, which is
faster and safe on the worker threads that draw Slack answers.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from intents.replies.answer import ChartSpec

if TYPE_CHECKING:
    from matplotlib.figure import Figure


def draw(spec: ChartSpec) -> Figure:
    """The chart as a matplotlib Figure (what `render` turns into PNG; tests inspect it)."""
    from bot.render.charts.drawers import DRAWERS

    try:
        drawer = DRAWERS[spec.kind]
    except KeyError:
        raise ValueError(f"no drawer for chart kind {spec.kind!r}") from None
    return drawer(spec)


def render(spec: ChartSpec) -> bytes:
    """The chart as PNG bytes, with title, alt text and source in the PNG metadata."""
    from bot.render.charts.canvas import png

    return png(draw(spec), spec)


def file_name(spec: ChartSpec) -> str:
    """Kind plus a hash of the spec: the same chart gets the same name, different ones never clash."""
    digest = hashlib.sha1(repr(spec).encode("utf-8"), usedforsecurity=False).hexdigest()[:10]
    return f"{spec.kind}-{digest}.png"


def save(spec: ChartSpec, folder: Path) -> Path:
    """Render into `folder` and return the file's path."""
    path = Path(folder) / file_name(spec)
    path.write_bytes(render(spec))
    return path
