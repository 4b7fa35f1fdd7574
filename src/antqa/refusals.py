"""Signals that a question which looks answerable is about something the article does not say.

Questions written to look answerable often keep the article's words and change one fact:
the time ("Who invaded Scotland in the 10th century?" where the article says 1072). The
sentence that best matches such a question is then about the right event at another time.
A question that pins a time (a year, a decade, a century) is answered by a sentence that
is dated in that time or not dated at all; one dated only at other times says the
article tells of another moment, not of the one asked about.

Or they change a name ("as French" where the article says "as English", "Henry II" for
"Henry III"): the answer's paragraph then never names what the question names, or the
sentence that would answer gives the fact to another name ("the Ostmark pit employed ..."
for "the Hollin pit"). Names are compared in any form (:func:`antqa.lexical.resembles`)
and, as every token, without accents (people type "Herve" for "Hervé").

Or they move the fact to another place ("at Taobao" where the sentence has it "at UC"
and Taobao only in a clause of its own), or tie together two names the article never
tells of together ("Ni Xingjun's role at Wacai.com").

Or they turn a word into its opposite: "the smallest area" where the article gives the
greatest, "by how much did it rise" where it fell, "understate" for "overstate"; or into
another of its set: "the upper section" for the lower, "daily" for "weekly", "close"
for "opened", "removed" for "added".

Or they swap a rank ("in its second year" where the article gives the first year), or
who did what: a step the article tells of someone else ("did Piet Ommeren publish" of
"Kaarvig's analysis, published in 1933"), or a "who" question about what was done to a
name the article gives as the doer ("Who replaced the Normans?" of "The Normans replaced
the Anglo-Saxons").

Or they ask a detail of an event the article tells without it: who did it ("Who
designed the restoration completed in 2011?" of "... after a restoration completed in
2011", which names no one), or a figure ("How many employees cried during the review?" of
"Many people cried during the review", the only number near being of something else).
Or they add a detail the article does not give to an event it tells: make it a refusal
or a dismissal ("Why did she refuse to apologize?" where she apologized), ask a place
within the only place it names ("Which US city was she in?" of "in the United States"),
or a total where it counts only those who took part ("How many employees did it have in
total?" of "witnessed by more than 7,000 employees").

The checks themselves live in
:meth:`antqa.answering.Answerer.doubt`, which knows the sentences that would answer; this
module reads times and words.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from antqa.lexical import STOPWORDS, UNSTOPPED_PREPOSITIONS, LexicalIndex, resembles, tokenize
from antqa.models import Sentence
from antqa.questions import (
    MONTH_NAMES,
    NUMBER_WORDS,
    PLACE_KINDS,
    TEEN_WORDS,
    TEN_WORDS,
    UNIT_WORDS,
)

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
#: "1100s", "1000's", "1050s": a decade, or a century when it ends in "00s".
_DECADE = re.compile(r"(?<![\d,.])\b(\d{3,4})0'?s\b")
#: A four-digit year (1000-2099), not part of a larger number ("30,000", "1.5").
_YEAR = re.compile(r"(?<![\d,.])\b(1\d{3}|20\d{2})\b(?![,.]?\d)")
#: After a number, a noun it counts ("by 1200 votes", "in 300 ships"): then it is no year.
_COUNTING = r"(?![,.]?\d)(?!\s+(?!and\b|the\b|when\b|with\b)[a-z]{3,}\b)"
#: A year that opens or closes a time ("after 1918", "until 1066"): what it pins runs on
#: past it, or up to it, so "after 1918" meets "between 1926 and 1959".
_OPEN_YEAR = re.compile(
    rf"\b(?i:(after|since)|(before|until|till|by))\s+(1\d{{3}}|20\d{{2}}|\d{{3}})\b{_COUNTING}"
)
#: The first and last years a time may reach: an open one ("after 1918") runs to these,
#: and a range outside them ("from 5 to 12") is no time.
_EARLIEST, _LATEST = 100, 2100
#: "between the first census and the 2008 survey": a span from a time the question names
#: by an event to a year, which reaches back before that year as "until 2008" does.
_BETWEEN_UNTIL = re.compile(
    r"\bbetween\s+(?!\d)(?:[\w'’-]+\s+){1,5}?and\s+(?:the\s+)?(1\d{3}|20\d{2})\b(?![,.]?\d)",
    re.IGNORECASE,
)
#: A time a text gives after the years it has written: "during the following decade",
#: "the next year", "three years later". It runs on from the last of them.
_RELATIVE = re.compile(
    r"\b(?:following|next|succeeding|subsequent)\s+(year|decade|century)\b|"
    r"\b(a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(year|decade)s?\s+later\b",
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
_EVENT_WORDS = frozenset(
    tokenize("happen happened occur occurred take took taken place event go went")
)
#: A name with a regnal number: "Henry II", "Charles III", "Alexander I".
_NUMBERED = re.compile(r"\b([A-Z][\w'’-]*[a-z])\s+(I{1,3}|IV|VI{0,3}|IX|XI{0,3})\b")


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
    for match in _OPEN_YEAR.finditer(text):
        if free(match):
            year = int(match.group(3))
            first, last = (year, _LATEST) if match.group(1) else (_EARLIEST, year)
            if told and (match.group(2) or "").lower() == "by":
                first = year
            found.append(Period(first, last, match.group(), *match.span()))
    for match in _DECADE.finditer(text):
        if free(match):
            start = int(match.group(1)) * 10
            width = 100 if start % 100 == 0 else 10
            label = f"the {match.group()}"
            found.append(Period(start, start + width - 1, label, *match.span(), named=True))
    for match in _BETWEEN_UNTIL.finditer(text) if not told else ():
        year = int(match.group(1))
        found.append(Period(_EARLIEST, year, f"up to {year}", *match.span(1)))
    for pattern in (_YEAR, _SHORT_YEAR):
        for match in pattern.finditer(text):
            if free(match):
                year = int(match.group(1))
                found.append(Period(year, year, match.group(1), *match.span(1)))
    return found + (_relative(text, found) if told else [])


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


#: How many a number word before "years later" counts ("a" and "one" are one).
_COUNT_WORDS = {"a": 1, **{word: n for n, word in enumerate(UNIT_WORDS, start=1)}, "ten": 10}


def in_period_written(question: str, at: int, text: str) -> bool:
    """Whether the question's character ``at`` is in a century or a decade it names that
    ``text`` gives as a year or a name ("the 11th century" and "from 1068 to 1104"; "the
    1960s" and "between 1964 and 1969"). Not a range the question gives: its years are
    the ones it asks of ("between 1000 and 1300")."""
    asked = [p for p in periods(question) if p.named and p.start <= at < p.end]
    return bool(asked) and any(a.meets(d) for a in asked for d in periods(text))


#: Ordinals English does not form by adding "th" to the cardinal.
_ORDINAL_OF = {"one": "first", "two": "second", "three": "third", "five": "fifth",
               "eight": "eighth", "nine": "ninth", "twelve": "twelfth"}  # fmt: skip


def written_out(number: int) -> tuple[str, ...]:
    """How English writes ``number`` (1 to 99) in words, as a cardinal and as an ordinal
    ("fifty", "fiftieth"; "twenty-one", "twenty-first"); none for other numbers. An
    article may write "its fiftieth anniversary" where a question types "50th"."""
    if not 0 < number < 100:
        return ()
    tens, unit = divmod(number, 10)
    if number < 20:
        cardinal = (UNIT_WORDS + TEEN_WORDS)[number - 1]
        return cardinal, _ordinal(cardinal)
    ten = TEN_WORDS[tens - 2]
    if not unit:
        return ten, ten[:-1] + "ieth"
    unit_word = UNIT_WORDS[unit - 1]
    return f"{ten}-{unit_word}", f"{ten}-{_ordinal(unit_word)}"


def _ordinal(cardinal: str) -> str:
    return _ORDINAL_OF.get(cardinal, cardinal + "th")


def vague_time_alone(question: str, near: set[str], rare: set[str]) -> str | None:
    """The century or decade the question names, when it is all that ties the question to
    the sentences that would answer: none of the question's other ``rare`` words (stemmed
    tokens, the ones not found everywhere in the article) is ``near`` (the tokens of those
    sentences and their neighbours), in any form ("build" and "built").

    A century is wide enough to be named in sentences about many things: "Who did the
    Normans besiege in the 11th century?" matches whatever the article says happened then.
    A year is not, and a question without other rare words ("What happened in the 1880s?":
    words that only ask that something happened do not count) asks for no more than the time.
    """
    vague = [p for p in periods(question) if p.century or p.text.startswith("the ")]
    if not vague:
        return None
    rest = question
    for p in vague:
        rest = rest[: p.start] + " " * (p.end - p.start) + rest[p.end :]
    topic = [t for t in tokenize(rest) if t in rare and t not in _EVENT_WORDS]
    if not topic or any(resembles(t, near) for t in topic):
        return None
    return vague[0].text


def time_conflict(question: str, sentence: str) -> tuple[Period, Period] | None:
    """A time the question pins and one the sentence gives, when the sentence is dated
    (at least once) and never within any time the question pins; else ``None``."""
    asked = periods(question)
    if not asked:
        return None
    dated = periods(sentence, told=True)
    if not dated or any(a.meets(d) for a in asked for d in dated):
        return None
    if _DATED_BY_CONTEXT.search(sentence):
        # "on 15 March" is dated by the year its passage tells of: the years the sentence
        # writes may be others it compares with ("exceeding the previous record, set in 1953")
        return None
    return asked[0], dated[0]


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
_DATED_PART = re.compile(r",(?!\d)|[;:()]|\s[–—]\s|\bbut\b")
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
    Studium ..., in 1474". A part of a sentence (or a whole sentence dated only at other
    times) holding at least :data:`DATED_PART_WORDS` of the question's words (its time
    left out) is dated elsewhere, and no part dated at the question's time holds any.
    """
    asked = periods(question)
    if not asked:
        return None
    rest = question
    for p in asked:
        rest = rest[: p.start] + " " * (p.end - p.start) + rest[p.end :]
    topic = _topic(rest)
    units = []
    for sentence in sentences:
        if not _DIGIT.search(sentence):
            continue  # every time is written with a digit: nothing dated here
        units += _DATED_PART.split(sentence)
        if _DATED_BY_CONTEXT.search(sentence):
            continue  # "on 15 March": dated by its passage's year, whatever else it dates
        if not any(a.meets(d) for a in asked for d in periods(sentence, told=True)):
            units.append(sentence)  # its time may be a part of its own: "..., in 1474,"
    best: tuple[int, Period] | None = None
    for unit in units:
        dated = periods(unit, told=True) if _DIGIT.search(unit) else []
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


