"""Answer -> Block Kit messages (pure: data in, dicts out).

Everything that reaches mrkdwn is escaped, so text echoed from a question cannot ping a channel or
a person; plain_text and raw_text are never parsed by Slack. Each field is clipped to Slack's
limits so a long question or answer cannot get the whole message rejected.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from bot.render.text import escape, mrkdwn, reading_line, sources_line, table_lines
from intents import spec_of
from intents.dataset.model import Dataset
from intents.dataset.units import amount, span
from intents.replies.answer import Answer, Figure, Table

ASK_ACTION = "ask_{}"  # buttons that ask a question in the thread; value = the question
ASK_ACTION_PATTERN = r"^ask_\d+$"

SECTION_CHARS = 3000
FIELD_CHARS = 2000
CONTEXT_CHARS = 2000
BUTTON_CHARS = 75
BUTTON_VALUE_CHARS = 2000
TEXT_CHARS = 3000  # the notification text; Slack allows more, readers do not
MAX_FIELDS = 10
MAX_CONTEXT_ELEMENTS = 10
MAX_BUTTONS = 25
MAX_NEXT_QUESTIONS = 5
MAX_TABLE_ROWS = 100
MAX_TABLE_COLUMNS = 20
MAX_LINE_SECTIONS = 30  # of Slack's 50 blocks per message, leaving room for the rest
ECHO_CHARS = 300

Block = dict
Message = dict  # keyword arguments for chat.postMessage / respond(): text, blocks, ...


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def safe(text: str, limit: int) -> str:
    """Escaped mrkdwn within `limit` characters, never cut inside an entity such as &amp;."""
    escaped = escape(text)
    while len(escaped) > limit:
        text = text[: len(text) - (len(escaped) - limit) - 1]
        escaped = escape(text) + "…"
    return escaped


def _mrkdwn(text: str) -> dict:
    return {"type": "mrkdwn", "text": text}


def _section(text: str) -> Block:
    return {"type": "section", "text": _mrkdwn(text)}


def _context(texts: Iterable[str]) -> Block:
    return {"type": "context", "elements": [_mrkdwn(t) for t in texts][:MAX_CONTEXT_ELEMENTS]}


def _figure_field(figure: Figure, dataset: Dataset) -> dict:
    ind = dataset.indicator(figure.indicator)
    shown = (
        amount(figure.value, ind.format)
        if figure.value is not None
        else span(figure.low, figure.high, ind.format)
    )
    label = f"{figure.area} · {ind.short}" + (f" ({figure.breakdown})" if figure.breakdown else "")
    return _mrkdwn(f"*{safe(label, FIELD_CHARS // 2)}*\n{safe(shown, FIELD_CHARS // 2)}")


def _figures(answer: Answer, dataset: Dataset) -> list[Block]:
    """Label/value pairs; when there are more than fit, the table and lines carry them instead."""
    if not answer.figures or len(answer.figures) > MAX_FIELDS:
        return []
    return [{"type": "section", "fields": [_figure_field(f, dataset) for f in answer.figures]}]


def _bullets(lines: tuple[str, ...]) -> list[Block]:
    """Lines as bullets, split into as many sections as Slack's section limit needs."""
    blocks, current = [], ""
    for line in lines:
        bullet = "• " + safe(line, SECTION_CHARS - 2)
        if current and len(current) + 1 + len(bullet) > SECTION_CHARS:
            blocks.append(_section(current))
            current = ""
        current = f"{current}\n{bullet}" if current else bullet
    return [*blocks, _section(current)] if current else blocks


def _table_block(table: Table) -> Block:
    rows = (table.header, *table.rows)[:MAX_TABLE_ROWS]
    return {
        "type": "table",
        "rows": [
            [{"type": "raw_text", "text": str(cell)} for cell in row[:MAX_TABLE_COLUMNS]]
            for row in rows
        ],
    }


