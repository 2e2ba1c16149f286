"""What a label says once the source's decorations are off (pure).

NOMIS writes an area as `type:name` ("lep:Humber", "ladu:Barnsley", "country:England"); ONS adds
footnote markers to names and headings ("Cumbria (1)", "2012 (3)"). Matching, periods and mapping
files all read the bare text, while the dry run still shows the label as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# "(1)", "[2]", "[note 3]", "¹²" at the end of a label: a pointer to a footnote, not part of a name.
_MARKER = re.compile(r"\s*(?:\(\d{1,2}\)|\[(?:note\s*)?\d{1,2}\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)$", re.IGNORECASE)
# NOMIS's geography prefix: lower-case letters then ':' with the name straight after ("lep:Humber");
# "Source: ONS" (capital, then a space) is prose.
_TYPE_PREFIX = re.compile(r"^([a-z][a-z0-9_]*):(?=\S)(.*)$")
_LEP_TYPE = re.compile(r"\blep\w*|\blocal enterprise partnerships?\b", re.IGNORECASE)
# Types other than LEPs that still name the benchmark a LEP is compared with.
NATIONAL_NAMES = frozenset({"england", "united kingdom", "uk"})


def without_markers(text: str) -> str:
    """'2012 (3)' -> '2012', 'Cumbria (1)' -> 'Cumbria'; 'Work placements (%)' is left alone."""
    text = " ".join(str(text).split())
    while True:
        bare = _MARKER.sub("", text)
        if bare == text or not bare:
            return text
        text = bare


@dataclass(frozen=True)
class AreaLabel:
    name: str  # what names the area: no type prefix, no footnote marker
    geography: str  # the NOMIS type before ':' ("lep", "ladu"), "" when the label has none


def read_area_label(text: str) -> AreaLabel:
    """'lep:Humber' -> AreaLabel('Humber', 'lep'); 'Cumbria (1)' -> AreaLabel('Cumbria', '')."""
    stripped = text.strip()
    prefixed = _TYPE_PREFIX.match(stripped)
    if prefixed:
        return AreaLabel(without_markers(prefixed.group(2)), prefixed.group(1))
    return AreaLabel(without_markers(stripped), "")


def names_leps(geography: str) -> bool:
    """'lep', 'local enterprise partnerships as of 1 Apr 2011': a LEP geography type."""
    return bool(_LEP_TYPE.search(geography))


def kept(label: AreaLabel, geography: str) -> bool:
    """Lines of LEPs are kept; of other types (districts, regions) only England or the UK."""
    if not geography or names_leps(geography):
        return True
    return label.name.lower() in NATIONAL_NAMES