def _topic(rest: str) -> set[str]:
    """The (stemmed) words of a question, its time or place left out (``rest``), that say
    what it asks about: not the words of any event ("happen", "take place")."""
    return {t for t in tokenize(rest) if t not in _EVENT_WORDS}


#: A capitalised word of a place's name ("Po", "St.", "Wacai.com", "Côte-d’Or").
_PLACE_WORD = r"[A-Z][\w'’.-]*"
#: A place the question pins with a preposition: "at Taobao", "in the Po Valley".
_AT_PLACE = re.compile(rf"\b(?:at|in|on|to|from)\s+(?:the\s+)?({_PLACE_WORD}(?:\s+{_PLACE_WORD})*)")


#: A question asking how far: a place after "from" is where it is measured from.
_DISTANCE = re.compile(r"\bhow\s+(?:far|close|near)\b|\bdistance\b", re.I)

#: Capitalised words after "in", "on" that name a time, not a place.
_TIME_NAMES = frozenset(month.lower() for month in MONTH_NAMES) | frozenset(
    re.findall(
        r"\w+",
        "monday tuesday wednesday thursday friday saturday sunday spring summer autumn "
        "winter christmas easter",
    )
)


def _is_time(name: str) -> bool:
    """Whether ``name`` ("November", "Easter Monday") opens with the name of a time."""
    return name.split()[0].lower() in _TIME_NAMES


def placed_elsewhere(
    question: str, sentences: Sequence[str], names: Collection[str]
) -> tuple[str, str] | None:
    """A place the question pins and the other place ``sentences`` (those that would
    answer) give what it asks, when they name the question's place only for something
    else; else ``None``.

    "Who first implemented the system at Taobao?" of "This system was first implemented
    by Yu Yongfu at UC, and later achieved good results on Taobao": the part of the
    sentence that tells what the question asks (at least :data:`DATED_PART_WORDS` of its
    other words) is at another place, and no part naming Taobao holds any of them. As
    :func:`dated_elsewhere` does for times.

    Not a place pinned: where a distance is measured from ("How far from the Cable House
    was the spark station?").
    """
    distance = _DISTANCE.search(question) is not None
    for asked in _AT_PLACE.finditer(question):
        if _is_time(asked.group(1)):
            continue  # "in November 2016" pins a time (:func:`dated_elsewhere`), no place
        if distance and asked.group().lower().startswith("from"):
            continue
        place = tokenize(asked.group(1))
        topic = _topic(question[: asked.start()] + " " + question[asked.end() :])
        found = [_placed_apart(s, place, topic, names) for s in sentences]
        if "" not in found:  # "": the question's place and words meet in a part
            told = next((other for other in found if other), None)
            if told is not None:
                return asked.group(1), told
    return None


def _placed_apart(
    sentence: str, place: Sequence[str], topic: Collection[str], names: Collection[str]
) -> str | None:
    """The other place a part of ``sentence`` gives what ``topic`` asks, when another part
    of it names ``place`` (``None`` when none does); ``""`` when a part names ``place``
    with a word of ``topic``."""
    written = set(tokenize(sentence))
    if not any(resembles(t, written) for t in place):
        return None  # never names the place: nothing to split (the common case, and fast)
    named_here, other = False, None
    before: set[str] = set()
    for part in _DATED_PART.split(sentence):
        words = set(tokenize(part))
        if words and words <= set(place):  # "went to Valparaíso, Chile": the place before,
            words |= before  # more exactly, not a part of its own
        before = words
        held = sum(resembles(t, words) for t in topic)
        if any(resembles(t, words) for t in place):
            if held:
                return ""
            named_here = True
        elif held >= DATED_PART_WORDS and other is None:
            told = [
                match.group(1)
                for match in _AT_PLACE.finditer(part)
                if not set(tokenize(match.group(1))) & set(names) and not _is_time(match.group(1))
            ]
            other = told[0] if told else None
    return other if named_here else None


