"""What is stored is read back exactly, whatever fields the values grow; what no longer fits is refused."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, make_dataclass
from pathlib import Path

import pytest

from bot.conversation import Conversations
from bot.evaluation import read_cases
from bot.slack.delivery import Reply
from bot.store import codec
from bot.store.memory import MemoryStore
from intents import respond
from intents.reading.amounts import Amount
from intents.reading.query import Claim, Query, Threshold

CORPUS = sorted((Path(__file__).resolve().parents[1] / "corpus").glob("*.yaml"))


def _questions() -> list[str]:
    out = []
    for item in read_cases(CORPUS):
        out += [case.question for case in (item if isinstance(item, list) else [item])]
    return out


def test_every_query_and_answer_the_corpus_produces_reads_back_equal(shipped):
    questions = _questions()
    assert len(questions) > 300
    for question in questions:
        turn = respond(question, shipped)
        assert codec.loads(Query, codec.dumps(turn.query)) == turn.query, question
        reply = Reply("C1", "1.2", turn.answer, 1.5, question, query=turn.query)
        assert codec.loads(Reply, codec.dumps(reply)) == reply, question


def test_nested_values_keep_their_types():
    query = Query(
        intent="factcheck",
        areas=("Humber",),
        threshold=Threshold("between", 20, True, 40.5),
        amounts=(Amount(46.0, 1.0, "percent", 6, 9), Amount(3.0, 0.5, "points", 20, 28)),
        claims=(Claim("46% in Humber", "figure", "Humber", "work_placements", value=46.0),),
        n=5,
    )
    back = codec.loads(Query, codec.dumps(query))
    assert back == query
    assert isinstance(back.areas, tuple) and isinstance(back.claims[0], Claim)
    assert isinstance(back.amounts[1], Amount) and back.amounts[1].unit == "points"
    assert isinstance(back.threshold.value, float) and back.n == 5


def test_a_field_added_later_is_stored_without_code_changes():
    """A later Query with one more field: written, read, and the old text still reads."""
    wider = make_dataclass(
        "Query",
        [(f.name, f.type, field(default=f.default)) for f in fields(Query) if f.name != "notes"]
        + [("notes", "tuple[str, ...]", field(default=())), ("tone", "str", field(default=""))],
        frozen=True,
        namespace={"__module__": Query.__module__},
    )
    value = wider(intent="value", areas=("Cumbria",), tone="brief")
    assert codec.loads(wider, codec.dumps(value)) == value
    old = codec.dumps(Query(intent="value", areas=("Cumbria",)))
    assert codec.loads(wider, old) == wider(intent="value", areas=("Cumbria",))


@pytest.mark.parametrize(
    "stored",
    [
        '{"intent": "value", "mood": "wry"}',  # a field this version does not have
        '{"intent": "value", "areas": "Humber"}',  # a tuple that is a string
        '{"intent": "value", "n": "five"}',
        '{"intent": "value", "threshold": {"op": "above", "limit": 3}}',
        '{"areas": ["Humber"]}',  # a field without a default is missing
        '["value"]',
        "not json at all",
    ],
)
def test_a_stored_value_that_no_longer_fits_is_unreadable(stored):
    with pytest.raises(codec.Unreadable):
        codec.loads(Query, stored)


def test_a_stale_context_is_dropped_and_the_question_answered_afresh(shipped):
    store = MemoryStore()
    conversations = Conversations(shipped, store)
    store.save_context("C1/1.2", '{"intent": "value", "areas": ["Humber"], "mood": "wry"}')
    turn = conversations.ask("and Cumbria?", "C1/1.2")
    assert turn.answer.intent == "profile"  # nothing to follow on from
    assert codec.loads(Query, store.load_context("C1/1.2")).areas == ("Cumbria",)


@dataclass(frozen=True)
class _Pair:
    fit: tuple[float, float] | None = None
    labels: tuple[tuple[str, ...], ...] = ()


def test_fixed_and_nested_tuples():
    value = _Pair((0.5, 2), (("a", "b"), ()))
    back = codec.loads(_Pair, codec.dumps(value))
    assert back == _Pair((0.5, 2.0), (("a", "b"), ()))
    with pytest.raises(codec.Unreadable):
        codec.loads(_Pair, '{"fit": [1.0]}')
