"""The files people download, imported as a user would: NOMIS (Excel, CSV, API), ONS's GVA for
LEPs workbook, and tables from a later LEP geography — each in one `lepbot data import`.

FICTIONAL TEST DATA: tests/fixtures/sources/ is made up (not ONS or NOMIS figures), laid out as
the real products lay out their downloads (see its README). Every imported figure is checked
against the cell it names, and the slice imported holds fictional_full's values.
"""

from __future__ import annotations

import pytest

from tests.import_support import (
    SOURCES,
    ask,
    cell_value,
    fictional_values,
    layer_facts,
    lepbot,
    refused,
)

VALUES = fictional_values()


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    directory = tmp_path / "lepbot-data"
    monkeypatch.setenv("LEPBOT_DATA", str(directory))
    return directory


def imported(capsys, data_dir, *argv) -> list[dict[str, str]]:
    """An import that must succeed; the facts it wrote, each equal to the cell it names."""
    code, _, err = lepbot(capsys, "data", "import", *argv)
    assert code == 0, err
    facts = layer_facts(data_dir)
    for fact in facts:
        assert float(fact["value"]) == cell_value(fact["note"]), fact
    return facts


def by_area(facts: list[dict[str, str]], indicator: str) -> dict[str, float]:
    return {f["area"]: float(f["value"]) for f in facts if f["indicator"] == indicator}


def ranked(capsys, question: str, indicator: str) -> dict[str, float]:
    reply = ask(capsys, question)
    assert reply["intent"] == "rank" and reply["indicators"] == [indicator], reply["text"]
    return {f["area"]: f["value"] for f in reply["figures"] if f["area"] != "England"}


def top(values: dict[str, float], n: int) -> dict[str, float]:
    """The n highest LEPs, and any tied with the nth (a ranking keeps a tie at its cut-off)."""
    leps = sorted(
        ((a, v) for a, v in values.items() if a not in ("England", "UK")), key=lambda av: -av[1]
    )
    return {a: v for a, v in leps if v >= leps[n - 1][1]}


# --- NOMIS query download, Excel: stacked blocks, one per date ---------------------------------

APS = SOURCES / "nomis_aps.xlsx"


def test_nomis_excel_without_a_period_lists_the_dates_and_writes_nothing(data_dir, capsys):
    message = refused(capsys, data_dir, APS, "--dry-run")
    assert "nomis_aps.xlsx, sheet 'Data': 3 tables stacked down the sheet" in message
    assert (
        "period, in the 'date' line above each table, rows 4, 66 and 128: "
        "'Jan 2013-Dec 2013', 'Apr 2013-Mar 2014', 'Jul 2013-Jun 2014'"
    ) in message
    assert '--period "Jul 2013-Jun 2014"' in message


def test_nomis_excel_dry_run_reads_the_block_asked_for(data_dir, capsys):
    code, out, _ = lepbot(
        capsys, "data", "import", APS, "--period", "jul 2013 - jun 2014", "--dry-run"
    )
    assert code == 0
    assert "LEP names down column A, measure names in rows 8, 70 and 132" in out
    assert "column B 'Unemployment rate - aged 16-64' -> unemployment_rate (by synonym)" in out
    assert "column E 'Employment rate - aged 16-64' -> employment_rate (by synonym)" in out
    assert (
        "column D 'Unemployment rate - aged 16-64 conf' -> not imported: a confidence interval"
        in out
    )
    assert "lines of other geography types left out: 6 ladu in each of the 3 tables" in out
    assert "Cumbria employment_rate '*' (row 144, column E)" in out
    assert "unemployment_rate: Jul 2013-Jun 2014 — from the file" in out
    assert "ladu:" not in out  # districts (Cornwall and York among them) are never LEP lines
    assert "becomes import 001-nomis-aps: 79 figures for 40 areas" in out
    assert not data_dir.exists()


