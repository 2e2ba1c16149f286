"""Strip what Slack and chat clients wrap around a question, leaving words to read."""

from __future__ import annotations

import html
import re
import unicodedata

MAX_CHARS = 500  # longer messages are read up to here; the reply says so

_SUBS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, flags), repl)
    for pattern, repl, flags in (
        (r"```.*?```", " ", re.S),  # code blocks carry no question
        (r"(?<!\w)~[^~\n]{1,80}~(?!\w)", " ", 0),  # ~struck out~ words were taken back
        (r"<[@#!][^>|]*\|([^>]*)>", r" \1 ", 0),  # <#C1|general>, <!subteam^S1|@team>
        (r"<[@#!][^>]*>", " ", 0),  # <@U123>, <!channel>, <!here>
        (r"<(?:https?|mailto):[^>|]*\|([^>]*)>", r" \1 ", 0),  # <http://x|label>
        (r"<(?:https?|mailto):[^>]*>", " ", 0),
        (r"https?://\S+", " ", 0),
        (r"</?[a-zA-Z][^>]{0,200}>", " ", 0),  # HTML tags
        (r":[a-z0-9_+\-]+:", " ", 0),  # :emoji: codes
        (r"(?<!\w)[*_~`]+|[*_~`]+(?!\w)", " ", 0),  # *bold* _italic_ ~strike~ `code`
    )
)
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})


def _visible(ch: str) -> bool:
    """Letters, digits, punctuation and spaces; not emoji, symbols or control characters."""
    category = unicodedata.category(ch)
    return ch.isspace() or category[0] in "LNP" or ch in "%£$&+<>=/"


def clean(text: str) -> tuple[str, bool]:
    """Return the readable question and whether it was cut to MAX_CHARS."""
    text = html.unescape(text or "").translate(_QUOTES)
    for pattern, repl in _SUBS:
        text = pattern.sub(repl, text)
    text = "".join(ch if _visible(ch) else " " for ch in text)
    text = " ".join(text.split())
    truncated = len(text) > MAX_CHARS
    return text[:MAX_CHARS], truncated
