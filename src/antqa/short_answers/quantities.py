"""Spans of a quantity: counts, amounts of money, shares, lengths of time, ages and
measures, with the unit, rate or approximation that belongs to them."""

from __future__ import annotations

import re

from antqa.lexical import STOPWORDS, UNSTOPPED_PREPOSITIONS, is_past, tokenize
from antqa.questions import (
    AGE_AFTER_AT,
    CURRENCIES,
    FRACTIONS,
    LARGE_NUMBER_WORDS,
    NOT_MONEY,
    TIME_UNITS,
    YOUNG_AGE_UNITS,
    counted_after,
    counts_spans,
    names_counted,
    written_as_year,
)
from antqa.short_answers.asked import Asked
from antqa.short_answers.dates import YEAR_ALONE, YEAR_WRITTEN
from antqa.short_answers.forms import (
    ALL_NUMBER_WORDS,
    LENGTHS,
    METRIC,
    NUMBER,
    PER_TIME,
    QUALIFIER_CHARS,
    SPELT_AGE,
)

#: A number in digits or in words, with its minus sign ("−20 °C"); not a model's
#: number ("NB-3").
NUMBER_SPAN = re.compile(rf"(?<![A-Za-z]-)(?:−(?=\d)|\b){NUMBER}\b", re.IGNORECASE)
#: A sum of money in a currency the pattern knows ("$5", "12 billion yuan").
AMOUNT_SPAN = re.compile(
    rf"(?:[$¥€£]\s?\d[\d,.]*(?:\s+(?:million|billion|trillion))?|\b{NUMBER}\s+"
    rf"(?:{CURRENCIES}|"
    r"(?:million|billion|trillion)(?:\s+(?:yuan|dollars?|euros?|pounds?))?))\b",
    re.IGNORECASE,
)
#: A share: a percentage or a fraction.
SHARE_SPAN = re.compile(
    r"\b\d[\d.,]*\s*(?:%|percent\b|per cent\b)|"
    # in words: "two per cent", "twenty-five percent"
    rf"\b(?:{ALL_NUMBER_WORDS})(?:[\s-]+(?:{ALL_NUMBER_WORDS}))?\s+(?:percent|per cent)\b|"
    # "a third", "one-twentieth", "half" (an ordinal alone is none: "the third duke")
    rf"\b(?:(?:a|an|{ALL_NUMBER_WORDS})[\s-]+(?:{FRACTIONS})|half)\b",
    re.IGNORECASE,
)
#: A length of time ("ten years", "a few weeks").
DURATION_SPAN = re.compile(
    rf"\b(?:{NUMBER}|a|an|several|a few)\s+(?:\w+\s+)?(?:{TIME_UNITS})\b|"
    # "how long" asks for a length too ("a 38-kilometre line", "14 centimetres long")
    rf"\b{NUMBER}[\s-]+(?:{LENGTHS})\b",
    re.IGNORECASE,
)
#: A length of time opened by "a" or "an" ("a year", "A second, shorter dispute") up to its
#: end, and the word before it (group 1).
_ONE_UNIT = re.compile(r"(?:\b([a-z]+)\s+)?\ban?\s+(?:[a-z]+\s+)?([a-z]+)$", re.I)
#: How far before a length of time its "a" and the word before are looked for, in characters.
_ONE_UNIT_CHARS = 40


def not_a_length(text: str, start: int, end: int) -> bool:
    """Whether the length of time ending at ``end`` (``start`` after its "a" or "an") is
    none: after a noun it is a rate ("14 million tonnes of cargo a year"), and "a second"
    is the ordinal ("A second, shorter price dispute"); after a function word or a verb's
    past it is a length ("for a year", "took a year")."""
    one = _ONE_UNIT.search(text, max(0, start - _ONE_UNIT_CHARS), end)
    if one is None or any(c.isdigit() for c in text[start:end]):
        return False
    if one.group(2).lower() == "second":
        return True
    before = (one.group(1) or "").lower()
    return bool(before) and before not in STOPWORDS and not is_past(before)


