"""What a layout reader finds in a sheet: every figure with its area, measure and coordinates.

Sources put their dimensions in different places — stacked blocks one per date (NOMIS query
downloads), years across (ONS), one row per observation (NOMIS API) — so every reader hands back
the same thing: observations, each knowing its period and other coordinates. slicing.py then cuts
one LEP × measure table out of them (`--period`, `--where`) or says which dimension still varies.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from bot.importing.cells import Cell
from bot.importing.headings import Role

Orientation = Literal["rows", "columns"]  # LEP names down a column / across a row


@dataclass(frozen=True)
class Line:
    """One area of the table: its label as written and where the label sits."""

    label: str
    where: str
    position: str  # "row 5" or "column C", for tables the user reads
    name: str = ""  # the name without a NOMIS type prefix or footnote marker
    geography: str = ""  # the geography type the file gives ("lep", "local enterprise … 2021")

    @property
    def bare(self) -> str:
        return self.name or self.label


@dataclass(frozen=True)
class Observation:
    """One cell of figures and everything that locates it."""

    line: Line
    measure: str  # the measure as the file names it (a heading, or the title over years across)
    column: str  # where the measure sits: "column B" (or "row 3" when the LEPs run across)
    cell: Cell
    role: Role = "figure"
    period: str = ""  # as the file writes it; "" when the file says nothing of time
    coords: tuple[tuple[str, str], ...] = ()  # the other dimensions: (name, value)
    units: str = ""  # what the preamble says the figures are in ("£ million")
    heading: str = ""  # when the heading is the period (years across), the heading as written


@dataclass(frozen=True)
class Dimension:
    name: str  # as --where names it: "C_AGE_NAME", "Industry", "sex"
    where: str  # "column K", "the 'sex' line above each block (rows 3, 62)"


@dataclass(frozen=True)
class Cube:
    file: str
    sheet: str
    orientation: Orientation
    label_where: str  # "column A" / "row 2"
    header_where: str  # "row 7", or "" when the table has no header
    observations: tuple[Observation, ...]
    dimensions: tuple[Dimension, ...] = ()
    period_from: str = ""  # where time is: "the 'date' line above each table, rows 4 and 63"
    period_name: str = ""  # what the file calls it ("DATE_NAME", "Year"), so --where can name it
    shape: str = ""  # what the reader found, for the dry run
    notes: tuple[str, ...] = ()

    @property
    def place(self) -> str:
        return f"{self.file}, sheet '{self.sheet}'" if self.sheet else self.file
