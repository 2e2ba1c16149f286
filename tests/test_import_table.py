"""The table reader on layouts as they really come, through the pure functions (no files).

FICTIONAL TEST DATA: the small tables below are made up (not UKCES figures).
"""

from __future__ import annotations

import pytest

from bot.importing import ImportRefused
from bot.importing.batch import plan_grid
from bot.importing.cells import looks_like_formula, parse_cell
from bot.importing.match import parse_mapping
from bot.importing.plan import Options
from bot.importing.read import Grid, cell_text
from intents.reading.lexicon import lexicon_for


@pytest.fixture(scope="module")
def shipped():
    from intents.dataset.loader import load_dataset

    ds = load_dataset()
    return ds, lexicon_for(ds)


def grid(*rows: str, sep: str = "|") -> Grid:
    cells = [[c.strip() for c in r.split(sep)] for r in rows]
    width = max(len(r) for r in cells)
    return Grid("t.csv", "", tuple(tuple(r + [""] * (width - len(r))) for r in cells))


def plan_for(g: Grid, shipped, **options):
    ds, lexicon = shipped
    return plan_grid(g, ds, lexicon, Options(**options))


def values(plan) -> dict[tuple[str, str], float]:
    return {(f.area, f.indicator): f.value for f in plan.facts}


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        ("29", (29.0, False, False)),
        ("29%", (29.0, True, False)),
        (" 29.0 % ", (29.0, True, False)),
        ("0.29", (0.29, False, False)),
        ("£23,456", (23456.0, False, False)),
        ("1,234.5", (1234.5, False, False)),
        ("-3.2", (-3.2, False, False)),
        ("31*", (31.0, False, True)),
        ("*", (None, False, False)),
        ("..", (None, False, False)),
        ("-", (None, False, False)),
        ("n/a", (None, False, False)),
        ("", (None, False, False)),
        ("[x]", (None, False, False)),
        ("abc", None),
        ("29 (a)", None),
        ("1,23", None),
    ],
)
def test_numbers_as_tables_write_them(text, parsed):
    assert parse_cell(text) == parsed


@pytest.mark.parametrize(
    ("text", "hostile"),
    [
        ("=1+1", True),
        ('=HYPERLINK("http://x","Humber")', True),
        ("+cmd|' /C calc'!A0", True),
        ("@SUM(A1:A3)", True),
        ("-2+3+cmd|' /C calc'!A0", True),
        ("\t=1+1", True),
        ("-3.2", False),
        ("+2.1", False),
        ("-", False),
        ("Humber", False),
        ("29%", False),
    ],
)
def test_formula_looking_cells(text, hostile):
    assert looks_like_formula(text) is hostile


def test_cells_from_a_workbook_read_as_typed():
    assert [cell_text(v) for v in (49.0, 0.375, 10032, None, float("nan"), "Dorset ")] == [
        "49", "0.375", "10032", "", "", "Dorset ",
    ]  # fmt: skip


def test_two_header_rows_with_percent_and_base_under_each_measure(shipped):
    g = grid(
        "FICTIONAL TEST DATA",
        "| Work placements | | Work inspiration |",
        "LEP | % | Base | % | Base",
        "Dorset | 41.9 | 214 | 13.5 | 215",
        "Solent | 40.0 | 513 | 14.3 | 512",
        "England | 37.5 | 10032 | 16.5 | 10031",
    )
    plan = plan_for(g, shipped)
    bases = {(f.area, f.indicator): f.base for f in plan.facts}
    assert values(plan)[("Dorset", "work_inspiration")] == 13.5
    assert bases[("Dorset", "work_placements")] == 214
    assert bases[("Dorset", "work_inspiration")] == 215
    assert bases[("England", "work_inspiration")] == 10031


def test_leps_across_the_first_row_with_fractions_and_percent_strings(shipped):
    g = grid(
        "Measure | Dorset | Solent LEP | England",
        "Work placements | 0.419 | 0.4 | 0.375",
        "Work inspiration | 13.5% | 14.3% | 16.5%",
        "Unweighted base | 214 | 513 | 10032",
    )
    plan = plan_for(g, shipped)
    assert plan.table.orientation == "columns"
    assert values(plan) == {
        ("Dorset", "work_placements"): 41.9,
        ("Solent", "work_placements"): 40.0,
        ("England", "work_placements"): 37.5,
        ("Dorset", "work_inspiration"): 13.5,
        ("Solent", "work_inspiration"): 14.3,
        ("England", "work_inspiration"): 16.5,
    }
    assert (
        next(c for c in plan.columns if c.indicator == "work_placements").note == "fractions, ×100"
    )
    assert plan.facts[0].where == "t.csv, row 2, column B"


