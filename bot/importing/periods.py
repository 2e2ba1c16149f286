"""Time in a table: which headings and labels are periods, and how --period finds one (pure).

Time sits in different places by source — a block's `date` row (NOMIS query downloads), the
column headings (ONS years across), a DATE_NAME column (NOMIS API) — and each reader marks it with
these tests, so `--period` means the same thing wherever time is.
"""

from __future__ import annotations

import re

from bot.importing.labels import without_markers

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_YEAR = r"(?:19|20)\d\d"
_POINT = (
    rf"(?:{_YEAR}(?:\s*[/-]\s*\d\d(?:\d\d)?)?"  # 2012, 2011/12, 2011-2012
    rf"|{_MONTH}\s+{_YEAR}"  # Nov 2014, November 2014
    rf"|{_YEAR}\s*q[1-4]|q[1-4]\s*{_YEAR}"  # 2014 Q1, Q1 2014
    rf"|{_YEAR}-[01]\d)"  # 2014-11 (NOMIS DATE codes)
)
_PERIOD = re.compile(
    rf"^(?:(?:\d+\s+months?\s+to|year\s+to|{_MONTH}\s+{_YEAR}\s*[-–—]|{_MONTH}\s*[-–—])\s*)?{_POINT}$",
    re.IGNORECASE,
)
# Labels of a preamble line or a long table's column that hold the period.
TIME_WORDS = frozenset({"date", "period", "year", "time", "quarter", "month", "date_name"})


def is_period(text: str) -> bool:
    """'2012 (3)', 'Jul 2013-Jun 2014', 'Nov 2014', '2011/12', '2014 Q1': a point or span of time."""
    return bool(_PERIOD.match(without_markers(text).strip()))


def period_label(text: str) -> str:
    """The period as the file writes it, footnote markers off: '2012 (3)' -> '2012'."""
    return without_markers(text).strip()


def same_period(asked: str, written: str) -> bool:
    """--period 'jul 2013 - jun 2014' finds 'Jul 2013-Jun 2014'; '2012' finds '2012 (3)'."""
    return _key(asked) == _key(period_label(written))


def _key(text: str) -> str:
    text = re.sub(r"\s*[-–—]\s*", "-", text.strip().lower())
    return " ".join(text.replace(".", "").split())
