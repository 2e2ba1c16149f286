"""Places named as background, not as the subject: 'sat in the Leeds workshop, what's Solent like
for placements?' asks about Solent. A place is background when the words around it say where the
asker is or who is asking (a workshop, an office, a team, a colleague, someone who 'says'), or when
it comes before a 'but', an 'anyway' or a 'for the record' with another place after it (not when
a figure follows the 'but': then each place has its own), or after 'not just'."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

GATHERINGS = (
    r"workshops?|office|offices|sessions?|teams?|tables?|room|call|calls|meetings?|events?|"
    r"presentations?|folks?|people|lot|crowd|colleagues?|group|board|delegation|contingent|"
    r"visit|conference|conf|summit|forum|breakout|hub|network|partners?|reps?|staff|festivals?|"
    r"fairs?|roadshows?|expos?|launch|releases?|awards|dinner|breakfast|showcase|roundtables?|"
    r"seminars?|webinars?|briefings?|panels?|symposium|away ?days?"
)
AFTER = re.compile(
    rf"^\s*(?:lep\s+)?(?:(?:skills|economic|growth|business|regional|annual|local|jobs?|careers?|press)\s+)?(?:{GATHERINGS})\b"
    r"|^\s*(?:one\s+|lot\s+|stuff\s+|numbers?\s+)?(?:can|will|could) wait\b"  # '(the liverpool one can wait)'
    r"|^\s*(?:lep\s+)?(?:says?|said|asked|asks|wants?|reckons?|thinks?|keeps|kept|mentioned|"
    r"told|is asking|are asking|here|says hi|sends?)\b"
    r"|^\s*(?:city\s+|county\s+|district\s+)?councils?\s+(?:at|are|were|will|coming|joining|attending)\b"
)
BEFORE = re.compile(  # where the asker has been, or who in a place is asking
    r"\b(?:back from|out of|after|following up from|visiting|visited|on behalf of|trains? from|"
    r"came from|coming from|travelled from|drove from|up from|down from)\s+"
    r"(?:the\s+|our\s+|my\s+|a\s+|their\s+)?$"
    r"|\b(?:colleagues?|friends?|boss|manager|someone|somebody|director|chair|team|lot|folks|"
    r"people|contact|mate|mum|dad|mother|father|sister|brother|family|partner|heads|headteachers|"
    r"teachers|governors|parents|councillors|readers|journalists|ministers)\s+"
    r"(?:in|at|from|over at|up in|down in)\s+(?:the\s+)?$"
    r"|\b(?:lives?|living|grew up|born|moved|holiday\w*|stay(?:ed|ing)?)\s+(?:in|to)\s+(?:the\s+)?$"
    r"|\b(?:i m|im|i am|i ll be|i will be|we re|we are|we ll be|i was|we were)\s+(?:up |down |over |out )?"
    r"in\s+(?:the\s+)?$"  # "I'm in Leeds tomorrow"; 'I'm at Cumbria council' is who asks
    r"|\b(?:us|those of us|we)\s+(?:up |down |over |out )?(?:here )?in\s+(?:the\s+)?$"
    r"|\b(?:work(?:ed|s)?|studied|phd|degree|trained|went to uni(?:versity)?)\s+(?:in|at)\s+(?:the\s+)?$"
    r"|\b(?:off|going|heading|headed|travelling|traveling|a trip|flying|driving|visits?|trip|tour)\s+(?:up\s+|down\s+)?to\s+(?:the\s+)?$"
    r"|\b(?:outside|near|session in|sessions in|meeting in|workshop in|event in|conference in|"
    r"conf in|day in|week in|visitors from|guests from|delegates from)\s+(?:the\s+)?$"
    r"|\b(?:not just|not only|rather than|instead of)\s+(?:the\s+)?$"  # '(not just the SE LEP)'
    r"|(?:\(|\bone\b,?)\s*not\s+(?:the\s+)?$"  # '(the Durham one, not Tees Valley)': which it is not
    r"|\b(?:i think|i reckon|i guess|i assume|i suspect|pretty sure) it (?:s|is|was|ll be)"
    r"\s+(?:the\s+)?$"  # 'which LEP is lowest? I think it's Humber': a guess, not the subject
    r"|\b(?:ex|former|formerly|previously (?:at|in|with))\s+(?:the\s+)?$"  # '(ex Birmingham council)'
    r"|\b(?:visit(?:ed|ing|s)?|opened|toured|spoke at|speaking at|went to|was at|were at|been to)\s+"
    r"(?:a|an|the|our|their)\s+(?:\w+\s+){0,2}(?:in|at)\s+(?:the\s+)?$"  # 'visited a factory in Sunderland'
)
OCCASION = re.compile(  # 'for the Nottingham event': where the asker will be, not the subject
    r"^\s*(?:lep\s+)?(?:workshops?|sessions?|meetings?|events?|presentations?|visit|conference|"
    r"conf|summit|forum|breakout|call|roundtable|away ?day|(?:jobs?\s+|careers?\s+)?fairs?|"
    r"festivals?|roadshows?|expos?|launch)\b"
)
CONTRAST = re.compile(
    r"\bbut\b|\bany ?ways?\b|\banyhow\b|\bmoving on\b|\bfor the record\b|\bignore that\b"
    r"|\bfor prep\b|\bunrelated\b|\bseparately\b|\bon (?:a|another) (?:different |separate )?note\b"
    r"|\b(?:different|separate|real|actual) question\b"
)
FOR = re.compile(r"\bfor (?:our|the|my|their)\s+$")
PARALLEL = re.compile(  # '… a quarter in Cheshire and Warrington, but just over one in ten in …'
    r"\s+(?:(?:only|just|nearly|almost|over|under|about|around|barely|well|less than|more than)\s+)*"
    r"(?:\d|(?:a|one)\s+(?:third|quarter|fifth|half|in)\b|(?:two|three|four)\s+in\b|half\b)"
)


class Named(Protocol):
    start: int
    end: int


def _joined(text: str, first: Named, second: Named) -> bool:
    """'the Humber and Tees Valley presentations': names joined by 'and' share their setting."""
    return re.fullmatch(r"\s*(?:and|&|,)\s*(?:the\s+)?", text[first.end : second.start]) is not None


def background(text: str, places: Sequence[Named]) -> set[int]:
    """Indexes into `places` (in the order written) that are background in normalised `text`."""
    out: set[int] = set()
    for i, place in enumerate(places):
        if FOR.search(text[: place.start]) and not OCCASION.match(text[place.end :]):
            continue  # 'asking for our Cornwall team': the subject
        setting = AFTER.match(text[place.end :]) is not None or BEFORE.search(text[: place.start])
        if not setting and i + 1 < len(places) and _joined(text, place, places[i + 1]):
            setting = AFTER.match(text[places[i + 1].end :]) is not None
        if setting:
            out.add(i)
    contrast = CONTRAST.search(text)
    if contrast is not None and not PARALLEL.match(text, contrast.end()):
        later = [i for i, p in enumerate(places) if p.start > contrast.end()]
        if later:
            out |= {i for i, p in enumerate(places) if p.end <= contrast.start()}
    return out
