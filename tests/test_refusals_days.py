"""The days a question pins (a day and month, "December 15"), and when they say the
question is about another day than the sentences that would answer tell of."""

from __future__ import annotations

import pytest

from antqa.refusals import day_elsewhere, unwritten_day
from antqa.refusals.days import days
from antqa.service import QAService

PAID = [
    "On December 15, the exchange disclosed that the issuer could not repay the bonds.",
    "Although the insurer assumed the guarantee more than a week later on December 27, "
    "investors still worried.",
]


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("What did the insurer announce on December 15?", ["December 15"]),
        ("on 3 April 1974, and the 9th of March", ["3 April", "9th of March"]),
        ("on March 9th, 2016", ["March 9th"]),
        ("on Dec. 15 and 9 Sept", ["Dec. 15", "9 Sept"]),
        ("between 21 August and 30 September", ["21 August and 30 September"]),
        ("in May 2016, when they may 15 times", []),  # a month and a year; "may" no month
        ("on 45 March", []),
    ],
)
def test_days_are_read_either_way_round(text: str, written: list[str]) -> None:
    assert [day.text for day in days(text)] == written


def test_a_span_of_days_holds_the_days_within_it() -> None:
    (span,) = days("between 21 August and 30 September")
    (asked,) = days("on 5 September")
    assert span.meets(asked)
    assert not span.meets(days("on 5 October")[0])


def test_a_day_asked_is_unwritten_when_only_its_number_is_in_another_date() -> None:
    asked = "Why did the exchange only disclose the default on December 29?"
    assert (
        unwritten_day(asked, " ".join([*PAID, "On November 29 she apologized."])) == "December 29"
    )
    assert unwritten_day("What happened on 15 December?", " ".join(PAID)) is None  # either order
    assert unwritten_day("What happened on Dec. 27?", " ".join(PAID)) is None  # a short form
    assert unwritten_day("What happened in December?", " ".join(PAID)) is None  # no day asked


def test_a_day_asked_of_what_the_sentence_dates_at_another_day_is_dated_elsewhere() -> None:
    conflict = day_elsewhere("Which guarantee did the insurer assume on December 15?", PAID)
    assert conflict is not None
    assert (conflict[0].text, conflict[1].text) == ("December 15", "December 27")
    # the day asked is the one the sentence gives to what is asked
    assert day_elsewhere("What did the exchange disclose on December 15?", PAID) is None
    assert day_elsewhere("When did the insurer assume the guarantee?", PAID) is None


def test_on_this_article_a_day_changed_is_refused_and_the_day_told_answered(
    real_service: QAService,
) -> None:
    moved = real_service.ask("What did Zheshang Property & Casualty Insurance say on December 15?")
    assert not moved.answerable
    assert "dated December 27, not December 15" in moved.answer
    unwritten = real_service.ask("Why did Zhaocaibao wait until December 29 to disclose it?")
    assert not unwritten.answerable
    told = real_service.ask("What did Zhaocaibao disclose on December 15?")
    assert told.answerable
    assert "unable to issue private placement bonds" in told.answer
