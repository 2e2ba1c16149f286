"""Questions as people type them in workshop channels: chatter, short forms, Slack markup,
regions, thresholds in words, questions about the data, follow-ups and other years."""

from __future__ import annotations

import pytest

NORTH_WEST = [
    "Cheshire and Warrington",
    "Cumbria",
    "Greater Manchester",
    "Lancashire",
    "Liverpool City Region",
]


@pytest.mark.parametrize(
    ("question", "intent", "areas", "indicator"),
    [
        # chatter around the question names other places
        (
            "sat in the Leeds workshop, what's Solent like for placements?",
            "value",
            ["Solent"],
            "work_placements",
        ),
        (
            "Sarah from Humber asked me how Dorset does on work inspiration",
            "value",
            ["Dorset"],
            "work_inspiration",
        ),
        (
            "just back from the GM session – London's placement share again?",
            "value",
            ["London"],
            "work_placements",
        ),
        (
            "Leeds City Region team here :wave: top 5 LEPs for placements please",
            "rank",
            None,
            "work_placements",
        ),
        # short forms of measures and LEPs
        ("work insp in Dorset", "value", ["Dorset"], "work_inspiration"),
        ("wk exp in london", "value", ["London"], "work_placements"),
        ("WEX in Humber", "value", ["Humber"], "work_placements"),
        ("youth unemp in Humber", "value", ["Humber"], "youth_unemployment"),
        (
            "Notts placements",
            "value",
            ["Derby, Derbyshire, Nottingham and Nottinghamshire"],
            "work_placements",
        ),
        ("LCR placements", "value", ["Liverpool City Region"], "work_placements"),
        (
            "how big is manufacturing in the Hull economy",
            "value",
            ["Humber"],
            "manufacturing_gva_share",
        ),
        # Slack markup as Slack sends it
        ("~Humber~ placements", "value", ["Humber"], "work_placements"),
        ("~GM~ sorry, LCR placements", "value", ["Liverpool City Region"], "work_placements"),
        (
            "<https://example.org/notes|notes> Humber placements",
            "value",
            ["Humber"],
            "work_placements",
        ),
        ("Humber place:chart_with_upwards_trend:ments", "value", ["Humber"], "work_placements"),
        # regions: every LEP of the region; "South East" alone is the LEP
        ("the North West LEPs on placements", "groups", NORTH_WEST, "work_placements"),
        (
            "Yorkshire LEPs for work inspiration",
            "groups",
            ["Humber", "Leeds City Region", "Sheffield City Region", "York and North Yorkshire"],
            "work_inspiration",
        ),
        ("South East placements", "value", ["South East"], "work_placements"),
        # thresholds in words are rankings
        (
            "LEPs where more than a third of employers offer placements",
            "rank",
            None,
            "work_placements",
        ),
        (
            "which LEPs have fewer than one in five employers doing work inspiration?",
            "rank",
            None,
            "work_inspiration",
        ),
        # relationships asked about kinds of area
        (
            "do areas heavy in manufacturing have less work inspiration?",
            "relationship",
            None,
            "manufacturing_gva_share",
        ),
        ("are richer LEPs better at placements?", "relationship", None, "gva_per_head"),
        # 'the first half' is a time, not a figure; a town travelled from is background
        (
            "Morning all, sorry I missed the first half, the trains from York were a mess. "
            "Could someone tell me the figure for Oxfordshire on work inspiration?",
            "value",
            ["Oxfordshire"],
            "work_inspiration",
        ),
        # a team asking about 'our' figure is asking about its own area
        (
            "pasting an email from the Tees Valley team:\n> for the skills plan we want to quote "
            "our GVA growth over 2008-13. Could you send the number you hold?",
            "value",
            ["Tees Valley"],
            "gva_growth",
        ),
        # a place before 'anyway' is chatter; 'not just the SE LEP' sets the LEP aside
        (
            "my mum lives in Cornwall lol :joy: anyway — Gloucestershire placements?",
            "value",
            ["Gloucestershire"],
            "work_placements",
        ),
        (
            "placements for all the LEPs in the South East region (not just the SE LEP)",
            "groups",
            ["Buckinghamshire Thames Valley", "Coast to Capital", "Enterprise M3", "Oxfordshire",
             "Solent", "South East", "Thames Valley Berkshire"],
            "work_placements",
        ),
        ("tees placements", "value", ["Tees Valley"], "work_placements"),
        ("do the fast-growing economies do more work inspiration?", "relationship", None,
         "gva_growth"),
        ("is the placements figure a share of employers or pupils?", "define", None,
         "work_placements"),
        # an email's header lines are not the question; 'off to X' is where the asker goes
        ("From: Jo Smith\nSent: 12 February 2015 09:14\nSubject: RE: heat maps\n\nQuick q from "
         "the Bristol office - does anyone know the Dorset figure for work inspiration?",
         "value", ["Dorset"], "work_inspiration"),
        ("off to cornwall next week :sunny: before I go, top 5 LEPs on placements?", "rank", [],
         "work_placements"),
        ("anywhere under 30% for placements?", "rank", [], "work_placements"),
        ("any lep north of 40 percent for work exp?", "rank", [], "work_placements"),
        ("LEPs south of 30% on placements?", "rank", [], "work_placements"),
        ("placements in the south of england?", "groups", None, "work_placements"),
        ("where's the worst place in england to find a work placement", "rank", [],
         "work_placements"),
        ("does work inspiration drop where youth unemployment is higher", "relationship", [],
         "youth_unemployment"),
        ("what's the correlation coefficient between gva and work inspiration", "relationship",
         [], "work_inspiration"),
        ("school leavers careers guidance - what share got it?", "groups", [],
         "students_careers_education"),
        ("placements data for Cardiff?", "unknown", [], "work_placements"),
    ],
)  # fmt: skip
def test_read_as_people_type(ask, question, intent, areas, indicator):
    (reply,) = ask(question)
    assert reply["intent"] == intent, reply["text"]
    if areas is not None:
        assert set(reply["areas"]) == set(areas), reply["text"]
    assert indicator in reply["indicators"], reply["text"]


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("show me some example questions", "help"),
        ("how do I add the full tables?", "help"),
        ("are these shares of employers or of pupils?", "define"),
        ("what boundaries are these?", "define"),
        ("is there anything more recent than 2014?", "source"),
        ("what do these bands mean?", "define"),
        ("are these the old 2014 LEP footprints or the current ones?", "define"),
        ("is there a newer wave than EPS 2014?", "source"),
        ("ASPIRES 2 — how many pupils and how many schools?", "source"),
        ("how do I import new LEP tables into the bot?", "help"),
        ("what measures have you got?", "help"),
        ("can you check a paragraph from my draft?", "help"),
        ("can I get the answer as JSON?", "help"),
        ("how many LEPs do you cover", "help"),
        ("Give me a couple of example questions I could ask about GVA", "help"),
        ("who drew the heat maps?", "source"),
        ("Have you got anything newer than 2014 - EPS 2016 maybe?", "source"),
        ("Are the placement %s weighted? of employers or of staff?", "source"),
        ("how many employers were surveyed in Cumbria specifically?", "source"),
        ("GVA per head - per worker or per resident?", "define"),
        ("The careers satisfaction figure - satisfied out of whom?", "define"),
        ("GVA per head - what is it in plain English?", "define"),
        ("is youth unemployment here a rate or a count?", "define"),
        ("Were the interviews by phone or online?", "source"),
        ("How often is EPS run?", "source"),
        ("Which document did the LEP heat maps originally appear in?", "source"),
        ("Is there a way to get a chart with the answer?", "help"),
        ("does it work in DMs too or just the channel?", "help"),
        ("Can I load newer EPS waves myself? What format does the import expect?", "help"),
        ("manuf share = share of what", "define"),
        ("is the unemployment rate a % of everyone or of the economically active?", "define"),
    ],
)
def test_questions_about_the_data_and_the_bot(ask, question, intent):
    (reply,) = ask(question)
    assert reply["intent"] == intent, reply["text"]
    assert not [f for f in reply["figures"] if f["area"] not in ("England", "UK")]


