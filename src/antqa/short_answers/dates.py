"""Spans of time ("14 June 1866", "the 12th century", "every Tuesday") and what a
question asking for a date, a day or a year keeps of them."""

from __future__ import annotations

import re

from antqa.short_answers.asked import Asked
from antqa.short_answers.forms import MONTH, NUMBER, ORDINAL, WEEKDAY

#: A span of time as an English text writes it: a date, a month, a century, a decade, a
#: year or a range of years, a day of the week.
TIME_SPAN = re.compile(
    rf"\b(?:{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{3,4}})?|\d{{1,2}}\s+{MONTH}"
    rf"(?:\s+\d{{3,4}})?|(?:early |late |mid-?)?{MONTH}(?:\s+(?:of\s+)?\d{{3,4}})?|"
    rf"(?:the\s+)?(?:early |late |mid-?)?{ORDINAL}(?:\s+(?:and|or|to)\s+{ORDINAL})?"
    rf"\s+(?:century|centuries|millennium)(?:\s+(?:BC|AD|BCE|CE))?|"
    # "between 1170 and 1185": a range, which a reader gives with its "between"
    r"(?:the\s+)?\d{3,4}s|(?:between\s+\d{3,4}\s+and\s+\d{3,4}\b)|from\s+\d{3,4}\s+to\s+\d{3,4}\b|"
    r"(?<![\d,.])\d{3,4}(?![,.]\d)(?:\s*(?:–|-|to)\s*\d{2,4})?"
    rf"(?:\s+(?:BC|AD|BCE|CE))?|{WEEKDAY}|from\s+{MONTH}\s+to\s+{MONTH}|"
    # "in the 84th minute", "between 310 and 280 million years ago": times of their own
    rf"{ORDINAL}\s+(?:minute|hour|day|week)|(?:between\s+)?{NUMBER}(?:\s+and\s+{NUMBER})?"
    r"(?:\s+(?:million|thousand))?\s+years\s+ago)\b"
)
#: "At what time of year ...?": a season or a month, which a year alone does not give.
SEASON_WORDS = frozenset(["time", "of", "year"])
#: A bare four-digit number of the last millennium or this one is a year, not a count.
YEAR_ALONE = re.compile(r"1\d{3}|20\d{2}")
#: A year written in running text (group 1): not part of a longer figure ("1,850", "1850.5",
#: "21850"), which the digits alone would match.
YEAR_WRITTEN = re.compile(rf"(?<![\d,.])\b({YEAR_ALONE.pattern})\b(?![,.]?\d)")
#: A year in a date ("1191" of "1 May 1191"), not one of a range ("1452–1458").
_YEAR_IN_DATE = re.compile(rf"{MONTH}\s+(?:of\s+)?(\d{{3,4}})$")


def year_of(text: str, start: int, end: int) -> tuple[int, int]:
    """The year of the date ``text[start:end]`` ("1191" of "April 1191"), or the span."""
    year = _YEAR_IN_DATE.search(text, start, end)
    return (year.start(1), end) if year else (start, end)


#: A day of a month in a span of time ("6 August 1885", "June 14").
DAY = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH}\b|\b{MONTH}\s+\d{{1,2}}\b|\b{WEEKDAY}\b")


def gives_day(text: str) -> bool:
    """Whether ``text`` names a day (:data:`DAY`): what "On what date ...?" asks, which
    "the summer of 1747" does not give."""
    return DAY.search(text) is not None


#: A month right before a number, or right after it: the number is a day or a year.
_MONTH_BEFORE = re.compile(rf"\b{MONTH}\s+$")
_MONTH_AFTER = re.compile(rf"\s+(?:of\s+)?{MONTH}\b")
#: How far before a number that month is looked for, in characters: the longest month
#: ("September") and a space or three.
_MONTH_CHARS = 12


def day_of_month(text: str, start: int, end: int) -> bool:
    """Whether the number at ``[start, end)`` is part of a date ("December 27", "14 June",
    "June 1866"): it counts nothing, even where the question counts days."""
    return bool(
        _MONTH_BEFORE.search(text, max(0, start - _MONTH_CHARS), start)
        or _MONTH_AFTER.match(text, end)
    )


#: A span of time that opens a range ("between 1170 and 1185", "from May to June"): read
#: with its first word, which trimming would drop.
BETWEEN = re.compile(rf"between\s+\d|from\s+(?:{MONTH}|\d)")


#: A life's dates in brackets after a name ("Teodor Halbrand (14 March 1894 – 2 November
#: 1971)"): the first is the birth, the second the death.
_LIFE_OPENS = re.compile(r"\(\s*$")
_LIFE_CLOSES = re.compile(r"\s*\)")
_LIFE_DASH = re.compile(r"\s*[–-]\s*")
#: The words of a question asking when someone was born, or died (lower case, as written).
_BORN = frozenset(["born", "birth"])
_DIED = frozenset(["die", "died", "death"])


def other_end_of_life(text: str, start: int, end: int, asked: Asked) -> bool:
    """Whether the date ``text[start:end]`` is the end of a life's bracketed dates that the
    question does not ask (the birth for "when did he die?", the death for "when was he
    born?"), or the whole of them ("(1274–1316)")."""
    dash_after = _LIFE_DASH.match(text, end)
    birth = bool(_LIFE_OPENS.search(text, max(0, start - 2), start)) and dash_after is not None
    death = bool(_LIFE_CLOSES.match(text, end)) and bool(
        re.search(r"[–-]\s*$", text[max(0, start - 3) : start])
    )
    life = bool(_LIFE_OPENS.search(text, max(0, start - 2), start)) and bool(
        _LIFE_CLOSES.match(text, end)
    )
    if life and _LIFE_DASH.search(text, start, end):
        return True  # "Henry Scrope (1274–1316)": his life, not when anything happened
    return (birth and bool(asked.words & _DIED)) or (death and bool(asked.words & _BORN))
