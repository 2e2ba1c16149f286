"""Answer -> text: plain for terminals, Slack mrkdwn for Slack and the JSON contract."""

from __future__ import annotations

from intents.answer import Answer, Reading, Table
from intents.dataset import Dataset

INTENT_WORDS = {
    "value": "figure",
    "compare": "comparison",
    "rank": "ranking",
    "profile": "area profile",
    "relationship": "relationship",
    "outliers": "areas bucking the trend",
    "groups": "national / group figures",
    "breakdown": "breakdown by sector",
    "define": "definition",
    "source": "sources",
    "factcheck": "fact-check",
    "area_lookup": "LEP lookup",
    "help": "help",
    "clarify": "needs clarifying",
    "unknown": "not understood",
}


def escape(text: str) -> str:
    """Slack's three control characters, so echoed text cannot ping or link."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def reading_line(reading: Reading | None) -> str:
    if reading is None:
        return ""
    parts = [INTENT_WORDS.get(reading.intent, reading.intent)]
    if reading.indicators:
        parts.append(" & ".join(reading.indicators))
    if reading.areas:
        parts.append(
            " vs ".join(reading.areas) if reading.intent == "compare" else ", ".join(reading.areas)
        )
    line = "Read as: " + " · ".join(parts)
    if reading.notes:
        line += " (" + "; ".join(reading.notes) + ")"
    return line


def table_lines(table: Table) -> list[str]:
    widths = [
        max(len(str(row[i])) for row in (table.header, *table.rows))
        for i in range(len(table.header))
    ]
    fmt = "  ".join(f"{{:<{w}}}" for w in widths)
    return [fmt.format(*table.header), *(fmt.format(*row) for row in table.rows)]


def sources_line(answer: Answer, dataset: Dataset) -> str:
    if not answer.sources:
        return ""
    return "Source: " + "; ".join(dataset.source(s).cite for s in answer.sources[:4])


def plain(answer: Answer, dataset: Dataset) -> str:
    """For a terminal: no markup, a table in columns."""
    out = [answer.headline]
    out += [f"  - {line}" for line in answer.lines]
    if answer.table is not None and answer.intent in ("rank", "compare", "breakdown", "groups"):
        out += ["", *(f"    {row}" for row in table_lines(answer.table))]
    out += [f"  ! {c}" for c in answer.caveats]
    if answer.choices:
        out += ["", "Did you mean:"] + [f"  - {c}" for c in answer.choices]
    tail = [reading_line(answer.reading), sources_line(answer, dataset)]
    out += ["", *[t for t in tail if t]]
    if answer.next_questions and not answer.choices:
        out.append("Try next: " + " | ".join(answer.next_questions))
    return "\n".join(out)


def mrkdwn(answer: Answer, dataset: Dataset) -> str:
    """Slack mrkdwn: the sentence first, escaped, with the reading and source beneath."""
    out = (
        [f"*{escape(answer.headline)}*"]
        if answer.intent not in ("help", "unknown", "clarify")
        else [escape(answer.headline)]
    )
    out += [f"• {escape(line)}" for line in answer.lines]
    if answer.table is not None and answer.intent in ("rank", "compare", "breakdown", "groups"):
        out.append("```" + "\n".join(escape(r) for r in table_lines(answer.table)) + "```")
    out += [f"_{escape(c)}_" for c in answer.caveats]
    if answer.choices:
        out.append("Did you mean: " + " | ".join(escape(c) for c in answer.choices))
    tail = [reading_line(answer.reading), sources_line(answer, dataset)]
    out += [f"_{escape(t)}_" for t in tail if t]
    return "\n".join(out)
