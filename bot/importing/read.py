"""A file on disk -> grids of text, one per sheet: the only place the importer touches the file.

Everything is refused early and by name: empty files, files over the size limit (before anything is
parsed), PDFs and other documents renamed .xlsx, zip bombs, old .xls, binary junk. Cells come back
as the text a person would type (numbers without float noise), so the readers have one kind of
input; merged ranges come with them, since a NOMIS heading merged over "number | Flags | conf"
says which columns it heads.
"""

from __future__ import annotations

import csv
import datetime
import math
import numbers
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from bot.importing import ImportRefused

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

MAX_BYTES = 20 * 1024 * 1024  # no LEP table comes near this; a 50 MB sheet is refused unread
MAX_UNZIPPED = 200 * 1024 * 1024  # what an XLSX may expand to (zip-bomb guard)
MAX_RATIO = 200  # compression ratio beyond which a member of an XLSX looks like a bomb
MAX_ROWS = 10_000
MAX_COLUMNS = 500
CSV_SUFFIXES = (".csv", ".tsv", ".txt")
XLSX_SUFFIXES = (".xlsx", ".xlsm")

Progress = Callable[[str], None]


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA (as a spreadsheet names columns)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass(frozen=True)
class Span:
    """A merged range of cells, 0-based and inclusive (one heading drawn over several columns)."""

    top: int
    left: int
    bottom: int
    right: int


@dataclass(frozen=True)
class Grid:
    """One sheet as rows of cell text; row and column numbers are the spreadsheet's own."""

    file: str
    sheet: str  # "" for a CSV
    rows: tuple[tuple[str, ...], ...]
    spans: tuple[Span, ...] = ()  # merged ranges (XLSX only)

    def where(self, row: int | None = None, col: int | None = None) -> str:
        """'eps.xlsx, sheet 'LEP key findings', row 5, column B' for 0-based row and column."""
        parts = [self.file]
        if self.sheet:
            parts.append(f"sheet '{self.sheet}'")
        if row is not None:
            parts.append(f"row {row + 1}")
        if col is not None:
            parts.append(f"column {column_letter(col)}")
        return ", ".join(parts)


def cell_text(value: object) -> str:
    """A spreadsheet value as the text a person would type: 49.0 -> '49', 0.375 -> '0.375'."""
    if value is None or isinstance(value, bool):
        return "" if value is None else str(value).upper()
    if isinstance(value, numbers.Integral):
        return str(int(value))
    if isinstance(value, numbers.Real):
        number = float(value)
        if math.isnan(number) or math.isinf(number):
            return ""
        if number.is_integer() and abs(number) < 1e15:
            return str(int(number))
        return repr(number)
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return str(value)


def _rectangle(rows: list[list[str]], name: str) -> tuple[tuple[str, ...], ...]:
    width = max((len(r) for r in rows), default=0)
    if width > MAX_COLUMNS:
        raise ImportRefused(
            f"{name}: {width:,} columns; the limit is {MAX_COLUMNS:,} (a LEP table has about 40)."
        )
    return tuple(tuple(r) + ("",) * (width - len(r)) for r in rows)


def _too_many_rows(count: int, where: str) -> ImportRefused:
    return ImportRefused(
        f"{where}: more than {MAX_ROWS:,} rows ({count:,}); a LEP table has about 40. "
        "Cut the sheet down to the LEP table and try again."
    )


def file_kind(path: Path) -> str:
    """'csv' or 'xlsx', after the checks that need no parsing; refuses everything else."""
    name = path.name
    if not path.exists():
        raise ImportRefused(f"{path}: no such file.")
    if not path.is_file():
        raise ImportRefused(f"{path}: not a file.")
    size = path.stat().st_size
    if size == 0:
        raise ImportRefused(f"{name}: the file is empty (0 bytes).")
    if size > MAX_BYTES:
        raise ImportRefused(
            f"{name}: the file is {size / 1024 / 1024:.0f} MB; the limit is "
            f"{MAX_BYTES // 1024 // 1024} MB (a LEP table is a few kB). Nothing was read. "
            "Save just the LEP table as CSV or XLSX and import that."
        )
    with path.open("rb") as handle:
        head = handle.read(8192)
    suffix = path.suffix.lower()
    if head.startswith(b"%PDF"):
        raise ImportRefused(
            f"{name}: this is a PDF{'' if suffix == '.pdf' else f' renamed {suffix}' if suffix else ''}"
            ", not a spreadsheet. Tables in PDFs cannot be imported; get the CSV or XLSX version "
            "of the table."
        )
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportRefused(
            f"{name}: an old-style Excel .xls (Office 97-2003) file. Open it and save it as .xlsx "
            "or CSV, then import that."
        )
    if head.startswith(b"PK\x03\x04"):
        _check_zip(path)
        return "xlsx"
    if suffix in XLSX_SUFFIXES:
        raise ImportRefused(
            f"{name}: not an XLSX workbook (it does not start like one — another kind of file "
            "renamed .xlsx?). Save the table as .xlsx or CSV from the program that made it."
        )
    lowered = head.lstrip().lower()
    if lowered.startswith((b"<!doctype html", b"<html")):
        raise ImportRefused(f"{name}: a web page, not a table file. Save the table as CSV or XLSX.")
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportRefused(f"{name}: a binary file, not a CSV or XLSX table.")
    return "csv"