def test_nomis_excel_imports_the_figures_of_its_cells(data_dir, capsys):
    facts = imported(capsys, data_dir, APS, "--period", "Jul 2013-Jun 2014")
    unemployment = by_area(facts, "unemployment_rate")
    assert len(unemployment) == 40 and unemployment["England"] == 7.1
    for area, value in unemployment.items():
        if area != "England":
            assert value == VALUES[(area, "unemployment_rate")], area
    assert {f["period"] for f in facts} == {"Jul 2013-Jun 2014"}
    assert len(by_area(facts, "employment_rate")) == 39  # Cumbria's is '*'
    assert ranked(capsys, "top 5 for unemployment rate", "unemployment_rate") == top(
        unemployment, 5
    )
    check = ask(
        capsys, f"check: unemployment in Humber is {VALUES[('Humber', 'unemployment_rate')]}%"
    )
    assert check["verdict"] == "correct"
    assert any(s.endswith("nomis-aps") for s in check["sources"])


def test_nomis_excel_period_not_in_the_file_names_those_that_are(data_dir, capsys):
    message = refused(capsys, data_dir, APS, "--period", "2015")
    assert "--period '2015' is not a period of this table" in message
    assert "'Jan 2013-Dec 2013', 'Apr 2013-Mar 2014', 'Jul 2013-Jun 2014'" in message


# --- NOMIS query download, CSV: preamble lines, several blocks ---------------------------------

CLAIMANTS = SOURCES / "nomis_claimants.csv"


def test_nomis_csv_names_each_dimension_still_to_choose(data_dir, capsys):
    message = refused(capsys, data_dir, CLAIMANTS, "--indicator", "youth_unemployment")
    assert "'October 2014', 'November 2014'" in message
    assert (
        "age, in the 'age' line above each table, rows 4, 54 and 104: 'Aged 16-24', 'Aged 25-49'"
        in message
    )
    message = refused(
        capsys,
        data_dir,
        CLAIMANTS,
        "--period",
        "November 2014",
        "--indicator",
        "youth_unemployment",
    )
    assert "period" not in message.split("differ by:")[1]
    assert '--where age="Aged 16-24"' in message


def test_nomis_csv_imports_in_one_command_and_ranks(data_dir, capsys):
    argv = ("--period", "November 2014", "--where", "age=Aged 16-24")
    code, out, _ = lepbot(
        capsys, "data", "import", CLAIMANTS, *argv, "--indicator", "youth_unemployment", "--dry-run"
    )
    assert code == 0
    assert (
        "3 tables stacked down the sheet (headed at rows 7, 57 and 107); the slice age = Aged 16-24"
        in out
    )
    assert "column B 'mnemonic' holds text, not figures: left out" in out
    facts = imported(
        capsys, data_dir, CLAIMANTS,
        "--period", "November 2014", "--where", "age=Aged 16-24", "--indicator", "youth_unemployment",
    )  # fmt: skip
    counts = by_area(facts, "youth_unemployment")
    assert len(counts) == 39
    assert {f["period"] for f in facts} == {"November 2014"}
    assert ranked(capsys, "top 5 for youth unemployment", "youth_unemployment") == top(counts, 5)


# --- NOMIS API CSV: long, one row per observation ------------------------------------------------

API = SOURCES / "nomis_api_claimants.csv"
SLICE = (
    "--period",
    "November 2014",
    "--where",
    "C_AGE_NAME=Aged 16-24",
    "--where",
    "MEASURES_NAME=Value",
)


def test_nomis_api_without_a_full_slice_names_each_varying_column(data_dir, capsys):
    message = refused(capsys, data_dir, API, "--indicator", "youth_unemployment", "--dry-run")
    assert "a NOMIS API table, one row per observation" in message
    assert (
        "period (or DATE, DATE_CODE), in column B, DATE_NAME: 'October 2014', 'November 2014'"
        in message
    )
    assert "C_AGE_NAME (or C_AGE), in column I: 'Aged 16-24', 'Aged 25-49'" in message
    assert "MEASURES_NAME (or MEASURES), in column K: 'Value', 'Percent'" in message
    message = refused(
        capsys, data_dir, API, "--indicator", "youth_unemployment", "--period", "November 2014",
        "--where", "C_AGE_NAME=Aged 16-24",
    )  # fmt: skip
    assert "C_AGE_NAME" not in message and "MEASURES_NAME (or MEASURES)" in message


