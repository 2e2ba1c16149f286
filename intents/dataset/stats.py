"""The few statistics the bot computes, each with the method it states in replies."""

from __future__ import annotations

import math
from dataclasses import dataclass

from intents.dataset.model import Dataset, Fact

MIN_PAIRS = 10  # fewer LEPs than this and a correlation says more about chance than places
CORRELATION_METHOD = "Pearson correlation across LEPs with exact figures for both measures"
SIGNIFICANCE_METHOD = (
    "two-proportion z-test on the unweighted bases, 95% level (|z| ≥ 1.96); "
    "it ignores survey weighting, so treat borderline cases with care"
)


@dataclass(frozen=True)
class Fit:
    n: int
    r: float
    slope: float
    intercept: float

    def predict(self, x: float) -> float:
        return self.intercept + self.slope * x


def fit_line(xs: list[float], ys: list[float]) -> Fit | None:
    """Least squares y = a + b·x and Pearson r; None when either side does not vary."""
    n = len(xs)
    if n < 3:
        return None
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    if sxx == 0 or syy == 0:
        return None
    slope = sxy / sxx
    return Fit(n=n, r=sxy / math.sqrt(sxx * syy), slope=slope, intercept=my - slope * mx)


def strength(r: float) -> str:
    size = abs(r)
    if size < 0.1:
        return "no meaningful"
    word = "weak" if size < 0.3 else "moderate" if size < 0.5 else "strong"
    return f"a {word} {'positive' if r > 0 else 'negative'}"


def two_proportion_z(p1: float, n1: int, p2: float, n2: int) -> float | None:
    """z for the difference of two percentages with their bases."""
    a, b = p1 / 100, p2 / 100
    pooled = (a * n1 + b * n2) / (n1 + n2)
    se = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    return None if se == 0 else (a - b) / se


def significance_line(dataset: Dataset, fact: Fact, other: Fact) -> str:
    """'Not a statistically significant difference…' when both figures carry bases."""
    if not (fact.base and other.base and dataset.indicator(fact.indicator).is_share):
        return ""
    if fact.value is None or other.value is None:
        return ""
    z = two_proportion_z(fact.value, fact.base, other.value, other.base)
    if z is None:
        return ""
    names = f"{dataset.spoken(fact.area)} (base {fact.base:,}) and {dataset.spoken(other.area)} (base {other.base:,})"
    overlap = (
        "; England's sample includes the LEP's own" if "England" in (fact.area, other.area) else ""
    )
    method = f"two-proportion z-test on unweighted bases, z = {z:.2f}{overlap}"
    verdict = "is" if abs(z) >= 1.96 else "is not"
    return f"The difference between {names} {verdict} statistically significant at 95% ({method})."
