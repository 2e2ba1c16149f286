"""The phrase index built once from a dataset: every name, alias and synonym a question may use,
and which entities each stands for."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from intents.dataset.model import Dataset
from intents.reading.attributes import AttributeWords
from intents.reading.normalise import TOKEN, normalise

FUZZY_KINDS = ("lep", "district", "indicator", "group", "outside")
MIN_FUZZY_CHARS = 5


@dataclass(frozen=True)
class Entry:
    kind: (
        str  # lep | group | outside | district | indicator | audience | sector | ambiguous | region
    )
    target: str
    candidates: tuple[str, ...] = ()


@dataclass(frozen=True)
class Lexicon:
    """The phrase index built once from a dataset."""

    phrases: dict[tuple[str, ...], tuple[Entry, ...]]
    longest: int
    function_words: frozenset[str]
    known_words: frozenset[str]
    audience_words: frozenset[str]
    idioms: tuple[tuple[str, ...], ...]  # token runs never matched to anything
    of_students: frozenset[str]  # measures of students, not employers: their context carries
    # phrases typos are matched against, by (words, first letter): a typo keeps its first letter
    fuzzy_choices: dict[tuple[int, str], tuple[str, ...]]
    years: dict[str, frozenset[str]]  # indicator -> years its facts' periods cover; "" = any fact
    # (regex, indicator, supersedes): a phrase over several words that names one measure
    patterns: tuple[tuple[re.Pattern[str], str, tuple[str, ...]], ...]
    # measures published by sector: a sector word beside them is a sector, not a measure
    broken_down: frozenset[str]
    figure_words: AttributeWords  # what a question can ask about a figure, not for it
    spellings: dict[str, str]  # chat spellings read as the word they stand for ("wht" -> "what")
    district_leps: dict[str, tuple[str, ...]]  # a district's LEP(s), for claims about a town
    supersedes: dict[str, frozenset[str]]  # a measure named beside another it is a part of
    changes: frozenset[str]  # measures that are a change in points
    rivals: frozenset[str]  # groups a LEP is compared with beside England (the UK, a nation)
    benchmarks: frozenset[str]  # groups a LEP's figure is set against (England, the UK)
    of_employers: frozenset[str]  # what employers do (placements…): a sector beside one is theirs


JOINED_NAME = re.compile(r" (?:and|with) ")  # 'Nuneaton and Bedworth', 'Blackburn with Darwen'


def _name_halves(dataset: Dataset) -> list[tuple[str, str]]:
    """(district, half) for each half of a two-part district name that no other district's
    name shares: not 'Deane', which is Basingstoke and Deane's and Taunton Deane's."""
    halves = [
        (d.name, part)
        for d in dataset.districts
        if len(parts := JOINED_NAME.split(d.name)) > 1
        for part in parts
    ]
    words = Counter(w for d in dataset.districts for w in TOKEN.findall(normalise(d.name)))
    return [
        (name, part)
        for name, part in halves
        if all(words[w] == 1 for w in TOKEN.findall(normalise(part)))
        or len(TOKEN.findall(normalise(part))) > 1
    ]


def _add(index: dict[tuple[str, ...], list[Entry]], phrase: str, entry: Entry) -> None:
    key = tuple(TOKEN.findall(normalise(phrase)))
    if key and entry not in index.setdefault(key, []):
        index[key].append(entry)


def years_in(period: str) -> tuple[str, ...]:
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
        years = years_in(fact.period)
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
    for district, part in _name_halves(dataset):  # 'Nuneaton' for Nuneaton and Bedworth
        if tuple(TOKEN.findall(normalise(part))) not in index:
            _add(index, part, Entry("district", district))
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

    choices: dict[tuple[int, str], list[str]] = {}
    for key, entries in index.items():
        phrase = " ".join(key)
        if any(e.kind in FUZZY_KINDS for e in entries) and len(phrase) >= MIN_FUZZY_CHARS:
            choices.setdefault((len(key), phrase[0]), []).append(phrase)
    return Lexicon(
        phrases={k: tuple(v) for k, v in index.items()},
        longest=max(len(k) for k in index),
        function_words=dataset.function_words,
        known_words=dataset.known_words,
        spellings=dict(dataset.spellings),
        district_leps={d.name: d.leps for d in dataset.districts},
        supersedes={i.id: frozenset(i.supersedes) for i in dataset.indicators if i.supersedes},
        changes=frozenset(i.id for i in dataset.indicators if i.format == "points"),
        rivals=frozenset(g.name for g in dataset.groups if g.rival),
        benchmarks=frozenset(dataset.benchmarks),
        of_employers=frozenset(
            i.id for i in dataset.indicators if i.verb and i.population == "employers"
        ),
        audience_words=frozenset(
            normalise(w) for i in dataset.indicators for w in i.audience_words
        ),
        idioms=tuple(tuple(TOKEN.findall(normalise(i))) for i in dataset.idioms),
        of_students=frozenset(i.id for i in dataset.indicators if i.audience_words),
        fuzzy_choices={n: tuple(v) for n, v in choices.items()},
        years=_years_by_indicator(dataset),
        broken_down=frozenset(f.indicator for f in dataset.facts if f.breakdown),
        figure_words=AttributeWords(
            kinds=dataset.figure_attributes,
            alternatives=dataset.figure_alternatives,
            geographies=dataset.figure_geographies,
        ),
        patterns=tuple(
            (re.compile(p), ind.id, ind.supersedes)
            for ind in dataset.indicators
            for p in ind.patterns
        ),
    )