def test_nomis_api_where_names_the_columns_and_values_there_are(data_dir, capsys):
    message = refused(
        capsys, data_dir, API, "--indicator", "youth_unemployment", "--where", "AGE=16-24"
    )
    assert "--where AGE=…: no column or line named 'AGE'" in message
    assert "C_AGE_NAME (column I)" in message
    message = refused(
        capsys, data_dir, API, "--indicator", "youth_unemployment", "--where", "C_AGE_NAME=16-24"
    )
    assert "its values are 'Aged 16-24', 'Aged 25-49'" in message
    message = refused(capsys, data_dir, API, "--where", "C_AGE_NAME")
    assert "--where 'C_AGE_NAME': write COLUMN=VALUE" in message


def test_nomis_api_imports_one_slice_with_england_and_no_districts(data_dir, capsys):
    code, out, err = lepbot(
        capsys, "data", "import", API, "--indicator", "youth_unemployment", *SLICE
    )
    assert code == 0, err
    assert "The Marches youth_unemployment 'These figures are missing.' (row 302, column L)" in out
    assert "16 rows of local authorities: district / unitary (as of April 2015)" in out
    facts = layer_facts(data_dir)
    for fact in facts:
        assert float(fact["value"]) == cell_value(fact["note"]), fact
    counts = by_area(facts, "youth_unemployment")
    assert len(counts) == 39 and "England" in counts and "The Marches" not in counts
    assert ranked(capsys, "top 5 for youth unemployment", "youth_unemployment") == top(counts, 5)


def test_nomis_api_slice_can_come_from_a_mapping_file(data_dir, capsys):
    facts = imported(capsys, data_dir, API, "--map", SOURCES / "nomis_api_slice.yaml")
    assert len(by_area(facts, "youth_unemployment")) == 39
    assert {f["period"] for f in facts} == {"November 2014"}


# --- ONS GVA for LEPs: a workbook of sheets, years across ------------------------------------

ONS = SOURCES / "ons_gva_leps.xlsx"


def test_ons_workbook_without_a_period_lists_its_sheets_and_what_each_needs(data_dir, capsys):
    message = refused(capsys, data_dir, ONS)
    assert "ons_gva_leps.xlsx: no sheet can be imported as asked" in message
    assert "- sheet 'Table 2': its figures are for several periods" in message
    assert "'1997', '1998', '1999', '2000', …, '2010', '2011', '2012' (16 in all)" in message
    assert "Industry, in column B: 'All industries'" in message


def test_ons_period_picks_the_year_column_and_the_sheets_that_fit(data_dir, capsys):
    code, out, err = lepbot(capsys, "data", "import", ONS, "--period", "2012")
    assert code == 0, err
    assert "Imported ons_gva_leps.xlsx, sheet 'Table 2' as 001-ons-gva-leps: 41 figures" in out
    assert "Sheet 'Table 1' not imported: no column of figures was recognised" in out
    assert "the units ('£ million') do not fit gva_per_head" in out
    assert "Sheet 'Table 3' not imported: each area has several figures per measure" in out
    assert "Other sheets, with no LEP table: 'Contents'." in out
    facts = layer_facts(data_dir)
    for fact in facts:
        assert float(fact["value"]) == cell_value(fact["note"]), fact
        assert fact["note"].endswith("column Q") and fact["period"] == "2012"  # '2012 (3)'
    gva = by_area(facts, "gva_per_head")
    assert gva["Cumbria"] == VALUES[("Cumbria", "gva_per_head")]  # written 'Cumbria (1)'
    assert (gva["England"], len(gva)) == (24812.0, 41)
    assert ranked(capsys, "top 3 for gva per head", "gva_per_head") == top(gva, 3)
    value = int(VALUES[("Cumbria", "gva_per_head")])
    assert ask(capsys, f"check: Cumbria's GVA per head is £{value:,}")["verdict"] == "correct"


