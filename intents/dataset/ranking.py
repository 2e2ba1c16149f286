"""Where one LEP stands on one measure: the one ranking every reply, title and check uses.

Positions are counted among exact LEP figures only, best first by the measure's polarity (the
lowest youth unemployment is 1st). Until every LEP has an exact figure, a position is only "of
the N with figures"; what a source says ("the lowest of the 39") is kept beside it, with the
other LEPs the sources name at the same end.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from intents.dataset.model import Dataset

Extreme = Literal["highest", "lowest"]
End = Literal["highest", "lowest", "neither", ""]


@dataclass(frozen=True)
class Standing:
    area: str
    indicator: str
    position: int | None  # best first among exact figures; None without an exact figure
    out_of: int  # LEPs with an exact figure
    tied: bool  # another LEP has exactly the same figure
    complete: bool  # every LEP has an exact figure, so the position is among all of them
    named: Extreme | None  # the end a source names the area at
    named_with: tuple[str, ...]  # other LEPs a source names at the same end
    level_with: tuple[str, ...]  # ... of those, the ones with the same exact figure
    by_value: End  # the end its figure is at, once every LEP has one ("" until then)
    named_nth: tuple[int, Extreme] | None = None  # as a source places it: (2, 'highest')

    @property
    def joint(self) -> bool:
        """Named at an end together with a LEP of the same figure: 'joint lowest'."""
        return bool(self.level_with)

    @property
    def extreme(self) -> End:
        """The end the area is at by value, as published or as computed; '' when unknown."""
        return self.named or self.by_value


def descending(order: str, higher_is_better: bool | None) -> bool:
    """Whether an order ('highest', 'lowest', 'best', 'worst', as the reader normalises them)
    lists the largest figure first: 'best' follows the measure's polarity (the best youth
    unemployment is the lowest)."""
    if order in ("best", "worst"):
        return (order == "best") == (higher_is_better is not False)
    return order == "highest"


def from_end(place: Standing, end: str, higher_is_better: bool | None) -> int:
    """How far from `end` ('highest' or 'lowest') a ranked area is, 1 at the end itself: its
    position counts from the best, which is the lowest figure when lower is better."""
    position = place.position or 1  # asked only of a ranked area
    from_top = position if higher_is_better is not False else place.out_of - position + 1
    return from_top if end == "highest" else place.out_of - from_top + 1


def _end(value: float, values: list[float]) -> End:
    return "lowest" if value == min(values) else "highest" if value == max(values) else "neither"


def standing(dataset: Dataset, area: str, indicator: str, among: tuple[str, ...] = ()) -> Standing:
    """`among`: only these LEPs (a region's), so 'the slowest in the North East' is ranked
    among the North East's; an end a source names of all 39 holds among any of them."""
    values = dataset.lep_values(indicator)
    if among:
        values = {a: f for a, f in values.items() if a in among}
    evidence = dataset.evidence(area, indicator)
    named = evidence.extreme or None
    named_with = tuple(
        e.area
        for e in dataset.lep_evidence(indicator)
        if named and e.area != area and e.extreme == named and (not among or e.area in among)
    )
    mine = values[area].value if area in values else None
    complete = all(a in values for a in among) if among else dataset.complete(indicator)
    position, tied = None, False
    if mine is not None:
        better = dataset.indicator(indicator).higher_is_better is not False
        ahead = sum(1 for f in values.values() if (f.value > mine if better else f.value < mine))
        position = ahead + 1
        tied = sum(1 for f in values.values() if f.value == mine) > 1
    return Standing(
        area=area,
        indicator=indicator,
        position=position,
        out_of=len(values),
        tied=tied,
        complete=complete,
        named=named,
        named_with=named_with,
        level_with=tuple(p for p in named_with if p in values and values[p].value == mine),
        by_value=_end(mine, [f.value for f in values.values()])
        if complete and mine is not None
        else "",
        named_nth=None if among else evidence.next_to_end,
    )
