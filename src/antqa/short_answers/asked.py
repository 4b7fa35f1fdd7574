"""What of a question a candidate span is weighed against (:class:`Asked`): whether it
asks for a person, a date, a year, a measure, several things, and the words it uses."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

from antqa.lexical import STOPWORDS, tokenize
from antqa.questions import Question
from antqa.short_answers.forms import (
    ALL_NUMBER_WORDS,
    DETERMINERS,
    LENGTHS,
    PER_TIME,
    TITLE_QUALIFIERS,
    TITLES,
    WORKER_ENDING,
)

#: A question asking for more than one thing ("Who were ...?", "Which two ...?").
_SEVERAL = re.compile(
    rf"\b(?:were|are|both|(?:{ALL_NUMBER_WORDS})\b(?!\s+(?:years?|times?)\b))", re.I
)
#: A question opening on a preposition of time that a date keeps ("By what year ...?",
#: "Until when ...?"); not "in" or "on", which nearly every date follows.
_LEAD = re.compile(r"^\W*(by|until|since|before|after)\s+(?:what|which|when)\b", re.I)
#: "On what date ...?", "What day ...?": a day, so a span naming one beats a year.
_ASKS_DATE = re.compile(r"\b(?:what|which)\s+(?:exact\s+)?(?:date|day)\b", re.I)
#: "What year ...?", "In which year ...?": a year, which a date holds.
_ASKS_YEAR = re.compile(r"\b(?:what|which)\s+year\b", re.I)
_HOW_MUCH = re.compile(r"\bhow much\b", re.I)
#: "how far in advance", "how far ahead": a length of time, not of way.
IN_ADVANCE = r"(?:in\s+advance|ahead|beforehand)\b"
#: "What was the average size of the farms?", "What was its membership in 1880?", "At
#: what temperature ...?", "What altitude did it orbit at?": a quantity, named by
#: English's nouns of measure and of headcount (a grammar's set, not a domain's); a
#: number answers.
WHAT_MEASURE = re.compile(
    r"^\W*(?:(?:at|to|up\s+to|above|below|under|over)\s+)?what\s+"
    r"(?:(?:is|was|are|were)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?|(?:[a-z]+\s+)?)"
    r"(size|height|altitude|elevation|length|width|depth|area|weight|mass|speed|distance|"
    r"temperature|pressure|density|volume|population|membership|attendance|capacity|"
    r"circulation)\b",
    re.I,
)
#: "How far ...?", "How deep ...?", "How heavy ...?", "How large an area ...?": a measure,
#: which a number with a unit of its dimension gives ("26 kilometres", "5.2 hectares").
#: English's adjectives of size with the units of each (a grammar's set, not a domain's);
#: "how dense" or "how important" name no unit, so they get no short answer.
_AREAS = rf"hectares?|acres?|square\s+(?:{LENGTHS})"


def _measured(adjectives: str, units: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A "how <adjective>" question and the units that answer it."""
    return (
        re.compile(rf"^\W*(?:and\s+)?how\s+(?:{adjectives})\b", re.I),
        re.compile(rf"\b(?:{units})\b", re.I),
    )


_HOW_MEASURED = {
    "length": _measured(
        rf"far(?!\s+{IN_ADVANCE})|close|near|high|tall|deep|wide|broad|thick", LENGTHS
    ),
    # "how hot": degrees ("about 1,300 degrees", the "C" of "24 °C")
    "temperature": _measured("hot|warm|cold", "degrees?|Celsius|Fahrenheit|C|F"),
    "area": _measured(r"(?:large|big)\s+an?\s+area", _AREAS),
    # "how big are the young?": an area or a length
    "size": _measured("large|big", f"{_AREAS}|{LENGTHS}"),
    "rate": _measured("fast|quickly|slow|slowly", rf"{PER_TIME}|mph|knots"),
    "mass": _measured("heavy", r"(?:kilo|milli)?grams?|kg|tonnes?|tons?|pounds?|ounces?"),
}


