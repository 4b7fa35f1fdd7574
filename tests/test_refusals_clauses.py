"""The clauses of a sentence (:mod:`antqa.refusals.clauses`), and the checks that compare
a question's word or time with the clause its event sits in rather than the whole
sentence: the opposite check and the time check."""

from __future__ import annotations

from antqa.refusals import (
    clause_words,
    dated_elsewhere,
    event_words,
    opposite_word,
    plain_words,
    time_conflict,
    topic_words,
)
from antqa.refusals.clauses import clauses, told_after


def _texts(sentence: str) -> list[str]:
    return [c.text.strip() for c in clauses(sentence)]


def test_a_sentence_parts_into_its_clauses_and_verbless_parts_join_one() -> None:
    """A part with a verb is a clause; an opening time and an appositive join the clause
    they open, a trailing phrase or a list's next item the clause before, and a relative
    or coordinated clause is one of its own."""
    told = (
        "The rebels walked out when the treaty was defeated by 40 votes to 31 "
        "and formed a league, which accepted royal money."
    )
    assert _texts(told) == [
        "The rebels walked out",
        "when the treaty was defeated by 40 votes to 31",
        "and formed a league",
        "which accepted royal money.",
    ]
    assert [c.relative for c in clauses(told)] == [False, True, False, True]
    opening = "In 1962, the jubilee year, a former bursar, Karl Ost, was jailed for theft in 1958."
    assert _texts(opening) == [opening]
    # the verbless parts after a clause's verb are its own, but not what it tells up to it
    [founded] = clauses("He founded a college, the Ost School, in 1474, with two faculties.")
    assert founded.core == "He founded a college"
    # a list's next item and a phrase after "but," stay where they belong
    listed = (
        "It abolished the salt and sugar taxes but, as a favour to the ports, kept a duty on tea."
    )
    assert _texts(listed) == [
        "It abolished the salt and sugar taxes",
        "but, as a favour to the ports, kept a duty on tea.",
    ]
    # a range of years is one time, never two clauses
    assert len(clauses("Between 1926 and 1932 the locks were lengthened.")) == 1


def _opposite(question: str, text: str) -> tuple[str, str] | None:
    telling = event_words(topic_words(question), clause_words(text))
    return opposite_word(question, plain_words(text), telling)


def test_an_opposite_in_a_clause_telling_of_something_else_denies_nothing() -> None:
    """ "accepted" told of the league, in a clause of its own, is no answer to whether
    the treaty was rejected: the clause telling of the treaty says "defeated"."""
    told = (
        "The rebels walked out when the treaty was defeated by 40 votes to 31 "
        "and formed a league, which accepted royal money."
    )
    assert _opposite("By what vote was the treaty rejected?", told) is None
    # told of the treaty, the opposite still denies it
    swapped = "The rebels walked out when the treaty was accepted by 40 votes to 31."
    assert _opposite("By what vote was the treaty rejected?", swapped) == ("rejected", "accepted")
    # approving is accepting: rejected terms deny that they were approved
    terms = "Beal proposed an amalgamation in 1856, but the railway's shareholders rejected it."
    asked = "In which year did the railway's shareholders approve the amalgamation?"
    assert _opposite(asked, terms) == ("approve", "rejected")
    # a vote against tells the rejection asked, whatever else the passage approved
    voted = "Only Marrow voted against the first question, which the others approved."
    assert _opposite("Which county rejected the first question?", voted) is None
    # a relative clause tells of what the clause before names: the mill opened, never closed
    mill = "The firm raised money to build a second mill at Ordby, which opened in 1988."
    assert _opposite("In which year did the Ordby mill close?", mill) == ("close", "opened")
    # a clause opening with a past participle after a comma is a relative one, its "which
    # was" left out: the chambers opened, never closed
    chambers = "The project replaced the old lock with a pair of larger chambers, opened in 2005."
    assert [c.relative for c in clauses(chambers)] == [False, True]
    assert _opposite("When did the new chambers close?", chambers) == ("close", "opened")
    # a participle opening the sentence stands for nothing before it
    assert not any(c.relative for c in clauses("Opened in 1889, it shortened the route."))
    # a sentence no clause of which holds a word of the question is read whole
    assert _opposite("When did the mill close?", "It opened in 1988.") == ("close", "opened")


