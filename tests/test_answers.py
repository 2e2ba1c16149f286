"""Questions as users ask them, answered through `lepbot ask --json` on the shipped data.

Each test reads like the question a user asks and checks what they would see: the figure in the
form it was published, the benchmark, the rank, the source — and nothing that is not in data/.
"""

from __future__ import annotations

import pytest

from bot.evaluation import figure_problem
from intents.replies.answer import Figure
from tests.conftest import amounts_in, published_numbers


def figures(reply: dict) -> list[Figure]:
    return [Figure(**f) for f in reply["figures"]]


def test_humber_placements_gives_value_benchmark_rank_and_source(ask):
    (reply,) = ask("how does Humber compare on placements?")
    assert reply["intent"] == "value"
    assert reply["areas"] == ["Humber"] and reply["indicators"] == ["work_placements"]
    assert {"area": "Humber", "indicator": "work_placements", "value": 29.0} in reply["figures"]
    assert {"area": "England", "indicator": "work_placements", "value": 38.0} in reply["figures"]
    text = reply["text"]
    assert "29%" in text and "38%" in text and "lowest of the 39 LEPs" in text
    assert "9 points below England" in text
    assert "EPS14_GEO" in reply["sources"]
    assert "Read as:" in text


def test_a_band_is_said_as_a_band(ask):
    (reply,) = ask("Gloucestershire placements")
    assert reply["figures"][0] == {
        "area": "Gloucestershire",
        "indicator": "work_placements",
        "low": 41.0,
        "high": 46.0,
    }
    assert "between 41 and 46%" in reply["text"] and "band" in reply["text"]
    assert "lies above England" in reply["text"]


def test_a_relation_is_said_as_a_relation_with_no_lep_figure(ask):
    (reply,) = ask("How is Cumbria doing on work inspiration?")
    assert reply["intent"] == "value"
    assert not [f for f in reply["figures"] if f["area"] == "Cumbria"]
    assert "no published figure for Cumbria" in reply["text"]
    assert "low relative to other LEPs" in reply["text"]
    assert "run from 11% to 25%" in reply["text"]


def test_nothing_published_is_said_plainly(ask):
    (reply,) = ask("GM placements")
    assert reply["areas"] == ["Greater Manchester"]
    assert [f["area"] for f in reply["figures"]] == ["England"]
    assert "no published figure for Greater Manchester" in reply["text"]
    assert "data import" in reply["text"]


def test_the_disputed_liverpool_figure_is_never_asserted(ask):
    (reply,) = ask("Liverpool work inspiration")
    assert 42.0 not in [f.get("value") for f in reply["figures"]]
    assert "contradicts" in reply["text"]


def test_london_is_joint_highest_with_cheshire_and_warrington(ask):
    (reply,) = ask("Londn work placments")
    assert reply["areas"] == ["London"]
    assert "joint highest of the 39 LEPs, with Cheshire and Warrington" in reply["text"]
    assert "read “londn” as London" in reply["text"]


def test_compare_names_both_and_the_gap(ask):
    (reply,) = ask("compare London and Humber on work placements")
    assert reply["intent"] == "compare"
    assert reply["areas"] == ["London", "Humber"]
    assert "against 29% in the Humber — a gap of 17 points" in reply["text"]


def test_rank_ranks_only_exact_figures_and_lists_bands_apart(ask):
    (reply,) = ask("top 3 for placements")
    assert reply["intent"] == "rank"
    text = reply["text"]
    assert "Only 3 of the 39 LEPs have an exact figure for work placements in this dataset" in text
    assert "London 46% (joint highest of the 39)" in text
    assert "Published bands (not exact, so not ranked)" in text
    assert "Named low, no figure:" in text and "Cumbria" in text


def test_threshold_splits_exact_figures_from_bands(ask):
    (reply,) = ask("which LEPs are above 40% for placements?")
    assert reply["intent"] == "rank"
    assert {f["area"] for f in reply["figures"] if "value" in f and f["area"] != "England"} == {
        "London",
        "Cheshire and Warrington",
    }
    assert "whole band above" in reply["text"]


def test_polarity_decides_best(ask):
    (reply,) = ask("which LEPs are best for youth unemployment?")
    assert reply["intent"] == "rank"
    assert "lower is better" in reply["text"]


def test_profile_lists_what_is_held(ask):
    (reply,) = ask("tell me about Humber")
    assert reply["intent"] == "profile"
    assert "29%" in reply["text"] and "youth unemployment" in reply["text"]


def test_relationship_with_few_figures_gives_the_published_finding(ask):
    (reply,) = ask("is work inspiration related to youth unemployment?")
    assert reply["intent"] == "relationship"
    assert reply["indicators"] == ["work_inspiration", "youth_unemployment"]
    assert "at least 10" in reply["text"] and "Published finding" in reply["text"]
    assert "not evidence that one causes the other" in reply["text"]


def test_outliers_with_few_figures_name_the_published_exception(ask):
    (reply,) = ask("which areas buck the trend on work inspiration?")
    assert reply["intent"] == "outliers"
    assert "Liverpool City Region" in reply["text"]


def test_south_versus_elsewhere(ask):
    (reply,) = ask("is the south better than elsewhere for placements?")
    assert reply["intent"] == "groups"
    assert "40%" in reply["text"] and "35%" in reply["text"]
    assert "does not say which LEPs" in reply["text"]


def test_sector_breakdown(ask):
    (reply,) = ask("work inspiration in manufacturing vs business services")
    assert reply["intent"] == "breakdown"
    assert {f.get("breakdown") for f in reply["figures"]} >= {
        "sector: Manufacturing",
        "sector: Business Services",
    }