#: The units of "how big / how large" (an area or a length): when a sentence gives none,
#: the size asked is a sum or a count (:func:`antqa.short_answers.finder._sizes_unmeasured`).
SIZE_UNITS = _HOW_MEASURED["size"][1]

#: "How big was the losing army?", "How large a crowd gathered?": the size of a body of
#: people is a headcount ("around 5,500"), not an area or a length ("twelve miles west").
#: English's collective nouns for people (a grammar's set, not a domain's).
HEADCOUNT_ASKED = re.compile(
    r"^\W*(?:and\s+)?how\s+(?:large|big)\b(?=[^?]*\b(?P<group>armies|army|crowds?|"
    r"garrisons?|forces?|troops|militias?|contingents?|crews?|congregations?|audiences?|"
    r"workforces?|staff|delegations?|expeditions?|electorates?|memberships?|committees?|"
    r"teams?|choirs?|chorus|orchestras?|faculty|faculties)\b)",
    re.I,
)


def measure_asked(text: str) -> re.Pattern[str] | None:
    """The units that can answer a "how far / how heavy / how large" question, if it is one
    (none for a headcount: :data:`HEADCOUNT_ASKED`)."""
    if HEADCOUNT_ASKED.search(text):
        return None
    for question, units in _HOW_MEASURED.values():
        if question.search(text):
            return units
    return None


#: The measures whose units single out the sentence that answers: not "how big", which a
#: sum or a headcount answers as often as a size ("How big had the deficit grown?").
_UNITS_SINGLE_OUT = ("length", "area", "rate", "mass")
#: A number, then up to two words, before a unit ("62 metres per second", "a hill of 412
#: metres", "seven knots").
_NUMBER_BEFORE = re.compile(
    rf"(?:\d|\b(?:{ALL_NUMBER_WORDS})\b)(?:[\s-]+[\w-]+){{0,2}}?[\s-]+$", re.I
)

#: How far before a unit its number is looked for, in characters: a number and two words
#: ("62 metres per second").
_UNIT_REACH = 30


#: A headcount in a sentence: a number not written as a year ("around 5,500", "some 800",
#: "twelve"; not "in 1291").
_HEADCOUNT = re.compile(rf"\b\d{{1,3}}(?:,\d{{3}})*\b(?![.,]?\d)|\b(?:{ALL_NUMBER_WORDS})\b", re.I)


def _gives_headcount(group: str) -> Callable[[str], bool]:
    """The test of a sentence naming ``group`` ("army") and giving a headcount."""
    stems = frozenset(tokenize(group))
    return lambda text: not stems.isdisjoint(tokenize(text)) and bool(_HEADCOUNT.search(text))


def gives_measure_asked(question: Question) -> Callable[[str], bool] | None:
    """For "how fast / how high / how heavy ...?", a test of whether a sentence gives a
    number in a unit of that measure; for "how big was the army?" one of whether it names
    the army with a headcount (:data:`HEADCOUNT_ASKED`); ``None`` for other questions."""
    if headcount := HEADCOUNT_ASKED.search(question.text):
        return _gives_headcount(headcount.group("group"))
    for measure in _UNITS_SINGLE_OUT:
        asking, units = _HOW_MEASURED[measure]
        if asking.search(question.text):
            return lambda text: any(
                _NUMBER_BEFORE.search(text, max(0, m.start() - _UNIT_REACH), m.start())
                for m in units.finditer(text)
            )
    return None


#: "Who ...?", "Whose ...?", and "whom" or "whose" after any preposition ("Under whom had
#: she trained?", "On whose farm ...?").
WHO = re.compile(r"^\W*(?:who|whom|whose)\b|^\W*(?:\w+\s+){0,2}(?:whom|whose)\b", re.I)
WHICH_NOUN = re.compile(r"\b(?:what|which)\s+(?:\w+\s+){0,1}?(\w+)\b", re.I)
#: The nouns after "what" or "which" that ask for a name ("which company", "what river").
NAMED_NOUNS = frozenset(
    re.findall(
        r"\w+",
        "person man woman king queen ruler leader duke count emperor company firm bank "
        "group family river city country town region province state nation island "
        "mountain team organization organisation institution university school party name "
        "title religion language people tribe dynasty church order army",
    )
)
#: The nouns that ask for a place ("which country"), looked up before :data:`NAMED_NOUNS`.
PLACE_NOUNS = frozenset(
    re.findall(
        r"\w+",
        "city country town region province state nation island place continent village county "
        "district parish",
    )
)
#: The nouns of :data:`NAMED_NOUNS` that ask for a person ("which king").
_PERSON_NOUNS = frozenset(
    ["person", "man", "woman", "king", "queen", "ruler", "leader", "duke", "count", "emperor"]
)


