"""Each measure of a table -> an indicator, a base, or left out with why (pure).

Headings are matched to indicators by their synonyms, a mapping file can say otherwise, and
--indicator names the one column of figures. What a column holds decides first: NOMIS's `Flags`
and `conf` beside a figure are never figures of their own. A measure named by synonym whose
units contradict the indicator (GVA in £ million is not GVA per head) is left out, not imported.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from typing import Literal

from bot.importing import ImportRefused, NoMeasure, PassedOver
from bot.importing.match import (
    ColumnRule,
    Mapping,
    indicators_named,
    is_base,
    is_weighted_base,
)
from bot.importing.table import Measure, ParsedTable
from intents.dataset.loader import FORMATS, POLARITIES
from intents.dataset.model import Dataset, Indicator
from intents.reading.lexicon import Lexicon
from intents.reading.normalise import normalise

ColumnRole = Literal["indicator", "base", "left out"]
DecidedBy = Literal["synonym", "mapping", "--indicator", "header", "name", ""]
# Why a column beside the figures is not imported, by what the column holds.
COMPANION_NOTES = {
    "flags": "marks beside the figures (a marked figure is read as missing)",
    "confidence": "a confidence interval (lepbot tests differences on unweighted bases only)",
    "component": "a count behind the figure",
}
_SCALED = ("million", "thousand", "billion", "£m", "£bn", "£k")


@dataclass(frozen=True)
class PlannedColumn:
    header: str
    where: str
    role: ColumnRole
    indicator: str = ""
    how: DecidedBy = ""
    note: str = ""  # why it is left out; "fractions ×100"; which indicators a base serves


def units_misfit(units: str, indicator: Indicator) -> str:
    """Why figures in `units` cannot be this indicator ('' when they can or nothing is said)."""
    said = units.strip().lower()
    if not said:
        return ""
    scaled = any(word in said for word in _SCALED)
    if (
        (scaled and indicator.format in ("pounds", "percent"))
        or (said.startswith("£") and indicator.format == "percent")
        or (said in ("%", "percent", "per cent", "percentage") and indicator.format == "pounds")
    ):
        return (
            f"the units ({units.strip()!r}) do not fit {indicator.id} ({indicator.unit}): left out "
            "(a mapping file can declare a new indicator for it)"
        )
    return ""


def new_indicator(
    rule: ColumnRule, header: str, dataset: Dataset, lexicon: Lexicon, file: str
) -> dict:
    spec = dict(rule.new_indicator)
    where = f"{file}, column {header!r}"
    same = dataset.has_indicator(rule.indicator) and (
        dataset.indicator(rule.indicator).label == str(spec.get("label"))
    )  # declared the same way by an earlier import: declare it again, so either can be removed
    if dataset.has_indicator(rule.indicator) and not same:
        raise ImportRefused(
            f"{where}: indicator {rule.indicator!r} already exists "
            f"as {dataset.indicator(rule.indicator).label!r}; drop new_indicator to import into it, "
            "or choose a new id."
        )
    if not rule.indicator.replace("_", "").isalnum() or not rule.indicator.islower():
        raise ImportRefused(
            f"{where}: indicator id {rule.indicator!r}: use lower_case_with_underscores."
        )
    if not spec.get("label"):
        raise ImportRefused(f"{where}: new_indicator needs a label.")
    unit = str(spec.get("unit") or ("%" if "%" in header else ""))
    fmt = str(spec.get("format") or ("percent" if "%" in unit else "number"))
    if fmt not in FORMATS:
        raise ImportRefused(f"{where}: format {fmt!r} is not one of {', '.join(FORMATS)}.")
    polarity = str(spec.get("polarity") or "neutral")
    if polarity not in POLARITIES:
        raise ImportRefused(
            f"{where}: polarity {polarity!r} is not one of {', '.join(POLARITIES)}."
        )
    synonyms = [str(s) for s in spec.get("synonyms") or []]
    for phrase in (spec["label"], *synonyms):
        taken = [
            e.target for e in lexicon.phrases.get(tuple(normalise(str(phrase)).split()), ())
            if e.kind in ("indicator", "lep", "group", "district") and e.target != rule.indicator
        ]  # fmt: skip
        if taken:
            raise ImportRefused(
                f"{where}: {phrase!r} already means {taken[0].replace('_', ' ')} to lepbot; "
                "choose other words for the new indicator."
            )
    return {
        "id": rule.indicator,
        "label": str(spec["label"]),
        "short": str(spec.get("short") or str(spec["label"])[:1].lower() + str(spec["label"])[1:]),
        "unit": unit or "number",
        "format": fmt,
        "polarity": polarity,
        "survey": str(spec.get("survey") or ""),
        "definition": str(spec.get("definition") or ""),
        "synonyms": synonyms,
        "verb": str(spec.get("verb") or ""),
    }


def _column(
    m: Measure, rule: ColumnRule | None, dataset: Dataset, lexicon: Lexicon, file: str
) -> tuple[PlannedColumn, dict | None]:
    """What one measure becomes (and the new indicator a mapping file declares for it)."""
    left_out = PlannedColumn(m.header, m.where, "left out")
    if rule is not None and rule.ignore:
        return replace(left_out, note="mapping says ignore"), None
    if rule is not None and rule.base:
        return PlannedColumn(m.header, m.where, "base", how="mapping"), None
    if rule is not None and rule.indicator:
        new = new_indicator(rule, m.header, dataset, lexicon, file) if rule.new_indicator else None
        if new is None and not dataset.has_indicator(rule.indicator):
            raise ImportRefused(
                f"{file}: column {m.header!r} -> {rule.indicator!r}: no such indicator. "
                f"Known: {', '.join(i.id for i in dataset.indicators)}; or declare it with new_indicator."
            )
        return PlannedColumn(m.header, m.where, "indicator", rule.indicator, "mapping"), new
    if m.role in COMPANION_NOTES:
        return replace(left_out, note=COMPANION_NOTES[m.role]), None
    if m.role == "base" or is_base(m.header):
        return PlannedColumn(m.header, m.where, "base", how="header"), None
    if is_weighted_base(m.header):
        return replace(
            left_out, note="a weighted base: significance tests need the unweighted base"
        ), None
    found = indicators_named(m.header, lexicon)
    if len(found) != 1:
        note = (
            f"names several measures ({', '.join(found)})"
            if found
            else "no indicator matches its name"
        )
        return replace(left_out, how="name", note=note), None
    misfit = units_misfit(m.units, dataset.indicator(found[0]))
    if misfit:
        return replace(left_out, how="name", note=misfit), None
    return PlannedColumn(m.header, m.where, "indicator", found[0], "synonym"), None


def _mapped_columns_exist(table: ParsedTable, mapping: Mapping) -> None:
    headers = {" ".join(m.header.lower().split()) for m in table.measures}
    for rule in mapping.columns:
        if " ".join(rule.header.lower().split()) not in headers:
            raise PassedOver(
                table.place,
                f"{mapping.file} names column {rule.header!r}, which is not in this table (its "
                f"columns: {', '.join(repr(m.header) for m in table.measures)}).",
            )


def _as_indicator(
    table: ParsedTable,
    planned: list[tuple[Measure, PlannedColumn]],
    indicator: str,
    declared: set[str],
    dataset: Dataset,
) -> list[tuple[Measure, PlannedColumn]]:
    """--indicator: the one column of figures not mapped otherwise becomes that indicator."""
    if not dataset.has_indicator(indicator) and indicator not in declared:
        raise ImportRefused(
            f"--indicator {indicator}: no such indicator. Known: "
            f"{', '.join(i.id for i in dataset.indicators)} (a new one needs a mapping file)."
        )
    candidates = [
        (m, c)
        for m, c in planned
        if (c.role == "indicator" and c.how != "mapping")
        or (c.role == "left out" and c.how == "name")
    ]
    if len(candidates) != 1:
        listed = ", ".join(f"{c.where} {c.header!r}" for _, c in candidates) or "none"
        raise ImportRefused(
            f"{table.place}: --indicator names one measure, but the table has "
            f"{len(candidates)} columns of figures ({listed}). Use a mapping file (--map) to say "
            "which column is which."
        )
    chosen, column = candidates[0]
    named = PlannedColumn(column.header, column.where, "indicator", indicator, "--indicator")
    return [(m, named if m is chosen else c) for m, c in planned]


def _one_column_per_indicator(
    table: ParsedTable, planned: list[tuple[Measure, PlannedColumn]], dataset: Dataset
) -> None:
    counted = Counter(c.indicator for _, c in planned if c.role == "indicator")
    twice = [i for i, n in counted.items() if n > 1]
    if twice:
        where = ", ".join(f"{c.where} {c.header!r}" for _, c in planned if c.indicator in twice)
        raise ImportRefused(
            f"{table.place}: more than one column would be imported as {', '.join(twice)} ({where}). "
            "Use a mapping file (--map) to say which is which, or 'ignore' the others."
        )
    if not counted:
        listed = "; ".join(f"{c.where} {c.header!r}: {c.note}" for _, c in planned) or "none"
        raise NoMeasure(
            table.place,
            f"no column of figures was recognised as a measure ({listed}). Name it "
            "with --indicator ID, or map the columns with --map MAPPING.yaml. Indicators: "
            f"{', '.join(i.id for i in dataset.indicators)}.",
        )


def plan_columns(
    table: ParsedTable,
    mapping: Mapping | None,
    indicator: str,
    dataset: Dataset,
    lexicon: Lexicon,
) -> tuple[list[tuple[Measure, PlannedColumn]], list[dict]]:
    """Each measure of the table -> indicator, base or left out (with why); `indicator` is
    --indicator, naming the one column of figures."""
    planned: list[tuple[Measure, PlannedColumn]] = []
    new: list[dict] = []
    for m in table.measures:
        rule = mapping.rule(m.header) if mapping else None
        column, declared = _column(m, rule, dataset, lexicon, mapping.file if mapping else "")
        planned.append((m, column))
        if declared is not None:
            new.append(declared)
    if mapping is not None:
        _mapped_columns_exist(table, mapping)
    if indicator:
        planned = _as_indicator(table, planned, indicator, {n["id"] for n in new}, dataset)
    _one_column_per_indicator(table, planned, dataset)
    return planned, new


def bases_for(planned: list[tuple[Measure, PlannedColumn]], lexicon: Lexicon) -> dict[int, Measure]:
    """Which base column serves which indicator column (by position in `planned`)."""
    out: dict[int, Measure] = {}
    named: dict[str, Measure] = {}
    unnamed: list[int] = []
    for k, (m, c) in enumerate(planned):
        if c.role != "base":
            continue
        found = indicators_named(m.header, lexicon)
        if len(found) == 1:
            named[found[0]] = m
        else:
            unnamed.append(k)
    previous = -1
    for k in unnamed:
        for j in range(previous + 1, k):
            if planned[j][1].role == "indicator":
                out[j] = planned[k][0]
        previous = k
    for j, (_, c) in enumerate(planned):
        if c.role != "indicator":
            continue
        if c.indicator in named:
            out[j] = named[c.indicator]
        elif j not in out and len(unnamed) == 1:
            out[j] = planned[unnamed[0]][0]
    return out