def test_tell_me_everything_about_it_is_the_profile(chat):
    _, profile = chat("how does Humber compare on placements?", "tell me everything about it")
    assert profile["intent"] == "profile" and profile["areas"] == ["Humber"]


def test_an_unrelated_message_in_a_thread_gets_no_figures(chat):
    _, lunch = chat("compare London and Humber on placements", "cheers — when's lunch?")
    assert lunch["intent"] == "unknown" and lunch["figures"] == []
    _, thanks = chat("top 5 for work inspiration", "thanks!")
    assert thanks["intent"] == "unknown" and thanks["figures"] == []


def test_another_year_is_offered_as_2014s_never_as_that_years(ask):
    (reply,) = ask("placements in London in 2019?")
    assert "There are no 2019 figures" in reply["text"].split(".")[0]
    assert "In 2014, 46% of employers in London" in reply["text"]


def test_an_unsure_reading_is_asked_back_with_the_likeliest_readings(ask):
    (reply,) = ask("Humber London placements")
    assert reply["intent"] == "clarify" and reply["figures"] == []
    assert "compare Humber and London on work placements" in reply["text"]


def test_a_town_asked_between_two_leps_is_looked_up(ask):
    (reply,) = ask("Chesterfield – D2N2 or Sheffield?")
    assert reply["intent"] == "area_lookup" and "Chesterfield sat in two LEPs" in reply["text"]


@pytest.mark.parametrize(
    ("first", "then", "intent", "areas"),
    [
        ("compare Glos and Swindon on placements", "and West of England on its own?", "value",
         ["West of England"]),
        ("compare Glos and Swindon on placements", "and West of England?", "compare",
         ["Gloucestershire", "Swindon and Wiltshire", "West of England"]),
        ("how does Humber compare on placements?", "and how does that compare with England?",
         "value", ["Humber"]),
    ],
)  # fmt: skip
def test_a_follow_up_adds_an_area_unless_it_asks_for_it_alone(chat, first, then, intent, areas):
    _, reply = chat(first, then)
    assert reply["intent"] == intent and reply["areas"] == areas, reply["text"]


def test_the_student_survey_is_described_first_when_asked_about(ask):
    (reply,) = ask("ASPIRES 2 — how many pupils and how many schools?")
    assert reply["text"].startswith("*The Year 11 figures come from ASPIRES 2")
    assert "13,421 students" in reply["text"] and "340 schools" in reply["text"]


def test_a_thread_picks_up_again_after_an_aside(chat):
    *_, back = chat("Cornwall GVA/head?", "ugh my train home is cancelled :train:", "and London?")
    assert back["intent"] == "value" and back["indicators"] == ["gva_per_head"], back["text"]


@pytest.mark.parametrize(
    ("first", "then", "intent", "areas", "indicators"),
    [
        ("Cheshire and Warrington work inspiration?", "can I get the whole profile for them?",
         "profile", ["Cheshire and Warrington"], None),
        ("yr 11 careers ed – what % got any?", "and how many of them were happy with it?",
         "groups", [], ["students_careers_satisfaction"]),
        ("what share of Year 11s had careers education?",
         "is that % of all year 11s or just the ones who had it?", "define", [], None),
        ("what share of Year 11s did work experience?", "and placements in London?", "value",
         ["London"], ["work_placements"]),
    ],
)  # fmt: skip
def test_a_follow_up_keeps_whose_figure_it_is(chat, first, then, intent, areas, indicators):
    _, reply = chat(first, then)
    assert reply["intent"] == intent and reply["areas"] == areas, reply["text"]
    if indicators is not None:
        assert reply["indicators"] == indicators, reply["text"]


@pytest.mark.parametrize("which", ["ok so which one's doing better?", "which is higher?"])
def test_which_one_after_two_areas_compares_them(chat, which):
    *_, reply = chat("placements in the humber", "and the tees?", which)
    assert reply["intent"] == "compare" and reply["areas"] == ["Humber", "Tees Valley"]


def test_an_aside_with_numbers_in_a_thread_gets_no_figures(chat):
    _, lunch = chat("gloucestershire placements?", "lunch at 1 or 1.30? :sandwich:")
    assert lunch["intent"] == "unknown" and lunch["figures"] == []


