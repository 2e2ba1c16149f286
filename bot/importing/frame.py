"""Which way a sheet's table runs, and which column (or row) holds the area names (pure).

The grid is seen with areas down the rows — transposed when the LEP names run across a row — so
the readers after this need only one case, while every address stays the file's own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.importing import NoTable
from bot.importing.cells import NUMBER
from bot.importing.labels import read_area_label
from bot.importing.read import Grid

Recognise = Callable[[str], bool]  # does this bare name name an area lepbot knows?


@dataclass(frozen=True)
class Frame:
    """The grid seen with areas down the rows (transposed when the LEPs run across)."""

    grid: Grid
    transposed: bool
    cells: tuple[tuple[str, ...], ...]

    def where(self, line: int, col: int) -> str:
        return self.grid.where(col, line) if self.transposed else self.grid.where(line, col)

    def where_line(self, line: int) -> str:
        return self.grid.where(col=line) if self.transposed else self.grid.where(row=line)

    def where_col(self, col: int) -> str:
        return self.grid.where(col=col) if not self.transposed else self.grid.where(row=col)

    def position(self, line: int) -> str:
        """'row 5' (or 'column E' when transposed): a line as the user finds it."""
        return self.where_line(line).rsplit(", ", 1)[-1]

    def column(self, col: int) -> str:
        """'column B' (or 'row 3' when transposed): a measure as the user finds it."""
        return self.where_col(col).rsplit(", ", 1)[-1]

    @property
    def spans(self):
        return () if self.transposed else self.grid.spans


def names_area(text: str, recognise: Recognise) -> bool:
    """'lep:Humber', 'Cumbria (1)', 'Humber': a label naming an area, decorations off."""
    text = text.strip()
    return bool(text) and recognise(read_area_label(text).name)


def _transpose(rows: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
    return tuple(zip(*rows, strict=True)) if rows else ()


def _counts(grid: Grid, recognise: Recognise) -> tuple[list[int], list[int]]:
    seen: dict[str, bool] = {}
    width = len(grid.rows[0]) if grid.rows else 0
    by_row, by_col = [0] * len(grid.rows), [0] * width
    for i, row in enumerate(grid.rows):
        for j, text in enumerate(row):
            text = text.strip()
            if not text or len(text) > 80 or NUMBER.match(text):
                continue
            if text not in seen:
                seen[text] = names_area(text, recognise)
            if seen[text]:
                by_row[i] += 1
                by_col[j] += 1
    return by_row, by_col


def find_frame(grid: Grid, recognise: Recognise) -> tuple[Frame, int]:
    """The frame and its label column: whichever column (or row) names the most areas."""
    if not any(c.strip() for row in grid.rows for c in row):
        raise NoTable(grid.where(), "nothing in it (a blank sheet or file).")
    by_row, by_col = _counts(grid, recognise)
    best_row, best_col = max(by_row, default=0), max(by_col, default=0)
    if max(best_row, best_col) == 0:
        raise NoTable(
            grid.where(),
            "found no LEP names, so this is not a LEP table. lepbot needs the LEP "
            "names down one column or across one row (for example 'Black Country', 'Humber', "
            "'England'), with the figures beside them.",
        )
    if best_row > best_col:
        return Frame(grid, True, _transpose(grid.rows)), by_row.index(best_row)
    return Frame(grid, False, grid.rows), by_col.index(best_col)
