"""Observations -> one LEP × measure table: the slice `--period` and `--where` pick (pure).

After the slice, each area must have one figure per measure. When it has several, the dimensions
whose values still differ are named with their values — time first — and nothing is imported;
the same area twice with nothing to tell the lines apart is left to the plan, which refuses it
as a duplicate with both rows named.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from bot.importing import NeedsSlice, NoMeasure, PassedOver
from bot.importing.cells import Cell
from bot.importing.cube import Cube, Line, Observation
from bot.importing.periods import same_period
from bot.importing.table import Measure, ParsedTable

PERIOD = "period"
SHOWN_VALUES = 12


@dataclass(frozen=True)
class Selection:
    period: str = ""  # --period (or the mapping file's period)
    where: tuple[tuple[str, str], ...] = ()  # --where COLUMN=VALUE (and the mapping file's where)
    measures: frozenset[str] = frozenset()  # headings a mapping file names: measures, not periods


def _key(text: str) -> str:
    return " ".join(str(text).lower().split())


def _values(observations: list[Observation], name: str) -> list[str]:
    return list(dict.fromkeys(_value(o, name) for o in observations))


def _value(o: Observation, name: str) -> str:
    return o.period if name == PERIOD else dict(o.coords).get(name, "")


def _shown(values: list[str]) -> str:
    """Every value, or the first and last few of a long run (years 1997 … 2012)."""
    if len(values) <= SHOWN_VALUES:
        return ", ".join(repr(v) for v in values)
    ends = [*map(repr, values[:4]), "…", *map(repr, values[-3:])]
    return f"{', '.join(ends)} ({len(values)} in all)"


def _as_measures(observations: tuple[Observation, ...], named: frozenset[str]) -> list[Observation]:
    """Years across whose headings a mapping file names are measures of their own (legacy)."""
    return [
        replace(o, measure=o.heading, period="", heading="")
        if o.heading and _key(o.heading) in named else o
        for o in observations
    ]  # fmt: skip


def _where(cube: Cube, observations: list[Observation], name: str, value: str) -> list[Observation]:
    if _key(name) in (PERIOD, _key(cube.period_name)):
        return _period(cube, observations, value)
    dims = {_key(d.name): d for d in cube.dimensions}
    dim = dims.get(_key(name))
    if dim is None:
        listed = ", ".join(f"{d.name} ({d.where})" for d in cube.dimensions) or "none"
        raise PassedOver(
            cube.place,
            f"--where {name}=…: no column or line named {name!r} to slice on "
            f"(those there are: {listed}).",
        )
    kept = [o for o in observations if _key(_value(o, dim.name)) == _key(value)]
    if not kept:
        raise PassedOver(
            cube.place,
            f"--where {dim.name}={value!r}: no such value in {dim.where}; its "
            f"values are {_shown(_values(observations, dim.name))}.",
        )
    return kept


def _period(cube: Cube, observations: list[Observation], asked: str) -> list[Observation]:
    periods = [p for p in _values(observations, PERIOD) if p]
    if not periods:
        return observations  # the file says nothing of time: --period only labels the figures
    kept = [o for o in observations if same_period(asked, o.period)]
    if not kept:
        raise PassedOver(
            cube.place,
            f"--period {asked!r} is not a period of this table; its periods, in "
            f"{cube.period_from}, are {_shown(periods)}.",
        )
    return kept


def _varying(observations: list[Observation], names: list[str]) -> list[str]:
    """The dimensions (period first) that still differ for one area and measure."""
    groups: dict[tuple[str, str], list[Observation]] = {}
    for o in observations:
        groups.setdefault((_key(o.line.bare), _key(o.measure)), []).append(o)
    by_measure: dict[str, set[str]] = {}
    for o in observations:
        by_measure.setdefault(_key(o.measure), set()).add(o.period)
    out = [PERIOD] if any(len(p) > 1 for p in by_measure.values()) else []
    for name in [PERIOD, *names]:
        if name not in out and any(
            len({_value(o, name) for o in group}) > 1 for group in groups.values()
        ):
            out.append(name)
    return out


def _families(observations: list[Observation], varying: list[str]) -> list[list[str]]:
    """Dimensions that vary in step (C_AGE and C_AGE_NAME) together, the readable one first."""
    families: list[list[str]] = []
    for name in varying:
        for family in families:
            pairs = {(_value(o, family[0]), _value(o, name)) for o in observations}
            firsts, seconds = {a for a, _ in pairs}, {b for _, b in pairs}
            if len(pairs) == len(firsts) == len(seconds):
                family.append(name)
                break
        else:
            families.append([name])

    def readable(name: str) -> tuple[bool, float]:
        values = _values(observations, name)
        return name == PERIOD, sum(map(len, values)) / max(len(values), 1)

    return [sorted(f, key=readable, reverse=True) for f in families]


def _refuse_unsliced(cube: Cube, observations: list[Observation], varying: list[str]) -> None:
    where = {d.name: d.where for d in cube.dimensions} | {PERIOD: cube.period_from}
    parts = []
    for family in _families(observations, varying):
        name, also = family[0], family[1:]
        values = _values(observations, name)
        alias = f" (or {', '.join(also)})" if also else ""
        choose = f'--period "{values[-1]}"' if name == PERIOD else f'--where {name}="{values[0]}"'
        parts.append(
            f"  {name}{alias}, in {where.get(name, 'the table')}: {_shown(values)}\n"
            f"    choose one, e.g. {choose}"
        )
    shape = f"{cube.shape}; " if cube.shape != "one table" else ""
    said = (
        "its figures are for several periods, and lepbot imports one at a time:"
        if varying == [PERIOD]
        else "each area has several figures per measure, which differ by:"
    )
    raise NeedsSlice(cube.place, f"{shape}{said}\n" + "\n".join(parts))


def _cell_at(place: str, line: Line, column: str, transposed: bool) -> str:
    """The address of a cell the file leaves out (a LEP with no row in this slice)."""
    row, col = (column, line.position) if transposed else (line.position, column)
    return f"{place}, {row}, {col}"


def slice_cube(cube: Cube, selection: Selection) -> ParsedTable:
    """The LEP table the selection picks out of the cube."""
    observations = _as_measures(cube.observations, selection.measures)
    for name, value in selection.where:
        observations = _where(cube, observations, name, value)
    if selection.period:
        observations = _period(cube, observations, selection.period)
    varying = _varying(observations, [d.name for d in cube.dimensions])
    if varying:
        _refuse_unsliced(cube, observations, varying)
    if not observations:
        raise NoMeasure(cube.place, "no column of figures beside the LEP names.")

    measures: dict[str, list[Observation]] = {}
    lines: dict[tuple[str, int], Line] = {}  # in the order the areas first appear
    placed: dict[str, dict[tuple[str, int], Cell]] = {}
    seen: Counter[tuple[str, str]] = Counter()
    for o in observations:
        measure, name = _key(o.measure), _key(o.line.bare)
        line_key = (name, seen[measure, name])  # the same area twice: two lines, a duplicate
        seen[measure, name] += 1
        measures.setdefault(measure, []).append(o)
        lines.setdefault(line_key, o.line)
        placed.setdefault(measure, {})[line_key] = o.cell
    order = list(lines)
    transposed = cube.orientation == "columns"
    out = []
    for key, found in measures.items():
        first = found[0]
        periods = {o.period for o in found}
        cells = tuple(
            placed[key].get(k) or Cell("", _cell_at(cube.place, lines[k], first.column, transposed))
            for k in order
        )
        out.append(
            Measure(
                header=first.measure,
                where=first.column,
                cells=cells,
                role=first.role,
                period=periods.pop() if len(periods) == 1 else "",
                units=first.units,
            )
        )
    picked = [f"{name} = {value}" for name, value in selection.where]
    return ParsedTable(
        file=cube.file,
        sheet=cube.sheet,
        orientation=cube.orientation,
        label_where=cube.label_where,
        header_where=cube.header_where,
        lines=tuple(lines[k] for k in order),
        measures=tuple(out),
        notes=cube.notes,
        shape=cube.shape + (f"; the slice {', '.join(picked)}" if picked else ""),
        period_from=cube.period_from,
    )