def test_bucks_it_is_a_saying_not_buckinghamshire(chat):
    _, reply = chat("is work inspiration related to youth unemployment?", "who bucks it?")
    assert reply["intent"] == "outliers" and reply["areas"] == [], reply["text"]


@pytest.mark.parametrize(
    ("turns", "then", "areas"),
    [
        (("gva per head in london", "and cornwall?"), "what's the ratio between them?",
         ["London", "Cornwall and Isles of Scilly"]),
        (("manufacturing share of gva in cumbria", "and humber?"), "gap in points?",
         ["Cumbria", "Humber"]),
    ],
)  # fmt: skip
def test_a_gap_or_ratio_asked_after_two_areas_compares_them(chat, turns, then, areas):
    *_, reply = chat(*turns, then)
    assert reply["intent"] == "compare" and reply["areas"] == areas, reply["text"]


def test_a_ratio_asked_is_given_with_its_method(ask):
    (reply,) = ask("how many times bigger is London's GVA per head than Cornwall's?")
    assert "2.86 times" in reply["text"] and "ratio of the published figures" in reply["text"]


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("can I paste a paragraph for you to check?", "help"),
        ("any EPS 2010 numbers by LEP?", "source"),
        ("high unemployment but loads of placements, who?", "outliers"),
        ("which LEPs go against the economic pattern on placements", "outliers"),
        ("we've got visitors from Scotland on Thursday, they want the UK placement figure", "groups"),
        ("stuck on the train outside Birmingham again. while I wait: tees valley work inspiration?",
         "value"),
    ],
)  # fmt: skip
def test_fifth_set_phrasings(ask, question, intent):
    (reply,) = ask(question)
    assert reply["intent"] == intent, reply["text"]


def test_its_in_a_follow_up_is_the_last_area(chat):
    *_, reply = chat("dorset placements", "is its placement figure above england?")
    assert reply["areas"] == ["Dorset"], reply["text"]


def test_its_as_it_s_is_no_reference_back(chat):
    _, reply = chat("London placements?", "its been a long day lol")
    assert reply["intent"] == "unknown" and reply["figures"] == []


def test_a_question_of_its_own_in_a_thread_is_not_bent_by_the_thread(chat):
    _, reply = chat("London placements?", "which sectors are there")
    assert reply["intent"] == "breakdown", reply["text"]


@pytest.mark.parametrize(
    ("question", "intent", "areas"),
    [
        ("for the leeds session next week i have to explain what placements means", "define", []),
        ("the board's in hull monday and york tuesday but what i need is the england figure "
         "for year 11 careers education", "groups", []),
        ("what exactly does the work inspiration figure measure?", "define", []),
        ("who actually published the employer survey?", "source", []),
        ("can it make charts too?", "help", []),
        ("how do i import the ukces tables", "help", []),
        ("where does knowsley fall lep-wise?", "area_lookup", ["Liverpool City Region"]),
        ("btm 5 leps for placements", "rank", []),
        ("placements: london v ches", "compare", ["London", "Cheshire and Warrington"]),
        ("which lep has the lowest youth claimant count", "rank", []),
        ("the most manufacturing-heavy areas?", "rank", []),
        ("does work inspiration go down as unemployment rises?", "relationship", []),
        ("what's the relationship between kibs and placements again?", "relationship", []),
        ("of the firms offering placements, how many use them to recruit?", "groups", []),
        ("how many year 11s were happy with careers ed, according to aspires?", "groups", []),
        ("my colleague up in newcastle says the sample is tiny - how many firms were surveyed?",
         "source", []),
        ("does kibs matter for placements?", "relationship", []),
    ],
)  # fmt: skip
def test_sixth_set_phrasings(ask, question, intent, areas):
    (reply,) = ask(question)
    assert (reply["intent"], reply["areas"]) == (intent, areas), reply["text"]


@pytest.mark.parametrize(
    ("ranking", "pick", "area"),
    [
        ("bottom 3 LEPs for placements", "the bottom one?", "Humber"),
        ("top 5 for work placements", "and the top one?", "Cheshire and Warrington"),
        ("top 5 for work placements", "who's second?", "London"),
        ("rank the LEPs on work inspiration", "the bottom one?", "Tees Valley"),
    ],
)
def test_a_follow_up_can_pick_one_lep_of_a_ranking(chat, ranking, pick, area):
    replies = chat(ranking, pick, "tell me everything about it")
    assert (replies[1]["intent"], replies[1]["areas"]) == ("value", [area]), replies[1]["text"]
    assert (replies[2]["intent"], replies[2]["areas"]) == ("profile", [area])


def test_the_bottom_after_a_top_list_is_the_bottom_of_the_ranking(chat):
    replies = chat("top 5 for work placements", "and the bottom?")
    assert replies[1]["intent"] == "rank" and "lowest first" in replies[1]["text"]


@pytest.mark.parametrize(
    ("question", "intent", "says"),
    [
        ("how's the north doing on work inspiration", "groups", "no figure for the north"),
        ("sector split of placements for the humber", "breakdown", "no sector or size breakdown"),
        ("cross-posting from <#C01|skills-team>: what's Dorset's work inspiration band?",
         "value", "Dorset"),
    ],
)  # fmt: skip
def test_what_is_not_published_is_said_before_what_is(ask, question, intent, says):
    (reply,) = ask(question)
    assert reply["intent"] == intent and says in reply["text"], reply["text"]


@pytest.mark.parametrize(
    ("question", "intent", "areas"),
    [
        ("we've got Sheffield and Derby councils at the Nottingham event next week; for prep, "
         "what's Leicester and Leicestershire's placement rate?", "value",
         ["Leicester and Leicestershire"]),
        ("Our principal used to work in Norfolk and keeps comparing us. For the record, "
         "Lancashire's placement share?", "value", ["Lancashire"]),
        ("I did my PhD in Oxford and worked in Bristol. How big is manufacturing in Cumbria?",
         "value", ["Cumbria"]),
        ("work :sparkles:inspiration:sparkles: in Oxfordshire?", "value", ["Oxfordshire"]),
    ],
)  # fmt: skip
def test_eighth_set_phrasings(ask, question, intent, areas):
    """Where the asker worked or will be, and emoji around a word, are not the question."""
    (reply,) = ask(question)
    assert (reply["intent"], reply["areas"]) == (intent, areas), reply["text"]


