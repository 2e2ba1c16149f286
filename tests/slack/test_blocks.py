"""Answer -> Block Kit: whatever the engine or the user put in, Slack accepts it and nobody is pinged."""

from __future__ import annotations

import json
import re

from hypothesis import given
from hypothesis import strategies as st

from bot.slack.blocks import answer_message, asked_message, safe
from intents.replies.answer import Answer, Reading, Table
from tests.slack.fake_slack import block_problems

ENTITY_OR_PLAIN = re.compile(r"(?:&(?:amp|lt|gt);|[^&<>])*…?")


@given(st.text(alphabet=st.sampled_from("ab &<>!@\n…"), max_size=400), st.integers(8, 300))
def test_safe_text_fits_and_cannot_be_cut_inside_an_entity(text, limit):
    shown = safe(text, limit)
    assert len(shown) <= limit
    assert ENTITY_OR_PLAIN.fullmatch(shown)


def test_a_hostile_oversized_answer_still_makes_a_message_slack_accepts(dataset):
    hostile = "<!channel> <@U0EVIL000> & <https://evil.example|click> "
    answer = Answer(
        intent="rank",
        headline=hostile * 200,
        lines=tuple(hostile * 30 for _ in range(60)),
        table=Table(("rank", "LEP", "value"), tuple((str(i), hostile, "1%") for i in range(150))),
        caveats=tuple(hostile for _ in range(15)),
        sources=("EPS14_GEO",),
        reading=Reading("rank", notes=(hostile * 100,)),
        next_questions=tuple(hostile * 3 for _ in range(9)),
    )
    for table_block in (True, False):
        message = answer_message(answer, dataset, table_block=table_block)
        assert block_problems(message["blocks"]) == []
        assert len(message["text"]) <= 3000
        shown = json.dumps(message["blocks"]) + message["text"]
        mrkdwn = json.dumps([b for b in message["blocks"] if b["type"] in ("section", "context")])
        assert "<!channel>" not in mrkdwn and "<@U0EVIL000>" not in mrkdwn
        assert "&lt;!channel&gt;" in shown


def test_clarify_buttons_carry_the_questions_they_ask(dataset):
    answer = Answer(intent="clarify", headline="Which?", choices=("a " * 50, "b"))
    (actions,) = [b for b in answer_message(answer, dataset)["blocks"] if b["type"] == "actions"]
    assert [e["value"] for e in actions["elements"]] == ["a " * 50, "b"]
    assert len(actions["elements"][0]["text"]["text"]) <= 75


def test_the_lep_question_is_echoed_escaped():
    message = asked_message("U0ASKER01", "&lt;!here&gt; <!channel> top 5")
    assert message["text"] == "<@U0ASKER01> asked: &lt;!here&gt; &lt;!channel&gt; top 5"
