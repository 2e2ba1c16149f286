"""Charts: the picture that comes with an answer, asked for the way users ask.

Each question goes through `intents.respond` for its real chart spec; the drawing is checked
through `bot.render.charts.draw` (the matplotlib Figure) and `bot.render.charts.render` (the PNG bytes).
The fictional layer stands in for the full UKCES tables (39 LEPs, every figure exact).
"""

from __future__ import annotations

import io
import json
import struct
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest
from matplotlib.colors import to_hex
from PIL import Image

from bot.cli import main
from bot.render.charts import draw, render, save
from bot.render.charts.style import ACCENT, HEIGHT_PX, WIDTH_PX
from bot.render.charts.text_layer import TextLayer
from intents import respond
from intents.dataset.loader import SHIPPED_DATA, load_dataset
from intents.replies.answer import ChartSpec

ROOT = Path(__file__).resolve().parent.parent
FULL_LAYER = ROOT / "tests" / "fixtures" / "fictional_full"


@cache
def dataset(full: bool):
    return load_dataset(SHIPPED_DATA, [FULL_LAYER] if full else [])


@cache
def chart(question: str, full: bool = False) -> ChartSpec | None:
    return respond(question, dataset(full)).answer.chart


@cache
def figure(question: str, full: bool = False):
    return draw(chart(question, full))


def drawn_bars(fig) -> dict[str, str]:
    """{'bar:Humber': '#0072b2', 'band:Dorset': ...}: every bar or band drawn, by its colour."""
    return {
        p.get_gid(): to_hex(p.get_facecolor())
        for ax in fig.axes
        for p in ax.patches
        if p.get_gid() and p.get_gid().startswith(("bar:", "band:"))
    }


def texts(fig) -> list[str]:
    layer = next(a for a in fig.artists if isinstance(a, TextLayer))
    return [label.text for label in layer.labels]


def accented_texts(fig) -> list[str]:
    layer = next(a for a in fig.artists if isinstance(a, TextLayer))
    return [label.text for label in layer.labels if label.colour == ACCENT]


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


EVERY_KIND = [
    ("how does Humber compare on placements?", False, "bars"),
    ("top 3 for placements", False, "bars"),
    ("compare London and Humber on work placements", False, "compare"),
    ("is work inspiration related to youth unemployment?", True, "scatter"),
    ("which areas buck the trend on work inspiration?", True, "scatter"),
    ("is the south better than elsewhere for placements?", False, "groups"),
    ("work inspiration by sector", False, "groups"),
    ("tell me about Humber", True, "profile"),
]


@pytest.mark.parametrize(("question", "full", "kind"), EVERY_KIND)
def test_every_chart_kind_is_an_800_by_500_png_with_alt_text(question, full, kind):
    spec = chart(question, full)
    assert spec is not None and spec.kind == kind
    assert spec.alt_text and spec.title
    assert png_size(render(spec)) == (WIDTH_PX, HEIGHT_PX)


def test_humber_is_the_one_highlighted_bar_on_its_placements_chart():
    question = "how does Humber compare on placements?"
    assert [b.label for b in chart(question).bars if b.highlight] == ["Humber"]
    bars = drawn_bars(figure(question))
    assert [gid for gid, colour in bars.items() if colour == to_hex(ACCENT)] == ["bar:Humber"]
    assert "Humber" in accented_texts(figure(question))


def test_the_title_states_the_finding():
    assert chart("how does Humber compare on placements?").title == (
        "The Humber has the lowest share of employers offering work placements (29%)"
    )
    assert chart("compare London and Humber on work placements").title == (
        "London is 17 points above the Humber on work placements"
    )


def test_top_3_draws_bars_only_for_exact_figures_and_bands_as_ranges():
    fig = figure("top 3 for placements")
    bars = drawn_bars(fig)
    assert {g for g in bars if g.startswith("bar:")} == {
        "bar:London",
        "bar:Cheshire and Warrington",
        "bar:Humber",
    }
    assert {g for g in bars if g.startswith("band:")} == {
        "band:Gloucestershire",
        "band:Liverpool City Region",
        "band:Dorset",
        "band:Thames Valley Berkshire",
        "band:West of England",
        "band:Swindon and Wiltshire",
    }
    assert "41–46%" in texts(fig)


def test_cumbria_has_only_a_relation_so_no_bar_and_a_note():
    spec = chart("top 3 for placements")
    assert not any("Cumbria" in gid for gid in drawn_bars(figure("top 3 for placements")))
    assert "Cumbria" not in [b.label for b in spec.bars]
    assert any("named low" in n and "Cumbria" in n for n in spec.notes)
    assert any("Cumbria" in line for line in texts(figure("top 3 for placements")))


