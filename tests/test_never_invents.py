"""Property: whatever text arrives, answering never raises and never asserts an unpublished figure."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bot.conversation import Conversations
from bot.evaluation import figure_problem
from tests.conftest import amounts_in, numbers_in, published_numbers

WORDS = [
    "Humber",
    "London",
    "Cumbria",
    "GM",
    "LCR",
    "placements",
    "work inspiration",
    "top",
    "bottom",
    "5",
    "42%",
    "46%",
    "check",
    "compare",
    "and",
    "vs",
    "related",
    "youth unemployment",
    "GVA",
    "buck the trend",
    "south",
    "England",
    "sector",
    "manufacturing",
    "what is",
    "which LEP",
    "Barnsley",
    "Thames Valley",
    "Greater",
    "Wales",
    "2019",
    "above",
    "40%",
    "<@U1>",
    "🎉",
    "?",
]
questions = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(WORDS), max_size=12).map(" ".join),
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(first=questions, second=questions)
@example(first="£,", second="")  # once crashed this test's own helper, never the bot
@example(first="£,5 and £1,234.5", second="£")
@example(first="", second="PLACEMEN:ABOVE$1")  # the user's own number, echoed as a threshold
def test_random_text_never_raises_or_invents(shipped, first, second):
    conversations = Conversations(shipped)
    allowed = published_numbers(shipped)
    for text in (first, second):
        answer = conversations.ask(text, "thread").answer
        assert answer.headline
        assert not [p for f in answer.figures if (p := figure_problem(f, shipped))]
        said = set(numbers_in(text))
        values = [f.value for f in answer.figures if f.value is not None]
        # computed from two figures the reply asserts, with the method said: a gap, or one as a
        # per cent of the other
        gaps = {round(abs(a - b), 6) for a in values for b in values}
        gaps |= {round(abs(a / b - 1) * 100, 1) for a in values for b in values if b}
        body = " ".join((answer.headline, *answer.lines))
        assert not [n for n in amounts_in(body) if n not in allowed | said | gaps], body


def test_only_real_amounts_are_read_from_text():
    assert amounts_in("£, and £,5 then £1,234.5 or 12% of 7.5%") == [1234.5, 12.0, 7.5]


def test_a_question_s_own_numbers_are_read_however_written():
    assert numbers_in("PLACEMEN:ABOVE$1 and 1,234.5 or 12%") == [1.0, 1234.5, 12.0]