def test_definition_has_no_figures(ask):
    (reply,) = ask("what is work inspiration?")
    assert reply["intent"] == "define" and reply["figures"] == []
    assert "mentoring" in reply["text"]


def test_source_names_survey_period_and_base(ask):
    (reply,) = ask("where do these numbers come from?")
    assert reply["intent"] == "source"
    assert "2014" in reply["text"] and "employers" in reply["text"].lower()


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("check: 46% of London employers offer placements", "correct"),
        ("is it true that 40% of Humber employers offer work placements?", "incorrect"),
        ("fact check: 29.4% of Humber employers offered placements", "rounding"),
        ("check: 42% of Liverpool employers offer work inspiration", "disputed"),
        ("check: 43% of Gloucestershire employers offer placements", "unverifiable"),
        ("check: 30% of Gloucestershire employers offer placements", "incorrect"),
        ("is it true 60% of Cumbria employers offer placements?", "incorrect"),
        ("check: 35% of Cumbria employers offer placements", "unverifiable"),
    ],
)
def test_factcheck_verdicts(ask, question, verdict):
    (reply,) = ask(question)
    assert reply["intent"] == "factcheck"
    assert reply["verdict"] == verdict, reply["text"]


def test_incorrect_claim_gives_the_right_figure(ask):
    (reply,) = ask("is it true that 40% of Humber employers offer work placements?")
    assert "29%" in reply["text"] and "not 40%" in reply["text"]


@pytest.mark.parametrize(
    ("question", "areas"),
    [
        ("which LEP is Stockport in?", ["Greater Manchester"]),
        ("what LEP covers Barnsley?", ["Leeds City Region", "Sheffield City Region"]),
    ],
)
def test_area_lookup(ask, question, areas):
    (reply,) = ask(question)
    assert reply["intent"] == "area_lookup" and reply["areas"] == areas
    assert reply["figures"] == []


def test_ambiguous_place_is_asked_back(ask):
    (reply,) = ask("Thames Valley work inspiration")
    assert reply["intent"] == "clarify"
    assert (
        "Buckinghamshire Thames Valley" in reply["text"]
        and "Thames Valley Berkshire" in reply["text"]
    )


@pytest.mark.parametrize(
    "question",
    [
        "how does Humber compare on placements?",
        "compare London and Humber on work placements",
        "top 5 for work inspiration",
        "which LEPs are above 40% for placements?",
        "tell me about Dorset",
        "is the south better than elsewhere for placements?",
        "work inspiration by sector",
        "check: 42% of Liverpool employers offer work inspiration",
        "what share of Year 11 students had careers education?",
        "London GVA per head",
        "Tees Valley gva growth",
    ],
)
def test_every_amount_in_a_reply_is_published(ask, shipped, question):
    """No percentage or pound amount appears that data/ does not hold, other than the user's own
    claim and a stated gap between two figures the reply asserts."""
    (reply,) = ask(question)
    values = [f.value for f in figures(reply) if f.value is not None]
    gaps = {round(abs(a - b), 6) for a in values for b in values}  # "Gap: £15,937 above the UK"
    allowed = published_numbers(shipped) | set(amounts_in(question)) | gaps
    stray = [n for n in amounts_in(reply["text"]) if n not in allowed]
    assert not stray, (question, stray, reply["text"])
    assert not [p for f in figures(reply) if (p := figure_problem(f, shipped))]


@pytest.mark.parametrize(
    "question",
    [
        "what % of year 11s in the humber had work experience?",
        "year 11 careers satisfaction in Dorset",
        "compare london and humber on year 11 work experience",
    ],
)
def test_a_student_measure_asked_of_a_lep_says_it_is_england_only(ask, question):
    """ASPIRES 2 publishes no LEP figures: the reply says so and gives England's, with no
    employer caveats and no hint that importing the UKCES tables would fill it."""
    (reply,) = ask(question)
    text = reply["text"]
    assert "England as a whole" in text or "England only" in text, text
    assert "Shares of employers" not in text and "lepbot data import" not in text
    assert all(f["area"] == "England" for f in reply["figures"]), reply["figures"]


def test_a_ranking_of_a_student_measure_says_there_is_none_by_lep(ask):
    (reply,) = ask("top 5 LEPs for year 11 work experience")
    assert "publishes none by LEP" in reply["text"]
    assert "45%" in reply["text"]


@pytest.mark.parametrize(
    ("question", "area"),
    [
        ("work inspiration among manufacturers in the humber", "Humber"),
        ("construction firms in tees valley, work inspiration?", "Tees Valley"),
        ("manufacturing placements in London", "London"),
    ],
)
def test_a_sector_asked_of_a_lep_says_sectors_are_england_only(ask, question, area):
    """No sector figure is published by LEP: never the LEP's all-sector figure as the sector's."""
    (reply,) = ask(question)
    assert reply["intent"] == "breakdown" and reply["areas"] == [area]
    assert "All sectors together" in reply["text"]
    assert "not by LEP" in reply["text"] or "no sector or size breakdown" in reply["text"]


def test_the_manufacturing_sector_of_an_economy_is_its_manufacturing_share(ask):
    (reply,) = ask("how big is the manufacturing sector in the Hull and East Yorkshire economy?")
    assert reply["intent"] == "value" and reply["indicators"] == ["manufacturing_gva_share"]


@pytest.mark.parametrize(
    ("question", "source"),
    [
        ("where do the swindon and wiltshire placement numbers come from", "BISCUIT"),
        ("which source has the humber at 29%", "EPS14_GEO"),
        ("where does london's gva per head figure come from?", "CITYAM"),
    ],
)
def test_the_source_of_one_areas_figure(ask, question, source):
    (reply,) = ask(question)
    assert reply["intent"] == "source" and source in reply["sources"], reply