#: English words that say the opposite of each other, each side as the forms it is
#: written in: a question asking for the smallest where the article gives the greatest,
#: or by how much something rose where it fell, swaps the fact (a kind of unanswerable
#: SQuAD 2.0 writers use). Only words with one plain opposite: "most", "least", "first",
#: "last", "more", "before" say too many other things ("at least", "last year").
_OPPOSED = (
    ("smallest", "largest biggest greatest"),
    ("lowest", "highest"),
    ("shortest", "longest"),
    ("earliest", "latest"),
    ("youngest", "oldest eldest"),
    ("weakest", "strongest"),
    ("slowest", "fastest quickest"),
    ("cheapest", "dearest"),
    ("narrowest", "widest broadest"),
    ("shallowest", "deepest"),
    ("coldest", "hottest warmest"),
    ("poorest", "richest wealthiest"),
    ("lightest", "heaviest"),
    ("nearest", "furthest farthest"),
    ("worst", "best"),
    ("saddest", "happiest"),
    ("minimum", "maximum"),
    ("younger", "elder older"),
    ("born birth", "died death"),
    (
        "rise rises rising rose risen increase increases increased increasing",
        "fall falls falling fell fallen decrease decreases decreased decreasing",
    ),
    ("grow grows growing grew grown", "shrink shrinks shrinking shrank shrunk"),
    ("above exceed exceeds exceeded exceeding", "below"),
)
#: Words of which a fact is one and not the others: a question asking for the upper
#: section where the article tells of the lower one, for the daily market where it has a
#: weekly one, when something closed where it says it opened, or what was removed where
#: it says added, swaps the fact like an opposite. Across the SQuAD-format sets these
#: refused 19 more unanswerables and 1 answerable ("Why was the dock closed off?" of a
#: passage on when it opened), and one more of this article's unseen unanswerables. Not
#: "before"/"after", "first"/"second" (they order, and refused as many answerables as
#: unanswerables), nor "bought"/"sold" (the same fact told from the other side: "Who
#: bought it?" of "he sold it to her"), nor "male"/"female" (as many of each refused).
#: The seasons, "reopen", "retains"/"lost", "passed"/"defeated" and "survived"/"died"
#: (added with "younger"/"elder", "born"/"died", "exceed"/"below" of :data:`_OPPOSED`)
#: refused 10 more unanswerables on the seen SQuAD-format sets and no answerable. Not
#: "won"/"lost" ("What share of its members did the party lose?" where the passage tells
#: of seats won: an answerable refused), nor kin ("son", "daughter", "brother", ...): "Who
#: was Emma's brother?" is answered by "his sister Emma" (4 answerables refused to 3).
#: "voluntary"/"compulsory", "introduced"/"abolished", "killed"/"injured",
#: "praised"/"criticised", "extended"/"reduced", "men"/"women", "public"/"private" refused
#: 8 more unanswerables on all sets and no answerable (picked from the eighth batch's
#: unrefused unanswerables: 6 of the 8 are there). Not "began"/"ended": 4 unanswerables
#: for 3 answerables ("When did the strike begin?" of a passage telling how it ended).
_ALTERNATIVES = (
    ("upper uppermost", "lower lowermost"),
    ("inner innermost", "outer outermost"),
    ("north northern northernmost", "south southern southernmost"),
    ("east eastern easternmost", "west western westernmost"),
    ("daily", "weekly", "monthly", "annual annually yearly"),
    (
        "open opens opened opening reopen reopens reopened reopening",
        "close closes closed closing",
    ),
    ("add adds added adding", "remove removes removed removing"),
    ("import imports imported importing", "export exports exported exporting"),
    ("cold", "warm hot"),
    ("wet", "dry"),
    ("accept accepts accepted accepting", "reject rejects rejected rejecting"),
    ("high higher", "low"),
    ("fully", "partly partially"),
    ("full", "partial"),
    ("spring", "summer", "autumn", "winter"),
    ("retain retains retained retaining", "lose loses lost losing"),
    ("pass passes passed", "defeat defeats defeated"),
    ("survive survives survived surviving", "die dies died dying"),
    ("voluntary voluntarily", "compulsory mandatory"),
    ("introduce introduces introduced introducing", "abolish abolishes abolished abolishing"),
    ("kill kills killed killing", "injure injures injured injuring"),
    (
        "praise praises praised praising",
        "criticise criticises criticised criticising criticize criticizes criticized "
        "criticizing condemn condemns condemned condemning",
    ),
    ("extend extends extended extending", "reduce reduces reduced reducing"),
    ("men", "women"),
    ("public", "private"),
)
#: Each side of :data:`_OPPOSED` with its opposite, both ways round, and each word of
#: :data:`_ALTERNATIVES` with the others of its set. Words are compared as sets (a regex
#: per side over a long passage took ~2 ms a question).
_SIDES = [
    (frozenset(one.split()), frozenset(other.split()))
    for pair in _OPPOSED
    for one, other in (pair, pair[::-1])
] + [
    (frozenset(one.split()), frozenset(" ".join(group[:at] + group[at + 1 :]).split()))
    for group in _ALTERNATIVES
    for at, one in enumerate(group)
]
#: "insoluble" and "soluble", "unusual" and "usual": a word and the same word negated, the
#: rest at least five letters (so "inform", "income", "unless" are no negations). On the
#: SQuAD-format sets it refused one more unanswerable ("insoluble") and no answerable.
_NEGATED = re.compile(r"(?:in|un|non)([a-z]{5,})")
_NEGATIONS = ("in", "un", "non")
#: "understate" and "overstate": the prefix says which way, the rest (at least this many
#: letters, so "under" and "over" themselves, "overt", "underway" don't count) what.
_SWAPPED_PREFIX = re.compile(r"(over|under)([a-z]{4,})")


def plain_words(text: str) -> frozenset[str]:
    """The lower-cased words of ``text`` as written (not stemmed): what :func:`opposite_word`
    compares, worked out once per sentence of an article."""
    return frozenset(re.findall(r"[a-z]+", text.lower()))


#: The months of each season as the northern half of the world has them: a text giving a
#: month ("the April–June flow") tells of its season without naming it, however it names
#: the season before (an answerable of the tenth batch, "the Tamsel's spring flow", was
#: refused for "the preceding winter"). Not "may": a word of every text.
_SEASON_MONTHS = {
    "spring": ("march", "april"),
    "summer": ("june", "july", "august"),
    "autumn": ("september", "october", "november"),
    "winter": ("december", "january", "february"),
}
#: Fewest letters of a word that a longer one holds after a prefix of two letters or more
#: ("closed" in "enclosed"): then the text writes the question's word, in another form.
#: Six, so that "lower" is not written by "flower", nor "killed" by "skilled".
PREFIXED_LETTERS = 6


def _written_prefixed(word: str, written: Collection[str]) -> bool:
    """Whether ``written`` holds ``word`` (of :data:`PREFIXED_LETTERS` or more) after a
    prefix: "Why was the dock closed off?" of "a dock enclosed by lock gates"."""
    if len(word) < PREFIXED_LETTERS:
        return False
    return any(w.endswith(word) and len(w) >= len(word) + 2 for w in written)


def _season_told(season: str, written: Collection[str]) -> bool:
    """Whether ``written`` names a month of ``season`` (:data:`_SEASON_MONTHS`)."""
    return any(month in written for month in _SEASON_MONTHS.get(season, ()))


def opposite_word(question: str, written: Collection[str]) -> tuple[str, str] | None:
    """A word of the question and its opposite as the text with the :func:`plain_words`
    ``written`` (the sentences that would answer) writes it, when that writes the opposite
    and never the question's own, in any form ("What was the smallest area ...?" of "At
    its greatest extent ... the duchy covered"; "understate" where it says "overstated")."""
    asked = re.findall(r"[a-z]+", question.lower())
    words = frozenset(asked)
    for one, other in _SIDES:
        if one.isdisjoint(words):
            continue  # the question asks none of this side (most sides: a set test each)
        found = next(word for word in asked if word in one)
        told = sorted(other.intersection(written))
        if (
            told
            and one.isdisjoint(written)
            and not _written_prefixed(found, written)
            and not _season_told(found, written)
        ):
            return found, told[0]
    for word in asked:
        swapped = _SWAPPED_PREFIX.fullmatch(word)
        if swapped is None:
            continue
        prefix, rest = swapped.groups()
        opposite = ("under" if prefix == "over" else "over") + rest[:4]
        if not any(w.startswith(prefix + rest[:4]) for w in written):
            told = sorted(w for w in written if w.startswith(opposite))
            if told:
                return word, told[0]
    return _negated(asked, written)


