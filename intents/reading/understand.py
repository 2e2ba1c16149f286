"""Text -> Query: clean it, find its entities, carry context over, pick the intent."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from intents.dataset.model import Dataset
from intents.dataset.ranking import descending
from intents.names import IntentName
from intents.reading.claims import Context, read_claims
from intents.reading.clean import clean
from intents.reading.confidence import SURE, confidence
from intents.reading.context import (
    BACK_TO_SEVERAL,
    SUBJECT_PRONOUN,
    asks_profile_of_pick,
    asks_standing,
    carry,
    is_benchmark,
    is_follow_up,
    picked,
    points_back,
    refers_back,
    refers_to_areas,
    without_lead_in,
)
from intents.reading.intent_model import likeliest, shipped_model
from intents.reading.lexicon import Lexicon, lexicon_for
from intents.reading.query import Claim, Query
from intents.reading.rules import Grammar, Rule
from intents.reading.signals import Mention, Signals, reader_for


def _narrowest_first(signals: Signals, lexicon: Lexicon) -> Signals:
    """'of yr11s who got careers ed, how many were happy with it': satisfaction, whose base is
    those who had careers education, is what is asked; the measure it narrows comes after."""
    narrower = [
        i
        for i in signals.indicators
        if any(other in lexicon.supersedes.get(i, ()) for other in signals.indicators)
    ]
    if not narrower:
        return signals
    rest = tuple(i for i in signals.indicators if i not in narrower)
    return replace(signals, indicators=(*narrower, *rest))


def _districts_as_leps(signals: Signals, dataset: Dataset) -> tuple[Signals, tuple[str, ...]]:
    """'Stockport placements' means Greater Manchester's figure; say so. Beside a LEP
    ('Compare Hull and Middlesbrough') a town is its LEP in the order written, if it is set
    beside it and in one LEP; a town in the chatter or in two LEPs is then left out."""
    if not signals.districts:
        return signals, ()
    leps, notes = [], []
    for m in signals.mentions:
        if m.kind == "lep" and m.target in signals.leps:
            leps.append(m.target)
        district = dataset.district(m.target) if m.kind == "district" else None
        if district is None or (signals.leps and not _paired(signals, m)):
            continue
        if len(district.leps) > 1:
            if signals.leps:
                continue
            return replace(signals, ambiguous=((f"{m.target} (in two LEPs)", district.leps),)), ()
        leps.append(district.leps[0])
        notes.append(f"{m.target} is in {district.leps[0]} LEP")
    if not notes:
        return signals, ()
    leps = list(dict.fromkeys([*leps, *signals.leps]))
    return replace(signals, leps=tuple(leps)), tuple(dict.fromkeys(notes))


def _paired(signals: Signals, town: Mention) -> bool:
    """The town is set beside a LEP ('Hull and Middlesbrough', 'Hartlepool's growth vs
    Cheshire'), not named in the chatter before the question ('after the Bradford piece …')."""
    for m in signals.mentions:
        if m.kind != "lep":
            continue
        between = signals.text[min(m.end, town.end) : max(m.start, town.start)]
        if len(between) <= 45 and PAIRING.search(between):
            return True
    return False


UNDECIDED_PICK = "the published figures cannot say which is “{}”: here is what each has"
LEARNED_SURE = 0.95  # naive Bayes is overconfident: below this it is a guess
PLACE_WORDS = re.compile(  # an order asked of places, not of what an answer listed
    r"\b(?:leps?|areas?|places?|partnerships?|regions?|count(?:y|ies)|towns?|cit(?:y|ies))\b"
    r"|\bwhere\b"
)
DOUBT_SURE = 0.999  # the model this sure of a reading no rule gave makes the rule's a doubt
READINGS: dict[str, str] = {  # each reading as the reply names it: "(read as …)", "… or …?"
    "value": "a question about a figure",
    "compare": "a comparison",
    "rank": "a ranking of LEPs",
    "profile": "a profile of the area",
    "relationship": "a question about how two measures are related",
    "outliers": "a question about LEPs that buck the trend",
    "groups": "a question about national figures",
    "breakdown": "a question about sectors",
    "define": "a question about what a measure means",
    "source": "a question about the sources",
    "help": "a question about what I can do",
    "area_lookup": "a question about which LEP a place is in",
    "factcheck": "a claim to check",
}
LEARNED = frozenset(READINGS) - {"factcheck"}  # a check needs claims, which only rules read
UNDOUBTED = frozenset({"clarify", "unknown", "help", "factcheck"})  # nothing said, or claims read
PAIRING = re.compile(r"\b(?:and|or|vs|versus|against|than|compared (?:with|to))\b|&")


def _own_trigger(grammar: Grammar, signals: Signals, alone: bool = False) -> bool:
    """Whether the words of the question (past any 'and'/'what about') ask for an intent;
    `alone`: without the places a rule needs ('… D2N2 or Sheffield?' asks nothing unnamed)."""
    text = without_lead_in(signals.text)
    return any(
        r.triggered(text)
        for r in grammar.rules
        if r.triggers
        and grammar.follow_up(r.intent).inherits
        and (not alone or (not r.needs and r.leps[0] == 0))
    )


def _choose(
    grammar: Grammar, signals: Signals, bare: Signals, last: Query | None
) -> tuple[Rule, Signals]:
    """The first rule that accepts. In a follow-up, the question's own words pick the intent
    when they can, and the last question only fills the slots it leaves open."""
    rules = grammar.rules
    benchmark = is_benchmark(bare) and signals.leps and not bare.leps
    if last is None or benchmark:  # 'how does that compare with England?': the area carried
        return next((r, signals) for r in rules if r.accepts(signals))
    if (
        signals.ambiguous and signals.indicators and not bare.leps
    ):  # "so the figure for Barnsley?": which of its LEPs first
        first = next(r for r in rules if r.accepts(signals))
        if first.intent == "clarify":
            return first, signals
    candidates = [signals]
    if not refers_to_areas(bare):
        candidates.append(replace(signals, leps=bare.leps))
    candidates.append(replace(signals, indicators=bare.indicators))  # 'tell me everything about it'
    explicit = next((r for r in rules if r.triggers and r.accepts(bare)), None)
    if (
        grammar.follow_up(last.intent).orders_within
        and bare.order
        and not (bare.leps or bare.groups or bare.districts or bare.amounts)
        and set(bare.indicators) <= set(last.indicators)  # 'and the lowest for placements?'
        and not PLACE_WORDS.search(bare.text)  # 'and which LEP is lowest?' ranks the LEPs
        and (
            within := next((r for r in rules if r.intent == last.intent and r.fits(signals)), None)
        )
    ):  # 'which is lowest?' after the sectors: the lowest sector ('the lowest at 6%?' checks)
        return within, signals
    if explicit is not None and points_back(bare) and not bare.amounts:  # "where's that from?"
        explicit = next(
            (r for r in rules if r.intent == explicit.intent and r.accepts(signals)), explicit
        )
    if explicit is not None:
        fit = next((c for c in candidates if explicit.accepts(c)), None)
        if fit is not None:
            return explicit, fit
        # 'the ratio between them?' after two areas: the areas the thread lends make it another
        # question than its words alone ('which sectors are there?' stays its own)
        carried = next((r for r in rules if r.accepts(signals)), None)
        lends = carried is not None and carried is not rules[-1] and signals != bare
        leans = (
            BACK_TO_SEVERAL.search(bare.text) is not None
            or asks_standing(bare)
            or SUBJECT_PRONOUN.match(bare.text) is not None  # "so it's the lowest of all 39?"
        )
        if lends and leans and not explicit.reads_claims:  # a check reads its context itself
            return carried, signals
        return explicit, bare
    for candidate in candidates:
        found = next((r for r in rules if r.triggers and r.accepts(candidate)), None)
        if found is not None and grammar.follow_up(found.intent).inherits:
            return found, candidate
    # 'what's their work inspiration figure?' after the areas that buck a trend: their figures
    of_listed = bool(last.listed) and not last.areas and signals.leps and not bare.leps
    inherits = grammar.follow_up(last.intent).inherits and not of_listed
    if inherits and not _own_trigger(grammar, bare):
        found = next(  # a rule kept for a special wording ('bands') needs that wording
            (
                r
                for r in rules
                if r.intent == last.intent and (r.accepts(signals) if r.reason else r.fits(signals))
            ),
            None,
        )
        if found is not None:
            return found, signals
    return next((r, signals) for r in rules if r.accepts(signals))


def warm(dataset: Dataset) -> None:
    """Build what the first question would otherwise wait for: the lexicon (about 50 ms) and
    the intent model (about 40 ms), once per serving process."""
    lexicon_for(dataset)
    shipped_model()


def understand(text: str, dataset: Dataset, grammar: Grammar, last: Query | None = None) -> Query:
    cleaned, truncated = clean(text)
    if not cleaned:
        return Query(intent="unknown", reason="empty", text=text[:200], truncated=truncated)
    lexicon = lexicon_for(dataset)
    read = reader_for(lexicon)
    bare = read(cleaned, False)
    about_students = (
        last is not None and last.indicators[:1] and last.indicators[0] in lexicon.of_students
    )
    of_students = bool(bare.indicators) and set(bare.indicators) <= lexicon.of_students
    if (
        about_students and is_follow_up(bare) and not bare.leps
    ) or of_students:  # 'and how many of them were happy with it?', '… yr11s … happy with it'
        bare = _narrowest_first(read(cleaned, True), lexicon)
    if _only_background(grammar, bare):
        return Query(
            intent="unknown",
            reason="background",
            text=cleaned,
            background=bare.aside,
            notes=(_aside_note(bare),),
            truncated=truncated,
        )
    signals, carried = bare, ()
    follow_up = is_follow_up(bare) and (points_back(bare) or not _off_topic(grammar, bare))
    if follow_up and last is not None:
        signals, carried = carry(bare, last, grammar.follow_up(last.intent))
    district_notes: tuple[str, ...] = ()
    placed = signals  # before a town is read as its LEP: 'she's Worcester' stays background
    if not any(r.keeps_districts and r.accepts(signals) for r in grammar.rules):
        signals, district_notes = _districts_as_leps(signals, dataset)
    chosen = signals
    picks = _one_of_ranking(bare, last, dataset)
    one = picks[0] if len(picks) == 1 else ""
    if len(picks) > 1:  # 'the weakest one' where the published bands cannot say: each of them
        signals = replace(
            bare,
            leps=picks,
            indicators=bare.indicators or last.indicators,
            notes=(*bare.notes, UNDECIDED_PICK.format(bare.text.strip(" ?"))),
        )
        rule = next(r for r in grammar.rules if r.accepts(signals))
    elif one:  # 'the bottom one?' after a ranking: that LEP's figure
        signals = replace(
            bare,
            leps=(one,),
            indicators=()
            if asks_profile_of_pick(bare.text)
            else bare.indicators or last.indicators,
            order=last.order,  # the ranking's, so 'next?' after 'second slowest?' runs its way
            notes=(*bare.notes, f"took “{bare.text.strip(' ?')}” as {one}, from the ranking"),
        )
        rule = next(r for r in grammar.rules if r.accepts(signals))
    else:
        rule, signals = _choose(grammar, chosen, bare, last if follow_up else None)
    claims: tuple[Claim, ...] = ()
    if rule.reads_claims:
        claims = read_claims(cleaned, lexicon, _claim_context(signals, last, dataset), read)
        if not claims:  # a check with nothing in it to check is some other question
            rule, signals = _choose(
                grammar.without_claims, chosen, bare, last if follow_up else None
            )
    again = _claimed_again(bare, last, cleaned)
    if again and not claims:  # 'can we say the same for Tees Valley?' after a check
        claims = again
        rule = next(r for r in grammar.rules if r.reads_claims)
        signals = replace(bare, indicators=tuple(dict.fromkeys(c.indicator for c in again)))
    if (
        signals.aside and last is None and not rule.keeps_districts and not one
    ):  # 'Leeds team here: top 5'
        without = _without_places(placed)
        other = next(r for r in grammar.rules if r.accepts(without))
        if other.reads_claims and not read_claims(
            cleaned, lexicon, _claim_context(without, None, dataset), read
        ):
            other = next(r for r in grammar.without_claims.rules if r.accepts(without))
        explicit = other.triggers and grammar.follow_up(other.intent).inherits
        about_places = rule.leps[0] > 0 or rule is grammar.rules[-1]
        if explicit and not other.reads_claims and other.intent != rule.intent and about_places:
            rule, signals = other, replace(without, notes=(*without.notes, _aside_note(signals)))
            claims = ()
    if rule is grammar.rules[-1] and last is None and refers_back(bare):
        rule = grammar.no_context
    elif last is None and (rule is grammar.rules[-1] or _ranks_nothing(rule, signals)):
        # no rule reads it, or only as a ranking of no measure ('are 2-3 point gaps between
        # LEPs meaningful?'): the model may, if it is sure (not in a thread: a message there may
        # lean on the thread, which the model never sees)
        learned = _learned(grammar, bare, signals)
        if learned is not None and learned.intent != rule.intent:
            rule = learned
            note = f"read as {READINGS[rule.intent]}"
            signals = replace(signals, notes=(*signals.notes, note))
    if rule.intent in ABOUT_A_FIGURE and signals.amounts and not signals.indicators:
        signals = _measure_of_figure(signals, dataset)
    sure = confidence(rule, bare, lexicon.function_words)
    unsure, instead, likelier = "", "", _likelier(grammar, rule, bare) if last is None else ""
    if likelier:
        unsure = f"it could be {READINGS[rule.intent]} or {READINGS[likelier]}"
        instead, rule = rule.intent, grammar.unsure
    elif sure.score < SURE and grammar.follow_up(rule.intent).inherits and not rule.reads_claims:
        unsure, instead, rule = sure.reason, rule.intent, grammar.unsure
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
        amounts=signals.amounts,
        claims=claims,
        candidates=tuple(
            dict.fromkeys(c for _, cands in (*signals.ambiguous, *signals.regions) for c in cands)
        ),
        unclear=(signals.ambiguous or signals.regions or (("", ()),))[0][0],
        outside=signals.outside[0] if signals.outside else "",
        other_year=signals.other_years[0] if signals.other_years else "",
        unread=signals.unread,
        unsure=unsure,
        instead=instead,
        likelier=likelier,
        notes=(*signals.notes, *district_notes, *carried),
        truncated=truncated,
        listed=last.listed if one and last is not None else (),  # 'and the top one?' next
    )


