"""Fact-checks as analysts write them: each class of claim gets the verdict the data supports,
never a confident wrong one, with the reason; a pasted passage comes back claim by claim."""

from __future__ import annotations

import pytest

PASSAGE = (
    "Across England, 38% of employers offered work placements in 2014. The Humber had the "
    "lowest share, at 31%. London reached 46%, eight points above England. Swindon and "
    "Wiltshire sat at 35% on placements. Work inspiration was rarer: 17% of employers "
    "nationally, and 21% in Tees Valley."
)


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # words as bounds, and 'almost' from below
        ("check: over a third of employers in England offer placements", "correct"),
        ("less than half of London employers offered work placements - right?", "correct"),
        ("check: just under two fifths of employers across England offered placements", "correct"),
        ("almost a third of English employers offered a placement", "incorrect"),
        ("check: more than 40% of employers in England offer placements", "incorrect"),
        # hedges scale with the figure
        ("about 30% of Humber employers offer placements, yes?", "rounding"),
        ("Cheshire and Warrington GVA grew about 4% a year 2008-2013", "incorrect"),
        # the base a share is of
        ("57% of all Year 11s were satisfied with their careers education", "incorrect"),
        ("check: 38% of pupils in England got a work placement", "incorrect"),
        ("28% of employers that offered placements used them to recruit - ok?", "correct"),
        # negation
        ("London does not reach 46% on placements", "incorrect"),
        ("check: Dorset doesn't reach 35% on placements", "incorrect"),
        # ranks and extremes, with polarity
        ("check: Humber has the second lowest placement rate at 29%", "incorrect"),
        ("London has the smallest share of employers offering placements at 46%", "incorrect"),
        ("Tees Valley has the lowest share of employers offering work inspiration", "correct"),
        ("Cumbria has the lowest placement share of any LEP", "incorrect"),
        ("check: Tees Valley is one of the worst areas for youth unemployment", "correct"),
        (
            "Business services had the highest work inspiration of the four sectors - right?",
            "correct",
        ),
        # computed gaps and ratios
        ("check: London is 8 points above England on placements", "correct"),
        ("fact check: Tees Valley is 7 points below England on work inspiration", "incorrect"),
        ("London employers are half as likely again as Humber's to offer placements", "rounding"),
        ("check: Cornwall's GVA per head was less than half the UK average", "incorrect"),
        # periods
        ("in 2013, 38% of employers in England offered placements", "unverifiable"),
        ("London grew faster than any other LEP between 2008 and 2013", "unverifiable"),
        # ranges and bands
        ("LEP placement figures run from 29% to 46%", "correct"),
        ("check: Swindon and Wiltshire 28-30% placements", "correct"),
        ("check: 29% of Swindon and Wiltshire employers offer placements", "unverifiable"),
        ("No LEP has more than half of its employers offering placements", "correct"),
        # region names: the South East is a LEP with no published figure
        ("40% of employers in the South East offer placements", "unverifiable"),
        ("check: 40% of employers in the south offer placements", "correct"),
        # a figure the source contradicts
        ("check: 42% of Liverpool employers offer work inspiration", "disputed"),
    ],
)
def test_claims_as_analysts_write_them(ask, claim, verdict):
    (reply,) = ask(claim)
    assert reply["intent"] == "factcheck", reply["text"]
    assert reply["verdict"] == verdict, reply["text"]
    assert all(c["reason"] for c in reply["claims"])


def test_every_claim_in_a_sentence_is_checked(ask):
    (reply,) = ask("46% in London against 30% across England for placements")
    assert [c["verdict"] for c in reply["claims"]] == ["correct", "incorrect"]
    assert reply["verdict"] == "incorrect"
    assert [c["area"] for c in reply["claims"]] == ["London", "England"]


def test_a_passage_comes_back_claim_by_claim_and_corrected(ask):
    (reply,) = ask(PASSAGE)
    verdicts = [c["verdict"] for c in reply["claims"]]
    assert len(verdicts) == 7 and verdicts.count("incorrect") == 3
    corrected = next(line for line in reply["text"].splitlines() if "Corrected:" in line)
    for right in ("[29%]", "[28–30%]", "[11%]"):
        assert right in corrected
    assert "38% of employers offered work placements in 2014" in corrected  # the rest as written


def test_a_claim_follows_the_conversation(chat):
    _, check = chat("tell me about London", "check: it is at 46% on placements")
    assert check["verdict"] == "correct" and check["claims"][0]["area"] == "London"


def test_a_bare_figure_is_asked_back_not_guessed(ask):
    (reply,) = ask("check: 42%")
    assert reply["intent"] == "clarify" and not reply["figures"]


def test_a_claim_that_names_no_measure_says_how_it_was_read(ask):
    (reply,) = ask("check: 29% in the Humber compared with 38% nationally")
    assert reply["verdict"] == "correct"
    assert "no measure named: read as work placements" in reply["text"]
