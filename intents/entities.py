"""Find the places, measures, sectors and numbers a question names.

Exact phrases first (canonical names, aliases, synonyms; longest match wins, whole words only, so
"us" is never found inside "houses"), then rapidfuzz for typos on what is left, never on common
words. Everything the reader found is returned as one immutable Signals value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process

from intents.dataset import Dataset
from intents.loader import SHIPPED_DATA, read_yaml
from intents.query import Threshold

FUZZY_KINDS = ("lep", "district", "indicator", "group", "outside")
FUZZY_CUTOFF = 87.0
FUZZY_CUTOFF_SHORT = 90.0  # tokens of four or five letters need a closer match
CLOSE_CALL = 3.0  # two candidates this close are a "did you mean", not a guess

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
}  # fmt: skip
ORDER_WORDS = {
    "highest": ("top", "highest", "most", "largest", "biggest", "greatest", "leading", "max",
                "maximum", "peak", "strongest"),
    "lowest": ("bottom", "lowest", "least", "fewest", "smallest", "min", "minimum", "weakest"),
    "best": ("best", "better", "good", "greatest performers", "leaders", "top performers"),
    "worst": ("worst", "worse", "poorest", "bad", "laggards", "blackspot", "blackspots", "behind"),
}  # fmt: skip

_PERCENT = re.compile(r"(?<![\w.])(\d{1,3}(?:\.\d+)?)\s*(?:%|per ?cent\b|percent\b|pc\b|pct\b)")
_BARE_NUMBER = re.compile(r"(?<![\w.£])(\d{1,3}(?:\.\d+)?)(?![\w.%])")
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
_TOP_N = re.compile(
    r"\b(?:top|bottom|best|worst|highest|lowest|first|last|leading)\s+(\d{1,2}|"
    + "|".join(NUMBER_WORDS)
    + r")\b|\b(\d{1,2}|"
    + "|".join(NUMBER_WORDS)
    + r")\s+(?:best|worst|highest|lowest|top|bottom|leps?|areas|places)\b"
)
_ABOVE = r"(?:above|over|more than|higher than|greater than|at least|exceeding|exceeds|beyond)"
_BELOW = r"(?:below|under|less than|lower than|fewer than|at most|beneath)"
_BENCH = r"(?:the\s+)?(?:england|english|national|nation|country)?\s*(?:average|figure|benchmark|rate|level|mean)|(?:the\s+)?(?:england|national)\b"  # noqa: E501
_THRESHOLD_NUM = re.compile(
    rf"({_ABOVE}|{_BELOW})\s+(\d{{1,3}}(?:\.\d+)?)\s*(?:%|per ?cent|percent)?"
)
_THRESHOLD_BENCH = re.compile(rf"({_ABOVE}|{_BELOW}|better than|worse than)\s+(?:{_BENCH})")
_TOKEN = re.compile(r"[a-z0-9£%]+(?:\.\d+)?")


def normalise(text: str) -> str:
    """Lower case; '&' read as 'and'; possessives and punctuation dropped; numbers kept whole."""
    text = text.lower().replace("&", " and ").replace("+", " and ")
    text = re.sub(r"(\w)'s\b", r"\1", text)
    text = re.sub(r"(\d),(\d{3})", r"\1\2", text)
    text = re.sub(r"[^\w%£.\s-]", " ", text)
    text = re.sub(r"(?<!\d)\.|\.(?!\d)", " ", text)
    text = re.sub(r"(?<=[a-z])-(?=[a-z0-9])|(?<=\d)-(?=[a-z])|_", " ", text)
    text = text.replace("-", " - ")
    return " ".join(text.split())


@dataclass(frozen=True)
class Entry:
    kind: str  # lep | group | outside | district | indicator | audience | sector | ambiguous
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


@dataclass(frozen=True)
class Lexicon:
    """The phrase index built once from a dataset."""

    phrases: dict[tuple[str, ...], tuple[Entry, ...]]
    longest: int
    known_words: frozenset[str]
    audience_words: frozenset[str]
    fuzzy_choices: dict[int, tuple[str, ...]]
    years: frozenset[str]  # years some fact's period covers


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
    percents: tuple[float, ...] = ()
    n: int | None = None
    order: str = ""
    threshold: Threshold | None = None
    years: tuple[str, ...] = ()
    other_years: tuple[str, ...] = ()
    unread: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    lep_districts: tuple[str, ...] = field(default=())  # LEP names that were also district names

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
            "number": self.percents,
            "threshold": self.threshold,
            "order": self.order,
            "n": self.n,
            "unread": self.unread,
            "other_year": self.other_years,
        }
        return frozenset(k for k, v in names.items() if v)


def _add(index: dict[tuple[str, ...], list[Entry]], phrase: str, entry: Entry) -> None:
    key = tuple(normalise(phrase).split())
    if key and entry not in index.setdefault(key, []):
        index[key].append(entry)


def _vocabulary() -> frozenset[str]:
    raw = read_yaml(SHIPPED_DATA / "vocabulary.yaml") or {}
    return frozenset(str(w) for words in raw.values() for w in words)


@lru_cache(maxsize=8)
def lexicon_for(dataset: Dataset) -> Lexicon:
    index: dict[tuple[str, ...], list[Entry]] = {}
    for area in dataset.leps:
        for phrase in (area.name, *area.aliases):
            _add(index, phrase, Entry("lep", area.name))
    for area in dataset.groups:
        for phrase in (area.name, *area.aliases):
            _add(index, phrase, Entry("group", area.name))
    for area in dataset.outside:
        for phrase in (area.name, *area.aliases):
            _add(index, phrase, Entry("outside", area.name))
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
    for phrase, candidates in dataset.ambiguous:
        _add(index, phrase, Entry("ambiguous", phrase, tuple(candidates)))

    audience = frozenset(normalise(w) for ind in dataset.indicators for w in ind.audience_words)
    choices: dict[int, list[str]] = {}
    for key, entries in index.items():
        if any(e.kind in FUZZY_KINDS for e in entries) and len(" ".join(key)) >= 4:
            choices.setdefault(len(key), []).append(" ".join(key))
    return Lexicon(
        phrases={k: tuple(v) for k, v in index.items()},
        longest=max(len(k) for k in index),
        known_words=_vocabulary(),
        audience_words=audience,
        fuzzy_choices={n: tuple(v) for n, v in choices.items()},
        years=frozenset(y for f in dataset.facts for y in _years_in(f.period)),
    )


def _years_in(period: str) -> tuple[str, ...]:
    """'2008-2013' covers 2008..2013; '2014/15' covers 2014 and 2015."""
    found = [int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", period)]
    if "/" in period and found:
        found.append(found[-1] + 1)
    if not found:
        return ()
    return tuple(str(y) for y in range(min(found), max(found) + 1))


def _exact_matches(tokens: list[str], lexicon: Lexicon) -> list[Match]:
    matches, i = [], 0
    while i < len(tokens):
        for n in range(min(lexicon.longest, len(tokens) - i), 0, -1):
            key = tuple(tokens[i : i + n])
            if key in lexicon.phrases:
                matches.append(Match(i, i + n, " ".join(key), lexicon.phrases[key]))
                i += n
                break
        else:
            i += 1
    return matches


def _fuzzy_matches(tokens: list[str], covered: set[int], lexicon: Lexicon) -> list[Match]:
    """Typos: n-grams of uncovered, unknown words compared with every phrase of that length."""
    matches: list[Match] = []
    taken = set(covered)
    for n in (3, 2, 1):
        for i in range(len(tokens) - n + 1):
            span = range(i, i + n)
            words = tokens[i : i + n]
            if taken.intersection(span) or words[0] in lexicon.known_words:
                continue
            if words[-1] in lexicon.known_words or any(w.isdigit() for w in words):
                continue
            phrase = " ".join(words)
            if len(phrase) < 4:
                continue
            cutoff = FUZZY_CUTOFF_SHORT if len(phrase) <= 5 else FUZZY_CUTOFF
            found = process.extract(
                phrase, lexicon.fuzzy_choices.get(n, ()), scorer=fuzz.ratio,
                score_cutoff=cutoff, limit=4,
            )  # fmt: skip
            if not found:
                continue
            best_phrase, best_score, _ = found[0]
            entries = lexicon.phrases[tuple(best_phrase.split())]
            rivals = [
                p for p, s, _ in found[1:]
                if best_score - s < CLOSE_CALL and _targets(lexicon, p) != _targets(lexicon, best_phrase)
            ]  # fmt: skip
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
    return tuple(e.target for e in entries if e.kind in ("lep", "indicator", "group"))


def _first_number(text: str) -> int | None:
    found = _TOP_N.search(text)
    if not found:
        return None
    word = found.group(1) or found.group(2)
    return int(word) if word.isdigit() else NUMBER_WORDS[word]


def _order(tokens: tuple[str, ...], text: str) -> str:
    for order, words in ORDER_WORDS.items():
        for word in words:
            if (" " in word and word in text) or word in tokens:
                return order
    return ""


def _threshold(text: str) -> Threshold | None:
    found = _THRESHOLD_NUM.search(text)
    if found:
        op = "below" if re.fullmatch(_BELOW, found.group(1)) else "above"
        return Threshold(op, float(found.group(2)))
    found = _THRESHOLD_BENCH.search(text)
    if found:
        word = found.group(1)
        op = "below" if re.fullmatch(_BELOW, word) or word == "worse than" else "above"
        return Threshold(op, None)
    return None


def _unique(items) -> tuple:
    return tuple(dict.fromkeys(items))


def read_signals(text: str, lexicon: Lexicon) -> Signals:
    norm = normalise(text)
    tokens = _TOKEN.findall(norm)
    exact = _exact_matches(tokens, lexicon)
    covered = {i for m in exact for i in range(m.start, m.end)}
    fuzzy = _fuzzy_matches(tokens, covered, lexicon)
    matches = sorted(exact + fuzzy, key=lambda m: m.start)
    covered |= {i for m in fuzzy for i in range(m.start, m.end)}

    token_set = set(tokens)
    for_students = bool(
        lexicon.audience_words & token_set
        or any(" " in w and w in norm for w in lexicon.audience_words)
    )
    leps, groups, outside, districts, indicators, sectors, ambiguous, notes = ([] for _ in range(8))
    lep_districts = []
    for m in matches:
        audience = m.of("audience")
        kinds = {e.kind for e in m.entries}
        if for_students and audience:
            indicators += [e.target for e in audience]
        elif m.of("indicator") and m.of("sector") and len(matches) > 1:
            sectors += [e.target for e in m.of("sector")]
        elif m.of("indicator"):
            indicators += [e.target for e in m.of("indicator")]
        elif m.of("sector"):
            sectors += [e.target for e in m.of("sector")]
        if m.of("lep"):
            leps += [e.target for e in m.of("lep")]
            if "district" in kinds:
                lep_districts += [e.target for e in m.of("lep")]
                districts += [e.target for e in m.of("district")]
        elif m.of("district"):
            districts += [e.target for e in m.of("district")]
        groups += [e.target for e in m.of("group")]
        outside += [e.target for e in m.of("outside")]
        ambiguous += [(m.phrase, e.candidates) for e in m.of("ambiguous")]
        if m.fuzzy and not m.of("ambiguous"):
            target = (m.of("lep") or m.of("indicator") or m.of("district") or m.entries)[0].target
            notes.append(f"read “{m.phrase}” as {target.replace('_', ' ')}")

    years = tuple(y for y in _YEAR.findall(norm))
    percent_text = _YEAR.sub(" ", norm)
    percents = [float(p) for p in _PERCENT.findall(percent_text)]
    unread = tuple(
        t
        for i, t in enumerate(tokens)
        if i not in covered
        and t not in lexicon.known_words
        and not re.fullmatch(r"[\d.%£]+", t)
        and t not in {w for ws in ORDER_WORDS.values() for w in ws}
    )
    return Signals(
        text=norm,
        tokens=tuple(tokens),
        leps=_unique(leps),
        groups=_unique(groups),
        outside=_unique(outside),
        districts=_unique(districts),
        indicators=_unique(indicators),
        sectors=_unique(sectors),
        ambiguous=_unique(ambiguous),
        percents=tuple(percents),
        n=_first_number(norm),
        order=_order(tuple(tokens), norm),
        threshold=_threshold(norm),
        years=years,
        other_years=tuple(y for y in years if y not in lexicon.years),
        unread=unread,
        notes=tuple(notes),
        lep_districts=_unique(lep_districts),
    )


def bare_number(text: str) -> float | None:
    """A number written without a % sign ('is Humber 29?'), for fact-checks."""
    found = _BARE_NUMBER.search(_YEAR.sub(" ", normalise(text)))
    return float(found.group(1)) if found else None


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
    tokens = _strip_suffix(normalise(name).split())
    for key in (tuple(normalise(name).split()), tuple(tokens)):
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
        " ".join(k): e.target for k, entries in lexicon.phrases.items() for e in entries
        if e.kind == "lep"
    }  # fmt: skip
    for phrase, _, _ in process.extract(
        " ".join(tokens), list(choices), scorer=fuzz.WRatio, limit=12
    ):
        offered.append(choices[phrase])
    return None, tuple(dict.fromkeys(offered))[:3]