SAME_CLAIM = re.compile(
    r"\b(?:say|said|claim|write) the same\b|\bsame (?:for|of|goes for|is true|true|applies)\b"
    r"|\b(?:does|is|would) (?:that|it|this) (?:hold|apply|work|go|be true|stand) (?:for|of|in)\b"
    r"|\b(?:too|as well|also)\W*$"
)


def _claimed_again(bare: Signals, last: Query | None, text: str) -> tuple[Claim, ...]:
    """The last check's claims about its area, said now of the one LEP this follow-up names."""
    if last is None or last.intent != "factcheck" or len(bare.leps) != 1:
        return ()
    if SAME_CLAIM.search(bare.text) is None or bare.amounts or bare.indicators:
        return ()  # 'what is the placement rate for London as well?' asks its own question
    return tuple(
        replace(c, subject=bare.leps[0], text=text)
        for c in last.claims
        if c.subject in last.areas and c.subject != bare.leps[0] and not c.other
    )


def _ranks_nothing(rule: Rule, signals: Signals) -> bool:
    """A ranking with no measure to rank by: it would only ask which measure."""
    return rule.intent == "rank" and not signals.indicators


@lru_cache(maxsize=1)
def _model_reading(bare: Signals) -> tuple[IntentName, float]:
    """The learned reader's intent for a message, once: both the catch-all's fallback and the
    doubt gate ask it of the same message."""
    return likeliest(shipped_model(), bare)


