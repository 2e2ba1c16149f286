"""A file's sheets -> the plans of one import, and the sheets passed over with why (pure).

A workbook such as ONS's GVA for LEPs holds one table per sheet (and a contents sheet). Every
sheet holding a LEP table that can be imported as asked is planned, so one command takes them
all into one layer; a sheet that cannot (no LEP table, no known measure, a slice still to choose)
is listed with why. With one sheet, or --sheet, there is no other sheet to turn to, so its
refusal stands. Either way the import is all-or-nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from bot.importing import ImportRefused, NoTable, PassedOver
from bot.importing.layouts import read_cube
from bot.importing.match import exact_area
from bot.importing.plan import ImportPlan, Options, PlannedFact, build_plan
from bot.importing.read import Grid
from bot.importing.slicing import Selection, slice_cube
from intents.dataset.model import Dataset
from intents.reading.lexicon import Lexicon


@dataclass(frozen=True)
class PassedSheet:
    sheet: str
    why: str
    has_table: bool  # False: the sheet holds no LEP table at all (a contents or notes sheet)


@dataclass(frozen=True)
class Batch:
    file: str
    plans: tuple[ImportPlan, ...]
    passed_over: tuple[PassedSheet, ...] = ()
    source: str = ""  # how replies cite the import

    @property
    def facts(self) -> tuple[PlannedFact, ...]:
        return tuple(f for p in self.plans for f in p.facts)

    @property
    def indicators(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(i for p in self.plans for i in p.indicators))

    @property
    def areas(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(a for p in self.plans for a in p.areas))

    @property
    def problems(self) -> tuple[str, ...]:
        return tuple(q for p in self.plans for q in p.problems)

    @property
    def place(self) -> str:
        if len(self.plans) == 1:
            return self.plans[0].table.place
        return f"{self.file}, sheets {', '.join(repr(p.table.sheet) for p in self.plans)}"

    @property
    def sheets(self) -> tuple[str, ...]:
        return tuple(p.table.sheet for p in self.plans)


def selection_for(options: Options) -> Selection:
    """--period and --where, with what the mapping file says where the command line is silent."""
    mapping = options.mapping
    where = dict(mapping.where if mapping else ())
    where.update(options.where)
    return Selection(
        period=options.period or (mapping.period if mapping else ""),
        where=tuple(where.items()),
        measures=frozenset(" ".join(r.header.lower().split()) for r in mapping.columns)
        if mapping
        else frozenset(),
    )


def plan_grid(grid: Grid, dataset: Dataset, lexicon: Lexicon, options: Options) -> ImportPlan:
    """One sheet -> its plan: the layout read, the slice cut, the columns and names matched."""
    cube = read_cube(grid, lambda name: exact_area(name, lexicon) is not None)
    return build_plan(slice_cube(cube, selection_for(options)), dataset, lexicon, options)


def _nothing_to_import(file: str, passed: list[tuple[str, PassedOver]]) -> ImportRefused:
    tables = [(sheet, exc) for sheet, exc in passed if not isinstance(exc, NoTable)]
    if len(tables) == 1:
        return tables[0][1]
    if not tables:
        return ImportRefused(
            f"{file}: no sheet holds a LEP table (sheets: "
            f"{', '.join(repr(sheet) for sheet, _ in passed)}). lepbot needs the LEP names down "
            "one column or across one row, with the figures beside them."
        )
    listed = "\n".join(f"- sheet {sheet!r}: {exc.why}" for sheet, exc in tables)
    return ImportRefused(
        f"{file}: no sheet can be imported as asked. The sheets holding LEP tables:\n{listed}\n"
        "Choose with --sheet NAME (and what it asks for). Nothing was written."
    )


def _refuse_overlaps(file: str, plans: list[ImportPlan], options: Options) -> None:
    if options.indicator and len(plans) > 1:
        raise ImportRefused(
            f"{file}: --indicator names one measure, but {len(plans)} sheets hold LEP tables "
            f"({', '.join(repr(p.table.sheet) for p in plans)}); choose one with --sheet NAME."
        )
    seen: dict[str, str] = {}
    for plan in plans:
        for indicator in plan.indicators:
            if indicator in seen:
                raise ImportRefused(
                    f"{file}: sheets {seen[indicator]!r} and {plan.table.sheet!r} would both be "
                    f"imported as {indicator}; choose one with --sheet NAME."
                )
            seen[indicator] = plan.table.sheet


def plan_file(
    grids: tuple[Grid, ...], dataset: Dataset, lexicon: Lexicon, options: Options
) -> Batch:
    """Every sheet that can be imported as asked, in one batch (refused when none can)."""
    plans: list[ImportPlan] = []
    passed: list[tuple[str, PassedOver]] = []
    for grid in grids:
        try:
            plans.append(plan_grid(grid, dataset, lexicon, options))
        except PassedOver as exc:
            if len(grids) == 1:
                raise
            passed.append((grid.sheet, exc))
    if not plans:
        raise _nothing_to_import(grids[0].file, passed)
    _refuse_overlaps(grids[0].file, plans, options)
    passed_over = tuple(PassedSheet(s, e.why, not isinstance(e, NoTable)) for s, e in passed)
    batch = Batch(grids[0].file, tuple(plans), passed_over)
    cited = options.source or (options.mapping.source if options.mapping else "")
    one = plans[0].source if len(plans) == 1 else f"Imported tables: {batch.place}"
    return replace(batch, source=cited or one)
