"""After `lepbot data import` of the full LEP tables, every intent answers on exact values.

FICTIONAL TEST DATA: the tables under tests/fixtures/import/ are made up (not UKCES figures);
their cells are the values of tests/fixtures/fictional_full/facts.csv, so each figure a reply
asserts can be checked against the cell it was imported from.
"""

from __future__ import annotations

import pytest

from bot.cli import main
from bot.settings import dataset
from tests.import_support import IMPORT, ask, fictional_values

VALUES = fictional_values()
LEP_COUNT = 39


@pytest.fixture(scope="module")
def full_tables(tmp_path_factory):
    """A user imports both EPS tables (rows and transposed) and the youth unemployment CSV."""
    data = tmp_path_factory.mktemp("lepbot-data")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("LEPBOT_DATA", str(data))
        for argv in (
            ["data", "import", IMPORT / "eps_rows.xlsx"],
            ["data", "import", IMPORT / "eps_columns.xlsx"],
            ["data", "import", IMPORT / "youth_unemployment.csv", "--indicator",
             "youth_unemployment", "--skip-unmatched", "--period", "Nov 2014"],
        ):  # fmt: skip
            assert main([str(a) for a in argv]) == 0
        yield data


@pytest.fixture(autouse=True)
def _answer_from_the_imports(full_tables, monkeypatch):
    """The shared autouse fixture gives each test an empty data dir; these tests read the imports."""
    monkeypatch.setenv("LEPBOT_DATA", str(full_tables))


def lep_figures(reply: dict, indicator: str) -> dict[str, float]:
    return {
        f["area"]: f["value"]
        for f in reply["figures"]
        if f["indicator"] == indicator and f["area"] != "England"
    }


def test_top_5_for_work_inspiration_is_the_real_ranking(full_tables, capsys):
    reply = ask(capsys, "top 5 for work inspiration")
    assert reply["intent"] == "rank"
    figures = lep_figures(reply, "work_inspiration")
    expected = sorted(
        ((a, v) for (a, i), v in VALUES.items() if i == "work_inspiration" and a != "England"),
        key=lambda av: -av[1],
    )[:5]
    assert list(figures.items()) == expected
    assert "Top 5 LEPs for work inspiration" in reply["text"].splitlines()[0]
    assert "Only 2 of the 39" not in reply["text"]
    assert any(s.endswith("eps-columns") for s in reply["sources"])


@pytest.mark.parametrize("indicator", ["work_placements", "work_inspiration"])
def test_all_39_leps_answer_with_the_imported_cells(full_tables, capsys, indicator):
    words = indicator.replace("_", " ")
    reply = ask(capsys, f"top 39 for {words}")
    figures = lep_figures(reply, indicator)
    assert len(figures) == LEP_COUNT
    for area, value in figures.items():
        assert value == VALUES[(area, indicator)], area
    england = [f for f in reply["figures"] if f["area"] == "England"]
    assert england == [
        {"area": "England", "indicator": indicator, "value": VALUES[("England", indicator)]}
    ]


def test_relationship_gives_r_and_n_across_all_39(full_tables, capsys):
    reply = ask(capsys, "is work inspiration related to youth unemployment?")
    assert reply["intent"] == "relationship"
    assert "r = -0.74, n = 39" in reply["text"]


def test_outliers_name_liverpool_city_region(full_tables, capsys):
    reply = ask(capsys, "which areas buck the trend on work inspiration?")
    assert reply["intent"] == "outliers"
    headline = reply["text"].splitlines()[0]
    assert "Liverpool City Region" in headline
    assert "Tees Valley" in headline


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [("22%", "correct"), ("22.4%", "rounding"), ("30%", "incorrect")],
)
def test_factcheck_checks_against_the_imported_value(full_tables, capsys, claim, verdict):
    reply = ask(capsys, f"check: {claim} of Liverpool employers offer work inspiration")
    assert reply["verdict"] == verdict
    assert {
        "area": "Liverpool City Region",
        "indicator": "work_inspiration",
        "value": 22.0,
    } in reply["figures"]


def test_disputed_figure_still_disputed_and_the_real_one_given(full_tables, capsys):
    reply = ask(capsys, "check: 42% of Liverpool employers offer work inspiration")
    assert reply["verdict"] == "disputed"
    assert "as 11–25%" in reply["text"]  # the commentary's own range, not the imported one
    assert {
        "area": "Liverpool City Region",
        "indicator": "work_inspiration",
        "value": 22.0,
    } in reply["figures"]


def test_imported_value_supersedes_shipped_value_band_and_relation(full_tables, capsys):
    ds = dataset()
    humber = ds.evidence("Humber", "work_placements")  # shipped: value 29 (lowest)
    dorset = ds.evidence("Dorset", "work_placements")  # shipped: a band
    cumbria = ds.evidence("Cumbria", "work_placements")  # shipped: named low
    assert (humber.kind, humber.fact.value, humber.fact.layer) == ("value", 26.0, "002-eps-columns")
    assert (dorset.kind, dorset.fact.value) == ("value", 41.9)
    assert (cumbria.kind, cumbria.fact.value) == ("value", 38.4)
    reply = ask(capsys, "how does Humber compare on placements?")
    assert {"area": "Humber", "indicator": "work_placements", "value": 26.0} in reply["figures"]
    assert "39th of the 39 LEPs" in reply["text"]


def test_a_cell_suppressed_in_one_table_comes_from_the_other(full_tables, capsys):
    # Worcestershire work inspiration is '*' in eps_rows.xlsx but present in eps_columns.xlsx;
    # Cumbria's is '..' in eps_columns.xlsx but present in eps_rows.xlsx.
    for area in ("Worcestershire", "Cumbria"):
        reply = ask(capsys, f"{area} work inspiration")
        value = VALUES[(area, "work_inspiration")]
        assert {"area": area, "indicator": "work_inspiration", "value": value} in reply["figures"]


def test_value_says_when_a_gap_from_england_is_not_significant(full_tables, capsys):
    dorset = ask(capsys, "how does Dorset compare on placements?")
    assert "not statistically significant at 95%" in dorset["text"]
    humber = ask(capsys, "how does Humber compare on placements?")
    assert "is statistically significant at 95%" in humber["text"]


def test_compare_says_when_two_leps_do_not_differ_significantly(full_tables, capsys):
    close = ask(capsys, "compare Dorset and Solent on work placements")
    assert close["intent"] == "compare"
    assert "not statistically significant at 95%" in close["text"]
    apart = ask(capsys, "compare London and Humber on work placements")
    assert "is statistically significant at 95%" in apart["text"]


def test_where_do_these_numbers_come_from_names_the_imports_and_the_test(full_tables, capsys):
    reply = ask(capsys, "where do these numbers come from?")
    assert "001-eps-rows" in reply["text"]
    assert "two-proportion z-test" in reply["text"]
