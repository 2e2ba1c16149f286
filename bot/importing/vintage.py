"""Is a line from a later LEP geography than 2014's? (pure)

LEPs were renamed and redrawn after 2014, and some later names are aliases the question reader
rightly accepts ("Hull and East Yorkshire" for Humber), so a table cannot be matched by name
alone: a figure for a redrawn area is not a figure for the 2014 LEP. A line is from a later
geography when its geography type carries a revision after 2014 (NOMIS names the type "local
enterprise partnerships as of …") or its name exists only in a later geography. Such lines are
never matched unless a mapping file says so.
"""

from __future__ import annotations

import re

from bot.importing.labels import names_leps

BOUNDARY_YEAR = 2014  # the LEP geography lepbot's data are for
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# Names of LEPs in later geographies that no 2014 LEP carried -> the 2014 LEP nearest to each.
LATER_NAMES = {
    "hull and east yorkshire": "Humber",
    "north east": "North Eastern",
    "west yorkshire": "Leeds City Region",
    "south yorkshire": "Sheffield City Region",
    "cambridgeshire and peterborough": "Greater Cambridge and Greater Peterborough",
    "buckinghamshire": "Buckinghamshire Thames Valley",
    "york, north yorkshire and east riding": "York and North Yorkshire",
}


def revision_year(geography: str) -> int | None:
    """1 Apr 2011 -> 2011 for 'local enterprise partnerships as of 1 Apr 2011'; None if none."""
    if not names_leps(geography):
        return None
    years = [int(y) for y in _YEAR.findall(geography)]
    return max(years) if years else None


def later_boundary(name: str, geography: str) -> tuple[str, tuple[str, ...]]:
    """(why the line is from a later geography, the nearest 2014 LEP), or ('', ()) if it is not."""
    year = revision_year(geography)
    nearest = LATER_NAMES.get(" ".join(name.lower().replace("&", "and").split()))
    if year is not None and year > BOUNDARY_YEAR:
        return f"geography '{geography}' is not the 2014 LEPs", (nearest,) if nearest else ()
    if nearest:
        return f"names of LEPs from after {BOUNDARY_YEAR} (renamed or redrawn)", (nearest,)
    return "", ()
