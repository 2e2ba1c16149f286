"""Shared fixtures: the shipped dataset, the fictional full-data layer, and the CLI as users run it."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from bot.cli import main
from intents.dataset import Dataset
from intents.loader import SHIPPED_DATA, load_dataset

FIXTURES = Path(__file__).parent / "fixtures"
FICTIONAL = FIXTURES / "fictional_full"
SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(autouse=True)
def _isolated_user_data(tmp_path_factory, monkeypatch):
    """Never read a developer's own imports: each test gets an empty user data directory."""
    monkeypatch.setenv("LEPBOT_DATA", str(tmp_path_factory.mktemp("userdata")))


@pytest.fixture(scope="session")
def shipped() -> Dataset:
    return load_dataset()


@pytest.fixture(scope="session")
def full() -> Dataset:
    """data/ with the clearly fictional 39-LEP table layered over it (tests only)."""
    return load_dataset(SHIPPED_DATA, [FICTIONAL])


@pytest.fixture
def ask(capsys):
    """Run `lepbot ask --json --no-chart` in-process and return the parsed objects."""

    def run(*questions: str) -> list[dict]:
        assert main(["ask", "--json", "--no-chart", *questions]) == 0
        return [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.strip()]

    return run


@pytest.fixture
def chat(capsys, monkeypatch):
    """Run `lepbot chat --json` with the given lines on stdin."""

    def run(*lines: str) -> list[dict]:
        monkeypatch.setattr("sys.stdin", io.StringIO("".join(f"{line}\n" for line in lines)))
        assert main(["chat", "--json", "--no-chart"]) == 0
        return [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.strip()]

    return run


def published_numbers(dataset: Dataset) -> set[float]:
    """Every number a fact holds (values and band ends), for checking replies' text."""
    out: set[float] = set()
    for fact in dataset.facts:
        out |= {n for n in (fact.value, fact.low, fact.high) if n is not None}
    return out


AMOUNT = re.compile(r"£([\d,]+(?:\.\d+)?)|(?<![\w.])(\d+(?:\.\d+)?)%")


def amounts_in(text: str) -> list[float]:
    """The percentages and pound amounts a reply states."""
    return [float((m.group(1) or m.group(2)).replace(",", "")) for m in AMOUNT.finditer(text)]
