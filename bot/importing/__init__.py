"""`lepbot data import`: a user's LEP table (CSV or XLSX) -> a data layer over the shipped data/.

read.py   file -> grids of text (size limits, file-type checks)             I/O
table.py  grid -> ParsedTable (orientation, header, LEP axis, numbers)      pure
match.py  labels -> LEPs and groups, headers -> indicator ids               pure
plan.py   ParsedTable + matches + options -> ImportPlan (the facts to write) pure
store.py  ImportPlan -> <user data>/imports/<id>/ atomically; list; remove I/O

pandas is imported only inside read.py, so `lepbot ask` never pays for it.
"""

from __future__ import annotations

from intents.dataset.loader import DataError


class ImportRefused(DataError):
    """The table cannot be imported as it is; the message names file, sheet, row and column."""


class NoTable(ImportRefused):
    """This sheet holds no LEP table at all (another sheet of the workbook may)."""
