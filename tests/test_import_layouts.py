"""The pieces that read real layouts, through pure functions (no files): NOMIS area labels and
footnote markers, periods, merged headings, a long table's slice.

FICTIONAL TEST DATA: the small tables below are made up (not ONS or NOMIS figures).
"""

from __future__ import annotations

import pytest

from bot.importing import ImportRefused, NeedsSlice, PassedOver
from bot.importing.batch import plan_grid
from bot.importing.headings import Heading, read_headings
from bot.importing.labels import AreaLabel, read_area_label, without_markers
from bot.importing.periods import is_period, same_period
from bot.importing.plan import Options
from bot.importing.read import Grid, Span
from intents.reading.lexicon import lexicon_for


@pytest.fixture(scope="module")
def shipped():
    from intents.dataset.loader import load_dataset

    ds = load_dataset()
    return ds, lexicon_for(ds)


def grid(*rows: str, spans: tuple[Span, ...] = ()) -> Grid:
    cells = [[c.strip() for c in r.split("|")] for r in rows]
    width = max(len(r) for r in cells)
    return Grid("t.xlsx", "Data", tuple(tuple(r + [""] * (width - len(r))) for r in cells), spans)


def values(plan) -> dict[tuple[str, str], float]:
    return {(f.area, f.indicator): f.value for f in plan.facts}


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("lep:Humber", AreaLabel("Humber", "lep")),
        ("ladu:Barnsley", AreaLabel("Barnsley", "ladu")),
        ("country:England", AreaLabel("England", "country")),
        ("Cumbria (1)", AreaLabel("Cumbria", "")),
        ("Northamptonshire [note 2]", AreaLabel("Northamptonshire", "")),
        ("Source: ONS", AreaLabel("Source: ONS", "")),
    ],
)
def test_area_labels_lose_type_prefixes_and_footnote_markers(text, label):
    assert read_area_label(text) == label


def test_footnote_markers_leave_units_alone():
    assert without_markers("2012 (3)") == "2012"
    assert without_markers("GVA per head (£) (2)") == "GVA per head (£)"
    assert without_markers("Work placements (%)") == "Work placements (%)"


@pytest.mark.parametrize(
    "text", ["2012", "2012 (3)", "2011/12", "Nov 2014", "November 2014", "Jul 2013-Jun 2014",
             "2014 Q1", "12 months to Sep 2014"],
)  # fmt: skip
def test_periods(text):
    assert is_period(text)


@pytest.mark.parametrize("text", ["Work placements", "E37000001", "Aged 16-24", "45", "Humber"])
def test_not_periods(text):
    assert not is_period(text)


def test_period_asked_loosely_finds_the_one_written():
    assert same_period("jul 2013 - jun 2014", "Jul 2013–Jun 2014")
    assert same_period("2012", "2012 (3)")
    assert not same_period("2013", "Jul 2013-Jun 2014")


def test_a_merged_heading_covers_exactly_its_columns():
    rows = (
        ("Area", "Unemployment rate", "", "", "Employment rate", "", "", ""),
        ("", "number", "Flags", "conf", "number", "Flags", "conf", "Notes"),
    )
    spans = (Span(0, 1, 0, 3), Span(0, 4, 0, 6))
    assert read_headings(rows, 1, 0, spans)[1:] == [
        Heading("Unemployment rate"),
        Heading("Unemployment rate Flags", "flags"),
        Heading("Unemployment rate conf", "confidence"),
        Heading("Employment rate"),
        Heading("Employment rate Flags", "flags"),
        Heading("Employment rate conf", "confidence"),
        Heading("Notes"),
    ]


def test_nomis_excel_block_reads_leps_and_england_but_not_districts(shipped):
    g = grid(
        "annual population survey",
        "ONS Crown Copyright Reserved [from Nomis on 1 January 2026]",
        "",
        "date | Jul 2013-Jun 2014",
        "",
        "Area | Unemployment rate - aged 16-64 | | ",
        " | number | Flags | conf",
        "ladu:Cornwall | 5.1 | | 1.9",
        "country:Wales | 6.8 | | 0.9",
        "country:England | 7.1 | | 0.2",
        "lep:Dorset | 9.7 | | 1.1",
        "lep:Humber | ! | | !",
        "",
        "! Estimate is not available since sample size is disclosive",
        "- Sample size too small for reliable estimate",
        spans=(Span(5, 1, 5, 3),),
    )
    ds, lexicon = shipped
    plan = plan_grid(g, ds, lexicon, Options())
    assert values(plan) == {
        ("England", "unemployment_rate"): 7.1,
        ("Dorset", "unemployment_rate"): 9.7,
    }
    assert [m.text for m in plan.missing] == ["!"]
    assert plan.periods == (("unemployment_rate", "Jul 2013-Jun 2014", plan.periods[0][2]),)
    assert "lines of other geography types left out: 1 ladu, 1 country" in plan.notes


