"""The learned reader: used only where no rule reads a message, and kept in step with the sets."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.commands.model import counts, encode, question_sets
from intents import INTENTS
from intents.clarify import asked_as
from intents.dataset.loader import load_dataset
from intents.reading.intent_model import MODEL_FILE
from intents.reading.query import Query

ROOT = Path(__file__).resolve().parent


def test_the_shipped_model_is_built_from_the_current_question_sets():
    """Run `lepbot model` after changing a set or the reading of signals."""
    assert MODEL_FILE.read_text(encoding="utf-8") == encode(counts(question_sets(ROOT)))


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("who's propping up the table on GVA growth 2008-13?", "rank"),
        ("hiya :wave: first time poking this bot - what can it actually do?", "help"),
        ("is cheltenham glos lep or am i misremembering", "area_lookup"),
    ],
)
def test_a_message_no_rule_reads_is_read_by_the_model_and_says_so(ask, question, intent):
    (reply,) = ask(question)
    assert reply["intent"] == intent, reply["text"]
    assert "(read as a" in reply["text"], reply["text"]


def test_league_table_talk_gives_the_end_it_means(ask):
    (reply,) = ask("who's propping up the table on GVA growth 2008-13?")
    assert "lowest first" in reply["text"], reply["text"]


@pytest.mark.parametrize(
    "question", ["cheers — when's lunch?", "is it going to rain in Leeds?", "asdf qwerty"]
)
def test_what_is_out_of_scope_stays_out_of_scope(ask, question):
    (reply,) = ask(question)
    assert reply["intent"] == "unknown", reply["text"]


def test_a_ranking_of_no_measure_is_read_by_the_model_when_it_is_sure(ask):
    (reply,) = ask("are 2-3 pt gaps between leps even meaningful? few hundred firms per lep surely")
    assert reply["intent"] == "source", reply["text"]
    (reply,) = ask("which LEPs are best?")  # no measure, nothing else meant: asked which measure
    assert "Which measure should I rank by" in reply["text"], reply["text"]


def test_a_reading_the_model_all_but_rules_out_is_asked_back_with_both(ask):
    """The rules read a sector question; every word of it is a ranking's: ask, don't guess."""
    (reply,) = ask(
        "Minister visited a factory in Sunderland today. Which LEP has the most manufacturing?"
    )
    assert reply["intent"] == "clarify" and reply["figures"] == [], reply["text"]
    assert "a question about sectors or a ranking of LEPs" in reply["text"]
    assert "top 5 LEPs for manufacturing share of GVA" in reply["text"]


def test_two_readings_that_answer_one_question_are_no_doubt(ask):
    (reply,) = ask("how does Humber stack up against England on placements")
    assert reply["intent"] in {"value", "compare"} and reply["figures"], reply["text"]


SLOTS = {"areas": ("Humber", "London"), "indicators": ("work_placements", "gva_per_head")}


@pytest.mark.parametrize("intent", [s.name for s in INTENTS if s.asks])
def test_each_reading_offered_as_a_choice_is_read_as_that_reading(ask, intent):
    """A button that asks again must not be misread in its turn."""
    query = Query(
        intent="clarify", text="London has 46% on placements", districts=("Hull",), **SLOTS
    )
    choice = asked_as(intent, query, load_dataset())
    (reply,) = ask(choice)
    assert reply["intent"] == intent, (choice, reply["text"])
