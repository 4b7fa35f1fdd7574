"""The times a text pins (centuries, decades, ranges, years) and the checks that a question is
asked of another time than the sentences that would answer tell of."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol, Self, TypeVar

from antqa.lexical import resembles, tokenize
from antqa.models import Sentence
from antqa.questions import MONTH_NAMES, UNIT_WORDS
from antqa.refusals.clauses import clauses
from antqa.refusals.meanings import meaning_words
from antqa.short_answers.dates import YEAR_ALONE, YEAR_WRITTEN

_ORDINAL = r"(\d{1,2})(?:st|nd|rd|th)"
#: "the 10th century", "the 10th and 11th centuries", "the 1st-2nd century".
_CENTURIES = re.compile(
    rf"\b{_ORDINAL}(?:\s*(?:,|and|or|to|-|–)\s*(?:the\s+)?{_ORDINAL})?\s+centur(?:y|ies)\b",
    re.IGNORECASE,
)
#: "between 1000 and 1300", "from 1402 to 1405", "1402–1405".
_YEAR_RANGE = re.compile(
    r"\b(?:between\s+|from\s+)?(\d{3,4})\s*(?:and|to|-|–|until)\s*(\d{3,4})\b(?![,.]\d)",
    re.IGNORECASE,
)
#: "1914-18", "1939–45": a range of years whose last is written by its last two digits,
#: in the century of the first (the next one when they are lower: "1998-03").
_SHORT_YEAR_RANGE = re.compile(r"\b(\d{2})(\d{2})\s*[-–]\s*(\d{2})\b(?![,.]?\d)")
#: "1100s", "1000's", "1050s": a decade, or a century when it ends in "00s".
_DECADE = re.compile(r"(?<![\d,.])\b(\d{3,4})0'?s\b")
#: The digits of a four-digit year, 1000-2099: what every pattern here reads as a year.
_YEAR_DIGITS = YEAR_ALONE.pattern
#: A four-digit year, not part of a larger number ("30,000", "1.5").
YEAR = YEAR_WRITTEN
#: After a number, a noun it counts ("by 1200 votes", "in 300 ships"): then it is no year.
#: The noun is plural, as any counted by a number above one is: in "s" (four letters at
#: least, not "was", "has") or an English plural of another form. Any word would do as
#: well before: "How much did the rebuilding after 1907 cost?" read no "after 1907", and
#: its answer, dated 1911, was refused as "dated 1911, not 1907".
_COUNTING = r"(?![,.]?\d)(?!\s+(?:[a-z]{3,}s|(?:wo)?men|people|children|cattle|sheep|feet)\b)"
#: A year that opens or closes a time ("after 1918", "until 1066"): what it pins runs on
#: past it, or up to it, so "after 1918" meets "between 1926 and 1959".
_OPEN_YEAR = re.compile(
    rf"\b(?i:(after|since)|(before|until|till|by))\s+({_YEAR_DIGITS}|\d{{3}})\b{_COUNTING}"
)
#: The same of an event the question names by its year ("before the 1961 count", "after
#: the 1848 revolution"): the time runs up to that year or on past it as well.
_OPEN_EVENT = re.compile(
    rf"\b(?i:(after|since)|(before|until|till|by))\s+(?i:the)\s+({_YEAR_DIGITS})\b(?![,.]?\d)"
)
_THE = re.compile(r"\s+(?i:the)\s+")
#: The first and last years a time may reach: an open one ("after 1918") runs to these,
#: and a range outside them ("from 5 to 12") is no time.
_EARLIEST, _LATEST = 100, 2100
#: "between the first census and the 2008 survey": a span from a time the question names
#: by an event to a year, which reaches back before that year as "until 2008" does.
_BETWEEN_UNTIL = re.compile(
    rf"\bbetween\s+(?!\d)(?:[\w'’-]+\s+){{1,5}}?and\s+(?:the\s+)?({_YEAR_DIGITS})\b(?![,.]?\d)",
    re.IGNORECASE,
)
#: How many a number word before "years later" counts ("a" and "one" are one).
_COUNT_WORDS = {"a": 1, **{word: n for n, word in enumerate(UNIT_WORDS, start=1)}, "ten": 10}
#: A time a text gives after the years it has written: "during the following decade",
#: "the next year", "three years later". It runs on from the last of them.
_RELATIVE = re.compile(
    r"\b(?:following|next|succeeding|subsequent)\s+(year|decade|century)\b|"
    rf"\b({'|'.join(_COUNT_WORDS)}|\d{{1,2}})\s+(year|decade)s?\s+later\b",
    re.IGNORECASE,
)
#: How many years each unit of :data:`_RELATIVE` spans.
_RELATIVE_YEARS = {"year": 1, "decade": 10, "century": 100}
#: A three-digit year needs a preposition before it ("in 911") and no noun counted after
#: it ("in 300 ships" counts ships).
_SHORT_YEAR = re.compile(
    rf"\b(?i:in|of|from|until|since|by|around|about|before|after)\s+(\d{{3}})\b{_COUNTING}"
)


#: Words that ask only that something happened ("What took place in the 12th century?"):
#: they tie a question to no sentence in particular.
HAPPENING_WORDS = frozenset(
    tokenize("happen happened occur occurred take took taken place event go went")
)


@dataclass(frozen=True)
class Period:
    """Years ``first``..``last`` (inclusive), where the text pins them and how it wrote them.

    ``century`` marks a century ("the 10th century"): wide enough that many sentences of
    a history fall in it, and written as years ("in 1072") as often as by its name.
    """

    first: int
    last: int
    text: str
    start: int
    end: int
    century: bool = False
    #: Written as a century's or a decade's name ("the 11th century", "the 1960s").
    named: bool = False

    @property
    def opened(self) -> bool:
        """Whether it runs on from a year or up to one ("after 1918", "before 2002")."""
        return self.first == _EARLIEST or self.last == _LATEST

    def meets(self, other: Period) -> bool:
        """Whether the two share a year, beyond the one where two spans of years touch:
        "between 1894 and 1906" is not "between 1885 and 1894", but meets "in 1894"."""
        if self.first < self.last and other.first < other.last:
            return self.first < other.last and other.first < self.last
        return self.first <= other.last and other.first <= self.last


def periods(text: str, told: bool = False) -> list[Period]:
    """The times ``text`` pins: centuries, decades, year ranges and single years.

    ``told``: ``text`` tells (a sentence that would answer), it does not ask. Then "by
    1900" pins 1900, where what it tells stood ("By 1900 the order ran 31 orphanages":
    how many it ran then, not in 1858); asked, "by 1900" is any time up to 1900."""
    return list(_periods(text, told))


# Remembered: several checks ask a question's times, several questions a sentence's.
@lru_cache(maxsize=1024)
def _periods(text: str, told: bool) -> tuple[Period, ...]:
    """:func:`periods`, as a tuple (what a cache may hand out twice)."""
    found: list[Period] = []

    def free(match: re.Match[str]) -> bool:
        return not any(p.start < match.end() and match.start() < p.end for p in found)

    for match in _CENTURIES.finditer(text):
        for number in filter(None, (match.group(1), match.group(2))):
            n = int(number)  # as people use it: "the 10th century" is 900 to 999
            label = f"the {match.group()}"
            span = match.span()
            found.append(Period((n - 1) * 100, n * 100 - 1, label, *span, century=True, named=True))
    for match in _YEAR_RANGE.finditer(text):
        first, last = int(match.group(1)), int(match.group(2))
        if free(match) and _EARLIEST <= first <= last <= _LATEST:
            found.append(Period(first, last, match.group().strip(), *match.span()))
    for match in _SHORT_YEAR_RANGE.finditer(text):
        first, last = short_range_years(match)
        if free(match) and _EARLIEST <= first <= last <= _LATEST:
            found.append(Period(first, last, match.group(), *match.span()))
    opened = (_OPEN_YEAR, _OPEN_EVENT) if not told else (_OPEN_YEAR,)
    for match in (m for pattern in opened for m in pattern.finditer(text)):
        if free(match):
            year = int(match.group(3))
            first, last = (year, _LATEST) if match.group(1) else (_EARLIEST, year)
            if told and (match.group(2) or "").lower() == "by":
                first = year
            label = _THE.sub(" ", match.group())  # "before 1961", not "before the 1961"
            found.append(Period(first, last, label, *match.span()))
    for match in _DECADE.finditer(text):
        if free(match):
            start = int(match.group(1)) * 10
            width = 100 if start % 100 == 0 else 10
            label = f"the {match.group()}"
            found.append(Period(start, start + width - 1, label, *match.span(), named=True))
    for match in _BETWEEN_UNTIL.finditer(text) if not told else ():
        year = int(match.group(1))
        found.append(Period(_EARLIEST, year, f"up to {year}", *match.span(1)))
    for pattern in (YEAR, _SHORT_YEAR):
        for match in pattern.finditer(text):
            if free(match):
                year = int(match.group(1))
                found.append(Period(year, year, match.group(1), *match.span(1)))
    return (*found, *(_relative(text, found) if told else ()))


def short_range_years(match: re.Match[str]) -> tuple[int, int]:
    """The first and last years of a :data:`_SHORT_YEAR_RANGE` match ("1914-18": 1914
    and 1918)."""
    century, first = int(match.group(1)), int(match.group(2))
    last = int(match.group(3))
    return century * 100 + first, (century + (last < first)) * 100 + last


def short_range_end(question: str, at: int) -> str | None:
    """The last year, written out, of a range of years ``question`` writes short, when its
    character ``at`` opens that range's two last digits ("1918" for the "18" of "the
    1914-18 war": a year, not the number 18); else ``None``."""
    for match in _SHORT_YEAR_RANGE.finditer(question):
        if match.start(3) == at:
            return str(short_range_years(match)[1])
    return None


