"""`lepbot ask --json` and `lepbot chat --json` keep the DESIGN.md contract."""

from __future__ import annotations

KEYS = {
    "question",
    "intent",
    "claims",
    "areas",
    "indicators",
    "figures",
    "verdict",
    "text",
    "chart",
    "sources",
}


def test_ask_json_answers_each_question_on_its_own(ask):
    replies = ask("how does Humber compare on placements?", "and London?")
    assert [set(r) for r in replies] == [KEYS, KEYS]
    assert replies[0]["question"] == "how does Humber compare on placements?"
    assert replies[1]["intent"] == "profile"  # no context carried: "and London?" alone is London
    assert "carried over" not in replies[1]["text"]
    assert replies[0]["chart"] is None  # --no-chart


def test_chat_keeps_context_between_lines(chat):
    replies = chat(
        "how does Humber compare on placements?", "and London?", "what about work inspiration?"
    )
    assert [(r["intent"], r["areas"], r["indicators"]) for r in replies] == [
        ("value", ["Humber"], ["work_placements"]),
        ("value", ["London"], ["work_placements"]),
        ("value", ["London"], ["work_inspiration"]),
    ]
    assert "carried over" in replies[1]["text"]


def test_a_fully_specified_question_does_not_inherit(chat):
    replies = chat("tell me about Humber", "compare London and Cumbria on work inspiration")
    assert replies[1]["areas"] == ["London", "Cumbria"]
    assert "carried over" not in replies[1]["text"]


def test_rank_follow_ups(chat):
    replies = chat("top 3 for placements", "and for work inspiration?", "and the bottom 5?")
    assert [(r["intent"], r["indicators"]) for r in replies] == [
        ("rank", ["work_placements"]),
        ("rank", ["work_inspiration"]),
        ("rank", ["work_inspiration"]),
    ]


def test_compare_with_carries_the_area(chat):
    replies = chat("how does Humber compare on placements?", "compare with London")
    assert replies[1]["intent"] == "compare"
    assert replies[1]["areas"] == ["Humber", "London"]


def test_how_about_there_after_a_lookup(chat):
    replies = chat("which LEP is Stockport in?", "placements there?")
    assert replies[1]["areas"] == ["Greater Manchester"]


def test_plain_output_shows_reading_source_and_next_questions(capsys):
    from bot.cli import main

    assert main(["ask", "--no-chart", "how does Humber compare on placements?"]) == 0
    out = capsys.readouterr().out
    assert "Read as: figure · work placements · Humber" in out
    assert "Source: UKCES" in out
    assert "Try next:" in out


def test_a_profile_names_the_measures_it_covers_and_its_follow_up_is_a_profile(chat):
    first, second = chat("tell me everything about dorset", "and london?")
    assert first["intent"] == "profile"
    assert {"work_placements", "work_inspiration"} <= set(first["indicators"])
    assert second["intent"] == "profile" and second["areas"] == ["London"]
