"""The days a text gives ("December 15", "15 December", "the 3rd of April") and the
checks that a question pins a day the sentences that would answer do not tell of.

A year (:mod:`.times`) dates a sentence; a day and month dates an event within the
passage's year, and a question written to look answerable changes it as readily
("What did the insurer announce on December 15?" where it acted on December 27).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from antqa.questions import MONTH_NAMES
from antqa.refusals.times import part_dated_elsewhere

#: A month's name or its short form ("Dec", "Dec.", "Sept."), longest first.
_MONTHS = "|".join([*MONTH_NAMES, r"Sept\.?", *(rf"{m[:3]}\.?" for m in MONTH_NAMES)])
_DAY_NUMBER = r"(\d{1,2})(?:st|nd|rd|th)?"
#: A day of a month either way round: "15 December", "the 15th of December", "December
#: 15", "Dec. 15th"; not "May 2016" (a month and a year). Month names capitalised, as
#: English writes them ("may" is no month).
DAY_OF_MONTH = re.compile(
    rf"(?<![\d,.])\b{_DAY_NUMBER}\s+(?:of\s+)?({_MONTHS})\b|"
    rf"\b({_MONTHS})\s+(?:the\s+)?{_DAY_NUMBER}\b(?![,.]?\d)"
)
#: Days two dates of a text span ("between 21 August and 30 September", "from 2 to 9
#: March" is not read): a day asked within them is told of.
_SPAN_WORDS = re.compile(r"\b(?:between|from)\s*$", re.IGNORECASE)
_SPAN_JOIN = re.compile(r"^\s*(?:and|to|until|till|-|–)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Day:
    """Days ``first``..``last`` of the year (month times 32 plus the day: an order, not a
    count), where the text gives them and how it wrote them."""

    first: int
    last: int
    text: str
    start: int
    end: int

    def meets(self, other: Day) -> bool:
        """Whether the two share a day."""
        return self.first <= other.last and other.first <= self.last


def days(text: str) -> list[Day]:
    """The days ``text`` gives, a span of two ("between 21 August and 30 September") as one."""
    return list(_days(text))


@lru_cache(maxsize=1024)
def _days(text: str) -> tuple[Day, ...]:
    """:func:`days`, as a tuple (what a cache may hand out twice)."""
    found: list[Day] = []
    for match in DAY_OF_MONTH.finditer(text):
        number, month = match.group(1) or match.group(4), match.group(2) or match.group(3)
        if not 1 <= int(number) <= 31:
            continue
        at = (_month(month) + 1) * 32 + int(number)
        day = Day(at, at, match.group(), *match.span())
        if found and _spans(text, found[-1], day):
            before = found.pop()
            day = Day(before.first, at, text[before.start : day.end], before.start, day.end)
        found.append(day)
    return tuple(found)


def _month(written: str) -> int:
    """The month (0 for January) a name or short form writes."""
    return next(n for n, name in enumerate(MONTH_NAMES) if name.startswith(written[:3]))


def _spans(text: str, before: Day, day: Day) -> bool:
    """Whether ``before`` and ``day`` are the two ends of one span of days."""
    return (
        before.last < day.first
        and _SPAN_JOIN.match(text[before.end : day.start]) is not None
        and _SPAN_WORDS.search(text[: before.start]) is not None
    )


def unwritten_day(question: str, text: str) -> str | None:
    """A day the question gives that ``text`` (the passages the answer would come from)
    never writes, as the question wrote it: "December 29" asked where only "November 29"
    and "December 27" are written (the number alone is found, in another date)."""
    told = days(text)
    for asked in days(question):
        if not any(asked.meets(day) for day in told):
            return asked.text
    return None


def day_elsewhere(question: str, sentences: Sequence[str]) -> tuple[Day, Day] | None:
    """A day the question pins and the one ``sentences`` (those that would answer) give
    to what it asks, when that is another day (as
    :func:`~antqa.refusals.times.dated_elsewhere` for years): "What did the insurer
    announce on December 15?" of "... the insurer assumed the responsibility ... on
    December 27", where December 15 dates another company's disclosure."""
    asked = days(question)
    if not asked:
        return None
    return part_dated_elsewhere(question, asked, sentences, days)