def _check_zip(path: Path) -> None:
    name = path.name
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except zipfile.BadZipFile as exc:
        raise ImportRefused(f"{name}: a damaged XLSX/zip file ({exc}).") from None
    names = {m.filename for m in members}
    if "xl/workbook.xml" not in names:
        kind = (
            "a Word document"
            if "word/document.xml" in names
            else "an OpenDocument file (save it as .xlsx or CSV)"
            if "content.xml" in names
            else "a zip archive"
        )
        raise ImportRefused(f"{name}: {kind}, not an XLSX workbook.")
    total = sum(m.file_size for m in members)
    if total > MAX_UNZIPPED:
        raise ImportRefused(
            f"{name}: the workbook unpacks to {total / 1024 / 1024:.0f} MB; the limit is "
            f"{MAX_UNZIPPED // 1024 // 1024} MB. Nothing was read."
        )
    for member in members:
        if member.file_size > 1024 * 1024 and member.file_size > MAX_RATIO * max(
            member.compress_size, 1
        ):
            raise ImportRefused(
                f"{name}: '{member.filename}' inside the workbook is compressed "
                f"{member.file_size // max(member.compress_size, 1)}:1 — refused as a possible "
                "zip bomb. Nothing was read."
            )


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _delimiter(lines: list[str]) -> str:
    """Comma, semicolon or tab: whichever splits the first lines into the most regular table."""
    best, score = ",", (0, 0)
    for delimiter in (",", ";", "\t"):
        try:
            widths = [len(row) for row in csv.reader(lines, delimiter=delimiter) if len(row) > 1]
        except csv.Error:
            continue
        if widths:
            common = max(set(widths), key=widths.count)
            if (widths.count(common), common) > score:
                best, score = delimiter, (widths.count(common), common)
    return best


def read_csv(path: Path, progress: Progress) -> Grid:
    data = path.read_bytes()
    text = _decode(data)
    lines = text.count("\n")
    if lines > MAX_ROWS:
        raise _too_many_rows(lines, path.name)
    progress(f"reading {path.name} ({lines:,} lines)")
    lines_of_text = text.splitlines()
    reader = csv.reader(lines_of_text, delimiter=_delimiter(lines_of_text[:50]))
    try:
        rows = [list(row) for row in reader]
    except csv.Error as exc:
        raise ImportRefused(
            f"{path.name}, row {reader.line_num}: not readable as CSV ({exc})."
        ) from None
    return Grid(path.name, "", _rectangle(rows, path.name))


def _sheet_rows(sheet: Worksheet, where: str) -> list[list[str]]:
    """Every row up to the last one holding anything, each up to its last cell holding anything
    (formatting alone can stretch a sheet to 16,384 columns); refused past MAX_ROWS rows."""
    rows: list[list[str]] = []
    last = 0
    for n, values in enumerate(sheet.iter_rows(values_only=True)):
        texts = [cell_text(v) for v in values]
        while texts and not texts[-1]:
            texts.pop()
        if texts:
            if n >= MAX_ROWS:
                raise _too_many_rows(sheet.max_row, where)
            last = n + 1
        if n < MAX_ROWS:
            rows.append(texts)
    return rows[:last]


def read_xlsx(path: Path, sheet: str | None, progress: Progress) -> tuple[Grid, ...]:
    # openpyxl only here (`lepbot ask` must not pay for it), and not read-only: merged ranges are
    # only read in full mode, and the 20 MB limit keeps that affordable.
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken workbook
        raise ImportRefused(f"{path.name}: not a readable XLSX workbook ({exc}).") from None
    names = [ws.title for ws in book.worksheets]
    if sheet is not None and sheet not in names:
        raise ImportRefused(
            f"{path.name}: no sheet named '{sheet}'; its sheets are {', '.join(repr(n) for n in names)}."
        )
    grids = []
    for name in [sheet] if sheet is not None else names:
        progress(f"reading {path.name}, sheet '{name}'")
        where = f"{path.name}, sheet '{name}'"
        ws = book[name]
        try:
            rows = _sheet_rows(ws, where)
        except ImportRefused:
            raise
        except Exception as exc:
            raise ImportRefused(f"{where}: could not be read ({exc}).") from None
        spans = tuple(
            Span(r.min_row - 1, r.min_col - 1, r.max_row - 1, r.max_col - 1)
            for r in ws.merged_cells.ranges
        )
        grids.append(Grid(path.name, name, _rectangle(rows, where), spans))
    book.close()
    return tuple(grids)


def read_grids(path: Path, sheet: str | None, progress: Progress) -> tuple[Grid, ...]:
    """Every sheet (or the one named) of a CSV or XLSX file, as grids of text."""
    kind = file_kind(path)
    if kind == "xlsx":
        return read_xlsx(path, sheet, progress)
    if sheet is not None:
        raise ImportRefused(f"{path.name}: --sheet is for XLSX workbooks; this is a CSV file.")
    return (read_csv(path, progress),)
