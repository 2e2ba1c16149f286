"""The accuracy gate: the repo's question corpus at ≥ 97% with zero wrong figures."""

from __future__ import annotations

from pathlib import Path

from bot.evaluation import read_cases, report, run

HERE = Path(__file__).parent
# Three sets written independently of the parser (corpus/, then heldout/ and fresh/ as unseen
# checks of how it generalises); all three now gate CI.
CORPUS = sorted(
    [
        *(HERE / "corpus").glob("*.yaml"),
        HERE / "heldout" / "questions.yaml",
        HERE / "fresh" / "questions.yaml",
    ]
)
MIN_ACCURACY = 0.97


def test_corpus_is_large_enough():
    cases = read_cases(CORPUS)
    count = sum(len(c) if isinstance(c, list) else 1 for c in cases)
    assert count >= 300


def test_corpus_accuracy_and_nothing_untrue(shipped):
    text, score = report(list(run(read_cases(CORPUS), shipped)))
    assert score.harmful == 0, text
    assert score.accuracy >= MIN_ACCURACY, text