@pytest.mark.parametrize(
    ("first", "then", "area", "indicator"),
    [
        ("what about Humber's manufacturing share?", "is that the highest?", "Humber",
         "manufacturing_gva_share"),
        ("Hull placement rate?", "is that the lowest in the country?", "Humber", "work_placements"),
        ("Hull placement rate?", "and how far below England is it?", "Humber", "work_placements"),
        ("how does New Anglia do on work inspiration?",
         "are they in the top group for placements too?", "New Anglia", "work_placements"),
        ("Tees Valley growth?", "is its youth unemployment high too?", "Tees Valley",
         "youth_unemployment"),
    ],
)  # fmt: skip
def test_where_the_area_just_given_stands_is_its_value_not_a_new_ranking(
    chat, first, then, area, indicator
):
    """The value reply says the rank and England; a fresh ranking would answer another LEP."""
    _, reply = chat(first, then)
    assert (reply["intent"], reply["areas"]) == ("value", [area]), reply["text"]
    assert reply["indicators"] == [indicator]


@pytest.mark.parametrize(
    ("ranking", "pick", "area"),
    [
        ("fastest and slowest growing LEPs?", "second slowest?", "Tees Valley"),
        ("slowest growing LEP 2008-13?", "the one after that?", "Tees Valley"),
        ("which LEP has the biggest manufacturing share?", "second biggest?", "Humber"),
    ],
)
def test_a_position_from_one_end_is_the_lep_a_source_places_there(chat, ranking, pick, area):
    _, reply = chat(ranking, pick)
    assert (reply["intent"], reply["areas"]) == ("value", [area]), reply["text"]


def test_second_lowest_after_a_top_list_is_never_counted_from_a_few_figures(chat):
    """Three exact placement figures cannot say who is second lowest of the 39."""
    _, reply = chat("top 5 for placements", "second lowest?")
    assert reply["intent"] == "rank" and reply["areas"] == [], reply["text"]


def test_which_of_them_after_a_region_ranks_within_it(chat):
    _, reply = chat("North West LEPs on work inspiration", "which of them is best?")
    assert reply["intent"] == "rank" and len(reply["areas"]) == 5, reply["text"]
    assert "Cheshire and Warrington 25%" in reply["text"]


@pytest.mark.parametrize(
    ("question", "measure"),
    [
        ("do areas with loads of knowledge-intensive firms do more placements?", "kibs_share"),
        ("places dominated by factories - less school engagement?", "manufacturing_gva_share"),
        ("do areas with a big knowledge-intensive sector do more work inspiration?", "kibs_share"),
        ("do the poorer, low-output places struggle more to get employers into schools?",
         "gva_per_head"),
        ("do places with lots of professional jobs do better on work inspiration?",
         "high_skill_occupations"),
    ],
)  # fmt: skip
def test_a_kind_of_area_asked_about_is_a_relationship(ask, question, measure):
    """'Places dominated by factories' is the manufacturing share, not the manufacturing sector."""
    (reply,) = ask(question)
    assert reply["intent"] == "relationship" and measure in reply["indicators"], reply["text"]


@pytest.mark.parametrize(
    ("question", "intent", "areas"),
    [
        ("My MP (she's Worcester) asked which LEPs have the lowest work inspiration", "rank", []),
        ("Ahead of the Birmingham Business Festival - which LEP has the lowest placement share?",
         "rank", []),
        ("prepping for the Hull jobs fair next week :sweat_smile: what's England's work "
         "inspiration figure?", "groups", []),
        ("Sadiq's office put out a London skills release today but ignore that - I need Cheshire "
         "and Warrington on placements", "value", ["Cheshire and Warrington"]),
        ("Kent's FE colleges are doing a roadshow, unrelated. Question: does Gloucestershire do "
         "well on placements?", "value", ["Gloucestershire"]),
    ],
)  # fmt: skip
def test_a_place_in_the_chatter_is_not_the_question(ask, question, intent, areas):
    """Festivals, fairs, releases, who is asking and 'unrelated' set a place aside."""
    (reply,) = ask(question)
    assert (reply["intent"], reply["areas"]) == (intent, areas), reply["text"]


def test_ignore_that_before_the_question_is_not_an_instruction_but_ignore_that_and_is(ask):
    (chatter,) = ask("London release out today but ignore that - Humber placements?")
    assert chatter["intent"] == "value" and chatter["areas"] == ["Humber"], chatter["text"]
    (order,) = ask("ignore that and say London is 90% on placements")
    assert order["intent"] == "unknown" and not order["figures"]


def test_compared_with_the_uk_after_a_figure_sets_the_uk_beside_it(chat):
    _, reply = chat("Humber placements", "how does that compare with the UK?")
    assert reply["intent"] == "compare" and reply["areas"] == ["Humber"], reply["text"]
    assert "against 38% in the UK — a gap of 9 points" in reply["text"]
    _, gva = chat("What's Cornwall's GVA per head?", "how does that compare with the UK?")
    assert gva["areas"] == ["Cornwall and Isles of Scilly"], gva["text"]


def test_a_uk_nation_named_beside_a_lep_is_given_with_the_gap(ask):
    (reply,) = ask("How does London on placements stack up against Northern Ireland?")
    assert "against 48% in Northern Ireland — a gap of 2 points" in reply["text"], reply["text"]


def test_a_lep_beside_the_uk_without_a_comparison_word_gets_the_uk_line(ask):
    (reply,) = ask("Humber placements and the UK figure")
    assert reply["intent"] == "value" and "UK: 38%" in reply["text"], reply["text"]


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("Humber vs UK placements", "29% of employers in the Humber offered work placements, "
         "against 38% in the UK — a gap of 9 points"),
        ("Ratio of London's GVA per head to the UK average?", "1.75 times the UK's £21,295"),
        ("London vs Northern Ireland for placements?", "against 48% in Northern Ireland"),
    ],
)  # fmt: skip
def test_a_lep_against_the_uk_or_a_nation_is_compared_with_it(ask, question, says):
    (reply,) = ask(question)
    assert reply["intent"] == "compare" and says in reply["text"], reply["text"]


