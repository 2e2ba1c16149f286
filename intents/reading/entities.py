"""Find the places, measures, sectors and numbers a question names.

Exact phrases first (canonical names, aliases, synonyms; the longest phrase anywhere wins, whole
words only, so "us" is never found inside "houses"), then rapidfuzz for typos on what is left,
never on common words. Everything the reader found is returned as one immutable Signals value.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import DamerauLevenshtein

from intents.dataset.model import Dataset
from intents.reading.query import Claim, Threshold

FUZZY_KINDS = ("lep", "district", "indicator", "group", "outside")
FUZZY_CUTOFF = 0.8  # Damerau–Levenshtein similarity: one slip in five letters
MIN_FUZZY_CHARS = 5
CLOSE_CALL = 0.03  # two candidates this close are a "did you mean", not a guess
SECTOR_CONTEXT = r"\b(?:sectors?|industr\w*|employers|firms|businesses|companies|in)\b"

TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
UNITS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}
NUMBER_WORDS = {**UNITS, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20}
FRACTIONS = {
    "half": 50.0,
    "a half": 50.0,
    "a third": 100 / 3,
    "one third": 100 / 3,
    "two thirds": 200 / 3,
    "a quarter": 25.0,
    "one quarter": 25.0,
    "three quarters": 75.0,
    "a fifth": 20.0,
    "one fifth": 20.0,
    "two fifths": 40.0,
}
ORDER_WORDS = {
    "highest": (
        "top",
        "highest",
        "most",
        "largest",
        "biggest",
        "greatest",
        "leading",
        "max",
        "maximum",
        "peak",
        "strongest",
        "richest",
        "wealthiest",
        "fastest",
    ),
    "lowest": (
        "bottom",
        "lowest",
        "least",
        "fewest",
        "smallest",
        "min",
        "minimum",
        "weakest",
        "poorest",
        "slowest",
    ),
    "best": ("best", "leaders", "performers"),
    "worst": ("worst", "laggards", "blackspot", "blackspots", "behind", "lagging"),
}
ALL_ORDER_WORDS = frozenset(w for words in ORDER_WORDS.values() for w in words)

_PERCENT = re.compile(r"(?<![\w.])(\d{1,3}(?:\.\d+)?)\s*(?:%|per ?cent\b|percent\b|pc\b|pct\b)")
_POUNDS = re.compile(r"£\s?(\d+(?:\.\d+)?)(k\b)?")
_WORD_PERCENT = re.compile(
    r"\b(" + "|".join(TENS) + r")(?:\s|-)?(" + "|".join(UNITS) + r")?\s+(?:per ?cent|percent)\b"
)
_FRACTION = re.compile(r"\b(" + "|".join(sorted(FRACTIONS, key=len, reverse=True)) + r")\b")
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
_TOP_N = re.compile(
    r"\b(?:top|bottom|best|worst|highest|lowest|first|last|leading)\s+(\d{1,2}|"
    + "|".join(NUMBER_WORDS)
    + r")\b|\b(\d{1,2}|"
    + "|".join(NUMBER_WORDS)
    + r")\s+(?:best|worst|highest|lowest|top|bottom|leps?|areas|places)\b"
)
_ABOVE_WORDS = r"above|over|more than|higher than|greater than|at least|exceeding|exceeds|beyond|beat|beats|beating|bigger than|better than"
_BELOW_WORDS = (
    r"below|under|less than|lower than|fewer than|at most|beneath|smaller than|worse than"
)
_ABOVE = rf"(?:{_ABOVE_WORDS})"
_BELOW = rf"(?:{_BELOW_WORDS})"
_BENCH = r"(?:the\s+)?(?:england|english|national|nation|country|uk)\s*(?:average|figure|benchmark|rate|level|mean|share)?|(?:the\s+)?(?:average|benchmark|mean)"
_NUM = r"£?(\d+(?:\.\d+)?)(k\b)?\s*(?:%|per ?cent|percent)?(?![\d.])(?!\s*(?:leps|areas|places))"
_NUM_AFTER = r"£?(\d+(?:\.\d+)?)(k\b)?\s*(?:%|per ?cent|percent)?"
# (pattern with the number in groups 1-2, side, inclusive), most specific first: "no more than
# 13%" is at or below 13%, not above it.
_THRESHOLD_FORMS = tuple(
    (re.compile(p), op, inclusive)
    for p, op, inclusive in (
        (rf"\b(?:no|not) (?:more|higher|greater|bigger) than {_NUM}", "below", True),
        (rf"\bnot (?:above|over|exceeding) {_NUM}", "below", True),
        (rf"\b(?:no|not) (?:less|lower|fewer|smaller) than {_NUM}", "above", True),
        (rf"\bnot (?:below|under) {_NUM}", "above", True),
        (rf"\b(?:at least|a minimum of) {_NUM}", "above", True),
        (rf"\b(?:at most|up to|a maximum of) {_NUM}", "below", True),
        (rf"\b{_NUM_AFTER} or (?:more|higher|above|over|greater|plus)\b", "above", True),
        (rf"\b{_NUM_AFTER} or (?:less|lower|below|under|fewer)\b", "below", True),
        (rf"\b(?:{_ABOVE_WORDS}|exceed)\s+{_NUM}", "above", False),
        (rf"\b(?:{_BELOW_WORDS})\s+{_NUM}", "below", False),
    )
)
_BETWEEN = re.compile(rf"\bbetween {_NUM_AFTER} and {_NUM_AFTER}")
_THRESHOLD_BENCH = re.compile(rf"\b({_ABOVE}|{_BELOW})\s+(?:{_BENCH})\b")
_TOKEN = re.compile(r"[a-z0-9£%]+(?:\.\d+)?")
_IDIOMS = re.compile(
    r"\b(?:100|hundred) ?(?:%|per ?cent|percent) (?:sure|certain|confident|clear)\b"
)


def normalise(text: str, spellings: Mapping[str, str] | None = None) -> str:
    """Lower case; '&' read as 'and'; possessives, punctuation and chat spellings tidied."""
    text = text.lower().replace("&", " and ").replace("+", " and ")
    text = re.sub(r"(\w)'s\b", r"\1", text)
    text = re.sub(r"(\d),(\d{3})", r"\1\2", text)
    text = re.sub(r"\b(top|bottom)(\d)", r"\1 \2", text)
    text = re.sub(r"[^\w%£.\s-]", " ", text)
    text = re.sub(r"(?<!\d)\.|\.(?!\d)", " ", text)
    text = re.sub(r"(?<=[a-z])-(?=[a-z0-9])|(?<=\d)-(?=[a-z])|_", " ", text)
    text = text.replace("-", " - ")
    spellings = spellings or {}
    return " ".join(spellings.get(w, w) for w in text.split())


@dataclass(frozen=True)
class Entry:
    kind: (
        str  # lep | group | outside | district | indicator | audience | sector | ambiguous | region
    )
    target: str
    candidates: tuple[str, ...] = ()


@dataclass(frozen=True)
class Match:
    start: int  # token index
    end: int
    phrase: str
    entries: tuple[Entry, ...]
    fuzzy: bool = False

    def of(self, kind: str) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if e.kind == kind)

    @property
    def only_vague(self) -> bool:
        return all(e.kind in ("ambiguous", "region") for e in self.entries)


@dataclass(frozen=True)
class Lexicon:
    """The phrase index built once from a dataset."""

    phrases: dict[tuple[str, ...], tuple[Entry, ...]]
    longest: int
    function_words: frozenset[str]
    known_words: frozenset[str]
    audience_words: frozenset[str]
    fuzzy_choices: dict[int, tuple[str, ...]]
    years: dict[str, frozenset[str]]  # indicator -> years its facts' periods cover; "" = any fact
    # (regex, indicator, supersedes): a phrase over several words that names one measure
    patterns: tuple[tuple[re.Pattern[str], str, tuple[str, ...]], ...]
    # measures published by sector: a sector word beside them is a sector, not a measure
    broken_down: frozenset[str]
    spellings: dict[str, str]  # chat spellings read as the word they stand for ("wht" -> "what")


@dataclass(frozen=True)
class Signals:
    """Everything found in one question."""

    text: str
    tokens: tuple[str, ...]
    leps: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    outside: tuple[str, ...] = ()
    districts: tuple[str, ...] = ()
    indicators: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    ambiguous: tuple[tuple[str, tuple[str, ...]], ...] = ()
    regions: tuple[tuple[str, tuple[str, ...]], ...] = ()
    claims: tuple[Claim, ...] = ()
    n: int | None = None
    order: str = ""
    threshold: Threshold | None = None
    years: tuple[str, ...] = ()
    other_years: tuple[str, ...] = ()
    students: bool = False
    unread: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def present(self) -> frozenset[str]:
        names = {
            "lep": self.leps,
            "group": self.groups,
            "outside": self.outside,
            "district": self.districts,
            "indicator": self.indicators,
            "sector": self.sectors,
            "ambiguous": self.ambiguous,
            "region": self.regions,
            "number": self.claims,
            "threshold": self.threshold,
            "order": self.order,
            "n": self.n,
            "unread": self.unread,
            "other_year": self.other_years,
            "students": self.students,
        }
        return frozenset(k for k, v in names.items() if v)


def _add(index: dict[tuple[str, ...], list[Entry]], phrase: str, entry: Entry) -> None:
    key = tuple(_TOKEN.findall(normalise(phrase)))
    if key and entry not in index.setdefault(key, []):
        index[key].append(entry)


def _years_in(period: str) -> tuple[str, ...]:
    """'2008-2013' covers 2008..2013; '2014/15' covers 2014 and 2015."""
    found = [int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", period)]
    if "/" in period and found:
        found.append(found[-1] + 1)
    if not found:
        return ()
    return tuple(str(y) for y in range(min(found), max(found) + 1))


def _years_by_indicator(dataset: Dataset) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {"": set()}
    for fact in dataset.facts:
        years = _years_in(fact.period)
        out.setdefault(fact.indicator, set()).update(years)
        out[""].update(years)
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=8)
def lexicon_for(dataset: Dataset) -> Lexicon:
    index: dict[tuple[str, ...], list[Entry]] = {}
    for kind, areas in (
        ("lep", dataset.leps),
        ("group", dataset.groups),
        ("outside", dataset.outside),
    ):
        for area in areas:
            for phrase in (area.name, *area.aliases):
                _add(index, phrase, Entry(kind, area.name))
    for district in dataset.districts:
        _add(index, district.name, Entry("district", district.name))
        if ", " in district.name:  # "Bristol, City of" is typed "Bristol"
            _add(index, district.name.split(", ")[0], Entry("district", district.name))
    for alias, district in dataset.district_aliases:
        _add(index, alias, Entry("district", district))
    for ind in dataset.indicators:
        for phrase in (ind.id.replace("_", " "), ind.label, ind.short, *ind.synonyms):
            _add(index, phrase, Entry("indicator", ind.id))
        for phrase in ind.audience_synonyms:
            _add(index, phrase, Entry("audience", ind.id))
    for breakdown, words in dataset.sectors:
        for phrase in words:
            _add(index, phrase, Entry("sector", breakdown))
    for kind, pairs in (("ambiguous", dataset.ambiguous), ("region", dataset.regions)):
        for phrase, candidates in pairs:
            _add(index, phrase, Entry(kind, phrase, tuple(candidates)))

    choices: dict[int, list[str]] = {}
    for key, entries in index.items():
        if any(e.kind in FUZZY_KINDS for e in entries) and len(" ".join(key)) >= MIN_FUZZY_CHARS:
            choices.setdefault(len(key), []).append(" ".join(key))
    return Lexicon(
        phrases={k: tuple(v) for k, v in index.items()},
        longest=max(len(k) for k in index),
        function_words=dataset.function_words,
        known_words=dataset.known_words,
        spellings=dict(dataset.spellings),
        audience_words=frozenset(
            normalise(w) for i in dataset.indicators for w in i.audience_words
        ),
        fuzzy_choices={n: tuple(v) for n, v in choices.items()},
        years=_years_by_indicator(dataset),
        broken_down=frozenset(f.indicator for f in dataset.facts if f.breakdown),
        patterns=tuple(
            (re.compile(p), ind.id, ind.supersedes)
            for ind in dataset.indicators
            for p in ind.patterns
        ),
    )


def _exact_matches(tokens: list[str], lexicon: Lexicon) -> list[Match]:
    """Every phrase found, then the longest first, never two over the same word."""
    found = []
    for i in range(len(tokens)):
        for n in range(min(lexicon.longest, len(tokens) - i), 0, -1):
            key = tuple(tokens[i : i + n])
            if key in lexicon.phrases:
                found.append(Match(i, i + n, " ".join(key), lexicon.phrases[key]))
    chosen: list[Match] = []
    taken: set[int] = set()
    for match in sorted(found, key=lambda m: (-(m.end - m.start), _vagueness(m), m.start)):
        span = set(range(match.start, match.end))
        if not span & taken:
            chosen.append(match)
            taken |= span
    return sorted(chosen, key=lambda m: m.start)


def _vagueness(match: Match) -> int:
    """At equal length a named place or measure beats a region, and a region beats a group."""
    kinds = {e.kind for e in match.entries}
    return 2 if kinds <= {"group"} else 1 if kinds <= {"region", "ambiguous", "group"} else 0


def _fuzzy_matches(tokens: list[str], covered: set[int], lexicon: Lexicon) -> list[Match]:
    """Typos: n-grams of uncovered, uncommon words compared with every phrase of that length."""
    matches: list[Match] = []
    taken = set(covered)
    for n in (3, 2, 1):
        for i in range(len(tokens) - n + 1):
            span = range(i, i + n)
            words = tokens[i : i + n]
            if taken.intersection(span) or any(w.isdigit() for w in words):
                continue
            if words[0] in lexicon.function_words or words[-1] in lexicon.function_words:
                continue
            if n == 1 and words[0] in lexicon.known_words:
                continue
            phrase = " ".join(words)
            if len(phrase) < MIN_FUZZY_CHARS:
                continue
            found = [
                (p, s)
                for p, s, _ in process.extract(
                    phrase,
                    lexicon.fuzzy_choices.get(n, ()),
                    scorer=DamerauLevenshtein.normalized_similarity,
                    score_cutoff=FUZZY_CUTOFF,
                    limit=4,
                )
                if p[0] == phrase[0] and p != phrase
            ]
            if not found:
                continue
            best_phrase, best_score = found[0]
            entries = lexicon.phrases[tuple(best_phrase.split())]
            rivals = [
                p
                for p, s in found[1:]
                if best_score - s < CLOSE_CALL
                and _targets(lexicon, p) != _targets(lexicon, best_phrase)
            ]
            if rivals:
                names = tuple(
                    dict.fromkeys(t for p in (best_phrase, *rivals) for t in _targets(lexicon, p))
                )
                entries = (Entry("ambiguous", phrase, names),)
            matches.append(Match(i, i + n, phrase, entries, fuzzy=True))
            taken.update(span)
    return matches


def _targets(lexicon: Lexicon, phrase: str) -> tuple[str, ...]:
    entries = lexicon.phrases[tuple(phrase.split())]
    return tuple(e.target for e in entries if e.kind in ("lep", "indicator", "group", "district"))


def _first_number(text: str) -> int | None:
    found = _TOP_N.search(text)
    if not found:
        return None
    word = found.group(1) or found.group(2)
    return int(word) if word.isdigit() else NUMBER_WORDS[word]


def _order(tokens: list[str]) -> str:
    for order, words in ORDER_WORDS.items():
        if any(w in tokens for w in words):
            return order
    return ""


def _threshold(text: str) -> Threshold | None:
    def number(digits: str, thousands: str | None) -> float:
        return float(digits) * (1000 if thousands else 1)

    text = _YEAR.sub(" ", text)  # "between 2008 and 2013" is a period, not a threshold
    found = _BETWEEN.search(text)
    if found:
        low, high = sorted(
            (number(found.group(1), found.group(2)), number(found.group(3), found.group(4)))
        )
        return Threshold("between", low, inclusive=True, high=high)
    for pattern, op, inclusive in _THRESHOLD_FORMS:
        found = pattern.search(text)
        if found:
            return Threshold(op, number(found.group(1), found.group(2)), inclusive=inclusive)
    found = _THRESHOLD_BENCH.search(text)
    if found:
        return Threshold("below" if re.fullmatch(_BELOW, found.group(1)) else "above", None)
    return None


def _precision(written: str) -> float:
    """'29.4' -> 0.1; '29' -> 1; '40000' -> 1000 (round thousands are read as approximate)."""
    if "." in written:
        return 10.0 ** -len(written.split(".")[1])
    zeros = len(written) - len(written.rstrip("0")) if len(written) >= 4 else 0
    return 10.0 ** min(zeros, 3)


_HEDGE = re.compile(
    r"\b(?:nearly|almost|about|around|roughly|approximately|approx|circa|some|getting on for|close to)\s+$"
)
HEDGED_PERCENT_PRECISION = 10.0  # "nearly half", "about 30%": right if within 5 points


def _hedged(claim: Claim, before: str) -> Claim:
    """A figure said loosely ("nearly half") is checked loosely."""
    if claim.unit == "percent" and _HEDGE.search(before):
        return replace(claim, precision=max(claim.precision, HEDGED_PERCENT_PRECISION))
    return claim


def _claims(text: str) -> tuple[Claim, ...]:
    """Figures the question asserts: '42%', 'forty-two per cent', 'a third', '£37,232', '£37k'."""
    text = _IDIOMS.sub(" ", _YEAR.sub(" ", text))
    found = [
        (m.start(), Claim(float(m.group(1)), _precision(m.group(1)), "percent"))
        for m in _PERCENT.finditer(text)
    ]
    for m in _POUNDS.finditer(text):
        value, precision = (
            (float(m.group(1)) * 1000, 1000.0)
            if m.group(2)
            else (float(m.group(1)), _precision(m.group(1)))
        )
        found.append((m.start(), Claim(value, precision, "pounds")))
    found += [
        (m.start(), Claim(float(TENS[m.group(1)] + UNITS.get(m.group(2) or "", 0)), unit="percent"))
        for m in _WORD_PERCENT.finditer(text)
    ]
    found += [
        (m.start(), Claim(FRACTIONS[m.group(1)], unit="percent")) for m in _FRACTION.finditer(text)
    ]
    return tuple(_hedged(c, text[:at]) for at, c in sorted(found, key=lambda pair: pair[0]))


def _covered(lexicon: Lexicon, indicators: list[str]) -> frozenset[str]:
    """Years the asked measures cover (any measure's years when none is named)."""
    if not indicators:
        return lexicon.years[""]
    return frozenset().union(*(lexicon.years.get(i, frozenset()) for i in indicators))


def _unique(items) -> tuple:
    return tuple(dict.fromkeys(items))


def read_signals(text: str, lexicon: Lexicon) -> Signals:
    norm = normalise(text, lexicon.spellings)
    spans = [t.span() for t in _TOKEN.finditer(norm)]
    tokens = [norm[a:b] for a, b in spans]
    exact = _exact_matches(tokens, lexicon)
    firm = {i for m in exact if not m.only_vague for i in range(m.start, m.end)}
    fuzzy = _fuzzy_matches(tokens, firm, lexicon)
    fuzzy_span = {i for m in fuzzy for i in range(m.start, m.end)}
    exact = [m for m in exact if not (m.only_vague and fuzzy_span & set(range(m.start, m.end)))]
    matches = sorted(exact + fuzzy, key=lambda m: m.start)
    covered = {i for m in matches for i in range(m.start, m.end)}

    for_students = bool(
        lexicon.audience_words & set(tokens)
        or any(" " in w and w in norm for w in lexicon.audience_words)
    )
    named = {e.target for m in matches for e in m.of("indicator")}
    sector_context = re.search(SECTOR_CONTEXT, norm) is not None or bool(
        named & lexicon.broken_down
    )
    found: dict[str, list] = {
        k: []
        for k in (
            "lep",
            "group",
            "outside",
            "district",
            "indicator",
            "sector",
            "ambiguous",
            "region",
        )
    }
    notes = []
    where: dict[str, list[tuple[int, int]]] = {}  # measure or sector -> where it was read
    for m in matches:
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
                where.setdefault(e.target, []).append((spans[m.start][0], spans[m.end - 1][1]))
        for kind in ("lep", "group", "outside", "district"):
            found[kind] += [e.target for e in m.of(kind)]
        for kind in ("ambiguous", "region"):
            found[kind] += [(m.phrase, e.candidates) for e in m.of(kind)]
        if m.fuzzy and not m.of("ambiguous"):
            target = (m.of("lep") or m.of("indicator") or m.of("district") or m.entries)[0].target
            notes.append(f"read “{m.phrase}” as {target.replace('_', ' ')}")

    indicators = found["indicator"]
    for pattern, indicator, supersedes in lexicon.patterns:
        hit = pattern.search(norm)
        if hit:  # a phrase over several words replaces the measures read inside it, not elsewhere
            inside = {
                t
                for t, places in where.items()
                if all(hit.start() <= a and b <= hit.end() for a, b in places)
            }
            indicators = [
                indicator,
                *(i for i in indicators if not (i in supersedes and i in inside)),
            ]
            found["sector"] = [s for s in found["sector"] if s not in inside]
    if found["lep"]:  # a region beside a LEP is background, not a question about the region
        found["region"] = []

    years = tuple(_YEAR.findall(norm))
    free_tokens = [t for i, t in enumerate(tokens) if i not in covered]
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
        outside=_unique(found["outside"]),
        districts=_unique(found["district"]),
        indicators=_unique(indicators),
        sectors=_unique(found["sector"]),
        ambiguous=_unique(found["ambiguous"]),
        regions=_unique(found["region"]),
        claims=_claims(norm),
        n=_first_number(norm),
        order=_order(free_tokens),
        threshold=_threshold(norm),
        years=years,
        other_years=tuple(y for y in years if y not in _covered(lexicon, indicators)),
        students=for_students,
        unread=unread,
        notes=tuple(notes),
    )


