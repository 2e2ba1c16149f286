"""Shared helpers for the import tests: run `lepbot` in-process and read the fictional values.

FICTIONAL TEST DATA — the fixtures under tests/fixtures/ are made up (not UKCES figures).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

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


def snapshot(directory: Path) -> dict[str, bytes]:
    """Every file under a directory with its bytes, to show nothing changed."""
    if not directory.exists():
        return {}
    return {
        str(p.relative_to(directory)): p.read_bytes() for p in sorted(directory.rglob("*"))
        if p.is_file()
    }  # fmt: skip
