"""Read data/ (and any imported layers over it) into a validated Dataset.

Errors name the file and row, because the people who fix them are editing those files by hand.
Loading happens at every start, so it uses libyaml and the csv module, not pandas.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml

from intents.dataset.model import (
    FACT_KINDS,
    Area,
    Dataset,
    District,
    Fact,
    Finding,
    Indicator,
    Source,
)
from intents.dataset.units import FORMATS
from intents.names import FIGURE_ATTRIBUTES, FigureAttribute

# data/ is installed as the package lepbot_data (setup.py), so an editable install and a wheel
# find it the same way.
SHIPPED_DATA = Path(str(files("lepbot_data")))
RELATIONS = ("high", "low", "highest", "lowest", "second highest", "second lowest")
POLARITIES = ("higher_is_better", "lower_is_better", "neutral")

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DataError(ValueError):
    """A data file is wrong; the message names the file and row."""


def _figure_attributes(vocabulary: dict) -> tuple[tuple[str, FigureAttribute], ...]:
    """(word, what it asks of a figure), each kind one the define or source answer gives, each
    word under one kind only."""
    kinds = vocabulary.get("figure_attributes") or {}
    odd = sorted(set(kinds) - set(FIGURE_ATTRIBUTES))
    if odd:
        raise DataError(f"vocabulary.yaml figure_attributes: unknown kinds {odd}")
    pairs = tuple((w, kind) for kind in FIGURE_ATTRIBUTES for w in sorted(_words(kinds, kind)))
    twice = sorted({w for w, _ in pairs if sum(w == v for v, _ in pairs) > 1})
    if twice:
        raise DataError(f"vocabulary.yaml figure_attributes: {twice} listed under two kinds")
    return pairs


def _words(vocabulary: dict, key: str) -> frozenset[str]:
    """A word list; YAML reads a bare no, on or yes as a boolean, so each must be a string."""
    words = vocabulary.get(key) or ()
    odd = [w for w in words if not isinstance(w, str)]
    if odd:
        raise DataError(f'vocabulary.yaml {key}: {odd} are not words; quote them ("no", "on")')
    return frozenset(words)


def read_yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.load(handle, Loader=_Loader)
    except yaml.YAMLError as exc:
        raise DataError(f"{path}: not valid YAML ({exc})") from None


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(handle)]


def _number(text: str, where: str, column: str) -> float | None:
    if text == "":
        return None
    try:
        return float(text)
    except ValueError:
        raise DataError(f"{where}: {column} {text!r} is not a number") from None


def _strings(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


def _areas(path: Path, is_lep: bool) -> tuple[Area, ...]:
    rows = read_yaml(path) or []
    return tuple(
        Area(
            name=str(row["name"]),
            aliases=_strings(row.get("aliases")),
            region=str(row.get("region", "")),
            map_no=row.get("map"),
            is_lep=is_lep,
            note=str(row.get("note", "")),
            spoken=str(row.get("spoken", "")),
            nation=bool(row.get("nation", False)),
            rival=bool(row.get("rival", False)),
            benchmark=int(row.get("benchmark", 0)),
        )
        for row in rows
    )


def _indicator(row: dict[str, Any], where: str) -> Indicator:
    for column in ("id", "label", "unit", "format", "polarity"):
        if not row.get(column):
            raise DataError(f"{where}: indicator has no {column}")
    if row["format"] not in FORMATS:
        raise DataError(f"{where}: format {row['format']!r} is not one of {', '.join(FORMATS)}")
    if row["polarity"] not in POLARITIES:
        raise DataError(f"{where}: polarity {row['polarity']!r} is not one of {POLARITIES}")
    return Indicator(
        id=str(row["id"]),
        label=str(row["label"]),
        short=str(row.get("short") or row["label"]).strip(),
        unit=str(row["unit"]),
        format=str(row["format"]),
        polarity=str(row["polarity"]),
        survey=str(row.get("survey", "")),
        definition=str(row.get("definition", "")),
        synonyms=_strings(row.get("synonyms")),
        verb=str(row.get("verb", "")),
        population=str(row.get("population") or "employers"),
        audience_words=_strings(row.get("audience_words")),
        audience_synonyms=_strings(row.get("audience_synonyms")),
        patterns=_strings(row.get("patterns")),
        supersedes=_strings(row.get("supersedes")),
        base_words=_strings(row.get("base_words")),
        unreported_words=_strings(row.get("unreported_words")),
        national_only=str(row.get("national_only") or ""),
    )


def _indicators(path: Path) -> tuple[Indicator, ...]:
    rows = read_yaml(path) or []
    return tuple(_indicator(row, f"{path} entry {n}") for n, row in enumerate(rows, 1))


def _sources(path: Path) -> tuple[Source, ...]:
    rows = read_yaml(path) or []
    return tuple(
        Source(
            id=str(r["id"]),
            title=str(r.get("title", r["id"])),
            publisher=str(r.get("publisher", "")),
            date=str(r.get("date", "")),
            url=str(r.get("url", "") or ""),
            cite=str(r.get("cite", "") or r.get("title", r["id"])),
            about=str(r.get("about", "") or ""),
        )
        for r in rows
    )


def _facts(path: Path, layer: str) -> tuple[Fact, ...]:
    facts = []
    for n, row in enumerate(read_csv(path), 2):
        where = f"{path} row {n}"
        base = _number(row.get("base", ""), where, "base")
        facts.append(
            Fact(
                area=row["area"],
                indicator=row["indicator"],
                kind=row["kind"],
                value=_number(row.get("value", ""), where, "value"),
                low=_number(row.get("low", ""), where, "low"),
                high=_number(row.get("high", ""), where, "high"),
                relation=row.get("relation", ""),
                breakdown=row.get("breakdown", ""),
                period=row.get("period", ""),
                source=row.get("source", ""),
                note=row.get("note", ""),
                base=int(base) if base is not None else None,
                layer=layer,
            )
        )
    return tuple(facts)


def _districts(path: Path) -> tuple[District, ...]:
    return tuple(
        District(
            name=row["district"],
            leps=tuple(p.strip() for p in row["leps"].split(";") if p.strip()),
            basis=row.get("basis", ""),
        )
        for row in read_csv(path)
    )


def _findings(path: Path) -> tuple[Finding, ...]:
    return tuple(
        Finding(
            id=str(r["id"]),
            indicators=_strings(r.get("indicators")),
            statement=str(r["statement"]),
            source=str(r["source"]),
            basis=str(r.get("basis", "") or ""),
            exceptions=_strings(r.get("exceptions")),
            x=r.get("x"),
            y=r.get("y"),
            direction=r.get("direction"),
        )
        for r in read_yaml(path) or []
    )


def _pairs(mapping: dict[str, Any] | None) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((str(k), _strings(v)) for k, v in (mapping or {}).items())


REGION_SUFFIXES = ("leps", "lep areas", "lep", "region", "areas", "ones")


def _regions(path: Path, leps: tuple[Area, ...]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each way of naming a region -> its LEPs (those whose main region it is), in map order.
    Every alias is also read with "LEPs", "LEP areas" or "region" after it."""
    rows = read_yaml(path) or []
    members = {row["name"]: [a.name for a in leps if a.region == row["name"]] for row in rows}
    lep_names = {n.lower() for a in leps for n in (a.name, *a.aliases)}  # 'South East LEP' is one
    out: list[tuple[str, tuple[str, ...]]] = []
    for row in rows:
        names = list(members[row["name"]])
        for region in row.get("of") or ():
            names += members[region]
        names += list(row.get("extra") or ())
        ordered = tuple(a.name for a in leps if a.name in names)
        if len(ordered) < 2:
            continue  # London is one LEP: the LEP answers
        plain = _strings(row.get("aliases"))
        suffixed = (*plain, *_strings(row.get("only_with_leps")))
        phrases = (*plain, *(f"{a} {suffix}" for a in suffixed for suffix in REGION_SUFFIXES))
        out += [(p, ordered) for p in phrases if p.lower().removeprefix("the ") not in lep_names]
    return tuple(out)


