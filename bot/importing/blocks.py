"""A sheet holding one LEP table, or several stacked down it -> observations (pure).

A table is found by its area names; its header is the text row above them (with a row of group
headings above that when there is one); it ends where two lines of text in a row begin (footnotes,
a new title) or the header repeats. Whatever follows may be the next block: NOMIS query downloads
stack one block per date, each under its own title and `date` line, and the lines above each block
become its coordinates. Columns of text (codes, regions, industries) become dimensions; a header of
periods (ONS years across) puts time on the columns.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Literal

from bot.importing import ImportRefused
from bot.importing.cells import is_figure, looks_like_formula, parse_cell, read_cell
from bot.importing.cube import Cube, Dimension, Line, Observation
from bot.importing.frame import Frame, Recognise, find_frame, names_area
from bot.importing.headings import Heading, has_group_row, read_headings
from bot.importing.labels import kept, names_leps, read_area_label
from bot.importing.periods import TIME_WORDS, is_period, period_label
from bot.importing.preamble import Preamble, read_preamble
from bot.importing.read import Grid

# What the cell beside the LEP names says in a header row (so "LEP | 2012 | 2014" is a header).
HEADER_LABELS = frozenset(
    {"lep", "leps", "lep name", "lep area", "name", "area", "area name", "geography",
     "local enterprise partnership", "local enterprise partnerships", "indicator", "measure",
     "lep (2014)", "lep 2014", ""}
)  # fmt: skip
ColumnKind = Literal["figures", "text", "time", "companion"]


@dataclass(frozen=True)
class Block:
    top: int  # first heading row (the group row, the header, or the first line without one)
    start: int  # first line of the table
    end: int  # last line of the table
    header: int | None
    preamble: Preamble
    geography: str  # what the heading of the label column says the areas are, if it says


def _kind(row: tuple[str, ...], label_col: int) -> str:
    """'blank', 'data' (a label with figures beside it) or 'text'."""
    label = row[label_col].strip()
    others = [c for j, c in enumerate(row) if j != label_col and c.strip()]
    if not label and not others:
        return "blank"
    if label and any(is_figure(c) for c in others):
        return "data"
    return "text"


def _header_like(row: tuple[str, ...], label_col: int) -> bool:
    """A row of measure names, even when they are years ('LEP | 2012 | 2014 (3)')."""
    label = row[label_col].strip()
    others = [c.strip() for j, c in enumerate(row) if j != label_col and c.strip()]
    if label.lower() not in HEADER_LABELS and not names_leps(label):
        return False
    return bool(others) and all(is_period(c) or parse_cell(c) is None for c in others)


def _table_end(
    rows: tuple[tuple[str, ...], ...],
    start: int,
    header: int | None,
    label_col: int,
    recognise: Recognise,
) -> int:
    """The last line of the table, which runs on past blank lines, notes and sub-headings."""
    end, text_run = start, 0
    for i in range(start, len(rows)):
        kind = _kind(rows[i], label_col)
        if kind == "blank":
            continue
        if header is not None and rows[i] == rows[header]:
            break
        if kind == "data" or names_area(rows[i][label_col], recognise):
            end, text_run = i, 0
        else:
            text_run += 1
            if text_run >= 2:
                break
    return end


def _next_block(frame: Frame, label_col: int, recognise: Recognise, after: int) -> Block | None:
    """The first table at or after line `after`, or None when no more area names follow."""
    rows = frame.cells
    first = next(
        (i for i in range(after, len(rows)) if names_area(rows[i][label_col], recognise)), None
    )
    if first is None:
        return None
    start = first
    while start > after and _kind(rows[start - 1], label_col) == "data":
        if _header_like(rows[start - 1], label_col):
            break
        start -= 1
    header = None
    above = start - 1
    while above >= after and _kind(rows[above], label_col) == "blank":
        above -= 1
    if above >= after and (
        _kind(rows[above], label_col) == "text" or _header_like(rows[above], label_col)
    ):
        header = above
    top = start
    if header is not None:
        grouped = header - 1 >= after and has_group_row(rows, header, label_col, frame.spans)
        top = header - 1 if grouped else header
    geography = rows[header][label_col].strip() if header is not None else ""
    return Block(
        top=top,
        start=start,
        end=_table_end(rows, start, header, label_col, recognise),
        header=header,
        preamble=read_preamble(rows[after:top], after),
        geography=geography if names_leps(geography) else "",
    )


def _refuse_formulas(frame: Frame, blocks: list[Block]) -> None:
    rows = frame.cells
    hostile = [
        f"{frame.where(i, j)}: {rows[i][j].strip()[:60]!r}"
        for b in blocks
        for i in range(b.top, b.end + 1)
        for j in range(len(rows[i]))
        if looks_like_formula(rows[i][j])
    ]
    if hostile:
        shown = "\n  ".join(hostile[:6]) + ("\n  …" if len(hostile) > 6 else "")
        many = len(hostile) > 1
        raise ImportRefused(
            f"{frame.grid.where()}: refused — {len(hostile)} cell{'s' if many else ''} "
            f"in the table {'look' if many else 'looks'} like a spreadsheet formula "
            f"(text starting with =, +, - or @), which is never a LEP name or a figure and could "
            f"run as a formula when the data is opened in a spreadsheet:\n  {shown}\n"
            "Replace them with the value they should show (or mark a missing figure with *) and "
            "import again. Nothing was written."
        )


def _column_kind(heading: Heading, texts: list[str]) -> ColumnKind | None:
    """What a column holds; None when it is empty for every line."""
    filled = [t.strip() for t in texts if t.strip()]
    if not filled:
        return None
    if heading.role in ("flags", "confidence", "component"):
        return "companion"
    if heading.text.lower() in TIME_WORDS and all(is_period(t) for t in filled):
        return "time"
    if all(parse_cell(t) is None for t in filled):
        return "text"
    return "figures"


def _figures_or_refuse(name: str, column: str, cells: list) -> str:
    """'' for a column of figures; why it is left out; or ImportRefused naming a stray word."""
    figures = [c for c in cells if not c.missing]
    words = [c for c in cells if parse_cell(c.text) is None]
    if not figures:
        return f"{column} '{name}' has no figures: left out"
    if words and len(figures) >= len(words):
        bad = words[0]
        raise ImportRefused(
            f"{bad.where}: {bad.text[:60]!r} is not a number. Write figures as 29, 29%, 0.29 "
            "or £23,456, and mark a missing or suppressed figure with *, -, .. or n/a."
        )
    return f"{column} '{name}' is mostly text: left out" if words else ""


@dataclass(frozen=True)
class _Read:
    observations: tuple[Observation, ...]
    notes: tuple[str, ...]
    left_out: Counter[str]  # lines of other geography types, by type
    dimensions: tuple[Dimension, ...]  # its columns of text, and a column of periods
    time_column: str = ""  # "column C 'Year'" when a column holds the period
    time_name: str = ""  # that column's heading


def _read_block(frame: Frame, label_col: int, block: Block, recognise: Recognise) -> _Read:
    rows = frame.cells
    headings = read_headings(rows, block.header, label_col, frame.spans)
    lines: list[tuple[int, Line]] = []
    left_out: Counter[str] = Counter()
    for i in range(block.start, block.end + 1):
        text = rows[i][label_col].strip()
        if not text or (block.header is not None and rows[i] == rows[block.header]):
            continue
        if _kind(rows[i], label_col) != "data" and not names_area(text, recognise):
            continue
        label = read_area_label(text)
        geography = label.geography or block.geography
        if not kept(label, geography):
            left_out[geography] += 1
            continue
        where = frame.where(i, label_col)
        lines.append((i, Line(text, where, frame.position(i), label.name, geography)))
    said = block.preamble.period
    coords = tuple((k, v) for k, v, _ in block.preamble.coords if k not in TIME_WORDS)
    kinds = {
        j: _column_kind(headings[j], [rows[i][j] for i, _ in lines])
        for j in range(len(rows[0]))
        if j != label_col
    }
    dims = [j for j, k in kinds.items() if k == "text"]
    times = [j for j, k in kinds.items() if k == "time"]
    notes = [
        f"{frame.column(j)} '{headings[j].text or frame.column(j)}' holds text, not figures: "
        "left out" for j in dims
    ]  # fmt: skip
    observations: list[Observation] = []
    for j, kind in kinds.items():
        if kind not in ("figures", "companion"):
            continue
        column = frame.column(j)
        heading = headings[j]
        cells = [read_cell(rows[i][j], frame.where(i, j)) for i, _ in lines]
        name = heading.text or f"({column})"
        over_years = kind == "figures" and is_period(heading.text)
        if kind == "figures":
            note = _figures_or_refuse(name, column, cells)
            if note:
                notes.append(note)
                continue
        for (i, line), cell in zip(lines, cells, strict=True):
            row_coords = tuple(
                (headings[d].text or frame.column(d), rows[i][d].strip()) for d in dims
            )
            period = (
                period_label(heading.text) if over_years
                else period_label(rows[i][times[0]]) if times
                else said[0] if said else ""
            )  # fmt: skip
            observations.append(
                Observation(
                    line=line,
                    measure=(block.preamble.title or "(figures)") if over_years else name,
                    column=column,
                    cell=cell,
                    role=heading.role,
                    period=period,
                    coords=coords + row_coords,
                    units=block.preamble.units,
                    heading=heading.text if over_years else "",
                )
            )
    time_column = f"{frame.column(times[0])} '{headings[times[0]].text}'" if times else ""
    return _Read(
        tuple(observations),
        tuple(notes),
        left_out,
        tuple(Dimension(headings[d].text or frame.column(d), frame.column(d)) for d in dims),
        time_column,
        headings[times[0]].text if times else "",
    )


def _at(frame: Frame, lines: list[int]) -> str:
    """[3, 62] -> 'rows 4 and 63' ('columns D and BK' when the LEPs run across)."""
    word, *_ = frame.position(lines[0]).split()
    shown = [frame.position(i).split()[1] for i in lines]
    if len(shown) == 1:
        return f"{word} {shown[0]}"
    return f"{word}s {', '.join(shown[:-1])} and {shown[-1]}"


def _left_out_note(reads: list[_Read]) -> list[str]:
    """'lines of other geography types left out: 6 ladu in each of the 3 tables'."""
    counts = [r.left_out for r in reads]
    if not any(counts):
        return []
    same = len(reads) > 1 and all(c == counts[0] for c in counts)
    total = counts[0] if same else sum(counts, Counter())
    listed = ", ".join(f"{n} {kind}" for kind, n in total.items())
    each = f" in each of the {len(reads)} tables" if same else ""
    return [f"lines of other geography types left out: {listed}{each}"]


def _period_from(frame: Frame, blocks: list[Block], reads: list[_Read]) -> str:
    """Where the file says the period: the blocks' date lines, a column, or the headings."""
    dated = [b.preamble.period[1] for b in blocks if b.preamble.period]
    if dated:
        return f"the 'date' line above each table, {_at(frame, dated)}"
    columns = [r.time_column for r in reads if r.time_column]
    if columns:
        return columns[0]
    headers = [b.header for b in blocks if b.header is not None]
    if headers and any(o.heading for r in reads for o in r.observations):
        return f"the headings in {frame.position(headers[0])}"
    return ""