#: The word after the noun of "which NOUN" ("which war chief", "which rock band"): the
#: head of a noun of two words.
_HEAD_AFTER = re.compile(r"\s+([a-z]+)\b")
#: Nouns for a group of kin or a people, which a person's name names ("the Halbrook
#: family"): no thing of :data:`_THING_NOUNS`.
_KIN_GROUPS = frozenset(["family", "dynasty", "house", "clan", "people", "tribe"])
#: The nouns after "which" or "what" that ask for a thing no person's name answers (see
#: :attr:`Asked.thing`): the bodies and places of :data:`NAMED_NOUNS` and
#: :data:`PLACE_NOUNS`, and English's nouns for a body, a work or a law, a part of a
#: place or a way, and a step of a contest or a sequence (a grammar's classes, not a
#: domain's). Not a vessel or a building: those are often named after a person.
_OTHER_THINGS = frozenset(
    re.findall(
        r"\w+",
        "organisation organization institution institute body agency authority ministry "
        "department court union society association council committee commission club band "
        "label newspaper journal magazine publisher brewery firm business navy law act "
        "treaty agreement accord charter report book album song award prize medal side "
        "street road route valley sea lake port harbour genus species branch move round "
        "stage game match edition episode chapter volume lap heat",
    )
)
#: Of those, the nouns for a body of people ("court", "firm", "army"): a body acts as a
#: person does, so its name answers "who" ("Who was the judge at the trial?": "the
#: Vessenport High Court" is read as answering), where a work's, a law's, an award's or a
#: place's name does not ("Marten Prize", "Health Services Act").
BODY_NOUNS = frozenset(
    re.findall(
        r"\w+",
        "organisation organization institution institute body agency authority ministry "
        "department court union society association council committee commission club band "
        "label newspaper journal magazine publisher brewery firm business navy company bank "
        "group team university school party church order army",
    )
)
_THING_NOUNS = (
    (NAMED_NOUNS | PLACE_NOUNS | _OTHER_THINGS)
    - _PERSON_NOUNS
    - _KIN_GROUPS
    - {
        "name",  # "What name did she take?": a person's may answer
        "title",
    }
)


def names_thing(words: str) -> bool:
    """Whether ``words`` (in lower case) hold a noun of :data:`_THING_NOUNS` ("a passenger
    shipping company"): what they tell of a name makes it no person's."""
    return any(w in _THING_NOUNS or w.rstrip("s") in _THING_NOUNS for w in words.split())


def _asks_thing(text: str, which: re.Match[str] | None) -> tuple[str, ...]:
    """The stems of the noun of "which NOUN" and of the word after it, its head in a noun
    of two words ("Which organisation ...?", "On which move ...?", "Which rock band
    ...?"), when one is a thing of :data:`_THING_NOUNS` and neither asks for a person by
    the lists ("which company director"); empty otherwise. The article may still write
    the head as someone's occupation ("the union organizer Ilmari Saarinen"): the finder
    checks that (:attr:`ArticleNames.roles`)."""
    if which is None or WHO.search(text):
        return ()
    words = [which.group(1).lower()]
    head = _HEAD_AFTER.match(text, which.end())
    if head is not None and head.group(1) not in STOPWORDS:
        words.append(head.group(1))
    if any(names_a_person(w) or w in TITLES for w in words[1:]) or names_a_person(words[0]):
        return ()  # "which war chief", "which company director"
    if not names_thing(" ".join(words)):
        return ()
    return tuple(tokenize(" ".join(words)))