def _relative(text: str, found: Sequence[Period]) -> list[Period]:
    """The times ``text`` gives by the years it has written before (``found``): "The
    harvest failures of 1867 and 1868 ... drove down prices during the following decade"
    tells of 1869 to 1878 as well (an answerable asking of "the 1870s" was refused)."""
    derived = []
    for match in _RELATIVE.finditer(text):
        before = [p for p in found if p.end <= match.start() and not p.century]
        if not before:
            continue
        last = max(before, key=lambda p: p.end).last
        if match.group(1):
            width = _RELATIVE_YEARS[match.group(1).lower()]
            first, end = last + 1, last + width
        else:
            count = match.group(2).lower()
            n = int(count) if count.isdigit() else _COUNT_WORDS.get(count, 1)
            first = end = last + n * _RELATIVE_YEARS[match.group(3).lower()]
        derived.append(Period(first, end, match.group(), *match.span()))
    return derived


#: "the 2005 ruling", "the 1998 election": a year naming a thing by its date.
_NAMED_BY_YEAR = re.compile(rf"\bthe\s+({_YEAR_DIGITS})\s+([a-z]{{3,}})\b", re.IGNORECASE)


def named_by_year(question: str) -> list[tuple[str, str]]:
    """Each year ``question`` names a thing by ("the 2005 ruling"), with the noun it names:
    the year dates that thing, which a text may tell apart from what is asked of it."""
    return [(m.group(1), m.group(2)) for m in _NAMED_BY_YEAR.finditer(question)]