def test_a_time_opening_a_sentence_dates_its_first_clause() -> None:
    """ "In 1962, ..., was jailed for theft in 1958": the jailing is told at 1962, the
    theft within it at 1958; a question asking who was jailed in 1962 is answered."""
    told = "In 1962, the jubilee year, a former bursar, Karl Ost, was jailed for theft in 1958."
    assert time_conflict("Which former bursar was jailed for theft in 1962?", told) is None
    assert dated_elsewhere("Which former bursar was jailed for theft in 1962?", [told]) is None
    # the clause after it, with a time of its own, is told at that time
    two = (
        "In 1962, the former bursar, Karl Ost, was jailed for theft, and in 1965 the school closed."
    )
    assert dated_elsewhere("Which former bursar was jailed for theft in 1965?", [two]) is not None
    # a time no clause tells stays another time
    assert time_conflict("Which former bursar was jailed for theft in 1970?", told) is not None


def test_a_step_of_a_things_life_asked_when_is_denied_by_its_other_step() -> None:
    """ "When was the toll scrapped?" of a toll the text says was introduced asks what it
    never tells; asked of a figure ("How much ... when the toll was scrapped?"), the step
    only dates it and may be told elsewhere; told in a verb of its own side ("abolished"),
    the step asked is told."""
    introduced = "The toll was introduced in 1905."
    found = opposite_word("When was the toll scrapped?", plain_words(introduced), timed=True)
    assert found == ("scrapped", "introduced")
    assert opposite_word("When was the toll scrapped?", plain_words(introduced)) is None
    both = "The toll, introduced in 1905, was abolished in 1930."
    assert opposite_word("When was the toll scrapped?", plain_words(both), timed=True) is None
    # an ending in two words is told ("switched off" for "shut down")
    off = "The last relay, launched in 1969, was switched off on 30 June 2009."
    assert opposite_word("When was the relay shut down?", plain_words(off), timed=True) is None
    closed = "The museum closed in 1990."
    found = opposite_word("When was the museum founded?", plain_words(closed), timed=True)
    assert found == ("founded", "closed")


def test_a_measure_taking_effect_tells_that_it_was_introduced() -> None:
    """ "took effect", "came into force": the start of a measure in a phrase. Asked why it
    was introduced, its later abolition denies nothing when the text tells it took effect
    (or came into force)."""
    told = (
        "The fuel tax was proposed in the budget of 1930. It took effect on 1 January 1931 "
        "and was abolished in 1934."
    )
    assert opposite_word("Why was the fuel tax introduced?", plain_words(told)) is None
    proposed = "The fuel tax was proposed in 1930 and abolished in 1934."
    found = opposite_word("Why was the fuel tax introduced?", plain_words(proposed))
    assert found == ("introduced", "abolished")
    force = "The act came into force in 1931 and was abolished in 1950."
    assert opposite_word("Why was the act introduced?", plain_words(force)) is None


def test_a_measure_approved_starts_its_force() -> None:
    """ "When was the levy approved?" of a levy the text says was withdrawn asks a step
    it never tells; told approved, it answers."""
    withdrawn = "The levy was withdrawn in April 1984."
    found = opposite_word("When was the levy approved?", plain_words(withdrawn), timed=True)
    assert found == ("approved", "withdrawn")
    approved = "The levy, approved in 1983, was withdrawn in April 1984."
    assert opposite_word("When was the levy approved?", plain_words(approved), timed=True) is None


def test_an_event_told_after_another_is_read_only_inside_the_sentence_and_with_a_verb() -> None:
    """ "after" and a clause with a verb inside a sentence tells what the event followed
    (its cause, as often as not); at the opening it times the whole sentence, and a time,
    a length of time, a name or "after which" tells no event before."""
    assert told_after(
        "Ellisford Mill closed on 17 October 1931, after the Quill Valley Bank refused to "
        "renew the company's overdraft."
    )
    assert told_after("In 2017 the ban on pens was lifted after players objected to tablets.")
    assert told_after("Montferrand was recalled after quarrelling with Vaudrelle.")
    assert not told_after("After graduation Pendrecht worked for four years in Vienna.")
    assert not told_after("The relay was switched off forty years after the network opened.")
    assert not told_after("The rules were called the protocol after the arbiter who drafted them.")
    assert not told_after("The peak came in 2016, after which numbers declined.")
    assert not told_after("The line reopened after the war.")