def names_a_person(noun: str) -> bool:
    """Whether the noun after "which" or "what" asks for a person: one of
    :data:`_PERSON_NOUNS`, a title or office (:data:`~.forms.TITLES`: "which minister",
    "which judge"; not one that also qualifies a noun, "what major flood"), or a noun of
    someone's work or study (:data:`~.forms.WORKER_ENDING`: "which economist").
    "Which economist ...?" asks for a name as "Who ...?" does."""
    single = noun.rstrip("s") if len(noun) > 4 else noun
    return (
        single in _PERSON_NOUNS
        or (bool({noun, single} & TITLES) and single not in TITLE_QUALIFIERS)
        or (len(single) > 5 and WORKER_ENDING.search(noun) is not None)
    )


#: A preposition and its object in a question ("over the observatory", not "grow it on?").
_FILLED = re.compile(
    r"\b(on|in|into|onto|with|from|by|for|at|through|over|under|out|up)\s+"
    rf"(?:(?:{DETERMINERS})\s+)?([A-Za-z]+)",
    re.I,
)
#: "For how long ...?", "How long did the strike last?": a time, which no length gives.
_LASTING = re.compile(r"^\W*for\s+how\s+long\b|^\W*how\s+long\b.*\b(?:last|take|took)s?\b", re.I)
#: A name's possessive in a question ("Margaret's husband").
_NAMED_OWNER = re.compile(r"\b[A-Z][\w-]*['’]s\b")
#: "What did ...?", "Over what period was ...?": a question asking for a thing the
#: answering sentence names in a phrase of its own words. Not "which": it picks one of
#: several things of a kind, which a text names (see :data:`.targets._WHICH_THING`), and
#: "which scribes" asks for several, which a phrase seldom lists whole.
WHAT_OPEN = re.compile(
    r"^\W*(?:[A-Za-z]+\s+){0,2}?what\s+(?:[A-Za-z'’-]+\s+){0,3}?(?:did|does|do|was|were|"
    r"is|are|has|have|had|can|could|will|would|may|might)\b",
    re.I,
)
#: "What reached Marrick ...?", "What issue split the party ...?": a question asking for
#: the subject of its verb, one of the (up to three) words after "what".
#: Its verb is a word in lower case followed by what starts its object: an article, a
#: possessive, a name or a particle ("What caused the ...", "What grew up ...", "What
#: reached Marrick ..."); a noun is followed by another word ("What culture's arrival").
WHAT_DID = re.compile(
    r"^\W*(?i:what)\s+(?:[a-z'’-]+\s+){0,2}?([a-z]+)\s+"
    rf"(?=(?:{DETERMINERS}|"
    r"up|out|down|off)\b|[A-Z])"
)


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
    #: The stems of each name of two words or more the question writes ("the Halloran Iron
    #: Company", "the comet Aird–Cossey"): a person the thing is named after shares a part
    #: of it without being what the question names.
    longer_names: tuple[frozenset[str], ...] = ()
    #: "Which organisation ...?", "On which move ...?": the stems of a noun asked that the
    #: lists read as naming no person, and of its head (:func:`_asks_thing`): no person's
    #: name answers it, unless the article writes the head as someone's occupation.
    thing: tuple[str, ...] = ()
    #: "How big was the army?": a headcount (:data:`HEADCOUNT_ASKED`), given with the
    #: people it counts ("60 singers", "fifty-six members").
    headcount: bool = False

    @classmethod
    def of(cls, question: Question) -> Asked:
        """What of ``question`` is weighed (remembered: the answer step asks for one
        question's short answer in several sentences)."""
        return _asked_of(question)

    @classmethod
    def _read(cls, question: Question) -> Asked:
        which = WHICH_NOUN.search(question.text)
        person = bool(WHO.search(question.text)) or bool(
            which and names_a_person(which.group(1).lower())
        )
        units = measure_asked(question.text)
        quantity = bool(_HOW_MUCH.search(question.text)) or units is not None
        headcount = HEADCOUNT_ASKED.search(question.text)
        words = frozenset(re.findall(r"[a-z]+", question.text.lower()))
        date = bool(_ASKS_DATE.search(question.text))
        subject = None if WHAT_OPEN.match(question.text) else WHAT_DID.match(question.text)
        doing = frozenset(tokenize(subject.group(1))) if subject else None
        return cls(
            frozenset(question.tokens),
            person,
            # "How big was the army?" counts the army's people: no "twelve miles"
            question.counted or ((headcount.group("group").lower(),) if headcount else ()),
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
            "".join(tokenize(m.group(1))) if (m := WHAT_MEASURE.search(question.text)) else "",
            frozenset(
                m.group(1).lower()
                for m in _FILLED.finditer(question.text)
                if m.group(2).lower() not in STOPWORDS
            ),
            bool(_LASTING.search(question.text)),
            bool(_NAMED_OWNER.search(question.text)),
            _longer_names(question),
            _asks_thing(question.text, which),
            headcount=headcount is not None,
        )