def _learned(grammar: Grammar, bare: Signals, signals: Signals) -> Rule | None:
    """The rule of the intent the model is sure of, when one fits what the message names
    (a ranking needs a measure): the first such rule that answers, not one kept for a
    special wording."""
    intent, probability = _model_reading(bare)
    if probability < LEARNED_SURE or intent not in LEARNED:
        return None
    fitting = [
        r for r in grammar.rules if r.intent == intent and r.fits(signals) and not r.reads_claims
    ]
    return min(fitting, key=lambda r: bool(r.reason), default=None)


def _likelier(grammar: Grammar, rule: Rule, bare: Signals) -> str:
    """The reading the model is all but certain of when the rule gave another that does not
    answer the same question: then neither is sure, and the user is asked which they meant.
    Only for a message read alone (the model never sees a thread), and a check only of a
    message with a figure or a word asking for one ('construction firms in tees valley,
    work inspiration?' has nothing to check)."""
    if rule.intent in UNDOUBTED or rule.reads_claims or rule.decisive:
        return ""
    model = shipped_model()
    intent, probability = _model_reading(bare)
    if probability < DOUBT_SURE or intent not in READINGS or model.one_answer(rule.intent, intent):
        return ""
    if intent == "factcheck" and not bare.amounts and not _asks_check(grammar, bare):
        return ""
    return intent


