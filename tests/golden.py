"""Golden outputs: what `lepbot ask --json` and `lepbot chat --json` say to every question we have.

A refactor must not change a single answer. Record before the first move, compare after each:

    python -m tests.golden record /tmp/before.jsonl
    python -m tests.golden compare /tmp/before.jsonl     # exit 1 and the first differences

Add --charts to both to draw every chart and compare the PNG bytes as well.

The outputs themselves are not kept in the repo (they change whenever an answer is improved on
purpose); the questions are every set under tests/ and shared/questions.yaml.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

TESTS = Path(__file__).resolve().parent
QUESTION_FILES = (
    *sorted(TESTS.glob("corpus/*.yaml")),
    *sorted(TESTS.glob("heldout/*.yaml")),
    *sorted(TESTS.glob("fresh/*.yaml")),
    *sorted(TESTS.glob("blind/*.yaml")),
    TESTS.parents[1] / "shared" / "questions.yaml",
)
SHOWN = 5


def _questions() -> tuple[list[str], list[list[str]]]:
    singles, conversations = [], []
    for path in QUESTION_FILES:
        if not path.is_file():
            continue
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        singles += [str(case["q"]) for case in doc.get("single", [])]
        conversations += [
            [str(turn["q"]) for turn in convo["turns"]] for convo in doc.get("conversations", [])
        ]
    return singles, conversations


def _lepbot(args: list[str], stdin: str | None = None) -> list[str]:
    with tempfile.TemporaryDirectory() as empty:  # the shipped data only, never a user's imports
        env = {**os.environ, "LEPBOT_DATA": empty}
        done = subprocess.run(
            [sys.executable, "-m", "bot.cli", *args],
            input=stdin,
            capture_output=True,
            text=True,
            env=env,
        )
    if done.returncode != 0:
        raise SystemExit(f"golden: lepbot {args[0]} failed:\n{done.stderr[-3000:]}")
    return [line for line in done.stdout.splitlines() if line.strip()]


def _png_digest(line: str) -> str:
    """The answer with its chart's path replaced by a digest of the picture itself."""
    obj = json.loads(line)
    if obj.get("chart"):
        png = Path(obj["chart"]["path"]).read_bytes()
        obj["chart"]["path"] = hashlib.sha256(png).hexdigest()
    return json.dumps(obj, ensure_ascii=False)


def record(charts: bool = False) -> list[str]:
    """One JSON line per single question, then one per turn of each conversation.

    With `charts`, every chart is drawn too and recorded by a digest of its PNG bytes.
    """
    singles, conversations = _questions()
    with tempfile.TemporaryDirectory() as folder:
        drawn = ["--chart-dir", folder] if charts else ["--no-chart"]
        lines = _lepbot(["ask", "--json", *drawn, *singles])
        for turns in conversations:
            lines += _lepbot(["chat", "--json", *drawn], "".join(f"{t}\n" for t in turns))
        return [_png_digest(line) for line in lines] if charts else lines


def _differences(before: list[str], after: list[str]) -> list[str]:
    out = [f"{len(before)} answers recorded, {len(after)} now"] if len(before) != len(after) else []
    for old, new in zip(before, after, strict=False):
        if old != new:
            a, b = json.loads(old), json.loads(new)
            keys = [k for k in a if a.get(k) != b.get(k)]
            out.append(f"{a['question']!r}: {', '.join(keys)} changed")
            out += [f"    before {k}: {a.get(k)!r}\n    after  {k}: {b.get(k)!r}" for k in keys]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.golden", description=__doc__)
    parser.add_argument("action", choices=("record", "compare"))
    parser.add_argument("file", type=Path)
    parser.add_argument("--charts", action="store_true", help="draw and compare the charts too")
    args = parser.parse_args(argv)
    now = record(args.charts)
    if args.action == "record":
        args.file.write_text("\n".join(now) + "\n", encoding="utf-8")
        print(f"recorded {len(now)} answers in {args.file}")
        return 0
    before = args.file.read_text(encoding="utf-8").splitlines()
    differences = _differences(before, now)
    if not differences:
        print(f"golden: all {len(now)} answers identical")
        return 0
    print("\n".join(differences[: SHOWN * 3]))
    print(f"golden: {sum(1 for d in differences if d.endswith('changed'))} answers differ")
    return 1


if __name__ == "__main__":
    sys.exit(main())
