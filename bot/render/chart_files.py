"""Where chart PNGs are written for the terminal commands."""

from __future__ import annotations

import tempfile
from pathlib import Path

from intents.replies.answer import ChartSpec


def chart_path(spec: ChartSpec | None, directory: str | None) -> str | None:
    """Draw the chart into `directory` (a temp dir by default); None when there is no chart."""
    if spec is None:
        return None
    from bot.render.charts import save  # matplotlib is imported only when a chart is drawn

    folder = Path(directory) if directory else Path(tempfile.mkdtemp(prefix="lepbot-"))
    folder.mkdir(parents=True, exist_ok=True)
    return str(save(spec, folder))
