"""Names of people, things and places in a sentence: which capitalised runs are places
("in Syria", "earl of Hereford"), and which name is the one a question asks about."""

from __future__ import annotations

import re

from antqa.lexical import STOPWORDS, tokenize
from antqa.questions import MONTH_NAMES
from antqa.short_answers.asked import (
    BODY_NOUNS,
    Asked,
    mostly_asked,
    names_a_person,
    names_thing,
)
from antqa.short_answers.forms import (
    DETERMINERS,
    PEOPLE_ENDINGS,
    PLACE_PREPOSITIONS,
    PREPOSITIONS,
    QUALIFIER_CHARS,
    REGION,
    TITLES,
    WEEKDAY,
)
from antqa.short_answers.full_names import two_word_names
from antqa.short_answers.roles import ROLE_CHARS, role_spans
from antqa.short_answers.targets import Target

#: A run of capitalised words, allowing the small words inside names ("William the
#: Conqueror", "Duchy of Normandy", "Hartwell College for Women", "Convention on the Use of
#: ...") and a Roman numeral at the end ("Richard I").
#: A capitalised word where no sentence opens: after a word (another capital too: "Caleb
#: Onwuachi", a possessive: "the Tidewardens' Marco"), a number, a comma, a colon, a dash
#: or "&" and a space ("Lorimer & Strang"), or right after a bracket, a quote or a dash
#: ("(Norman: Nourmands)", 'nicknamed "Longbeard', "Norse–Gael"). Not after a full stop,
#: where one may ("... 27 points. Ordinary elections ..."). A word with a letter in lower
#: case or a digit: not an abbreviation of capitals ("CEO", "II"), as often a title or a
#: numeral as a name.
_WITHIN = re.compile(r"(?:(?<=[\w,;:—–&'’] )|(?<=[(\"“‘—–/]))[A-Z][\w’'-]*[a-z0-9][\w’'-]*")
_NAME = re.compile(
    r"(?<![\w’'–])(?:[A-Z][\w’'.–-]*[\w]|[A-Z])(?:\s+(?:(?:of|the|de|du|da|von|van|al|la|le|"
    r"and|&|for|on)\s+)*(?:[A-Z][\w’'-]*\w|[IVX]+)\b)*"
)
#: A preposition before a place, maybe with a word of :data:`REGION` between: what a
#: "where" question's short answer may follow.
_PLACE_BEFORE = re.compile(rf"\b(?:{PREPOSITIONS}|on)\s+(?:the\s+)?(?:{REGION})?$", re.I)
#: Words before a name that make it a place whatever it is ("in Syria", "in northern
#: Syria"): the article's places are the names it writes after them somewhere.
_ONLY_PLACE_BEFORE = re.compile(rf"\b(?:{PLACE_PREPOSITIONS})\s+(?:the\s+)?(?:{REGION})?$", re.I)
#: A capitalised run as a list of places writes it (see :func:`_listed_places`).
_LISTED = r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*"
#: A list of places after a preposition: "from Denmark, Iceland and Norway", "in Kent and
#: Essex". Without a final "and" it is no list ("in Normandy, and Richard ruled" nor "at
#: Rouen, Emma founded" are two clauses).
_PLACE_LIST = re.compile(
    rf"\b(?:{PLACE_PREPOSITIONS})\s+(?:the\s+)?({_LISTED}(?:,\s+{_LISTED})*"
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


def name_spans(text: str, place: bool) -> list[tuple[int, int]]:
    """The capitalised runs of ``text`` (:data:`_NAME`); for a ``place`` only those after a
    preposition (:data:`_PLACE_BEFORE`) and never a possessive ("of William's barons"),
    widened to the region word before ("southern Italy") and the landform word after ("the
    Po valley")."""
    spans = []
    for match in _NAME.finditer(text):
        start = match.start()
        if place:
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
    return spans


def _written_as_place(article: str, name: re.Match[str]) -> bool:
    """Whether the words before ``name`` make it a place: "in Syria", "earl of Hereford",
    "the port city of Maresh"."""
    before = article[max(0, name.start() - _PLACE_CUE_CHARS) : name.start()]
    return bool(
        _ONLY_PLACE_BEFORE.search(before)
        or _RULED_BEFORE.search(before)
        or _PLACE_NOUN_OF.search(before)
    )


#: A name of two capitalised words or more (each with a letter in lower case).
_PERSON_RUN = r"[A-Z][\w’'-]*[a-z](?:\s+[A-Z][\w’'-]*[a-z])+"
#: A word in lower case, maybe with a comma, right before such a name ("the jazz pianist
#: Ellinor Raask", "her assistant, Henrik Vasstrand"): what the name is.
_DESCRIBED_BEFORE = re.compile(rf"\b([a-z][a-z-]+),?\s+({_PERSON_RUN})")
#: Such a name and, after a comma, "a" and what it is, up to what ends the phrase as in
#: :data:`~.roles._ROLE_AFTER` ("Josiah Halbrook, a grain merchant,"; "Mei-Lin Tavares, a
#: Portuguese marine ecologist who"; "Aurenza Line, a passenger shipping company").
_DESCRIBED_AFTER = re.compile(
    rf"({_PERSON_RUN}),\s+an?\s+((?:[A-Za-z][\w’'-]*\s+){{0,2}}[a-z][a-z-]*)"
    r"(?=\s*[,.;)]|\s+(?:who|whose|in|at|from|for|until)\b)"
)
#: Such a name and ", who" ("Mairead Quill, who ..."): a person, whom "who" stands for
#: (a firm is "which").
_WHO_AFTER = re.compile(rf"({_PERSON_RUN}),\s+who\b")


def _described_people(article: str) -> frozenset[str]:
    """The last two words of each name ``article`` describes as a person's: by a word
    before it that names a person by the lists (:func:`~.asked.names_a_person`: "the jazz
    pianist Ellinor Raask"; not "the insurer Corvalis Mutual", a word a firm is called by
    too), or by "a" and words after it that name no thing (:func:`~.asked.names_thing`):
    "Josiah Halbrook, a grain merchant", not "Aurenza Line, a passenger shipping company";
    or by ", who" after it."""
    before = [m.group(2) for m in _DESCRIBED_BEFORE.finditer(article) if names_a_person(m.group(1))]
    after = [
        m.group(1)
        for m in _DESCRIBED_AFTER.finditer(article)
        if not names_thing(m.group(2).lower())
    ]
    who = [m.group(1) for m in _WHO_AFTER.finditer(article)]
    return frozenset(" ".join(name.split()[-2:]) for name in before + after + who)


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
_ON_BEFORE = re.compile(rf"\bon\s+(?:the\s+)?(?:{REGION})?$", re.I)
#: A name ending in a day of the week ("Grey Thursday", "Easter Monday"): a day's.
_WEEKDAY_ENDING = re.compile(rf"\b{WEEKDAY}$")
#: "the" right before a name of one word: a person's is written without it, save a title
#: ("the Duke of Hereford", :data:`TITLES`); "the Republic of Tarvenia" is a thing.
_THE_BEFORE = re.compile(r"\bthe\s+$", re.I)
#: English's nouns for a vessel right before a name ("the relief ship Fulmar", "the
#: emigrant steamer Tamsin Grey"): the vessel's name, which "who" is not answered by
#: (in run m25-d every "who" short answer so written was wrong: 3 of 3).
_VESSEL_BEFORE = re.compile(
    r"\b(?:ship|steamship|steamer|vessel|boat|lifeboat|liner|schooner|yacht|ferry|barque|"
    r"brig|frigate|tanker|trawler|tug|cutter)\s+$",
    re.I,
)
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
_PREPOSITION_BEFORE = re.compile(rf"\b(?:{PREPOSITIONS})\s+(?:the\s+)?$", re.I)
_PLACE_PREPOSITION_BEFORE = re.compile(rf"\b(?:{PLACE_PREPOSITIONS})\s+(?:the\s+)?$", re.I)
#: A compass word before a place names the part of it meant ("southern Italy"): a short
#: answer for "where" keeps it, as a reader (and SQuAD's annotators) would.
_COMPASS = re.compile(rf"\b{REGION}$", re.I)
#: A name a compass word opens ("North America", "South Tyrol"): a place, not a person.
_COMPASS_NAME = re.compile(r"(?:North|South|East|West)(?:ern)?(?:-?(?:east|west)(?:ern)?)?\s+[A-Z]")
#: A name a word for a landform opens or closes ("Mount Teleku", "Lake Orva", "the Whitlow
#: River"): a place wherever it is written (English's landform words, no domain's).
_LANDFORM_NAME = re.compile(
    r"(?:Mount|Mt\.?|Lake|Cape|Isle|Loch)\s+[A-Z]|.*\s(?:River|Valley|Basin|Delta|Plateau|"
    r"Gorge|Estuary|Peninsula|Hills|Mountains|Highlands|Islands?|Lake|Bay|Sea|Ocean|Strait)$"
)
_OF_PLACE = re.compile(r"\s+of\s+(?:the\s+)?([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)$")
#: A people's adjective before a person's name of two words or more ("Hungarian Zoltán
#: Kertész"): where the person is from, not part of the name.
NATIONALITY = re.compile(rf"[A-Z][a-z]+(?:{PEOPLE_ENDINGS})\s+(?=[A-Z][\w’'-]*\s+[A-Z])")
_JOINING = frozenset(["and", "or", "nor", "but"])
#: The word after a name, when it is in lower case.
_FOLLOWING = re.compile(r"\s+([a-z][\w’'-]*)")
_POSSESSIVE = re.compile(r"['’]s?$")
#: A title a ruler's name opens with; the "of" and name after it are the land ruled.
_TITLE = re.compile(
    r"(?:King|Queen|Duke|Duchess|Earl|Count|Countess|Prince|Princess|Emperor|Empress|"
    r"Sultan|Tsar|Lord|Lady)\s"
)
#: A title with no name of its own ("Prince" of "the Prince of Wales").
_TITLE_ALONE = re.compile(_TITLE.pattern.rstrip("\\s"))
#: A word in lower case after an article or a possessive: a noun.
_AFTER_DETERMINER = re.compile(rf"\b(?:{DETERMINERS})\s+([a-z][a-z-]+)\b", re.I)
#: Names joined by "and" ("Sassoun and Taron"): two things, not one ("&" joins one firm's
#: partners: "Lorimer & Strang").
JOINED = re.compile(r"\sand\s")
#: An owner's name opening a name ("Tencent's" of "Tencent's Tenpay").
_OWNER = re.compile(r"([A-Z][\w-]*)['’]s\s+(?=[A-Z])")


#: An office held, written before a person's name ("Judge Harald Onsgaard", "Prime
#: Minister Count Oskar Veldt"): what the person was, not part of their name, unlike a
#: rank or a style that stays with it ("King Charles III", "Sir Thomas", "Mother Agathe").
#: English's civil and military offices (a grammar's set, not a domain's).
_OFFICE = re.compile(
    r"(?:(?:Prime\s+)?Minister|President|Chancellor|Governor|Mayor|Senator|Assembly(?:wo)?man|"
    r"Judge|Justice|Admiral|General|Colonel|Commander|Lieutenant|Sergeant|Inspector|"
    r"Professor)\s+(?=[A-Z])"
)
#: A title's abbreviation ("Dr" of "Dr. Rafael Imbert", where the stop ends the run): no
#: name by itself.
_ABBREVIATED_TITLE = re.compile(r"(?:Dr|Mr|Mrs|Ms|Prof|Rev|Capt|Col|Gen|Lt|Sgt)")


#: A capitalised word: what a person's name writes ("Colm Varey"), not "a guard".
CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*[a-z][\w'’-]*")
#: The "of" joining a thing's head to the name it is of ("Treaty of Almsby").
_OF_HEAD = re.compile(r"\s+of\s+")


def _thing_head(name: str) -> str:
    """The noun for a thing (:func:`~.asked.names_thing`) that makes ``name`` a thing's,
    lower-cased, however capitalised and named after someone: its last word ("Prize" of
    "Marten Prize"), or its words before "of" ("Treaty" of "Treaty of Almsby", "Union of
    Construction Labourers"; "Abbot Gervase of Lenholm" stays a person); ``""`` if none."""
    names = CAPITALISED.findall(name)
    if len(names) > 1 and names_thing(names[-1].lower()):
        return names[-1].lower()
    head = _OF_HEAD.split(name)
    return head[0].lower() if len(head) > 1 and names_thing(head[0].lower()) else ""


def thing_named(name: str) -> bool:
    """Whether ``name`` is a thing's, not a person's (:func:`_thing_head`)."""
    return bool(_thing_head(name))


def answers_who(name: str, article: ArticleNames) -> bool:
    """Whether ``name`` (a short answer) can answer "who": a person's or a body's name does
    (:func:`names_body`, :data:`~.asked.BODY_NOUNS`: "Tarrowby Bridge Trust" owns the
    bridge, "Vessenport High Court" tries a case), but not a thing's named after someone
    (:func:`thing_named`: "Marten Prize", "Health Services Act") nor a vessel's
    (:attr:`ArticleNames.vessels`: "Orinda")."""
    if names_body(name):
        return True
    head = _thing_head(name).split()
    if head and not any(w in BODY_NOUNS or w.rstrip("s") in BODY_NOUNS for w in head):
        return False
    return name not in article.vessels


#: "of the" and a name after a person's name of two words or more ("Dr. Ilse Varga of the
#: Kettering Observatory"): where the person worked, not part of the name.
_OF_BODY = re.compile(r"[A-Z][\w’'-]*\s+[A-Z][\w’'-]*(\s+of\s+the\s+[A-Z])")


def without_body(text: str, start: int, end: int) -> int:
    """Where a person's name ``text[start:end]`` ends before "of the" and the body they
    belonged to ("Ilse Varga of the Kettering Observatory" -> "Ilse Varga")."""
    body = _OF_BODY.match(text, start, end)
    return body.start(1) if body is not None else end


#: The endings of English's abstract nouns made of a verb or an adjective ("-ation",
#: "-ics", "-ment"), long enough that no surname ends so ("Clement" is seven letters: a
#: "-ment" noun of :data:`_BODY` has eight or more).
_ABSTRACT_SUFFIXES = r"[a-z]{3,}(?:tion|sion|ics)s?|[a-z]{4,}ments?"
#: A name a word for a body of people ends ("the Harrowdale Civil Protection Agency",
#: "Kessock United", "the International Union of Architects"): a body, not a person
#: (English's words for bodies, a grammar's set, not a domain's).
_BODY = re.compile(
    r"\b(?:Agency|Authority|Company|Corporation|Union|Society|Association|Council|Board|"
    r"Committee|Commission|Cross|United|Trust|Office|Ministry|Department|Bank|Institute|"
    r"Institution|University|College|School|Church|Party|Club|Press|Museum|Library|"
    r"Federation|League|Foundation|Guild|Works|Group|Lines?|Laboratories|Industries|"
    r"Brothers|Sons)\b(?:\s+of\s+[A-Z][\w’'-]*)*$"
    # a noun made of a verb or an adjective ends a firm's or a body's name ("Skyline
    # Aviation", "Brannock Biologics", "Salvane Measurement"), never a person's: English's
    # suffixes of abstract nouns, not a domain's words
    rf"|\s[A-Z]\w*(?:{_ABSTRACT_SUFFIXES})$"
)


def names_body(name: str) -> bool:
    """Whether ``name`` ends as a body's does (:data:`_BODY`: "European Acoustical Union",
    "Aurenza Line"): no person's name."""
    return _BODY.search(name) is not None


def persons_first(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """For "who", the names of persons among ``spans`` when there are any: a body named
    beside a person ("coordinated by the Civil Protection Agency under its director,
    Tomas Reyne") is what the person headed, not who did it. A person's name is two
    capitalised words or more and names no body."""
    persons = [
        (start, end)
        for start, end in spans
        if len(text[start:end].split()) > 1 and not _BODY.search(text, start, end)
    ]
    if not persons:
        return spans
    return [span for span in spans if span in persons or not _BODY.search(text, *span)]


#: A title's abbreviation and its stop right before a name ("Dr. Rafael Imbert").
_TITLED = re.compile(rf"\b{_ABBREVIATED_TITLE.pattern}\.\s+$")


def titled_person(text: str, start: int) -> bool:
    """Whether the name at ``start`` follows a title's abbreviation ("Dr. Rafael Imbert"):
    a person's, which answers no question asking for the name of a thing."""
    return bool(_TITLED.search(text, max(0, start - QUALIFIER_CHARS), start))


def without_office(text: str, start: int, end: int) -> int:
    """Where a person's name ``text[start:end]`` starts after the office written before it
    ("Justice Marguerite Ondine" -> "Marguerite Ondine")."""
    office = _OFFICE.match(text, start, end)
    return office.end() if office is not None else start


def without_asked_owner(text: str, start: int, end: int, asked: Asked) -> tuple[int, int]:
    """The name ``text[start:end]`` without an owner the question names ("Which Tencent
    business ...?": "Tenpay", not "Tencent's Tenpay"): the reader knows whose it is. A
    person is never their owner ("Who was sent off?": "Oswin Farr" of "Tarnside's Oswin
    Farr")."""
    owner = _OWNER.match(text, start, end)
    if owner is None or not (asked.person or set(tokenize(owner.group(1))) & asked.tokens):
        return start, end
    return owner.end(), end


#: A possessive and a word in lower case after a name ("Richard's fleet").
_OWNER_AFTER = re.compile(r"['’]s\s+[a-z]")
#: A possessive, a word in lower case and a name after a name ("Merridew's wife Harriet",
#: "Dahlqvist's son, Nils"): the person meant is the one named after, not the owner.
_KIN_NAMED_AFTER = re.compile(r"['’]s\s+[a-z][\w-]*,?\s+([A-Z][\w’'-]*)")


def owner_only(text: str, start: int, end: int, asked: Asked) -> bool:
    """Whether the name ``text[start:end]`` is written as the owner of what the sentence
    is about ("Richard's fleet arrived", "Merridew's wife Harriet cut the sod"): the one
    who did it is that, not the name; unless what follows is the person the question
    names ("Edgar's sister Margaret" answers "Who was Margaret's brother?")."""
    if not _OWNER_AFTER.match(text, end):
        return False
    kin = _KIN_NAMED_AFTER.match(text, end)
    # "Corvell's midfielder Anton Bree was replaced by ...": Corvell is no one's kin here
    return kin is None or not asked.kin or not set(tokenize(kin.group(1))) & asked.tokens


def of_kind_asked(text: str, start: int, end: int, asked: Asked) -> bool:
    """Whether the name ``text[start:end]`` says it is of the kind asked for ("River Brenn"
    for "Which river ...?"): a name whatever the words before it ("fed from the River
    Brenn"), and one the sentence itself gives that kind."""
    return (
        bool(asked.noun)
        and not asked.person
        and bool(asked.noun.intersection(tokenize(text[start:end])))
    )


#: A passive's verb and "by", maybe with a determiner and a word in lower case, before a
#: name ("published by CITIC Press", "replaced by the young Edda Moor", "succeeded by his
#: assistant, Hollis Dunmore").
_AGENT_BEFORE = re.compile(rf"\b([a-z]+)\s+by\s+(?:(?:{DETERMINERS})\s+)?(?:[a-z-]+,?\s+)?$")
#: How far before a name that verb and "by" are looked for, in characters: twice as far
#: as a role word (the verb, "by", an article and a word in lower case).
_AGENT_CHARS = ROLE_CHARS * 2


#: The verbs of succession (stemmed): a question asks with one what a text tells with
#: another ("Who replaced X?": "X ... was succeeded by Lund").
_SUCCEEDING = frozenset(tokenize("replaced succeeded"))


def agent_asked(text: str, start: int, asked: Asked) -> bool:
    """Whether the name at ``start`` does what the question asks who or which one does:
    after "<verb> by", the verb the question's own ("Who replaced Anton Bree?": "replaced
    by ... Sami Okoro") or its noun's ("Which publisher ...?": "published by CITIC
    Press"); not what a question about something else mentions ("In which constellation
    was it first seen?": "first seen by Ruth Cossey")."""
    agent = _AGENT_BEFORE.search(text, max(0, start - _AGENT_CHARS), start)
    if agent is None:
        return False
    doing = asked.tokens if asked.person else asked.noun
    verb = frozenset(tokenize(agent.group(1)))
    if verb & _SUCCEEDING and doing & _SUCCEEDING:
        return True  # "Who replaced the founder?": "was succeeded by Lund"
    return bool(doing.intersection(verb))


#: A name in brackets right after another ("the Brannoch Estuary Authority (BEA)").
#: How far before the bracket that name is looked for, in characters: a name of up to
#: about eight words ("the Convention on the Equitable Use of the River Basin").
_BRACKETED_CHARS = 90
_BRACKETED_AFTER = re.compile(r"((?:[A-Z][\w’'-]*\s+)*[A-Z][\w’'-]*)\s+\($")


def abbreviates_asked(text: str, start: int, end: int, asked: Asked) -> bool:
    """Whether ``text[start:end]`` is in brackets after a name the question asks about:
    its other name ("BEA"), which answers nothing the question does not say."""
    if "(" not in text[max(0, start - 2) : start]:
        return False  # no bracket right before (``$`` may stand before a final newline)
    before = _BRACKETED_AFTER.search(text, max(0, start - _BRACKETED_CHARS), start)
    return before is not None and mostly_asked(before.group(1), asked)


def _verbal(word: str) -> bool:
    """Whether ``word``, after a capitalised word, shows that word is a name, not one
    qualifying a noun: a function word ("Duncan as", "Berengaria was"), but not "and" or
    "or", which may join two qualifiers ("Norman and English forces")."""
    return word in STOPWORDS and word not in _JOINING


class ArticleNames:
    """What an article tells of its capitalised words, and so which run of them can be a
    name of the kind asked: a person, a thing, a place."""

    def __init__(self, article: str) -> None:
        #: Words the article also writes in lower case: a capital there only opens a
        #: sentence ("Soon", "May"), it does not make a name.
        self.common = frozenset(re.findall(r"(?<![\w’'-])[a-z][\w’'-]*", article))
        #: The article's names, one table for every use: the words it writes capitalised
        #: where no sentence opens (:data:`_WITHIN`) and never in lower case, lower-cased.
        #: A sentence may also open on one ("Ironhawks striker ..."), unlike a word only
        #: ever opening one ("Ordinary elections take place ..."); a question typed all in
        #: lower case names one by its words
        #: (:attr:`antqa.answering.reading.ArticleReading.name_words`).
        self.within = frozenset(w.lower() for w in _WITHIN.findall(article)) - self.common
        #: Words the article writes after an article or a possessive ("the language", "its
        #: outstation"): nouns, which a name right before qualifies ("Old Norse language").
        self.nouns = frozenset(_AFTER_DETERMINER.findall(article)) - STOPWORDS
        #: Names the article writes as places somewhere ("in England", "earl of Hereford",
        #: "from Denmark, Iceland and Norway"): after "of" such a name is a place ("King of
        #: England"), another name after "of" may be a person; "who" is never one.
        self.places = frozenset(
            match.group() for match in _NAME.finditer(article) if _written_as_place(article, match)
        ) | _listed_places(article)
        #: The names (their last two words) the article describes as a person's
        #: (:func:`_described_people`).
        self.described = _described_people(article)
        #: Names the article writes after a noun for a vessel somewhere ("the passenger
        #: liner Orinda"): a ship's wherever it is written alone ("finally surpassed Orinda
        #: as the largest ship"), no one's; unless the article also writes it as someone's
        #: surname ("the electric ferry Kemble, named after the company's co-founder", "Josiah
        #: Kemble").
        vessels = {
            match.group()
            for match in _NAME.finditer(article)
            if _VESSEL_BEFORE.search(
                article, max(0, match.start() - QUALIFIER_CHARS), match.start()
            )
        }
        named = {tuple(tokenize(vessel)) for vessel in vessels}  # "Calder Queen" itself
        surnames = {pair[1] for pair in two_word_names(article) if pair not in named}
        self.vessels = frozenset(
            vessel for vessel in vessels if surnames.isdisjoint(tokenize(vessel.split()[-1]))
        )
        #: The stems of the occupations the article writes of someone (:func:`role_spans`:
        #: "the headmaster Henry Dunmore", "Ida Voss, a schoolteacher"; and the word in lower
        #: case right before a name of two words, :data:`_DESCRIBED_BEFORE`: "her assistant,
        #: Henrik Vasstrand"): nouns for a person in this article, whatever a list holds.
        self.roles = frozenset(
            tokenize(" ".join(article[start:end] for start, end in role_spans(article)))
        ) | frozenset(tokenize(" ".join(m.group(1) for m in _DESCRIBED_BEFORE.finditer(article))))

    def is_name(self, kind: Target, text: str, start: int, end: int, person: bool) -> bool:
        """Whether the capitalised run ``text[start:end]`` can be a name of ``kind``.

        Not a word the article also writes in lower case, not a single word that qualifies
        the next one ("Turkish forces", "Norman mercenary"), not a month ("Which country's
        mediation ...?" is not answered by "October" of "in October 1958", which reads as a
        place after "in"), and for a person not a place
        ("of England", "in Syria", and for "who" any name the article writes as a place,
        "Who ruled ...?" is not answered by "France"), nor a day
        ("Grey Thursday") or one word after "the" (:meth:`_thing_after_the`).
        """
        if _ABBREVIATED_TITLE.fullmatch(text, start, end):
            return False  # "Dr" of "Dr. Rafael Imbert": a title, whose name comes after
        words = text[start:end].split()
        capitals = [w for w in words if w[:1].isupper()]
        if all(w.lower() in self.common for w in capitals) or not tokenize(text[start:end]):
            return False  # "Soon", "The", but not "Duke Richard" (a title before a name)
        following = _FOLLOWING.match(text, end)
        if len(words) == 1 and following and (start == 0 or not _verbal(following.group(1))):
            return False  # "Norman mercenary"; but "Duncan as a hostage" names him
        if words[-1] in MONTH_NAMES:
            return False  # "By 1 June", "in October 1958": a date, whatever a name asks for
        if kind is Target.PLACE:
            return True
        if following and following.group(1) in self.nouns:
            return False  # "the Old Norse language", "the Carrow Moor outstation": which one
        if person and self.is_place(text[start:end]):
            return False  # "Who ruled ...?" is not answered by "France"
        if person and _DURING_BEFORE.search(text, max(0, start - QUALIFIER_CHARS), start):
            return False  # "During the Second World War": a time, not a person
        if person and _ON_BEFORE.search(text, max(0, start - QUALIFIER_CHARS), start):
            return False  # "stands on Gull Point": where, not who
        if person and _VESSEL_BEFORE.search(text, max(0, start - QUALIFIER_CHARS), start):
            return False  # "the relief ship Fulmar": a vessel, not who
        if person and _WEEKDAY_ENDING.search(text[start:end]):
            return False  # "Grey Thursday", "Easter Monday": a day, not who
        if person and self._thing_after_the(text, start, words):
            return False  # "the Republic of Tarvenia": a thing; "the Duke of ..." is one
        before = text[max(0, start - QUALIFIER_CHARS) : start]
        if not _PREPOSITION_BEFORE.search(before):
            return True
        return not _PLACE_PREPOSITION_BEFORE.search(before) and not self.is_place(text[start:end])

    @staticmethod
    def _thing_after_the(text: str, start: int, words: list[str]) -> bool:
        """Whether the name of ``words`` at ``start`` is one word right after "the" and no
        title (:data:`_THE_BEFORE`): "the Republic", "the Admiralty", "the Council" name a
        thing or a body, where "who" asks for someone ("the Duke" is one). A name of two
        words or more after "the" is left as it was: "the Royal Society" answers "to whom
        did he write?" as it is asked."""
        return (
            len(words) == 1
            and words[0].lower().rstrip(".") not in TITLES
            and _THE_BEFORE.search(text, max(0, start - QUALIFIER_CHARS), start) is not None
        )

    def place_after_of(self, text: str, start: int, end: int) -> bool:
        """Whether the name ``text[start:end]``, if after "of", is a place: one the article
        writes as a place, or after a word for a place ("the port city of Maresh"); "of"
        also names who owns or makes up a thing ("the competition of the Federation")."""
        if not _OF_BEFORE.search(text, max(0, start - _PLACE_CUE_CHARS), start):
            return True
        return self.is_place(text[start:end]) or bool(
            _PLACE_NOUN_OF.search(text, max(0, start - _PLACE_CUE_CHARS), start)
        )

    def is_place(self, run: str) -> bool:
        """Whether a capitalised run is a place the article writes, or places joined by
        "and" ("Iceland and Norway" of "from Denmark, Iceland and Norway"), or a place by
        its compass word ("North America", "West Francia") or its landform word ("Mount
        Teleku", "the Whitlow River")."""
        return (
            run in self.places
            or all(p in self.places for p in re.split(r"\s+and\s+", run))
            or bool(_COMPASS_NAME.match(run) or _LANDFORM_NAME.match(run))
        )

    def without_place(self, text: str, start: int, end: int) -> int:
        """Where a person's name ends before an "of" and a place ("King Charles III of
        West Francia" -> "King Charles III"): the place says where they ruled."""
        tail = _OF_PLACE.search(text, start, end)
        if tail is None or tail.start() <= start:
            return end
        if _TITLE_ALONE.fullmatch(text, start, tail.start()):
            return end  # "the Prince of Wales": the title is all the name there is
        if self.is_place(tail.group(1)) or _TITLE.match(text, start):
            return tail.start()  # "King Charles III of West Francia": what he ruled
        return end  # "Robert of Jumièges": how he is called
