"""Imports on disk: <user data>/imports/<id>/ = facts.csv, sources.yaml, [indicators.yaml], meta.yaml.

A layer is written into <user data>/.staging/ first, validated by loading the whole dataset with
it on top, and only then renamed into imports/ — so a failed or interrupted import leaves the
data as it was. Removing moves the layer out the same way, after checking what is left loads.
The shipped data/ is never written.
"""

from __future__ import annotations

import contextlib
import csv
import datetime
import os
import re
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.importing import ImportRefused
from bot.importing.batch import Batch
from bot.settings import imported_layers
from intents.dataset.loader import DataError

FACT_COLUMNS = ("area", "indicator", "kind", "value", "low", "high", "relation", "breakdown",
                "period", "source", "note", "base")  # fmt: skip
Validate = Callable[[list[Path]], None]


@dataclass(frozen=True)
class ImportRecord:
    id: str
    path: Path
    meta: dict

    @property
    def summary(self) -> str:
        m = self.meta
        where = m.get("file", "?") + (f", sheet '{m['sheet']}'" if m.get("sheet") else "")
        indicators = ", ".join(m.get("indicators") or []) or "?"
        return (
            f"{self.id}: {m.get('figures', '?')} figures ({indicators}) for "
            f"{m.get('areas', '?')} areas from {where}, imported {m.get('imported_at', '?')}; "
            f"source: {m.get('source', '?')}"
        )


def imports_dir(user_dir: Path) -> Path:
    return user_dir / "imports"


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:40].strip("-") or "table"


def next_id(user_dir: Path, file: str) -> str:
    """'003-eps-rows': numbered so that name order (the layering order) is import order."""
    root = imports_dir(user_dir)
    taken = (
        [int(p.name[:3]) for p in root.iterdir() if p.name[:3].isdigit()] if root.is_dir() else []
    )
    return f"{max(taken, default=0) + 1:03d}-{_slug(Path(file).stem)}"


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _write_layer(directory: Path, batch: Batch, import_id: str, meta: dict) -> None:
    with (directory / "facts.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(FACT_COLUMNS)
        for f in batch.facts:
            writer.writerow(
                [f.area, f.indicator, "value", _number(f.value), "", "", "", "", f.period,
                 import_id, f"imported from {f.where}", "" if f.base is None else str(f.base)]
            )  # fmt: skip
    source = {
        "id": import_id,
        "title": f"Table imported from {batch.place} on {meta['imported_at'][:10]}",
        "publisher": "imported by the user",
        "date": meta["imported_at"][:10],
        "url": "",
        "cite": batch.source,
        "about": " ".join(dict.fromkeys(p.about for p in batch.plans)),
    }
    _dump(directory / "sources.yaml", [source])
    new = [dict(n) for p in batch.plans for n in p.new_indicators]
    if new:
        _dump(directory / "indicators.yaml", new)
    _dump(directory / "meta.yaml", meta)


def _dump(path: Path, data: object) -> None:
    with path.open("w", encoding="utf-8") as handle:
        yaml.safe_dump(data, handle, allow_unicode=True, sort_keys=False)


def meta_for(batch: Batch, import_id: str, file: Path, sha256: str) -> dict:
    plans = batch.plans
    return {
        "id": import_id,
        "file": file.name,
        "path": str(file.resolve()),
        "sha256": sha256,
        "sheet": ", ".join(s for s in batch.sheets if s),
        "orientation": plans[0].table.orientation,
        "source": batch.source,
        "periods": {ind: period for p in plans for ind, period, _ in p.periods},
        "imported_at": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "figures": len(batch.facts),
        "areas": len(batch.areas),
        "indicators": list(batch.indicators),
        "new_indicators": [n["id"] for p in plans for n in p.new_indicators],
        "columns": {c.header: c.indicator or c.role for p in plans for c in p.columns},
        "skipped": [m.label for p in plans for m in p.unmatched],
    }


def _in_user_terms(message: str, staged: Path, batch: Batch) -> str:
    """A loader error about the staged facts.csv, said about the user's own cell."""
    found = re.search(re.escape(str(staged / "facts.csv")) + r" row (\d+)", message)
    facts = batch.facts
    if found and 0 <= int(found.group(1)) - 2 < len(facts):
        fact = facts[int(found.group(1)) - 2]
        message = message.replace(found.group(0), fact.where)
    return f"refused: {message.replace(str(staged), 'the new import')}. Nothing was written."


def write_import(
    user_dir: Path, batch: Batch, file: Path, sha256: str, validate: Validate
) -> ImportRecord:
    """Write the batch as a new layer; validate(layers) must load them all or nothing is kept."""
    import_id = next_id(user_dir, file.name)
    staging_root = user_dir / ".staging"
    staging_root.mkdir(parents=True, exist_ok=True)
    staged = Path(tempfile.mkdtemp(prefix=f"{import_id}-", dir=staging_root))
    try:
        meta = meta_for(batch, import_id, file, sha256)
        _write_layer(staged, batch, import_id, meta)
        try:
            validate([*imported_layers(user_dir), staged])
        except DataError as exc:
            raise ImportRefused(_in_user_terms(str(exc), staged, batch)) from None
        target = imports_dir(user_dir) / import_id
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists():
            raise ImportRefused(f"{target} already exists; try again.")
        os.rename(staged, target)
    finally:
        shutil.rmtree(staged, ignore_errors=True)
        _tidy(staging_root)
    return ImportRecord(import_id, target, meta)


def _tidy(staging_root: Path) -> None:
    with contextlib.suppress(OSError):
        staging_root.rmdir()  # only when empty


def list_imports(user_dir: Path) -> list[ImportRecord]:
    records = []
    for path in imported_layers(user_dir):
        meta_path = path / "meta.yaml"
        meta = {}
        if meta_path.is_file():
            with meta_path.open(encoding="utf-8") as handle:
                meta = yaml.safe_load(handle) or {}
        records.append(ImportRecord(path.name, path, meta))
    return records


def find_import(user_dir: Path, wanted: str) -> ImportRecord:
    records = list_imports(user_dir)
    exact = [r for r in records if r.id == wanted]
    loose = [r for r in records if r.id.startswith(wanted) or r.id[4:] == wanted]
    found = exact or loose
    if len(found) == 1:
        return found[0]
    known = ", ".join(r.id for r in records) or "none"
    if not found:
        raise ImportRefused(f"no import {wanted!r} in {imports_dir(user_dir)} (imports: {known}).")
    raise ImportRefused(f"{wanted!r} matches several imports ({', '.join(r.id for r in found)}).")


def remove_import(user_dir: Path, record: ImportRecord, validate: Validate) -> None:
    """Take an import out, unless what is left would not load (a later import needs it)."""
    remaining = [p for p in imported_layers(user_dir) if p.name != record.id]
    try:
        validate(remaining)
    except ImportRefused:
        raise
    except Exception as exc:
        raise ImportRefused(
            f"cannot remove {record.id}: the imports left would not load without it ({exc}). "
            "Remove the later import that uses it first."
        ) from None
    staging_root = user_dir / ".staging"
    staging_root.mkdir(parents=True, exist_ok=True)
    parked = Path(tempfile.mkdtemp(prefix=f"removed-{record.id}-", dir=staging_root))
    os.rename(record.path, parked / record.id)
    shutil.rmtree(parked, ignore_errors=True)
    _tidy(staging_root)
