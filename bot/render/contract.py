"""Answer -> the `lepbot ask --json` contract (DESIGN.md), one object per question."""

from __future__ import annotations

import json

from bot.render.text import mrkdwn
from intents import Turn
from intents.dataset.model import Dataset


def contract(question: str, turn: Turn, dataset: Dataset, chart_path: str | None) -> dict:
    answer = turn.answer
    return {
        "question": question,
        "intent": answer.intent,
        "areas": list(answer.areas),
        "indicators": list(answer.indicators),
        "figures": [f.as_json() for f in answer.figures],
        "verdict": answer.verdict,
        "claims": [c.as_json() for c in answer.claims],
        "text": mrkdwn(answer, dataset),
        "chart": {"kind": answer.chart.kind, "path": chart_path}
        if chart_path and answer.chart
        else None,
        "sources": list(answer.sources),
    }


def line(obj: dict) -> str:
    return json.dumps(obj, ensure_ascii=False)
