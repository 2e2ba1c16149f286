"""What a claim said at a point in a sentence is about: the nearest area and measure, else the
sentence's, else the one before's, else the conversation's — or a doubt, never a guess."""

from __future__ import annotations

import re

from intents.reading import claim_words as words
from intents.reading.claims.sentence import (
    AREA_KINDS,
    NATIONS,
    Context,
    Sentence,
    measures_before,
    nearest,
    part_of,
)
from intents.reading.query import Claim, ClaimKind
from intents.reading.signals import Mention

THE_FIGURE = re.compile(  # the measure the sentence before was about: 'the rate', 'offer them'
    r"\b(?:the|that|this) (?:figure|rate|share|proportion|level)\b"
    r"|\b(?:offer|offered|offering|provide|provided|host|hosted|do|did|run|ran) (?:them|one|so)\b"
)
PRONOUN = re.compile(  # words that stand for an area ('their' is usually the people's)
    r"\b(?:it|its|there|that lep|this lep|the area|that area|the lep|that one|this one|"
    r"same lep|same area|local (?:employers|firms|businesses))\b|^this (?:is|was)\b"
)


CLAUSE_IT = re.compile(r"\b(?:and|but|while|yet|though|whereas)\s+(?:it|its|they)\b")


BOTH_AND = re.compile(r"\bboth\b.+\band\b")  # 'both had careers education and were satisfied'


ALSO = re.compile(r"\b(?:also|too|likewise|as well)\b(?: at| on)?\s*$")


THERE = re.compile(r"\b(?:employers|firms|businesses) there\b|\bthere s\b(?! no)")


CHECK_PHRASES = re.compile(  # 'is it true', 'it s right': the question's 'it', not an area
    r"\b(?:is|was|isn t|wasn t|does|did|can i say|could i say|ok to say|say|put) it\b"
    r"|\bit s? (?:true|right|correct|fair|accurate|ok|okay|safe)\b"
)


REGION_DOUBT = "regions have no figures of their own in this dataset, only their LEPs"


MEASURE_DOUBT = "which measure the figure is about"


YARDSTICK = re.compile(
    r"\b(?:the\s+)?(?:england|uk|national|english)\s+(?:average|figure|benchmark)\b"
)


MEASURED_AGAINST = re.compile(  # what a comparison is against: 'trailed England', 'than in England'
    r"\b(?:above|below|than|against|compared (?:with|to)|behind|ahead of|over|under|beneath|"
    r"short of|level with|in line with|versus|vs|trails?|trailed|lags?|lagged|beats?|beat|"
    r"outperform(?:s|ed)?|underperform(?:s|ed)?|outstrip(?:s|ped)?|exceed(?:s|ed)?|"
    r"match(?:es|ed)?)\s+(?:(?:in|for|across|among)\s+)?(?:the\s+)?$"
)
OWN_FIGURE_AFTER = re.compile(  # '…England, at 11%', '…England, and around 20% did …'
    r"(?:,|\bat|\bwith|\bon|\band)\s*(?:(?:around|about|roughly|nearly|almost|some|just)\s+)?$"
)  # not 'the UK s 18%'
THAN_AFTER = re.compile(r"\S+\s+than\b")
ELIDED_SUBJECT = re.compile(  # 'England matched the UK …, but was a point below (17% vs 18%)'
    r"\s*(?:but|and|yet|while)\s+(?:was|is|were|are|had|has|came|sat|stood|fell|grew|ranked|"
    r"lagged|trailed|did|does)\b"
)
COMPARED_TO = re.compile(
    r"\b(?:only to|second to|behind|than|after)\s+(?:(?:in|for|across|among)\s+)?(?:the\s+)?$"
)


GAP_AGAINST = re.compile(  # '25 points above England': England is the other end of the gap
    r"\b(?:points?|pp|percentage points?|times)\s+(?:above|below|higher than|lower than|ahead of|"
    r"behind|more than|less than|over|under|short of|clear of)\s+(?:the\s+|that of\s+)?$"
)