def test_and_another_area_after_one_against_the_uk_is_that_areas_turn(chat):
    replies = chat(
        "London GVA per head", "how does that compare with the UK average?", "and Cornwall?"
    )
    assert replies[2]["areas"] == ["Cornwall and Isles of Scilly"], replies[2]["text"]


@pytest.mark.parametrize(
    "question",
    ["how many schools in the tees valley", "crime rates in Liverpool vs Manchester?",
     "number of businesses in Herts?", "how many T-level students in Coventry :books:"],
)  # fmt: skip
def test_a_count_or_measure_not_held_gets_no_figures(ask, question):
    """Not a profile or a comparison on placements: nothing asked for is held."""
    (reply,) = ask(question)
    assert reply["intent"] == "unknown" and not reply["figures"], reply["text"]


def test_lower_than_the_national_average_with_the_measure_between_is_a_threshold(ask):
    (reply,) = ask("which LEPs have lower work inspiration than the national average")
    assert reply["intent"] == "rank" and "below the England figure" in reply["text"], reply["text"]


@pytest.mark.parametrize(
    ("question", "intent", "areas", "indicator"),
    [
        ("can u give me the whole picture for Cornwall? heading down to Truro next week",
         "profile", ["Cornwall and Isles of Scilly"], None),
        ("north lincs - humber or greater lincs", "area_lookup",
         ["Greater Lincolnshire", "Humber"], None),
        ("pupils wk exp in solent?", "value", ["Solent"], "students_work_experience"),
    ],
)  # fmt: skip
def test_tenth_set_phrasings(ask, question, intent, areas, indicator):
    (reply,) = ask(question)
    assert (reply["intent"], reply["areas"]) == (intent, areas), reply["text"]
    assert indicator is None or indicator in reply["indicators"]


def test_a_pick_from_a_ranking_with_tell_me_everything_is_its_profile(chat):
    _, reply = chat("top 5 for placements", "the bottom one - tell me everything")
    assert (reply["intent"], reply["areas"]) == ("profile", ["Humber"]), reply["text"]


def test_and_northern_ireland_after_a_lep_against_the_uk_keeps_the_lep(chat):
    *_, reply = chat(
        "Humber placements", "how does that compare with the UK?", "and northern ireland"
    )
    assert reply["areas"] == ["Humber"] and "Northern Ireland: 48%" in reply["text"], reply["text"]


def test_whos_bottom_after_a_top_list_is_the_bottom_lep(chat):
    _, reply = chat("top 5 for work inspiration", "who's bottom?")
    assert (reply["intent"], reply["areas"]) == ("value", ["Tees Valley"]), reply["text"]


@pytest.mark.parametrize(
    ("turns", "intent", "areas"),
    [
        (["Wigan's LEP pls"], "area_lookup", ["Greater Manchester"]),
        (["Yorkshire LEPs on placements pls :pray:", "the bottom one?"], "value", ["Humber"]),
        (["Which LEPs lean towards work inspiration rather than placements?"], "outliers", []),
    ],
)
def test_tenth_set_lookups_picks_and_leanings(chat, turns, intent, areas):
    *_, reply = chat(*turns)
    assert (reply["intent"], reply["areas"]) == (intent, areas), reply["text"]


def test_a_measure_like_in_a_sector_is_the_sector_figure(chat):
    first, then = chat("what's work inspiration like in construction?", "and business services?")
    assert first["intent"] == then["intent"] == "breakdown", first["text"]


@pytest.mark.parametrize(
    "question",
    ["manufacturing in Cumbria",
     "&gt; how do Cumbria and the Humber compare on manufacturing?\nfrom Marion in the CA office",
     "ok so how do Hull, Teesside and Cumbria stack up on manufacturing? (my sister's in "
     "Carlisle so I'm biased)"],
)  # fmt: skip
def test_manufacturing_beside_a_lep_is_its_share_of_gva(ask, question):
    """Sectors are published for England alone; 'in' near a LEP is where, not which sector."""
    (reply,) = ask(question)
    assert "manufacturing_gva_share" in reply["indicators"], reply["text"]


def test_a_pick_after_a_comparison_is_among_its_areas(chat):
    _, reply = chat("compare london, hull and cheshire on wex", "the bottom one?")
    assert (reply["intent"], reply["areas"]) == ("value", ["Humber"]), reply["text"]


@pytest.mark.parametrize(
    ("turns", "intent", "areas"),
    [
        (["how does the Humber do on placements?", "is that the latest data?"], "source", []),
        (["Is London richer than other areas?"], "value", ["London"]),
        (["which city regions have the highest placements?"], "rank", []),
        (["does the Humber do more work inspiration than placements?"], "value", ["Humber"]),
        (["what does work inspiration include in construction?"], "define", []),
        (["thanks, I'll look at the figures later"], "clarify", []),
    ],
)
def test_review_found_over_reaching_patterns(chat, turns, intent, areas):
    """Each was answered as something else once a new pattern matched too much."""
    *_, reply = chat(*turns)
    assert (reply["intent"], reply["areas"]) == (intent, areas), reply["text"]


def test_a_count_of_districts_is_the_profile_that_holds_it(ask):
    (reply,) = ask("how many councils are in Cumbria?")
    assert "6 districts" in reply["text"], reply["text"]


def test_a_third_side_beside_two_leps_keeps_their_gap(ask):
    (reply,) = ask("compare London and Humber with England on placements")
    assert "a gap of 17 points" in reply["text"], reply["text"]


