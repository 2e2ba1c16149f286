"""Bad files get a clear error naming the file (and sheet, row, column) and leave the data intact.

FICTIONAL TEST DATA: the fixtures are made up (not UKCES figures). The 50 MB file and the zip
bomb are made at test time in tmp_path, never committed.
"""

from __future__ import annotations

import zipfile

import pytest

from tests.import_support import IMPORT, lepbot, refused, snapshot


@pytest.fixture
def loaded(tmp_path, monkeypatch, capsys):
    """A user data directory that already holds one good import."""
    directory = tmp_path / "lepbot-data"
    monkeypatch.setenv("LEPBOT_DATA", str(directory))
    code, _, err = lepbot(capsys, "data", "import", IMPORT / "eps_rows.xlsx")
    assert code == 0, err
    return directory


def test_an_empty_file(loaded, capsys):
    err = refused(capsys, loaded, IMPORT / "empty.csv")
    assert "empty.csv: the file is empty (0 bytes)" in err


def test_prose_that_is_not_a_table(loaded, capsys):
    err = refused(capsys, loaded, IMPORT / "not_a_table.csv")
    assert "not_a_table.csv: found no LEP names, so this is not a LEP table" in err


def test_a_pdf_renamed_xlsx(loaded, capsys):
    err = refused(capsys, loaded, IMPORT / "renamed_pdf.xlsx")
    assert "renamed_pdf.xlsx: this is a PDF" in err


def test_formula_cells_are_refused_by_address(loaded, capsys):
    err = refused(capsys, loaded, IMPORT / "formula_injection.csv")
    assert "formula_injection.csv, row 4, column B: '=1+1'" in err
    assert "formula_injection.csv, row 5, column A: '=HYPERLINK(" in err
    assert "HYPERLINK" not in "".join(v.decode() for v in snapshot(loaded).values())


def test_a_percentage_over_100_is_refused_with_its_cell(loaded, capsys):
    err = refused(capsys, loaded, IMPORT / "percent_out_of_range.csv")
    assert "percent_out_of_range.csv, row 30, column B: '180%' (Solent) is outside 0–100" in err


def test_a_50_mb_sheet_is_refused_by_size_before_it_is_read(loaded, tmp_path, capsys):
    huge = tmp_path / "huge.csv"
    line = b"Black Country,35.3," + b"9" * 80 + b"\n"
    with huge.open("wb") as handle:
        handle.write(b"LEP,Work placements (%),Padding\n")
        chunk = line * 10_000
        while handle.tell() < 50 * 1024 * 1024:
            handle.write(chunk)
        handle.truncate(50 * 1024 * 1024)
    err = refused(capsys, loaded, huge)
    assert "huge.csv: the file is 50 MB; the limit is 20 MB" in err


def test_too_many_rows_is_refused_before_parsing(loaded, tmp_path, capsys):
    long = tmp_path / "long.csv"
    long.write_text("LEP,Work placements (%)\n" + "Dorset,40\n" * 12_000, encoding="utf-8")
    err = refused(capsys, loaded, long)
    assert "long.csv: more than 10,000 rows" in err


def test_a_zip_bomb_named_xlsx(loaded, tmp_path, capsys):
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (8 * 1024 * 1024))
    err = refused(capsys, loaded, bomb)
    assert "bomb.xlsx: 'xl/worksheets/sheet1.xml' inside the workbook is compressed" in err


def test_a_word_document_renamed_xlsx(loaded, tmp_path, capsys):
    doc = tmp_path / "letter.xlsx"
    with zipfile.ZipFile(doc, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    assert "letter.xlsx: a Word document, not an XLSX workbook" in refused(capsys, loaded, doc)


def test_words_in_a_column_of_figures_name_the_cell(loaded, tmp_path, capsys):
    table = tmp_path / "typo.csv"
    table.write_text(
        "LEP,Work placements (%)\nDorset,41.9\nSolent,4O\nHumber,26\n", encoding="utf-8"
    )
    err = refused(capsys, loaded, table)
    assert "typo.csv, row 3, column B: '4O' is not a number" in err


def test_a_sheet_that_does_not_exist_lists_the_sheets(loaded, capsys):
    err = refused(capsys, loaded, IMPORT / "eps_rows.xlsx", "--sheet", "Table 9")
    assert "no sheet named 'Table 9'; its sheets are 'LEP key findings', 'Notes'" in err


def test_a_sheet_without_a_table_names_the_sheet(loaded, capsys):
    err = refused(capsys, loaded, IMPORT / "eps_rows.xlsx", "--sheet", "Notes")
    assert "eps_rows.xlsx, sheet 'Notes': found no LEP names" in err


def test_an_unknown_indicator(loaded, capsys):
    err = refused(capsys, loaded, IMPORT / "gva_rows.csv", "--indicator", "gdp")
    assert "--indicator gdp: no such indicator" in err


def test_a_missing_file(loaded, tmp_path, capsys):
    err = refused(capsys, loaded, tmp_path / "nowhere.csv")
    assert "nowhere.csv: no such file" in err


def test_a_new_indicator_reusing_a_known_phrase(loaded, tmp_path, capsys):
    mapping = tmp_path / "clash.yaml"
    mapping.write_text(
        'columns:\n  "Apprenticeships offered (%)":\n    indicator: apprenticeships_offered\n'
        "    new_indicator: {label: Apprenticeships, synonyms: [placements]}\n",
        encoding="utf-8",
    )
    err = refused(capsys, loaded, IMPORT / "custom_indicator.csv", "--map", mapping)
    assert "'placements' already means work placements" in err


def test_a_sheet_formatted_far_beyond_its_table_still_reads(loaded, tmp_path, capsys):
    import openpyxl
    from openpyxl.styles import Font

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["LEP", "Work placements (%)"])
    sheet.append(["Dorset", 41.9])
    sheet.cell(row=1, column=2000).font = Font(bold=True)  # styled, empty
    sheet.cell(row=3000, column=1).font = Font(bold=True)
    path = tmp_path / "formatted.xlsx"
    book.save(path)
    code, out, err = lepbot(capsys, "data", "import", path, "--dry-run")
    assert code == 0, err
    assert "Dorset" in out