def _negated(asked: Sequence[str], written: Collection[str]) -> tuple[str, str] | None:
    """A word of the question whose negation ``written`` holds instead, or the other way
    round: "In which acid is it insoluble?" where the text says only "soluble"."""
    for word in asked:
        if word in written:
            continue
        plain = _NEGATED.fullmatch(word)
        if plain is not None and plain.group(1) in written:
            return word, plain.group(1)
        if len(word) >= 5:
            told = next((p + word for p in _NEGATIONS if p + word in written), None)
            if told is not None:
                return word, told
    return None


class ArticleWords:
    """The article's words as the name checks read them: in each paragraph and in each
    sentence, and each paragraph's text. Each sentence's words are the ones ``lexicon``
    (indexed over the sentences) already holds."""

    def __init__(self, sentences: Sequence[Sentence], lexicon: LexicalIndex) -> None:
        self._lexicon = lexicon
        self._sentences = [lexicon.words(s.text) for s in sentences]
        by_paragraph: dict[int, set[str]] = {}
        texts: dict[int, list[str]] = {}
        for sentence, words in zip(sentences, self._sentences, strict=True):
            by_paragraph.setdefault(sentence.paragraph, set()).update(words)
            texts.setdefault(sentence.paragraph, []).append(sentence.text)
        self._paragraphs = by_paragraph
        self._texts = {p: " ".join(parts) for p, parts in texts.items()}
        self._paragraph_of = [s.paragraph for s in sentences]
        #: Per word, the sentences holding it: where a name is, found without a pass over
        #: every sentence's words.
        self._holding: dict[str, list[int]] = {}
        for number, words in enumerate(self._sentences):
            for word in words:
                self._holding.setdefault(word, []).append(number)
        #: The same words sorted: the forms of a name (a prefix) are one run of them.
        self._vocabulary = sorted(self._holding)

    def beside(self, name: str, chosen: Sequence[Sentence], reach: int) -> bool:
        """Whether ``name`` (a stemmed token) is in the paragraph of a chosen sentence or
        within ``reach`` sentences of one."""
        if any(resembles(name, self._paragraphs[s.paragraph]) for s in chosen):
            return True
        last = len(self._sentences) - 1
        return any(
            resembles(name, self._sentences[i])
            for s in chosen
            for i in range(max(0, s.id - reach), min(last, s.id + reach) + 1)
        )

    def apart(self, names: Sequence[str], reach: int) -> tuple[str, str] | None:
        """Two of ``names`` (stemmed tokens the article holds) that it never tells of
        together: no paragraph holding one holds the other, in any form, nor does any
        sentence within ``reach`` sentences of one. "What is Ni Xingjun's role at
        Wacai.com?" where Ni Xingjun and Wacai.com are in paragraphs of their own asks of
        a tie between them the article does not make."""
        for at, name in enumerate(names):
            near = self._near(name, reach)
            for other in names[at + 1 :]:
                if not resembles(other, near):
                    return name, other
        return None

    def step_apart(
        self, question: str, names: Sequence[str], reach: int, asks_time: bool = False
    ) -> tuple[str, str] | None:
        """A name of ``names`` (stemmed) and a step of theirs the question dates by ("before
        she joined Alipay": "joined") or, when it ``asks_time``, asks the time of ("When did
        Jing Xiandong join Alipay?": "join"), when the article never tells of that step
        near the name (see :func:`own_steps`); else ``None``.

        "What job did Peng Lei hold before she joined Alipay?" where the article never
        tells of her joining: it cannot tell what came before it, nor when it was."""
        for written, step, whose in own_steps(question, asks_time):
            if step in _EVENT_WORDS or not self._known(step):
                continue  # a step the article never writes: a paraphrase, not a swap
            for name in names:
                if (not whose or name in whose) and not resembles(step, self._near(name, reach)):
                    return name, written
        return None

    def described(self, question: str, name: str) -> bool:
        """Whether ``question`` names ``name`` (stemmed) in a clause saying whom or what
        it asks about ("the executive who apologised from a business trip in the United
        States") that a sentence of the article tells, name and all (at least
        :data:`DESCRIBED_WORDS` of the clause's other words, all but one of more): then
        the name says who is meant, not where the answer is, and need not be near it."""
        for match in _DESCRIBING.finditer(question):
            clause = tokenize(match.group(1))
            if name not in clause:
                continue
            others = [t for t in dict.fromkeys(clause) if t != name and t not in _EVENT_WORDS]
            need = max(DESCRIBED_WORDS, len(others) - 1)
            if len(others) < DESCRIBED_WORDS:
                continue
            for words in self._sentences:
                if resembles(name, words) and sum(resembles(t, words) for t in others) >= need:
                    return True
        return False

    def _known(self, token: str) -> bool:
        return self._lexicon.known(self._lexicon.form(token))

    def _forms(self, name: str) -> list[str]:
        """The words of the article that are ``name`` in some form (as
        :func:`antqa.lexical.resembles` finds them): those starting with its stem's prefix,
        found by bisection rather than a pass over every word."""
        if len(name) < 4:
            return [name] if name in self._holding else []
        prefix = name[: max(4, len(name) - 2)]
        first = bisect.bisect_left(self._vocabulary, prefix)
        last = bisect.bisect_left(self._vocabulary, prefix + "\U0010ffff", first)
        return self._vocabulary[first:last]

    def _near(self, name: str, reach: int) -> set[str]:
        """The words of the paragraphs holding ``name`` (in any form, as
        :func:`antqa.lexical.resembles` finds it) and of the sentences within ``reach``."""
        holders = {i for form in self._forms(name) for i in self._holding[form]}
        last = len(self._sentences) - 1
        words = set().union(*(self._paragraphs[self._paragraph_of[i]] for i in holders))
        for i in holders:
            for j in range(max(0, i - reach), min(last, i + reach) + 1):
                words |= self._sentences[j]
        return words

    def written_beside(self, pattern: re.Pattern[str], chosen: Sequence[Sentence]) -> bool:
        """Whether the paragraph of a chosen sentence writes ``pattern``."""
        return any(pattern.search(self._texts[p]) for p in {s.paragraph for s in chosen})


#: A clause saying whom or what a question asks about: "the executive who apologised ...".
_DESCRIBING = re.compile(r"\b(?:who|which|that|whose)\s+([^?,;]+)", re.I)
#: How many of such a clause's words (besides a name in it) a sentence must hold to tell
#: it: two, so that a clause of a name and one common word ("who led Ashby") is no
#: description. One clause told this way on all sets, a multi-hop question of this
#: article's unseen set (refused before), and no unanswerable.
DESCRIBED_WORDS = 2


#: "before she joined Alipay", "after joining the board": a time the question gives by
#: a step of the person it asks about (a pronoun then a verb, or a verb in -ing).
_OWN_STEP = re.compile(
    r"\b(?i:before|after|until|since)\s+(?:(?i:he|she|they)\s+([a-z]+)|([a-z]+ing))\b"
)
#: "When did Jing Xiandong join Alipay?": the name a question asks a step of, and the step.
_NAMED_STEP = re.compile(r"\b(?:did|does|do)\s+(?:the\s+)?((?:[A-Z][\w'’.-]*\s+)+)([a-z]{3,})\b")


def own_steps(question: str, asks_time: bool = False) -> list[tuple[str, str, tuple[str, ...]]]:
    """The steps a question dates by (:data:`_OWN_STEP`) or, when it ``asks_time``, asks
    the time of (:data:`_NAMED_STEP`): each as written, stemmed, and the (stemmed) words
    that may name whose step it is: the ones before the step's clause ("Pendrecht" of
    "Where was Pendrecht educated before he left for Britain?"; Britain is where he went,
    which the article may tell with another verb, "emigrating to Britain")."""
    found: list[tuple[str, str, tuple[str, ...]]] = []
    for match in _OWN_STEP.finditer(question):
        written = match.group(1) or match.group(2)
        whose = tuple(tokenize(question[: match.start()]))  # the one asked about, not where
        found += [(written, token, whose) for token in tokenize(written)]  # they went
    for match in _NAMED_STEP.finditer(question) if asks_time else ():
        whose = tuple(tokenize(match.group(1)))
        found += [(match.group(2), token, whose) for token in tokenize(match.group(2)) if whose]
    return found


