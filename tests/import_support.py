"""Shared helpers for the import tests: run `lepbot` in-process and read the fictional values.

FICTIONAL TEST DATA — the fixtures under tests/fixtures/ are made up (not UKCES figures).
"""

from __future__ import annotations

import csv
import json
import re
from functools import cache
from pathlib import Path

import openpyxl

from bot.cli import main

FIXTURES = Path(__file__).resolve().parent / "fixtures"
IMPORT = FIXTURES / "import"


def fictional_values() -> dict[tuple[str, str], float]:
    """(area, indicator) -> value, from the fictional layer the import fixtures were made from."""
    with (FIXTURES / "fictional_full" / "facts.csv").open(encoding="utf-8", newline="") as handle:
        return {(r["area"], r["indicator"]): float(r["value"]) for r in csv.DictReader(handle)}


def lepbot(capsys, *argv: str) -> tuple[int, str, str]:
    """Run `lepbot ARGV...` as a user would; (exit code, stdout, stderr)."""
    capsys.readouterr()
    code = main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def ask(capsys, question: str) -> dict:
    code, out, err = lepbot(capsys, "ask", "--json", "--no-chart", question)
    assert code == 0, err
    return json.loads(out.strip().splitlines()[-1])


def refused(capsys, data_dir: Path, *argv) -> str:
    """Run an import (or dry run) that must fail; check nothing changed; return what it said."""
    before = snapshot(data_dir)
    code, out, err = lepbot(capsys, "data", "import", *argv)
    assert code == 2, out
    assert snapshot(data_dir) == before
    assert "Traceback" not in err
    return out + err


def snapshot(directory: Path) -> dict[str, bytes]:
    """Every file under a directory with its bytes, to show nothing changed."""
    if not directory.exists():
        return {}
    return {
        str(p.relative_to(directory)): p.read_bytes() for p in sorted(directory.rglob("*"))
        if p.is_file()
    }  # fmt: skip


SOURCES = FIXTURES / "sources"
_WHERE = re.compile(
    r"^(?P<file>[^,]+)(?:, sheet '(?P<sheet>[^']+)')?, row (?P<row>\d+), column (?P<col>[A-Z]+)$"
)


@cache
def _rows(file: str, sheet: str) -> tuple[tuple[object, ...], ...]:
    path = SOURCES / file
    if path.suffix == ".xlsx":
        book = openpyxl.load_workbook(path, data_only=True)
        return tuple(book[sheet].iter_rows(values_only=True))
    with path.open(encoding="utf-8", newline="") as handle:
        return tuple(tuple(row) for row in csv.reader(handle))


def cell_value(where: str) -> float:
    """The number in the fixture cell an import names ('f.xlsx, sheet 'Data', row 5, column B')."""
    found = _WHERE.match(where.removeprefix("imported from "))
    assert found, where
    col = 0
    for letter in found["col"]:
        col = col * 26 + ord(letter) - 64
    return float(_rows(found["file"], found["sheet"] or "")[int(found["row"]) - 1][col - 1])


def layer_facts(data_dir: Path) -> list[dict[str, str]]:
    """Every row of every import's facts.csv."""
    rows = []
    for path in sorted((data_dir / "imports").glob("*/facts.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            rows += list(csv.DictReader(handle))
    return rows
