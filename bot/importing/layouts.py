"""Which reader a sheet needs: the recognisers are tried in order, and a sheet none of them
recognises is read as one table, or several stacked down it, found by its area names.

A NOMIS API table is recognised by its column names (its shape alone — a LEP on many rows, code
columns full of numbers — would mislead the general reader), so it is tried first.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.importing.blocks import read_blocks
from bot.importing.cube import Cube
from bot.importing.frame import Recognise
from bot.importing.nomis_api import read_nomis_api
from bot.importing.read import Grid

Recogniser = Callable[[Grid, Recognise], Cube | None]  # None: not this layout
RECOGNISERS: tuple[Recogniser, ...] = (read_nomis_api,)


def read_cube(grid: Grid, recognise: Recognise) -> Cube:
    """The observations of a sheet, by the first layout that recognises it, else as tables."""
    for reader in RECOGNISERS:
        cube = reader(grid, recognise)
        if cube is not None:
            return cube
    return read_blocks(grid, recognise)
