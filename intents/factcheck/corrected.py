"""A pasted passage given back with each figure the data contradicts replaced by the published
one, in [brackets] — the editor's mark for changed words in a quotation. Nothing else in the
user's wording changes."""

from __future__ import annotations

import re

from intents.factcheck.judgement import SAID, Judgement
from intents.reading.amounts import UNITS

MARK = "[{}]"
NOTE = "Figures in [brackets] replace ones the published data contradicts."
_WORD_NUMBER = "|".join(UNITS)


def _pattern(judgement: Judgement) -> re.Pattern[str] | None:
    """The claimed figure as the user typed it (with its 'over', 'about'), case-insensitively."""
    claim = judgement.claim
    written = claim.written.strip()
    if not written:
        return None
    words = [re.escape(w) for w in re.split(r"\s+", written)]
    body = r"[\s,\-]*".join(w.replace("£", "£\\s?") for w in words)
    body = re.sub(r"(\d)(\d{3})\b", r"\1,?\2", body)  # £37232 was typed £37,232
    body = body.replace(r"per\ cent", r"per ?cent")
    lead = SAID.get(claim.comparator, "").strip()
    prefix = rf"(?:\b{re.escape(lead)}\s+)?" if lead else ""
    edge = r"(?<![\d.,])" if written[0].isdigit() else ""  # '8%' is not the end of '18%'
    end = r"(?![\d,]\d)" if written[-1].isdigit() else ""  # '£3' is not the start of '£37'
    return re.compile(prefix + edge + body.replace(r"\%", r"\s?%") + end, re.I)


def corrected(text: str, judgements: list[Judgement]) -> tuple[str, int]:
    """(the passage with corrections marked, how many were made). Claims come in the order
    written, so each figure is looked for after the one before it, never inside a mark
    already made ('46% and 29% respectively' swapped: each gets its own)."""
    made, at = 0, 0
    for judgement in judgements:
        pattern = _pattern(judgement)
        if pattern is None:
            continue
        found = _after(pattern, text, at) or _after(pattern, text, 0)
        if found is None:
            continue
        start, end = found.span()
        if judgement.verdict != "incorrect" or not judgement.correction:
            at = end  # a figure judged right keeps its place: the next claim is after it
            continue
        mark = MARK.format(_once(judgement.correction, text[end:]))
        text = text[:start] + mark + text[end:]
        made += 1
        at = start + len(mark)
    return text, made


def _after(pattern: re.Pattern[str], text: str, at: int) -> re.Match[str] | None:
    """The first match at or after `at` that is not inside a mark already made."""
    return next((m for m in pattern.finditer(text, at) if not _marked(text, m.start())), None)


def _marked(text: str, at: int) -> bool:
    return text.rfind("[", 0, at + 1) > text.rfind("]", 0, at + 1)


def _once(correction: str, after: str) -> str:
    """'0.6% a year' where the passage goes on 'a year …': only the figure is replaced."""
    figure = re.match(r"[£$]?[\d.,]+\s*%?", correction)
    rest = correction[figure.end() :].strip() if figure else ""
    if rest and after.lstrip().lower().startswith(rest.lower()):
        return correction[: figure.end()].strip()
    return correction