def test_years_across_take_the_measure_from_the_title(shipped):
    g = grid(
        "Table 2: Gross value added (income approach) per head at current basic prices (1)",
        "£",
        "",
        "LEP | 2011 | 2012 (3)",
        "United Kingdom | 22000 | 23581",
        "England | 23900 | 24812",
        "Cumbria (1) | 26500 | 27121",
        "",
        "(1) Made up for lepbot's tests.",
    )
    ds, lexicon = shipped
    with pytest.raises(NeedsSlice, match=r"'2011', '2012'"):
        plan_grid(g, ds, lexicon, Options())
    plan = plan_grid(g, ds, lexicon, Options(period="2012"))
    assert values(plan) == {
        ("UK", "gva_per_head"): 23581.0,
        ("England", "gva_per_head"): 24812.0,
        ("Cumbria", "gva_per_head"): 27121.0,
    }
    assert plan.facts[0].period == "2012" and plan.facts[0].where.endswith("row 5, column C")


def test_a_title_in_pounds_million_is_not_gva_per_head(shipped):
    g = grid(
        "Table 1: Gross value added (income approach) at current basic prices",
        "£ million",
        "LEP | 2012",
        "Cumbria | 13500",
        "Dorset | 17600",
    )
    ds, lexicon = shipped
    with pytest.raises(PassedOver, match=r"the units \('£ million'\) do not fit gva_per_head"):
        plan_grid(g, ds, lexicon, Options())


def test_a_long_table_is_sliced_by_its_columns(shipped):
    g = grid(
        "LEP | Year | Indicator | Value",
        "Dorset | 2014 | Work placements | 41.9",
        "Dorset | 2014 | Work inspiration | 13.5",
        "Dorset | 2012 | Work placements | 39.0",
        "Humber | 2014 | Work placements | 26",
        "Humber | 2014 | Work inspiration | 15.7",
        "Humber | 2012 | Work placements | 27.5",
    )
    ds, lexicon = shipped
    with pytest.raises(NeedsSlice) as refused:
        plan_grid(g, ds, lexicon, Options(indicator="work_placements"))
    assert "period, in column B 'Year': '2014', '2012'" in str(refused.value)
    assert "Indicator, in column C: 'Work placements', 'Work inspiration'" in str(refused.value)
    plan = plan_grid(
        g, ds, lexicon,
        Options(indicator="work_placements", period="2014", where=(("indicator", "work placements"),)),
    )  # fmt: skip
    assert values(plan) == {
        ("Dorset", "work_placements"): 41.9,
        ("Humber", "work_placements"): 26.0,
    }


def test_a_formula_in_a_later_block_is_refused_by_address(shipped):
    g = grid(
        "date | Jan 2013-Dec 2013",
        "Area | Unemployment rate",
        "lep:Dorset | 9.7",
        "Notes: one",
        "Notes: two",
        "date | Jul 2013-Jun 2014",
        "Area | Unemployment rate",
        "lep:Dorset | =1+1",
    )
    ds, lexicon = shipped
    with pytest.raises(ImportRefused, match=r"t\.xlsx, sheet 'Data', row 8, column B: '=1\+1'"):
        plan_grid(g, ds, lexicon, Options(period="Jul 2013-Jun 2014"))


def test_england_in_a_later_geography_is_still_the_benchmark(shipped):
    g = grid(
        "local enterprise partnerships as of April 2021 | mnemonic | Unemployment rate",
        "England | E92000001 | 7.1",
        "London | E37000051 | 6.4",
    )
    ds, lexicon = shipped
    plan = plan_grid(g, ds, lexicon, Options(skip_unmatched=True))
    assert values(plan) == {("England", "unemployment_rate"): 7.1}
    assert [m.label for m in plan.unmatched] == ["London"]


def test_where_can_name_the_period_column_and_a_sheet_of_names_alone_has_no_figures(shipped):
    ds, lexicon = shipped
    long = grid("LEP | Year | Value", "Dorset | 2014 | 41.9", "Dorset | 2012 | 39.0")
    plan = plan_grid(
        long, ds, lexicon, Options(indicator="work_placements", where=(("year", "2014"),))
    )
    assert values(plan) == {("Dorset", "work_placements"): 41.9}
    names = grid("LEP | District", "Dorset | Poole", "Dorset | Purbeck", "Humber | Hull")
    with pytest.raises(PassedOver, match="no column of figures beside the LEP names"):
        plan_grid(names, ds, lexicon, Options())


def test_a_title_merged_across_the_table_is_not_a_group_heading(shipped):
    g = grid(
        "Employers offering work placements by LEP (FICTIONAL) | | ",
        "LEP | Work placements (%) | Unweighted base",
        "Dorset | 41.9 | 214",
        "Humber | 26 | 300",
        spans=(Span(0, 0, 0, 2),),
    )
    ds, lexicon = shipped
    plan = plan_grid(g, ds, lexicon, Options())
    assert [c.header for c in plan.columns] == ["Work placements (%)", "Unweighted base"]
    assert values(plan)[("Humber", "work_placements")] == 26.0
