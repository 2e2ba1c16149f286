"""Where things live on this machine: the user data directory and the dataset with its layers."""

from __future__ import annotations

import os
from pathlib import Path

from intents.dataset.loader import SHIPPED_DATA, load_dataset
from intents.dataset.model import Dataset


def user_data_dir() -> Path:
    """$LEPBOT_DATA, else $XDG_DATA_HOME/lepbot, else ~/.local/share/lepbot."""
    if os.environ.get("LEPBOT_DATA"):
        return Path(os.environ["LEPBOT_DATA"]).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "lepbot"


def imported_layers(user_dir: Path) -> list[Path]:
    """Each import is a directory under imports/ holding facts.csv; applied in name order."""
    root = user_dir / "imports"
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if (p / "facts.csv").is_file())


def dataset(user_dir: Path | None = None) -> Dataset:
    return load_dataset(SHIPPED_DATA, imported_layers(user_dir or user_data_dir()))
