"""area_lookup: which LEP a town or council was in (both, where it sat in two)."""

from __future__ import annotations

from intents.dataset.model import Dataset
from intents.reading.query import Query
from intents.reading.rules import Rule
from intents.replies.answer import Answer
from intents.replies.wording import listing
from intents.spec import IntentSpec

BASIS_NOTE = {
    "recorded": "as commonly recorded for 2014, not yet checked against the official list",
    "recorded-part": "only part of the district; as commonly recorded for 2014",
    "published": "as listed by a published source",
}
TRIGGERS = (
    r"\b(?:which|what) (?:lep|leps|local enterprise partnership|enterprise partnership|partnership)\b",
    r"\blep (?:for|covers?|covering|is|does|includes?)\b",
    r"\b(?:cover|covers|covering|covered|contains?|includes?|part of|belong\w*|sits? in|sat in|falls? (?:in|under|within))\b",
    r"\bleps? ?wise\b|\b(?:where|which lep) does .+ (?:fall|sit|go|come under)\b"
    r"(?! (?:on|for|against|among|in the (?:ranking|table|list|league)))",  # not 'sit on that?'
    r"\bin which lep\b",
    r"\b(?:is|are) .* in (?:a|which|what) lep\b",
    r"^(?:is|was|are|were) .+ (?:in|part of|within|inside|covered by|under)\b",
    r"\b(?:its|their) leps?\b",
    r"\b(?:membership|member of|members?)\b",
)


def handle(query: Query, dataset: Dataset) -> Answer:
    found, lines, leps = [], [], []
    for name in query.districts:
        district = dataset.district(name)
        if district is None:
            continue
        leps += district.leps
        basis = BASIS_NOTE.get(district.basis, "")
        if len(district.leps) > 1:
            found.append(f"{name} sat in two LEPs in 2014: {listing(district.leps)}")
        else:
            found.append(f"{name} was in {district.leps[0]} LEP in 2014")
        if basis:
            lines.append(f"{name}: {basis}.")
    if not found:
        if query.areas:
            names = listing([dataset.spoken(a) for a in query.areas])
            headline = f"{names} is itself a LEP; ask “which LEP is <town> in?” with a district name to look one up."
        else:
            asked = " ".join(query.unread) or "that place"
            headline = (
                f"I couldn't find “{asked}” among the 326 English districts of 2014. "
                "Try the council or district name, e.g. “which LEP is Stockport in?”."
            )
        return Answer(
            intent="area_lookup",
            headline=headline,
            areas=query.areas,
            next_questions=("which LEP is Barnsley in?", "help"),
        )
    leps = list(dict.fromkeys(leps))
    return Answer(
        intent="area_lookup",
        headline="; ".join(found) + ".",
        lines=tuple(dict.fromkeys(lines)),
        areas=tuple(leps),
        next_questions=(
            *(f"tell me about {lep}" for lep in leps[:2]),
            f"how does {leps[0]} compare on placements?",
        ),
    )


UNKNOWN_PLACE = (
    r"\b(?:which|what) leps? (?:is|are|covers?|includes?|contains?|does)\b",
    r"\bin (?:which|what) lep\b",
)

SPEC = IntentSpec(
    name="area_lookup",
    label="LEP lookup",
    rules=(
        Rule(
            "area_lookup",
            30,
            triggers=TRIGGERS,
            needs=frozenset({"district"}),
            indicators=(0, 0),
            keeps_districts=True,
        ),
        Rule(
            "area_lookup",
            31,
            triggers=(  # "Wigan's LEP pls", 'warrington is cheshire lep yeah?'
                r"\bleps?(?: please| thanks| ta| then| yeah| right| correct| isn t it| innit)?\s*$",
            ),
            needs=frozenset({"district"}),
            leps=(0, 1),
            indicators=(0, 0),
            keeps_districts=True,
        ),
        Rule(  # 'Chesterfield – D2N2 or Sheffield?': which of the two is the town in
            "area_lookup",
            31,
            triggers=(r"\bor\b",),
            needs=frozenset({"district"}),
            leps=(2, 2),
            indicators=(0, 0),
            keeps_districts=True,
        ),
        Rule(
            "area_lookup",
            32,
            triggers=UNKNOWN_PLACE,
            needs=frozenset({"unread"}),
            leps=(0, 0),
            indicators=(0, 0),
            keeps_districts=True,
        ),
    ),
    handle=handle,
    asks="which LEP is {place} in?",
    examples=(
        "which LEP is Barnsley in?",
        "which LEP is Stockport in?",
        "what LEP covers Barnsley?",
    ),
)
