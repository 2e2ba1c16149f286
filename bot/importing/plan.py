"""ParsedTable + the current dataset + the user's options -> ImportPlan: every figure to write.

Pure: no files. With the columns decided (columns.py), scales fractions, checks percentages,
matches the area labels, finds duplicates, says what each figure supersedes and which period it
is for. Problems the user must decide on (unmatched names, later boundaries, duplicates) are
collected, not raised, so the dry run can show them all at once; anything simply wrong with the
file raises ImportRefused.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from bot.importing import ImportRefused
from bot.importing.cells import Cell
from bot.importing.columns import PlannedColumn, bases_for, plan_columns
from bot.importing.match import AreaMatch, Mapping, match_line
from bot.importing.table import ParsedTable
from intents.dataset.model import Dataset
from intents.dataset.units import amount, span
from intents.reading.lexicon import Lexicon


@dataclass(frozen=True)
class Options:
    indicator: str = ""  # --indicator: the one measure column is this indicator
    mapping: Mapping | None = None
    source: str = ""
    period: str = ""  # --period: picks the slice where the file has time, else labels the figures
    where: tuple[tuple[str, str], ...] = ()  # --where COLUMN=VALUE, repeatable
    skip_unmatched: bool = False


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
        later = [m for m in self.unmatched if m.how == "later boundary"]
        unknown = [m for m in self.unmatched if m.how != "later boundary"]
        out = []
        if not self.skip_unmatched:
            out += _unmatched(self.table.place, unknown) + _later(self.table.place, later)
        for area, matches in self.duplicates:
            rows = " and ".join(f"{m.position} ({m.label!r})" for m in matches)
            out.append(
                f"{self.table.place}: {area} appears {_times(len(matches))}: {rows}. A table must "
                "give each LEP once; delete the extra line (or map one of them to 'skip')."
            )
        if not self.facts and not out:
            out.append(f"{self.table.place}: no figures to import (every matched cell is missing).")
        return tuple(out)


def _unmatched(place: str, unknown: list[AreaMatch]) -> list[str]:
    if not unknown:
        return []
    listed = "\n".join(
        f"  {m.position}: {m.label!r} — closest: {', '.join(m.candidates) or 'none'}"
        for m in unknown
    )
    many = len(unknown) > 1
    return [
        f"{place}: {len(unknown)} name{'s' * many} not matched to a LEP:\n{listed}\nCorrect "
        f"{'them' if many else 'it'} in the file, map {'them' if many else 'it'} in a mapping "
        "file (areas: {'Name in file': LEP name} or skip), or pass --skip-unmatched to import "
        "the rest."
    ]


def _later(place: str, later: list[AreaMatch]) -> list[str]:
    """Lines of a later LEP geography, grouped under why each is one."""
    if not later:
        return []
    by_note: dict[str, list[AreaMatch]] = {}
    for m in later:
        by_note.setdefault(m.note, []).append(m)
    listed = "\n".join(
        f"  {note}:\n"
        + "\n".join(
            f"    {m.position}: {m.label!r}"
            + (f" (nearest 2014 LEP: {', '.join(m.candidates)})" if m.candidates else "")
            for m in matches
        )
        for note, matches in by_note.items()
    )
    return [
        f"{place}: {len(later)} line{'s' * (len(later) > 1)} from a later LEP geography, a "
        f"different boundary from the 39 LEPs of 2014, not matched to them:\n{listed}\n"
        "Figures for a redrawn area are not figures for the 2014 LEP. Where an area is the same, "
        "say so in a mapping file (areas: {'Name in file': LEP name}); or pass --skip-unmatched "
        "to import the rest."
    ]


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
    lines = tuple(match_line(line, lexicon, options.mapping) for line in table.lines)
    unmatched = tuple(m for m in lines if m.area is None and m.how != "skipped")
    by_area: dict[str, list[AreaMatch]] = {}
    for m in lines:
        if m.area:
            by_area.setdefault(m.area, []).append(m)
    duplicates = tuple((a, tuple(ms)) for a, ms in by_area.items() if len(ms) > 1)

    planned, new = plan_columns(table, options.mapping, options.indicator, dataset, lexicon)
    new_ids = {n["id"]: n for n in new}
    bases = bases_for(planned, lexicon)

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
            (measure.period, f"from the file: {table.period_from}") if measure.period
            else (options.period, "--period") if options.period
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
