"""The checks that a question adds a detail to an event the article tells without it: a
figure, a refusal or a dismissal, a total, a rate, a year, a date, a month or a time of
day, the names of what it counts, a count of what it measures otherwise."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from antqa.lexical import STOPWORDS, UNSTOPPED_PREPOSITIONS, resembles, tokenize
from antqa.questions import CURRENCIES, MONTH_NAMES, NUMBER_WORDS, TIME_UNITS
from antqa.refusals.days import DAY_OF_MONTH
from antqa.refusals.times import YEAR
from antqa.short_answers.dates import YEAR_ALONE

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
#: Verbs of lasting ("Until what year did the Northern Sarun last?"): an article tells them
#: by the span ("a rump state ... until 1468"), seldom by the verb, and "last" is also
#: the ordinal of any text ("the last ruler"), so they single out no event (an answerable
#: of the thirteenth batch was refused: "where it tells of this, it never gives a date").
LASTING_WORDS = frozenset(tokenize("last lasted endure endured persist persisted exist existed"))
#: Verbs of stepping into a role ("When did Jing Xiandong become CEO?"): an article tells
#: the step by the role ("... succeeded him ... as the company's new CEO"), seldom by the
#: verb, whose forms the stemmer parts ("become", "became"), so they single out no event
#: (the question was refused: "where it tells of this, it never gives a date or time").
TAKING_ROLE_WORDS = frozenset(tokenize("become became becoming becomes"))
#: What :func:`event_word` never takes for the event: a kind word or a word of no event.
_NO_EVENT = KIND_FRAME_WORDS | _NO_EVENT_WORDS | LASTING_WORDS | TAKING_ROLE_WORDS
#: How many of the question's words (its event word among them) a sentence must hold to
#: tell of the event it asks about: two. With one, any sentence using a word of the
#: question in passing ("similar schemes in Calcutta" for "How much did the filtering
#: scheme cost?") made the article seem to tell the event without the figure.
EVENT_WORDS = 2
#: A figure of any kind: digits, or a number as English writes it.
_FIGURE = re.compile(rf"\d|\b(?:{NUMBER_WORDS}|one|a dozen)\b", re.I)


#: A phrase that pins the question's event to the time of another event ("on the
#: Zhaocaibao default", "during the review", "after the merger"): a preposition of time,
#: a determiner, and the words up to the next preposition, conjunction or stop (group 1).
#: Not a place's "in" or "at" ("When was the hall built at the college?" asks of the
#: hall), nor "of" (the thing itself: "the cost of the bridge"), nor "to" (an infinitive
#: or a goal).
_PINNING_PHRASE = re.compile(
    r"\b(?:on|after|before|during|following|since|until|amid|over)\s+"
    r"(?:the|a|an|its|his|her|their|this|that|these|those)\s+"
    r"([^,;?]*?)(?=\s+(?:on|in|at|after|before|during|to|of|and|or|for|by|with)\b|[,;?]|$)",
    re.IGNORECASE,
)


def pinning_words(question: str) -> frozenset[str]:
    """The (stemmed) words of the question's phrases that pin its event to another one
    (:data:`_PINNING_PHRASE`): "when did Zheshang Insurance step in on the Zhaocaibao
    default?" asks when it stepped in, not when the default was. Read for a time asked
    only: a count or a sum is one of the time pinned ("How many rats lived on the island
    before the eradication?" wants a count told of that time, a refusal when none is)."""
    return frozenset(
        token for match in _PINNING_PHRASE.finditer(question) for token in tokenize(match[1])
    )


def event_word(
    tokens: Sequence[str],
    names: Collection[str],
    rarity: dict[str, float],
    pinned: Collection[str] = (),
) -> str | None:
    """The question's word that singles out the event it asks about: of its ``tokens``
    (stemmed) that are no name, no word asking for a kind of answer
    (:data:`KIND_FRAME_WORDS`) and no word that tells no event (:data:`_NO_EVENT_WORDS`),
    the rarest one the article writes (``rarity``: each such
    token's IDF, only for tokens the article holds); ``None`` when it writes none.

    "How many employees cried during the review?": "cried" is the event, the employees
    and the review are what the article often speaks of. A word of a phrase pinning the
    event to another (``pinned``, :func:`pinning_words`) only when the question has no
    other: when the article writes none of the others, the event is told in other words
    and none is read."""
    candidates = [t for t in tokens if t not in names and t not in _NO_EVENT]
    own = [t for t in candidates if t not in pinned] or candidates
    return max((t for t in own if t in rarity), key=rarity.__getitem__, default=None)


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
#: event: "would not" or "voted against" for a refusal, "stepped down" for a dismissal). A
#: refusal: "Why did the bank refuse to honour it?" (the noun "decline", a fall, is none:
#: "decline" counts only before "to"). A dismissal: "Which executive was fired?" ("fired"
#: furnaces and pans are told by "fired" too, so they are kept).
_UNTOLD_EVENTS = (
    (
        re.compile(
            r"\b(?:refus(?:e|es|ed|ing|al)|reject(?:s|ed|ing|ion)?|den(?:y|ies|ied|ial)|"
            r"declin(?:e|es|ed|ing)\s+to|turn(?:s|ed)?\s+down|veto(?:es|ed)?)\b",
            re.IGNORECASE,
        ),
        re.compile(
            r"\b(?:refus|reject|den(?:y|ies|ied|ial)|declin|turn(?:s|ed)?\s+(?:it\s+|them\s+)?"
            r"down|veto|rebuff|spurn|would\s+not|wouldn[’']t|will\s+not|won[’']t|"
            r"vot(?:e|es|ed|ing)\s+against)",
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
    found = _asked_untold(question, texts, _UNTOLD_EVENTS)
    return None if found is None else found[1].group(0).split()[0]


def _asked_untold(
    question: str, texts: Sequence[str], table: Sequence[tuple[re.Pattern[str], re.Pattern[str]]]
) -> tuple[int, re.Match[str]] | None:
    """The first row of ``table`` (what a question asks in, what a text tells it in) whose
    first pattern the question matches while none of ``texts`` matches its second, with
    the question's match; else ``None``."""
    for row, (asked_in, told_in) in enumerate(table):
        asked = asked_in.search(question)
        if asked is not None and not any(told_in.search(text) for text in texts):
            return row, asked
    return None


#: What a question asks for when it asks a time finer than "when" (:data:`_TIME_ASKED`,
#: row by row).
_TIMES_ASKED = ("year", "date", "month", "time of day")
#: A month as a text writes it: by name (capitalised: "may" is no month), or by a season
#: or a feast, which tell the time of year as well ("in the spring", "at Easter").
_MONTH_WRITTEN = re.compile(
    rf"\b(?:{'|'.join(MONTH_NAMES)}|Sept?|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Oct|Nov|Dec)\.)"
    r"|\b(?i:spring|summer|autumn|winter|mid(?:summer|winter)|Christmas|Easter|Michaelmas)\b"
)
#: A time of day as a text writes it: by the clock ("at 2:15 p.m.", "04:40", "at 5 AM",
#: "nine o'clock", "half past three", "0900 hours") or by a part of the day ("shortly
#: before dawn", "that night", "at noon").
_TIME_OF_DAY_WRITTEN = re.compile(
    r"\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s*(?i:[ap]\.?m)\b|o[’']clock|\b\d{4}\s+hours\b|"
    r"\b(?i:(?:half|quarter)\s+(?:past|to)|noon|midday|midnight|morning|afternoon|evening|"
    r"night|overnight|nightfall|dawn|dusk|daybreak|sunrise|sunset|twilight)\b"
)
#: For each of :data:`_TIMES_ASKED`, how a question asks it and what an answer to it must
#: write: a year is written with three or four digits ("in 911", "1341"); a date ("On what
#: date ...?", "what exact day ...?") with a day of a month, a weekday or a feast ("on 14
#: May", "December 27", "every Friday", "at Michaelmas"), or as a day ("the day after").
#: Not a month alone: "In November 2016, a 'circle incident' occurred" does not tell the
#: day it began (on every readable set, each date question answered with its evidence
#: quoted a day). Not any time: "When ...?" is answered by a season or a reign too.
#: A month ("In what month did Emil Strand die?" of "Emil Strand in 1958") with its name
#: or a season (:data:`_MONTH_WRITTEN`); "what time of year" is left out, which a text may
#: answer in other words ("during the monsoon"). A time of day ("At what time did the
#: Osprey reach the wreck?" of "reached the wreck two hours later"; "What time did the
#: eruption start?") by the clock or a part of the day (:data:`_TIME_OF_DAY_WRITTEN`);
#: "at what time" is read as asking the clock unless what follows asks a longer time ("of
#: year", "of his life", "period", "in history", "during the war"; "of day" does not).
_TIME_ASKED = (
    (
        re.compile(r"\b(?:what|which)\s+year\b|\byear\s+(?:did|was|were)\b", re.I),
        re.compile(r"(?<![\d,.])\b\d{3,4}\b"),
    ),
    (
        re.compile(r"\b(?:what|which)\s+(?:exact\s+|precise\s+)?(?:date|day)\b", re.I),
        re.compile(
            rf"{DAY_OF_MONTH.pattern}|"
            r"\b(?i:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days?|Christmas|Easter|Michaelmas|day)\b"
        ),
    ),
    (
        re.compile(r"\b(?:what|which)\s+month\b|\bmonth\s+(?:did|was|were)\b", re.I),
        _MONTH_WRITTEN,
    ),
    (
        re.compile(
            r"\b(?:what|which)\s+(?:time\s+of\s+(?:the\s+)?day|hour)\b|"
            r"\bat\s+(?:\w+\s+)?what\s+time\b"
            r"(?!\s+(?:of\s+(?!(?:the\s+)?(?:day|night)\b)|period|frame|span|in|during)\b)|"
            r"^\W*what\s+time\s+(?:did|does|do|was|is|were|will|had|has)\b",
            re.I,
        ),
        _TIME_OF_DAY_WRITTEN,
    ),
)


def time_untold(question: str, texts: Sequence[str]) -> str | None:
    """ "year", "date", "month" or "time of day" when the question asks for one and
    ``texts`` (what the answer would quote) write none (:data:`_TIME_ASKED`); else
    ``None``. "In what year did Margery Lisle become rector?" of "In the fourteenth
    century the theologian Margery Lisle ... composed commentaries"; "From what date did
    interest run?" of "a three-year period running from the date of knowledge"; "In what
    month did Emil Strand die?" of "Emil Strand in 1958". The passages may date something
    else (their kind check reads them); the answer would tell the event, not the time
    asked, or not as finely as asked."""
    found = _asked_untold(question, texts, _TIME_ASKED)
    return None if found is None else _TIMES_ASKED[found[0]]


#: A question asking for a whole ("How many employees did it have in total?").
_ASKED_TOTAL = re.compile(r"\b(?:in total|in all|altogether|total number|overall)\b", re.I)
#: A figure written after "by" ("witnessed by more than 7,000 employees", "rose by 300"):
#: it counts those who took part in one event, or a change, never a whole.
_BY_FIGURE = re.compile(
    rf"\bby\s+(?:(?:more|fewer|less)\s+than\s+|about\s+|around\s+|some\s+|nearly\s+|"
    rf"almost\s+|over\s+|up\s+to\s+)?(?:\d[\d,.]*|(?:{NUMBER_WORDS})\b)",
    re.IGNORECASE,
)
#: A figure that may count something: digits (a year taken out first, :data:`YEAR`), or
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
        plain = YEAR.sub(" ", text)
        told = len(_BY_FIGURE.findall(plain))
        if _figures(plain) > told:
            return False
        by_figures += told
    return by_figures > 0


#: The units of time a question may ask a rate in ("each year", "a day", "weekly"), each
#: with the adjective or adverb English makes of it.
_RATE_UNITS = {"day": "daily", "week": "weekly", "month": "monthly", "year": "yearly|annual",
               "hour": "hourly"}  # fmt: skip
#: A question asking a quantity by a unit of time ("How many visitors does the museum
#: receive each year?", "How much did it pay annually?"): the unit (group 1 or 2).
_ASKED_RATE = re.compile(
    r"^\W*how\s+(?:many|much)\b[^?]*?(?:\b(?:per|a|an|each|every)\s+(day|week|month|year|hour)"
    r"\b|\b(daily|weekly|monthly|yearly|annual|hourly)(?:ly)?\b)",
    re.IGNORECASE,
)


#: How many of the question's words a sentence of the passages must hold, with a rate by
#: the unit asked, to tell the rate asked (:func:`rate_untold`): one. Judged on the quoted
#: sentences alone, the check refused 8 unanswerables and 2 answerables on the
#: SQuAD-format sets, both answered wrongly from a sum given once while another paragraph
#: of the passages told the yearly one ("an annual subsidy of 8,000 scudi" of the treaty
#: asked about); with one word, 4 unanswerables and no answerable (with two, the first
#: answerable again: its sentence holds "treaty" alone).
RATE_TOPIC_WORDS = 1


def _rate_written(unit: str) -> re.Pattern[str]:
    """What writes a rate by ``unit`` (:data:`_RATE_UNITS`): "a year", "per annum", "every
    two years", "yearly", "annually", "an annual grant", "km/h"."""
    adjective = _RATE_UNITS[unit]
    by = "|per\\s+annum" if unit == "year" else ""
    return re.compile(
        rf"\b(?:per|a|an|each|every)\s+(?:\w+\s+)?{unit}s?\b|\b(?:{adjective})(?:ly)?\b"
        rf"|/\s?{unit[0]}\b|/{unit}\b{by}",
        re.IGNORECASE,
    )


def rate_asked(question: str) -> str | None:
    """The unit of time a question asks a quantity by (:data:`_ASKED_RATE`, as a key of
    :data:`_RATE_UNITS`: "year" for "each year" or "annually"), else ``None``: checked
    before :func:`rate_untold`'s passages are read, which most questions never need."""
    asked = _ASKED_RATE.search(question)
    if asked is None:
        return None
    unit = (asked[1] or asked[2]).lower()
    return next(u for u, adjective in _RATE_UNITS.items() if unit in (u, *adjective.split("|")))


def rate_untold(
    question: str,
    texts: Sequence[str],
    topic: Collection[str] = (),
    near: Sequence[tuple[str, frozenset[str]]] = (),
) -> str | None:
    """The unit of time a question asks a quantity by ("each year" in "How many visitors
    does the museum receive each year?") when none of ``texts`` (what the answer would
    quote) writes a rate by it; else ``None``. A count or a sum given once ("The museum
    holds about 8,000 pieces") or over a span ("60,000 florins over ten years" is no
    yearly sum) answers another question.

    Not when another sentence near (``near``: the sentences of the passages the answer
    would come from, each as its text and its stemmed words) writes such a rate with
    :data:`RATE_TOPIC_WORDS` of the question's ``topic`` words: the rate is told where
    the answer does not look ("How much did Carvenna receive each year under the
    treaty?" of "an annual subsidy of 8,000 scudi" in the treaty's paragraph)."""
    unit = rate_asked(question)
    if unit is None:
        return None
    written = _rate_written(unit)
    if any(written.search(text) for text in texts):
        return None
    for text, words in near:
        held = sum(resembles(t, words) for t in topic)
        if held >= RATE_TOPIC_WORDS and written.search(text):
            return None
    return unit


#: Words that give a figure as much as a number does: fractions ("a quarter",
#: "two-thirds"), and what answers a count without a number word of
#: :data:`~antqa.questions.NUMBER_WORDS` ("one", "none", "both", "all 22", "a single").
_FIGURE_WORDS = frozenset(
    re.findall(r"\w+", "half halves third thirds quarter quarters one none both all single")
)


def _figure_set(text: str) -> set[str]:
    """The figures ``text`` writes, years aside (a quantity asked is no year, and "In 1931
    the board convened 22 teachers" gives no other), each as written (digits without
    their commas, number and fraction words in lower case): what
    :func:`figures_only_asked` compares."""
    text = YEAR.sub(" ", text)
    figures = {digits.replace(",", "") for digits in _DIGITS.findall(text)}
    words = re.findall(r"[a-z]+", text.lower())
    return figures | {w for w in words if w in _NUMBER_WORD_SET or w in _FIGURE_WORDS}


def figures_only_asked(question: str, texts: Sequence[str]) -> str | None:
    """The question's own figure, when ``texts`` (what the answer would quote) give no
    other: "How many of the 22 management team members resigned?" of "she convened 22
    members of the company's management team". The number the question already states
    answers nothing, so the article tells the event without the figure asked; else
    ``None`` (also for a question stating no figure)."""
    asked = _figure_set(question)
    if not asked:
        return None
    told = set().union(*(_figure_set(text) for text in texts))
    return None if told - asked else sorted(asked)[0]


#: A question asking for things of a kind by their names ("Which malaria studies had she
#: overseen before?", "Which other strengths were withdrawn ...?"): its noun, the word
#: right before its verb (group 1).
_WHICH_NOUN = re.compile(
    r"^\W*(?:(?:and|so)\s+)?which\s+(?:[\w-]+\s+){0,3}?([a-z]+)\s+"
    r"(?:did|was|were|had|has|have|is|are|do|does|would|could|will)\b",
    re.IGNORECASE,
)
#: How many words may stand between a count and what it counts: three, room for a thing
#: named in several words ("two malaria vaccine studies", "two other strengths").
_COUNT_REACH = 3
#: Where a clause ends: a name set off in the clause after a count names what it counts
#: ("two colleges, Annaby and Trinity, were merged").
_CLAUSE_STOP = re.compile(r"[,;:()]|\s[–—]\s")
#: A capitalised word after another word and a space: a name, not a sentence's first word.
_NAME_INSIDE = re.compile(r"(?<=\w\s)[A-Z][\w'’-]*")
#: Any capitalised word (in a clause beside a count, its first word too).
_CAPITALISED_WORD = re.compile(r"\b[A-Z][\w'’-]*")
#: A word, as the noun asked is looked for among a sentence's.
_WORD = re.compile(r"[A-Za-z]+")


def _names_other(pattern: re.Pattern[str], text: str, asked: set[str]) -> bool:
    """Whether ``text`` writes a capitalised word (as ``pattern`` finds them) the question
    does not."""
    return any(not set(tokenize(m.group())) <= asked for m in pattern.finditer(text))


def only_counted(question: str, texts: Sequence[str]) -> str | None:
    """The noun of a "which" question ("Which malaria studies had she overseen before?"),
    when ``texts`` (the sentences that would answer) only count what it asks to be named
    ("who had previously overseen two malaria vaccine studies"): wherever they write the
    noun, a number stands just before it and no name in its clause or the next ("two
    colleges, Annaby and Trinity" names them), and a sentence not writing it names nothing
    the question does not (it may name them without the noun: "values ranged from 5.1 in
    Nordvaal to 63.5 in Qasimar" after "fourteen countries"). A count tells how many, not
    which. ``None`` when they may name them or never write the noun."""
    which = _WHICH_NOUN.match(question)
    if which is None:
        return None
    noun = tokenize(which.group(1))
    asked = set(tokenize(question))
    counted = False
    for text in texts:
        writing = [w for w in _WORD.finditer(text) if tokenize(w.group()) == noun]
        if not writing:
            if _names_other(_NAME_INSIDE, text, asked):
                return None
            continue
        cuts = [0, *(stop.end() for stop in _CLAUSE_STOP.finditer(text)), len(text)]
        for word in writing:
            before = re.findall(r"[\w-]+", text[: word.start()])[-(_COUNT_REACH + 1) :]
            if not any(b.isdigit() or b.lower() in _NUMBER_WORD_SET for b in before):
                return None
            clause = max(i for i, cut in enumerate(cuts) if cut <= word.start())
            around = text[cuts[clause] : cuts[min(clause + 2, len(cuts) - 1)]]
            if _names_other(_CAPITALISED_WORD, around, asked):
                return None
        counted = True
    return which.group(1) if counted else None


#: "How many days ...?", "how many people ...?": the thing a count asks for, as written;
#: not a word joined on by a hyphen ("how many second-class passengers").
_HOW_MANY = re.compile(r"\bhow\s+many\s+([a-z]+)\b(?!-)", re.I)
#: A unit of time, whole: what "how many days" counts, and what a figure of it is given in.
_TIME_UNIT = re.compile(rf"\b(?:{TIME_UNITS})\b", re.I)
#: A unit of time right after a figure, maybe past one word ("23 days", "two long weeks",
#: "a 12-month").
_TIME_AFTER = re.compile(rf"[\s-]+(?:\w+\s+)?(?:{TIME_UNITS})\b", re.I)
#: A currency right after a figure ("46 million crowns", "19 million euros"), or its sign
#: before it ("£300").
_CURRENCY_AFTER = re.compile(rf"\s+(?:(?:million|billion|trillion)\s+)?(?:{CURRENCIES})\b", re.I)
_CURRENCY_SIGN = re.compile(r"[$¥€£]\s?$")
#: A sum of money inside a figure ("£1.3 million", "41 million crowns").
_CURRENCY_IN = re.compile(rf"[$¥€£]|\b(?:{CURRENCIES})\b", re.I)
#: A currency, whole: a count of it ("how many pounds") is a sum.
_CURRENCY = re.compile(CURRENCIES, re.I)


#: A figure in digits alone, that may be a year or count anything ("212", "1,200").
_DIGITS_ALONE = re.compile(r"[\d,]+")
#: What a figure counts, right after it: a plural noun ("212 birds", "400 entrants") or a
#: sum's word ("870 million marks").
_COUNTED_AFTER = re.compile(
    rf"\s+(?:(?:million|billion|trillion)\b|(?:{CURRENCIES})\b|(?P<noun>[a-z]*[a-rt-z]s)\b)"
)
#: Right before a figure, what makes it a year ("in 991 raiders sacked the abbey").
_YEAR_BEFORE = re.compile(r"\b(?:in|by|since|until|from|of|to)\s+$", re.I)


def counts_for_time(text: str, start: int, end: int) -> bool:
    """Whether the figure ``text[start:end]``, given for a time asked, counts something:
    digits alone that are no year as written (:data:`~antqa.short_answers.dates.YEAR_ALONE`:
    "Since 2008 dispensers") nor after a word dating by them ("in", "since"), followed by
    the plural noun it counts or a sum's word. "In what year did Margit Solberg die?" is
    not answered by "212" (of "ringed the first 212 birds ... in 1952"), nor "When was the
    Kallfjäll site accredited?" by "700" (kilometres north of the capital), nor "In what
    year was it reopened?" by "940" (million kroner): the article gives a figure near the
    question's words, no time."""
    figure = text[start:end]
    if not _DIGITS_ALONE.fullmatch(figure) or YEAR_ALONE.fullmatch(figure):
        return False
    if _YEAR_BEFORE.search(text, 0, start):
        return False
    counted = _COUNTED_AFTER.match(text, end)
    return counted is not None and (counted.group("noun") or "").lower() not in STOPWORDS


def figure_of_other_kind(question: str, text: str, start: int, end: int) -> str | None:
    """What a "how many" question counts, when the figure ``text[start:end]`` (the short
    answer the sentences that would answer give) is of another kind; else ``None``.

    A count of a unit of time is a length of time: "How many days did the strategy
    meetings last?" is not answered by "hundreds" (of people), nor "Within how many days
    must the Council act?" by "seven" (experts). A count of anything else is no sum of
    money: "How many spectators can the Grain Exchange seat?" is not answered by "19
    million" (euros), the hall's cost. Either way the article gives a figure, not the one
    asked. A count of a currency ("how many pounds") is left alone."""
    asked = _HOW_MANY.search(question)
    if asked is None:
        return None
    counted = asked.group(1).lower()
    figure = text[start:end]
    if _TIME_UNIT.fullmatch(counted):
        if _TIME_UNIT.search(figure) or _TIME_AFTER.match(text, end):
            return None
        return counted
    if _CURRENCY.fullmatch(counted):
        return None
    if (
        _CURRENCY_AFTER.match(text, end)
        or _CURRENCY_SIGN.search(text, 0, start)
        or _CURRENCY_IN.search(figure)
    ):
        return counted
    return None


#: A count asked of a part of a set the question names ("How many of the commission's
#: recommendations were rejected?", "How many of CVA's pilots were sacked?"): what follows
#: "of" (group 1), not a pronoun ("how many of them"), which names no set to look for.
_PART_ASKED = re.compile(
    r"^\W*(?:(?:and|so)\s+)?how\s+many\s+of\s+(?!them\b|those\b|these\b|us\b|you\b)(.+)$",
    re.IGNORECASE,
)
#: A figure (digits or a number word, with "one"), as a part is counted by one.
_PART_FIGURE = rf"(?:\d[\d,.]*|(?:one|{NUMBER_WORDS})\b)"
#: How many words may stand between "of whom"/"of which" and the figure of the part: two,
#: room for a hedge ("of whom roughly two thirds", "of which only about 40").
_PART_HEDGE_WORDS = 2
#: Words that make the figure after them a part of a set told before or around it ("the
#: remaining 34 miners were never recovered", "another 40 came from the coast").
_PART_WORDS = ("remaining", "other", "surviving", "another", "further")
#: How a sentence counts a part of a set: a figure of it ("eleven of them", "11 of the 23
#: blast furnaces"), after "of whom" or "of which" ("of whom 212 were arrested"), a
#: figure standing for things named before it ("8 were closed and 4 were kept"), or one
#: after a word of :data:`_PART_WORDS` ("the remaining 34 miners": a twenty-eighth batch
#: answerable, "How many of the miners' bodies were never recovered?", was refused
#: without it).
_PART_TOLD = re.compile(
    rf"\b{_PART_FIGURE}\s+(?:of|were|was|had|have|did)\b"
    rf"|\bof\s+(?:whom|which)\s+(?:\w+\s+){{0,{_PART_HEDGE_WORDS}}}?{_PART_FIGURE}"
    rf"|\b(?:{'|'.join(_PART_WORDS)})\s+{_PART_FIGURE}",
    re.IGNORECASE,
)
#: A noun counted by a figure comes right after it, past one space ("38 recommendations");
#: anything further ("14, while", "two-thirds of") is no noun the figure counts.
_COUNTED_AT = 1


def asks_part(question: str) -> bool:
    """Whether ``question`` asks how many of a set it names did something ("How many of
    the commission's recommendations were rejected?"): a regex, before any short answer is
    looked for (:func:`part_untold`)."""
    return _PART_ASKED.match(question) is not None


def part_untold(question: str, after_figure: str, texts: Sequence[str]) -> str | None:
    """The set a "how many of" question asks a part of ("How many of the commission's
    recommendations were rejected?"), when the figure the answer would give counts that
    whole set (``after_figure``: the text right after the short answer writes a word of
    the question's: "38 recommendations", "Around 2,300 labourers") and none of ``texts``
    (the sentences the answer would quote) counts a part of anything (:data:`_PART_TOLD`):
    the article tells how many there were, not how many of them did what is asked.
    ``None`` otherwise, and for a question naming no set ("how many of them"). Over every
    readable set (run s26-base -> h45u-r1): 8 unanswerables refused (7 first questions of
    the squad-own sets, 4 of them from the unseen runs' residue, and 1 follow-up asked
    whole), no answerable moved; every answerable "how many of" question of the sets
    either counts its part ("19 of the service's stations", "of which 154 were built",
    "8 were closed and 4 were kept") or gives a figure of another noun ("2,000 soldiers"
    for "the reinforcements")."""
    asked = _PART_ASKED.match(question)
    if asked is None:
        return None
    counted = _WORD.search(after_figure)
    if counted is None or counted.start() > _COUNTED_AT:
        return None  # the figure ends a clause or a phrase: no noun after it
    noun = tokenize(counted.group())
    if not noun or noun[0] not in tokenize(asked.group(1)):
        return None
    if any(_PART_TOLD.search(text) for text in texts):
        return None
    return counted.group()