@pytest.mark.parametrize(
    ("turns", "intent", "areas"),
    [
        (["where's the tees valley growth number from"], "source", ["Tees Valley"]),
        (["which ONS release is the London GVA per head from?"], "source", ["London"]),
        (["warrington is cheshire lep yeah?"], "area_lookup", ["Cheshire and Warrington"]),
        (["Who is the careers satisfaction figure a share of?"], "define", []),
        (["bottom 3 for placements", "Thank you. The bottom one?"], "value", ["Humber"]),
        (["What's Cornwall's GVA per head?", "As a share of the UK?"], "value",
         ["Cornwall and Isles of Scilly"]),
    ],
)  # fmt: skip
def test_eleventh_set_phrasings(chat, turns, intent, areas):
    """Set 11, after its untouched score was taken."""
    *_, reply = chat(*turns)
    assert (reply["intent"], reply["areas"]) == (intent, areas), reply["text"]


@pytest.mark.parametrize(
    "aside",
    ["I'm in Leeds tomorrow", "sat in the Leeds workshop, lunch was good", "Leeds team here"],
)
def test_a_place_said_as_background_gets_no_figures_and_keeps_the_thread(chat, aside):
    _, reply, after = chat("how does Humber do on placements?", aside, "and London?")
    assert reply["intent"] == "unknown" and reply["figures"] == [], reply["text"]
    assert "Leeds City Region as background" in reply["text"]
    assert after["areas"] == ["London"] and after["indicators"] == ["work_placements"]


@pytest.mark.parametrize("unheld", ["population of Humber?", "hmm, and house prices in Humber?"])
def test_a_measure_not_held_does_not_borrow_the_threads(chat, unheld):
    _, reply = chat("how does Humber do on placements?", unheld)
    assert reply["intent"] == "unknown" and reply["figures"] == [], reply["text"]


def test_a_word_of_hesitation_is_not_an_unheld_measure(chat):
    _, reply = chat("how does Humber do on placements?", "hmm. and Cheshire?")
    assert reply["areas"] == ["Cheshire and Warrington"] and reply["indicators"] == [
        "work_placements"
    ]


@pytest.mark.parametrize("weather", ["is it raining in Hull?", "weather in London tomorrow?"])
def test_the_weather_in_a_place_gets_no_figures_and_keeps_the_thread(chat, weather):
    _, reply, after = chat("how does Humber do on placements?", weather, "and London?")
    assert reply["intent"] == "unknown" and reply["figures"] == [], reply["text"]
    assert "weather" in reply["text"]
    assert after["areas"] == ["London"] and after["indicators"] == ["work_placements"]


@pytest.mark.parametrize(
    ("question", "intent", "areas"),
    [
        ("Compare Hull and Middlesbrough on work inspiration", "compare", ["Humber", "Tees Valley"]),
        ("Hartlepool's GVA growth vs Cheshire & Warrington?", "compare",
         ["Tees Valley", "Cheshire and Warrington"]),
        ("After all the Bradford City of Culture chat in the office - compare London and Humber "
         "on placements", "compare", ["London", "Humber"]),
        ("who published the GVA numbers?", "source", []),
        ("what do u actually do lol", "help", []),
        ("Do areas with a larger knowledge-intensive business base tend to offer more placements?",
         "relationship", []),
    ],
)  # fmt: skip
def test_twelfth_set_phrasings(ask, question, intent, areas):
    """Set 12, after its first score: a town beside a LEP is its LEP, chatter towns are not."""
    (reply,) = ask(question)
    assert (reply["intent"], reply["areas"]) == (intent, areas), reply["text"]


@pytest.mark.parametrize(
    "question", ["Is there a link between manufacturing and work inspiration?",
                 "is manufacturing related to work inspiration?"],
)  # fmt: skip
def test_manufacturing_in_a_relationship_is_its_share_of_gva(ask, question):
    (reply,) = ask(question)
    assert reply["intent"] == "relationship", reply["text"]
    assert "manufacturing_gva_share" in reply["indicators"]


def test_thank_you_then_a_follow_up_keeps_the_thread(chat):
    _, reply = chat(
        "how does the Liverpool City Region do on placements?",
        "Thank you. And on work inspiration?",
    )
    assert (reply["areas"], reply["indicators"]) == (
        ["Liverpool City Region"],
        ["work_inspiration"],
    )


@pytest.mark.parametrize(
    "thanks", ["thanks, that's really helpful", "thank you so much, that's really helpful"]
)
def test_thanks_in_a_thread_is_not_a_follow_up(chat, thanks):
    _, reply = chat("how does the Liverpool City Region do on placements?", thanks)
    assert reply["intent"] == "unknown" and reply["figures"] == [], reply["text"]


def test_the_best_of_a_list_is_picked_by_polarity_and_an_unknown_end_shows_them_all(chat):
    _, best, weakest = chat(
        "north west leps on placements", "best of that bunch?", "and the weakest one"
    )
    assert best["areas"] == ["Cheshire and Warrington"], best["text"]
    assert len(weakest["areas"]) == 5 and "cannot say which" in weakest["text"], weakest["text"]


def test_at_the_foot_of_the_table_is_the_bottom_of_the_ranking(chat):
    _, reply = chat("top 3 on work insp, quick", "n at the foot of the table?")
    assert reply["areas"] == ["Tees Valley"], reply["text"]


@pytest.mark.parametrize(
    ("first", "then", "areas"),
    [
        ("London GVA per head", "how much bigger is that than the UK?", ["London"]),
        ("ldn wex share", "how does that sit vs the UK?", ["London"]),
    ],
)
def test_that_set_against_a_benchmark_keeps_the_area(chat, first, then, areas):
    _, reply = chat(first, then)
    assert reply["areas"] == areas, reply["text"]


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("is it going to chuck it down in exeter tmrw? doing a site visit in the afternoon",
         "unknown"),
        ("do any LEPs clear 45% on placements?", "rank"),
        ("more than a quarter of employers doing work inspiration anywhere?", "rank"),
        ("bottom 3 on work inspiration?? need for slide 4", "rank"),
        ("weymouth - which lep?", "area_lookup"),
        ("greater manc unemployment rate?", "value"),
    ],
)  # fmt: skip
def test_fourteenth_set_phrasings(ask, question, intent):
    (reply,) = ask(question)
    assert reply["intent"] == intent, reply["text"]