def _table_text(table: Table) -> Block:
    """The same table as monospace text, for a workspace that refuses table blocks."""
    lines, body = table_lines(table), ""
    for line in lines:
        escaped = escape(line)
        if len(body) + len(escaped) + 7 > SECTION_CHARS:
            break
        body += escaped + "\n"
    return _section("```" + body.rstrip("\n") + "```")


def _buttons(questions: tuple[str, ...], limit: int) -> list[Block]:
    elements = [
        {
            "type": "button",
            "action_id": ASK_ACTION.format(i),
            "text": {"type": "plain_text", "text": clip(q, BUTTON_CHARS)},
            "value": q,
        }
        for i, q in enumerate(q for q in questions if len(q) <= BUTTON_VALUE_CHARS)
    ][:limit]
    return [{"type": "actions", "elements": elements}] if elements else []


def answer_message(answer: Answer, dataset: Dataset, *, table_block: bool = True) -> Message:
    """The reply: sentence, how it was read, figures (as a table for rankings and comparisons),
    source and caveats, then buttons for the next questions or the clarifying choices.

    `table_block=False` draws the table as monospace text, for the retry after Slack refused it.
    """
    spec = spec_of(answer.intent)
    headline = safe(answer.headline, SECTION_CHARS - 2)
    blocks = [_section(headline if spec.plain_headline else f"*{headline}*")]
    if answer.reading is not None:
        blocks.append(_context([safe(reading_line(answer.reading), CONTEXT_CHARS)]))
    table = answer.table if spec.tabled else None
    if table is None:
        blocks += _figures(answer, dataset)
    blocks += _bullets(answer.lines)[:MAX_LINE_SECTIONS]
    if table is not None:
        blocks.append(_table_block(table) if table_block else _table_text(table))
    notes = [f"_{safe(c, CONTEXT_CHARS - 2)}_" for c in answer.caveats]
    source = sources_line(answer, dataset)
    if source:
        notes.insert(0, safe(source, CONTEXT_CHARS))
    if notes:
        blocks.append(_context(notes))
    if answer.choices:
        blocks += _buttons(answer.choices, MAX_BUTTONS)
    else:
        blocks += _buttons(answer.next_questions, MAX_NEXT_QUESTIONS)
    return {"text": safe(answer.headline, TEXT_CHARS), "blocks": blocks}


def plain_message(answer: Answer, dataset: Dataset) -> Message:
    """The last resort when Slack refuses every block: the whole answer as mrkdwn text."""
    return {"text": clip(mrkdwn(answer, dataset), 39_000)}


def echo(question: str) -> str:
    """A question as Slack sent it, shown back: entities decoded, then escaped and clipped."""
    return safe(" ".join(html.unescape(question).split()), ECHO_CHARS)


def asked_message(user_id: str, question: str) -> Message:
    """The visible root of a /lep question; the answer goes in its thread."""
    text = f"<@{user_id}> asked: {echo(question)}"
    return {"text": text, "blocks": [_section(text)]}


def with_note(message: Message, note: str) -> Message:
    return {**message, "blocks": [*message.get("blocks", []), _context([escape(note)])]}


def home_view(help_answer: Answer) -> dict:
    """The App Home tab: what lepbot knows, where to ask, and questions to copy."""
    blocks = [
        {"type": "header", "text": {"type": "plain_text", "text": "lepbot"}},
        _section(safe(help_answer.headline, SECTION_CHARS)),
        _section(
            "*Where to ask*\n• Mention me in a channel: `@lepbot how does Humber compare on "
            "placements?` — I answer in the thread, and follow-ups in that thread carry on.\n"
            "• Send me a direct message.\n"
            "• `/lep your question` in a channel I am in: the answer goes in a thread."
        ),
        *_bullets(help_answer.lines),
    ]
    if help_answer.next_questions:
        blocks += [_section("*Try asking*"), *_bullets(help_answer.next_questions)]
    return {"type": "home", "blocks": blocks}
