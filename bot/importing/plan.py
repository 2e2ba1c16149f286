"""ParsedTable + the current dataset + the user's options -> ImportPlan: every figure to write.

Pure: no files. Decides which column is which indicator (or a base), scales fractions, checks
percentages, matches the area labels, finds duplicates, and says what each figure supersedes.
Problems the user must decide on (unmatched names, duplicates) are collected, not raised, so the
dry run can show them all at once; anything simply wrong with the file raises ImportRefused.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from decimal import Decimal

from bot.importing import ImportRefused
from bot.importing.match import (
    AreaMatch,
    ColumnRule,
    Mapping,
    indicators_named,
    is_base,
    is_weighted_base,
    match_line,
)
from bot.importing.table import Cell, Measure, ParsedTable
from intents.dataset.loader import FORMATS, POLARITIES
from intents.dataset.model import Dataset
from intents.dataset.units import amount, span
from intents.reading.lexicon import Lexicon
from intents.reading.normalise import normalise


@dataclass(frozen=True)
class Options:
    indicator: str = ""  # --indicator: the one measure column is this indicator
    mapping: Mapping | None = None
    source: str = ""
    period: str = ""
    skip_unmatched: bool = False


@dataclass(frozen=True)
class PlannedColumn:
    header: str
    where: str
    role: str  # "indicator" | "base" | "left out"
    indicator: str = ""
    how: str = ""  # "synonym", "mapping", "--indicator"
    note: str = ""  # why it is left out; "fractions ×100"; which indicators a base serves


@dataclass(frozen=True)
class PlannedFact:
    area: str
    indicator: str
    value: float
    base: int | None
    period: str
    where: str  # the cell in the file
    label: str  # the area's name as written in the file
    supersedes: str = ""  # what the dataset held before for this area and indicator


@dataclass(frozen=True)
class MissingCell:
    area: str
    indicator: str
    text: str
    where: str


@dataclass(frozen=True)
class ImportPlan:
    table: ParsedTable
    lines: tuple[AreaMatch, ...]
    columns: tuple[PlannedColumn, ...]
    facts: tuple[PlannedFact, ...]
    missing: tuple[MissingCell, ...]
    unmatched: tuple[AreaMatch, ...]
    duplicates: tuple[tuple[str, tuple[AreaMatch, ...]], ...]
    new_indicators: tuple[dict, ...]
    source: str  # the citation text
    about: str  # what the source is, with the significance method when bases are present
    periods: tuple[tuple[str, str, str], ...]  # (indicator, period, where it came from)
    notes: tuple[str, ...]
    skip_unmatched: bool = False

    @property
    def indicators(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(f.indicator for f in self.facts))

    @property
    def areas(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(f.area for f in self.facts))

    @property
    def problems(self) -> tuple[str, ...]:
        """What stops the import: each a paragraph naming rows and what to do."""
        out = []
        if self.unmatched and not self.skip_unmatched:
            listed = "\n".join(
                f"  {m.position}: {m.label!r} — closest: {', '.join(m.candidates) or 'none'}"
                for m in self.unmatched
            )
            many = len(self.unmatched) > 1
            out.append(
                f"{self.table.place}: {len(self.unmatched)} name{'s' * many} not matched to a "
                f"LEP:\n{listed}\nCorrect {'them' if many else 'it'} in the file, map "
                f"{'them' if many else 'it'} in a mapping file (areas: {{'Name in file': LEP name}} "
                "or skip), or pass --skip-unmatched to import the rest."
            )
        for area, matches in self.duplicates:
            rows = " and ".join(f"{m.position} ({m.label!r})" for m in matches)
            out.append(
                f"{self.table.place}: {area} appears {_times(len(matches))}: {rows}. A table must "
                "give each LEP once; delete the extra line (or map one of them to 'skip')."
            )
        if not self.facts and not out:
            out.append(f"{self.table.place}: no figures to import (every matched cell is missing).")
        return tuple(out)


def _times(n: int) -> str:
    return {2: "twice", 3: "three times"}.get(n, f"{n} times")


def _scaled(value: float, factor: int) -> float:
    """0.375 -> 37.5 without float noise."""
    return float(Decimal(repr(value)) * factor) if factor != 1 else value


def _period_for(indicator: str, dataset: Dataset) -> str:
    periods = {
        f.period for f in dataset.facts if f.indicator == indicator and f.strength and f.period
    }
    return periods.pop() if len(periods) == 1 else ""


def _supersedes(dataset: Dataset, area: str, indicator: str) -> str:
    if not dataset.has_indicator(indicator):
        return ""
    ev = dataset.evidence(area, indicator)
    if ev.fact is None:
        return ""
    ind = dataset.indicator(indicator)
    fact = ev.fact
    shown = (
        f"named {fact.relation}" if fact.kind == "relation"
        else f"band {span(fact.low, fact.high, ind.format)}" if fact.kind == "band"
        else f"value {amount(fact.value, ind.format)}"
    )  # fmt: skip
    origin = fact.source if fact.layer == "shipped" else f"import {fact.layer}"
    return f"{shown} ({origin})"


def _new_indicator(
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


def _columns(
    table: ParsedTable, options: Options, dataset: Dataset, lexicon: Lexicon
) -> tuple[list[tuple[Measure, PlannedColumn]], list[dict]]:
    """Each measure of the table -> indicator, base or left out (with why)."""
    mapping = options.mapping
    planned: list[tuple[Measure, PlannedColumn]] = []
    new: list[dict] = []
    for m in table.measures:
        rule = mapping.rule(m.header) if mapping else None
        if rule is not None and rule.ignore:
            planned.append(
                (m, PlannedColumn(m.header, m.where, "left out", note="mapping says ignore"))
            )
        elif rule is not None and rule.base:
            planned.append((m, PlannedColumn(m.header, m.where, "base", how="mapping")))
        elif rule is not None and rule.indicator:
            if rule.new_indicator:
                new.append(_new_indicator(rule, m.header, dataset, lexicon, mapping.file))
            elif not dataset.has_indicator(rule.indicator):
                raise ImportRefused(
                    f"{mapping.file}: column {m.header!r} -> {rule.indicator!r}: no such indicator. "
                    f"Known: {', '.join(i.id for i in dataset.indicators)}; or declare it with new_indicator."
                )
            planned.append(
                (m, PlannedColumn(m.header, m.where, "indicator", rule.indicator, "mapping"))
            )
        elif is_base(m.header):
            planned.append((m, PlannedColumn(m.header, m.where, "base", how="header")))
        elif is_weighted_base(m.header):
            note = "a weighted base: significance tests need the unweighted base"
            planned.append((m, PlannedColumn(m.header, m.where, "left out", note=note)))
        else:
            found = indicators_named(m.header, lexicon)
            if len(found) == 1:
                planned.append(
                    (m, PlannedColumn(m.header, m.where, "indicator", found[0], "synonym"))
                )
            else:
                note = (
                    f"names several measures ({', '.join(found)})"
                    if found
                    else "no indicator matches its name"
                )
                planned.append(
                    (m, PlannedColumn(m.header, m.where, "left out", how="name", note=note))
                )
    if mapping is not None:
        headers = {" ".join(m.header.lower().split()) for m in table.measures}
        for rule in mapping.columns:
            if " ".join(rule.header.lower().split()) not in headers:
                raise ImportRefused(
                    f"{mapping.file}: column {rule.header!r} is not in {table.place} (its columns: "
                    f"{', '.join(repr(m.header) for m in table.measures)})."
                )
    if options.indicator:
        if not dataset.has_indicator(options.indicator) and options.indicator not in {
            n["id"] for n in new
        }:
            raise ImportRefused(
                f"--indicator {options.indicator}: no such indicator. Known: "
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
        m, c = candidates[0]
        planned = [
            (m2, PlannedColumn(c.header, c.where, "indicator", options.indicator, "--indicator"))
            if m2 is m else (m2, c2)
            for m2, c2 in planned
        ]  # fmt: skip
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
        raise ImportRefused(
            f"{table.place}: no column of figures was recognised as a measure ({listed}). Name it "
            "with --indicator ID, or map the columns with --map MAPPING.yaml. Indicators: "
            f"{', '.join(i.id for i in dataset.indicators)}."
        )
    return planned, new


def _bases(planned: list[tuple[Measure, PlannedColumn]], lexicon: Lexicon) -> dict[int, Measure]:
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


def _base_value(cell: Cell) -> int | None:
    if cell.missing:
        return None
    if cell.value is None or cell.value <= 0 or not float(cell.value).is_integer():
        raise ImportRefused(
            f"{cell.where}: base {cell.text!r} is not a whole number of interviews (an unweighted "
            "base counts the employers asked)."
        )
    return int(cell.value)


def _with_base_note(column: PlannedColumn, users: dict[str, list[str]]) -> PlannedColumn:
    if column.role != "base":
        return column
    note = (
        f"base for {', '.join(users[column.where])}"
        if column.where in users
        else "not used: no percentage beside it"
    )
    return replace(column, note=note)


def build_plan(
    table: ParsedTable, dataset: Dataset, lexicon: Lexicon, options: Options
) -> ImportPlan:
    lines = tuple(
        match_line(line.label, line.where, line.position, lexicon, options.mapping)
        for line in table.lines
    )
    unmatched = tuple(m for m in lines if m.area is None and m.how != "skipped")
    by_area: dict[str, list[AreaMatch]] = {}
    for m in lines:
        if m.area:
            by_area.setdefault(m.area, []).append(m)
    duplicates = tuple((a, tuple(ms)) for a, ms in by_area.items() if len(ms) > 1)

    planned, new = _columns(table, options, dataset, lexicon)
    new_ids = {n["id"]: n for n in new}
    bases = _bases(planned, lexicon)

    def is_share(indicator: str) -> bool:
        if indicator in new_ids:
            return new_ids[indicator]["format"] == "percent"
        return dataset.indicator(indicator).is_share

    mapping = options.mapping
    facts: list[PlannedFact] = []
    missing: list[MissingCell] = []
    periods: list[tuple[str, str, str]] = []
    columns: list[PlannedColumn] = []
    out_of_range: list[str] = []
    base_users: dict[str, list[str]] = {}
    for k, (measure, column) in enumerate(planned):
        if column.role != "indicator":
            columns.append(column)
            continue
        ind = column.indicator
        rule = mapping.rule(measure.header) if mapping else None
        share = is_share(ind)
        bare = [c.value for c in measure.cells if c.value is not None and not c.percent_sign]
        if rule is not None and rule.scale is not None:
            factor = int(rule.scale)
        else:
            factor = 100 if share and bare and all(abs(v) <= 1 for v in bare) else 1
        note = "fractions, ×100" if factor == 100 else ""
        base_measure = bases.get(k) if share else None
        if base_measure is not None:
            base_users.setdefault(base_measure.where, []).append(ind)
        period, said = (
            (options.period, "--period") if options.period
            else (rule.period, "mapping") if rule is not None and rule.period
            else (mapping.period, "mapping") if mapping is not None and mapping.period
            else (_period_for(ind, dataset), "as the shipped figures")
        )  # fmt: skip
        periods.append((ind, period, said if period else "none given"))
        columns.append(
            PlannedColumn(column.header, column.where, "indicator", ind, column.how, note)
        )
        for n, (line, cell) in enumerate(zip(lines, measure.cells, strict=True)):
            if line.area is None:
                continue
            if cell.missing:
                missing.append(MissingCell(line.area, ind, cell.text or "blank", cell.where))
                continue
            value = _scaled(cell.value, factor) if not cell.percent_sign else cell.value
            if share and not 0 <= value <= 100:
                out_of_range.append(
                    f"{cell.where}: {cell.text!r} ({line.label}) is outside 0–100 for a percentage ({ind})"
                )
                continue
            base = _base_value(base_measure.cells[n]) if base_measure is not None else None
            facts.append(
                PlannedFact(
                    area=line.area,
                    indicator=ind,
                    value=value,
                    base=base,
                    period=period,
                    where=cell.where,
                    label=line.label,
                    supersedes=_supersedes(dataset, line.area, ind),
                )
            )
    if out_of_range:
        raise ImportRefused(
            f"{table.place}: refused — percentages must lie between 0 and 100:\n  "
            + "\n  ".join(out_of_range[:10])
            + "\nFix the cells (or say in a mapping file that the column is not a percentage). "
            "Nothing was written."
        )
    columns = [_with_base_note(c, base_users) for c in columns]
    source = (
        options.source or (mapping.source if mapping else "") or (f"Imported table: {table.place}")
    )
    about = f"Table imported by a lepbot user from {table.place}."
    if any(f.base for f in facts):
        about += (
            " Unweighted bases from the table are used to test differences (two-proportion z-test, "
            "95% level)."
        )
    notes = list(table.notes)
    flagged = [c.where for m, c0 in planned if c0.role == "indicator" for c in m.cells if c.flagged]
    if flagged:
        notes.append(
            f"{len(flagged)} figure(s) carried a * flag in the file (often a low base); imported as "
            f"the numbers (first: {flagged[0]})."
        )
    return ImportPlan(
        table=table,
        lines=lines,
        columns=tuple(columns),
        facts=tuple(facts),
        missing=tuple(missing),
        unmatched=unmatched,
        duplicates=duplicates,
        new_indicators=tuple(new),
        source=source,
        about=about,
        periods=tuple(periods),
        notes=tuple(notes),
        skip_unmatched=options.skip_unmatched,
    )