def _yardstick(sentence: Sentence, mention: Mention) -> bool:
    """'65% of the UK average', '25 points above England': the UK or England there is what the
    figure is measured against."""
    return (
        any(y.start() <= mention.start < y.end() for y in YARDSTICK.finditer(sentence.text))
        or bool(GAP_AGAINST.search(sentence.text[: mention.start]))
        or _set_beside(sentence, mention)
    )


def _set_beside(sentence: Sentence, mention: Mention) -> bool:
    """'work inspiration 11% (England 17%)': England with its own figure, right after another."""
    return (
        mention.target in ("England", "UK")
        and bool(re.search(r"%\s*$", sentence.text[: mention.start]))
        and bool(re.match(r"\s*\d", sentence.text[mention.end :]))
    )


LIST_JOIN = re.compile(r"\s*(?:,\s*and|,|and|&)\s*$")


def _runs(spans: list, text: str) -> list[list]:
    """Spans written as one list: 'London and Humber', '46%, 38% and 29%'."""
    runs: list[list] = []
    for span in spans:
        if runs and LIST_JOIN.fullmatch(text[runs[-1][-1].end : span.start]):
            runs[-1].append(span)
        else:
            runs.append([span])
    return runs


def respectively(sentence: Sentence, at: int) -> Mention | None:
    """'London and Humber reached 46% and 29%': the k-th figure of a list is the k-th area of
    the list of as many areas before it."""
    areas = _runs([m for m in sentence.mentions if m.kind in AREA_KINDS], sentence.text)
    for figures in _runs(list(sentence.amounts), sentence.text):
        if len(figures) < 2 or not any(a.start == at for a in figures):
            continue
        lists = [r for r in areas if len(r) == len(figures) and r[-1].end <= figures[0].start]
        if lists:
            return lists[-1][[a.start for a in figures].index(at)]
    return None


def _areas_before(sentence: Sentence, at: int) -> list[Mention]:
    return [m for m in sentence.mentions if m.kind in AREA_KINDS and m.end <= at]


def _referred(earlier: Context) -> str:
    """The area 'it' or 'there' stands for: the last claim's, else the conversation's."""
    return earlier.previous or (earlier.areas[0] if earlier.areas else "")


def _pronoun_referent(sentence: Sentence, earlier: Context) -> str:
    """The area an 'it' or 'there' in the sentence stands for ('' when it has none)."""
    referred = _referred(earlier)
    return referred if referred and PRONOUN.search(CHECK_PHRASES.sub(" ", sentence.text)) else ""


def behind_yardstick(sentence: Sentence, mention: Mention, at: int) -> str:
    """'Tees Valley is six points below England (17%), and it grew only 0.8%': an 'it' after
    England or the UK is the LEP named before them ('' when none is: 'Nationally it is 38%')."""
    if mention.target not in NATIONS or mention.end > at:
        return ""
    said = list(CLAUSE_IT.finditer(sentence.text[:at]))  # 'and it grew'; not 'where it is'
    if not said or said[-1].start() < mention.end:
        return ""
    own = [m for m in _areas_before(sentence, mention.start) if m.kind == "lep"]
    return own[-1].target if own else ""


SCOPE_OF_EXTREME = re.compile(  # 'the lowest share … in ': where the extreme holds
    rf"\b(?:{words.ONE_WORD_EXTREMES})\b"
    r"[\w\s]{0,60}\b(?:in|across|of any lep in|of all leps in) (?:the )?$"
)


NATIONAL_AFTER = re.compile(
    r"\s*(?:of (?:all )?employers\s+)?(?:across the country|across england|nationally|nationwide|"
    r"in england(?! \w)|in england as a whole|in the country as a whole)\b"
    r"|\s*(?:ranging|ranged|varying|varied) from\b"  # 'at 17%, ranging from 11% in …'
)


def _national_after(sentence: Sentence, at: int) -> bool:
    """A figure followed by 'across the country' (or by the LEP range it sums up) is England's."""
    amount = next((a for a in sentence.amounts if a.start == at), None)
    return amount is not None and bool(NATIONAL_AFTER.match(sentence.text, amount.end))


def _areas_between(sentence: Sentence, start: int, end: int) -> list[Mention]:
    return [m for m in sentence.mentions if m.kind in AREA_KINDS and start <= m.start < end]


