"""A grid of text -> the LEP table inside it (pure: no files, no dataset).

Finds which way the table runs (LEP names down a column or across a row), the header above the
names, the lines of the table (skipping titles, notes and footnotes around it), and parses every
cell as a number or a missing-value marker. Everything is said in the table's own frame — one
*line* per area, one *measure* per column — with each cell's address in the original file.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.importing import ImportRefused, NoTable
from bot.importing.read import Grid

# What tables print for a figure that is missing or suppressed (UKCES, ONS, NOMIS, CEC habits).
MISSING_MARKERS = frozenset(
    {"", "*", "**", "***", "-", "–", "—", "--", "..", "...", "…", "n/a", "na", "n.a.", "n.a",
     "x", "[x]", "c", "[c]", "z", "[z]", ":", "#", "~", "[low]", "low base", "suppressed",
     "not available", "no data", "nd", "#n/a", "#value!", "#div/0!"}
)  # fmt: skip
_NUMBER = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$")
_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# What the cell beside the LEP names says in a header row (so "LEP | 2012 | 2014" is a header).
HEADER_LABELS = frozenset(
    {"lep", "leps", "lep name", "lep area", "name", "area", "area name", "geography",
     "local enterprise partnership", "local enterprise partnerships", "indicator", "measure",
     "lep (2014)", "lep 2014", ""}
)  # fmt: skip
_YEAR = re.compile(r"^(?:19|20)\d\d(?:/\d\d)?$")


@dataclass(frozen=True)
class Cell:
    text: str  # as in the file
    where: str  # "file, sheet 'X', row 5, column B"
    value: float | None = None  # None: missing or suppressed
    percent_sign: bool = False  # written "29%"
    flagged: bool = False  # written "29*" (a footnote flag, usually a low base)

    @property
    def missing(self) -> bool:
        return self.value is None


@dataclass(frozen=True)
class Line:
    """One area of the table: its label as written and where the label sits."""

    label: str
    where: str
    position: str  # "row 5" or "column C", for tables the user reads


@dataclass(frozen=True)
class Measure:
    """One column of figures (a row of the file when the LEPs run across)."""

    header: str
    where: str  # "column B" / "row 3" in the file
    cells: tuple[Cell, ...]  # aligned with ParsedTable.lines


@dataclass(frozen=True)
class ParsedTable:
    file: str
    sheet: str
    orientation: str  # "rows": LEP names down a column; "columns": across a row
    label_where: str  # where the LEP names are: "column A" / "row 2"
    header_where: str  # where the measure names are, or "" when the table has none
    lines: tuple[Line, ...]
    measures: tuple[Measure, ...]
    notes: tuple[str, ...] = ()  # columns or rows left out, and why

    @property
    def place(self) -> str:
        return f"{self.file}, sheet '{self.sheet}'" if self.sheet else self.file


def parse_cell(text: str) -> tuple[float | None, bool, bool] | None:
    """'29%' -> (29.0, True, False); '*' -> (None, False, False); 'abc' -> None (not a number)."""
    raw = text.strip().replace("\u00a0", " ").replace("\u2009", " ")
    if raw.lower() in MISSING_MARKERS:
        return None, False, False
    flagged = raw.endswith("*") and raw.rstrip("*").strip() != ""
    raw = raw.rstrip("*").strip()
    percent = raw.endswith("%")
    raw = raw.removesuffix("%").strip()
    raw = raw.lstrip("£$€").replace(" ", "")
    if raw.startswith(("-£", "+£")):
        raw = raw[0] + raw[2:]
    if _THOUSANDS.match(raw):
        raw = raw.replace(",", "")
    if not _NUMBER.match(raw):
        return None
    return float(raw), percent, flagged


def looks_like_formula(text: str) -> bool:
    """A text cell a spreadsheet would run as a formula (=, +, -, @ first), not a plain number."""
    if not text or (text[0] not in _FORMULA_START and not text.lstrip(" ").startswith("=")):
        return False
    if text.strip().lower() in MISSING_MARKERS:
        return False
    return parse_cell(text) is None


@dataclass(frozen=True)
class _Frame:
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
        return self.where_line(line).rsplit(", ", 1)[-1]


def _transpose(rows: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
    return tuple(zip(*rows, strict=True)) if rows else ()


def _is_figure(text: str) -> bool:
    stripped = text.strip()
    return bool(stripped) and parse_cell(stripped) is not None


def _kind(row: tuple[str, ...], label_col: int) -> str:
    """'blank', 'data' (a label with figures beside it) or 'text'."""
    label = row[label_col].strip()
    others = [c for j, c in enumerate(row) if j != label_col and c.strip()]
    if not label and not others:
        return "blank"
    if label and any(_is_figure(c) for c in others):
        return "data"
    return "text"


def _header_like(row: tuple[str, ...], label_col: int) -> bool:
    """A row of measure names, even when they are years ('LEP | 2012 | 2014')."""
    others = [c.strip() for j, c in enumerate(row) if j != label_col and c.strip()]
    if row[label_col].strip().lower() not in HEADER_LABELS:
        return False
    return bool(others) and all(_YEAR.match(c) or parse_cell(c) is None for c in others)


def _counts(grid: Grid, recognise: Callable[[str], bool]) -> tuple[list[int], list[int]]:
    seen: dict[str, bool] = {}
    width = len(grid.rows[0]) if grid.rows else 0
    by_row, by_col = [0] * len(grid.rows), [0] * width
    for i, row in enumerate(grid.rows):
        for j, text in enumerate(row):
            text = text.strip()
            if not text or len(text) > 80 or _NUMBER.match(text):
                continue
            if text not in seen:
                seen[text] = recognise(text)
            if seen[text]:
                by_row[i] += 1
                by_col[j] += 1
    return by_row, by_col


def _frame(grid: Grid, recognise: Callable[[str], bool]) -> tuple[_Frame, int]:
    by_row, by_col = _counts(grid, recognise)
    best_row, best_col = max(by_row, default=0), max(by_col, default=0)
    if max(best_row, best_col) == 0:
        raise NoTable(
            f"{grid.where()}: found no LEP names, so this is not a LEP table. lepbot needs the LEP "
            "names down one column or across one row (for example 'Black Country', 'Humber', "
            "'England'), with the figures beside them."
        )
    if best_row > best_col:
        frame = _Frame(grid, True, _transpose(grid.rows))
        return frame, by_row.index(best_row)
    return _Frame(grid, False, grid.rows), by_col.index(best_col)


def _has_group_row(rows: tuple[tuple[str, ...], ...], header: int, label_col: int) -> bool:
    """A row of group names over the header ('Work placements' over '% | Base')."""
    if header == 0:
        return False
    return sum(1 for j, c in enumerate(rows[header - 1]) if j != label_col and c.strip()) >= 2


def _header_names(frame: _Frame, header: int | None, label_col: int) -> list[str]:
    width = len(frame.cells[0])
    if header is None:
        return [""] * width
    names = [c.strip() for c in frame.cells[header]]
    if _has_group_row(frame.cells, header, label_col):
        group = frame.cells[header - 1]
        carried = ""
        for j in range(width):
            if j == label_col:
                continue
            carried = group[j].strip() or carried
            if names[j] and carried:
                names[j] = f"{carried} {names[j]}"
    return names


def _measure_notes(header: str, where: str, cells: list[Cell]) -> tuple[str, Cell | None]:
    """('', None) for a column of figures; (why it is left out, None); or ('', bad cell)."""
    figures = [c for c in cells if parse_cell(c.text) is not None and not c.missing]
    words = [c for c in cells if parse_cell(c.text) is None]
    if not figures:
        if words:
            return f"{where} '{header}' holds text, not figures: left out", None
        return f"{where} '{header}' has no figures: left out", None
    if words:
        if len(figures) >= len(words):
            return "", words[0]
        return f"{where} '{header}' is mostly text: left out", None
    return "", None


def _table_end(
    rows: tuple[tuple[str, ...], ...],
    start: int,
    header: int | None,
    label_col: int,
    recognise: Callable[[str], bool],
) -> tuple[int, int | None]:
    """(last line of the table, where a second table starts or None).

    The table runs on past blank lines, notes and sub-headings, and ends where a new title and
    header begin (two lines of text in a row) or the header is repeated.
    """
    end, text_run = start, 0
    for i in range(start, len(rows)):
        kind = _kind(rows[i], label_col)
        if kind == "blank":
            continue
        if header is not None and rows[i] == rows[header]:
            break
        label = rows[i][label_col].strip()
        if kind == "data" or (label and recognise(label)):
            end, text_run = i, 0
        else:
            text_run += 1
            if text_run >= 2:
                break
    later = next(
        (j for j in range(end + 1, len(rows))
         if rows[j][label_col].strip() and recognise(rows[j][label_col].strip())),
        None,
    )  # fmt: skip
    return end, later


def parse_table(grid: Grid, recognise: Callable[[str], bool]) -> ParsedTable:
    """Find the LEP table in a grid. `recognise(label)` says whether a label names an area."""
    if not any(c.strip() for row in grid.rows for c in row):
        raise NoTable(f"{grid.where()}: nothing in it (a blank sheet or file).")
    frame, label_col = _frame(grid, recognise)
    rows = frame.cells
    known = [
        i
        for i, row in enumerate(rows)
        if row[label_col].strip() and recognise(row[label_col].strip())
    ]
    first = known[0]

    start = first
    while start > 0 and _kind(rows[start - 1], label_col) == "data":
        if _header_like(rows[start - 1], label_col):
            break
        start -= 1
    header = None
    above = start - 1
    while above >= 0 and _kind(rows[above], label_col) == "blank":
        above -= 1
    if above >= 0 and (
        _kind(rows[above], label_col) == "text" or _header_like(rows[above], label_col)
    ):
        header = above
    end, stopped = _table_end(rows, start, header, label_col, recognise)

    block_start = start if header is None else header - _has_group_row(rows, header, label_col)
    hostile = [
        f"{frame.where(i, j)}: {rows[i][j].strip()[:60]!r}"
        for i in range(max(block_start, 0), end + 1)
        for j in range(len(rows[i]))
        if looks_like_formula(rows[i][j])
    ]
    if hostile:
        shown = "\n  ".join(hostile[:6]) + ("\n  …" if len(hostile) > 6 else "")
        raise ImportRefused(
            f"{frame.grid.where()}: refused — {len(hostile)} cell{'s' if len(hostile) > 1 else ''} "
            f"in the table {'look' if len(hostile) > 1 else 'looks'} like a spreadsheet formula "
            f"(text starting with =, +, - or @), which is never a LEP name or a figure and could "
            f"run as a formula when the data is opened in a spreadsheet:\n  {shown}\n"
            "Replace them with the value they should show (or mark a missing figure with *) and "
            "import again. Nothing was written."
        )

    picked = [
        i
        for i in range(start, end + 1)
        if rows[i][label_col].strip()
        and (_kind(rows[i], label_col) == "data" or recognise(rows[i][label_col].strip()))
        and (header is None or rows[i] != rows[header])
    ]
    names = _header_names(frame, header, label_col)
    notes: list[str] = []
    measures: list[Measure] = []
    for j in range(len(rows[0])):
        if j == label_col:
            continue
        cells = []
        for i in picked:
            parsed = parse_cell(rows[i][j])
            value, percent, flagged = parsed if parsed is not None else (None, False, False)
            cells.append(Cell(rows[i][j].strip(), frame.where(i, j), value, percent, flagged))
        if all(not c.text for c in cells):
            continue
        where = frame.where_col(j).rsplit(", ", 1)[-1]
        header_text = names[j] or f"({where})"
        note, bad = _measure_notes(header_text, where, cells)
        if bad is not None:
            raise ImportRefused(
                f"{bad.where}: {bad.text[:60]!r} is not a number. Write figures as 29, 29%, 0.29 "
                "or £23,456, and mark a missing or suppressed figure with *, -, .. or n/a."
            )
        if note:
            notes.append(note)
            continue
        measures.append(Measure(header_text, where, tuple(cells)))
    if stopped is not None:
        notes.append(
            f"the table ends at {frame.position(end)}; more LEP names follow from "
            f"{frame.position(stopped)} (another table?) and were not read — save that table "
            "on its own to import it"
        )
    lines = tuple(
        Line(rows[i][label_col].strip(), frame.where(i, label_col), frame.position(i))
        for i in picked
    )
    return ParsedTable(
        file=grid.file,
        sheet=grid.sheet,
        orientation="columns" if frame.transposed else "rows",
        label_where=frame.where_col(label_col).rsplit(", ", 1)[-1],
        header_where=frame.where_line(header).rsplit(", ", 1)[-1] if header is not None else "",
        lines=lines,
        measures=tuple(measures),
        notes=tuple(notes),
    )