def _surveys(path: Path) -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
    raw = read_yaml(path) or {}
    return tuple(
        (key, tuple((str(k), " ".join(_strings(v))) for k, v in fields.items()))
        for key, fields in raw.items()
    )


def _validate_fact(
    fact: Fact, where: str, ds_areas: set[str], indicators: dict[str, Indicator], sources: set[str]
) -> None:
    if fact.area not in ds_areas:
        raise DataError(f"{where}: unknown area {fact.area!r}")
    if fact.indicator not in indicators:
        raise DataError(f"{where}: unknown indicator {fact.indicator!r}")
    if fact.kind not in FACT_KINDS:
        raise DataError(f"{where}: kind {fact.kind!r} is not one of {', '.join(FACT_KINDS)}")
    if not fact.source:
        raise DataError(f"{where}: fact has no source")
    if fact.source not in sources:
        raise DataError(f"{where}: source {fact.source!r} is not in sources.yaml")
    if fact.kind in ("value", "change", "disputed", "revised") and fact.value is None:
        raise DataError(f"{where}: a {fact.kind} needs a value")
    if fact.kind == "band":
        if fact.low is None or fact.high is None:
            raise DataError(f"{where}: a band needs low and high")
        if fact.low > fact.high:
            raise DataError(f"{where}: band low {fact.low:g} is above high {fact.high:g}")
    if fact.kind == "relation" and fact.relation not in RELATIONS:
        raise DataError(f"{where}: a relation needs one of {', '.join(RELATIONS)}")
    if fact.kind == "relation" and fact.relation.startswith("second "):
        raise DataError(f"{where}: 'second highest/lowest' goes on a row with a figure")
    if fact.relation and fact.relation not in RELATIONS:
        raise DataError(f"{where}: relation {fact.relation!r} is not one of {RELATIONS}")
    if indicators[fact.indicator].is_share and fact.kind != "change":
        for number in (fact.value, fact.low, fact.high):
            if number is not None and not 0 <= number <= 100:
                raise DataError(f"{where}: {number:g} is outside 0–100 for a percentage")