def subject_of(sentence: Sentence, at: int, earlier: Context) -> tuple[str, str]:
    """(subject, doubt) for a claim anchored at `at`."""
    paired = respectively(sentence, at)
    if paired is not None:
        return paired.target, ""
    part = part_of(sentence, at)
    nationally = words.NATIONALLY.search(sentence.text, part[0], at)
    if (
        nationally
        and not _areas_between(sentence, nationally.end(), at)
        and not any(nationally.end() <= a.start < at for a in sentence.amounts)
        and not re.search(r"%\s*$", sentence.text[: nationally.start()])  # '38% nationally, …'
    ):
        return "England", ""  # 'Nationally the figure is 17%, so Tees Valley …'
    if _national_after(sentence, at) and not _areas_between(sentence, part[0], at):
        return "England", ""  # '…, compared with two in five across the country'
    mention = nearest(sentence, at, AREA_KINDS, part)
    if mention is None:
        mention = nearest(sentence, at, AREA_KINDS)
        if mention is not None and ELIDED_SUBJECT.match(sentence.text, part[0]):
            mention = next(m for m in sentence.mentions if m.kind in AREA_KINDS)
        elif mention is not None and mention.start > at:  # named across a 'compared with'
            referred = _pronoun_referent(sentence, earlier) or (
                earlier.previous if not earlier.single else ""
            )
            if referred and not _areas_before(sentence, at):
                return referred, ""  # '11% of local employers …, compared with 18% across England'
    compared = COMPARED_TO.search(sentence.text[: mention.start]) if mention else None
    if (
        mention is not None
        and compared is not None
        and mention.end <= at
        and sentence.text[:at].endswith("at ")
        and not any(a.end <= compared.start() for a in sentence.amounts)
    ):  # 'second only to Cumbria, at 23%': not Cumbria; '23% …, second only to Cumbria at 25%' is
        before = _areas_before(sentence, mention.start)
        mention = before[-1] if before else mention
    if (
        mention is not None
        and mention.start > at
        and COMPARED_TO.search(sentence.text[: mention.start])
    ):  # '25% …, second only to Oxfordshire': the area before the figure, or the one before's
        before = _areas_before(sentence, at)
        if before:
            mention = before[-1]
        elif earlier.previous and earlier.previous != mention.target:
            return earlier.previous, ""  # '23% of its GVA, second only to Cumbria'

    if mention is not None and mention.start > at and THAN_AFTER.match(sentence.text, at):
        before = _areas_before(sentence, at)
        mention = before[-1] if before else mention  # 'more likely (40%) than the rest (35%)'
    if mention is not None and mention.start > at and _yardstick(sentence, mention):
        before = _areas_before(sentence, at)
        own = next((m for m in reversed(before) if not _yardstick(sentence, m)), None)
        referred = _pronoun_referent(sentence, earlier)
        if own is None and referred:
            return referred, ""  # 'a quarter of employers there, 8 points above England'
        if own is None and earlier.previous and not earlier.single:
            return earlier.previous, ""  # a passage: 'Work inspiration reached 42%, well above
            # the England figure of 17%' goes on about the last sentence's area
        if own is None and _set_beside(sentence, mention):
            return mention.target, (
                f"which area the figure is for ({mention.target} is named beside it to "
                "compare with)"
            )
        mention = own or mention
    if (
        mention is not None
        and mention.end <= at
        and (_yardstick(sentence, mention) or mention.target in NATIONS)
        and MEASURED_AGAINST.search(sentence.text[: mention.start])
        and OWN_FIGURE_AFTER.search(sentence.text[mention.end : at])
    ):  # 'Humber was above the England average, at 11%': the 11% is the Humber's
        before = _areas_before(sentence, mention.start)
        referred = _pronoun_referent(sentence, earlier)
        if not before and referred:
            return referred, ""  # 'its employers …, eight points above England, and 20% …'
        mention = before[-1] if before else mention
    if (
        mention is not None
        and mention.end <= at
        and mention.target in ("England", "UK")
        and SCOPE_OF_EXTREME.search(sentence.text[: mention.start])
    ):  # 'the Humber had the lowest share … in England, at 29%': England is where it is lowest
        before = _areas_before(sentence, mention.start)
        referred = _pronoun_referent(sentence, earlier)
        if not before and referred:
            return referred, ""  # 'so it's the lowest in England at 29%'
        if not before:  # 'Our employers were the least likely in England, at 11%': whose?
            return mention.target, "which area the figure is for ('in England' is where it stands)"
        mention = before[-1]
    if ALSO.search(sentence.text[max(0, at - 12) : at]):  # 'X is typical of the south, also at 40%'
        start, _ = part_of(sentence, at)
        mention = next(
            (m for m in sentence.mentions if m.kind in AREA_KINDS and start <= m.start < at),
            mention,
        )
    if mention is not None:
        behind = behind_yardstick(sentence, mention, at)
        if behind:
            return behind, ""
    if mention is not None and mention.kind == "region":
        lep = next((m for m in sentence.mentions if m.kind == "lep"), None)
        mention = lep or mention
    if mention is not None:
        if mention.kind == "region":
            return mention.target, REGION_DOUBT
        if mention.kind in ("district", "outside"):
            return (
                mention.target,
                f"{mention.target} is not one of the 39 LEPs, and the data hold no figure for it",
            )
        return mention.target, ""
    vague = next((m for m in sentence.mentions if m.kind == "ambiguous"), None)
    if vague is not None:
        return "", f"which LEP '{vague.target}' means"
    before = CHECK_PHRASES.sub(" ", sentence.text[:at])
    if PRONOUN.search(before) or THERE.search(sentence.text):
        referred = _referred(earlier)
        return referred, "" if referred else "which area 'it' or 'there' refers to"
    if words.AMONG_SECTORS.search(sentence.text):  # 'Among sectors, construction trailed on 6%'
        return "England", ""
    if earlier.previous:  # a passage: 'Only 29% do.' is about the sentence before's area
        return earlier.previous, ""
    if earlier.single and earlier.areas:
        return earlier.areas[0], ""
    return "England", ""


