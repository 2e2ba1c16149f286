"""How `lepbot eval` counts a fact-check's claims against what a writer expected."""

from __future__ import annotations

import pytest

from bot.conversation import Conversations
from bot.evaluation import Case, check

LOWEST_AT_31 = "is it true that the Humber had the lowest placement rate of any LEP, at 31%?"


def _outcome(shipped, claims, verdict="incorrect"):
    expect = {"intent": "factcheck", "areas": ["Humber"], "verdict": verdict, "claims": claims}
    case = Case(LOWEST_AT_31, expect, 0)
    return check(case, Conversations(shipped).ask(LOWEST_AT_31), shipped)


@pytest.mark.parametrize("claims", [["incorrect"], ["correct", "incorrect"]])
def test_a_figure_said_to_be_an_extreme_counts_as_one_claim_or_two(shipped, claims):
    outcome = _outcome(shipped, claims)
    assert not outcome.problems and not outcome.wrong_verdict


def test_its_halves_still_count_in_the_order_written(shipped):
    outcome = _outcome(shipped, ["incorrect", "correct"])
    assert outcome.problems and not outcome.wrong_verdict  # a miss, not blamed on a split


def test_a_confident_verdict_against_the_data_is_a_wrong_verdict(shipped):
    assert _outcome(shipped, ["correct"], verdict="correct").wrong_verdict


@pytest.mark.parametrize("areas", [[], ["Greater Birmingham and Solihull", "Worcestershire"]])
def test_a_question_back_counts_by_the_leps_it_offers_or_none(shipped, areas):
    question = "placements in Bromsgrove?"
    case = Case(question, {"intent": "clarify", "areas": areas}, None)
    outcome = check(case, Conversations(shipped).ask(question), shipped)
    assert not outcome.problems