ABOUT_A_FIGURE = frozenset({"define", "source"})  # 'the 38% - of employers or of pupils?'


def _measure_of_figure(signals: Signals, dataset: Dataset) -> Signals:
    """The measure a figure named without one is of, when exactly one published figure of the
    area asked (else England's or the UK's) is that figure: 'is the 38% a share of employers?'"""
    areas = signals.leps or dataset.benchmarks
    given = {(a.value, a.unit == "percent") for a in signals.amounts if a.high is None}
    matches = tuple(
        dict.fromkeys(
            ind.id
            for ind in dataset.indicators
            for area in areas
            if (fact := dataset.evidence(area, ind.id).fact) is not None
            and fact.value is not None
            and (fact.value, ind.is_share) in given
        )
    )
    if len(matches) != 1:
        return signals
    short = dataset.indicator(matches[0]).short
    note = f"took the figure given as {short}, the one published figure it matches"
    return replace(signals, indicators=matches, notes=(*signals.notes, note))


def _asks_check(grammar: Grammar, signals: Signals) -> bool:
    return any(r.triggered(signals.text) for r in grammar.rules if r.reads_claims and r.triggers)


def _one_of_ranking(bare: Signals, last: Query | None, dataset: Dataset) -> tuple[str, ...]:
    """The LEP a follow-up picks from the ranking or list before it, by position ("who's
    second?") or by value ('the bottom one?', whichever way the list ran); () when it picks
    none, and every LEP listed when the published figures cannot say which one it is."""
    if last is None or not last.listed or not last.indicators or bare.leps:
        return ()
    pick = picked(bare.text)
    if pick is None:
        return ()
    end, position = pick
    indicator = last.indicators[0]
    if end == "next":  # 'the one after that?': after the LEP picked last, else the first
        one = len(last.areas) == 1 and last.areas[0] in last.listed
        at = last.listed.index(last.areas[0]) + 1 if one else 1
        if at >= len(last.listed):
            return ()
        down = descending(last.order or "highest", dataset.indicator(indicator).higher_is_better)
        beyond = "lowest" if down else "highest"  # a LEP named at the far end, listed apart
        return (
            ()
            if dataset.evidence(last.listed[at], indicator).extreme == beyond
            else (last.listed[at],)
        )
    if end:  # among the LEPs with a figure: one without is no end of anything
        return _end_of(last, indicator, end, dataset)
    if bare.order and position > 0:  # 'second slowest?': the LEP placed there, never a guess
        down = descending(bare.order, dataset.indicator(indicator).higher_is_better)
        if dataset.complete(indicator):  # counted among every LEP, not the few listed
            values = dataset.lep_values(indicator)
            ordered = sorted(values, key=lambda a: values[a].value, reverse=down)
            return (ordered[position - 1],) if position <= len(ordered) else ()
        place = (position, "highest" if down else "lowest")
        return tuple(a for a in last.listed if _placed(dataset, a, indicator) == place)[:1]
    if position == -1 or position <= len(last.listed):
        return (last.listed[position - 1 if position > 0 else -1],)
    return ()


