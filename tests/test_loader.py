"""The dataset loads from data/ and refuses bad rows with the file and row named."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from intents.dataset.loader import SHIPPED_DATA, DataError, load_dataset

HEADER = "area,indicator,kind,value,low,high,relation,breakdown,period,source,note,base\n"


def test_shipped_data_is_complete(shipped):
    assert len(shipped.leps) == 39
    assert len(shipped.districts) == 326
    assert sum(1 for d in shipped.districts if len(d.leps) == 2) == 36
    assert all(f.source for f in shipped.facts)


def layer(tmp_path: Path, rows: str) -> Path:
    folder = tmp_path / "layer"
    folder.mkdir()
    (folder / "facts.csv").write_text(HEADER + rows, encoding="utf-8")
    shutil.copy(
        Path(__file__).parent / "fixtures/fictional_full/sources.yaml", folder / "sources.yaml"
    )
    return folder


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("Narnia,work_placements,value,30,,,,,2014,FICTIONAL,x,\n", "unknown area 'Narnia'"),
        ("Humber,happiness,value,30,,,,,2014,FICTIONAL,x,\n", "unknown indicator 'happiness'"),
        ("Humber,work_placements,value,130,,,,,2014,FICTIONAL,x,\n", "outside 0–100"),
        (
            "Humber,work_placements,band,,40,30,,,2014,FICTIONAL,x,\n",
            "band low 40 is above high 30",
        ),
        ("Humber,work_placements,value,30,,,,,2014,,x,\n", "fact has no source"),
        ("Humber,work_placements,value,thirty,,,,,2014,FICTIONAL,x,\n", "is not a number"),
    ],
)
def test_bad_rows_are_refused_naming_file_and_row(tmp_path, row, message):
    folder = layer(tmp_path, row)
    with pytest.raises(DataError) as raised:
        load_dataset(SHIPPED_DATA, [folder])
    assert message in str(raised.value)
    assert f"{folder / 'facts.csv'} row 2" in str(raised.value)


def test_duplicate_rows_are_refused(tmp_path):
    row = "Humber,work_placements,value,30,,,,,2014,FICTIONAL,x,\n"
    with pytest.raises(DataError, match="row 3: duplicate of row 2"):
        load_dataset(SHIPPED_DATA, [layer(tmp_path, row + row)])


def test_a_later_layer_supersedes_shipped_figures(tmp_path):
    folder = layer(tmp_path, "Humber,work_placements,value,30.5,,,,,2014,FICTIONAL,x,400\n")
    dataset = load_dataset(SHIPPED_DATA, [folder])
    assert dataset.evidence("Humber", "work_placements").fact.value == 30.5
    assert dataset.evidence("Humber", "work_placements").fact.base == 400


def test_a_bare_yaml_boolean_in_a_word_list_is_refused(tmp_path):
    """YAML reads a bare `no` as False: 'No LEP did better' was then read as North Eastern."""
    shipped = tmp_path / "data"
    shutil.copytree(SHIPPED_DATA, shipped)
    vocabulary = shipped / "vocabulary.yaml"
    vocabulary.write_text(vocabulary.read_text().replace('"no",', "no,", 1))
    with pytest.raises(DataError, match="function_words: \\[False\\] are not words"):
        load_dataset(shipped, [])