def numbered_names(question: str) -> list[tuple[str, re.Pattern[str]]]:
    """The names with a regnal number the question gives ("Henry II"), each with the
    pattern that finds it written (not "Henry III"): the number is the name, and a question
    swapping it asks about someone else."""
    return [
        (match.group(), re.compile(rf"\b{re.escape(match.group(1))}\s+{match.group(2)}\b"))
        for match in _NUMBERED.finditer(question)
        if match.start() > 0 and match.group(1).lower() not in STOPWORDS
    ]


#: A name right before a word of the question: "the Hollin pit", "Ma Huateng apologize".
#: Not at the start of a text, where any word is capitalised.
_NAME_BEFORE = re.compile(r"(?<=\s)([A-Z][\w'’-]+)\s+([a-z]{3,})\b")
#: The same after the word, with "of": "the surface of Ebbe" (told "Halvard's surface").
_OF_NAME = re.compile(r"\b([a-z]{3,})\s+of\s+(?:the\s+)?([A-Z][\w'’-]+)")


def given_to_another(question: str, sentences: Sequence[str]) -> tuple[str, str] | None:
    """What the question gives a name ("the Hollin pit") and what a sentence that would
    answer gives another name instead ("The Ostmark pit employed ..."), when that sentence
    never mentions the question's name; else ``None``.

    A fact the article tells of one thing, asked of another: "How many people did the
    Hollin pit employ?" of "The Ostmark pit employed about 1,900 people"; "Why did Ma
    Huateng apologize?" of "Peng Lei apologized ...". The word is matched in any form
    ("apologize", "apologized"). Asked with "of" too: "How old is the surface of Ebbe?"
    of "Halvard's surface was roughly 1.1 billion years old".
    """
    asked_pairs = [
        (m.group(), m.group(1), m.group(2), False) for m in _NAME_BEFORE.finditer(question)
    ]
    asked_pairs += [(m.group(), m.group(2), m.group(1), True) for m in _OF_NAME.finditer(question)]
    for asked, name, word, owned in asked_pairs:
        if word in STOPWORDS or name.lower() in STOPWORDS:
            continue
        form = re.escape(word[: max(4, len(word) - 2)])
        # asked with "of", the name owns the thing: told so too ("Halvard's surface"), not
        # by a name that only qualifies it ("of Norman origin")
        owner = r"['’]s" if owned else r"[\w'’-]*"
        asked_name = tokenize(name)
        for sentence in sentences:
            written = set(tokenize(sentence))
            if any(resembles(t, written) for t in asked_name):
                continue
            for told in re.finditer(rf"(?<=\s)([A-Z][\w-]*{owner})\s+{form}\w*", sentence):
                if told.group(1).lower() not in STOPWORDS:
                    return asked, told.group()
    return None


#: "Who replaced X as chairman of Y?": the role a "who" question asks someone to hold, up
#: to the first small word ("of", "in", "after"); "the", "a" or "its" may open it. Not
#: "as well", "as soon as", "as if": they name no role.
_ASKED_ROLE = re.compile(
    r"^\W*whom?\b[^?]*?\bas\s+(?!(?:well|soon|much|long|far|if|though|to)\b)"
    r"(?:(?:the|a|an|its|his|her|their)\s+)?([^?,]+)",
    re.I,
)
#: A role is named in a few words ("deputy squad leader", "chief medical officer"); more
#: after "as" are a clause ("as the new line opened to traffic"), not a role.
ROLE_WORDS = 3
#: Where a sentence's clauses part: a clause says who holds what.
_CLAUSE = re.compile(r"[,;:()]|\.\s|\band\b")
#: Words that stand for a person named nearby ("he succeeded ..."): a clause with one of
#: them may tie a role to someone the article names elsewhere. Not "him"/"her": the
#: object of the clause is not who holds its role.
_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "who", "i", "we"})
#: A capitalised word that is not all capitals: a name, not a title ("CEO") or an acronym.
_NAME = re.compile(r"\b[A-Z][a-z][\w'’-]*")


def asked_role(question: str) -> tuple[str, list[str]]:
    """The role a "who ... as ROLE" question asks about as written ("deputy squad
    leader") and its stemmed words, or ``("", [])`` when it asks none."""
    match = _ASKED_ROLE.search(question)
    if match is None:
        return "", []
    words: list[str] = []
    for word in match.group(1).split():
        if word.lower() in STOPWORDS:
            break
        words.append(word)
    if len(words) > ROLE_WORDS:
        return "", []
    return " ".join(words), tokenize(" ".join(words))


def role_written(role: Sequence[str], texts: Sequence[str]) -> bool:
    """Whether some clause of ``texts`` holds every word of ``role``: a role the passages
    write in other words ("chief executive" for "CEO") can't be checked for who holds it."""
    return any(_holds_role(clause, role) for text in texts for clause in _CLAUSE.split(text))


def _holds_role(clause: str, role: Sequence[str]) -> bool:
    words = set(tokenize(clause))
    return all(resembles(r, words) for r in role)


def role_held(role: Sequence[str], asked_names: Collection[str], texts: Sequence[str]) -> bool:
    """Whether some clause of ``texts`` holds every word of ``role`` and someone who may
    hold it: a name the question does not give, or a subject pronoun.

    "Who replaced Peng Lei as chairman?" asks for someone other than Peng Lei as chairman;
    where the article has the chairman only in a clause about Peng Lei ("..., became the
    company's chairman"), it never says who replaced her as one. The role words themselves
    ("Chairman Lin") are no one. The clause before counts too: a sentence often names
    its subject once for two clauses ("X succeeded him and became the new CEO").
    """
    for text in texts:
        clauses = [c for c in _CLAUSE.split(text) if c.strip()]
        for at, clause in enumerate(clauses):
            if _holds_role(clause, role) and any(
                _someone(near, role, asked_names) for near in clauses[max(0, at - 1) : at + 1]
            ):
                return True
    return False


def _someone(clause: str, role: Sequence[str], asked_names: Collection[str]) -> bool:
    """Whether ``clause`` names someone the question does not, or says "he"/"she"."""
    if _SUBJECT_PRONOUNS & set(re.findall(r"\w+", clause.lower())):
        return True
    return any(
        t not in asked_names and t not in role
        for match in _NAME.finditer(clause)
        for t in tokenize(match.group())
    )


#: The ranks in their order: "the second architect to receive it after Jonas Elvestad"
#: tells who was the first as well.
_ORDER = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
#: Words that rank one of several like things ("the second year", "the last outbreak"):
#: a question asking of another rank than the one the answer tells of swaps the fact.
_RANKS = frozenset((*_ORDER, "tenth", "last", "final"))
#: A rank and the word after it ("second week", "fifth-largest"); not "first of", "second
#: time". The hyphenated form refused one more unanswerable on all sets, no answerable.
_RANKED = re.compile(
    r"\b(" + "|".join(sorted(_RANKS)) + r")[\s-]+(?!(?:of|the|a|an|and|or|to|in|time|times)\b)"
    r"([a-z][\w'’-]*)",
    re.I,
)


