"""Keep the readable characters of a message, its line breaks, and a length worth reading.

Chat markup (Slack's mentions, links, emoji codes) is taken off at the edge, in bot/slack/markup.py;
what arrives here is plain text, perhaps with emoji and control characters still in it.
"""

from __future__ import annotations

import re
import unicodedata

MAX_CHARS = 4000  # a pasted paragraph of a brief; longer messages are read up to here
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[^a-z\s])|(?<=;)\s+")  # a ";" joins two claims


def _visible(ch: str) -> bool:
    """Letters, digits, punctuation and spaces; not emoji, symbols or control characters."""
    category = unicodedata.category(ch)
    return ch.isspace() or category[0] in "LNP" or ch in "%£$&+<>=/~"


EMAIL_HEADER = re.compile(r"^(?:from|sent|to|cc|bcc|date|subject)\s*:", re.I)


def clean(text: str) -> tuple[str, bool]:
    """Return the readable message and whether it was cut to MAX_CHARS. A pasted email's header
    lines (From:, Sent:, Subject: …) say nothing about the question and are left out."""
    text = "".join(ch if _visible(ch) else " " for ch in text or "")
    lines = (" ".join(line.split()) for line in text.splitlines())
    text = "\n".join(line for line in lines if line and not EMAIL_HEADER.match(line))
    truncated = len(text) > MAX_CHARS
    return text[:MAX_CHARS], truncated


ABBREVIATION = re.compile(r"(?:^|\W)(?:c|ca|approx|e\.g|i\.e|vs|st|no|cf|fig|est)\.$", re.I)


def sentences(text: str) -> list[str]:
    """A message split into sentences and lines (a brief's paragraph, a pasted list); 'c.' and
    'e.g.' do not end one."""
    out: list[str] = []
    for line in text.splitlines():
        start = len(out)
        for part in (p.strip() for p in SENTENCE_END.split(line) if p.strip()):
            if len(out) > start and ABBREVIATION.search(out[-1]):
                out[-1] = f"{out[-1]} {part}"
            else:
                out.append(part)
    return out
