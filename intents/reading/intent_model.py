"""A second reader for the messages no rule reads: which intent the words ask for, learned from
the repo's question sets.

The rules read first and decide. Only when none of them reads a message (the catch-all
'unknown', or a ranking with no measure to rank by) is this model asked, and its reading is used
only when it is sure and a rule of that intent fits what the message names. It never overrules
a rule: naive Bayes is far too sure of itself for that. Places and measures are replaced by
their kind before counting, so 'who props up the table on GVA growth?' and '… on placements?'
count as one phrasing. The counts are in data/intent_model.json, built by `lepbot model` from
the question sets: deterministic, nothing loaded from a network.
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from itertools import combinations, pairwise
from pathlib import Path

from intents.dataset.loader import SHIPPED_DATA
from intents.names import IntentName
from intents.reading.normalise import TOKEN
from intents.reading.signals import Signals

MODEL_FILE = SHIPPED_DATA / "intent_model.json"
SMOOTHING = 0.5  # added to every count: a word never seen with an intent is unlikely, not ruled out
MIN_COUNT = 2  # a word or pair seen once in every set is a writer's quirk, not a phrasing
SHARED_MIN = 5  # two intents both accepted for this many questions are two ways to answer one


@dataclass(frozen=True)
class Model:
    """Log-probabilities: of each intent, and of each feature given the intent."""

    prior: dict[str, float]
    given: dict[str, dict[str, float]]  # feature -> intent -> log P(feature | intent)
    unseen: dict[str, float]  # intent -> log P of a known feature never counted with it
    shared: frozenset[frozenset[str]] = frozenset()  # pairs of intents that answer one question

    def one_answer(self, a: str, b: str) -> bool:
        """Whether either reading answers what was asked ('London against England' is a figure
        and a comparison), so the model preferring one to the other is no doubt."""
        return a == b or frozenset((a, b)) in self.shared


def features(signals: Signals) -> tuple[str, ...]:
    """Words and word pairs with each place and measure as its kind, and the slots present."""
    text, pieces, at = signals.text, [], 0
    for m in sorted(signals.mentions, key=lambda m: m.start):
        if m.start >= at:
            pieces += [text[at : m.start], f" x{m.kind}x "]
            at = m.end
    words = ["^", *TOKEN.findall("".join([*pieces, text[at:]]))]
    pairs = [f"{a} {b}" for a, b in pairwise(words)]
    slots = [f"slot:{s}" for s in sorted(signals.present)]
    counts = [f"leps:{min(len(signals.leps), 3)}", f"measures:{min(len(signals.indicators), 2)}"]
    return tuple(dict.fromkeys([*words, *pairs, *slots, *counts]))


def build(examples: Iterable[tuple[tuple[str, ...], tuple[str, ...]]]) -> dict:
    """Counts from (features, accepted intents) pairs, the first intent counted as the
    question's: the content of data/intent_model.json."""
    intents: Counter[str] = Counter()
    seen: defaultdict[str, Counter[str]] = defaultdict(Counter)
    together: Counter[tuple[str, str]] = Counter()
    for found, accepted in examples:
        intents[accepted[0]] += 1
        for f in found:
            seen[f][accepted[0]] += 1
        together.update(combinations(sorted(set(accepted)), 2))
    kept = {f: dict(sorted(c.items())) for f, c in sorted(seen.items()) if c.total() >= MIN_COUNT}
    shared = [list(pair) for pair, n in sorted(together.items()) if n >= SHARED_MIN]
    return {"intents": dict(sorted(intents.items())), "features": kept, "shared": shared}


def model_from(counts: dict) -> Model:
    intents: dict[str, int] = counts["intents"]
    features_of: dict[str, dict[str, int]] = counts["features"]
    total = sum(intents.values())
    per_intent: Counter[str] = Counter()
    for by_intent in features_of.values():
        per_intent.update(by_intent)
    size = len(features_of)
    denominator = {i: math.log(per_intent[i] + SMOOTHING * size) for i in intents}
    return Model(
        prior={i: math.log(n / total) for i, n in intents.items()},
        given={
            f: {i: math.log(n + SMOOTHING) - denominator[i] for i, n in by_intent.items()}
            for f, by_intent in features_of.items()
        },
        unseen={i: math.log(SMOOTHING) - denominator[i] for i in intents},
        shared=frozenset(frozenset(pair) for pair in counts.get("shared", ())),
    )


@cache
def shipped_model(path: Path = MODEL_FILE) -> Model:
    """The shipped counts; without them (a broken install) a model that is never sure."""
    try:
        return model_from(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError):
        return Model(prior={}, given={}, unseen={})


def probabilities(model: Model, signals: Signals) -> dict[str, float]:
    """Each intent's probability given the message's features (they sum to 1)."""
    score = dict(model.prior)
    if not score:
        return {}
    for f in features(signals):
        given = model.given.get(f)
        if given is not None:
            for intent in score:
                score[intent] += given.get(intent, model.unseen[intent])
    top = max(score.values())
    total = sum(math.exp(s - top) for s in score.values())
    return {intent: math.exp(s - top) / total for intent, s in score.items()}


def likeliest(model: Model, signals: Signals) -> tuple[IntentName, float]:
    """The likeliest intent and its probability."""
    found = probabilities(model, signals)
    if not found:
        return "unknown", 0.0
    best = max(found, key=found.__getitem__)
    return best, found[best]  # type: ignore[return-value]
