"""Follow-ups: whether a question leans on the one before it, and what it takes from it.

What carries over depends on the last intent ("and the bottom 5?" keeps a ranking's measure and
order; "what about GVA?" keeps one side of a relationship); each intent declares that in its
FollowUp, so this module knows the kinds of carrying, not the intents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

from intents.reading.claim_words import ASKS_TO_STATE
from intents.reading.query import Query
from intents.reading.signals import Signals

Carried = Literal["pair", "ranking", "sectors", "added_areas"]


@dataclass(frozen=True)
class FollowUp:
    """What a follow-up to an intent's answer may take from it."""

    inherits: bool = True  # a follow-up without trigger words of its own may keep the intent
    carries: frozenset[Carried] = frozenset()  # beyond the areas and measures every intent lends
    lends_measures: bool = True  # False: the answer covers every measure, none was chosen
    orders_within: bool = False  # 'which is lowest?' after it orders what it listed, not LEPs


ITS = (  # 'is its placement figure above England?'; not 'its been a long day' (it's)
    r"\b(?:its|their) (?:\w+ ){0,2}?(?:figure|share|rate|score|number|placements?|inspiration|growth|gva|"
    r"unemployment|band|rank|position|economy)\b"
)
ENDS = (  # the words for either end of a ranking
    "highest|lowest|best|worst|biggest|smallest|largest|fastest|slowest|strongest|weakest|"
    "richest|poorest"
)
STANDING = (  # 'is that the highest?', 'are they in the top group too?': where the area just given
    # stands, which its value answer says; not a new ranking
    r"^(?:and |so |but )?(?:is|was|are|were) (?:that|this|it|they)(?: figure| one| area| lep)?"
    rf"(?: \w+)?(?: (?:the|in the|among the|one of the))? (?:{ENDS}|top|bottom|most|least)\b"
    r"|\bwhere (?:does|do) (?:it|that|this|they) (?:rank|stand|come|sit)\b"
    r"|^(?:and )?how far (?:below|above|behind|ahead of|off)\b.* (?:is|are) (?:it|they|that)$"
    r"|^(?:and )?(?:is|are) (?:its|their) (?:\w+ ){1,3}(?:high|low|good|bad|strong|weak)\b"
)
AS_A_SHARE_OF = r"^(?:and )?(?:as a|as) (?:share|percentage|proportion|%|ratio) of\b"
LEAD_WORDS = tuple(  # lean on the last question without pointing at anything in it
    re.compile(p)
    for p in (
        r"^(?:and|or|but|so|also|then|now)\b",
        r"^(?:ok|okay|right|cool|thanks|great)\b(?=\s+\S)",  # 'thanks!' alone is not a question
        r"^(?:thank you|cheers|ta|lovely|perfect)\W+(?:and|also)\b",  # not 'thank you so much'
    )
)
POINTERS = tuple(  # point back at what was said before: 'it', 'the two', 'what about'
    re.compile(p)
    for p in (
        r"^(?:what|how) about\b",
        r"^(?:same|likewise|ditto)\b",
        r"^(?:compare|versus|vs|against|add|plus)\b",
        r"^what of\b",
        r"\b(?:there|that area|that lep|that place|this area|this lep|those areas|those leps|them|the two|both of them|that one|which one)\b",
        ITS,
        r"^(?:how|what|where|and) (?:do|did|are|were|does|about) they\b",
        r"\b(?:compare|compares|comparison) (?:with|to|against)\b|\bhow does (?:that|it|this) compare\b",
        r"\bhow (?:does|do|did) (?:that|it|this) (?:sit|stack up|look|fare|measure up|do)\b",
        r"\bhow (?:much|many times) (?:bigger|higher|lower|smaller|more|less|larger)? ?is (?:that|it|this)\b",
        r"\b(?:that|it|this) (?:vs|versus|against)\b",
        r"\binstead\b",
        r"\b(?:the|that|this) (?:figure|number|one|measure|stat)\b",
        r"\b(?:for|about|does|is|on|with) it\b",
        r"^(?:is|was|are|were) (?:that|this|those|these)\b",  # 'is that % of all Year 11s?'
        r"\bwhere (?:is|s|does|do|did) (?:that|this|those|these) (?:come |came )?from\b",
        STANDING,
        AS_A_SHARE_OF,  # 'as a share of the UK?'
    )
)
FOLLOW_UP = LEAD_WORDS + POINTERS
ADDS_AREAS = re.compile(
    r"\b(?:compare|comparison|vs|versus|against|than|add|plus|with|the two|both|them|those|all three)\b"
)
ALONE = re.compile(r"\b(?:on (?:its|their) own|alone|by itself|just|only|instead)\b")
WHICH_ONE = (  # 'which one's doing better?', 'which is higher?', 'gap in points?': the last two
    r"which (?:one|of (?:them|those|these)|is (?:higher|lower|better|worse|bigger|smaller|ahead))"
    r"|^(?:what s |what is )?(?:the )?(?:gap|difference|ratio)\b"
)
BACK_TO_SEVERAL = re.compile(rf"\b(?:the two|both|them|those|these|all three|{WHICH_ONE})\b")
BACK_TO_TWO = re.compile(rf"\b(?:the two|both|{WHICH_ONE})\b")
SUBJECT_PRONOUN = re.compile(  # "so it's the lowest of all 39?", "and they're 9 points under"
    r"^(?:and |so |but |ok |okay |right |then )*"
    r"(?:(?:is it|is that) (?:true|right|correct|fair|accurate) (?:that )?|"  # 'is it true it's …'
    rf"{ASKS_TO_STATE} (?:that )?|that )?"  # 'can I write that it's …'
    r"(?:it s|it is|it was|it has|it had|it grew|"
    r"they re|they are|they were|they have|they had)\b"
)
AREA_REFERENCE = re.compile(
    r"\b(?:there|that area|that lep|that place|this area|this lep|those areas|those leps|them|the two|both)\b"
    rf"|{ITS}|{STANDING}"
    r"|^(?:how|what|where|and) (?:do|did|are|were|does|about) they\b"
    rf"|{SUBJECT_PRONOUN.pattern}"
)
ASKS_STANDING = re.compile(STANDING)
THEY = re.compile(
    r"\b(?:they|them|their|those (?:leps|areas|ones|places)|these (?:leps|areas|ones))\b"
)
NEXT_IN_RANKING = re.compile(
    r"\b(?:next|after|behind|below)\b|^(?:and )?then\b"
)  # 'who's next after them'
HOW_MEASURED = re.compile(r"\b(?:measure|measured|calculate|calculated|define|defined)\b")
MAX_THEY = 5  # a ranking's LEPs a 'they' can mean: the ones shown
PICK = re.compile(  # 'the bottom one?', "who's second?", 'number 2?': one LEP of a ranking
    r"^(?:and |so |ok |okay |thanks |thank you |cheers |great )?"
    r"(?:(?:who|what|which) (?:s |is |was )?|what about |tell me about )?"
    r"(?:the )?(?:(top|highest|bottom|lowest|best|worst|strongest|weakest)"
    r"(?= (?:one|lep|place|area|of (?:that|the|those|them|this)))|(first|second|third|"
    rf"fourth|fifth|last|1st|2nd|3rd|4th|5th)(?: (?:{ENDS}))?|(?:number|no|#) ?([1-9])|"
    r"(next)(?: one)?|(?:one|lep|area) (after|below) (?:that|it|them))"
    r"(?: one| lep| place| area| on the list| in the list)?"
    r"(?: of (?:that|the|those|this) (?:bunch|lot|list|group|ones|five|three)| of them| of those)?"
    r"(?: then)?$"
)
AT_THE_END = re.compile(  # 'n at the foot of the table?', "who's top of the list"
    r"^(?:and |n |so )?(?:(?:who|what|which one) (?:s |is |was )?)?(?:at |on )?(?:the )?"
    r"(top|head|foot|bottom|tail) (?:end )?of (?:the |that )?(?:table|list|pile|league|ranking)$"
)
PICKED_END = {"top": "highest", "highest": "highest", "head": "highest", "bottom": "lowest"}
PICKED_END |= {"lowest": "lowest", "foot": "lowest", "tail": "lowest", "best": "best"}
PICKED_END |= {"strongest": "best", "worst": "worst", "weakest": "worst"}
ORDINAL = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4}
ORDINAL |= {"4th": 4, "fifth": 5, "5th": 5, "last": -1}