#: How often: "every two years", "every 3.2 days", "twice a year", "annually".
FREQUENCY_SPAN = re.compile(
    rf"\b(?:(?:once|twice|{NUMBER}\s+times)\s+(?:a|an|per|each|every)\s+(?:{TIME_UNITS})|"
    rf"every\s+(?:(?:{NUMBER}|other|second|third|fourth|fifth|few)\s+)?(?:{TIME_UNITS})|"
    r"annually|yearly|monthly|weekly|daily|hourly)\b",
    re.IGNORECASE,
)
#: An age.
AGE_SPAN = re.compile(
    # the age, not the words that say it is one ("at the age of nine": "nine")
    # (in words too, "an eleven-year-old boy"; not "4.5 billion years old")
    # "15 years and 8 months old": read whole
    r"\b\d+\s+years?\s+and\s+\d+\s+months?(?=[- ]old\b)|"
    rf"\b(?:\d+|(?!{LARGE_NUMBER_WORDS}){SPELT_AGE})(?=\s*-?\s*years?[- ]old\b)|"
    # a young animal's age keeps its unit ("about 28 days old": "28 days")
    rf"\b(?:\d+|(?!{LARGE_NUMBER_WORDS}){SPELT_AGE})\s+{YOUNG_AGE_UNITS}(?=[- ]old\b)|"
    rf"(?<=\bage of )(?:\d+|{SPELT_AGE})\b|"
    rf"(?:(?<=\baged )|(?<=\bage ))(?:\d+|{SPELT_AGE})\b|(?<=\bat ){AGE_AFTER_AT}|"
    # "the schoolteacher Anders Kolvik, then 29, ...": an age set between commas
    r"(?<=, then )\d{1,2}(?=,)"
)
#: The measures a quantity is given in, right after its number ("28 tonnes", "four times",
#: "80 °C").
#: A rate's "per" is part of it ("71 metres per second", "12 percent per furnace"), and a
#: fraction its number's ("about two-thirds": not "about two").
_UNIT = re.compile(
    rf"(?:\s*%|\s*°\s?[CF]\b|[\s-]+(?:percent|per cent|times|{FRACTIONS}|"
    rf"(?:(?:square|cubic)\s+)?(?:{METRIC}(?:grams?|met(?:re|er)s?|lit(?:re|er)s?)|kg|km|"
    r"tonnes?|tons?|miles?|feet|foot|yards?|"
    r"acres?|hectares?|inch(?:es)?|ounces?|pounds?|gallons?|barrels?|degrees?|atmospheres?))\b)"
    r"(?:\s+per\s+(?:(?:square|cubic)\s+)?[a-z]+\b)?",
    re.I,
)
#: A rate of anything counted ("8 beats per minute"): the number says nothing without it.
_COUNTED_RATE = re.compile(rf"\s+[a-z]+\s+{PER_TIME}\b")
#: A length of time right after a number ("thirty years", "nine long weeks").
TIME_AFTER = re.compile(
    rf"[\s-]+(?:\w+\s+)?(?:{TIME_UNITS})\b",
    re.I,
)
#: A unit of time inside a span ("19 days", "ten years").
TIME_UNIT = re.compile(rf"\b(?:{TIME_UNITS})\b", re.I)
PERCENT = re.compile(r"%|\bper\s?cent\b", re.I)
_PER = re.compile(r"\s+per\s+[a-z]+\b")
_CURRENCY_SIGNS = frozenset("$¥€£")
#: The word or two right after a number, up to any punctuation or other number: when they
#: name what is counted, a number that looks like a year counts ("1500 soldiers").
_RIGHT_AFTER = re.compile(r"(?:\s+[^\W\d_]+){1,2}")
#: Between a part and its whole: "eleven of the twenty-six".
_PART_OF = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+)?(?:[\w-]+['’]s\s+)?")
#: A number written with a unit or the thing it measures after it ("14 hectares").
WITH_UNIT = re.compile(r"\d\s*[A-Za-z]")
#: Between the two ends of a range of numbers ("6 to 14 eggs", "620–1,150").
_RANGE = re.compile(r"\s+to\s+|\s*–\s*")
#: ... but "from 104 to 88" is a change: the count left is the second.
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.I)
#: How far before a range that "from" is looked for, in characters: the word and two spaces.
_FROM_CHARS = 6


def ranges(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans with each range of two numbers read as one ("a clutch of 6 to 14 eggs":
    "6 to 14", which is how many, where "6" alone is not)."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and _score(text, out[-1], (start, end)):
            out.pop()  # "to make the score 2–1": a result, not a count
            continue
        if (
            out
            and _RANGE.fullmatch(text, out[-1][1], start)
            and not _FROM_BEFORE.search(text, max(0, out[-1][0] - _FROM_CHARS), out[-1][0])
            and not written_as_year(text, *out[-1])  # "9,000 in 1874 to 48,000 in 1880"
        ):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


#: Two numbers joined by a dash alone ("2–1", "3-2").
_DASH = re.compile(r"[–-]")


def _score(text: str, first: tuple[int, int], second: tuple[int, int]) -> bool:
    """Whether two numbers joined by a dash are a score: the first larger ("2–1"), which
    no range is ("6–14", "1452–1458")."""
    if not _DASH.fullmatch(text, first[1], second[0]):
        return False
    a, b = text[slice(*first)].replace(",", ""), text[slice(*second)].replace(",", "")
    return a.isdigit() and b.isdigit() and int(a) > int(b)


#: How many words after a number an amount's money may take ("14,000 gold florins",
#: "410 US dollars"): two, as currencies are written with at most one qualifier.
AMOUNT_WORDS = 2
_WORD_AFTER = re.compile(r"[\s-]+([^\W\d_][\w’'-]*)")
#: A word that ends the money before it: a function word or a preposition the stop list
#: lacks ("40,000 crowns towards pitch repairs").
_ENDS_MONEY = STOPWORDS | UNSTOPPED_PREPOSITIONS


def _open_amounts(text: str) -> list[tuple[int, int]]:
    """Numbers with the word or two of money after them ("14,000 gold florins", "8,000
    scudi"): any currency, not one of a list, but no year, share, measure or time."""
    spans = []
    for number in NUMBER_SPAN.finditer(text):
        if (
            written_as_year(text, *number.span())
            or text[number.start() - 1 : number.start()] in _CURRENCY_SIGNS
        ):
            continue
        first = _WORD_AFTER.match(text, number.end())
        if first is None or NOT_MONEY.match(first.group(1)):
            continue  # "21 percent", "26 kilometres", "ten years"
        end, taken = number.end(), 0
        while taken < AMOUNT_WORDS:
            word = _WORD_AFTER.match(text, end)
            if (
                word is None
                or word.group(1).lower() in _ENDS_MONEY
                or NOT_MONEY.match(word.group(1))
            ):
                break
            end, taken = word.end(), taken + 1
        if taken:
            spans.append((number.start(), end))
    return spans


def with_open_amounts(text: str, known: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The amounts in currencies a pattern knows, and in any other ("8,000 scudi"; "4.3
    billion kronor" rather than "4.3 billion"), each with its rate ("one penny per ton")."""
    spans = list(known)
    for start, end in _open_amounts(text):
        overlapping = [k for k in spans if k[0] < end and start < k[1]]
        if all(k[1] - k[0] < end - start for k in overlapping):
            spans = [k for k in spans if k not in overlapping] + [(start, end)]
    return [(start, _with_rate(text, end)) for start, end in sorted(spans)]


#: Words that say a quantity is approximate ("about 2,400", "more than 600"): part of
#: the answer, as a reader gives it. Not the ends of a range ("burned up to 900 litres":
#: 900 litres), nor "over" and "under", as often prepositions ("over ten years"). On the
#: 17 evaluation sets: +9 exact, -1 ("roughly 140 square kilometres").
_APPROXIMATION = re.compile(
    r"\b(?:about|around|approximately|roughly|some|nearly|almost|(?:more|less|fewer)\s+than|"
    r"at\s+(?:least|most))"
    r"\s+$",
    re.I,
)


#: The opening of a range whose upper end a span is ("between 18 and 40 days", "between 38
#: and 45 percent"): the estimate is the range, its end alone is a figure the text never
#: gives. Its number is one of up to three words ("between twenty-one and ...").
_RANGE_OPENED = re.compile(rf"\bbetween\s+{NUMBER}\s+and\s+$", re.I)
#: How far before a span that opening is looked for, in characters.
_RANGE_CHARS = 40


def with_approximation(text: str, start: int, end: int) -> tuple[int, int]:
    """The quantity ``text[start:end]`` with the word that says it is approximate before it,
    or the range it ends (:data:`_RANGE_OPENED`)."""
    opened = _RANGE_OPENED.search(text, max(0, start - _RANGE_CHARS), start)
    if opened is not None:
        return opened.start(), end
    before = _APPROXIMATION.search(text, max(0, start - QUALIFIER_CHARS), start)
    return (before.start(), end) if before else (start, end)


def _with_rate(text: str, end: int) -> int:
    """Where an amount ends with its "per" ("one penny per ton")."""
    rate = _PER.match(text, end)
    return rate.end() if rate else end


def counts_of(text: str, spans: list[tuple[int, int]], asked: Asked) -> list[tuple[int, int]]:
    """The number spans that can answer "how many": not a year ("the plague of 1349", but
    "1500 soldiers" counts soldiers), not the whole of a part ("eleven of the twenty-six
    monks": eleven died), and the ones followed by what is counted when some are ("19
    brick arches", not "41 metres")."""

    def naming(start: int, end: int) -> bool:
        words = frozenset(tokenize(text[start:end])) | counted_after(text, end)
        return names_counted(words, asked.counted)

    def counting(end: int) -> bool:  # "1500 soldiers", not "1861 and employed 340 people"
        right_after = _RIGHT_AFTER.match(text, end)
        words = frozenset(tokenize(right_after.group())) if right_after else frozenset()
        return names_counted(words, asked.counted)

    kept = [
        (start, end)
        for n, (start, end) in enumerate(spans)
        if not (YEAR_ALONE.fullmatch(text[start:end]) and not counting(end))
        and not (n and _PART_OF.fullmatch(text[spans[n - 1][1] : start]))
        and text[max(0, start - 1) : start] not in _CURRENCY_SIGNS
        and _measures_what_is_counted(text[start:end], asked, text[end:])
    ]
    # "how much velmorite": its tonnes rather than its share of the world's, when both are
    # given; a share alone may be what was saved ("a fuel saving of 12 percent")
    kept = [span for span in kept if not PERCENT.search(text, *span)] or kept
    if not asked.counted:
        return kept
    return [span for span in kept if naming(*span)] or kept


def _measures_what_is_counted(span: str, asked: Asked, after: str = "") -> bool:
    """Whether a number with a measure ("38-kilometre", "three times") or a length of time
    after it (``after``: "thirty years") can count what the question counts: when it asks
    how much ("28 tonnes" of bait, "four times" as likely), names the measure ("how many
    times", "how many years"), or counts nothing in particular; "how many people" is no
    length."""
    if not asked.counted or asked.quantity:
        return True
    unit = _UNIT.search(span)
    if unit is not None:
        return bool(set(tokenize(unit.group())) & set(asked.counted))
    return bool(counts_spans(asked.counted) or not TIME_AFTER.match(after))


#: A rate at the end of a quantity ("1.8 million crowns per season").
_RATE_AT_END = re.compile(r"\s+per\s+([a-z]+)$")


def without_asked_rate(text: str, start: int, end: int, asked: Asked) -> tuple[int, int]:
    """The quantity ``text[start:end]`` without a rate the question gives ("How much was
    the deal worth per season?": "1.8 million crowns", not "... per season")."""
    rate = _RATE_AT_END.search(text, start, end)
    if rate is None or rate.group(1) not in asked.words:
        return start, end
    return start, rate.start()


#: A word saying the quantity after it is approximate.
_ROUGHLY = r"(?:about|around|some|nearly|almost|roughly|under|over)"
#: "from" before a quantity, maybe with a word saying it is approximate.
_FROM = re.compile(rf"\bfrom\s+(?:{_ROUGHLY}\s+)?$")
#: What follows the first quantity of a change up to the second: "from 104 to 88", "from
#: about 9,000 in 1874 to 48,000 in 1880" (the words between say of what or when).
_TO_QUANTITY = re.compile(
    rf"((?:\s+[\w,.]+){{0,2}}?)\s+to\s+(?:(?:about|around|some|nearly|almost|roughly)\s+)?"
    rf"(?:\d|(?:{ALL_NUMBER_WORDS})\b)",
    re.I,
)


def changed_from(text: str, start: int, end: int, asked: Asked) -> bool:
    """Whether the quantity ``text[start:end]`` is what a change started from ("reduced the
    players from 104 to 88"): the question asks what it came to, unless the words between
    the two are its own ("from 9,000 in 1874 to ..." for "... in 1874?")."""
    if not _FROM.search(text, max(0, start - QUALIFIER_CHARS), start):
        return False
    change = _TO_QUANTITY.match(text, end)
    return change is not None and not set(tokenize(change.group(1))) & asked.tokens


#: "by" before a quantity, maybe with a word saying it is approximate: what a change
#: came to is written after it ("fell by 61 percent", "rose by about 4,000").
_BY = re.compile(rf"\bby\s+(?:(?:{_ROUGHLY}|more\s+than)\s+)?$", re.I)


def by_changed(text: str, spans: list[tuple[int, int]], asked: Asked) -> list[tuple[int, int]]:
    """For "By how much did it fall?", the quantities written as the change ("fell by 61
    percent"), when the sentence writes one: the others count what changed ("in those two
    districts") or what it came to. All of them when none is, or no change is asked."""
    if not asked.change:
        return spans
    by = [span for span in spans if _BY.search(text, max(0, span[0] - QUALIFIER_CHARS), span[0])]
    return by or spans


def with_measure_of(text: str, end: int, asked: Asked) -> int:
    """Where a number ends with the word that measures what the question asks how much of
    ("about 4 femtomoles of sulfide" for "How much sulfide ...?", "12 hours of battery
    back-up"): a unit no list knows."""
    measure = _MEASURE_OF.match(text, end)
    if (
        measure is None
        or measure.group(1) in STOPWORDS
        or not set(tokenize(measure.group(2))) & asked.tokens
    ):
        return end
    return measure.end(1)


#: The unit of time right after a number ("nineteen hours", "60 days").
_TIME_UNIT_AFTER = re.compile(rf"[\s-]+({TIME_UNITS})\b", re.I)


def with_time_counted(text: str, end: int, asked: Asked) -> int:
    """Where a number ends with the unit of time the question counts ("nineteen hours" for
    "how many hours did he spend at the key?"): a reader gives the number with its unit, as
    "four metres" for "how many metres" (:func:`with_unit`)."""
    unit = _TIME_UNIT_AFTER.match(text, end)
    if unit is None or not set(tokenize(unit.group(1))) & set(asked.counted):
        return end
    return unit.end()


#: The people a headcount counts, right after its number: a plural in lower case
#: ("60 singers", "fifty-six members", "62 people").
_PEOPLE_AFTER = re.compile(
    rf"[\s-]+(?!(?:{TIME_UNITS})\b)(?:[a-z]+[^s\W]s|people|men|women|children)\b"
)


def with_people_counted(text: str, end: int, asked: Asked) -> int:
    """Where a headcount ends with the people it counts ("fifty-six members" for "How big
    was the strike committee?"): a bare "56" says 56 of nothing."""
    people = _PEOPLE_AFTER.match(text, end) if asked.headcount else None
    return people.end() if people else end


#: How many words may stand between a body of people and its headcount: "a strike
#: committee of fifty-six", "the operations team, which had numbered 62", "enlarged the
#: chorus from 32 to 60"; more and the number most often counts something else the body
#: did ("the strike committee arranged in February for about 260 children").
_HEADCOUNT_REACH = 3
#: The words that only say how near a number is ("numbered over 1,100", "about 260"):
#: not counted in ``_HEADCOUNT_REACH``.
_LOOSE = frozenset(
    [
        "about",
        "around",
        "approximately",
        "roughly",
        "some",
        "nearly",
        "almost",
        "over",
        "under",
        "more",
        "less",
        "fewer",
        "than",
        "at",
        "least",
        "most",
    ]
)


def of_the_group(text: str, spans: list[tuple[int, int]], asked: Asked) -> list[tuple[int, int]]:
    """For "How big was the strike committee?", the headcounts told right after the body
    asked of (within ``_HEADCOUNT_REACH`` words): none when the body is told apart from
    its number, whose count is then of something else."""
    if not asked.headcount:
        return spans
    group = frozenset(tokenize(" ".join(asked.counted)))

    def after_group(start: int) -> bool:
        words = [w for w in re.findall(r"[\w'’-]+", text[:start]) if w.lower() not in _LOOSE]
        return not group.isdisjoint(tokenize(" ".join(words[-_HEADCOUNT_REACH - 1 :])))

    return [span for span in spans if after_group(span[0])]


#: A word in lower case after a number, then "of" and what it measures.
_MEASURE_OF = re.compile(r"[\s-]+([a-z][\w-]*)\s+of\s+(?:the\s+)?([a-z][\w-]*)")


def with_unit(text: str, end: int) -> int:
    """Where a number ends with the measure that follows it ("180 grams", "four times"):
    "how much" is answered by the quantity, and a bare "180" says 180 of nothing."""
    unit = _UNIT.match(text, end) or _COUNTED_RATE.match(text, end)
    return unit.end() if unit else end


def at_asked_year(text: str, spans: list[tuple[int, int]], asked: Asked) -> list[tuple[int, int]]:
    """Of a sentence's figures, those told at the year the question asks ("How many boat
    movements were recorded in 1995?" of "8,400 … in 2019, compared with 3,100 in 1995":
    "3,100"), a figure being told at the year written nearest to it. All of them when the
    question asks no year, the sentence writes none (its paragraph may date it), or none of
    its figures is nearest the asked year (another part of it may still be)."""
    years = {token for token in asked.tokens if YEAR_ALONE.fullmatch(token)}
    written = [(m.start(), m.group()) for m in YEAR_WRITTEN.finditer(text)]
    if not years or not written:
        return spans

    def nearest_year(span: tuple[int, int]) -> str:
        return min(written, key=lambda w: min(abs(w[0] - span[0]), abs(w[0] - span[1])))[1]

    at_asked = [span for span in spans if nearest_year(span) in years]
    return at_asked or spans