def in_period_written(question: str, at: int, text: str) -> bool:
    """Whether the question's character ``at`` is in a century or a decade it names that
    ``text`` gives as a year or a name ("the 11th century" and "from 1068 to 1104"; "the
    1960s" and "between 1964 and 1969"). Not a range the question gives: its years are
    the ones it asks of ("between 1000 and 1300")."""
    asked = [p for p in periods(question) if p.named and p.start <= at < p.end]
    return bool(asked) and any(a.meets(d) for a in asked for d in periods(text))


def blanked(text: str, times: Sequence[Dated]) -> str:
    """``text`` with each of its ``times`` written over in spaces: its other words, where
    they were."""
    for p in times:
        text = text[: p.start] + " " * (p.end - p.start) + text[p.end :]
    return text


def vague_time_alone(question: str, near: set[str], rare: set[str]) -> str | None:
    """The century or decade the question names, when it is all that ties the question to
    the sentences that would answer: none of the question's other ``rare`` words (stemmed
    tokens, the ones not found everywhere in the article) is ``near`` (the tokens of those
    sentences and their neighbours), in any form ("build" and "built") or verb of its
    meaning (:func:`~antqa.refusals.meanings.meaning_words`: "What replaced pulse relay in
    the 2000s?" of "Pulse relay was gradually displaced during the 2000s by ...").

    A century is wide enough to be named in sentences about many things: "Who did the
    Normans besiege in the 11th century?" matches whatever the article says happened then.
    A year is not, and a question without other rare words ("What happened in the 1880s?":
    words that only ask that something happened do not count) asks for no more than the time.
    """
    vague = [p for p in periods(question) if p.century or p.text.startswith("the ")]
    if not vague:
        return None
    rest = blanked(question, vague)
    topic = [t for t in tokenize(rest) if t in rare and t not in HAPPENING_WORDS]
    if not topic or any(
        all(resembles(w, near) for w in verb) for t in topic for verb in meaning_words(t)
    ):
        return None
    return vague[0].text


