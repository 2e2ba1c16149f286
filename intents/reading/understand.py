"""Text -> Query: clean it, find its entities, carry context over, pick the intent."""

from __future__ import annotations

import re
from dataclasses import replace

from intents.dataset.model import Dataset
from intents.reading.clean import clean
from intents.reading.lexicon import lexicon_for
from intents.reading.query import Query
from intents.reading.rules import Rule, pattern
from intents.reading.signals import Signals, read_signals

FOLLOW_UP = (
    r"^(?:and|or|but|so|also|then|now|ok|okay|right|cool|thanks)\b",
    r"^(?:what|how) about\b",
    r"^(?:same|likewise|ditto)\b",
    r"^(?:compare|versus|vs|against|add|plus)\b",
    r"^what of\b",
    r"\b(?:there|that area|that lep|that place|this area|this lep|those areas|those leps|them|the two|both of them|that one)\b",
    r"^(?:how|what|where|and) (?:do|did|are|were|does|about) they\b",
    r"\b(?:compare|compares|comparison) (?:with|to|against)\b|\bhow does (?:that|it|this) compare\b",
    r"\binstead\b",
    r"\b(?:the|that|this) (?:figure|number|one|measure|stat)\b",
    r"\b(?:for|about|does|is|on|with) it\b",
)
ADDS_AREAS = (
    r"\b(?:compare|comparison|vs|versus|against|add|plus|with|the two|both|them|those|all three)\b"
)
BACK_TO_SEVERAL = r"\b(?:the two|both|them|those|these|all three)\b"
AREA_REFERENCE = r"\b(?:there|that area|that lep|that place|this area|this lep|those areas|those leps|them|the two|both)\b|^(?:how|what|where|and) (?:do|did|are|were|does|about) they\b"
NO_INHERIT = frozenset({"unknown", "clarify", "help"})
SHORT = 5  # words; a short question missing a slot leans on the last one


def _refers_back(signals: Signals) -> bool:
    return any(pattern(p).search(signals.text) for p in FOLLOW_UP)


def _is_follow_up(signals: Signals) -> bool:
    if _refers_back(signals):
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
        and last.intent in ("relationship", "outliers")
    ):
        keep = [i for i in last.indicators if i not in signals.indicators][1:]
        changes["indicators"] = (*signals.indicators, *keep)
    if (
        not signals.leps
        and pattern(BACK_TO_SEVERAL).search(signals.text)
        and len(last.seen_areas) > 1
    ):
        wanted = 2 if pattern(r"\b(?:the two|both)\b").search(signals.text) else 3
        changes["leps"] = last.seen_areas[-wanted:]
        notes.append("areas carried over from earlier in the conversation")
        return replace(signals, **changes), tuple(notes)
    adds = last.areas and len(signals.leps) <= 1 and pattern(ADDS_AREAS).search(signals.text)
    if adds or (signals.leps and last.intent == "compare" and signals.text.startswith("and ")):
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
    if (
        last.breakdowns
        and not signals.sectors
        and not signals.groups
        and last.intent == "breakdown"
    ):
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
        if len(district.leps) > 1:
            return replace(signals, ambiguous=((f"{name} (in two LEPs)", district.leps),)), ()
        leps.append(district.leps[0])
        notes.append(f"{name} is in {district.leps[0]} LEP")
    return replace(signals, leps=tuple(dict.fromkeys(leps))), tuple(notes)


def _own_trigger(rules: tuple[Rule, ...], signals: Signals) -> bool:
    """Whether the words of the question (past any 'and'/'what about') ask for an intent."""
    text = re.sub(
        r"^(?:and|or|but|so|also|then|now|ok|okay|what about|how about)\s+", "", signals.text
    )
    return any(r.triggered(text) for r in rules if r.triggers and r.intent not in NO_INHERIT)


def _choose(
    rules: tuple[Rule, ...], signals: Signals, bare: Signals, last: Query | None
) -> tuple[Rule, Signals]:
    """The first rule that accepts. In a follow-up, the question's own words pick the intent
    when they can, and the last question only fills the slots it leaves open."""
    if last is None:
        return next((r, signals) for r in rules if r.accepts(signals))
    candidates = [signals]
    if not _refers_to_areas(bare):
        candidates.append(replace(signals, leps=bare.leps))
    explicit = next((r for r in rules if r.triggers and r.accepts(bare)), None)
    if explicit is not None:
        return explicit, next((c for c in candidates if explicit.accepts(c)), bare)
    for candidate in candidates:
        found = next((r for r in rules if r.triggers and r.accepts(candidate)), None)
        if found is not None and found.intent not in NO_INHERIT:
            return found, candidate
    if last.intent not in NO_INHERIT and not _own_trigger(rules, bare):
        found = next((r for r in rules if r.intent == last.intent and r.fits(signals)), None)
        if found is not None:
            return found, signals
    return next((r, signals) for r in rules if r.accepts(signals))


def _refers_to_areas(signals: Signals) -> bool:
    return pattern(AREA_REFERENCE).search(signals.text) is not None


def understand(
    text: str, dataset: Dataset, rules: tuple[Rule, ...], last: Query | None = None
) -> Query:
    cleaned, truncated = clean(text)
    if not cleaned:
        return Query(intent="unknown", reason="empty", text=text[:200], truncated=truncated)
    bare = read_signals(cleaned, lexicon_for(dataset))
    signals, carried = bare, ()
    follow_up = _is_follow_up(bare)
    if follow_up and last is not None:
        signals, carried = _carry(bare, last)
    lookup = [r for r in rules if r.intent == "area_lookup"]
    district_notes: tuple[str, ...] = ()
    if not any(r.accepts(signals) for r in lookup):
        signals, district_notes = _districts_as_leps(signals, dataset)
    rule, signals = _choose(rules, signals, bare, last if follow_up else None)
    if rule.intent == "unknown" and not rule.reason and last is None and _refers_back(bare):
        rule = Rule("clarify", 0, reason="no_context")
    if signals.leps == bare.leps:
        carried = tuple(n for n in carried if not n.startswith("area"))
    return Query(
        intent=rule.intent,
        reason=rule.reason,
        text=cleaned,
        areas=signals.leps,
        indicators=signals.indicators,
        groups=signals.groups,
        breakdowns=signals.sectors,
        districts=signals.districts,
        n=signals.n,
        order=signals.order,
        threshold=signals.threshold,
        claims=signals.claims,
        claimed_extreme=_claimed_extreme(signals.text),
        candidates=tuple(
            dict.fromkeys(c for _, cands in (*signals.ambiguous, *signals.regions) for c in cands)
        ),
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