AREA_SUFFIXES = (("local", "enterprise", "partnership"), ("lep",), ("leps",), ("area",))


def _strip_suffix(tokens: list[str]) -> list[str]:
    """'Oxfordshire LEP', 'Dorset Local Enterprise Partnership' -> the name alone."""
    for suffix in AREA_SUFFIXES:
        if len(tokens) > len(suffix) and tuple(tokens[-len(suffix) :]) == suffix:
            return tokens[: -len(suffix)]
    return tokens


def match_area(
    name: str, lexicon: Lexicon, fuzzy: bool = True
) -> tuple[str | None, tuple[str, ...]]:
    """One label naming one area (a table's row or column heading) -> (canonical name, candidates).

    Exact names and aliases first, then the question reader's own fuzzy matching; the label is
    taken only when it names exactly one LEP or group and leaves no word unexplained. Otherwise the
    result is (None, the closest LEP names) so the caller can ask the user. fuzzy=False stops
    after the exact names and aliases (fast, for scanning a whole sheet).
    """
    words = _TOKEN.findall(normalise(name))
    tokens = _strip_suffix(words)
    for key in (tuple(words), tuple(tokens)):
        targets = {e.target for e in lexicon.phrases.get(key, ()) if e.kind in ("lep", "group")}
        if len(targets) == 1:
            return targets.pop(), ()
    if not fuzzy:
        return None, ()
    signals = read_signals(" ".join(tokens), lexicon)
    found = (*signals.leps, *signals.groups)
    settled = all(found[:1] and found[0] in cands for _, cands in signals.ambiguous)
    if len(found) == 1 and settled and not signals.unread:
        return found[0], ()
    offered = list(found) + [c for _, cands in signals.ambiguous for c in cands]
    choices = {
        " ".join(k): e.target
        for k, entries in lexicon.phrases.items()
        for e in entries
        if e.kind == "lep"
    }
    for phrase, _, _ in process.extract(
        " ".join(tokens), list(choices), scorer=fuzz.WRatio, limit=12
    ):
        offered.append(choices[phrase])
    return None, tuple(dict.fromkeys(offered))[:3]
