"""Answer -> text: plain for terminals, Slack mrkdwn for Slack and the JSON contract."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from intents import spec_of
from intents.dataset.model import Dataset
from intents.replies.answer import Answer, Reading, Table


def escape(text: str) -> str:
    """Slack's three control characters, so echoed text cannot ping or link."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def reading_line(reading: Reading | None) -> str:
    if reading is None:
        return ""
    parts = [spec_of(reading.intent).label]
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


@dataclass(frozen=True)
class Markup:
    """How one surface marks up the parts of an answer; the parts and their order never change."""

    text: Callable[[str], str]  # escaping for the surface
    headline: str  # format for a finding's sentence
    line: str
    table: Callable[[list[str]], list[str]]
    caveat: str
    choices: Callable[[tuple[str, ...]], list[str]]
    tail: str
    gap: bool  # a blank line between body and tail
    next_questions: bool


PLAIN = Markup(
    text=lambda t: t,
    headline="{}",
    line="  - {}",
    table=lambda rows: ["", *(f"    {row}" for row in rows)],
    caveat="  ! {}",
    choices=lambda cs: ["", "Did you mean:", *(f"  - {c}" for c in cs)],
    tail="{}",
    gap=True,
    next_questions=True,
)
MRKDWN = Markup(
    text=escape,
    headline="*{}*",
    line="• {}",
    table=lambda rows: ["```" + "\n".join(escape(r) for r in rows) + "```"],
    caveat="_{}_",
    choices=lambda cs: ["Did you mean: " + " | ".join(escape(c) for c in cs)],
    tail="_{}_",
    gap=False,
    next_questions=False,
)


def render(answer: Answer, dataset: Dataset, markup: Markup) -> str:
    t = markup.text
    spec = spec_of(answer.intent)
    headline = "{}" if spec.plain_headline else markup.headline
    out = [headline.format(t(answer.headline))]
    out += [markup.line.format(t(line)) for line in answer.lines]
    if answer.table is not None and spec.tabled:
        out += markup.table(table_lines(answer.table))
    out += [markup.caveat.format(t(c)) for c in answer.caveats]
    if answer.choices:
        out += markup.choices(answer.choices)
    tail = [x for x in (reading_line(answer.reading), sources_line(answer, dataset)) if x]
    out += [""] if markup.gap else []
    out += [markup.tail.format(t(x)) for x in tail]
    if markup.next_questions and answer.next_questions and not answer.choices:
        out.append("Try next: " + " | ".join(answer.next_questions))
    return "\n".join(out)


def plain(answer: Answer, dataset: Dataset) -> str:
    """For a terminal: no markup, a table in columns."""
    return render(answer, dataset, PLAIN)


def mrkdwn(answer: Answer, dataset: Dataset) -> str:
    """Slack mrkdwn: the sentence first, escaped, with the reading and source beneath."""
    return render(answer, dataset, MRKDWN)
