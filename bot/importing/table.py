"""One LEP table in the table's own frame: one *line* per area, one *measure* per column.

This is what slicing.py cuts out of a sheet and plan.py reads: every cell aligned with the lines,
each measure knowing its period and what its column holds, every address the file's own.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.importing.cells import Cell
from bot.importing.cube import Line, Orientation
from bot.importing.headings import Role


@dataclass(frozen=True)
class Measure:
    """One column of figures (a row of the file when the LEPs run across)."""

    header: str
    where: str  # "column B" / "row 3" in the file
    cells: tuple[Cell, ...]  # aligned with ParsedTable.lines
    role: Role = "figure"
    period: str = ""  # the period the file gives these figures ("" when it gives none)
    units: str = ""


@dataclass(frozen=True)
class ParsedTable:
    file: str
    sheet: str
    orientation: Orientation
    label_where: str  # where the LEP names are: "column A" / "row 2"
    header_where: str  # where the measure names are, or "" when the table has none
    lines: tuple[Line, ...]
    measures: tuple[Measure, ...]
    notes: tuple[str, ...] = ()  # columns, rows or lines left out, and why
    shape: str = ""  # what the reader found ("3 blocks stacked down the sheet …")
    period_from: str = ""  # where the period of the figures was read

    @property
    def place(self) -> str:
        return f"{self.file}, sheet '{self.sheet}'" if self.sheet else self.file
