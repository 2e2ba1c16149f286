"""`lepbot data import|list|remove`: load a user's LEP tables as layers over the shipped data."""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

from bot import settings
from bot.commands import Command
from bot.importing import ImportRefused, NoTable

LONG_BYTES = 512 * 1024  # files this big show progress on stderr even when it is not a terminal


class Progress:
    """Stage messages on stderr for long imports (or always at a terminal)."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.started = time.monotonic()

    def __call__(self, message: str) -> None:
        if self.enabled:
            elapsed = time.monotonic() - self.started
            print(f"lepbot: [{elapsed:4.1f}s] {message}…", file=sys.stderr, flush=True)


def _user_dir(args: argparse.Namespace) -> Path:
    return Path(args.data).expanduser() if args.data else settings.user_data_dir()


def _data_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data",
        metavar="DIR",
        help="user data directory holding imports (default: $LEPBOT_DATA, else the XDG data dir)",
    )


def configure(parser: argparse.ArgumentParser) -> None:
    subs = parser.add_subparsers(dest="data_command", required=True, metavar="{import,list,remove}")
    imp = subs.add_parser(
        "import",
        help="load a LEP-level table (CSV or XLSX) over the shipped data",
        description=(
            "Load a LEP-level table (CSV or XLSX): LEP names down a column or across a row, "
            "figures beside them, an optional England/Total line and unweighted bases. "
            "Nothing is written until every name is matched (or --skip-unmatched)."
        ),
    )
    imp.add_argument("file", metavar="FILE")
    imp.add_argument(
        "--sheet", metavar="NAME", help="the workbook sheet (default: the first with a LEP table)"
    )
    which = imp.add_mutually_exclusive_group()
    which.add_argument(
        "--indicator", metavar="ID", help="the indicator the one column of figures holds"
    )
    which.add_argument(
        "--map",
        metavar="MAPPING.yaml",
        help="columns -> indicators (and new indicators, area fixes)",
    )
    imp.add_argument("--source", metavar="TEXT", help="how replies cite this table")
    imp.add_argument("--period", metavar="TEXT", help="the period the figures are for, e.g. 2014")
    imp.add_argument(
        "--dry-run", action="store_true", help="show what would be imported; write nothing"
    )
    imp.add_argument(
        "--skip-unmatched", action="store_true", help="import the rest when some names match no LEP"
    )
    _data_option(imp)
    imp.set_defaults(data_run=run_import)

    lst = subs.add_parser("list", help="what is loaded, with sources")
    _data_option(lst)
    lst.set_defaults(data_run=run_list)

    rm = subs.add_parser("remove", help="take an import out")
    rm.add_argument("id", metavar="ID", help="the import's id as `lepbot data list` shows it")
    _data_option(rm)
    rm.set_defaults(data_run=run_remove)


def run(args: argparse.Namespace) -> int:
    try:
        return args.data_run(args)
    except ImportRefused as exc:
        print(f"lepbot data {args.data_command}: {exc}", file=sys.stderr)
        return 2


def _validate(layers: list[Path]) -> None:
    from intents.dataset.loader import SHIPPED_DATA, load_dataset

    load_dataset(SHIPPED_DATA, layers)


def _pick_table(grids, recognise, progress: Progress):
    from bot.importing.table import parse_table

    refusals = []
    for grid in grids:
        progress(f"looking for the LEP table in {grid.where()} ({len(grid.rows):,} rows)")
        try:
            table = parse_table(grid, recognise)
        except NoTable as exc:
            refusals.append(exc)
            continue
        others = []
        for other in grids[grids.index(grid) + 1 :]:
            try:
                parse_table(other, recognise)
                others.append(other.sheet)
            except ImportRefused:
                continue
        return table, others
    if len(refusals) == 1:
        raise refusals[0]
    raise ImportRefused(
        f"{grids[0].file}: no sheet holds a LEP table (sheets: "
        f"{', '.join(repr(g.sheet) for g in grids)}). lepbot needs the LEP names down one column "
        "or across one row, with the figures beside them."
    )


def run_import(args: argparse.Namespace) -> int:
    from bot.importing import report
    from bot.importing.match import exact_area, parse_mapping
    from bot.importing.plan import Options, build_plan
    from bot.importing.read import read_grids
    from bot.importing.store import list_imports, next_id, write_import
    from intents.dataset.loader import read_yaml
    from intents.reading.lexicon import lexicon_for

    user_dir = _user_dir(args)
    path = Path(args.file).expanduser()
    size = path.stat().st_size if path.is_file() else 0
    progress = Progress(sys.stderr.isatty() or size >= LONG_BYTES)
    dataset = settings.dataset(user_dir)
    lexicon = lexicon_for(dataset)
    mapping = None
    if args.map:
        map_path = Path(args.map).expanduser()
        if not map_path.is_file():
            raise ImportRefused(f"{map_path}: no such mapping file.")
        mapping = parse_mapping(read_yaml(map_path), map_path.name, lexicon)
    sheet = args.sheet or (mapping.sheet if mapping and mapping.sheet else None)
    grids = read_grids(path, sheet, progress)
    rows = sum(len(g.rows) for g in grids)
    if rows >= 2000:
        progress.enabled = True
    table, other_sheets = _pick_table(grids, lambda t: exact_area(t, lexicon) is not None, progress)
    progress(f"matching {len(table.lines)} names and {len(table.measures)} columns")
    options = Options(
        indicator=args.indicator or "",
        mapping=mapping,
        source=args.source or "",
        period=args.period or "",
        skip_unmatched=args.skip_unmatched,
    )
    plan = build_plan(table, dataset, lexicon, options)
    if other_sheets and not sheet:
        print(
            f"lepbot: read sheet '{table.sheet}'; the workbook also has "
            f"{', '.join(repr(s) for s in other_sheets)} (use --sheet NAME for another).",
            file=sys.stderr,
        )
    if args.dry_run:
        print(report.dry_run(plan, next_id(user_dir, path.name)))
        return 2 if plan.problems else 0
    if plan.problems:
        print(report.problems_text(plan) + "\nNothing was written.", file=sys.stderr)
        return 2
    sha256 = hashlib.sha256(path.read_bytes()).hexdigest()
    earlier = [
        r.id for r in list_imports(user_dir)
        if r.meta.get("sha256") == sha256 and r.meta.get("sheet", "") == table.sheet
    ]  # fmt: skip
    progress(f"validating and writing {len(plan.facts)} figures")
    record = write_import(user_dir, plan, path, sha256, _validate)
    print(report.imported(plan, record, settings.dataset(user_dir)))
    if earlier:
        print(
            f"Note: the same table was already imported as {', '.join(earlier)}; the new import "
            f"is layered over it (`lepbot data remove {earlier[0]}` takes the old one out)."
        )
    return 0


def run_list(args: argparse.Namespace) -> int:
    from bot.importing import report
    from bot.importing.store import imports_dir, list_imports
    from intents.dataset.loader import SHIPPED_DATA

    user_dir = _user_dir(args)
    records = list_imports(user_dir)
    dataset = settings.dataset(user_dir)
    print(report.listing(records, dataset, str(SHIPPED_DATA), str(imports_dir(user_dir))))
    return 0


def run_remove(args: argparse.Namespace) -> int:
    from bot.importing.store import find_import, remove_import

    user_dir = _user_dir(args)
    record = find_import(user_dir, args.id)
    remove_import(user_dir, record, _validate)
    print(f"Removed {record.summary}")
    return 0


COMMAND = Command("data", "import LEP tables (CSV/XLSX), list and remove imports", configure, run)
