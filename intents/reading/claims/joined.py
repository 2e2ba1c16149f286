"""One claim said of several: 'London and Cheshire and Warrington lead with 46%', 'Both have
…', figures after two areas in their order, a figure and its extreme as one claim."""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from intents.reading import claim_words as words
from intents.reading.claims.sentence import Context, Sentence, part_of
from intents.reading.query import Claim

LISTED = re.compile(r"\s*,?\s*(?:and\s+|&\s+)?(?:the\s+)?")  # commas are gone once normalised


def with_extremes(sentence: Sentence, found: list[tuple[int, Claim]]) -> list[tuple[int, Claim]]:
    """'Humber has the lowest share, at 29%' is one claim: the figure, said to be the lowest."""
    extremes = [(at, c) for at, c in found if c.kind == "extreme"]
    eat_of = {id(e): eat for eat, e in extremes}
    used: list[Claim] = []
    out = []
    for at, claim in found:
        if claim.kind == "figure":
            part = part_of(sentence, at)
            match = next(
                (
                    e
                    for eat, e in extremes
                    if e not in used
                    and (e.subject, e.indicator) == (claim.subject, claim.indicator)
                    and part[0] <= eat < part[1]
                ),
                None,
            )
            if match is not None:
                used.append(match)
                claim = replace(
                    claim, extreme=match.extreme, position=match.position, joint=match.joint,
                    only=match.only, standing_first=eat_of[id(match)] < at,
                    # 'topped work inspiration at 22-25%': the top band, said by its range
                    relation=match.relation or ("band" if claim.high is not None else ""),
                )  # fmt: skip
        out.append((at, claim))
    return [(at, c) for at, c in out if not any(c is u for u in used)]


def shared(sentence: Sentence, claims: list[tuple[int, Claim]]) -> list[tuple[int, Claim]]:
    """'London and Cheshire and Warrington lead with 46%': the claim is made of each."""
    if not words.PLURAL.search(sentence.text):
        return claims
    areas = [m for m in sentence.mentions if m.kind in ("lep", "group")]
    lists: list[list[str]] = [[a.target] for a in areas[:1]]
    for a, b in pairwise(areas):  # 'Cumbria, Humber and York and North Yorkshire'
        if LISTED.fullmatch(sentence.text[a.end : b.start]):
            lists[-1].append(b.target)
        else:
            lists.append([b.target])
    together = {name: names for names in lists if len(names) > 1 for name in names}
    out = []
    for at, claim in claims:
        out.append((at, claim))
        for partner in together.get(claim.subject, ()):
            if partner not in (claim.subject, claim.other):
                out.append((at, replace(claim, subject=partner)))
    return out


def both_before(
    sentence: Sentence, claims: list[tuple[int, Claim]], earlier: Context
) -> list[tuple[int, Claim]]:
    """'Both have high youth unemployment.' after two areas: the claim is made of each."""
    own = any(m.kind in ("lep", "group") for m in sentence.mentions)
    if own or len(earlier.recent) < 2 or not re.search(r"\bboth\b", sentence.text):
        return claims
    first, second = earlier.recent
    return [
        pair
        for at, c in claims
        for pair in ((at, replace(c, subject=first)), (at, replace(c, subject=second)))
    ]


def in_order(sentence: Sentence, claims: list[tuple[int, Claim]]) -> list[tuple[int, Claim]]:
    """'The south beats the rest, 40% against 35%': figures after two areas follow their order."""
    figures = [(at, c) for at, c in claims if c.kind == "figure"]
    if len(figures) < 2:
        return claims
    first = figures[0][0]
    claims = _sectors_in_order(sentence, claims, figures)
    areas = [m for m in sentence.mentions if m.kind in ("lep", "group")]
    before = list(dict.fromkeys(m.target for m in areas if m.end <= first))
    if len(before) != len(figures) or any(m.start > first for m in areas):
        return claims
    subjects = dict(zip((at for at, _ in figures), before, strict=True))
    return [(at, replace(c, subject=subjects[at]) if at in subjects else c) for at, c in claims]


def _sectors_in_order(
    sentence: Sentence, claims: list[tuple[int, Claim]], figures: list[tuple[int, Claim]]
) -> list[tuple[int, Claim]]:
    """'manufacturers were less likely than financial services (13% vs 18%)': figures after as
    many sectors take them in the order they were named."""
    first = figures[0][0]
    named = [m for m in sentence.mentions if m.kind == "sector"]
    sectors = list(dict.fromkeys(m.target for m in named if m.end <= first))
    if len(sectors) != len(figures) or any(m.start > first for m in named):
        return claims
    if len(sectors) < 2 or not any(c.sector for _, c in figures):
        return claims
    given = dict(zip((at for at, _ in figures), sectors, strict=True))
    return [(at, replace(c, sector=given[at]) if at in given else c) for at, c in claims]
