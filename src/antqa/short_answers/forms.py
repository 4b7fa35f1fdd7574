"""How English writes the pieces that spans and questions share: numbers, months,
units of length, the words around a place (units of time: :data:`antqa.questions.TIME_UNITS`)."""

from __future__ import annotations

import re

from antqa.questions import LENGTH_UNITS, MONTH_NAMES, NUMBER_WORDS

ALL_NUMBER_WORDS = f"one|{NUMBER_WORDS}"
#: A number in digits or words, with the half English writes after it ("six and a half").
NUMBER = (
    rf"(?:(?:\d[\d,.]*(?:\s+(?:million|billion|thousand|hundred))?|"
    rf"(?:{ALL_NUMBER_WORDS})(?:[\s-]+(?:{ALL_NUMBER_WORDS}))*)(?:\s+and\s+a\s+half)?)"
)
#: An age written out, maybe of two words ("thirty-four"): the whole of it, not "thirty".
SPELT_AGE = rf"(?:{ALL_NUMBER_WORDS})(?:-(?:{ALL_NUMBER_WORDS}))?"
MONTH = f"(?:{'|'.join(MONTH_NAMES)})"  # case-sensitive here: "may" is no month
ORDINAL = r"\d+(?:st|nd|rd|th)"
#: A day of the week, maybe the one of each month ("every Tuesday", "the first Friday of
#: each month"): what "when" or "on what day" asks of a custom.
WEEKDAY = (
    r"(?:(?:the\s+)?(?:first|second|third|fourth|last)\s+)?"
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days?(?:\s+(?:of|in)\s+(?:each|every|the)\s+month)?"
)
#: The prefixes of the metric units ("kilo" of "kilometres", "milli" of "milligrams").
METRIC = "(?:kilo|centi|milli|micro|nano)?"
#: A rate per unit of time ("per hour", "per year").
PER_TIME = r"per\s+(?:second|minute|hour|day|week|month|year)"
#: English's articles, and the determiners that stand where one may ("its", "their").
ARTICLES = "the|a|an"
DETERMINERS = f"{ARTICLES}|its|their|his|her"
#: English's units of a length (one list for questions and spans).
LENGTHS = LENGTH_UNITS
#: Words that say which part or age of a place is meant ("northern Syria", "medieval
#: France"): they may stand between a preposition and a place.
REGION = (
    r"(?:(?:(?:north|south)(?:-?(?:east|west))?|east|west)(?:ern)?|central|upper|lower|"
    r"coastal|inland|modern|present-day|medieval|ancient|old)\s+"
)
#: Prepositions after which any name is a place ("in Syria", "from Denmark").
PLACE_PREPOSITIONS = r"in|at|from|near|into|across"
#: ... and those after which a name may be a place or a person ("King of England",
#: "sister of Emma", "to Rouen", "to Richard").
PREPOSITIONS = rf"{PLACE_PREPOSITIONS}|to|of"
#: How English ends the adjectives of peoples and places (one place for both uses): before
#: a person's name ("the Hungarian Zoltán Kertész"), only the endings no given name has
#: ("Hungarian", "Japanese", "Swedish", "French") say where the person is from ...
PEOPLE_ENDINGS = "ian|ese|ish|ch"
#: ... before a word in lower case ("a German bomb", "a French bomb"), where no name
#: stands, those given names share count too ("German", "Icelandic", "Saudi"; "Duncan",
#: "Eric", "Ali" before a name).
PEOPLE_ENDINGS_BEFORE_LOWER = rf"{PEOPLE_ENDINGS}|an|ic|i"
#: How far before a span the words that qualify it are looked for, in characters: a
#: preposition with "the" ("between the "), or an approximation ("approximately ", "more
#: than "); the longest is 14 characters.
QUALIFIER_CHARS = 20

#: English's titles: the honorifics, ranks and offices written before a person's name
#: ("Sir Thomas Garland", "Colonel Amos Redfern", "Assemblyman Walter Hesketh", "Prime
#: Minister Ilse Korvald"). A closed class of the language, not a set's words; a role
#: noun the article also writes in lower case ("the judge", "a professor") is one too
#: (:func:`antqa.short_answers.full_names.two_word_names`).
TITLES = frozenset(
    re.findall(
        r"\w+",
        "mr mrs ms miss mx dr doctor sir dame lord lady madam master professor prof reverend "
        "rev father mother sister brother saint st pope cardinal archbishop bishop canon "
        "dean prior abbot abbess rabbi imam pastor deacon king queen prince princess duke "
        "duchess earl count countess baron baroness marquess viscount emperor empress tsar "
        "sultan emir general colonel major captain lieutenant commander admiral sergeant "
        "corporal private marshal brigadier commodore officer inspector constable detective "
        "chief superintendent president premier chancellor minister secretary governor "
        "mayor senator deputy representative assemblyman assemblywoman congressman "
        "congresswoman councillor councilman councilwoman alderman chairman chairwoman "
        "speaker judge justice justices magistrate ambassador consul commissioner director "
        "rector provost vice foreign prime first",
    )
)
#: The words of :data:`TITLES` that also qualify a noun ("the first house", "a general
#: rule", "a major flood"): a title only before another title or a name.
TITLE_QUALIFIERS = frozenset(
    re.findall(r"\w+", "first prime foreign vice chief general major private master prior premier")
)
#: English's endings of a noun for a person by their work or study ("economist",
#: "physician", "biologist", "hydrographer", "lawyer", "engineer").
WORKER_ENDING = re.compile(r"(?:ist|ician|grapher|yer|eer)s?$")
