"""Every question in ../shared/questions.yaml reads and answers as the team expects."""

from __future__ import annotations

import pytest

from bot.conversation import Conversations
from bot.evaluation import check, read_cases
from tests.conftest import SHARED

QUESTIONS = SHARED / "questions.yaml"
pytestmark = pytest.mark.skipif(not QUESTIONS.exists(), reason="shared/ is not beside this clone")


def _cases():
    if not QUESTIONS.exists():
        return []
    return read_cases([QUESTIONS])


@pytest.mark.parametrize(
    "item", _cases(), ids=lambda c: (c[0] if isinstance(c, list) else c).question[:50]
)
def test_shared_question(item, shipped):
    conversations = Conversations(shipped)
    for case in item if isinstance(item, list) else [item]:
        key = "thread" if isinstance(item, list) else None
        outcome = check(case, conversations.ask(case.question, key), shipped)
        assert not outcome.problems, (case.question, outcome.problems)
        assert not outcome.wrong_figures, (case.question, outcome.wrong_figures)