def time_conflict(question: str, sentence: str) -> tuple[Period, Period] | None:
    """A time the question pins and one the sentence gives, when the sentence is dated
    (at least once) and never within any time the question pins; else ``None``."""
    asked = periods(question)
    if not asked:
        return None
    dated = _dating(question, asked, sentence)
    if not dated or any(a.meets(d) for a in asked for d in dated):
        return None
    if _DATED_BY_CONTEXT.search(sentence):
        # "on 15 March" is dated by the year its passage tells of: the years the sentence
        # writes may be others it compares with ("exceeding the previous record, set in 1953")
        return None
    return asked[0], dated[0]


#: A clause opened by a relative pronoun standing for a person or a thing ("who had joined
#: ... in 1961", "which had numbered 1,130 in 1840"): it tells of what the clause before
#: names. Not "when" or "where" ("until 1971, when he retired": the same time), nor a past
#: participle after a comma, which as often opens the main clause after an appositive
#: ("Martin Oyelaran, served two terms from 2002").
_TELLING_OF_WHAT = re.compile(r"\W*(?:and\s+)?(?:who|whom|whose|which)\b", re.I)


def _dating(question: str, asked: Sequence[Period], sentence: str) -> list[Period]:
    """The times ``sentence`` tells (:func:`periods`), but for those in a clause telling of
    what the one before names (:data:`_TELLING_OF_WHAT`) that holds none of the question's
    words (its times, ``asked``, left out) and meet none of its times: such a clause tells
    of another step of what the clause before names ("His successor was Margaret Olund,
    who had joined CVA as its chief accountant in 1961" dates her joining, not the
    succession the sentence before dates "until 1971"; an answerable of the twenty-sixth
    batch was refused as "dated 1961, not 1971"). One holding a word of the question
    tells what it asks ("Captain Echeverría, who had succeeded Ferrer in 1932" of "Who
    succeeded Ferrer in 1935?"); one meeting its time dates the sentence at it ("which had
    numbered 1,130 in 1840")."""
    dated = periods(sentence, told=True)
    if not dated:
        return dated
    rest = blanked(question, asked)
    topic = topic_words(rest)
    aside = [
        (c.start, c.start + len(c.text))
        for c in clauses(sentence)
        if _TELLING_OF_WHAT.match(c.text)
        and not any(resembles(t, set(tokenize(c.text))) for t in topic)
    ]
    return [
        d
        for d in dated
        if any(a.meets(d) for a in asked) or not any(start <= d.start < end for start, end in aside)
    ]


_MONTHS = "|".join(MONTH_NAMES)
#: A time a sentence gives by its passage's rather than by a year: a day and month with
#: no year after them ("on 15 March", "on March 15,"), the way a text dates what happened
#: in the year it has already given. ("the following decade" and the like are read as the
#: years after the ones written before them, :func:`_relative`.)
_DATED_BY_CONTEXT = re.compile(
    rf"\b(?:\d{{1,2}}\s+(?:{_MONTHS})|(?:{_MONTHS})\s+\d{{1,2}}\b)(?!,?\s+\d{{3,4}})"
)