def _end_of(last: Query, indicator: str, end: str, dataset: Dataset) -> tuple[str, ...]:
    """The LEP at `end` of the list, by the measure's polarity, among those with a figure; every
    LEP listed when a band may lie beyond it or one figure stands among several."""
    fact = {a: dataset.evidence(a, indicator).fact for a in last.listed}
    valued = {a: f.value for a, f in fact.items() if f is not None and f.value is not None}
    if not valued:
        return ()
    top = descending(end, dataset.indicator(indicator).higher_is_better)
    one = (max if top else min)(valued, key=valued.__getitem__)
    pool = tuple(dict.fromkeys((*last.listed, *last.candidates)))  # a region's, if ranked in one
    end_of_all = dataset.evidence(one, indicator).extreme == ("highest" if top else "lowest")
    if len(valued) == 1 and len(pool) > 1 and not end_of_all:
        return pool
    beaten = any(  # 'the weakest of the North West' where a band may lie below it is unknown
        f is not None
        and f.kind == "band"
        and ((f.high or 0) > valued[one] if top else (f.low or 0) < valued[one])
        for f in fact.values()
    )
    return last.listed if beaten else (one,)


def _placed(dataset: Dataset, area: str, indicator: str) -> tuple[int, str] | None:
    """Where a source places a LEP, as (position, end): (1, 'lowest'), (2, 'highest')."""
    evidence = dataset.evidence(area, indicator)
    return evidence.next_to_end or ((1, evidence.extreme) if evidence.extreme else None)


