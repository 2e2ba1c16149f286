"""Shared fixtures: the shipped dataset, the fictional full-data layer, and the CLI as users run it."""

from __future__ import annotations

import io
import json
import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from bot.cli import main
from intents.dataset.loader import SHIPPED_DATA, load_dataset
from intents.dataset.model import Dataset
from tests import loopback

loopback.install()

# CI replays the same examples on every run (derandomized, no example database), so a submission
# cannot fail by chance; local runs keep exploring new examples. HYPOTHESIS_PROFILE picks one;
# otherwise a set CI variable means "ci".
settings.register_profile(
    "ci",
    derandomize=True,
    database=None,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", deadline=None, print_blob=True)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev")
settings.load_profile(PROFILE)


def pytest_terminal_summary(terminalreporter) -> None:
    """Say which profile ran, so a log shows whether the examples were the fixed CI ones."""
    terminalreporter.write_line(f"hypothesis profile: {PROFILE}")


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


# A digit right after the £, and thousands separators only between digits: "£," and "£,5" are no
# amount, and "£1,234.5" is one.
AMOUNT = re.compile(r"£(\d+(?:,\d{3})*(?:\.\d+)?)|(?<![\w.])(\d+(?:\.\d+)?)%")


def amounts_in(text: str) -> list[float]:
    """The percentages and pound amounts a text states (a reply, or the question it answers)."""
    return [float((m.group(1) or m.group(2)).replace(",", "")) for m in AMOUNT.finditer(text)]


NUMBER = re.compile(r"(?<![\d.])\d+(?:,\d{3})*(?:\.\d+)?")


def numbers_in(text: str) -> list[float]:
    """Every number a question holds, however written: a reply may echo one back as the
    threshold or figure the user asked about ('above $1' read as above 1%)."""
    return [float(m.group(0).replace(",", "")) for m in NUMBER.finditer(text)]
