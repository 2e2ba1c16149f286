"""profile: one area across every measure the dataset holds for it."""

from __future__ import annotations

from intents.dataset.model import Dataset
from intents.dataset.units import amount
from intents.reading.context import FollowUp
from intents.reading.query import Query
from intents.reading.rules import Rule
from intents.replies.answer import Answer, Table
from intents.replies.chart_titles import profile_title
from intents.replies.charts import profile_dots
from intents.replies.describe import FULL_TABLE_HINT, describe
from intents.replies.wording import cite, listing
from intents.spec import IntentSpec

PROFILE_WORDS = (
    r"\b(?:tell me (?:more )?about|overview|profile|summary|summari[sz]e|snapshot|key (?:stats|facts|figures|numbers)|"
    r"fact ?sheet|headlines?|at a glance|anything (?:on|about|for)|what (?:else )?(?:do|have) (?:you|u|we) (?:know|have|got)|"
    r"everything|all you have|all the (?:data|stats|figures)|the lot|nutshell|rundown|run down|round ?up|"
    r"across the board|brief me|briefing on|about us|say about|overall picture|(?:whole|full|big) picture|"
    r"the story (?:with|for|in|on)|lowdown|low down|"
    r"what (?:s |is )?in the (?:data|dataset)|what (?:else )?do (?:you|u) have on|how .* looks?|looks like)\b"
)


def handle(query: Query, dataset: Dataset) -> Answer:
    area = query.areas[0]
    spoken = dataset.spoken(area)
    held, rows, figures, sources, lines, covered = [], [], [], [], [], []
    for ind in dataset.indicators:
        ev = dataset.evidence(area, ind.id)
        if ev.kind == "none":
            continue
        covered.append(ind.id)
        d = describe(dataset, area, ind.id)
        held.append(f"{ind.short}: {d.short}")
        bench = dataset.benchmark(ind.id)
        rows.append((ind.short, d.short, amount(bench.value, ind.format) if bench else "—"))
        figures += d.figures
        sources += d.sources
        lines.append(d.sentence)
    region = dataset.area(area).region
    districts = [d.name for d in dataset.districts if area in d.leps]
    about = f"{spoken} LEP ({region}; {len(districts)} districts in 2014)"
    if held:
        headline = (
            f"What the dataset holds for {about}: {'; '.join(held)} ({cite(dataset, sources)})."
        )
    else:
        headline = (
            f"The dataset has no published figures for {about}: its LEP-level figures "
            "are not in the published commentary or press coverage."
        )
        lines.append(FULL_TABLE_HINT)
    return Answer(
        intent="profile",
        headline=headline,
        lines=tuple(lines)
        + ((f"Districts: {listing(districts)}.",) if len(districts) <= 12 else ()),
        table=Table(("measure", spoken, "England / UK"), tuple(rows)) if rows else None,
        figures=tuple(dict.fromkeys(figures)),
        sources=tuple(dict.fromkeys(sources)),
        areas=(area,),
        indicators=tuple(covered),
        chart=profile_dots(dataset, area, profile_title(dataset, area)),
        next_questions=(
            f"how does {area} compare on placements?",
            f"compare {area} with London",
            "which areas buck the trend on work inspiration?",
        ),
    )


SPEC = IntentSpec(
    name="profile",
    label="area profile",
    rules=(
        Rule("profile", 77, triggers=(PROFILE_WORDS,), leps=(1, 1), indicators=(0, 0)),
        Rule("profile", 78, leps=(1, 1), indicators=(0, 0), refuses=frozenset({"unread"})),
    ),
    handle=handle,
    follow_up=FollowUp(lends_measures=False),  # 'and London?' is London's profile, not its figures
    asks="tell me about {area}",
    examples=("tell me about Humber", "Dorset overview"),
)