def _check_duplicates(facts: Iterable[Fact], path: Path) -> None:
    seen: dict[tuple, int] = {}
    for n, fact in enumerate(facts, 2):
        key = (fact.area, fact.indicator, fact.kind, fact.breakdown, fact.period, fact.relation)
        if key in seen:
            raise DataError(f"{path} row {n}: duplicate of row {seen[key]}")
        seen[key] = n


def load_dataset(shipped: Path = SHIPPED_DATA, layers: Sequence[Path] = ()) -> Dataset:
    """Load data/ and then each layer directory in order (later layers win ties)."""
    leps = _areas(shipped / "leps.yaml", is_lep=True)
    groups = _areas(shipped / "groups.yaml", is_lep=False)
    indicators = list(_indicators(shipped / "indicators.yaml"))
    sources = list(_sources(shipped / "sources.yaml"))
    fact_files = [(shipped / "facts.csv", "shipped")]
    for layer in layers:
        if (layer / "indicators.yaml").exists():
            known = {i.id for i in indicators}
            indicators += [i for i in _indicators(layer / "indicators.yaml") if i.id not in known]
        if (layer / "sources.yaml").exists():
            sources += _sources(layer / "sources.yaml")
        fact_files.append((layer / "facts.csv", layer.name))

    area_names = {a.name for a in (*leps, *groups)}
    by_id = {i.id: i for i in indicators}
    source_ids = {s.id for s in sources}
    facts: list[Fact] = []
    for path, layer in fact_files:
        layer_facts = _facts(path, layer)
        _check_duplicates(layer_facts, path)
        for n, fact in enumerate(layer_facts, 2):
            _validate_fact(fact, f"{path} row {n}", area_names, by_id, source_ids)
        facts += layer_facts

    ambiguous = read_yaml(shipped / "ambiguous.yaml") or {}
    vocabulary = read_yaml(shipped / "vocabulary.yaml") or {}
    function_words = _words(vocabulary, "function_words")
    districts = _districts(shipped / "districts.csv")
    lep_names = {a.name for a in leps}
    for n, district in enumerate(districts, 2):
        unknown = [lep for lep in district.leps if lep not in lep_names]
        if unknown or not district.leps:
            raise DataError(f"{shipped / 'districts.csv'} row {n}: unknown LEP {unknown}")

    return Dataset(
        leps=leps,
        groups=groups,
        outside=_areas(shipped / "outside.yaml", is_lep=False),
        indicators=tuple(indicators),
        facts=tuple(facts),
        sources=tuple(sources),
        findings=_findings(shipped / "findings.yaml"),
        districts=districts,
        district_aliases=tuple(
            (str(k), str(v))
            for k, v in (read_yaml(shipped / "district_aliases.yaml") or {}).items()
        ),
        ambiguous=_pairs(ambiguous.get("names")),
        regions=_regions(shipped / "regions.yaml", leps),
        sectors=_pairs(read_yaml(shipped / "sectors.yaml")),
        surveys=_surveys(shipped / "surveys.yaml"),
        function_words=function_words,
        idioms=tuple(sorted(_words(vocabulary, "idioms"))),
        figure_attributes=_figure_attributes(vocabulary),
        figure_alternatives=_words(vocabulary, "figure_alternatives"),
        figure_geographies=_words(vocabulary, "figure_geographies"),
        known_words=function_words
        | _words(vocabulary, "domain_words")
        | _words(vocabulary, "everyday_words"),
        spellings=tuple((str(k), str(v)) for k, v in (vocabulary.get("spellings") or {}).items()),
        layers=("shipped", *(p.name for p in layers)),
    )
