"""help: what can be asked, the measures with data, and example questions."""

from __future__ import annotations

from intents.catalogue import examples
from intents.dataset.model import Dataset
from intents.names import IntentName
from intents.reading.context import FollowUp
from intents.reading.query import Query
from intents.reading.rules import Rule
from intents.replies.answer import Answer
from intents.spec import IntentSpec

FEATURED: tuple[IntentName, ...] = ("value", "rank", "relationship", "factcheck", "area_lookup")


def handle(query: Query, dataset: Dataset) -> Answer:
    measures = ", ".join(i.short for i in dataset.indicators_with_data())
    return Answer(
        intent="help",
        headline=(
            "I answer questions about England's 39 Local Enterprise Partnerships (2014) from UKCES's "
            "Employer Perspectives Survey 2014 and related sources: an area's figure with the England "
            "benchmark and rank, comparisons, top/bottom lists, area profiles, relationships between "
            "measures, areas that buck the trend, national and sector figures, definitions, sources, "
            "fact-checks of a figure, and which LEP a town or council is in."
        ),
        lines=(
            f"Measures with data: {measures}.",
            "Only part of the LEP tables is published, so many LEPs have a band, a 'named high/low', or nothing; I say which. `lepbot data import` loads the full tables.",
            "Follow-ups work in a thread: “and Cumbria?”, “what about work inspiration?”, “and the bottom 5?”.",
            "Where a picture helps, the reply comes with a small chart (LEPs as bars, England as a line, bands as ranges).",
        ),
        next_questions=examples(*FEATURED),
    )


WHOLE_HELP = (
    r"(?:help|h|\?|usage|commands?|examples?|what can (?:you|i) (?:do|ask)|what can i ask(?: you)?|"
    r"what do you (?:do|know)|how do i use (?:this|you|it|lepbot)|how does this work|who are you|"
    r"what are you|hi|hello|hey|start|menu|options|instructions|guide|about you|"
    r"what (?:questions|things) can i ask|what data do you have|what do you cover)(?: please| thanks)?"
)
EXAMPLE_WORDS = r"\bexample (?:questions?|queries)\b|\b(?:some|a few|a couple of) examples\b(?! of)"
HELP_WORDS = (
    EXAMPLE_WORDS,
    r"\b(?:help|usage|commands?)\b",
    r"\blist of (?:commands|questions|things)\b",
    r"\bwhat can (?:you|i) (?:do|ask)\b",
    r"\bwhat (?:do|can) (?:you|u) (?:actually |even |really )?(?:do|know)\b",
    r"\bhow do i use\b",
    r"\bwhat (?:kinds?|sorts?|types?) of (?:questions|things)\b",
    r"\b(?:which|what) (?:indicators|measures|metrics|leps|areas|data|topics) (?:do|can|are) (?:you|i)\b",
    r"\bwhat (?:leps|areas|places|indicators|measures) do you (?:know|have|cover)\b",
    r"\bcan (?:i|we) (?:paste|send|give you|share)\b.{0,30}\b(?:paragraph|para|text|draft|brief)\b",
    r"\bhow (?:do|can) (?:i|we) (?:fact ?check|check (?:a|my|our) (?:paragraph|draft|brief|text))\b",
    r"\bhow (?:do|can|would) (?:i|we) (?:load|add|import|upload|get|put|ask)\b",
    r"\b(?:upload|import|load)\w* (?:our|my|the|your|a)? ?(?:own )?(?:full )?(?:lep |eps |ukces |nomis |ons )?(?:tables?|spreadsheets?|data|figures|file)\b",
    r"\b(?:get|load|import|add|bring|pull|put)\w*\b.{0,30}\b(?:full|fuller|whole|complete|all)\b"
    r".{0,20}\btables?\b",  # "can i get the whole lep tables into this thing?"
    r"\bcan (?:you|it|lepbot) (?:draw|do|make|produce|show|send) (?:me )?(?:a |any )?(?:charts?|graphs?|plots?|tables?|pictures?|visuals?)\b",
    r"\bwhich (?:indicators|measures|metrics) (?:have|do) you\b|\bindicators have you got\b",
    r"\b(?:ask|use) (?:you|it|lepbot) (?:stuff |things )?in a thread\b",
    r"\bwhat (?:indicators|measures|metrics|data|stats|topics) (?:have you got|have you|are there|are available|do you hold)\b",
    r"\bcan (?:you|it|lepbot) (?:check|fact ?check|verify) (?:a |my |our |this |the )?(?:whole )?(?:paragraph|para|draft|brief|text|sentence|press release|report)\b",
    r"\b(?:as|in) (?:json|csv|a spreadsheet)\b",
    r"\b(?:get|send|see) (?:a |the )?charts? (?:with|alongside)\b|\bin (?:a )?dms?\b|\bdirect messages?\b",
    r"\bwhat (?:file )?format\b.{0,30}\bimport\b|\bimport\b.{0,30}\bformat\b",
    r"\bhow many (?:leps|areas|places) (?:do you|does it|does lepbot|can you) (?:cover|have|know|do)\b",
)

SPEC = IntentSpec(
    name="help",
    label="help",
    plain_headline=True,
    follow_up=FollowUp(inherits=False),
    rules=(
        Rule(
            "help", 10, triggers=(WHOLE_HELP, ""), whole=True
        ),  # "" is a question of punctuation only
        Rule(  # 'a couple of example questions I could ask about GVA'
            "help",
            11,
            triggers=(EXAMPLE_WORDS,),
            leps=(0, 0),
            indicators=(0, 1),
            refuses=frozenset({"district", "order"}),
        ),
        Rule(  # '… writing up the postcode lottery for tomorrow's paper. what can you do?'
            "help",
            11,
            triggers=(
                r"\bwhat (?:can|do) (?:you|u|lepbot) (?:actually |even |really )?(?:do|cover)$",
            ),
            leps=(0, 0),
        ),
        Rule(
            "help",
            11,
            triggers=HELP_WORDS,
            leps=(0, 0),
            indicators=(0, 0),
            refuses=frozenset({"district"}),
        ),
    ),
    handle=handle,
    asks="help",
    examples=("help", "what can you do?"),
)