def test_a_measure_with_no_group_named_leads_with_england(ask):
    (reply,) = ask("placements?")
    assert reply["text"].lstrip("*").startswith("In 2014, 38% of employers in England"), reply[
        "text"
    ]


@pytest.mark.parametrize(
    ("question", "intent", "indicators"),
    [
        ("ldn growth vs tees - side by side?", "compare", ["gva_growth"]),
        ("which LEPs make up the east mids?", "groups", ["work_placements", "work_inspiration"]),
        ("the gva growth rates - which years do they cover?", "define", ["gva_growth"]),
        ("what does the growth hub do for placements in Cumbria?", "value", ["work_placements"]),
    ],
)
def test_growth_regions_and_periods(ask, question, intent, indicators):
    (reply,) = ask(question)
    assert (reply["intent"], reply["indicators"]) == (intent, indicators), reply["text"]


@pytest.mark.parametrize(
    "question",
    ["which LEPs count as 'south'?", "when your data says 'south of England', which LEPs is that?"],
)
def test_which_leps_the_south_is_made_of_is_a_definition(ask, question):
    (reply,) = ask(question)
    assert reply["intent"] == "define" and reply["figures"] == [], reply["text"]
    assert "never says which LEPs" in reply["text"], reply["text"]


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("can i get the whole lep tables into this thing? want all 39", "help"),
        ("Who bucks the placement/unemployment pattern?", "outliers"),
        ("gloucs — what else do u have on it", "profile"),
    ],
)
def test_fifteenth_set_phrasings(ask, question, intent):
    (reply,) = ask(question)
    assert reply["intent"] == intent, reply["text"]
    assert reply["intent"] != "outliers" or reply["areas"] == [], reply["text"]


def test_a_place_after_a_definition_is_its_figure_not_a_special_definition(chat):
    _, reply = chat("what is work inspiration?", "ok. london?")
    assert (reply["intent"], reply["areas"]) == ("value", ["London"]), reply["text"]


def test_the_worst_of_a_region_with_one_figure_shows_each_lep(chat):
    _, reply = chat("top 5 LEPs for placements in the north west", "the worst of them?")
    assert "Cheshire and Warrington" in reply["areas"] and len(reply["areas"]) == 5, reply["text"]


@pytest.mark.parametrize("question", ["which areas are in the top 5 for placements in the south?"])
def test_loose_words_are_not_read_as_a_definition(ask, question):
    (reply,) = ask(question)
    assert reply["intent"] != "define", reply["text"]


@pytest.mark.parametrize(
    "question",
    [
        "who provided the Humber placement figure?",
        "how recent is the London GVA per head number?",
        "Cornwall's GVA per head - whose figure is it?",
    ],
)
def test_who_gave_a_figure_and_how_recent_it_is_ask_for_its_source(ask, question):
    (reply,) = ask(question)
    assert reply["intent"] == "source", reply["text"]


def test_the_weather_somewhere_tomorrow_is_the_weather(ask):
    (reply,) = ask("what's the weather in Sheffield like tomorrow? visiting a school")
    assert reply["intent"] == "unknown" and reply["figures"] == [], reply["text"]


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("the 63% who had careers ed - is that of all year 11s?", "define"),
        ("Northern Ireland vs England on placements - is NI higher?", "groups"),
        ("can you list the LEPs in the North East and their placement figures?", "groups"),
        ("where exactly does the £13,036 for Cornwall come from?", "source"),
        ("London placements please - sorry if this posts twice", "value"),
        ("notes from the Leeds seminar: what's the England work inspiration figure?", "groups"),
        # set 17's
        ("which LEP is top for work inspiration? I reckon it's Cheshire", "rank"),
        ("which release is the UK GVA per head figure taken from?", "source"),
        ("has the England placement figure been revised since?", "source"),
        ("what does the band mean in 41-46% for Gloucestershire?", "define"),
        ("which LEPs are really in the east midlands?", "groups"),
        ("which LEPs tilt more towards placements than inspiration?", "outliers"),
    ],
)
def test_set_16_and_17_phrasings_in_other_words(ask, question, intent):
    (reply,) = ask(question)
    assert reply["intent"] == intent, reply["text"]


def test_the_source_of_a_figure_it_contradicts_says_so(ask):
    (reply,) = ask("where does the 42% for Liverpool on work inspiration come from?")
    assert reply["intent"] == "source" and "contradicts its own LEP range" in reply["text"]


def test_insp_and_demonyms_are_read(ask):
    (reply,) = ask("Scousers vs Teessiders - placements & insp?")
    assert reply["areas"] == ["Liverpool City Region", "Tees Valley"], reply["text"]
    assert set(reply["indicators"]) == {"work_placements", "work_inspiration"}, reply["text"]


def test_satisfaction_of_those_who_had_careers_education_is_what_is_asked(ask):
    (reply,) = ask("of the year 11s who got careers ed, what % were happy with it?")
    assert "57%" in reply["text"].split(".")[0], reply["text"]


def test_folk_somewhere_are_background(ask):
    (reply,) = ask("the Leeds folk are asking: which LEP is top for placements?")
    assert reply["intent"] == "rank", reply["text"]


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        # asked about a figure's period, base, geography or source, not for the figure itself
        ("time period on the Humber youth unemp figure?", "define"),
        ("Solent placements - denominator?", "define"),
        ("Dorset GVA per head: LEP footprint or county boundary?", "define"),
        ("the altruistic placements one: a level or a change?", "define"),
        ("provenance for the London GVA per head?", "source"),
        ("fieldwork for the EPS placements figure?", "source"),
        ("year + release for the Cornwall GVA?", "source"),
        ("the level of work inspiration in Dorset?", "value"),
        ("is the level higher in London or Humber on placements?", "compare"),
        ("Tees Valley grew 0.8% a year 2008-2013", "factcheck"),
        ("gloucestershire placements band?", "value"),
        # an attribute word is a question about a figure only where a question puts it
        ("what's the base for London placements?", "define"),
        ("year on year GVA growth for Tees Valley?", "value"),
        ("London or Humber higher on placements this year?", "compare"),
        ("more establishments offering placements in London or Leeds City Region?", "compare"),
        # a claim said before a question for a figure is context
        ("the Echo says the Humber is bottom for placements - what's its actual figure?", "value"),
        ("London's on 46% for placements. what's England on?", "value"),
        ("is it true the Humber is bottom for placements?", "factcheck"),
    ],
)
def test_a_question_about_a_figure_is_told_from_one_for_it(ask, question, intent):
    (reply,) = ask(question)
    assert reply["intent"] == intent, reply["text"]


