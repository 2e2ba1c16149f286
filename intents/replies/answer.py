"""What a handler returns: data about the reply, never text formatted for one surface."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from intents.dataset.units import Format
from intents.names import IntentName

ChartKind = Literal["bars", "compare", "scatter", "groups", "profile"]


@dataclass(frozen=True)
class Figure:
    """A figure the reply asserts as data (a published value or band)."""

    area: str
    indicator: str
    value: float | None = None
    low: float | None = None
    high: float | None = None
    breakdown: str = ""

    def as_json(self) -> dict:
        out: dict = {"area": self.area, "indicator": self.indicator}
        if self.value is not None:
            out["value"] = self.value
        else:
            out["low"], out["high"] = self.low, self.high
        if self.breakdown:
            out["breakdown"] = self.breakdown
        return out


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None = None
    low: float | None = None
    high: float | None = None
    highlight: bool = False


@dataclass(frozen=True)
class Point:
    label: str
    x: float
    y: float
    highlight: bool = False
    labelled: bool = False


@dataclass(frozen=True)
class ChartSpec:
    """A picture described as data; bot/charts draws it."""

    kind: ChartKind
    title: str
    unit: str  # the axis label ("% of employers")
    source: str
    alt_text: str
    bars: tuple[Bar, ...] = ()
    series: tuple[str, ...] = ()  # grouped bars: one label per series, bars in series order
    points: tuple[Point, ...] = ()
    x_label: str = ""
    y_label: str = ""
    fit: tuple[float, float] | None = None  # slope, intercept
    reference: tuple[str, float] | None = None  # ("England", 38.0)
    reference_point: tuple[str, float, float] | None = None
    notes: tuple[str, ...] = ()
    format: Format = "number"  # how the figures are written (the y measure's, on a scatter)


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Reading:
    """How the question was read, shown so a misreading is visible at a glance."""

    intent: IntentName
    areas: tuple[str, ...] = ()
    indicators: tuple[str, ...] = ()  # labels, not ids
    notes: tuple[str, ...] = ()


Part = tuple[Literal["standing", "figure"], str]  # one half of a claim and its verdict


@dataclass(frozen=True)
class ClaimCheck:
    """One claim of a fact-check, as the JSON contract gives it: what was said, what it was
    judged against, the verdict and why."""

    text: str  # the claim as the user wrote it
    area: str
    indicator: str
    claimed: str  # a number, bound or relation, as read
    published: str  # the figure, band or relation it was judged against ("" when none)
    verdict: str
    reason: str
    parts: tuple[Part, ...] = ()  # 'the lowest, at 31%': the standing's and the figure's verdicts

    def as_json(self) -> dict:
        return {
            "text": self.text,
            "area": self.area,
            "indicator": self.indicator,
            "claimed": self.claimed,
            "published": self.published,
            "verdict": self.verdict,
            "reason": self.reason,
            "parts": [{"of": of, "verdict": verdict} for of, verdict in self.parts],
        }


@dataclass(frozen=True)
class Answer:
    intent: IntentName
    headline: str  # the copy-ready sentence
    lines: tuple[str, ...] = ()  # further points, one per line
    table: Table | None = None
    caveats: tuple[str, ...] = ()
    figures: tuple[Figure, ...] = ()
    sources: tuple[str, ...] = ()  # source ids
    areas: tuple[str, ...] = ()  # canonical LEP names the answer is about
    indicators: tuple[str, ...] = ()  # indicator ids
    reading: Reading | None = None
    next_questions: tuple[str, ...] = ()
    choices: tuple[str, ...] = ()  # clarify: questions the user can pick
    chart: ChartSpec | None = None
    verdict: str | None = None
    claims: tuple[ClaimCheck, ...] = ()  # factcheck: one per claim, in the order written
    assumed: tuple[str, ...] = ()  # what the handler assumed, shown in the "Read as" line
    listed: tuple[str, ...] = ()  # rank: the LEPs listed, in the order shown ('the bottom one?')
