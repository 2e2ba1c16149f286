"""`lepbot data import|list|remove`: load a user's LEP tables as layers over the shipped data."""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

from bot import settings
from bot.commands import Command
from bot.importing import ImportRefused

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
            "Load LEP-level tables (CSV or XLSX) as they are downloaded: a table with LEP names "
            "down a column or across a row, NOMIS query downloads (blocks stacked by date), "
            "NOMIS API files (one row per observation), ONS workbooks (years across, one table "
            "per sheet). --period and --where pick one slice where the file has more. Nothing is "
            "written until every name is matched (or --skip-unmatched)."
        ),
    )
    imp.add_argument("file", metavar="FILE")
    imp.add_argument(
        "--sheet", metavar="NAME", help="the workbook sheet (default: every sheet with a LEP table)"
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
    imp.add_argument(
        "--period",
        metavar="TEXT",
        help="the period to import where the file has several (a date row, a year column, "
        "DATE_NAME), else the period the figures are for, e.g. 2014",
    )
    imp.add_argument(
        "--where",
        metavar="COLUMN=VALUE",
        action="append",
        default=[],
        help="keep only the rows where COLUMN is VALUE (repeatable), e.g. C_AGE_NAME='Aged 16-24'",
    )
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


def _where(pairs: list[str]) -> tuple[tuple[str, str], ...]:
    """['C_AGE_NAME=Aged 16-24'] -> (('C_AGE_NAME', 'Aged 16-24'),), refusing a pair without '='."""
    out = []
    for pair in pairs:
        name, equals, value = pair.partition("=")
        if not equals or not name.strip() or not value.strip():
            raise ImportRefused(f"--where {pair!r}: write COLUMN=VALUE, e.g. --where sex=Total.")
        out.append((name.strip(), value.strip().strip("'\"")))
    return tuple(out)


def run_import(args: argparse.Namespace) -> int:
    from bot.importing import report
    from bot.importing.batch import plan_file
    from bot.importing.match import parse_mapping
    from bot.importing.plan import Options
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
    options = Options(
        indicator=args.indicator or "",
        mapping=mapping,
        source=args.source or "",
        period=args.period or "",
        where=_where(args.where),
        skip_unmatched=args.skip_unmatched,
    )
    grids = read_grids(path, sheet, progress)
    if sum(len(g.rows) for g in grids) >= 2000:
        progress.enabled = True
    progress(f"looking for LEP tables in {path.name} ({len(grids)} sheet(s))")
    batch = plan_file(grids, dataset, lexicon, options)
    if args.dry_run:
        print(report.dry_run(batch, next_id(user_dir, path.name)))
        return 2 if batch.problems else 0
    if batch.problems:
        print(report.problems_text(batch) + "\nNothing was written.", file=sys.stderr)
        return 2
    sha256 = hashlib.sha256(path.read_bytes()).hexdigest()
    sheets = ", ".join(s for s in batch.sheets if s)
    earlier = [
        r.id for r in list_imports(user_dir)
        if r.meta.get("sha256") == sha256 and r.meta.get("sheet", "") == sheets
    ]  # fmt: skip
    progress(f"validating and writing {len(batch.facts)} figures")
    record = write_import(user_dir, batch, path, sha256, _validate)
    print(report.imported(batch, record, settings.dataset(user_dir)))
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
