"""Answer a question safely: any failure becomes one friendly line, never a trace."""

from __future__ import annotations

import logging

from bot.conversation import Conversations
from intents import Turn
from intents.reading.query import Query
from intents.replies.answer import Answer

log = logging.getLogger("lepbot")
SORRY = "Sorry — something went wrong answering that. It has been logged; please try rephrasing."


def safe_ask(
    conversations: Conversations, text: str, key: str | None = None, *, log_text: bool = True
) -> Turn:
    """`conversations.ask`, or the apology if it fails; the log quotes the question only if
    `log_text` (Slack keeps people's questions out of its logs unless told otherwise)."""
    try:
        return conversations.ask(text, key)
    except Exception:
        log.exception("failed to answer %r", text[:200] if log_text else "(question not logged)")
        return Turn(
            Query(intent="unknown", text=text[:200]), Answer(intent="unknown", headline=SORRY)
        )
