"""A NOMIS API CSV (long: one row per observation) -> observations (pure).

Its columns are named by NOMIS, upper case: GEOGRAPHY_NAME is the area and GEOGRAPHY_TYPE its
geography ("local enterprise partnerships as of …"), DATE_NAME the period, OBS_VALUE the figure,
and every other dimension comes as a code and a name (C_AGE / C_AGE_NAME, MEASURES /
MEASURES_NAME). A LEP appears once per date × age × measure, so the file is recognised by its
column names rather than by its shape, and the other columns become dimensions to slice on.
"""

from __future__ import annotations

from collections import Counter

from bot.importing import ImportRefused, NoTable
from bot.importing.cells import Cell, parse_cell, read_cell
from bot.importing.cube import Cube, Dimension, Line, Observation
from bot.importing.frame import Recognise
from bot.importing.labels import AreaLabel, kept, without_markers
from bot.importing.read import Grid, column_letter

AREA, GEOGRAPHY_TYPE, FIGURE, STATUS_NAME = (
    "GEOGRAPHY_NAME", "GEOGRAPHY_TYPE", "OBS_VALUE", "OBS_STATUS_NAME"
)  # fmt: skip
PERIOD_COLUMNS = ("DATE_NAME", "DATE")  # the first present names the period
# Columns that describe the area, the figure or the download, not a dimension to slice on.
NOT_DIMENSIONS = ("GEOGRAPHY", "OBS_", "RECORD_", "URI")


def recognises(grid: Grid) -> int | None:
    """The header row when the grid is a NOMIS API table (its first non-blank row)."""
    for n, row in enumerate(grid.rows[:5]):
        if any(c.strip() for c in row):
            names = {c.strip().upper() for c in row}
            return n if {AREA, FIGURE} <= names else None
    return None


def _figure(row: tuple[str, ...], col: dict[str, int], where: str) -> Cell:
    """OBS_VALUE as a Cell; a missing one says why in NOMIS's words (OBS_STATUS_NAME)."""
    text = row[col[FIGURE]]
    if parse_cell(text) is None:
        raise ImportRefused(f"{where}: {text.strip()[:60]!r} in {FIGURE} is not a number.")
    cell = read_cell(text, where)
    status = row[col[STATUS_NAME]].strip() if STATUS_NAME in col else ""
    return Cell(status, where) if cell.missing and status else cell


def read_nomis_api(grid: Grid, recognise: Recognise) -> Cube | None:
    """The observations of a NOMIS API table, or None when the grid is not one."""
    header = recognises(grid)
    if header is None:
        return None
    names = [c.strip().upper() for c in grid.rows[header]]
    col = {name: j for j, name in enumerate(names) if name}
    period_col = next((col[c] for c in PERIOD_COLUMNS if c in col), None)
    dims = [
        j for j, name in enumerate(names)
        if name and j != period_col and not name.startswith(NOT_DIMENSIONS)
    ]  # fmt: skip
    observations: list[Observation] = []
    left_out: Counter[str] = Counter()
    for i in range(header + 1, len(grid.rows)):
        row = grid.rows[i]
        label = row[col[AREA]].strip()
        if not label:
            continue
        geography = row[col[GEOGRAPHY_TYPE]].strip() if GEOGRAPHY_TYPE in col else ""
        area = AreaLabel(without_markers(label), "")
        if not kept(area, geography):
            left_out[geography] += 1
            continue
        cell = _figure(row, col, grid.where(i, col[FIGURE]))
        observations.append(
            Observation(
                line=Line(label, grid.where(i, col[AREA]), f"row {i + 1}", area.name, geography),
                measure=FIGURE,
                column=f"column {column_letter(col[FIGURE])}",
                cell=cell,
                period=row[period_col].strip() if period_col is not None else "",
                coords=tuple((names[j], row[j].strip()) for j in dims),
            )
        )
    if not any(recognise(o.line.bare) for o in observations):
        raise NoTable(
            grid.where(),
            f"a NOMIS API table, but no row of {AREA} names a LEP lepbot knows "
            f"(geography types in it: {', '.join(left_out) or 'none'}).",
        )
    notes = []
    if left_out:
        counts = ", ".join(f"{n} rows of {kind}" for kind, n in left_out.items())
        notes.append(f"areas of other geography types left out: {counts}")
    return Cube(
        file=grid.file,
        sheet=grid.sheet,
        orientation="rows",
        label_where=f"column {column_letter(col[AREA])}",
        header_where=f"row {header + 1}",
        observations=tuple(observations),
        dimensions=tuple(Dimension(names[j], f"column {column_letter(j)}") for j in dims),
        period_from=(
            f"column {column_letter(period_col)}, {names[period_col]}"
            if period_col is not None
            else ""
        ),
        period_name=names[period_col] if period_col is not None else "",
        shape="a NOMIS API table, one row per observation",
        notes=tuple(notes),
    )
