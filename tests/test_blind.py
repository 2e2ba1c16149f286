"""The blind sets: written by helpers who never saw the parser, each scored once untouched
before any change was made for it (tests/blind/README.md). They gate CI as a ratchet: no wrong
figure, no confident verdict against the set unless reviewed, no fall in accuracy, no rise in
misreads answered with figures."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.evaluation import read_cases, report, run

BLIND = Path(__file__).parent / "blind"
REVIEWED = yaml.safe_load((BLIND / "reviewed.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(REVIEWED["floors"]))
def test_a_blind_set_holds_its_ground(shipped, name):
    outcomes = list(run(read_cases([BLIND / name]), shipped))
    text, score = report(outcomes)
    floor = REVIEWED["floors"][name]
    assert score.wrong_figures == 0, text
    unexplained = [
        o.case.question
        for o in outcomes
        if o.wrong_verdict and o.case.question not in REVIEWED["verdicts"]
    ]
    assert not unexplained, text
    assert score.accuracy >= floor["accuracy"], text
    assert score.misread_with_figures <= floor["misread_with_figures"], text


def test_every_reviewed_verdict_still_stands(shipped):
    """A reviewed verdict that no set now gets wrong was fixed: its entry goes, so the list
    stays the open faults and the judgement calls, nothing else."""
    wrong = {
        o.case.question
        for name in REVIEWED["floors"]
        for o in run(read_cases([BLIND / name]), shipped)
        if o.wrong_verdict
    }
    assert not [q for q in REVIEWED["verdicts"] if q not in wrong]
