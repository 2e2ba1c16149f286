"""Keep the readable characters of a question and cut it to a length worth reading.

Chat markup (Slack's mentions, links, emoji codes) is taken off at the edge, in bot/slack/markup.py;
what arrives here is plain text, perhaps with emoji and control characters still in it.
"""

from __future__ import annotations

import unicodedata

MAX_CHARS = 500  # longer messages are read up to here; the reply says so


def _visible(ch: str) -> bool:
    """Letters, digits, punctuation and spaces; not emoji, symbols or control characters."""
    category = unicodedata.category(ch)
    return ch.isspace() or category[0] in "LNP" or ch in "%£$&+<>=/"


def clean(text: str) -> tuple[str, bool]:
    """Return the readable question and whether it was cut to MAX_CHARS."""
    text = "".join(ch if _visible(ch) else " " for ch in text or "")
    text = " ".join(text.split())
    truncated = len(text) > MAX_CHARS
    return text[:MAX_CHARS], truncated