def test_ons_industry_sheet_imports_one_industry_with_a_mapping(data_dir, tmp_path, capsys):
    mapping = tmp_path / "industry.yaml"
    mapping.write_text(
        "sheet: Table 3\nwhere: {Industry: Manufacturing}\nperiod: '2011'\ncolumns:\n"
        "  Gross value added (income approach) by industry at current basic prices:\n"
        "    indicator: manufacturing_gva_millions\n"
        "    new_indicator: {label: GVA from manufacturing, unit: £ million, format: number,\n"
        "                    synonyms: [manufacturing gva in pounds]}\n",
        encoding="utf-8",
    )
    facts = imported(capsys, data_dir, ONS, "--map", mapping)
    assert len(by_area(facts, "manufacturing_gva_millions")) == 41
    assert {f["period"] for f in facts} == {"2011"}


# --- Later LEP geographies ------------------------------------------------------------------


def test_a_later_geography_type_is_flagged_and_never_matched_by_name(data_dir, capsys):
    message = refused(capsys, data_dir, SOURCES / "nomis_lep2021.csv", "--dry-run")
    assert message.count("DIFFERENT BOUNDARY") == 38
    assert (
        "38 lines from a later LEP geography, a different boundary from the 39 LEPs of 2014"
        in message
    )
    assert (
        "geography 'local enterprise partnerships as of April 2021' is not the 2014 LEPs" in message
    )
    assert "row 23: 'Hull and East Yorkshire' (nearest 2014 LEP: Humber)" in message


def test_a_mapping_file_says_which_later_areas_are_the_same(data_dir, capsys):
    facts = imported(
        capsys, data_dir, SOURCES / "nomis_lep2021.csv",
        "--map", SOURCES / "lep2021_mapping.yaml", "--skip-unmatched",
    )  # fmt: skip
    assert set(by_area(facts, "unemployment_rate")) == {"London", "Tees Valley"}


def test_later_names_in_a_2014_table_are_not_taken_for_2014_leps(data_dir, capsys):
    table = SOURCES / "leps_2021_names.csv"
    message = refused(capsys, data_dir, table)
    assert "row 19: 'Hull and East Yorkshire' (nearest 2014 LEP: Humber)" in message
    assert "row 26: 'North East' (nearest 2014 LEP: North Eastern)" in message
    facts = imported(capsys, data_dir, table, "--skip-unmatched")
    rates = by_area(facts, "unemployment_rate")
    assert len(rates) == 37 and "Humber" not in rates and "North Eastern" not in rates


# --- Several sheets: one import, all or nothing ------------------------------------------------


def two_sheets(tmp_path, second_lep: str):
    import openpyxl

    book = openpyxl.Workbook()
    first = book.active
    first.title = "Placements"
    first.append(["LEP", "Work placements (%)"])
    first.append(["Dorset", 41.9])
    first.append(["Humber", 26])
    second = book.create_sheet("Inspiration")
    second.append(["LEP", "Work inspiration (%)"])
    second.append(["Dorset", 13.5])
    second.append([second_lep, 15.7])
    path = tmp_path / "two_sheets.xlsx"
    book.save(path)
    return path


def test_every_sheet_with_a_lep_table_goes_into_one_import(data_dir, tmp_path, capsys):
    code, out, err = lepbot(capsys, "data", "import", two_sheets(tmp_path, "Humber"))
    assert code == 0, err
    assert "Imported two_sheets.xlsx, sheets 'Placements', 'Inspiration' as 001-two-sheets" in out
    assert {(f["area"], f["indicator"]) for f in layer_facts(data_dir)} == {
        ("Dorset", "work_placements"), ("Humber", "work_placements"),
        ("Dorset", "work_inspiration"), ("Humber", "work_inspiration"),
    }  # fmt: skip


def test_a_problem_on_one_sheet_stops_the_whole_workbook(data_dir, tmp_path, capsys):
    book = two_sheets(tmp_path, "Narnia LEP")
    message = refused(capsys, data_dir, book)
    assert "two_sheets.xlsx, sheet 'Inspiration': 1 name not matched to a LEP" in message
    message = refused(capsys, data_dir, book, "--indicator", "work_placements")
    assert "--indicator names one measure, but 2 sheets hold LEP tables" in message