WHOLE_PROFILE = re.compile(  # 'the top one - tell me everything': that LEP's profile
    r"\s*(?:-|,|:)?\s*(?:tell me (?:everything|all|more)(?: about (?:it|them|that one))?|"
    r"(?:the )?(?:full|whole) (?:profile|picture)|everything)$"
)


def asks_profile_of_pick(text: str) -> bool:
    return WHOLE_PROFILE.search(text.strip(" ?!.")) is not None


WHO_AT_END = re.compile(  # "who's bottom?": one LEP; 'and the bottom?' is the bottom of the list
    r"^(?:and |so )?(?:who|which lep|which one) (?:s |is |was |comes |came )?(?:at the |the )?"
    r"(top|highest|bottom|lowest)$"
)


def picked(text: str) -> tuple[str, int] | None:
    """('highest' | 'lowest' | 'best' | 'worst', 0), ('next', 0) or ('', position) when a
    follow-up picks one LEP of a ranking or a list."""
    who = WHO_AT_END.match(text.strip(" ?!.")) or AT_THE_END.match(text.strip(" ?!."))
    if who is not None:
        return PICKED_END[who.group(1)], 0
    found = PICK.match(WHOLE_PROFILE.sub("", text.strip(" ?!.")))
    if found is None:
        return None
    end, nth, number, *after = found.groups()
    if end:
        return PICKED_END[end], 0
    if any(after):
        return "next", 0
    return "", ORDINAL[nth] if nth else int(number)


