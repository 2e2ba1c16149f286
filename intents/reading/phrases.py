"""Finding the lexicon's phrases in a question: exact phrases first (the longest anywhere wins,
whole words only, so "us" is never found inside "houses"), then rapidfuzz for typos on what is
left, never on common words."""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from intents.reading.lexicon import MIN_FUZZY_CHARS, Entry, Lexicon

FUZZY_CUTOFF = 0.8  # Damerau–Levenshtein similarity: one slip in five letters
CLOSE_CALL = 0.03  # two candidates this close are a "did you mean", not a guess


@dataclass(frozen=True)
class Match:
    start: int  # token index
    end: int
    phrase: str
    entries: tuple[Entry, ...]
    fuzzy: bool = False

    def of(self, kind: str) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if e.kind == kind)

    @property
    def only_vague(self) -> bool:
        return all(e.kind in ("ambiguous", "region") for e in self.entries)


def exact_matches(tokens: list[str], lexicon: Lexicon) -> list[Match]:
    """Every phrase found, then the one with most words of substance first ('south east' beats
    'in the south' over the same 'south'), never two over the same word."""
    found = []
    for i in range(len(tokens)):
        for n in range(min(lexicon.longest, len(tokens) - i), 0, -1):
            key = tuple(tokens[i : i + n])
            if key in lexicon.phrases:
                found.append(Match(i, i + n, " ".join(key), lexicon.phrases[key]))
    chosen: list[Match] = []
    taken: set[int] = set()

    def weight(m: Match) -> tuple[int, int, int, int]:
        content = sum(1 for t in tokens[m.start : m.end] if t not in lexicon.function_words)
        return (-content, -(m.end - m.start), _vagueness(m), m.start)

    for match in sorted(found, key=weight):
        span = set(range(match.start, match.end))
        if not span & taken:
            chosen.append(match)
            taken |= span
    return sorted(chosen, key=lambda m: m.start)


def _vagueness(match: Match) -> int:
    """At equal length a named place or measure beats a region, and a region beats a group."""
    kinds = {e.kind for e in match.entries}
    return 2 if kinds <= {"group"} else 1 if kinds <= {"region", "ambiguous", "group"} else 0


def fuzzy_matches(tokens: list[str], covered: set[int], lexicon: Lexicon) -> list[Match]:
    """Typos: n-grams of uncovered, uncommon words compared with every phrase of that length."""
    matches: list[Match] = []
    taken = set(covered)
    for n in (3, 2, 1):
        for i in range(len(tokens) - n + 1):
            span = range(i, i + n)
            words = tokens[i : i + n]
            if taken.intersection(span) or any(w.isdigit() for w in words):
                continue
            if words[0] in lexicon.function_words or words[-1] in lexicon.function_words:
                continue
            if all(w in lexicon.known_words for w in words):  # 'new lep' is no typo of 'ne lep'
                continue
            phrase = " ".join(words)
            if len(phrase) < MIN_FUZZY_CHARS:
                continue
            found = [
                (p, s)
                for p, s, _ in process.extract(
                    phrase,
                    lexicon.fuzzy_choices.get((n, phrase[0]), ()),
                    scorer=DamerauLevenshtein.normalized_similarity,
                    score_cutoff=FUZZY_CUTOFF,
                    limit=4,
                )
                if p != phrase
            ]
            if not found:
                continue
            best_phrase, best_score = found[0]
            entries = lexicon.phrases[tuple(best_phrase.split())]
            rivals = [
                p
                for p, s in found[1:]
                if best_score - s < CLOSE_CALL
                and _targets(lexicon, p) != _targets(lexicon, best_phrase)
            ]
            if rivals:
                names = tuple(
                    dict.fromkeys(t for p in (best_phrase, *rivals) for t in _targets(lexicon, p))
                )
                entries = (Entry("ambiguous", phrase, names),)
            matches.append(Match(i, i + n, phrase, entries, fuzzy=True))
            taken.update(span)
    return matches


def _targets(lexicon: Lexicon, phrase: str) -> tuple[str, ...]:
    entries = lexicon.phrases[tuple(phrase.split())]
    return tuple(e.target for e in entries if e.kind in ("lep", "indicator", "group", "district"))
