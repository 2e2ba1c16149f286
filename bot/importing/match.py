"""Labels in a table -> the dataset's areas and indicators, with the bot's own resolver.

Area labels go through `match_area` (the aliases, "&"/"and", case and the fuzzy
matching the bot uses for questions), so a name the bot understands in a question is understood in
a table too. Measure headers go through the indicator synonyms; a mapping file can say otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import partial
from typing import Any, Literal

from rapidfuzz import fuzz, process

from bot.importing import ImportRefused
from bot.importing.cube import Line
from bot.importing.labels import NATIONAL_NAMES
from bot.importing.vintage import later_boundary
from intents.reading.lexicon import Lexicon
from intents.reading.normalise import TOKEN, normalise
from intents.reading.signals import read_signals

# Labels that mean "all of England" in LEP tables: the benchmark row or column.
BENCHMARK_LABELS = frozenset(
    {"total", "all", "england total", "total england", "all leps", "all lep areas",
     "all establishments", "all employers", "england average", "average", "overall",
     "england overall", "all england", "england all", "england (total)", "total (england)"}
)  # fmt: skip
_BASE = re.compile(r"\b(?:base|bases|sample size|interviews|respondents|n)\b")
_WEIGHTED = re.compile(r"\bweighted\b")
NEW_INDICATOR_FIELDS = frozenset(
    {"label", "short", "unit", "format", "polarity", "definition", "synonyms", "verb", "survey"}
)
COLUMN_FIELDS = frozenset({"indicator", "new_indicator", "ignore", "base", "scale", "period"})
MAPPING_FIELDS = frozenset({"columns", "areas", "source", "period", "sheet", "where"})


MatchedBy = Literal["name", "benchmark", "mapping", "skipped", "later boundary", ""]


@dataclass(frozen=True)
class AreaMatch:
    label: str  # as written in the table
    where: str
    position: str
    area: str | None  # canonical LEP or group name; None: not matched (or skipped)
    candidates: tuple[str, ...] = ()
    how: MatchedBy = ""
    note: str = ""  # why a later-boundary line is not matched


@dataclass(frozen=True)
class ColumnRule:
    """What a mapping file says about one column."""

    header: str
    indicator: str = ""
    new_indicator: tuple[tuple[str, Any], ...] = ()
    ignore: bool = False
    base: bool = False
    scale: float | None = None
    period: str = ""


@dataclass(frozen=True)
class Mapping:
    file: str
    columns: tuple[ColumnRule, ...] = ()
    areas: tuple[tuple[str, str | None], ...] = ()  # label -> area (None: leave the line out)
    source: str = ""
    period: str = ""
    sheet: str = ""
    where: tuple[tuple[str, str], ...] = ()  # the slice of a long table: column -> value

    def rule(self, header: str) -> ColumnRule | None:
        key = _key(header)
        return next((r for r in self.columns if _key(r.header) == key), None)

    def area(self, label: str) -> tuple[bool, str | None]:
        key = _key(label)
        for written, area in self.areas:
            if _key(written) == key:
                return True, area
        return False, None


def _key(text: str) -> str:
    return " ".join(str(text).lower().split())


def exact_area(label: str, lexicon: Lexicon) -> str | None:
    """An area named exactly (name or alias, any case, '&' for 'and', trailing 'LEP')."""
    if _key(label) in BENCHMARK_LABELS:
        return "England"
    return match_area(label, lexicon, fuzzy=False)[0]


def match_line(line: Line, lexicon: Lexicon, mapping: Mapping | None) -> AreaMatch:
    """A line of the table -> the area it is, by the mapping file, then by name.

    A line from a later LEP geography is matched only by the mapping file: its name may be one
    the bot reads as a 2014 LEP in a question, but its figures are for another area.
    """
    match = partial(AreaMatch, line.label, line.where, line.position)
    if mapping is not None:
        for written in dict.fromkeys((line.label, line.bare)):
            found, area = mapping.area(written)
            if found:
                return match(area, (), "mapping" if area else "skipped")
    if _key(line.bare) in BENCHMARK_LABELS:
        return match("England", (), "benchmark")
    why, nearest = later_boundary(line.bare, line.geography)
    if why and _key(line.bare) not in NATIONAL_NAMES:  # England is England in any LEP geography
        return match(None, nearest, "later boundary", why)
    area, candidates = match_area(line.bare, lexicon)
    return match(area, candidates, "name" if area else "")


def is_base(header: str) -> bool:
    """'Base', 'Unweighted base', 'Base (unweighted)', 'Work placements base'; not a weighted base."""
    text = normalise(header)
    if not _BASE.search(text):
        return False
    return "unweighted" in text or not _WEIGHTED.search(text)


def is_weighted_base(header: str) -> bool:
    text = normalise(header)
    return bool(_BASE.search(text) and _WEIGHTED.search(text) and "unweighted" not in text)


def indicators_named(header: str, lexicon: Lexicon) -> tuple[str, ...]:
    """The indicator ids a header names by the synonym list ('Work placements (%)')."""
    if not header.strip() or header.startswith("("):
        return ()
    return read_signals(header, lexicon).indicators


def _only_known_keys(given: dict, allowed: frozenset[str] | set[str], where: str) -> None:
    bad = set(given) - set(allowed)
    if bad:
        raise ImportRefused(
            f"{where}: unknown key(s) {', '.join(sorted(bad))}; expected {', '.join(sorted(allowed))}."
        )


def parse_mapping(raw: Any, file: str, lexicon: Lexicon) -> Mapping:
    """A mapping file's YAML -> Mapping, refusing anything it does not understand by name."""
    if not isinstance(raw, dict):
        raise ImportRefused(
            f"{file}: a mapping file is a YAML mapping with 'columns:' (see README)."
        )
    unknown = set(raw) - MAPPING_FIELDS
    if unknown:
        raise ImportRefused(
            f"{file}: unknown key(s) {', '.join(sorted(map(str, unknown)))}; "
            f"expected {', '.join(sorted(MAPPING_FIELDS))}."
        )
    columns = []
    for header, spec in (raw.get("columns") or {}).items():
        where = f"{file}, columns: {header!r}"
        if isinstance(spec, str):
            word = spec.strip()
            spec = (
                {"ignore": True} if word == "ignore" else {"base": True} if word == "base"
                else {"indicator": word}
            )  # fmt: skip
        if not isinstance(spec, dict):
            raise ImportRefused(f"{where}: give an indicator id, 'ignore', 'base' or a mapping.")
        _only_known_keys(spec, COLUMN_FIELDS, where)
        new = spec.get("new_indicator") or {}
        if not isinstance(new, dict):
            raise ImportRefused(f"{where}: new_indicator must be a mapping (label, unit, …).")
        _only_known_keys(new, NEW_INDICATOR_FIELDS, f"{where}, new_indicator")
        if new and not spec.get("indicator"):
            raise ImportRefused(f"{where}: new_indicator needs an 'indicator' id beside it.")
        scale = spec.get("scale")
        if scale is not None and scale not in (1, 100):
            raise ImportRefused(
                f"{where}: scale must be 1 (already percentages) or 100 (fractions)."
            )
        columns.append(
            ColumnRule(
                header=str(header),
                indicator=str(spec.get("indicator") or ""),
                new_indicator=tuple(sorted(new.items())),
                ignore=bool(spec.get("ignore")),
                base=bool(spec.get("base")),
                scale=float(scale) if scale is not None else None,
                period=str(spec.get("period") or ""),
            )
        )
    areas = []
    for label, target in (raw.get("areas") or {}).items():
        if target is None or str(target).strip().lower() in ("skip", "ignore", ""):
            areas.append((str(label), None))
            continue
        area = exact_area(str(target), lexicon)
        if area is None:
            raise ImportRefused(
                f"{file}, areas: {label!r} -> {target!r}: not a LEP name; use a LEP's name "
                "as lepbot spells it (or an alias it knows), or 'skip'."
            )
        areas.append((str(label), area))
    where = raw.get("where") or {}
    if not isinstance(where, dict) or any(isinstance(v, dict | list) for v in where.values()):
        raise ImportRefused(
            f"{file}, where: give each column with the one value to keep "
            "(where: {C_AGE_NAME: Aged 16-24})."
        )
    return Mapping(
        file=file,
        where=tuple((str(k), str(v)) for k, v in where.items()),
        columns=tuple(columns),
        areas=tuple(areas),
        source=str(raw.get("source") or ""),
        period=str(raw.get("period") or ""),
        sheet=str(raw.get("sheet") or ""),
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
    words = TOKEN.findall(normalise(name))
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