def _off_topic(grammar: Grammar, signals: Signals) -> bool:
    """'cheers — when's lunch?' in a thread: nothing of the data named, words of something else,
    and nothing asked of the data. It starts afresh rather than borrow the thread's figures."""
    named = signals.present & {"lep", "group", "district", "indicator", "sector", "number", "order"}
    return not named and bool(signals.unread) and not _own_trigger(grammar, signals, alone=True)


def _only_background(grammar: Grammar, signals: Signals) -> bool:
    """ "I'm in Leeds tomorrow", 'sat in the Humber workshop, lunch was good': every place named is
    where the asker is, and nothing of the data is asked, so no area's figures are given."""
    asked = signals.present & {"indicator", "sector", "group", "number", "order", "threshold"}
    return bool(signals.aside) and not asked and not _own_trigger(grammar, signals, alone=True)


def _without_places(signals: Signals) -> Signals:
    return replace(
        signals,
        leps=tuple(a for a in signals.leps if a not in signals.aside),
        districts=tuple(d for d in signals.districts if d not in signals.aside),
    )


def _aside_note(signals: Signals) -> str:
    """Named as the LEPs set aside; a town read as its LEP is not named twice."""
    leps = [a for a in signals.aside if a in signals.leps]
    return f"took {' and '.join(leps or signals.aside)} as background"


def _the_one_ranked(last: Query, dataset: Dataset) -> tuple[str, ...]:
    """'which LEP had the lowest?' then 'check: it was 11%': 'it' is the one LEP it asked for;
    none when the first two shown are level ('which LEP is top?': London and Cheshire)."""
    one = last.n == 1 or (last.n is None and ONE_ASKED.search(last.text))
    if last.intent != "rank" or not one or not last.listed or not last.indicators:
        return ()
    values = dataset.lep_values(last.indicators[0])
    first, second = (values.get(a) for a in (*last.listed[:2], "")[:2])
    level = first is None or (second is not None and second.value == first.value)
    return () if level else last.listed[:1]


ONE_ASKED = re.compile(r"\b(?:which|what) (?:lep|area|local enterprise partnership)\b", re.I)


def _claim_context(signals: Signals, last: Query | None, dataset: Dataset) -> Context:
    """What a claim with no area of its own ('check: it is at 46%') is about."""
    areas = (
        (last.areas or last.groups or _the_one_ranked(last, dataset)) if last is not None else ()
    )
    measures: dict[str, set[str]] = {}
    for c in last.claims if last is not None else ():
        if c.subject and c.indicator:
            measures.setdefault(c.subject, set()).add(c.indicator)
    return Context(
        areas=areas,
        indicators=signals.indicators or (last.indicators if last is not None else ()),
        recent=areas[:2] if len(areas) == 2 else (),  # 'the gap between the two'
        said_of=tuple((a, next(iter(m))) for a, m in measures.items() if len(m) == 1),
    )
