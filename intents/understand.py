"""Text -> Query: clean it, find its entities, carry context over, pick the intent."""

from __future__ import annotations

import re
from dataclasses import replace

from intents.cleaning import clean
from intents.dataset import Dataset
from intents.entities import Signals, lexicon_for, read_signals
from intents.query import Query
from intents.rules import Rule, pattern

FOLLOW_UP = (
    r"^(?:and|or|but|so|also|then|now|ok|okay)\b",
    r"^(?:what|how) about\b",
    r"^(?:same|likewise|ditto)\b",
    r"^(?:compare|versus|vs|against)\b",
    r"^what of\b",
    r"\b(?:there|that area|that lep|that place|this area|this lep|those areas|those leps|them)\b",
    r"\binstead\b",
)
ADDS_AREAS = (
    r"^(?:compare (?:it |that |them )?(?:with|to|against)|vs|versus|against|and also|also)\b"
)
SHORT = 5  # words; a short question missing a slot leans on the last one


def _is_follow_up(signals: Signals) -> bool:
    if any(pattern(p).search(signals.text) for p in FOLLOW_UP):
        return True
    no_slot = not (signals.leps or signals.groups) or not signals.indicators
    return len(signals.tokens) <= SHORT and no_slot and not signals.ambiguous


def _carry(signals: Signals, last: Query) -> tuple[Signals, tuple[str, ...]]:
    """Fill what the follow-up leaves out from the last question, and say what was carried."""
    notes: list[str] = []
    changes: dict = {}
    if not signals.indicators and last.indicators and not signals.sectors:
        changes["indicators"] = last.indicators
        notes.append("measure carried over from the previous question")
    elif (
        signals.indicators
        and len(last.indicators) == 2
        and last.intent
        in (
            "relationship",
            "outliers",
        )
    ):
        keep = [i for i in last.indicators if i not in signals.indicators][1:]
        changes["indicators"] = (*signals.indicators, *keep)
    if (signals.leps and last.areas and pattern(ADDS_AREAS).search(signals.text)) or (signals.leps and last.intent == "compare" and signals.text.startswith("and ")):
        changes["leps"] = tuple(dict.fromkeys((*last.areas, *signals.leps)))
        notes.append("areas carried over from the previous question")
    elif not signals.leps and not signals.groups and last.areas and not signals.districts:
        changes["leps"] = last.areas
        notes.append("area carried over from the previous question")
    if last.intent == "rank" and not signals.leps:
        if signals.n is None and last.n is not None:
            changes["n"] = last.n
        if not signals.order and last.order:
            changes["order"] = last.order
        if signals.threshold is None and last.threshold is not None and not signals.order:
            changes["threshold"] = last.threshold
    if last.breakdowns and not signals.sectors and last.intent == "breakdown":
        changes["sectors"] = last.breakdowns
    return replace(signals, **changes), tuple(notes)


def _districts_as_leps(signals: Signals, dataset: Dataset) -> tuple[Signals, tuple[str, ...]]:
    """'Stockport placements' means Greater Manchester's figure; say so."""
    if signals.leps or not signals.districts:
        return signals, ()
    leps, notes = [], []
    for name in signals.districts:
        district = dataset.district(name)
        if district is None:
            continue
        if len(district.leps) == 1:
            leps.append(district.leps[0])
            notes.append(f"{name} is in {district.leps[0]} LEP")
        else:
            key = f"{name} (in two LEPs)"
            return replace(signals, ambiguous=((key, district.leps),)), ()
    return replace(signals, leps=tuple(dict.fromkeys(leps))), tuple(notes)


def _choose(signals: Signals, rules: tuple[Rule, ...], last: Query | None, follow_up: bool) -> str:
    if (
        follow_up
        and last is not None
        and not any(r.triggered(signals.text) for r in rules if r.triggers)
    ):
        for rule in rules:
            if rule.intent == last.intent and rule.fits(signals):
                return rule.intent
    return next(r.intent for r in rules if r.accepts(signals))


def understand(
    text: str, dataset: Dataset, rules: tuple[Rule, ...], last: Query | None = None
) -> Query:
    cleaned, truncated = clean(text)
    signals = read_signals(cleaned, lexicon_for(dataset))
    carried: tuple[str, ...] = ()
    follow_up = last is not None and _is_follow_up(signals)
    if follow_up:
        signals, carried = _carry(signals, last)
    lookup_first = next(r for r in rules if r.intent == "area_lookup")
    district_notes: tuple[str, ...] = ()
    if not lookup_first.accepts(signals):
        signals, district_notes = _districts_as_leps(signals, dataset)
    intent = _choose(signals, rules, last, follow_up)
    return Query(
        intent=intent,
        text=cleaned,
        areas=signals.leps,
        indicators=signals.indicators,
        groups=signals.groups,
        breakdowns=signals.sectors,
        districts=signals.districts,
        n=signals.n,
        order=signals.order,
        threshold=signals.threshold,
        number=signals.percents[0] if signals.percents else None,
        claimed_extreme=_claimed_extreme(signals.text),
        candidates=tuple(dict.fromkeys(c for _, cands in (*signals.ambiguous, *signals.regions) for c in cands)),
        unclear=(signals.ambiguous or signals.regions or (("", ()),))[0][0],
        outside=signals.outside[0] if signals.outside else "",
        other_year=signals.other_years[0] if signals.other_years else "",
        unread=signals.unread,
        notes=(*signals.notes, *district_notes, *carried),
        truncated=truncated,
    )


def _claimed_extreme(text: str) -> str:
    found = re.search(r"\b(highest|lowest|best|worst)\b", text)
    if not found:
        return ""
    return {"best": "highest", "worst": "lowest"}.get(found.group(1), found.group(1))