#: A name of two capitalised words or more, joined by spaces or dashes ("Halloran Iron
#: Company", "Aird–Cossey").
_LONGER_NAME = re.compile(r"\b[A-Z][\w'’]*(?:(?:\s+|\s*[–-]\s*)[A-Z][\w'’]*)+")


def _longer_names(question: Question) -> tuple[frozenset[str], ...]:
    """The stems of each name of two words or more in ``question`` (none in a Title Case
    question, whose capitals say nothing of names)."""
    if not question.names:
        return ()
    return tuple(frozenset(tokenize(name)) for name in _LONGER_NAME.findall(question.text))


def longer_names_of(article: str) -> frozenset[frozenset[str]]:
    """The stems of each name of two words or more ``article`` writes (:data:`_LONGER_NAME`:
    "The Ostrander Expedition" gives {"ostrand", "expedit"}, its "The" a stopword)."""
    names = (frozenset(tokenize(name)) for name in _LONGER_NAME.findall(article))
    return frozenset(name for name in names if len(name) > 1)


def with_names_written(asked: Asked, names: frozenset[frozenset[str]]) -> Asked:
    """``asked`` with, for "who", the article's longer ``names`` (:func:`longer_names_of`)
    whose every word the question writes among its :attr:`Asked.longer_names`, however it
    writes their case: "Josiah Ostrander" answers "who paid for most of the ostrander
    expedition?" as "Josiah Halloran" does "Who set up the Halloran Iron Company?" (a
    twenty-eighth batch answerable, written in lower case, was given "Upper Velmar"; with
    this the cut keeps him and it hits). Over every readable set (run m28-b -> h46x-r3):
    that one moved, nothing else."""
    if not asked.person:
        return asked
    written = tuple(name for name in names if name <= asked.tokens)
    if not written:
        return asked
    return replace(asked, longer_names=asked.longer_names + written)


@lru_cache(maxsize=1024)
def _asked_of(question: Question) -> Asked:
    return Asked._read(question)


#: The stem of "length": of time as well as of way, so no length of time is ruled out.
LENGTH = "length"


def mostly_asked(span: str, asked: Asked) -> bool:
    """Whether ``span`` is mostly the question's own words: "Normandy" does not answer "Who
    ruled Normandy?". What is counted may follow a number ("four metres" for "how many
    metres"), and the kind of thing asked for may be in its name ("University of Calder"
    for "Which university ...?"), but a span that is only that kind answers nothing. A
    person may share a word of a longer name the question gives, which is named after them
    ("Josiah Halloran" for "Who set up the Halloran Iron Company?")."""
    tokens = [t for t in tokenize(span) if t not in asked.counted]
    rest = [t for t in tokens if t not in asked.noun]
    if not tokens:
        return False
    shared = frozenset(t for t in rest if t in asked.tokens)
    own = any(t not in shared for t in rest)  # a word of its own: "Josiah"
    if asked.person and shared and own and any(shared < name for name in asked.longer_names):
        return False  # "Josiah Halloran" for "Who set up the Halloran Iron Company?"
    return not rest or sum(t in shared for t in rest) * 2 >= len(rest)
