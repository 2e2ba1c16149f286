"""Score the bot against a question file (the shared/questions.yaml format).

A case is right when the intent, areas, indicators, verdict (one word or a list of acceptable
ones), per-claim verdicts and `figures: none` all match. Three kinds of failure are worse than a
miss and are counted apart:
- a wrong figure: any asserted figure that is not exactly a published value or band in the data;
- a wrong verdict: a confident verdict (correct, rounding, incorrect, disputed) where another was
  due; an honest "unverifiable" or a question back is a miss, not a wrong verdict;
- a misreading answered with a figure: the question was read as something else (intent, areas or
  measures wrong) and the reply still stated figures.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.conversation import Conversations
from intents import Turn
from intents.dataset.model import Dataset
from intents.replies.answer import ClaimCheck, Figure


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
    wrong_verdict: bool = False
    misread_with_figures: bool = False
    claims: tuple[str, ...] = field(default=())

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


CONFIDENT = ("correct", "rounding", "incorrect", "disputed")


def _one_or_more(value: object) -> list:
    return list(value) if isinstance(value, list | tuple) else [value]


def readings(claims: tuple[ClaimCheck, ...]) -> list[tuple[str, ...]]:
    """The claim verdicts a reply can be counted as. 'The lowest, at 31%' is one claim or two
    (the standing and the figure) as writers count it; both countings are accepted."""
    ways: list[tuple[str, ...]] = [()]
    for c in claims:
        options = [(c.verdict,)] + ([tuple(v for _, v in c.parts)] if c.parts else [])
        ways = [w + o for w in ways for o in options]
    return ways


def _fits(got: tuple[str, ...], wanted: list) -> bool:
    return len(got) == len(wanted) and all(
        g in _one_or_more(w) for g, w in zip(got, wanted, strict=True)
    )


def _verdict_problems(expect: dict, verdict: str | None, ways: list[tuple[str, ...]]) -> list[str]:
    problems = []
    if "verdict" in expect and verdict not in _one_or_more(expect["verdict"]):
        problems.append(f"verdict {verdict!r}, expected {expect['verdict']!r}")
    wanted = expect.get("claims")
    if wanted and not any(_fits(w, wanted) for w in ways):
        problems.append(f"claims {list(ways[0])}, expected {wanted}")
    return problems


def _wrong_verdict(expect: dict, verdict: str | None, ways: list[tuple[str, ...]]) -> bool:
    """A confident verdict, overall or on one claim, where the data called for another. Claims
    are set against the expected ones one by one as the reply counts them (ways[0]); a claim
    split in two only to line the lists up would blame the wrong one."""
    if (
        "verdict" in expect
        and verdict in CONFIDENT
        and verdict not in _one_or_more(expect["verdict"])
    ):
        return True
    wanted = expect.get("claims") or []
    given = ways[0]
    return (
        len(wanted) == len(given)
        and not any(_fits(w, wanted) for w in ways)
        and any(
            g in CONFIDENT and g not in _one_or_more(x) for g, x in zip(given, wanted, strict=True)
        )
    )


def _areas_read(turn: Turn) -> list[set[str]]:
    """The areas a reply was about; a question back may be counted by the LEPs it offers
    ('placements in Bromsgrove?': Greater Birmingham and Solihull or Worcestershire) or none."""
    read = [set(turn.answer.areas)]
    if turn.answer.intent == "clarify" and turn.query.candidates:
        read.append(set(turn.query.candidates))
    return read


def check(case: Case, turn: Turn, dataset: Dataset) -> Outcome:
    answer, expect = turn.answer, case.expect
    problems = []
    allowed = [i for i in _one_or_more(expect.get("intent")) if i]
    if allowed and answer.intent not in allowed:
        problems.append(f"intent {answer.intent!r}, expected {' or '.join(allowed)}")
    if "areas" in expect and set(expect["areas"] or []) not in _areas_read(turn):
        problems.append(f"areas {list(answer.areas)}, expected {expect['areas']}")
    missing = [i for i in expect.get("indicators") or [] if i not in answer.indicators]
    if missing:
        problems.append(f"indicators {list(answer.indicators)}, expected to include {missing}")
    misread = bool(problems) and bool(answer.figures)
    ways = readings(answer.claims)
    claims = ways[0]  # the verdicts as the reply counts them
    problems += _verdict_problems(expect, answer.verdict, ways)
    if expect.get("figures") == "none":
        lep_figures = [f for f in answer.figures if dataset.is_lep(f.area)]
        if lep_figures:
            problems.append(
                f"asserted LEP figures {[f.as_json() for f in lep_figures]}, expected none"
            )
    wrong = tuple(p for f in answer.figures if (p := figure_problem(f, dataset)))
    return Outcome(
        case,
        answer.intent,
        answer.areas,
        answer.indicators,
        answer.verdict,
        tuple(problems),
        wrong,
        wrong_verdict=_wrong_verdict(expect, answer.verdict, ways),
        misread_with_figures=misread,
        claims=claims,
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


@dataclass(frozen=True)
class Score:
    accuracy: float  # 0–1
    wrong_figures: int
    wrong_verdicts: int
    misread_with_figures: int

    @property
    def harmful(self) -> int:
        """Failures worse than a miss: each one tells a user something untrue."""
        return self.wrong_figures + self.wrong_verdicts + self.misread_with_figures


def report(outcomes: list[Outcome]) -> tuple[str, Score]:
    """The printed report and its score."""
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
                + (f" claims={list(o.claims)}" if o.claims else "")
            )
            if o.wrong_verdict:
                lines.append("    WRONG VERDICT")
            if o.misread_with_figures:
                lines.append("    MISREAD, ANSWERED WITH FIGURES")
            lines += [f"    {p}" for p in o.problems]
            lines += [f"    WRONG FIGURE: {w}" for w in o.wrong_figures]
    total, good = len(outcomes), sum(1 for o in outcomes if o.right)
    score = Score(
        accuracy=good / total if total else 0.0,
        wrong_figures=sum(len(o.wrong_figures) for o in outcomes),
        wrong_verdicts=sum(o.wrong_verdict for o in outcomes),
        misread_with_figures=sum(o.misread_with_figures for o in outcomes),
    )
    lines += [
        "",
        f"eval: {good}/{total} right ({score.accuracy:.1%}), wrong figures {score.wrong_figures}, "
        f"wrong verdicts {score.wrong_verdicts}, misread and answered with figures "
        f"{score.misread_with_figures}",
    ]
    return "\n".join(lines), score