OWN_MEASURE = re.compile(
    r"^\S+\s*(?:(?:a|an|some)\s+)?$"
)  # '38% a placement', '25% work inspiration'


def measure_of(sentence: Sentence, at: int, earlier: Context) -> tuple[str, str]:
    """The nearest measure, passing over one another measure named beside it narrows
    ('Year 11s who had careers education were satisfied' is about satisfaction)."""
    part = part_of(sentence, at)
    mention = nearest(sentence, at, ("indicator",), part)
    if mention is None and earlier.indicators and THE_FIGURE.search(sentence.text, *part):
        return earlier.indicators[0], ""  # 'Across the UK the figure was 38%, and 44% … work
        # experience': the figure the sentence before was about
    mention = mention or nearest(sentence, at, ("indicator",))
    sectors = [m for m in sentence.mentions if m.kind == "sector"]
    sector_before = earlier.indicators[:1] and earlier.indicators[0] in sentence.broken_down
    if (
        sectors
        and sector_before
        and (mention is None or mention.target not in sentence.broken_down)
    ):
        return earlier.indicators[0], ""  # 'Manufacturing stood at 13%.' after a sector claim
    if len({m.target for m in sectors}) > 1:  # "manufacturing 13%, construction 6%": sectors
        overlapping = mention is not None and any(
            m.start < mention.end and mention.start < m.end for m in sectors
        )
        if (mention is None or overlapping) and len(sentence.broken_down) == 1:
            return next(iter(sentence.broken_down)), ""
    yardstick = (
        mention is not None
        and mention.start > at
        and words.RATIO_OF.search(sentence.text[at : mention.start]) is not None
    )
    if yardstick and earlier.indicators:  # '17% did any, a third of the placement rate'
        return earlier.indicators[0], ""
    if mention is not None and not part[0] <= mention.start < part[1]:
        part = part_of(sentence, mention.start)  # the measure is named in the next part
    scope = (0, len(sentence.text)) if BOTH_AND.search(sentence.text) else part
    named = {
        m.target
        for m in sentence.mentions
        if m.kind == "indicator" and scope[0] <= m.start < scope[1]
    }
    linked = mention is not None and OWN_MEASURE.match(sentence.text[at : mention.start])
    if mention is not None and mention.start >= at and linked:
        return mention.target, ""  # '38% a placement': the figure's own measure
    if mention is not None:
        narrower = [i for i in named if mention.target in sentence.supersedes.get(i, ())]
        if narrower:
            return narrower[0], ""
    if mention is not None:
        return mention.target, ""
    area = nearest(sentence, at, AREA_KINDS, part)
    said = dict(earlier.said_of)
    if area is not None and area.target in said:  # 'ok fixed: London 46% and C&W 25% now'
        return said[area.target], ""
    if earlier.indicators:
        return earlier.indicators[0], ""
    paired = measures_before(sentence, earlier)
    for figures in _runs(list(sentence.amounts), sentence.text) if paired else ():
        starts = [a.start for a in figures]  # 'led on both, at 46% and 25%'
        if at in starts and len(figures) == len(paired):
            return paired[starts.index(at)], ""
    return "", MEASURE_DOUBT