LEAD_IN = re.compile(r"^(?:and|or|but|so|also|then|now|ok|okay|what about|how about)\s+")
SHORT = 5  # words; a short question missing a slot leans on the last one


def refers_back(signals: Signals) -> bool:
    return any(p.search(signals.text) for p in FOLLOW_UP)


def points_back(signals: Signals) -> bool:
    """A reference to something said before ('it', 'the two', 'what about'), not just a lead-in
    word such as 'ok' or 'and'."""
    return any(p.search(signals.text) for p in POINTERS)


def refers_to_areas(signals: Signals) -> bool:
    return AREA_REFERENCE.search(signals.text) is not None


AS_A_SHARE = re.compile(AS_A_SHARE_OF)


def is_benchmark(signals: Signals) -> bool:
    """The one group named is a yardstick or rival ('compare with the UK?'), not a subject."""
    return len(signals.groups) == 1 and (
        signals.groups[0] in signals.yardsticks or signals.groups[0] in signals.rivals
    )


def asks_standing(signals: Signals) -> bool:
    return ASKS_STANDING.search(signals.text) is not None


def without_lead_in(text: str) -> str:
    """The question's own words, past any 'and' or 'what about'."""
    return LEAD_IN.sub("", text)


def is_follow_up(signals: Signals) -> bool:
    """Leaning on the last question: it refers back, or it is short and misses an area or a
    measure."""
    if refers_back(signals):
        return True
    no_slot = not (signals.leps or signals.groups) or not signals.indicators
    return len(signals.tokens) <= SHORT and no_slot and not signals.ambiguous


