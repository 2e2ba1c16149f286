"""`lepbot data import`: a user's LEP tables (CSV or XLSX) -> a data layer over the shipped data/.

read.py       file -> grids of text and merged ranges (size limits, file-type checks)     I/O
layouts.py    grid -> Cube (cube.py: figures with their coordinates), by               pure
  nomis_api.py  a NOMIS API table (one row per observation, named columns), else
  blocks.py     one table or several stacked down a sheet (NOMIS query downloads, ONS),
                with frame.py (which way it runs), headings.py, preamble.py, labels.py,
                periods.py and cells.py (numbers and missing-value marks)
slicing.py    Cube + --period/--where -> ParsedTable (table.py), or which dimension varies pure
match.py      labels -> LEPs and groups, headers -> indicator ids; vintage.py: later
              LEP geographies are never matched by name                                 pure
columns.py    measures -> indicators, bases or left out                                 pure
plan.py       ParsedTable + matches + options -> ImportPlan (the facts to write)        pure
batch.py      a file's sheets -> the plans of one import                                pure
report.py     dry run, summary and list as text                                         pure
store.py      Batch -> <user data>/imports/<id>/ atomically; list; remove               I/O

openpyxl is imported only inside read.py, so `lepbot ask` never pays for it.
"""

from __future__ import annotations

from intents.dataset.loader import DataError


class ImportRefused(DataError):
    """The table cannot be imported as it is; the message names file, sheet, row and column."""


class PassedOver(ImportRefused):
    """This sheet cannot be imported as asked; in a workbook, another sheet may be."""

    def __init__(self, where: str, why: str) -> None:
        super().__init__(f"{where}: {why}\nNothing was written.")
        self.why = why  # without the place, for a list of a workbook's sheets


class NoTable(PassedOver):
    """This sheet holds no LEP table at all."""


class NeedsSlice(PassedOver):
    """The figures vary by more than area and measure: --period or --where must pick a slice."""


class NoMeasure(PassedOver):
    """No column of figures is a measure lepbot knows (--indicator or a mapping file would say)."""