def anchored(sentence: Sentence, at: int, earlier: Context, kind: ClaimKind) -> Claim:
    """A claim of `kind` anchored at `at`: its subject, measure and period, and the first doubt
    about either; callers replace() what their own words say."""
    subject, doubt = subject_of(sentence, at, earlier)
    indicator, measure_doubt = measure_of(sentence, at, earlier)
    return Claim(
        text=sentence.original,
        kind=kind,
        subject=subject,
        indicator=indicator,
        period=sentence.period,
        doubt=doubt or measure_doubt,
    )


def carried_sector(sentence: Sentence, earlier: Context) -> str:
    """'Its figure was 18%.' after a claim about a sector is about that sector."""
    return earlier.sector if PRONOUN.search(sentence.text) else ""


def sector_mention(sentence: Sentence, at: int) -> Mention | None:
    """The sector named in the claim's part; 'Construction isn't the sector with the lowest …'
    and 'Among micro firms, 25% …' name it in the part before."""
    mention = nearest(sentence, at, ("sector",), part_of(sentence, at))
    sectors = [m for m in sentence.mentions if m.kind == "sector"]
    alone = len(sectors) == 1 and not any(m.kind in ("lep", "group") for m in sentence.mentions)
    if mention is None and (
        words.SECTOR_WORD.search(sentence.text)
        or words.AMONG_WORD.search(sentence.text)
        or (  # 'construction lags …, with only 6% involved': its first figure after it
            alone
            and sectors[0].end <= at
            and not any(sectors[0].end <= a.start < at for a in sentence.amounts)
        )
    ):
        mention = nearest(sentence, at, ("sector",))
    before = [m for m in sentence.mentions if m.kind == "sector" and m.end <= at]
    if (
        mention is not None
        and mention.start > at
        and before
        and (
            words.NEXT_ONE.search(sentence.text[at : mention.start])
            or (
                not SECTOR_LINK.match(sentence.text[at : mention.start])
                and _has_own_figure(sentence, mention)
            )
        )
    ):  # '… followed by financial services (18%)', '… at 19%, construction the lowest at 6%'
        return before[-1]
    return mention


SECTOR_LINK = re.compile(
    r"\S*\s+(?:of|in|among|amongst|across|for|from)\b"
)  # '13% of manufacturers'


def _has_own_figure(sentence: Sentence, sector: Mention) -> bool:
    """A sector named after a figure with a figure of its own after it, before any other
    sector: that later figure is its, so the earlier one belongs to the sector before."""
    later = [m.start for m in sentence.mentions if m.kind == "sector" and m.start > sector.start]
    upto = min(later, default=None)
    return any(
        a.start >= sector.end
        and (upto is None or a.start - sector.end <= upto - a.end)  # no nearer the next
        for a in sentence.amounts
    )  # '… 13% in manufacturing and just 4% in construction': the 4% is construction's


def sector_at(sentence: Sentence, at: int) -> str:
    mention = sector_mention(sentence, at)
    return mention.target if mention else ""