def rank_swapped(question: str, texts: Sequence[str]) -> tuple[str, str] | None:
    """A rank the question gives a thing ("in its second year") and the other rank the
    ``texts`` (the sentences that would answer) give the same thing ("Traffic in the first
    year was ..."), when they never give it the question's rank; else ``None``.

    A one-word swap SQuAD 2.0 writers use ("the first week" for "the second week", "the
    last recorded outbreak" for "the first"): the rank is read only before the same word,
    in any form, since "first" alone says too many other things ("first lit", "at first").
    """
    told = [
        (rank, m.group(2), set(tokenize(m.group(2))))
        for t in texts
        for m in _RANKED.finditer(t)
        for rank in _ranks_told(m.group(1).lower(), t[m.end() :])
    ]
    for asked in _RANKED.finditer(question):
        rank, thing = asked.group(1).lower(), tokenize(asked.group(2))
        if not thing:
            continue
        same = [(r, w) for r, w, words in told if resembles(thing[0], words)]
        ranks = {r for r, _ in same}
        if same and rank not in ranks and not ({rank, *ranks} <= {"last", "final"}):
            return f"{asked.group(1)} {asked.group(2)}", f"{same[0][0]} {same[0][1]}"
    return None


#: What after a rank, in its clause, says whom it follows: "the second ... after Jonas
#: Elvestad" (a name; "the second stage, after the war" follows no one).
_FOLLOWING = re.compile(r"^[^,;:.()]{0,60}?\b(?:after|following|behind)\s+[A-Z]")


def _ranks_told(rank: str, rest: str) -> tuple[str, ...]:
    """The ranks a text tells in giving ``rank`` with ``rest`` after it: that rank, and
    the ones before it when ``rest`` says whom it follows (an answerable of the eighth
    batch, "who was the first Corlandic winner", was refused for "the second Corlandic
    architect to receive it after Jonas Elvestad")."""
    if rank not in _ORDER[1:] or not _FOLLOWING.match(rest):
        return (rank,)
    return _ORDER[: _ORDER.index(rank) + 1]


#: "did Piet Ommeren publish", "was Per Almgren imprisoned": a name the question asks a
#: step of, and the step; "did" (active: the name took the step) or "was" (it may have
#: been done to them). Not a name's own word ("Ommeren's analysis"), nor one after "the"
#: ("the Varn cliff salamander": the words after it may be more of the name).
_NAME_DOES = re.compile(
    r"\b(?:(did|does|do)|was|were|is|are)\s+((?:[A-Z][\w'’.-]*(?<!'s)(?<!’s)\s+)+)([a-z]{3,})\b"
)
#: A word that may stand for a name told just before as the one doing something: then the
#: sentences before count. Not "his", "its": "his son Ottone bought" is the son's step.
_STANDS_FOR = re.compile(r"\b(?:he|she|they|it|we|who|which)\b", re.I)
#: Words after a name that are no step of it ("When is Marrick first recorded?").
_NOT_STEPS = frozenset(tokenize("first last also only still ever never once"))
#: How many sentences before the one telling the step may name who took it, when that
#: one says "he", "it" and the like: two ("Rookwood ... . In 1886 he married ...").
STEP_REACH = 2


def _step_form(step: str) -> re.Pattern[str]:
    """What finds ``step`` (a verb) written in any form ("publish", "published"), in lower
    case: a capitalised word is a name ("Ant Financial" is no step "ant"), and a step
    opening a sentence ("Published in 1933, ...") is passed over, which refuses less."""
    return re.compile(rf"\b{re.escape(step[: max(4, len(step) - 2)].lower())}\w*")


#: After a step, who took it: "published by Ommeren", "signed by Rollo and the king".
_BY_WHOM = re.compile(r"\s+by\s+([^,;:.]{0,60})")
#: Who took a step written as a word before a noun, named after it between commas: "the
#: only dissenting judge, Henrik Valde, argued".
_SET_OFF = re.compile(r"\w*\s+[a-z]+,\s+([^,;:.]{0,60})")
#: A doer written as a description right before the step ("the city was besieged", "the
#: club held"): like "it", it stands for a name told just before.
_DESCRIBED_DOER = re.compile(r"\b(?:the|this)\s+[a-z]+\s+(?:(?:was|were|had|has|is|are|been)\s+)?$")


def step_of_another(
    question: str, sentences: Sequence[tuple[str, Sequence[str]]]
) -> tuple[str, str] | None:
    """A name the question asks a step of ("did Piet Ommeren publish"), when the sentences
    that would answer tell that step (in any form: "published") and every one of them tells
    it of someone else; else ``None``. One telling it of the name is enough to answer.

    ``sentences`` are those that would answer, each with the ones before it in its paragraph
    (of which the last :data:`STEP_REACH` may name who "he" or "it" is). "In which year did
    Piet Ommeren publish his analysis?" of "Kaarvig's analysis, published in 1933 in ...":
    the step is told of someone else. Unlike :func:`given_to_another`, the other need not be
    named right before the step ("Kolvik was imprisoned" for "was Per Almgren imprisoned").
    A step the question says the name took ("did X swear fealty") is theirs only if the
    sentence names them before it, after it with "by", or says "he", "it" for someone named
    just before: "Rollo swore fealty to Charles" tells of Rollo's step, not of Charles's.
    After "to" ("the first to serve ... was Hervé") the one who took it may come anywhere.
    """
    for asked in _NAME_DOES.finditer(question):
        name, step = tokenize(asked.group(2)), asked.group(3)
        if not name or step.lower() in STOPWORDS or not set(tokenize(step)) - _NOT_STEPS:
            continue
        form = _step_form(step)
        telling = [(s, b, told) for s, b in sentences if (told := list(form.finditer(s)))]
        if telling and not any(
            _names_doer(name, s, b, told[-1], bool(asked.group(1))) for s, b, told in telling
        ):
            return asked.group(2).strip(), step
    return None


def _names_doer(
    name: list[str], sentence: str, before: Sequence[str], told: re.Match[str], ordered: bool
) -> bool:
    """Whether ``sentence``, telling a step at ``told``, may tell it of ``name``: see
    :func:`step_of_another` for where the one who took it may be written. Also after the
    step, set off between commas ("the only dissenting judge, Henrik Valde, argued"), and
    in the sentences before when it is written "the city", "the club" right before it."""
    ordered = ordered and not sentence[: told.start()].endswith("to ")
    doers = sentence[: told.start()] if ordered else sentence
    words = set(tokenize(doers))
    for after in (_BY_WHOM.match(sentence, told.end()), _SET_OFF.match(sentence, told.end())):
        if after is not None:
            words |= set(tokenize(after.group(1)))
    if _STANDS_FOR.search(sentence) or _DESCRIBED_DOER.search(sentence, 0, told.start()):
        words |= {w for text in before[-STEP_REACH:] for w in tokenize(text)}
    return any(resembles(t, words) for t in name)


#: "Who founded the Elsmere Trust?", "Which knights joined Norman forces?": the step a
#: question asks the doer of, and the name it is done to (after "the", if any).
_WHO_DID = re.compile(
    r"^\W*(?i:who|which\s+\w+|what\s+\w+)\s+([a-z]{3,})\s+(?:the\s+)?"
    r"((?:[A-Z][\w'’.-]*(?<!'s)(?<!’s)\s*)+)"
)
#: Words that make a step passive when right before it ("was founded", "had been built"):
#: then the name before it is what it was done to.
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|be|being|is|are)\s+(?:\w+\s+)?$", re.I)
#: Who did a step told in the passive: "succeeded by her deputy, Owen Sallis", "cut in
#: 1888 by the punchcutter Edith Sowerby" (up to three words between); past a comma only
#: a name ("founded by Adela Strand in 1889, is one of ..." ends at the comma).
_DONE_BY = re.compile(r"\s*(?:\w+\s+){0,3}by\s+([^,;:.]*(?:,\s*[A-Z][^,;:.]*)?)")
#: A capitalised word not all capitals, as :data:`_NAME`, not glued to a word before.
_NAMED_WORD = re.compile(r"(?<![\w’'])[A-Z][\w’'-]*[a-z]")


