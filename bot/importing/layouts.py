"""Which reader a sheet needs: the recognisers are tried in order and the first that reads it wins.

A NOMIS API table is recognised by its column names, so it goes first; everything else is one
table or several stacked down the sheet, found by its area names.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.importing.blocks import read_blocks
from bot.importing.cube import Cube
from bot.importing.frame import Recognise
from bot.importing.nomis_api import read_nomis_api
from bot.importing.read import Grid

Reader = Callable[[Grid, Recognise], Cube | None]  # None: not this layout
LAYOUTS: tuple[Reader, ...] = (read_nomis_api, read_blocks)


def read_cube(grid: Grid, recognise: Recognise) -> Cube:
    """The observations of a sheet, by the first layout that reads it (the last reads any grid)."""
    return next(cube for reader in LAYOUTS if (cube := reader(grid, recognise)) is not None)
