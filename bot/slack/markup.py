"""Slack's markup around a question, taken off so the engine reads plain words.

Slack sends a message with its control characters escaped (&amp; &lt; &gt;), mentions and
channel links as <@U…> and <#C…|name>, links as <url|label>, emoji as :codes:, and formatting
marks around words. Questions pasted from Slack into the terminal carry the same markup, so every
surface passes text through `unwrap` before asking.
"""

from __future__ import annotations

import html
import re

_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})
_SUBS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, flags), repl)
    for pattern, repl, flags in (
        (r"```.*?```", " ", re.S),  # code blocks carry no question
        # ~struck out~ words taken back for the ones after ('~GM~ sorry, LCR'); else just marks
        (
            r"(?<!\w)~[^~\n]{1,80}~(?!\w)(?=\s*(?:sorry|i mean|i meant|actually|correction|oops|\*|_|,\s*i mean))",
            " ",
            re.I,
        ),
        # a struck figure with another after it is corrected by it: '~40%~ 38% of employers'
        (r"(?<!\w)~[£$]?\d[\d.,]*\s*(?:%|per ?cent|pp|points?)?~(?=\s*[£$]?\d)", " ", re.I),
        (
            r"(?<![\w~])~(?=\s?[£$]?\d[\d.,]*\s*(?:%|k\b|m\b|per ?cent|points?|pp)?(?:\s|$|[,.;:)]))",
            " about ",
            re.I,
        ),  # '~45%' on a slide
        (r"<#[^>]*>", " ", 0),  # <#C1|skills-analysts>: where it was posted, not what is asked
        (r"<[@!][^>|]*\|([^>]*)>", r" \1 ", 0),  # <!subteam^S1|@team>
        (r"<[@#!][^>]*>", " ", 0),  # <@U123>, <!channel>, <!here>
        (r"<(?:https?|mailto):[^>|]*\|([^>]*)>", r" \1 ", 0),  # <http://x|label>
        (r"<(?:https?|mailto):[^>]*>", " ", 0),
        (r"https?://\S+", " ", 0),
        (r"</?[a-zA-Z][^>]{0,200}>", " ", 0),  # HTML tags, from rich text pasted in
    )
)


_EMOJI = re.compile(r":[a-z0-9_+\-]+:")
_FORMATTING = re.compile(r"(?<!\w)[*_~`]+|[*_~`]+(?!\w)")  # *bold* _italic_ ~strike~ `code`


def _emoji(found: re.Match[str]) -> str:
    """An :emoji: code read left to right: inside a word ('place:tada:ments') it is dropped, so
    the word stays whole; elsewhere it is a space ('work :sparkles:inspiration:sparkles:')."""
    text, start, end = found.string, found.start(), found.end()
    inside = start and end < len(text) and text[start - 1].isalpha() and text[end].isalpha()
    return "" if inside else " "


def unwrap(text: str) -> str:
    """The words of a Slack message: entities decoded, markup, mentions and links removed."""
    text = html.unescape(text or "").translate(_QUOTES)
    for pattern, repl in _SUBS:
        text = pattern.sub(repl, text)
    return _FORMATTING.sub(" ", _EMOJI.sub(_emoji, text))
