"""The dataset as immutable values, and the questions every intent asks of it.

Facts come in kinds of different strength (value > band > relation); `best` picks the strongest
one for an area and indicator, so a handler never has to know which layer a fact came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal, get_args

from intents.dataset.units import Format
from intents.names import FigureAttribute

FactKind = Literal["value", "change", "band", "relation", "disputed", "revised"]
FACT_KINDS: tuple[FactKind, ...] = get_args(FactKind)
KIND_STRENGTH: dict[FactKind, int] = {"value": 3, "change": 3, "band": 2, "relation": 1}
# a change is exact too; a disputed figure has no strength: it never answers; nor does a
# revised one (a later release's figure for the same period), which a check recognises
EXTREMES = ("highest", "lowest")
# a place next to an end, as a source names it ('second to Cumbria'): (from that end, the end)
NEXT_TO_END: dict[str, tuple[int, Literal["highest", "lowest"]]] = {
    "second highest": (2, "highest"),
    "second lowest": (2, "lowest"),
}


def sector_name(breakdown: str) -> str:
    """'sector: Manufacturing' -> 'Manufacturing': a breakdown as a reply or a chart names it."""
    return breakdown.split(": ", 1)[-1]


@dataclass(frozen=True)
class Area:
    name: str
    aliases: tuple[str, ...] = ()
    region: str = ""
    map_no: int | None = None
    is_lep: bool = True
    note: str = ""
    spoken: str = ""  # how a sentence names it: "the Humber"
    nation: bool = False  # a UK nation beside England: 'the highest in the UK' is set against it
    rival: bool = False  # set against a LEP beside England: 'Humber vs the UK' compares them
    benchmark: int = 0  # the yardstick every LEP figure is set against, 1 first, then 2; 0 none


@dataclass(frozen=True)
class Indicator:
    id: str
    label: str
    short: str
    unit: str
    format: Format
    polarity: str
    survey: str
    definition: str
    synonyms: tuple[str, ...] = ()
    verb: str = ""
    population: str = "employers"
    audience_words: tuple[str, ...] = ()
    audience_synonyms: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()  # regexes that name this measure across several words
    base_words: tuple[str, ...] = ()  # how a claim says the share's narrower population
    unreported_words: tuple[str, ...] = ()  # a share that sounds like this one, not given
    supersedes: tuple[str, ...] = ()  # measures a pattern match replaces ("work experience" ...)
    national_only: str = ""  # the source publishes it for this area alone, never by LEP

    @property
    def is_share(self) -> bool:
        return self.format == "percent"

    @property
    def higher_is_better(self) -> bool | None:
        return {"higher_is_better": True, "lower_is_better": False}.get(self.polarity)


@dataclass(frozen=True)
class Fact:
    area: str
    indicator: str
    kind: FactKind
    value: float | None = None
    low: float | None = None
    high: float | None = None
    relation: str = ""
    breakdown: str = ""
    period: str = ""
    source: str = ""
    note: str = ""
    base: int | None = None
    layer: str = "shipped"

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.area, self.indicator, self.breakdown)

    @property
    def strength(self) -> int:
        return KIND_STRENGTH.get(self.kind, 0)

    @property
    def label(self) -> str:
        """What a chart bar or a table row calls the fact: its sector, else its area."""
        return sector_name(self.breakdown) if self.breakdown else self.area


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    publisher: str = ""
    date: str = ""
    url: str = ""
    cite: str = ""
    about: str = ""


@dataclass(frozen=True)
class Finding:
    id: str
    indicators: tuple[str, ...]
    statement: str
    source: str
    basis: str = ""
    exceptions: tuple[str, ...] = ()
    x: str | None = None
    y: str | None = None
    direction: Literal["positive", "negative", "none"] | None = None  # how y moves as x rises


@dataclass(frozen=True)
class District:
    name: str
    leps: tuple[str, ...]
    basis: str = ""


@dataclass(frozen=True)
class Evidence:
    """What the data holds for one area and indicator: the strongest fact plus any relations."""

    area: str
    indicator: str
    fact: Fact | None
    relations: tuple[Fact, ...] = ()
    disputed: tuple[Fact, ...] = ()
    revised: tuple[Fact, ...] = ()

    @property
    def kind(self) -> str:
        return self.fact.kind if self.fact else "none"

    @property
    def extreme(self) -> str:
        """'highest'/'lowest' when a source names the area as such, else ''."""
        for fact in (self.fact, *self.relations):
            if fact is not None and fact.relation in EXTREMES:
                return fact.relation
        return ""

    @property
    def next_to_end(self) -> tuple[int, Literal["highest", "lowest"]] | None:
        """(2, 'highest') when a source names the area second highest, else None."""
        for fact in (self.fact, *self.relations):
            if fact is not None and fact.relation in NEXT_TO_END:
                return NEXT_TO_END[fact.relation]
        return None


@dataclass(frozen=True, eq=False)  # hashed by identity: one loaded dataset, many lookups
class Dataset:
    leps: tuple[Area, ...]
    groups: tuple[Area, ...]
    outside: tuple[Area, ...]
    indicators: tuple[Indicator, ...]
    facts: tuple[Fact, ...]
    sources: tuple[Source, ...]
    findings: tuple[Finding, ...]
    districts: tuple[District, ...]
    district_aliases: tuple[tuple[str, str], ...] = ()
    ambiguous: tuple[tuple[str, tuple[str, ...]], ...] = ()
    regions: tuple[tuple[str, tuple[str, ...]], ...] = ()
    sectors: tuple[tuple[str, tuple[str, ...]], ...] = ()
    surveys: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()
    function_words: frozenset[str] = frozenset()  # never fuzzy-matched, never "unread"
    idioms: tuple[str, ...] = ()  # sayings never read as a place or a measure
    figure_attributes: tuple[tuple[str, FigureAttribute], ...] = ()  # ("period", "meaning")
    figure_alternatives: frozenset[str] = frozenset()  # "level", "change": only across an "or"
    figure_geographies: frozenset[str] = frozenset()  # "England", "UK": the other side of one
    known_words: frozenset[str] = frozenset()  # function words plus domain and everyday words
    spellings: tuple[tuple[str, str], ...] = ()  # chat spellings: ("wht", "what")
    layers: tuple[str, ...] = field(default=())

    # -- lookups -------------------------------------------------------------------------------

    @cached_property
    def lep_names(self) -> tuple[str, ...]:
        return tuple(a.name for a in self.leps)

    @cached_property
    def _indicator_by_id(self) -> dict[str, Indicator]:
        return {i.id: i for i in self.indicators}

    @cached_property
    def _source_by_id(self) -> dict[str, Source]:
        return {s.id: s for s in self.sources}

    @cached_property
    def _area_by_name(self) -> dict[str, Area]:
        return {a.name: a for a in (*self.leps, *self.groups)}

    @cached_property
    def _facts_by_key(self) -> dict[tuple[str, str, str], tuple[Fact, ...]]:
        out: dict[tuple[str, str, str], list[Fact]] = {}
        for fact in self.facts:
            out.setdefault(fact.key, []).append(fact)
        return {k: tuple(v) for k, v in out.items()}

    def indicator(self, indicator_id: str) -> Indicator:
        return self._indicator_by_id[indicator_id]

    def has_indicator(self, indicator_id: str) -> bool:
        return indicator_id in self._indicator_by_id

    def source(self, source_id: str) -> Source:
        return self._source_by_id.get(source_id) or Source(id=source_id, title=source_id)

    def area(self, name: str) -> Area:
        return self._area_by_name[name]

    def spoken(self, name: str) -> str:
        area = self._area_by_name.get(name)
        return (area.spoken if area else "") or name

    def has_area(self, name: str) -> bool:
        """A LEP or a group with figures of its own (not a region or a place outside England)."""
        return name in self._area_by_name

    def is_lep(self, name: str) -> bool:
        area = self._area_by_name.get(name)
        return bool(area and area.is_lep)

    def facts_for(self, area: str, indicator: str, breakdown: str = "") -> tuple[Fact, ...]:
        return self._facts_by_key.get((area, indicator, breakdown), ())

    @cached_property
    def _evidence(self) -> dict[tuple[str, str, str], Evidence]:
        """Every key that has facts, weighed once (built whole, so readers never see it half-made)."""
        return {key: self._weigh(key) for key in self._facts_by_key}

    def evidence(self, area: str, indicator: str, breakdown: str = "") -> Evidence:
        """The strongest fact (a later layer wins a tie) plus relations and disputed figures."""
        found = self._evidence.get((area, indicator, breakdown))
        return found if found is not None else Evidence(area, indicator, None)

    def _weigh(self, key: tuple[str, str, str]) -> Evidence:
        facts = self._facts_by_key[key]
        ranked = [f for f in facts if f.strength]
        best = max(ranked, key=lambda f: (f.strength, self._layer_rank(f)), default=None)
        # An imported figure replaces what the shipped sources said of the area, "lowest" included:
        # only relations from the best fact's own layer (or later) still stand.
        floor = self._layer_rank(best) if best is not None else -1
        relations = tuple(
            f for f in facts if f.relation and f is not best and self._layer_rank(f) >= floor
        )
        disputed = tuple(f for f in facts if f.kind == "disputed")
        revised = tuple(f for f in facts if f.kind == "revised")
        return Evidence(key[0], key[1], best, relations, disputed, revised)

    def _layer_rank(self, fact: Fact) -> int:
        return self.layers.index(fact.layer) if fact.layer in self.layers else -1

    def lep_evidence(self, indicator: str) -> tuple[Evidence, ...]:
        return tuple(self.evidence(name, indicator) for name in self.lep_names)

    @cached_property
    def _lep_values(self) -> dict[str, dict[str, Fact]]:
        return {
            ind.id: {e.area: e.fact for e in self.lep_evidence(ind.id) if e.kind == "value"}
            for ind in self.indicators
        }

    def lep_values(self, indicator: str) -> dict[str, Fact]:
        """Exact values by LEP for one indicator (only LEPs that have one). Do not mutate."""
        return self._lep_values.get(indicator, {})

    def complete(self, indicator: str) -> bool:
        """Whether every LEP has an exact figure, so rankings and ranges are among all 39."""
        return len(self.lep_values(indicator)) == len(self.leps)

    @cached_property
    def benchmarks(self) -> tuple[str, ...]:
        """The yardstick groups in the order groups.yaml ranks them (England, then the UK)."""
        ranked = sorted((g for g in self.groups if g.benchmark), key=lambda g: g.benchmark)
        return tuple(g.name for g in ranked)

    def benchmark(self, indicator: str) -> Fact | None:
        """The first yardstick that publishes the measure: the comparator a LEP is set against."""
        for group in self.benchmarks:
            ev = self.evidence(group, indicator)
            if ev.kind == "value":
                return ev.fact
        return None

    def lep_range(self, indicator: str) -> tuple[Fact, Fact] | None:
        """The published lowest and highest LEP values, when both ends are published or known.

        With every LEP valued, the range is the min and max; otherwise it is the pair of values a
        source names 'lowest' and 'highest'.
        """
        values = self.lep_values(indicator)
        if self.complete(indicator):
            ordered = sorted(values.values(), key=lambda f: f.value)
            return ordered[0], ordered[-1]
        ends = {}
        for fact in values.values():
            if fact.relation in EXTREMES:
                ends.setdefault(fact.relation, fact)
        if "lowest" in ends and "highest" in ends:
            return ends["lowest"], ends["highest"]
        return None

    def breakdowns(self, indicator: str, area: str = "England") -> tuple[Fact, ...]:
        return tuple(
            f
            for f in self.facts
            if f.area == area and f.indicator == indicator and f.breakdown and f.kind == "value"
        )

    def findings_about(self, *indicators: str) -> tuple[Finding, ...]:
        """Findings naming all the given indicators, or failing that any of them."""
        wanted = set(indicators)
        every = tuple(f for f in self.findings if wanted <= set(f.indicators))
        return every or tuple(f for f in self.findings if wanted & set(f.indicators))

    def indicators_with_data(self) -> tuple[Indicator, ...]:
        used = {f.indicator for f in self.facts if f.strength}
        return tuple(i for i in self.indicators if i.id in used)

    def district(self, name: str) -> District | None:
        return next((d for d in self.districts if d.name == name), None)

    def survey(self, key: str) -> dict[str, str]:
        return dict(dict(self.surveys).get(key, ()))