def doer_reversed(question: str, texts: Sequence[str]) -> tuple[str, str] | None:
    """The name a "who ..." question says a step was done to ("Who founded the Elsmere
    Trust?") and the step, when a sentence that would answer tells the step with that
    name as the last one before it (its doer, or a thing founded with no founder named:
    "the Elsmere Trust, founded in 2003, runs ..."); else ``None``.

    Questions written to look answerable swap who did what to whom: "Who replaced the
    Normans as the ruling class?" of "The Normans ... replaced the Anglo-Saxons". A step
    told in the passive ("was replaced", "founded by ...") is reversed when it names the
    question's name as its doer ("Who succeeded Owen Sallis?" of "Mirell was succeeded by
    her deputy, Owen Sallis"), and left alone otherwise; so is a sentence naming no one
    before the step, and one naming the question's name on both sides of it ("Emberlin
    disease ... caused by the mould Calyptora emberlinae" for "What organism causes
    Emberlin disease?": a thing named after what it does is still its doer).
    """
    asked = _WHO_DID.match(question)
    if asked is None or asked.group(1) in STOPWORDS or asked.group(1) in _AUXILIARIES:
        return None
    step, name = asked.group(1), tokenize(asked.group(2))
    form = _step_form(step)
    for text in texts:
        told = form.search(text)
        if told is None:
            continue
        before = text[: told.start()]
        by = _DONE_BY.match(text, told.end())
        if (
            by is not None
            and any(resembles(t, set(tokenize(by.group(1)))) for t in name)
            and not any(resembles(t, set(tokenize(before))) for t in name)
        ):
            return asked.group(2).strip(), step  # "Mirell was succeeded by ... Owen Sallis"
        if by is not None or _PASSIVE_BEFORE.search(before):
            continue
        named = [m.group() for m in _NAMED_WORD.finditer(before) if m.start() > 0]
        if named and any(resembles(t, set(tokenize(named[-1]))) for t in name):
            return asked.group(2).strip(), step
    return None


#: Words that help a verb: "Who was ...", "Who did ..." ask no step of their own.
_AUXILIARIES = frozenset({"did", "does", "do", "was", "were", "is", "are", "has", "had", "have"})


#: "Who flew the helicopter ...?", "Who was appointed to head ...?": the first word after
#: "who" that is no function word or auxiliary (stop words are skipped by the caller):
#: the step the question asks the doer of.
_WHO_STEP = re.compile(r"^\W*(?:and\s+)?(?:who|whom)\b((?:\s+[\w'’-]+){1,4})", re.I)
#: Words that may stand between "who" and its step without being one: "Who cannot bring
#: claims ...?", "Who would later lead ...?" (English's modal and negating words).
_NOT_THE_STEP = frozenset(
    re.findall(
        r"\w+", "cannot can could would should will shall may might must not never later first"
    )
)
#: Someone a sentence may tell of without a name: "she", "they", or a doer after "by"
#: ("a price fixed by district valuation boards").
_SOMEONE_UNNAMED = re.compile(r"\b(?:he|she|they|we|him|her|them)\b|\bby\s+(?:the\s+)?[a-z]", re.I)
#: A capitalised word that is not all capitals, not glued to a word before it.
_CAPITALISED = re.compile(r"(?<![\w’'])[A-Z][\w’'-]*[a-z][\w’'-]*")


def no_one_told(question: str, texts: Sequence[str], common: Collection[str]) -> bool:
    """Whether ``texts`` (the sentences that would answer a question asking for a person)
    tell of no one the question does not name: no name of their own, no "he" or "they",
    no doer after "by", and not the step the question asks the doer of (in any form).

    A question asking who did something the article tells without the doer is one of
    the commonest unanswerables ("Who designed the restoration completed in 2011?" of
    "... after a restoration completed in 2011"; "Who flew the helicopter?" of "A
    helicopter spread 28 tonnes of pellets"): the sentence about the event names no one
    who could be the answer. A sentence telling the asked step ("Private individuals ...
    have no standing to bring claims" for "Who cannot bring claims?") names its doer,
    capitalised or not, so it answers. A capitalised word opening a sentence is a name
    only when the article never writes it in lower case (``common``: "The", "Highlights");
    a month or a weekday is no one.
    """
    asked = set(tokenize(question))
    step = _WHO_STEP.match(question)
    written = re.findall(r"[a-z]+", step.group(1)) if step else []
    steps = [w for w in written if w not in STOPWORDS and w not in _NOT_THE_STEP]
    for text in texts:
        if _SOMEONE_UNNAMED.search(text):
            return False
        if steps and _step_form(steps[0]).search(text):
            return False
        for match in _CAPITALISED.finditer(text):
            before = text[: match.start()].rstrip()
            if (not before or before[-1] in '.!?…"“(:') and match.group().lower() in common:
                continue  # capitalised as the first word of a sentence
            if _is_time(match.group()):
                continue  # "In November 2016, ...": a month names no one
            words = tokenize(match.group())
            if words and not any(resembles(w, asked) for w in words):
                return False
    return True


#: Words that ask for the kind of an answer, not about an event ("In what year ...?",
#: "How long ...?", "How old ...?"): sentences holding them need not tell of the event.
KIND_FRAME_WORDS = frozenset(
    tokenize("year years date day month time century decade age old long much many number")
)
#: Words that tell no event of their own however rarely an article writes them: the
#: prepositions and light verbs the stop words leave in ("How long does Ebbe take to go
#: around Halvard?" asks of an orbit, not of "around").
_NO_EVENT_WORDS = frozenset(tokenize(" ".join(UNSTOPPED_PREPOSITIONS))) | frozenset(
    tokenize("take took taken go went gone get got make made come came put give gave")
)
#: What :func:`event_word` never takes for the event: a kind word or a word of no event.
_NO_EVENT = KIND_FRAME_WORDS | _NO_EVENT_WORDS
#: How many of the question's words (its event word among them) a sentence must hold to
#: tell of the event it asks about: two. With one, any sentence using a word of the
#: question in passing ("similar schemes in Calcutta" for "How much did the filtering
#: scheme cost?") made the article seem to tell the event without the figure.
EVENT_WORDS = 2
#: A figure of any kind: digits, or a number as English writes it.
_FIGURE = re.compile(rf"\d|\b(?:{NUMBER_WORDS}|one|a dozen)\b", re.I)


def event_word(
    tokens: Sequence[str], names: Collection[str], rarity: dict[str, float]
) -> str | None:
    """The question's word that singles out the event it asks about: of its ``tokens``
    (stemmed) that are no name, no word asking for a kind of answer
    (:data:`KIND_FRAME_WORDS`) and no word that tells no event (:data:`_NO_EVENT_WORDS`),
    the rarest one the article writes (``rarity``: each such
    token's IDF, only for tokens the article holds); ``None`` when it writes none.

    "How many employees cried during the review?": "cried" is the event, the employees
    and the review are what the article often speaks of."""
    held = [t for t in tokens if t in rarity and t not in names and t not in _NO_EVENT]
    return max(held, key=rarity.__getitem__, default=None)


def _has_digits(words: Collection[str]) -> bool:
    """Whether the (stemmed) ``words`` of a sentence hold a number written in digits."""
    return any(word[:1].isdigit() for word in words)