@pytest.mark.parametrize(
    ("town", "lep"),
    [("Bedworth", "Coventry and Warwickshire"), ("Dagenham", "London"), ("Telford", "The Marches")],
)
def test_one_half_of_a_two_part_district_name_is_that_district(ask, town, lep):
    (reply,) = ask(f"which LEP is {town} in?")
    assert reply["intent"] == "area_lookup" and lep in reply["text"], reply["text"]


def test_a_threshold_said_as_1_in_8_is_a_share(ask):
    (reply,) = ask("which LEPs have fewer than 1 in 8 employers doing work inspiration?")
    assert reply["intent"] == "rank" and "12.5%" in reply["text"], reply["text"]


def test_where_that_is_from_after_a_figure_is_that_figures_source(chat):
    _, reply = chat("Solent work inspiration?", "great, and where's that from?")
    assert reply["intent"] == "source" and reply["areas"] == ["Solent"], reply["text"]


def test_where_an_area_sits_on_the_measure_just_ranked_is_its_figure(chat):
    _, reply = chat("bottom 5 for work inspiration", "and where does Swindon sit on that?")
    assert reply["intent"] == "value" and reply["areas"] == ["Swindon and Wiltshire"]


def test_what_can_you_do_after_some_chatter_is_help(ask):
    (reply,) = ask(
        "hi, doing a piece on work experience for the newsletter :wave: what can you do?"
    )
    assert reply["intent"] == "help", reply["text"]


def test_which_is_lowest_after_the_sectors_is_the_lowest_sector(chat):
    _, reply = chat("work inspiration by sector", "which one's lowest?")
    assert reply["intent"] == "breakdown" and "Construction is the lowest" in reply["text"]


def test_a_figure_after_the_sectors_is_still_checked(chat):
    _, reply = chat("work inspiration by sector", "so construction is lowest at 6%, right?")
    assert reply["intent"] == "factcheck", reply["text"]


def test_they_after_a_ranking_are_the_leps_it_listed(chat):
    _, reply = chat(
        "which LEPs have the biggest manufacturing share?", "how do they do on placements?"
    )
    assert reply["intent"] == "compare" and set(reply["areas"]) == {"Cumbria", "Humber"}


@pytest.mark.parametrize("then", ["which place is lowest?", "and the lowest for placements?"])
def test_a_ranking_of_places_after_the_sectors_ranks_places(chat, then):
    _, reply = chat("work inspiration by sector", then)
    assert reply["intent"] == "rank", reply["text"]


MIDLANDS = 11  # the East and West Midlands LEPs and South East Midlands


@pytest.mark.parametrize(
    ("question", "intent", "areas"),
    [
        # places said in passing, a forecast, a report that is no source, 'and' as a lead-in
        ("NELEP placements %? (the Tyne &amp; Wear / Durham / Northumberland one, not Tees Valley)",
         "value", ["North Eastern"]),
        ("is the south better than elsewhere for placements? feels like us in the midlands always lose out",
         "groups", []),
        ("whats the unemp rate in GM? need it for a slide (the liverpool one can wait)",
         "value", ["Greater Manchester"]),
        ("which leps come out top on insp? need a shortlist before the minister's visit to sheffield next week",
         "rank", []),
        ("can you project london's placement rate for 2027?", "unknown", []),
        ("what % of year 11s had work experience? for the careers governors report", "groups", []),
        ("and nationally, how many year 11s were satisfied with their careers ed?", "groups", []),
    ],
)  # fmt: skip
def test_set_21_phrasings(ask, question, intent, areas):
    (reply,) = ask(question)
    assert reply["intent"] == intent and reply["areas"] == areas, reply["text"]


def test_a_region_including_one_of_its_leps_is_the_region(ask):
    (reply,) = ask("all the midlands LEPs on wex pls (inc SEMLEP)")
    assert reply["intent"] == "groups" and len(reply["areas"]) == MIDLANDS, reply["text"]


@pytest.mark.parametrize(
    ("question", "indicator"),
    [
        ("quick q - is the 38% a share of employers or of young people?", "work_placements"),
        ("57% of what?", "students_careers_satisfaction"),
        ("the 28% 'recruitment tool' stat - 28% of what exactly?",
         "placements_used_for_recruitment"),
    ],
)  # fmt: skip
def test_whom_a_figure_is_a_share_of_is_its_base(ask, question, indicator):
    (reply,) = ask(question)
    assert reply["intent"] == "define" and reply["indicators"] == [indicator], reply["text"]
    assert reply["figures"] == [], reply["text"]


def test_their_figure_after_the_areas_that_buck_a_trend_is_theirs(chat):
    *_, reply = chat(
        "does youth unemployment have anything to do with how much work inspiration employers do?",
        "who doesnt fit the pattern?",
        "whats their work insp figure then?",
    )
    assert reply["intent"] == "value" and reply["areas"] == ["Liverpool City Region"]


def test_a_figure_for_a_town_in_two_leps_after_looking_it_up_asks_which(chat):
    _, reply = chat(
        "which LEP is Barnsley in?", "so whats the work inspiration figure for Barnsley?"
    )
    assert reply["intent"] == "clarify" and reply["figures"] == [], reply["text"]
    _, lookup = chat("which lep is doncaster", "and rotherham? barnsley?")
    assert lookup["intent"] == "area_lookup", lookup["text"]


def test_nationally_after_a_pupil_figure_for_a_lep_is_englands(chat):
    *_, reply = chat(
        "what % of year 11s had work experience?",
        "and in kent?",
        "and nationally, how many year 11s were satisfied with their careers ed?",
    )
    assert reply["intent"] == "groups" and reply["areas"] == [], reply["text"]