#: Where a sentence's parts part when each may carry its own time ("X lost the fort in
#: 1453, but his captain won the battle in 1456"): a comma (not one inside a number,
#: "150,000"), a semicolon, a colon, a bracket, a dash between spaces, or "but".
DATED_PART = re.compile(r",(?!\d)|[;:()]|\s[–—]\s|\bbut\b")
#: How many of the question's words (other than its time) the part dated elsewhere must
#: hold to be what the question asks about: two. With one, a part sharing a single common
#: word ("price") with the question refused "What drove the price to its 2018 high?"
#: (velmorite), whose answer is the next part, dated 2018.
DATED_PART_WORDS = 2
_DIGIT = re.compile(r"\d")


def dated_elsewhere(question: str, sentences: Sequence[str]) -> tuple[Period, Period] | None:
    """A time the question pins and the one ``sentences`` (those that would answer) give
    to what it asks, when that is another time; else ``None``.

    They may name the question's time, but for something else: "Which duke lost
    Roccabruna in 1456?" asked of "Duke Amedeo III lost the fortress of Roccabruna in
    1453 ..., but his commander ... defeated the Vessanese army ... in June 1456"; "Who
    founded the Studium in 1468?" of "In 1468 Ludovico bought ... He founded ... the
    Studium ..., in 1474". See :func:`part_dated_elsewhere`; a sentence dated by a day
    and month alone ("on 15 March") is dated by its passage's year, whatever else it
    dates, so it is never a unit whole.
    """
    asked = periods(question)
    if not asked:
        return None
    return part_dated_elsewhere(question, asked, sentences, _told_periods, _DATED_BY_CONTEXT)


def _told_periods(text: str) -> list[Period]:
    """The times a sentence that would answer tells (:func:`periods`, ``told``)."""
    return periods(text, told=True)


class Dated(Protocol):
    """A time a text gives, where it gives it (a :class:`Period`, or a day,
    :class:`antqa.refusals.days.Day`)."""

    @property
    def text(self) -> str: ...

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...

    def meets(self, other: Self) -> bool:
        """Whether the two times overlap."""
        ...


_D = TypeVar("_D", bound=Dated)


def part_dated_elsewhere(
    question: str,
    asked: Sequence[_D],
    sentences: Sequence[str],
    read: Callable[[str], Sequence[_D]],
    whole_undated: re.Pattern[str] | None = None,
) -> tuple[_D, _D] | None:
    """A time of ``asked`` (those the question pins) and the one ``sentences`` give to what
    it asks, when that is another time; else ``None``. ``read`` gives a text's times.

    A part of a sentence (or a whole sentence dated only at other times, unless
    ``whole_undated`` finds that its times are its passage's) holding at least
    :data:`DATED_PART_WORDS` of the question's words (its times left out) is dated
    elsewhere, and no part dated at the question's time holds any.
    """
    rest = blanked(question, asked)
    topic = topic_words(rest)
    units = []
    for sentence in sentences:
        if not _DIGIT.search(sentence):
            continue  # every time is written with a digit: nothing dated here
        units += dated_parts(sentence)
        if whole_undated is not None and whole_undated.search(sentence):
            continue
        if not any(a.meets(d) for a in asked for d in read(sentence)):
            units.append(sentence)  # its time may be a part of its own: "..., in 1474,"
    best: tuple[int, _D] | None = None
    for unit in units:
        dated = read(unit) if _DIGIT.search(unit) else []
        if not dated:
            continue
        words = set(tokenize(unit))
        held = sum(resembles(t, words) for t in topic)
        if any(a.meets(d) for a in asked for d in dated):
            if held:
                return None  # the question's time and words meet in one part
        elif held >= DATED_PART_WORDS and (best is None or held > best[0]):
            best = (held, dated[0])
    return None if best is None else (asked[0], best[1])