def event_without_figure(
    word: str,
    topic: Collection[str],
    telling: Sequence[tuple[frozenset[str], str, bool]],
    quoted: Sequence[frozenset[str]],
) -> bool:
    """Whether the sentences that tell of the question's event hold none of what it asks
    for, while the ones that would answer never tell of it.

    ``word`` is the question's event word (:func:`event_word`) and ``topic`` all its
    words, stemmed. ``telling`` are the sentences near the top that may tell of the
    event, each as its words, its text and whether it holds the kind asked for; one
    holding the event word and at least :data:`EVENT_WORDS` of ``topic`` tells of it, and
    holds a figure if it has any number at all ("in the 84th minute" dates a goal).
    ``quoted`` are the words of the sentences that would answer; one of them giving a
    number in digits and more of ``topic`` than any telling sentence tells the event in
    other words (on all sets, two answerables no longer refused and no unanswerable
    answered).

    "How many Ant Financial employees cried during the strategy review?" of "Many people
    cried during the review" (no number), the answer's number being of something else.
    """
    if any(resembles(word, words) for words in quoted):
        return False
    told = [
        (text, holds, held)
        for words, text, holds in telling
        if resembles(word, words)
        and (held := sum(resembles(t, words) for t in topic)) >= EVENT_WORDS
    ]
    if not told or any(holds or _FIGURE.search(text) for text, holds, _ in told):
        return False
    # An answer giving a figure in digits and holding more of the question's words than
    # any sentence with its event word tells the event in other words ("6,800
    # prefabricated homes ... under the Rapid Dwelling Programme" for "prefab houses",
    # "more than 70 provincial newspapers" for "regional papers"). Not a vague number
    # ("hundreds of people" for "how many employees cried": still refused).
    answering = max(
        (sum(resembles(t, words) for t in topic) for words in quoted if _has_digits(words)),
        default=0,
    )
    return answering <= max(held for _, _, held in told)


#: Events of which a question may make one the article never tells, each as the words a
#: question asks it in and the words a text may tell it in (any form, or words of the same
#: event: "would not" for a refusal, "stepped down" for a dismissal). A refusal: "Why did
#: the bank refuse to honour it?" (the noun "decline", a fall, is none: "decline" counts
#: only before "to"). A dismissal: "Which executive was fired?" ("fired" furnaces and
#: pans are told by "fired" too, so they are kept).
_UNTOLD_EVENTS = (
    (
        re.compile(
            r"\b(?:refus(?:e|es|ed|ing|al)|reject(?:s|ed|ing|ion)?|den(?:y|ies|ied|ial)|"
            r"declin(?:e|es|ed|ing)\s+to|turn(?:s|ed)?\s+down|veto(?:es|ed)?)\b",
            re.IGNORECASE,
        ),
        re.compile(
            r"\b(?:refus|reject|den(?:y|ies|ied|ial)|declin|turn(?:s|ed)?\s+(?:it\s+|them\s+)?"
            r"down|veto|rebuff|spurn|would\s+not|wouldn[’']t|will\s+not|won[’']t)",
            re.IGNORECASE,
        ),
    ),
    (
        re.compile(r"\b(?:fired|dismiss(?:es|ed|ing|al)?|sacked|ousted|expelled)\b", re.I),
        re.compile(
            r"\b(?:fire|dismiss|sack|oust|expel|remov|resign|step(?:s|ped)?\s+down|"
            r"let\s+go|laid\s+off|lay\s+off)",
            re.IGNORECASE,
        ),
    ),
)


def event_untold(question: str, texts: Sequence[str]) -> str | None:
    """The word of a refusal or a dismissal the question tells of ("refuse" in "Why did
    Peng Lei refuse to apologize?") when none of ``texts`` (the passages the answer would
    come from) tells of that event in any of its words (:data:`_UNTOLD_EVENTS`); else
    ``None``.

    A question that makes an event a refusal or a dismissal asks why, or what followed,
    something the article never tells ("she apologized", "it fulfilled its obligations"):
    a kind of unanswerable that keeps every other word of the article."""
    for asked_in, told_in in _UNTOLD_EVENTS:
        asked = asked_in.search(question)
        if asked is not None and not any(told_in.search(text) for text in texts):
            return asked.group(0).split()[0]
    return None


#: "Which US city", "what French town", "in which Chinese province": a kind of place
#: within a larger one the question names (capitalised, before the kind): the kinds a
#: question asks a place by (:data:`antqa.questions.PLACE_KINDS`), two plurals, and
#: villages, counties and ports; not "country".
_PLACE_WITHIN = re.compile(
    rf"\b(?i:which|what)\s+((?:{_PLACE_WORD}\s+){{1,3}})"
    rf"(?:{'|'.join(PLACE_KINDS)}|cities|towns|village|county|port)\b"
)
#: A place a sentence gives: capitalised words after a preposition of place. Unlike the
#: place a question pins (:data:`_AT_PLACE`): after "near" too, not after "on", and "of"
#: may join its words ("the Bank of England").
_GIVEN_PLACE = re.compile(
    rf"\b(?:in|at|near|to|from)\s+(?:the\s+)?({_PLACE_WORD}(?:\s+(?:of\s+)?{_PLACE_WORD})*)"
)
#: Letters two names must share at their start to be the same place in two forms
#: ("France" and "French", "China" and "Chinese"): four, so "Iran" is not "Ireland".
SAME_PLACE_LETTERS = 4


def _same_place(one: str, other: str) -> bool:
    """Whether two names are one place: the same, one the initials of the other ("US",
    "U.S." for "United States"), or both opening with the same letters (a demonym)."""
    one, other = one.replace(".", "").strip(), other.replace(".", "").strip()
    for short, long in ((one, other), (other, one)):
        if len(long.split()) > 1 and short == "".join(w[0] for w in long.split()).upper():
            return True
    n = SAME_PLACE_LETTERS
    return len(one) >= n and len(other) >= n and one[:n].lower() == other[:n].lower()


def only_larger_place(question: str, texts: Sequence[str]) -> str | None:
    """The larger place a question asks a place within ("US" of "Which US city was she
    in?"), as ``texts`` (the sentences that would answer) write it ("United States"),
    when those that name it give no other place: the article tells the country, not the
    city. ``None`` otherwise (also when none names it: the answer is then elsewhere or
    told otherwise)."""
    asked = _PLACE_WITHIN.search(question)
    if asked is None:
        return None
    larger = asked.group(1).strip()
    naming = []
    for text in texts:
        places = [
            m.group(1).rstrip(".") for m in _GIVEN_PLACE.finditer(text) if not _is_time(m.group(1))
        ]
        if any(_same_place(larger, place) for place in places):
            naming.append(places)
    if not naming or any(not _same_place(larger, p) for places in naming for p in places):
        return None
    return next(p for places in naming for p in places)


#: A question asking for a whole ("How many employees did it have in total?").
_ASKED_TOTAL = re.compile(r"\b(?:in total|in all|altogether|total number|overall)\b", re.I)
#: A figure written after "by" ("witnessed by more than 7,000 employees", "rose by 300"):
#: it counts those who took part in one event, or a change, never a whole.
_BY_FIGURE = re.compile(
    rf"\bby\s+(?:(?:more|fewer|less)\s+than\s+|about\s+|around\s+|some\s+|nearly\s+|"
    rf"almost\s+|over\s+|up\s+to\s+)?(?:\d[\d,.]*|(?:{NUMBER_WORDS})\b)",
    re.IGNORECASE,
)
#: A figure that may count something: digits (a year taken out first, :data:`_YEAR`), or
#: a number word (looked up by word: a regex alternation of them cost ~0.2 ms a sentence).
_DIGITS = re.compile(r"\d[\d,.]*\d|\d")
_NUMBER_WORD_SET = frozenset(
    form for word in NUMBER_WORDS.split("|") for form in (word.rstrip("?s"), word.rstrip("?"))
)


def _figures(text: str) -> int:
    """How many figures ``text`` holds, years aside."""
    words = re.findall(r"[a-z]+", text.lower())
    return len(_DIGITS.findall(text)) + sum(w in _NUMBER_WORD_SET for w in words)


def total_untold(question: str, texts: Sequence[str]) -> bool:
    """Whether the question asks for a total and every figure of ``texts`` (the sentences
    that would answer) but years is one written after "by": a count of those who took
    part in an event ("witnessed by more than 7,000 employees"), which is no total."""
    if _ASKED_TOTAL.search(question) is None:
        return False
    by_figures = 0
    for text in texts:
        plain = _YEAR.sub(" ", text)
        told = len(_BY_FIGURE.findall(plain))
        if _figures(plain) > told:
            return False
        by_figures += told
    return by_figures > 0
