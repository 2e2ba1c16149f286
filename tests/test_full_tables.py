"""With every LEP valued (the clearly fictional table in tests/fixtures), rankings, correlations,
outliers and rank sentences work on exact figures. Values here are invented, never shipped."""

from __future__ import annotations

import pytest

from bot.evaluation import figure_problem
from intents import respond


@pytest.fixture
def answer(full):
    return lambda question: respond(question, full).answer


def test_top_five_keeps_the_tie_for_first(answer):
    reply = answer("top 5 LEPs for work placements")
    assert reply.intent == "rank"
    assert reply.headline.startswith("Top 5 LEPs for work placements")
    assert [row[:2] for row in reply.table.rows[:2]] == [
        ("joint 1st", "Cheshire and Warrington"),
        ("joint 1st", "London"),
    ]
    assert len(reply.table.rows) == 5
    assert "data import" not in " ".join(reply.lines)


def test_bottom_is_the_humber(answer):
    reply = answer("lowest placements")
    assert reply.table.rows[0][1] == "Humber"


def test_threshold_counts_strictly_above(answer):
    reply = answer("which LEPs are above 45% for placements?")
    named = {row[1] for row in reply.table.rows}
    assert named == {"London", "Cheshire and Warrington", "Thames Valley Berkshire", "Oxfordshire"}
    assert "Hertfordshire" not in named  # exactly 45.0 is not above 45


def test_rank_sentence_for_one_area(answer):
    reply = answer("how does Humber compare on placements?")
    assert "39th of the 39 LEPs" in reply.headline


def test_correlation_gives_r_and_n(answer):
    reply = answer("is work inspiration related to youth unemployment?")
    assert "r = -0.74, n = 39" in reply.headline
    assert "strong negative" in reply.headline
    assert reply.chart is not None and reply.chart.kind == "scatter"


def test_outliers_are_residuals_from_the_line(answer):
    reply = answer("which areas buck the trend on work inspiration?")
    assert "Liverpool City Region" in reply.headline.split("bucks the trend most")[0]
    assert "Tees Valley" in reply.headline
    assert "residual = actual − predicted" in " ".join(reply.lines)


def test_factcheck_on_an_imported_value(answer, full):
    value = full.evidence("Dorset", "work_placements").fact.value
    reply = answer(f"check: {value:g}% of Dorset employers offer placements")
    assert reply.verdict == "correct"


def test_every_figure_is_a_cell_of_the_table(answer, full):
    for question in ("top 10 for work inspiration", "compare Dorset and Solent on placements"):
        reply = answer(question)
        assert reply.figures
        assert not [p for f in reply.figures if (p := figure_problem(f, full))]


def test_bases_make_significance_visible(answer):
    reply = answer("compare Dorset and Solent on placements")
    assert "statistically significant at 95%" in " ".join(reply.lines)


def test_a_sole_end_claimed_joint_is_wrong_once_every_lep_is_valued(full):
    reply = respond("check: Humber is joint bottom for placements", full).answer
    assert reply.verdict == "incorrect" and "alone, not jointly" in reply.headline
