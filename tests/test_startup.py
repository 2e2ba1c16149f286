"""Start-up stays light: answering in the terminal imports neither charts, Slack nor pandas."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
from bot.cli import main
main(["ask", "--no-chart", "how does Humber compare on placements?"])
heavy = sorted({"matplotlib", "slack_bolt", "slack_sdk", "pandas", "openpyxl"} & set(sys.modules))
print("HEAVY:", heavy)
"""


def test_ask_imports_nothing_heavy():
    out = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True
    ).stdout
    assert "HEAVY: []" in out
