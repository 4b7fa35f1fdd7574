"""The kind of short answer a question asks for (:class:`Target`), if it says plainly
("who", "when", "how many", "which country"), and whether the person it asks
for is told before the sentence (:func:`told_before`)."""

from __future__ import annotations

import re
from enum import Enum
from functools import lru_cache

from antqa.lexical import STOPWORDS, tokenize
from antqa.questions import ASKS_WHY, AnswerKind, Question, analyse
from antqa.short_answers.asked import (
    HEADCOUNT_ASKED,
    IN_ADVANCE,
    NAMED_NOUNS,
    PLACE_NOUNS,
    WHAT_DID,
    WHAT_MEASURE,
    WHAT_OPEN,
    WHICH_NOUN,
    WHO,
    measure_asked,
    names_a_person,
)
from antqa.short_answers.called import ASKS_CALLED
from antqa.short_answers.forms import ALL_NUMBER_WORDS, ARTICLES


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
    FREQUENCY = "frequency"  # how often: "every two years", "twice a year"
    CALLED = "called"  # what was it called: the name after "called", "known as"


#: "What was the name of the count of Apulia?": a name, whatever it names.
_NAME_OF = re.compile(r"^\W*what\s+(?:is|was|are|were)\s+(?:the\s+)?names?\s+of\b", re.I)
#: "Over what period was it paid?", "For what span of time ...?": a length of time.
_OVER_WHAT_TIME = re.compile(
    r"^\W*(?:over|for|during)\s+what\s+(?:period|span|length)(?:\s+of\s+time)?\b|"
    rf"^\W*how\s+far\s+{IN_ADVANCE}",
    re.I,
)
#: The verbs that help another: after "who" or "which NOUN" one asks of the object ("who
#: did Edward make earl?"), not of who did it.
_HELPING = "did|does|do|was|were|is|are|has|have|had|will|would|can|could|should|might|must|may"
#: "Who made Ralph earl?": who did it, the subject of a verb (not "who did Edward make").
_SUBJECT_WHO = re.compile(rf"^\W*who\s+(?!(?:{_HELPING})\b)[a-z]+", re.I)
#: "Which engineer introduced ...?": a noun asked, then its verb (not an auxiliary: "which
#: engineer did they hire" asks for the object), as the subject of "who" (:data:`_SUBJECT_WHO`).
_SUBJECT_WHICH = re.compile(
    r"^\W*which\s+([a-z]+)\s+(?:(?:first|later|then|also|once|finally)\s+)?"
    rf"(?!(?:{_HELPING})\b)[a-z]+\b",
    re.I,
)


def _subject_which_person(text: str) -> bool:
    """Whether ``text`` asks "which NOUN did it?" of a noun naming a person (:data:`_SUBJECT_WHICH`,
    :func:`~antqa.short_answers.asked.names_a_person`): "which engineer first brought"."""
    match = _SUBJECT_WHICH.search(text)
    return match is not None and names_a_person(match.group(1).lower())