def carry(signals: Signals, last: Query, policy: FollowUp) -> tuple[Signals, tuple[str, ...]]:
    """Fill what the follow-up leaves out from the last question, and say what was carried."""
    notes: list[str] = []
    changes: dict = {}
    unheld = signals.unread and (signals.leps or signals.districts)
    if not signals.indicators and last.indicators and not (signals.sectors or unheld):
        # 'population of Humber?' names its area and a measure of its own, one not held
        changes["indicators"] = last.indicators
        notes.append("measure carried over from the previous question")
    elif signals.indicators and len(last.indicators) == 2 and "pair" in policy.carries:
        keep = [i for i in last.indicators if i not in signals.indicators][1:]
        changes["indicators"] = (*signals.indicators, *keep)
    if (
        not signals.leps
        and signals.order
        and BACK_TO_SEVERAL.search(signals.text)
        and len(last.areas) > 2
    ):
        # 'which of them is best?' after a region's LEPs: a ranking within them
        changes["regions"] = (("the LEPs asked about", last.areas),)
        notes.append("ranked within the LEPs of the previous question")
        return replace(signals, **changes), tuple(notes)
    if not signals.leps and BACK_TO_SEVERAL.search(signals.text) and len(last.seen_areas) > 1:
        wanted = 2 if BACK_TO_TWO.search(signals.text) else 3
        changes["leps"] = last.seen_areas[-wanted:]
        notes.append("areas carried over from earlier in the conversation")
        return replace(signals, **changes), tuple(notes)
    alone = ALONE.search(signals.text)
    adds = last.areas and len(signals.leps) <= 1 and ADDS_AREAS.search(signals.text)
    and_more = (  # 'and Cornwall?' after London vs the UK is Cornwall's turn, not a third side
        signals.leps
        and "added_areas" in policy.carries
        and signals.text.startswith("and ")
        and len(last.areas) > 1
    )
    benchmark = is_benchmark(signals) and (
        ADDS_AREAS.search(signals.text)
        or refers_to_areas(signals)  # 'is its figure above England?'
        or (signals.rivals and signals.text.startswith("and ") and len(last.areas) == 1)
        or AS_A_SHARE.match(signals.text) is not None  # "as a share of the UK?"
    )
    if (adds or and_more) and not alone and not benchmark:
        changes["leps"] = tuple(dict.fromkeys((*last.areas, *signals.leps)))
        notes.append("areas carried over from the previous question")
    elif benchmark and not signals.leps and last.areas and not signals.students:
        # "how does that compare with England?"; a survey of pupils has no LEP figure to set against it
        changes["leps"] = last.areas
        changes["groups"] = signals.rivals  # England goes without saying; the UK is a side
        notes.append(
            f"area carried over from the previous question; set against {signals.groups[0]}"
        )
    elif (
        not signals.leps
        and not signals.groups
        and last.areas
        and not signals.districts
        and not signals.ambiguous  # 'so what's the figure for Corby?': a place of its own
    ):
        changes["leps"] = last.areas
        notes.append("area carried over from the previous question")
    elif (
        not signals.leps
        and last.listed
        and THEY.search(signals.text)
        and not (signals.order or NEXT_IN_RANKING.search(signals.text))
        and not HOW_MEASURED.search(signals.text)  # 'how do they measure it?' asks of the figure
        and not signals.attribute  # 'how do they measure placements?' asks what a figure is
    ):
        changes["leps"] = last.listed[:MAX_THEY]  # 'and do they do badly on placements?'
        cut = f"the first {MAX_THEY} " if len(last.listed) > MAX_THEY else "the "
        notes.append(f"{cut}LEPs the ranking listed, carried over")
    if "ranking" in policy.carries and not signals.leps:
        if signals.n is None and last.n is not None:
            changes["n"] = last.n
        if not signals.order and last.order:
            changes["order"] = last.order
        if signals.threshold is None and last.threshold is not None and not signals.order:
            changes["threshold"] = last.threshold
    if (
        "sectors" in policy.carries
        and last.breakdowns
        and not signals.sectors
        and not signals.groups
    ):
        changes["sectors"] = last.breakdowns
    return replace(signals, **changes), tuple(notes)