def test_codes_regions_notes_and_a_benchmark_after_a_blank_line(shipped):
    g = grid(
        "Table 3: employers offering work placements (FICTIONAL)",
        "",
        "Code | LEP | Region | Work placements (%)",
        "E37000001 | Black Country | West Midlands | 35.3",
        " | South West |  | ",
        "E37000009 | Dorset | South West | 41.9",
        "",
        " | England |  | 37.5",
        "Source: made up. * = suppressed",
    )
    plan = plan_for(g, shipped)
    assert values(plan) == {
        ("Black Country", "work_placements"): 35.3,
        ("Dorset", "work_placements"): 41.9,
        ("England", "work_placements"): 37.5,
    }
    assert "column A 'Code' holds text, not figures: left out" in plan.notes
    assert plan.table.label_where == "column B"


def test_a_header_of_years_is_mapped_by_a_mapping_file(shipped):
    lexicon = shipped[1]
    mapping = parse_mapping(
        {"columns": {"2014": "work_placements", "2012": "ignore"}}, "m.yaml", lexicon
    )
    g = grid("LEP | 2012 | 2014", "Dorset | 39 | 41.9", "Humber | 27 | 26")
    plan = plan_for(g, shipped, mapping=mapping)
    assert values(plan) == {
        ("Dorset", "work_placements"): 41.9,
        ("Humber", "work_placements"): 26.0,
    }


def test_a_table_with_no_header_needs_an_indicator(shipped):
    g = grid("Dorset | 41.9", "Humber | 26")
    with pytest.raises(ImportRefused, match="no column of figures was recognised as a measure"):
        plan_for(g, shipped)
    plan = plan_for(g, shipped, indicator="work_placements")
    assert values(plan)[("Humber", "work_placements")] == 26.0


def test_two_columns_for_one_indicator_are_refused(shipped):
    g = grid("LEP | Work placements 2012 | Work placements 2014", "Dorset | 39 | 41.9")
    with pytest.raises(
        ImportRefused, match="more than one column would be imported as work_placements"
    ):
        plan_for(g, shipped)


def test_a_mapping_with_unknown_keys_is_refused(shipped):
    with pytest.raises(ImportRefused, match=r"m\.yaml: unknown key"):
        parse_mapping({"colums": {}}, "m.yaml", shipped[1])


def test_the_plan_says_what_each_figure_supersedes(shipped):
    g = grid("LEP | Work placements (%)", "Humber | 26", "Dorset | 41.9", "Black Country | 35.3")
    sup = {f.area: f.supersedes for f in plan_for(g, shipped).facts}
    assert sup["Humber"] == "value 29% (EPS14_GEO)"
    assert sup["Dorset"].startswith("band 37–40%")
    assert sup["Black Country"] == ""


def test_a_second_table_stacked_below_the_first_is_read_too(shipped):
    g = grid(
        "Table 1: work placements (FICTIONAL)",
        "LEP | Work placements (%)",
        "Dorset | 41.9",
        "Humber | 26",
        "* suppressed",
        "",
        "Table 2: work inspiration (FICTIONAL)",
        "LEP | Work inspiration (%)",
        "Dorset | 13.5",
        "Humber | 15.7",
    )
    plan = plan_for(g, shipped)
    assert values(plan) == {
        ("Dorset", "work_placements"): 41.9,
        ("Humber", "work_placements"): 26.0,
        ("Dorset", "work_inspiration"): 13.5,
        ("Humber", "work_inspiration"): 15.7,
    }
    assert "2 tables stacked down the sheet (headed at rows 2 and 8)" in plan.table.shape
    wi = next(f for f in plan.facts if f.indicator == "work_inspiration" and f.area == "Dorset")
    assert wi.where == "t.csv, row 9, column B"


def test_the_same_measure_stacked_twice_with_nothing_between_is_a_duplicate(shipped):
    g = grid(
        "LEP | Work placements (%)",
        "Dorset | 41.9",
        "Humber | 26",
        "Notes: made up",
        "",
        "Second copy (FICTIONAL)",
        "LEP | Work placements (%)",
        "Dorset | 40.1",
    )
    plan = plan_for(g, shipped)
    assert any(
        "Dorset appears twice: row 2 ('Dorset') and row 8 ('Dorset')" in p for p in plan.problems
    )
