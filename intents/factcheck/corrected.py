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
    """(the passage with corrections marked, how many were made)."""
    made = 0
    for judgement in judgements:
        if judgement.verdict != "incorrect" or not judgement.correction:
            continue
        pattern = _pattern(judgement)
        if pattern is None:
            continue
        text, count = pattern.subn(MARK.format(judgement.correction), text, count=1)
        made += count
    return text, made
