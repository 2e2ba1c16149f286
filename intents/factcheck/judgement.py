"""The verdict on one claim, with the reason, the figure it was judged against and, where the data
gives one, the figure that belongs in its place."""

from __future__ import annotations

from dataclasses import dataclass, replace

from intents.dataset.model import Dataset, Fact
from intents.dataset.units import amount, span
from intents.names import Verdict
from intents.reading.claim_words import MIRRORED, QUANTIFIERS
from intents.reading.query import Claim
from intents.replies.answer import ClaimCheck, Figure, Part
from intents.replies.describe import figure_of
from intents.replies.wording import cite

OPENING: dict[Verdict, str] = {
    "correct": "Correct",
    "rounding": "Close",
    "incorrect": "Incorrect",
    "unverifiable": "Can't check",
    "disputed": "Disputed",
}
SAID = {
    "=": "",
    "~": "about ",
    ">": "over ",
    ">=": "at least ",
    "<": "under ",
    "<=": "at most ",
    "just_below": "just under ",
    "just_above": "just over ",
}


@dataclass(frozen=True)
class Judgement:
    claim: Claim
    verdict: Verdict
    reason: str  # one clause, the why: "the published figure is 38%, which is over a third"
    published: str = ""  # what it was judged against: "38%", "28–30% (band)", "named lowest"
    figures: tuple[Figure, ...] = ()
    sources: tuple[str, ...] = ()
    correction: str = ""  # the published figure to write in place of the claimed one
    parts: tuple[Part, ...] = ()  # a figure said to be an extreme: each half's verdict, as written

    def sentence(self, dataset: Dataset) -> str:
        cited = f" ({cite(dataset, self.sources)})" if self.sources else ""
        return f"{OPENING[self.verdict]}: {self.reason}{cited}."

    def as_check(self) -> ClaimCheck:
        c = self.claim
        return ClaimCheck(
            text=c.text,
            area=c.subject,
            indicator=c.indicator,
            claimed=claimed(c),
            published=self.published,
            verdict=self.verdict,
            reason=self.reason,
            parts=self.parts,
        )


def claimed(claim: Claim) -> str:
    """The claim as read, briefly: 'over 40%', 'the second lowest', '8 points above England'."""
    not_ = "not " if claim.negated else ""
    match claim.kind:
        case "extreme":
            nth = {2: "second ", 3: "third ", 4: "fourth ", 5: "fifth "}.get(claim.position, "")
            the = "the only " if claim.only else "the "
            return f"{not_}{'joint ' if claim.joint else ''}{the}{nth}{claim.extreme}"
        case "top_n":
            return (
                f"{not_}in the {'top' if claim.extreme == 'highest' else 'bottom'} {claim.position}"
            )
        case "relation":
            return f"{not_}{claim.relation}"
        case "link":
            return {"none": "no link", "any": "a link"}.get(
                claim.relation, f"a {claim.relation} link"
            )
        case "comparison":
            side = {">": "above", "=": "level with"}.get(claim.comparator, "below")
            return f"{not_}{side} {claim.other}"
        case "difference" if claim.signed and claim.value < 0:  # 'by more than 5 points, behind'
            bound = SAID.get(MIRRORED.get(claim.comparator, claim.comparator), "")
            return f"{not_}{bound}{claim.written or f'{-claim.value:g} points'} below {claim.other}"
        case _:
            words = claim.written or f"{claim.value:g}"
            if claim.high is not None and " and " in words:  # 'between 25% and 33%'
                words = f"between {words}"
            said = f"{not_}{SAID.get(claim.comparator, '')}{words}".strip()
            if words in QUANTIFIERS:  # 'the majority of': over half
                said = f"{not_}{words} ({SAID[claim.comparator]}half)"
            if claim.extreme:  # 'the lowest, at 29%'
                return f"{claimed(replace(claim, kind='extreme', negated=False))}, {said}"
            return said


def shown(dataset: Dataset, fact: Fact) -> str:
    """A published fact as the reply says it: '46%', '28–30% (band)'."""
    ind = dataset.indicator(fact.indicator)
    if fact.kind == "band":
        return f"{span(fact.low, fact.high, ind.format)} (band)"
    return amount(fact.value, ind.format)


def against(fact: Fact) -> tuple[tuple[Figure, ...], tuple[str, ...]]:
    return (figure_of(fact),), (fact.source,)
