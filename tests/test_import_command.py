"""`lepbot data import|list|remove` as a user runs them: dry runs, name fixes, mappings, undo.

FICTIONAL TEST DATA: every table here is made up (not UKCES figures).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.import_support import IMPORT, ask, fictional_values, lepbot, snapshot

VALUES = fictional_values()
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    directory = tmp_path / "lepbot-data"
    monkeypatch.setenv("LEPBOT_DATA", str(directory))
    return directory


def test_dry_run_prints_the_plan_and_writes_nothing(data_dir, capsys):
    code, out, _ = lepbot(capsys, "data", "import", IMPORT / "eps_rows.xlsx", "--dry-run")
    assert code == 0
    assert "Dry run — nothing written." in out
    assert "LEP names down column A, measure names in row 3" in out
    assert "D2N2" in out and "Derby, Derbyshire, Nottingham and Nottinghamshire" in out
    humber = next(line for line in out.splitlines() if line.startswith("row 21 "))
    assert "26" in humber and "work_placements: value 29% (EPS14_GEO)" in humber
    assert "Worcestershire work_inspiration '*'" in out
    assert "becomes import 001-eps-rows: 79 figures for 40 areas" in out
    assert not data_dir.exists()


def test_unmatched_names_are_listed_with_candidates_and_nothing_is_written(data_dir, capsys):
    code, _, err = lepbot(
        capsys,
        "data",
        "import",
        IMPORT / "youth_unemployment.csv",
        "--indicator",
        "youth_unemployment",
    )
    assert code == 2
    assert "row 21: 'Narnia LEP' — closest:" in err
    assert "--skip-unmatched" in err
    assert "Nothing was written." in err
    assert snapshot(data_dir) == {}


def test_skip_unmatched_imports_the_rest_with_misspelt_names_matched(data_dir, capsys):
    code, out, _ = lepbot(
        capsys, "data", "import", IMPORT / "youth_unemployment.csv",
        "--indicator", "youth_unemployment", "--skip-unmatched",
    )  # fmt: skip
    assert code == 0
    assert "39 figures for 39 LEPs" in out
    assert "Left out (--skip-unmatched): 'Narnia LEP' (row 21)" in out
    reply = ask(capsys, "bottom 39 for youth unemployment")
    figures = {f["area"]: f["value"] for f in reply["figures"]}
    for misspelt in (
        "Cheshire and Warrington",
        "Humber",
        "Greater Manchester",
        "Leicester and Leicestershire",
    ):
        assert figures[misspelt] == VALUES[(misspelt, "youth_unemployment")]
    assert len(figures) == 39


def test_a_mapping_file_can_fix_names_and_columns(data_dir, tmp_path, capsys):
    mapping = tmp_path / "fix.yaml"
    mapping.write_text(
        "columns:\n  rate: youth_unemployment\nareas:\n  Narnia LEP: skip\nperiod: Nov 2014\n",
        encoding="utf-8",
    )
    code, out, err = lepbot(
        capsys, "data", "import", IMPORT / "youth_unemployment.csv", "--map", mapping
    )
    assert code == 0, err
    assert "youth_unemployment: Nov 2014 — mapping" in out


def test_a_table_with_the_same_lep_twice_is_refused_with_the_rows_named(data_dir, capsys):
    code, _, err = lepbot(capsys, "data", "import", IMPORT / "duplicate_lep.csv")
    assert code == 2
    assert "Dorset appears twice: row 5 ('Dorset') and row 10 ('Dorset')" in err
    assert snapshot(data_dir) == {}


def test_a_new_indicator_from_the_mapping_file_is_askable_at_once(data_dir, capsys):
    code, out, err = lepbot(
        capsys, "data", "import", IMPORT / "custom_indicator.csv",
        "--map", IMPORT / "custom_mapping.yaml",
    )  # fmt: skip
    assert code == 0, err
    assert "New indicator apprenticeships_offered" in out
    reply = ask(capsys, "top 5 for apprenticeships")
    assert reply["intent"] == "rank"
    assert reply["indicators"] == ["apprenticeships_offered"]
    assert reply["figures"][0] == {
        "area": "Enterprise M3",
        "indicator": "apprenticeships_offered",
        "value": 34.9,
    }
    assert "FICTIONAL" in reply["text"]
    define = ask(capsys, "what is apprenticeships?")
    assert "fictional test indicator" in define["text"]
    # an updated table imported with the same mapping file declares it again, so either import
    # can be removed on its own
    code, _, err = lepbot(
        capsys, "data", "import", IMPORT / "custom_indicator.csv",
        "--map", IMPORT / "custom_mapping.yaml",
    )  # fmt: skip
    assert code == 0, err
    assert lepbot(capsys, "data", "remove", "001")[0] == 0
    assert ask(capsys, "top 5 for apprenticeships")["indicators"] == ["apprenticeships_offered"]


def test_gva_total_row_becomes_the_england_benchmark(data_dir, capsys):
    code, _, err = lepbot(capsys, "data", "import", IMPORT / "gva_rows.csv")
    assert code == 0, err
    reply = ask(capsys, "how does London compare on gva per head?")
    assert {"area": "London", "indicator": "gva_per_head", "value": 43150.0} in reply["figures"]
    assert {"area": "England", "indicator": "gva_per_head", "value": 24812.0} in reply["figures"]


def test_list_shows_imports_with_sources_and_remove_takes_one_out(data_dir, capsys):
    lepbot(capsys, "data", "import", IMPORT / "eps_rows.xlsx", "--source", "Fictional EPS table")
    code, out, _ = lepbot(capsys, "data", "list")
    assert code == 0
    assert "001-eps-rows: 79 figures (work_placements, work_inspiration)" in out
    assert "source: Fictional EPS table" in out
    assert "two-proportion z-test" in out
    assert "Top 5 LEPs" in ask(capsys, "top 5 for work placements")["text"]
    assert "Only 38 of the 39" in ask(capsys, "top 5 for work inspiration")["text"]  # one '*'

    code, out, _ = lepbot(capsys, "data", "remove", "001")
    assert code == 0 and out.startswith("Removed 001-eps-rows")
    assert not (data_dir / "imports" / "001-eps-rows").exists()
    assert "Only 2 of the 39" in ask(capsys, "top 5 for work inspiration")["text"]
    code, out, _ = lepbot(capsys, "data", "list")
    assert "No imports" in out


def test_remove_refuses_when_a_later_import_needs_the_indicator(data_dir, tmp_path, capsys):
    lepbot(
        capsys,
        "data",
        "import",
        IMPORT / "custom_indicator.csv",
        "--map",
        IMPORT / "custom_mapping.yaml",
    )
    again = tmp_path / "again.yaml"
    again.write_text(
        'columns:\n  "Apprenticeships offered (%)": apprenticeships_offered\n', encoding="utf-8"
    )
    code, _, err = lepbot(capsys, "data", "import", IMPORT / "custom_indicator.csv", "--map", again)
    assert code == 0, err
    code, _, err = lepbot(capsys, "data", "remove", "001")
    assert code == 2
    assert "cannot remove 001-custom-indicator" in err
    assert (data_dir / "imports" / "001-custom-indicator").is_dir()


def test_the_data_option_chooses_the_directory(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("LEPBOT_DATA", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    chosen = tmp_path / "chosen"
    code, _, err = lepbot(capsys, "data", "import", IMPORT / "gva_rows.csv", "--data", chosen)
    assert code == 0, err
    assert (chosen / "imports" / "001-gva-rows" / "facts.csv").is_file()
    assert not (tmp_path / "xdg").exists()


def test_the_layer_is_plain_files_naming_each_cell(data_dir, capsys):
    shipped = snapshot(ROOT / "data")
    lepbot(capsys, "data", "import", IMPORT / "eps_columns.xlsx", "--period", "2014")
    assert snapshot(ROOT / "data") == shipped
    layer = data_dir / "imports" / "001-eps-columns"
    facts = (layer / "facts.csv").read_text(encoding="utf-8").splitlines()
    assert (
        facts[0] == "area,indicator,kind,value,low,high,relation,breakdown,period,source,note,base"
    )
    assert (
        "Black Country,work_placements,value,35.3,,,,,2014,001-eps-columns,"
        "\"imported from eps_columns.xlsx, sheet 'By LEP', row 3, column B\",327"
    ) in facts
    meta = yaml.safe_load((layer / "meta.yaml").read_text(encoding="utf-8"))
    assert meta["sheet"] == "By LEP" and meta["orientation"] == "columns"
    assert not (data_dir / ".staging").exists()


def test_long_imports_show_progress(data_dir, tmp_path, capsys):
    rows = ["LEP,Work placements (%),Comment"]
    padding = "x" * 15000
    rows += [f'"{lep}",{value},{padding}' for (lep, ind), value in VALUES.items()
             if ind == "work_placements" and lep != "England"]  # fmt: skip
    big = tmp_path / "big.csv"
    big.write_text("\n".join(rows) + "\n", encoding="utf-8")
    code, out, err = lepbot(capsys, "data", "import", big)
    assert code == 0, err
    assert "lepbot: [" in err and "reading big.csv" in err and "validating and writing" in err
    assert "column C 'Comment' holds text, not figures: left out" in out


def test_lepbot_ask_does_not_import_pandas():
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "bot.cli", "ask", "--no-chart", "x"],
        cwd=ROOT, capture_output=True, text=True, check=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "LEPBOT_DATA": str(ROOT / "no-such-dir")},
    )  # fmt: skip
    assert "pandas" not in result.stderr
    assert "openpyxl" not in result.stderr
