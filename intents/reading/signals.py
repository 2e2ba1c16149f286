"""Everything a question names, read once into one immutable Signals value: places, measures,
sectors, numbers, order words, years, and the words nothing explained."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Literal, get_args

from intents.reading.amounts import YEAR, Amount, amounts
from intents.reading.attributes import Attribute, asked_attribute
from intents.reading.background import background
from intents.reading.claim_words import ASKS_TO_STATE, RELATIONS
from intents.reading.clean import sentences
from intents.reading.lexicon import Lexicon
from intents.reading.normalise import TOKEN, normalise
from intents.reading.numbers import ALL_ORDER_WORDS, first_number, order, threshold
from intents.reading.phrases import exact_matches, fuzzy_matches
from intents.reading.query import Threshold

STANDING = re.compile(  # a place said without a figure: 'a low placement rate', 'ahead of'
    r"\b(?:above the (?:\w+ )?average|below the (?:\w+ )?average|ahead of|higher than|lower than|"
    r"better than|worse than|level with|the same as|outperforms?|trails?|beats?|more likely|"
    r"less likely|tops|topped|leads|led|c[oa]mes? (?:top|bottom|last)|"
    r"(?:higher|lower|better|worse|bigger|smaller|greater) (?:\w+ ){1,3}?than|"
    r"(?:the|a) (?:majority|minority) of|"
    + "|".join(sorted((w for w in RELATIONS if w not in ("good", "poor")), key=len, reverse=True))
    + r")\b"
)
QUESTION_START = re.compile(
    r"^(?:what|which|how|where|who|when|why|is|are|was|were|do|does|did|can|could|would|will|"
    r"should|tell|show|give|list|rank|compare|top|bottom|help|define|explain|any|has|have|"
    r"please|pls|get|find|i need|need|whats)\b"
    r"|\b(?:could|can|would|will) (?:you|someone|anyone|somebody|u)\b|\b(?:tell|remind|show) me\b"
    r"|\bwhat (?:is|s|was|are|were|share|proportion|percentage)\b|\bhow (?:does|do|is|are|many|much)\b"
    r"|\b(?:please|pls|plz)\b|\bi (?:need|want|d like)\b"
)
STATEMENT_VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|offers?|offered|did|does|grew|grown|fell|rose|came|"
    r"comes|ran|runs|sits|sat|stands|ranks|ranked|lies|remains?|tops|topped|leads|led|trails|"
    r"lags|beats?|outperforms?|reach(?:es|ed)?|doesn t|isn t|wasn t|didn t|don t|aren t|got|"
    r"gets|takes|took|hosts|hosted|provides|provided|accounts? for|makes up|made up|comes second|"
    r"performs?|performed|scores?|scored|excels|struggles|struggled|lag|lagged|trail|trailed|"
    r"match(?:es|ed)?|equall?ed|equals|mirror(?:s|ed)?|outperform(?:s|ed)?|underperform(?:s|ed)?|"
    r"outstrip(?:s|ped)?|exceed(?:s|ed)?|doubled|trebled|tripled|halved|beaten|"
    r"(?:jointly|joint) top|top the (?:table|list|league|rankings?|leps|sectors|chart))\b"
)
OURS = re.compile(r"\b(?:our|ours)\b")  # 'the Tees Valley team: our GVA growth'; not 'we've got'

EMPLOYERS = re.compile(r"\b(?:employers?|firms?|businesses|companies|establishments|workplaces)\b")
EITHER_BASE = re.compile(  # 'employers or pupils?' asks whose share it is: the measure stays
    r"\b(?:employers?|firms?|businesses|companies) or (?:of )?(?:pupils|students|young people|year 11s?)\b"
    r"|\b(?:pupils|students|young people|year 11s?) or (?:of )?(?:employers?|firms?|businesses|companies)\b"
)
INCLUDED = re.compile(r"\b(?:inc|incl|including|includes|included)\s+(?:the\s+)?$")
REGION_WORDS = frozenset({"leps", "lep", "areas", "region", "regions", "ones"})
ASKS_WORDING = re.compile(
    r"\bwhat (?:can|could|should) (?:i|we) (?:\w+ )?(?:say|write|use|quote)\b"
)
ASKS_TO_STATE_SAID = re.compile(rf"\b{ASKS_TO_STATE}\b")
ASKS_AFTER = re.compile(  # '… says hull is among the worst - whats hull's actual number?'
    r"(?:^|[?.!\n]\s*|\s[-–—]+\s*)(?:(?:so|and|but|ok|okay)\s+)?(?:what\W?s|what\s+(?:is|are|was|were)|"
    r"where\W?s|where\s+(?:is|are|does|do)|which|how\s+(?:many|much|big|high|low|well))\b"
    r"(?![^?.!\n]*\b(?:true|right|correct|accurate|wrong|fair|legit|ok|okay)\b)[^?.!\n]*\??\s*$"
)
ASKS_LEPS = re.compile(  # a question over LEPs in general, not a claim about one
    r"(?<!of )(?<!than )(?<!in )\b(?:which|what|any|how many|list|show|name|rank|are there)\b"
    r"(?:\s+\w+){0,4}?\s+"
    r"(?:leps?|areas?|places?|partnerships?|regions?|ones?)\b"
    r"|(?<!the )(?<!a )\b(?:leps?|areas|places) (?:where|with|that|which|in which)\b"
    r"|^(?:is )?(?:anywhere|anyone|any lep|any area)\b"
    r"|^where (?:do|does|is|are|have|has)\b|^who\b|\bwho (?:has|is|s|comes?|tops?|leads?) (?:the )?(?:highest|lowest|best|worst|most|"
    r"least|top|bottom|first|last)\b"
    r"|^(?:leps?|areas)\s+(?:above|over|below|under|at|beating|more|less|fewer|between|north of|south of)\b"
    r"|(?<!best )(?<!worst )(?<!highest )(?<!lowest )\b(?:anywhere|anyone)\W*$"  # "… anywhere?"
)
SECTOR_CONTEXT = r"\b(?:sectors?|industr\w*|employers|firms|businesses|companies)\b"
# 'work inspiration in manufacturing'; with a LEP named 'in' is the place's ('manufacturing in
# Cumbria' is its share of GVA: sectors are published for England alone)
IN_A_SECTOR = r"\bin\b"


Named = Literal[  # the slots a phrase in the lexicon fills
    "lep",
    "group",
    "outside",
    "district",
    "indicator",
    "sector",
    "ambiguous",
    "region",
]


Slot = Literal[
    Named,
    "number",
    "threshold",
    "order",
    "n",
    "unread",
    "other_year",
    "students",
    "asks_leps",
    "asks_wording",
    "asks_after",
    "asks_to_state",
    "paragraph",
    "standing",
    "statement",
    "rival_group",
    "asks_meaning",
    "asks_base",
    "asks_boundary",
    "asks_source",
    "asks_method",
]
SLOTS: frozenset[Slot] = frozenset(get_args(Slot))
ASKED: dict[Attribute, Slot] = {
    "meaning": "asks_meaning",
    "base": "asks_base",
    "boundary": "asks_boundary",
    "source": "asks_source",
    "method": "asks_method",
}
ASKED_OF_A_FIGURE = frozenset(ASKED.values())  # slots words fill, as a rule's triggers do
MentionKind = Literal[
    "lep", "group", "outside", "district", "indicator", "sector", "region", "ambiguous"
]


@dataclass(frozen=True)
class Mention:
    """One thing named, and where (character offsets in the normalised text)."""

    kind: MentionKind
    target: str
    start: int
    end: int


@dataclass(frozen=True)
class Signals:
    """Everything found in one question."""

    text: str
    tokens: tuple[str, ...]
    leps: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    rivals: tuple[str, ...] = ()  # of those, the ones a LEP is compared with beside England
    yardsticks: tuple[str, ...] = ()  # of those, the ones a LEP's figure is set against
    outside: tuple[str, ...] = ()
    districts: tuple[str, ...] = ()
    indicators: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    ambiguous: tuple[tuple[str, tuple[str, ...]], ...] = ()
    regions: tuple[tuple[str, tuple[str, ...]], ...] = ()
    amounts: tuple[Amount, ...] = ()  # figures written, in order
    n: int | None = None
    order: str = ""
    threshold: Threshold | None = None
    years: tuple[str, ...] = ()
    other_years: tuple[str, ...] = ()
    students: bool = False
    asks_leps: bool = False
    asks_wording: bool = False  # 'what can I actually say?': asks for the facts, checks nothing
    asks_after: bool = False  # ends in a question for a figure: what is said before is context
    asks_to_state: bool = False  # 'can I write that …?': asks whether a sentence stands
    attribute: Attribute = ""  # what it asks about a figure: 'period on the GM rate?' (meaning)
    paragraph: bool = False  # two or more sentences with figures: a passage to check
    standing: bool = False  # words that place an area without a figure
    statement: bool = False  # said as a statement, not asked: a claim to check
    unread: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()  # in the order written
    aside: tuple[str, ...] = ()  # every place named reads as background ('Leeds team here: top 5')

    @property
    def present(self) -> frozenset[Slot]:
        names: dict[Slot, object] = {
            "lep": self.leps,
            "group": self.groups,
            "outside": self.outside,
            "district": self.districts,
            "indicator": self.indicators,
            "sector": self.sectors,
            "ambiguous": self.ambiguous,
            "region": self.regions,
            "number": self.amounts,
            "threshold": self.threshold,
            "order": self.order,
            "n": self.n,
            "unread": self.unread,
            "other_year": self.other_years,
            "students": self.students,
            "asks_leps": self.asks_leps,
            "asks_wording": self.asks_wording,
            "asks_after": self.asks_after,
            "asks_to_state": self.asks_to_state,
            "paragraph": self.paragraph,
            "standing": self.standing,
            "statement": self.statement,
            "rival_group": self.rivals,
        }
        asked = {ASKED[self.attribute]} if self.attribute else set()
        return frozenset(k for k, v in names.items() if v) | asked


def _covered(lexicon: Lexicon, indicators: list[str]) -> frozenset[str]:
    """Years the asked measures cover (any measure's years when none is named)."""
    if not indicators:
        return lexicon.years[""]
    return frozenset().union(*(lexicon.years.get(i, frozenset()) for i in indicators))


def _unique(items) -> tuple:
    return tuple(dict.fromkeys(items))


def set_aside(norm: str, mentions: list[Mention] | tuple[Mention, ...]) -> set[str]:
    """The places named as background; a town and its LEP named by one word count once. A group
    ('the England figure') can be the subject after a 'but', never background itself."""
    spans: dict[tuple[int, int], list[Mention]] = {}
    for m in sorted(
        (m for m in mentions if m.kind in ("lep", "district", "outside", "group")),
        key=lambda m: m.start,
    ):
        spans.setdefault((m.start, m.end), []).append(m)
    named = [found[0] for found in spans.values()]
    behind_at = background(norm, named)
    places = [p for p in named if p.kind != "group"]
    behind = [p for i, p in enumerate(named) if i in behind_at and p.kind != "group"]
    if len(behind) == len(places) and OURS.search(norm):  # 'the Tees Valley team: our GVA growth'
        return set()

    def targets(of: list[Mention]) -> set[str]:
        return {m.target for p in of for m in spans[(p.start, p.end)] if m.kind != "group"}

    # 'For the Cumbria paper … UKCES called Cumbria a blackspot': named again, it is the subject
    return targets(behind) - targets([p for p in places if p not in behind])


def _without_background(
    norm: str, mentions: list[Mention], found: dict[str, list], kind: str
) -> list[Mention]:
    """The mentions left once the `kind` ones said as background are dropped, from `found` too
    (where a place in two LEPs or a region is where the asker is, not what is asked about)."""
    of_kind = [m for m in mentions if m.kind == kind]
    behind = {of_kind[i].target for i in background(norm, of_kind)}
    if not behind:
        return mentions
    found[kind] = [x for x in found[kind] if x[0] not in behind]
    return [m for m in mentions if not (m.kind == kind and m.target in behind)]


def _idioms(tokens: list[str], lexicon: Lexicon) -> set[int]:
    """Token indexes inside a saying ('bucks the trend'): nothing is read from them."""
    out: set[int] = set()
    for idiom in lexicon.idioms:
        for i in range(len(tokens) - len(idiom) + 1):
            if tuple(tokens[i : i + len(idiom)]) == idiom:
                out.update(range(i, i + len(idiom)))
    return out


def _is_passage(text: str, found: tuple[Amount, ...]) -> bool:
    if len(found) < 2:
        return False
    parts = sentences(text)
    return len(parts) > 1 and sum(1 for part in parts if amounts(normalise(part))) >= 2


Reader = Callable[[str, bool], Signals]


def reader_for(lexicon: Lexicon) -> Reader:
    """read_signals for one message: the question and the claims in it read a sentence once.
    Made per message, so nothing is kept from one message to the next."""

    @cache
    def read(text: str, students: bool = False) -> Signals:
        return read_signals(text, lexicon, students)

    return read


def read_signals(text: str, lexicon: Lexicon, students: bool = False) -> Signals:
    """What `text` names; `students`: the passage before was about students, so 'placements'
    are theirs unless employers are named."""
    norm = normalise(text, lexicon.spellings)
    spans = [t.span() for t in TOKEN.finditer(norm)]
    tokens = [norm[a:b] for a, b in spans]
    idiomatic = _idioms(tokens, lexicon)
    exact = [
        m for m in exact_matches(tokens, lexicon) if idiomatic.isdisjoint(range(m.start, m.end))
    ]
    firm = {  # fuzzy matching may correct a vague match, not 'north east LEPs' (a region)
        i
        for m in exact
        if not m.only_vague or (m.of("region") and tokens[m.end - 1] in REGION_WORDS)
        for i in range(m.start, m.end)
    }
    fuzzy = fuzzy_matches(tokens, firm | idiomatic, lexicon)
    fuzzy_span = {i for m in fuzzy for i in range(m.start, m.end)}
    exact = [m for m in exact if not (m.only_vague and fuzzy_span & set(range(m.start, m.end)))]
    matches = sorted(exact + fuzzy, key=lambda m: m.start)
    covered = {i for m in matches for i in range(m.start, m.end)}

    for_students = not EITHER_BASE.search(norm) and bool(
        (students and not EMPLOYERS.search(norm))
        or lexicon.audience_words & set(tokens)
        or any(" " in w and w in norm for w in lexicon.audience_words)
    )
    named = {e.target for m in matches for e in m.of("indicator")}
    places = any(m.of("lep") or m.of("district") for m in matches)
    sector_context = (
        re.search(SECTOR_CONTEXT, norm) is not None
        or (not places and re.search(IN_A_SECTOR, norm) is not None)
        or bool(named & lexicon.broken_down)
        or (places and bool(named & lexicon.of_employers))  # 'manufacturing placements in London'
    )
    found: dict[str, list] = {k: [] for k in get_args(Named)}
    notes = []
    where: dict[str, list[tuple[int, int]]] = {}  # measure or sector -> where it was read
    mentions: list[Mention] = []
    for m in matches:
        at = (spans[m.start][0], spans[m.end - 1][1])
        if for_students and m.of("audience"):
            read = {"indicator": m.of("audience")}
        elif m.of("indicator") and m.of("sector"):
            kind = "sector" if sector_context else "indicator"
            read = {kind: m.of(kind)}
        else:
            read = {"indicator": m.of("indicator"), "sector": m.of("sector")}
        for kind, entries in read.items():
            found[kind] += [e.target for e in entries]
            for e in entries:
                where.setdefault(e.target, []).append(at)
                mentions.append(Mention(kind, e.target, *at))
        for kind in ("lep", "group", "outside", "district"):
            found[kind] += [e.target for e in m.of(kind)]
            mentions += [Mention(kind, e.target, *at) for e in m.of(kind)]
        for kind in ("ambiguous", "region"):
            found[kind] += [(m.phrase, e.candidates) for e in m.of(kind)]
        mentions += [Mention("region", m.phrase, *at) for e in m.of("region")]
        mentions += [Mention("ambiguous", m.phrase, *at) for e in m.of("ambiguous")]
        if m.fuzzy and not m.of("ambiguous"):
            target = (m.of("lep") or m.of("indicator") or m.of("district") or m.entries)[0].target
            notes.append(f"read “{m.phrase}” as {target.replace('_', ' ')}")

    indicators = found["indicator"]
    phrases: list[tuple[int, int]] = []  # where a measure was read across several words
    for pattern, indicator, supersedes in lexicon.patterns:
        hit = pattern.search(norm)
        if hit:
            phrases.append(
                hit.span()
            )  # a phrase over several words replaces the measures read inside it, not elsewhere
            inside = {
                t
                for t, places in where.items()
                if all(hit.start() <= a and b <= hit.end() for a, b in places)
            }
            indicators = [
                indicator,
                *(i for i in indicators if not (i in supersedes and i in inside)),
            ]
            overlapping = {  # 'how big is the manufacturing sector': the sector is the measure's
                t
                for t, places in where.items()
                if any(a < hit.end() and hit.start() < b for a, b in places)
            }
            found["sector"] = [s for s in found["sector"] if s not in inside | overlapping]
            mentions = [
                x
                for x in mentions
                if not (x.target in inside and hit.start() <= x.start and x.end <= hit.end())
            ]
            mentions.append(Mention("indicator", indicator, hit.start(), hit.end()))
    aside = set_aside(norm, mentions)
    mentions = _without_background(
        norm, mentions, found, "ambiguous"
    )  # 'colleague up in Newcastle'
    if not OURS.search(norm):  # 'feels like us in the midlands always lose out'; not 'our LEPs'
        mentions = _without_background(norm, mentions, found, "region")
    places = [m for m in mentions if m.kind in ("lep", "district", "region", "group", "outside")]
    if aside and any(m.target not in aside for m in places):  # a subject is left: drop the rest
        found["lep"] = [t for t in found["lep"] if t not in aside]
        found["district"] = [t for t in found["district"] if t not in aside]
        found["outside"] = [t for t in found["outside"] if t not in aside]
        named = {m.target for m in places if m.kind == "lep"} & aside or aside
        named -= {lep for _, members in found["region"] for lep in members}  # in the region asked
        if named:
            notes.append(f"took {' and '.join(sorted(named))} as background")
        aside = set()
    members = {lep for _, leps in found["region"] for lep in leps}
    included = {m.target for m in places if m.kind == "lep" and INCLUDED.search(norm[: m.start])}
    if found["lep"] and set(found["lep"]) <= included & members:  # 'midlands LEPs (inc SEMLEP)'
        found["lep"] = []
    if found["lep"]:  # a region beside a LEP is background, not a question about the region
        found["region"] = []

    years = tuple(YEAR.findall(norm))
    found_amounts = amounts(norm)
    free_tokens = [
        t
        for i, t in enumerate(tokens)
        if i not in covered and not any(a <= spans[i][0] and spans[i][1] <= b for a, b in phrases)
    ]
    unread = tuple(
        t
        for t in free_tokens
        if t not in lexicon.known_words
        and not re.search(r"[\d%£]", t)
        and t not in ALL_ORDER_WORDS
        and len(t) > 1
    )
    return Signals(
        text=norm,
        tokens=tuple(tokens),
        leps=_unique(found["lep"]),
        groups=_unique(found["group"]),
        rivals=tuple(g for g in _unique(found["group"]) if g in lexicon.rivals),
        yardsticks=tuple(g for g in _unique(found["group"]) if g in lexicon.benchmarks),
        outside=_unique(found["outside"]),
        districts=_unique(found["district"]),
        indicators=_unique(indicators),
        sectors=_unique(found["sector"]),
        ambiguous=_unique(found["ambiguous"]),
        regions=_unique(found["region"]),
        amounts=found_amounts,
        n=first_number(norm),
        order=order(free_tokens),
        threshold=threshold(norm, found_amounts),
        years=years,
        other_years=tuple(y for y in years if y not in _covered(lexicon, indicators)),
        students=for_students,
        asks_leps=bool(ASKS_LEPS.search(norm)),
        asks_wording=bool(ASKS_WORDING.search(norm)),
        asks_after=bool(ASKS_AFTER.search(text.lower())),
        asks_to_state=bool(ASKS_TO_STATE_SAID.search(norm)),
        attribute=asked_attribute(text, lexicon.figure_words),
        paragraph=_is_passage(text, found_amounts),
        standing=bool(STANDING.search(" ".join(free_tokens))),
        statement="?" not in text
        and not QUESTION_START.search(norm)
        and bool(STATEMENT_VERB.search(norm)),
        unread=unread,
        notes=tuple(notes),
        mentions=tuple(sorted(mentions, key=lambda x: x.start)),
        aside=tuple(sorted(aside)),
    )