def test_compare_draws_nothing_for_an_area_without_a_figure():
    question = "compare London, Cumbria and Humber"
    bars = drawn_bars(figure(question))
    assert set(bars) == {"bar:London", "bar:Humber", "bar:England"}
    assert bars["bar:England"] != to_hex(ACCENT)
    assert "No work placements figure: Cumbria (named low)" in chart(question).notes


def test_the_source_is_in_the_spec_the_png_metadata_and_the_picture():
    question = "how does Humber compare on placements?"
    spec = chart(question)
    assert spec.source.startswith("Source: UKCES, Employer Perspectives Survey 2014")
    meta = Image.open(io.BytesIO(render(spec))).text
    assert meta["Source"] == spec.source
    assert meta["Description"] == spec.alt_text
    assert meta["Title"] == spec.title
    assert meta["Software"] == "lepbot"
    assert any(line.startswith("Source: UKCES") for line in texts(figure(question)))


@pytest.mark.parametrize(
    "question",
    [
        "what is work inspiration?",
        "help",
        "which LEP is Barnsley in?",
        "is work inspiration related to youth unemployment?",  # shipped: relations only
    ],
)
def test_no_chart_when_there_is_nothing_to_draw(question):
    assert chart(question) is None


def test_with_the_full_tables_all_39_leps_get_a_bar():
    fig = figure("top 5 for placements", full=True)
    bars = drawn_bars(fig)
    assert len([g for g in bars if g.startswith("bar:")]) == 39
    highlighted = {g for g, colour in bars.items() if colour == to_hex(ACCENT)}
    assert highlighted == {
        "bar:Cheshire and Warrington",
        "bar:London",
        "bar:Thames Valley Berkshire",
        "bar:Oxfordshire",
        "bar:Hertfordshire",
    }


def test_scatter_has_the_fitted_line_r_and_n_and_labels_the_outliers():
    question = "which areas buck the trend on work inspiration?"
    spec = chart(question, full=True)
    assert "r = −0.74, n = 39" in spec.title
    assert spec.fit is not None and len(spec.points) == 39
    fig = figure(question, full=True)
    assert any(line.get_gid() == "fit" for line in fig.axes[0].lines)
    assert {"Liverpool City Region", "Tees Valley"} <= set(texts(fig))


def test_scatter_marks_england_when_both_measures_have_an_england_figure():
    spec = chart("is work inspiration related to youth unemployment in Humber?", full=True)
    assert [p.label for p in spec.points if p.highlight] == ["Humber"]
    fig = draw(replace(spec, reference_point=("England", 6.4, 16.5)))
    assert any(c.get_gid() == "reference" for c in fig.axes[0].collections)
    assert {"England", "Humber"} <= set(texts(fig))
    assert "Humber" in accented_texts(fig)


def test_profile_sets_each_measure_against_england():
    spec = chart("tell me about Humber", full=True)
    assert [b.label for b in spec.bars] == ["work placements", "work inspiration"]
    assert [p.x for p in spec.points] == [37.5, 16.5]
    labels = texts(figure("tell me about Humber", full=True))
    assert {"● Humber", "◆ England", "26%", "37.5%"} <= set(labels)


def test_save_names_the_file_by_kind_and_spec(tmp_path):
    spec = chart("top 3 for placements")
    first, again = save(spec, tmp_path), save(spec, tmp_path)
    other = save(chart("how does Humber compare on placements?"), tmp_path)
    assert first == again and first.name.startswith("bars-") and first != other
    assert png_size(first.read_bytes()) == (WIDTH_PX, HEIGHT_PX)


def test_ask_prints_the_chart_path_and_json_carries_it(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("LEPBOT_DATA", str(tmp_path / "no-imports"))
    question = "how does Humber compare on placements?"
    main(["ask", "--chart-dir", str(tmp_path), question])
    path = capsys.readouterr().out.strip().splitlines()[-1].removeprefix("Chart: ")
    assert Path(path).parent == tmp_path and Path(path).is_file()

    main(["ask", "--json", "--chart-dir", str(tmp_path), question])
    assert json.loads(capsys.readouterr().out)["chart"] == {"kind": "bars", "path": path}

    main(["ask", "--json", "--no-chart", question])
    assert json.loads(capsys.readouterr().out)["chart"] is None


def test_answering_without_a_chart_does_not_import_matplotlib(tmp_path):
    code = (
        "import sys; from bot.cli import main; main(['ask', '--no-chart', 'top 3 for placements']);"
        "sys.exit('matplotlib' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "LEPBOT_DATA": str(tmp_path)},
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode()


def test_charts_drawn_on_worker_threads_match_those_drawn_alone():
    specs = [chart(q, full) for q, full, _ in EVERY_KIND]
    alone = [render(spec) for spec in specs]
    with ThreadPoolExecutor(max_workers=4) as pool:
        together = list(pool.map(render, specs))
    assert together == alone
