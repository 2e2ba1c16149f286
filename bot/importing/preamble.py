"""The lines above a table -> what they say about every figure in it (pure).

NOMIS query downloads put the dataset title, a copyright line and `label | value` lines (`date`,
`Sex :`, `Age :`) above each block; ONS puts title rows and a units row ("£", "£ million"). The
`label | value` lines become the block's coordinates (a `date` line is its period), the first
title is what a table with years across measures, and the units guard a measure named by title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.importing.labels import without_markers
from bot.importing.periods import TIME_WORDS

_LABEL = re.compile(r"^[A-Za-z][A-Za-z /&()-]{0,29}$")  # "date", "Sex", "Age", "Units"
_UNITS = re.compile(
    r"^(?:units?\s*:?\s*)?(?:£|£\s*(?:million|m|bn|billion|thousand|k|per head)|%|per ?cent|"
    r"percentage|number|persons|people|counts?|rate)$",
    re.IGNORECASE,
)
_BOILERPLATE = re.compile(r"copyright|crown|from nomis|©|^source\b|^notes?\b", re.IGNORECASE)
_TABLE_NUMBER = re.compile(r"^(?:table|figure|sheet)\s+[\w.]+\s*[:.–—-]\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Preamble:
    coords: tuple[tuple[str, str, int], ...] = ()  # (label, value, row) from `label | value` lines
    titles: tuple[str, ...] = ()
    units: str = ""

    @property
    def period(self) -> tuple[str, int] | None:
        """(the period, its row) when a `date` / `period` line says it."""
        return next(((v, r) for k, v, r in self.coords if k in TIME_WORDS), None)

    @property
    def title(self) -> str:
        """The first title that is not boilerplate, without 'Table 2:' or footnote markers
        (a line opening with a mark, '! Estimate …', is the last block's footnote)."""
        for text in self.titles:
            if text[:1].isalnum() and not _BOILERPLATE.search(text):
                return without_markers(_TABLE_NUMBER.sub("", text))
        return ""


def read_preamble(rows: tuple[tuple[str, ...], ...], first: int) -> Preamble:
    """The rows of a preamble (the first at spreadsheet row index `first`)."""
    coords: list[tuple[str, str, int]] = []
    titles: list[str] = []
    units = ""
    for n, row in enumerate(rows, start=first):
        cells = [c.strip() for c in row if c.strip()]
        if len(cells) == 2 and _LABEL.match(cells[0].rstrip(": ").strip()):
            label = cells[0].rstrip(": ").strip().lower()
            if label in ("units", "unit"):
                units = cells[1]
            coords.append((label, cells[1], n))
        elif len(cells) == 1 and _UNITS.match(cells[0]):
            units = cells[0]
        elif len(cells) == 1:
            titles.append(cells[0])
    return Preamble(tuple(coords), tuple(titles), units)
