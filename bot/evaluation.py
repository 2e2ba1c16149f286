"""Score the bot against a question file (the shared/questions.yaml format).

A case is right when the intent, areas, indicators, verdict and `figures: none` all match; a
wrong figure is any asserted figure that is not exactly a published value or band in the data.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.conversation import Conversations
from intents import Turn
from intents.dataset.model import Dataset
from intents.replies.answer import Figure


@dataclass(frozen=True)
class Case:
    question: str
    expect: dict
    conversation: int | None = None  # index of its conversation; None for a single question


@dataclass(frozen=True)
class Outcome:
    case: Case
    intent: str
    areas: tuple[str, ...]
    indicators: tuple[str, ...]
    verdict: str | None
    problems: tuple[str, ...]
    wrong_figures: tuple[str, ...]

    @property
    def right(self) -> bool:
        return not self.problems and not self.wrong_figures


def read_cases(paths: Iterable[Path]) -> list[Case | list[Case]]:
    """Singles as Cases, conversations as lists of Cases (asked in order, context kept)."""
    out: list[Case | list[Case]] = []
    n = 0
    for path in paths:
        doc = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        out += [Case(str(c["q"]), c) for c in doc.get("single", [])]
        for convo in doc.get("conversations", []):
            out.append([Case(str(t["q"]), t, n) for t in convo["turns"]])
            n += 1
    return out


def figure_problem(figure: Figure, dataset: Dataset) -> str:
    """'' when the figure is exactly a published value or band; else what is wrong."""
    facts = dataset.facts_for(figure.area, figure.indicator, figure.breakdown)
    for fact in facts:
        if (
            figure.value is not None
            and fact.kind in ("value", "change")
            and fact.value == figure.value
        ):
            return ""
        if (
            figure.value is None
            and fact.kind == "band"
            and (fact.low, fact.high) == (figure.low, figure.high)
        ):
            return ""
    shown = figure.value if figure.value is not None else f"{figure.low}–{figure.high}"
    return f"{figure.area} / {figure.indicator} {figure.breakdown} = {shown} is not in the data"


def check(case: Case, turn: Turn, dataset: Dataset) -> Outcome:
    answer, expect = turn.answer, case.expect
    problems = []
    intents = expect.get("intent")
    allowed = [intents] if isinstance(intents, str) else list(intents or [])
    if allowed and answer.intent not in allowed:
        problems.append(f"intent {answer.intent!r}, expected {' or '.join(allowed)}")
    if "areas" in expect and set(expect["areas"] or []) != set(answer.areas):
        problems.append(f"areas {list(answer.areas)}, expected {expect['areas']}")
    missing = [i for i in expect.get("indicators") or [] if i not in answer.indicators]
    if missing:
        problems.append(f"indicators {list(answer.indicators)}, expected to include {missing}")
    if "verdict" in expect and answer.verdict != expect["verdict"]:
        problems.append(f"verdict {answer.verdict!r}, expected {expect['verdict']!r}")
    if expect.get("figures") == "none":
        lep_figures = [f for f in answer.figures if dataset.is_lep(f.area)]
        if lep_figures:
            problems.append(
                f"asserted LEP figures {[f.as_json() for f in lep_figures]}, expected none"
            )
    wrong = tuple(p for f in answer.figures if (p := figure_problem(f, dataset)))
    return Outcome(
        case, answer.intent, answer.areas, answer.indicators, answer.verdict, tuple(problems), wrong
    )


def run(cases: list[Case | list[Case]], dataset: Dataset) -> Iterator[Outcome]:
    for item in cases:
        conversations = Conversations(dataset)
        for case in item if isinstance(item, list) else [item]:
            key = "eval" if isinstance(item, list) else None
            yield check(case, conversations.ask(case.question, key), dataset)


def expected_intent(case: Case) -> str:
    intents = case.expect.get("intent")
    return intents if isinstance(intents, str) else (intents or ["?"])[0]


def report(outcomes: list[Outcome]) -> tuple[str, float, int]:
    """The printed report, the accuracy (0–1) and the count of wrong figures."""
    cases = Counter(expected_intent(o.case) for o in outcomes)
    right = Counter(expected_intent(o.case) for o in outcomes if o.right)
    lines = [f"{'intent':<14}{'cases':>7}{'right':>7}{'accuracy':>10}"]
    for intent in sorted(cases):
        lines.append(
            f"{intent:<14}{cases[intent]:>7}{right[intent]:>7}{right[intent] / cases[intent]:>10.1%}"
        )
    failures = [o for o in outcomes if not o.right]
    if failures:
        lines += ["", "Failures:"]
        for o in failures:
            lines.append(f"- {o.case.question!r}")
            lines.append(
                f"    read: intent={o.intent} areas={list(o.areas)} indicators={list(o.indicators)} verdict={o.verdict}"
            )
            lines += [f"    {p}" for p in o.problems]
            lines += [f"    WRONG FIGURE: {w}" for w in o.wrong_figures]
    total, good = len(outcomes), sum(1 for o in outcomes if o.right)
    wrong = sum(len(o.wrong_figures) for o in outcomes)
    accuracy = good / total if total else 0.0
    lines += ["", f"eval: {good}/{total} right ({accuracy:.1%}), wrong figures {wrong}"]
    return "\n".join(lines), accuracy, wrong
