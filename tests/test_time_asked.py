"""What a question pinning a time, naming the article's subject or asking a year is
answered from: the time check reads the times a sentence dates, the name check what the
subject is of, the short answer no model's number as a year."""

from __future__ import annotations

from antqa.answering.reading import subject_names
from antqa.refusals import opening_name, time_conflict
from antqa.short_answers.candidates import candidate_spans
from antqa.short_answers.targets import Target


def test_a_time_in_a_relative_clause_of_another_step_dates_nothing_asked() -> None:
    successor = (
        "His successor was Margaret Olund, who had joined CVA as its chief accountant "
        "in 1961 and who became the first woman to head an airline in Halvany."
    )
    asked = "Who took over from Tarrow as managing director in 1971?"
    assert time_conflict(asked, successor) is None
    # a clause holding the question's words tells what it asks, at its own time
    captain = "Captain Echeverria, who had succeeded Ferrer in 1932, turned the liner about."
    conflict = time_conflict("Who succeeded Ferrer in 1935?", captain)
    assert conflict is not None and conflict[1].text == "1932"
    # one at the time asked dates the sentence at it, whatever words it holds
    numbered = "Subscriptions, which had numbered 1,130 in 1840, fell to 600 by 1850."
    assert time_conflict("How many subscribers did the project have in 1840?", numbered) is None
    # "when" tells the time of the clause before, and a participle after a comma may open
    # the main clause: their times still date the sentence
    retired = "He ran the company until 1961, when he retired."
    assert time_conflict("Who took over from him in 1971?", retired) is not None
    served = "The first elected mayor, Martin Oyelaran, served two terms from 2002 to 2010."
    assert time_conflict("Who was the last lord mayor before 2002?", served) is not None


def test_what_the_subject_is_of_is_the_subject_too() -> None:
    first = "The Siege of Port Caldrenne was a military operation of 1689."
    assert opening_name(first) == "Siege of Port Caldrenne"
    assert subject_names(opening_name(first), frozenset()) == {
        "Siege of Port Caldrenne",
        "Port Caldrenne",
    }
    assert opening_name("The 2029 Corvane Cup Final was a game.") == "The"  # no year-led name


def test_a_number_naming_a_model_is_no_time() -> None:
    text = "In 1972 she ordered six Marlow 340 turboprops, and in 911 the town burned."
    found = [text[s:e] for s, e in candidate_spans(Target.TIME, text)]
    assert "340" not in found and "1972" in found and "911" in found