def _dimensions(frame: Frame, blocks: list[Block], reads: list[_Read]) -> list[Dimension]:
    """The preamble's `label | value` lines (other than time), then the columns of text."""
    rows: dict[str, list[int]] = {}
    for b in blocks:
        for k, _, r in b.preamble.coords:
            if k not in TIME_WORDS:
                rows.setdefault(k, []).append(r)
    lines = [
        Dimension(k, f"the '{k}' line above each table, {_at(frame, rs)}") for k, rs in rows.items()
    ]
    return lines + list(dict.fromkeys(d for r in reads for d in r.dimensions))


def read_blocks(grid: Grid, recognise: Recognise) -> Cube:
    """Every LEP table of a sheet, stacked down it, as one set of observations."""
    frame, label_col = find_frame(grid, recognise)
    blocks: list[Block] = []
    after = 0
    while (block := _next_block(frame, label_col, recognise, after)) is not None:
        blocks.append(block)
        after = block.end + 1
    _refuse_formulas(frame, blocks)
    reads = [_read_block(frame, label_col, block, recognise) for block in blocks]
    headers = [b.header for b in blocks if b.header is not None]
    shape = (
        "one table"
        if len(blocks) == 1
        else f"{len(blocks)} tables stacked {'across' if frame.transposed else 'down'} the sheet "
        f"(headed at {_at(frame, [b.top for b in blocks])})"
    )
    return Cube(
        file=grid.file,
        sheet=grid.sheet,
        orientation="columns" if frame.transposed else "rows",
        label_where=frame.column(label_col),
        header_where=_at(frame, headers) if headers else "",
        observations=tuple(o for r in reads for o in r.observations),
        dimensions=tuple(_dimensions(frame, blocks, reads)),
        period_from=_period_from(frame, blocks, reads),
        period_name=next(
            (r.time_name for r in reads if r.time_name),
            "date" if any(b.preamble.period for b in blocks) else "",
        ),
        shape=shape,
        notes=tuple(dict.fromkeys([n for r in reads for n in r.notes] + _left_out_note(reads))),
    )