def dated_parts(sentence: str) -> list[str]:
    """The parts of ``sentence`` that each may be told at a time of its own
    (:data:`DATED_PART`), but for a time opening a clause: a clause
    (:func:`~antqa.refusals.clauses.clauses`) that opens on a time before its verb ("In
    1987, the quatercentenary year, a former housemaster, Peter Drummond, was convicted
    of indecent assault on pupils in the 1970s") is told at that time, so its opening and
    its part with the verb are one part: the conviction is told at 1987, the offence within
    it in the 1970s."""
    kept = []  # where a clause's opening is read with its verb: no part ends there
    for clause in clauses(sentence):
        opening = DATED_PART.split(clause.core)
        if len(opening) > 1 and _DIGIT.search(" ".join(opening[:-1])):
            kept.append((clause.start, clause.start + len(clause.core)))
    if not kept:
        return _with_figures(DATED_PART.split(sentence))
    parts, start = [], 0
    for mark in DATED_PART.finditer(sentence):
        if not any(first <= mark.start() < last for first, last in kept):
            parts.append(sentence[start : mark.start()])
            start = mark.end()
    return _with_figures([*parts, sentence[start:]])


#: How many words (stemmed, stop words left out) besides a figure and a time a part may
#: hold and still be the figure of the part before at another time ("compared with 3,100
#: in 1995": "compared"): one. A part with two names a thing of its own ("the commander
#: defeated 3,000 men in 1456").
FIGURE_PART_WORDS = 1


def _with_figures(parts: list[str]) -> list[str]:
    """``parts`` with each that gives only a figure at a time joined to the one before it:
    "about 8,400 boat movements recorded through the Hensworth Flight in 2019, compared
    with 3,100 in 1995" tells the movements of 1995 too (an answerable asking of 1995 was
    refused as "dated 2019, not 1995")."""
    joined: list[str] = []
    for part in parts:
        if joined and _figure_only(part):
            joined[-1] = f"{joined[-1]},{part}"
        else:
            joined.append(part)
    return joined


def _figure_only(part: str) -> bool:
    """Whether ``part`` gives a time and a figure ("3,100 in 1995") with at most
    :data:`FIGURE_PART_WORDS` other words: the figure of another part, at its own time."""
    times = periods(part, told=True)
    if not times:
        return False
    rest = blanked(part, times)
    return bool(_DIGIT.search(rest)) and len(tokenize(re.sub(r"[\d,.]+", " ", rest))) <= (
        FIGURE_PART_WORDS
    )


def topic_words(rest: str) -> set[str]:
    """The (stemmed) words of a question, its time or place left out (``rest``), that say
    what it asks about: not the words of any event ("happen", "take place")."""
    return {t for t in tokenize(rest) if t not in HAPPENING_WORDS}


#: Capitalised words after "in", "on" that name a time, not a place.
_TIME_NAMES = frozenset(month.lower() for month in MONTH_NAMES) | frozenset(
    re.findall(
        r"\w+",
        "monday tuesday wednesday thursday friday saturday sunday spring summer autumn "
        "winter christmas easter",
    )
)


def is_time(name: str) -> bool:
    """Whether ``name`` ("November", "Easter Monday") opens with the name of a time."""
    return name.split()[0].lower() in _TIME_NAMES


def paragraph_times(sentences: Sequence[Sentence]) -> list[str]:
    """Per sentence that writes no time, the times the last sentence before it in its
    paragraph to write one wrote (their texts, "1907"), else ``""``.

    A paragraph names its year once and tells several sentences at it ("On 12 December 1907
    a goods train ran into ..." + "An inquiry chaired by ... Renato Ilvesi blamed ..."): the
    sentence telling what a question asks of that year ("Who led the inquiry into the 1907
    accident?") does not write it, and read alone it loses to one writing another year's
    inquiry. A sentence writing a time of its own is told at that one: read at the
    paragraph's as well whenever its first clause writes none ("Prices have been volatile:
    after ... in 2011, ..." after a sentence on 2019), and the refusal of a time reading
    it so too, every set with train14 gained 5 answer hits, lost 4, and refused 12 fewer
    unanswerables (22 no longer, 10 newly). A sentence timed after the one before ("Two
    years later ...") is told at another time than the paragraph's."""
    found: list[str] = []
    last, paragraph = "", None
    for sentence in sentences:
        if sentence.paragraph != paragraph:
            last, paragraph = "", sentence.paragraph
        own = " ".join(p.text for p in periods(sentence.text, told=True))
        if _RELATIVE.search(sentence.text):  # "Two years later ...": another time, unknown here
            found.append("")
            last = own
            continue
        found.append("" if own else last)
        last = own or last
    return found
