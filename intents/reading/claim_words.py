"""The words around a figure that say what is claimed of it: bounds ('over', 'at most'), approaches
('almost', 'just over'), hedges ('about'), negation, ranks and extremes, and the population a
share is of. Phrases are matched on normalised text, longest first."""

from __future__ import annotations

import re

from intents.reading.query import Comparator

# What a word before a figure makes of it. 'No more than 13%' is at most 13%, not above it.
COMPARATORS: dict[Comparator, tuple[str, ...]] = {
    ">=": (
        "reach", "reaches", "reached", "reaching", "hit", "hits", "hitting", "got to", "gets to", "get to", "getting to", "at least", "no fewer than", "no less than", "not less than", "not fewer than",
        "a minimum of", "not below", "not under", "at or above",
    ),
    "<=": (
        "at most", "no more than", "not more than", "up to", "a maximum of", "not above",
        "not over", "no higher than", "not exceeding", "at or below",
    ),
    ">": (
        "over", "more than", "above", "greater than", "higher than", "exceeds", "exceeding",
        "exceeded", "in excess of", "upwards of", "beyond", "north of", "better than",
        "bigger than", "larger than", "topping", "tops", "topped", "surpassed", "surpasses",
        "passed", "broke",
    ),
    "<": (
        "under", "less than", "fewer than", "below", "lower than", "beneath", "short of",
        "south of", "worse than", "smaller than", "not even",
    ),
    "just_below": (
        "almost", "nearly", "just under", "just short of", "getting on for", "approaching",
        "not quite", "a little under", "slightly under", "slightly less than", "a shade under",
        "a bit under", "just below", "slightly below", "shy of", "just shy of", "close on",
        "a little less than", "just less than", "just fewer than", "well nigh",
    ),
    "just_above": (
        "just over", "just above", "a little over", "slightly over", "slightly more than",
        "a shade over", "a bit over", "just more than", "a touch over", "a little more than",
        "just exceeding", "slightly above",
    ),
    "~": (
        "about", "around", "roughly", "approximately", "approx", "circa", "c", "some", "~",
        "in the region of", "of the order of", "something like", "more or less", "close to",
        "an estimated", "approaching roughly", "round about", "give or take",
    ),
}  # fmt: skip
AFTER_HEDGES = ("or so", "ish", "odd", "give or take")  # '30% or so'
INCLUSIVE_AFTER = {"or more": ">=", "or above": ">=", "or over": ">=", "and above": ">="}
INCLUSIVE_AFTER |= {"or higher": ">=", "plus": ">=", "or less": "<=", "or fewer": "<="}
INCLUSIVE_AFTER |= {"or below": "<=", "or under": "<=", "or lower": "<="}
# a bound said of a gap the other way round: 'at least 8 points below' is -8 or lower
MIRRORED: dict[Comparator, Comparator] = {
    ">": "<",
    ">=": "<=",
    "<": ">",
    "<=": ">=",
    "just_below": "just_above",
    "just_above": "just_below",
}
ASKS_TO_STATE = (  # 'can I write that …?', 'is it fair to say …': whether a sentence stands
    r"(?:(?:can|could|may|should) (?:i|we) (?:just |really |safely |still )?"
    r"(?:say|write|claim|put|state|quote)|is it (?:fair|ok|okay|safe|right) to (?:say|write|claim))"
)
NEGATION = re.compile(
    r"\b(?:not|never|n t|no longer|fails? to|failed to|falls? short of|fell short of|isn t|"
    r"doesn t|don t|didn t|wasn t|aren t|weren t|hasn t|haven t|hadn t|"
    r"isnt|doesnt|didnt|wasnt|arent|werent|hasnt|havent|hadnt|"  # typed without the apostrophe
    r"no(?= (?:less|more|lower|higher|worse|better|fewer|greater|smaller|bigger)\b))\b"
)
COMPLEMENT = re.compile(  # "employers that do not offer placements": the share not doing it
    r"\b(?:do not|don t|did not|didn t|does not|doesn t|never|fail to|failed to|had not|"
    r"hadn t|have not|haven t|has not|hasn t|were not|weren t|are not|aren t|was not|wasn t|"
    r"said they had not|said they were not|not)\s+(?:yet\s+|been\s+|ever\s+)?"
    r"(?:offer|provide|host|give|take|run|have|had|get|got|do|did|done|use|engage|receiv|"
    r"satisf|happy|involv)\w*"
    r"|\b(?:had|got|received|did|have|has|get|with) no\b|\bwithout (?:any )?(?:careers|work)\b"
    r"|\b(?:do not|don t|did not|didn t|does not|doesn t)\s*(?:[.!?;,)]|$)"  # '… four in five don't.'
)
# Ranks and extremes: "the second lowest", "bottom", "the best". Polarity is applied when judged.
ORDINALS = {"second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "fifth": 5}
ORDINALS |= {"5th": 5, "next": 2}
EXTREME_WORDS = {
    "highest": "highest", "top": "highest", "largest": "highest", "biggest": "highest",
    "greatest": "highest", "most": "highest", "leads": "highest", "leading": "highest",
    "strongest": "highest", "richest": "highest", "wealthiest": "highest", "fastest": "highest",
    "lowest": "lowest", "bottom": "lowest", "smallest": "lowest", "least": "lowest",
    "fewest": "lowest", "weakest": "lowest", "poorest": "lowest", "slowest": "lowest",
    "best": "best", "worst": "worst", "led": "highest", "tops": "highest", "topped": "highest",
    "leaders": "highest", "laggards": "lowest",
    "faster than any": "highest", "higher than any": "highest", "more than any": "highest",
    "bigger than any": "highest", "greater than any": "highest", "slower than any": "lowest",
    "lower than any": "lowest", "less than any": "lowest", "fewer than any": "lowest",
    "smaller than any": "lowest",
    **{f"no {other}lep {verb} {what}": extreme
       for other in ("", "other ") for verb in ("has a", "had a", "has", "had", "is", "was", "did")
       for what, extreme in (("higher", "highest"), ("lower", "lowest"), ("better", "best"),
                             ("worse", "worst"), ("bigger", "highest"), ("smaller", "lowest"))},
}  # fmt: skip
ONE_WORD_EXTREMES = "|".join(w for w in EXTREME_WORDS if " " not in w)  # for regexes
EXTREME = re.compile(
    r"\b(?:(joint|equal)\s+)?(?:("
    + "|".join(ORDINALS)
    + r")\s+)?(?:the\s+)?("
    + "|".join(sorted(EXTREME_WORDS, key=len, reverse=True))
    + r")\b(?!\s+(?:\d+|five|ten|three|half)\b)"
)
BAND_AFTER = re.compile(r"\s*(?:\w+\s+){0,2}?(?:band|bracket|group|tier)\b")
PLURAL = re.compile(r"\b(?:both|are|were|have|share|shared|each|lead|led|joint|jointly)\b")
TOP_N = re.compile(r"\b(top|bottom)\s+(\d{1,2}|three|five|ten)\b")
TOP_N_ENDS = re.compile(  # 'the two largest manufacturing shares': a top 2
    r"\b(two|three|four|five|[2-5])\s+(largest|biggest|highest|greatest|strongest|best|lowest|"
    r"smallest|weakest|worst)\b"
)
ONLY = re.compile(  # 'the only LEP', 'Only London …'; not 'managed only 11%' (merely)
    r"\b(?:only(?!\s+(?:about\s+|around\s+|just\s+|some\s+)?£?\d)|sole|alone|unique|outright|on its own|"
    r"(?:clear of|ahead of|above|better than|beating) (?:every|all|each|any) other)\b"
)
AMONG = re.compile(  # 'among the worst', 'one of the highest': a standing, not a rank
    r"\b(?:among|one of|some of|amongst)\s+(?:the\s+)?(?:very\s+)?"
    r"(highest|lowest|best|worst|top|bottom|strongest|weakest|poorest|richest|leading|"
    r"leaders|lagging|laggards)\b"
)
AMONG_SIDE = {"highest": "high", "top": "high", "strongest": "high", "richest": "high"}
AMONG_SIDE |= {"leading": "high", "leaders": "high", "lagging": "low", "laggards": "low"}
AMONG_SIDE |= {"lowest": "low", "bottom": "low", "weakest": "low", "poorest": "low"}
AMONG_SIDE |= {"best": "best", "worst": "worst"}
SECOND_TO = re.compile(
    r"\b(second|third|2nd|3rd)\s+(?:only\s+)?to\b"
)  # 'second only to Oxfordshire'
AS_THE_END = re.compile(  # '… second only to Cheshire and Warrington (0.6%) as the slowest'
    r".{0,60}?\bas the (" + "|".join(sorted(EXTREME_WORDS, key=len, reverse=True)) + r")\b"
)
PLURAL_AFTER = re.compile(  # 'have the largest manufacturing shares': said of the areas listed
    r"(?:\s+[\w-]+){0,3}?\s+(?:shares|figures|rates|proportions|percentages|levels|scores)\b"
)
CAME = re.compile(
    r"\b(?:came|comes|ranked|ranks|placed|sits|was|is)\s+(second|third|fourth|2nd|3rd|4th)\b"
    rf"(?!\s+(?:{ONE_WORD_EXTREMES})\b)"  # 'was second slowest'
)
RELATIONS = {  # a standing claimed without a figure: "Cumbria has a low placement rate"
    # the figure itself, high or low
    "high": "high", "low": "low", "above average": "high", "below average": "low",
    "above the average": "high", "below the average": "low", "well above": "high",
    "well below": "low", "hotspot": "high", "hotspots": "high",
    # how the area does, judged by the measure's polarity: poor youth unemployment is a high one
    "does well": "best", "doing well": "best", "performs well": "best", "did well": "best",
    "perform well": "best", "performed well": "best", "performing well": "best",
    "do well": "best", "do particularly well": "best", "does particularly well": "best",
    "scores well": "best", "scored well": "best", "score well": "best", "excels": "best",
    "leads the way": "best", "performs strongly": "best", "good": "best", "strong": "best",
    "stronger": "best", "ahead": "best",
    "does badly": "worst", "does poorly": "worst", "performs poorly": "worst", "struggles": "worst",
    "perform poorly": "worst", "performed poorly": "worst", "do badly": "worst", "did badly": "worst",
    "scores poorly": "worst", "scored poorly": "worst", "scores badly": "worst",
    "performs weakly": "worst", "poor": "worst", "weak": "worst", "weaker": "worst",
    "lags": "worst", "lag": "worst", "lagging": "worst", "behind": "worst", "falls behind": "worst",
    "blackspot": "worst", "black spot": "worst", "cold spot": "worst", "blackspots": "worst",
    "black spots": "worst", "cold spots": "worst",
    # how willing its employers are: 'reluctant to offer placements' is a low share
    "reluctant to offer": "low", "reluctant to provide": "low", "slow to offer": "low",
    "keen to offer": "high", "quick to offer": "high", "eager to offer": "high",
}  # fmt: skip
# Words that tie a figure to a sector or to a measure named elsewhere in the sentence.
SECTOR_WORD = re.compile(r"\bthe (?:sector|industry)\b")  # 'isn't the sector with the lowest'
AMONG_WORD = re.compile(r"\b(?:among|amongst)\b")  # 'Among micro firms with 2-4 staff, 25% …'
AMONG_SECTORS = re.compile(  # 'Among sectors, construction trailed on 6%': England's sectors
    r"\b(?:among|amongst|across|of the|by) (?:the )?(?:sectors|industries)\b"
)
NEXT_ONE = re.compile(  # 'business services (19%), followed by financial services (18%)'
    r"\b(?:followed by|then|ahead of|than|against|compared (?:with|to)|while|whereas|behind|and|"
    r"above|below)\b"
)
RATIO_OF = re.compile(  # a measure named as what a figure is a fraction of, in another clause
    r"\b(?:(?:a (?:third|quarter|fifth|half)|\d+ ?%) of|half|twice|double|\d+(?:\.\d+)? times) "
    r"(?:the|that|its) $"
)
# All employers rather than a sector's: 'employers overall', 'all sectors' (one home for both the
# reader of a figure and the reader of a comparison)
ALL_EMPLOYERS_SAID = r"\b(?:employers|firms|businesses) (?:overall|in general|as a whole)\b|\ball (?:employers|sectors)\b"
NATIONALLY = re.compile(r"\b(?:nationally|across england|in england as a whole)\b")
BENCHMARK_WORDS = re.compile(
    r"\b(?:the\s+)?(?:england|english|national|nation s|country s|uk|national)\s*"
    r"(?:average|figure|benchmark|rate|level|mean|share)\b|\bthe (?:average|benchmark)\b"
)
THAN_OR_AREA = re.compile(r"\s*(?:\w+\s+){0,2}?(?:than|above|below|over|under|behind|ahead|on)\b")
DIRECTIONS = {
    "faster than": 1, "quicker than": 1, "slower than": -1, "more slowly than": -1,
    "more likely than": 1, "less likely than": -1,
    "lead over": 1, "ahead": 1, "exceeded": 1, "exceeds": 1, "outstripped": 1,
    "above": 1, "higher than": 1, "more than": 1, "ahead of": 1, "over": 1, "up on": 1,
    "greater than": 1, "better than": 1, "higher": 1, "more": 1,
    "below": -1, "lower than": -1, "less than": -1, "fewer than": -1, "behind": -1,
    "under": -1, "down on": -1, "worse than": -1, "lower": -1, "less": -1, "fewer": -1,
    "beat": 1, "beats": 1, "outperformed": 1, "outperforms": 1, "outpaced": 1, "outstrips": 1,
    "trailed": -1, "trails": -1, "lagged": -1, "lags": -1, "fell short of": -1,
    "leads": 1, "led": 1,
}  # fmt: skip
# 'the south leads the rest of England by 5 points': a lead by a margin is a gap, not a top spot
MARGIN = r"by\s+(?:\d|(?:a|an|one|two|three|four|five)\s)"
LEADS_BY = re.compile(rf"\s+(?:[\w']+\s+){{1,5}}?{MARGIN}")
MARGIN_AFTER = re.compile(rf"\s+{MARGIN}")
LEAD_VERBS = frozenset({"leads", "led", "leading", "tops", "topped"})
# The population a share is said to be of, when it is not employers.
PEOPLE_WORDS = re.compile(  # a share of people, households or schools: not of employers
    r"\b(?:londoners|residents|people(?! at school)|households|workers|employees|schools|workforce|"
    r"adults|sole traders|self employed|population|jobseekers|graduates|apprentices|families)\b"
    r"(?!\s+(?:employers|firms|businesses|companies))"  # "Londoners' employers" are employers
)
ALL_SIZES = re.compile(  # businesses with no staff, or of every size: wider than employers
    r"\b(?:sole traders?|self employed|one person|without (?:staff|employees)|of all sizes)"
)
QUANTIFIERS = {"most": ">", "the majority of": ">", "a majority of": ">", "a minority of": "<"}
QUANTIFIER = re.compile(
    r"\b(most|the majority of|a majority of|a minority of)\s+(?:of\s+)?(?:the\s+)?(?:\w+\s+){0,3}?"
    r"(?=employers|firms|businesses|companies|year 11|pupils|students|establishments)"
)
EVERY = re.compile(
    r"\b(?:no|none of the|not one|not a single|every|each|all|all the|all 39)\s+(?:of\s+the\s+)?(?:39\s+)?leps?\b"
)
EVERY_SECTOR = re.compile(
    r"\b(?:no|none of the|not one|not a single|every|each|all|all the)\s+(?:of\s+the\s+)?"
    r"(?:four\s+)?(?:sectors?|industr(?:y|ies))\b"
)
SUBGROUP_WORDS = re.compile(  # part of the surveyed population, for which nothing is published
    r"\b(?:girls|boys|young women|young men|female|male|disadvantaged|free school meals|fsm|"
    r"state school|independent school|private school|ethnic minority|bame|rural schools|"
    r"urban schools)\b"  # employers by size are in sectors.yaml
)
_STUDENTS = r"pupils?|students?|year 11s?|16 year olds|15 16 year olds"
_YOUNG_PEOPLE = r"young people|teenagers|school leavers|learners|children|kids|youngsters"
STUDENT_WORDS = re.compile(rf"\b(?:{_STUDENTS})\b")
YOUNG_PEOPLE = re.compile(rf"\b(?:{_YOUNG_PEOPLE})\b")  # wider than the Year 11s ASPIRES 2 asked
BENEFICIARY = re.compile(  # '38% offered placements to young people': whom it is for, not of
    rf"\b(?:to|for|with|from)\s+(?:the\s+|local\s+|school\s+)*(?:{_STUDENTS}|{_YOUNG_PEOPLE})\b"
)
EMPLOYER_WORDS = re.compile(
    r"\b(?:employers?|firms?|businesses|business|companies|company|establishments?|"
    r"organisations?|workplaces?|sites?|bosses)\b"
)
ALL_EMPLOYERS = re.compile(
    r"\b(?:all|every|of all)\s+(?:the\s+)?(?:employers|firms|businesses|companies)"
)
PROVIDERS = re.compile(  # employers narrowed to those that offered placements
    r"\b(?:employers|firms|businesses|companies) (?:offering|that offered|who offered|which offered|"
    r"that offer|who offer|providing|that provided|that provide|with) (?:work )?placements\b"
    r"|\bplacement providers\b"
)
ALL_OF = re.compile(r"\b(?:all|every|each|of all|whole)\s+(?:the\s+)?(?:year 11|pupils|students)")
RANGE_WORDS = re.compile(
    r"\b(?:run|runs|ran|range|ranges|ranged|ranging|vary|varies|varied|spread|span|spans|from)\b"
)
ALL_LEPS = re.compile(
    r"\b(?:leps?|lep areas|local enterprise partnerships?|areas|across the country|across england)\b"
)


def phrase_before(text: str, end: int, phrases: tuple[str, ...]) -> str:
    """The longest of `phrases` ending right before `end` (whole words), or ''."""
    before = text[:end].rstrip()
    for phrase in sorted(phrases, key=len, reverse=True):
        if before.endswith(phrase) and (
            len(before) == len(phrase) or not before[-len(phrase) - 1].isalnum()
        ):
            return phrase
    return ""


CONTRASTED = re.compile(  # 'Northern Ireland, not London, had the highest': London is no subject
    r"(?:^|[\s,(])(?:not|rather than|instead of)\s+(?:the\s+)?$"
)
LEAVING_OUT = re.compile(  # 'the highest outside London', 'the lowest apart from the Humber'
    r"\s+(?:(?:\w+\s+){0,4}?)(?:outside|apart from|except|excluding|other than|bar|after|behind)"
    r"\s+(?:for\s+)?(?:the\s+)?$"
)
CO_HOLDER = re.compile(  # 'joint top with London', 'level with Dorset': sharing a standing
    r"\b(?:(?:joint(?:ly)?|level|tied|equal|shared?|neck and neck)\s+(?:\w+\s+){0,3}?with|alongside)"
    r"\s+(?:the\s+)?$"
)
CONTRAST_ENDS = re.compile(  # … and the sentence goes on past it (commas are gone by now)
    r"\s+(?:had|has|was|is|were|are|came|led|leads|topped|tops|sat|sits|scored|recorded|saw|"
    r"offered|offers|but|that|who|which)\b"
)
PASSIVE_BEATEN = re.compile(  # 'London was beaten by the Humber': the sides turn round
    r"\b(?:was|were|is|are|been|being) (?:beaten|outperformed|outpaced|outstripped|overtaken|"
    r"outscored|bettered|trailed|led) by\b"
)
NOT_TRUE_THAT = re.compile(  # "it's not true that Tees Valley was bottom": the whole claim denied
    r"\b(?:it s|it is|it was|that s|that is)\s+(?:not|n t|un)\s*true\s+that\b|\bnot the case that\b"
    r"|\bit is false that\b"
)
EACH_OF_THEM = re.compile(r"\b(?:both|each|respectively)\b")  # the measures named before, in order
