"""The package as pip installs it, not the checkout: a wheel carries data/ and answers from
another folder. Built and installed offline, from the test environment's own build tools."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = sorted(p.name for p in (ROOT / "data").iterdir() if p.suffix in (".yaml", ".csv"))


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    source = tmp_path_factory.mktemp("source") / "lepbot"  # a build writes build/ beside it
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(".*", "build", "*.egg-info"))
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(out), str(source)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    (built,) = out.glob("lepbot-*.whl")
    return built


def test_the_wheel_holds_every_data_file(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert [n for n in SHIPPED if f"lepbot_data/{n}" not in names] == []


def test_an_installed_wheel_answers_from_another_folder(wheel, tmp_path):
    target, elsewhere = tmp_path / "site", tmp_path / "elsewhere"
    elsewhere.mkdir()
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target),
         str(wheel)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    # -S: no site-packages processing, so the checkout's editable install cannot be found; the
    # test environment's packages stand in for the dependencies pip would have installed.
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(target), sysconfig.get_paths()["purelib"]]),
        "LEPBOT_DATA": str(tmp_path / "userdata"),
    }
    code = (
        "import sys, bot, lepbot_data; from bot.cli import main; "
        "print(bot.__file__, lepbot_data.__file__, file=sys.stderr); "
        "sys.exit(main(['ask', '--json', '--no-chart', 'how does Humber compare on placements?']))"
    )
    done = subprocess.run(
        [sys.executable, "-S", "-c", code],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert str(target) in done.stderr and str(ROOT) not in done.stderr
    answer = json.loads(done.stdout)
    assert answer["intent"] == "value"
    assert {"area": "Humber", "indicator": "work_placements", "value": 29.0} in answer["figures"]
