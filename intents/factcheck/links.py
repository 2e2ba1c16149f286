"""A claim about how two measures move together, judged against the published findings: each
says which way one moves as the other rises, or that the source claims no general link. None
comes with a statistic, so how strong a link is can never be confirmed."""

from __future__ import annotations

from intents.dataset.model import Dataset, Finding
from intents.factcheck.figures import unverifiable
from intents.factcheck.judgement import Judgement
from intents.reading.query import Claim

AGREES = {  # claimed relation -> the published directions it fits
    "none": {"none"},
    "any": {"positive", "negative"},
    "positive": {"positive"},
    "negative": {"negative"},
}
SAID = {"positive": "positive link", "negative": "negative link", "none": "no general link"}


def _finding(dataset: Dataset, claim: Claim) -> Finding | None:
    pair = {claim.indicator, claim.versus}
    return next(
        (f for f in dataset.findings if {f.x, f.y} == pair and f.direction is not None), None
    )


def judge_link(dataset: Dataset, claim: Claim) -> Judgement:
    x, y = dataset.indicator(claim.indicator).short, dataset.indicator(claim.versus).short
    found = _finding(dataset, claim)
    if found is None:
        return unverifiable(claim, f"no published finding says how {x} and {y} relate")
    basis = f"the source says: {found.statement.rstrip('.')}"
    if claim.relation in AGREES and found.direction in AGREES[claim.relation]:
        if claim.strength:
            return unverifiable(
                claim,
                f"the direction fits, but no statistic of how strong the link is was published: "
                f"{basis}",
                (found.source,),
            )
        return Judgement(claim, "correct", basis, SAID[found.direction], (), (found.source,))
    return Judgement(claim, "incorrect", basis, SAID[found.direction], (), (found.source,))