#: A sentence whose subject is a person it does not name: who did it is told before it.
_PRONOUN_SUBJECT = re.compile(r"^\W*(?:He|She|They)\b")
#: "Cenric was the son of whom?": the one someone or something is of, its owner.
_OF_WHOM = re.compile(r"\bof\s+whom\W*$", re.I)
#: A sentence opening with whose it is, a person it does not name ("His claim passed ...").
_OWNER_OPENING = re.compile(r"^\W*(?:His|Her|Their)\b")
#: A passive with its agent ("He was succeeded by his son William"): the one who did it
#: is named after "by", in this sentence.
_PASSIVE_BY = re.compile(r"\b(?:was|were|is|are|had been|has been)\s+(?:\w+\s+)?\w+ed\s+by\b")
#: "Which purchase brought ...?", "In which body ...?": one thing picked out among others
#: of its kind, which a text names; not "which two", nor a plural ("which subjects",
#: "which values"), often things a text describes in lower case ("law and medicine"),
#: nor an owner ("which platform's products": what the question is about is the products).
_WHICH_THING = re.compile(
    rf"^\W*(?:\w+\s+){{0,3}}?which\s+(?!(?:{ALL_NUMBER_WORDS})\b)([a-z]*(?:[^\Ws]|ss|us|is))\b(?!['’])",
    re.I,
)
_WHAT_IS_THE = re.compile(
    rf"^\W*(?:what|which)\s+(?:is|was|are|were)\s+(?:{ARTICLES})\s+"
    r"(?:(?!(?:of|in|on|at|for|to|by|from|with|and)\b)[\w'’-]+\s+){0,3}?([a-z]+)\s*\?*\s*$",
    re.I,
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
#: share less of the question for one of them to be its answer (see :class:`.finder.SpanPolicy`).
#: Not a time: a sentence often dates several events, a name or a place may be anything.
QUANTITIES = frozenset(
    [Target.NUMBER, Target.AMOUNT, Target.SHARE, Target.DURATION, Target.AGE, Target.FREQUENCY]
)
#: The words of a question that ask for a kind of answer, not about a topic (stemmed).
FRAME_WORDS = {
    Target.DURATION: frozenset(tokenize("long take takes took")),
    Target.AGE: frozenset(tokenize("old age")),
}


@lru_cache(maxsize=256)  # asked again of each sentence the answer step weighs
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
        if typed in QUANTITIES and _WHICH_OPEN.match(text):
            return None  # "Which prey made up the largest share ...?": the prey, no share
        return typed
    if WHO.search(text) or _NAME_OF.search(text):
        return Target.NAME
    if WHAT_MEASURE.search(text):
        return Target.NUMBER
    if measure_asked(text) is not None or HEADCOUNT_ASKED.search(text):
        return Target.NUMBER
    match = WHICH_NOUN.search(text)
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


#: "What was Pelling's trade?", "What was the occupation of the first chairman?", "What
#: job did Holm have?", "What did her father do for a living?": what a person did for a
#: living, English's nouns for it (a grammar's set, not a domain's).
_ASKS_ROLE = re.compile(
    r"^\W*what\s+(?:was|is|were|are)\b[^?]*\b(?:occupation|profession|trade|job)\b|"
    # not "what trade did he learn": a craft learned is often told as a skill, no title
    r"^\W*what\s+(?:[a-z]+\s+)?(?:occupation|profession|job)\b|"
    r"^\W*what\s+(?:did|does|do)\b[^?]*\bdo\s+for\s+(?:a\s+)?living\b",
    re.I,
)
#: A parent, as a question names one ("What was his father's trade?").
_PARENT = re.compile(r"\b(?:father|mother|parents)\b", re.I)


def asks_parent_role(question: Question) -> bool:
    """Whether ``question`` asks what someone's father or mother did for a living ("What
    did Pendrecht's father do for a living?"): a life story tells it where it tells whose
    child he was (:func:`.roles.tells_parentage`), with no word for "father" in it."""
    return bool(_ASKS_ROLE.search(question.text) and _PARENT.search(question.text))


#: "How often is the prize given?", "How frequently ...?": how many times in a length of time.
_ASKS_FREQUENCY = re.compile(r"^\W*(?:and\s+)?how\s+(?:often|frequently)\b", re.I)


def phrase_target(question: Question) -> Target | None:
    """:attr:`Target.PHRASE` for a "what" question asking for the object of its verb
    ("What did Lenholm use to filter its water?") or for its subject ("What reached
    Marrick in the 18th century?"), :attr:`Target.CAUSE` for "why", :attr:`Target.ROLE`
    for an occupation, :attr:`Target.FREQUENCY` for "how often", :attr:`Target.CALLED`
    for a name given ("What did sailors call her?"), none for others.
    Only :meth:`.finder.ShortAnswerFinder.find` asks for these: to choose sentences by, a phrase
    or a clause is no sign that a sentence answers (see :func:`target`)."""
    if question.compound:
        return None
    if _ASKS_ROLE.search(question.text):
        return Target.ROLE
    if _ASKS_FREQUENCY.match(question.text):
        return Target.FREQUENCY
    if ASKS_CALLED.match(question.text):
        return Target.CALLED
    if WHAT_OPEN.match(question.text) or WHAT_DID.match(question.text):
        return Target.PHRASE
    if ASKS_WHY.match(question.text):
        return Target.CAUSE
    return None


#: "Which prey made up the largest share ...?": a thing picked by what it is, whatever
#: quantity the question mentions (not "which two": a count).
_WHICH_OPEN = re.compile(rf"^\W*(?:\w+\s+){{0,3}}?which\s+(?!(?:{ALL_NUMBER_WORDS})\b)[a-z]", re.I)
#: Where a second question joins the first ("..., and when?", "... and where was she?").
_SECOND_ASKED = re.compile(
    r"[\s,;]+(?:and|or)\s+(?:(?:since|until|from|by|in|at|on|to)\s+)?"
    r"(?:what|who|whom|which|when|where|why|how)\b",
    re.I,
)


@lru_cache(maxsize=256)  # asked again of each sentence the answer step weighs
def first_asked(question: Question) -> Question | None:
    """The first of two questions in one ("Which publisher is bringing out the book, and
    when?": which publisher), whose short answer comes first; none if it asks one thing."""
    second = _SECOND_ASKED.search(question.text)
    if second is None:
        return None
    return _analysed(question.text[: second.start()] + "?")


@lru_cache(maxsize=256)
def _analysed(text: str) -> Question:
    return analyse(text)


#: "Who was sacked ...?": who had it done to them, the subject of a passive (not "Who was
#: Emma's brother?").
_PASSIVE_WHO = re.compile(r"^\W*who\s+(?:was|were)\s+(?:\w+ly\s+)?\w+(?:ed|en)\b", re.I)


def asks_doer(question: Question) -> bool:
    """Whether ``question`` asks who did something or had it done to them: "Who made Ralph
    earl?", "Which engineer introduced the lens?", "Who was sacked?"; not "Who did Emma
    marry?" nor "Who was Emma's brother?", which ask of someone told beside the doer."""
    text = question.text
    return bool(
        _SUBJECT_WHO.search(text) or _subject_which_person(text) or _PASSIVE_WHO.search(text)
    )


def told_before(question: Question, sentence: str) -> bool:
    """Whether the person ``question`` asks for is the subject ``sentence`` calls "he",
    "she" or "they": "Who made Ralph earl?" of "He appointed Robert archbishop and made
    Ralph earl." — its answer is named in the sentence before, not in this one; so with a
    person asked by the noun of their work ("Which engineer introduced the lens?" of "She
    introduced the lens ..."). Not when the sentence names the doer after a passive's "by"
    ("He was succeeded by William"). So too for "of whom?" of a sentence opening with
    whose it is ("Cenric was the son of whom?" of "His claim passed to his second son,
    Cenric"): the owner is named before, the names in it are others."""
    if _OF_WHOM.search(question.text) and _OWNER_OPENING.match(sentence):
        return True
    return bool(
        (_SUBJECT_WHO.search(question.text) or _subject_which_person(question.text))
        and _PRONOUN_SUBJECT.match(sentence)
        and not _PASSIVE_BY.search(sentence)
    )


def _noun_target(word: str) -> Target | None:
    """The kind of short answer a question asking "what <word>" wants."""
    noun = word.rstrip("s")
    if noun in {"year", "century", "centurie", "date", "day", "month", "decade", "minute", "hour"}:
        return Target.TIME
    if noun in PLACE_NOUNS:
        return Target.PLACE
    if noun in NAMED_NOUNS or word in NAMED_NOUNS:
        return Target.NAME
    return None


def _asked_noun(text: str) -> list[str]:
    """The noun a "what is/was the ...?" question ends on ("What was the Norman
    religion?" -> "religion")."""
    match = _WHAT_IS_THE.search(text)
    return [match.group(1)] if match else []
