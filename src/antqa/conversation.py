"""Conversations: what one turn keeps, and how a follow-up is searched.

A follow-up ("and who replaced her?") is not searchable on its own; it is searched
together with what the conversation was about. Where the turns are kept (bounded,
expiring, shared by processes) is :mod:`antqa.state`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from antqa.lexical import STOPWORDS, tokenize
from antqa.questions import MONTH_NAMES, AnswerKind, answer_kind
from antqa.refusals.times import periods
from antqa.short_answers.names import name_spans


@dataclass(frozen=True)
class Turn:
    """One question and what was answered, as later questions need it.

    ``sentence_ids`` are the sentences the answer quoted, the main one first: a follow-up
    is most likely answered near them; they hold only in the index of ``article_sha256``.
    """

    question: str
    query: str
    answer: str
    sentence_ids: tuple[int, ...]
    article_sha256: str = ""
    """The article the ``sentence_ids`` point into (an index reload may replace it)."""
    about: str = ""
    """The person the answer named when asked "who" (its short answer), whom a follow-up's
    "he" or "her" stands for; ``""`` when it named no one new."""
    when: str = ""
    """The time the answer gave (its short answer to "when": "1931", "23 March 2020"; else
    the first time its main sentence writes), which a follow-up's "then" or "that year"
    stands for; ``""`` when it gave none."""
    thing: str = ""
    """The name the answer gave as its short answer ("Vellan Metals Company", "Sigrun"):
    what a follow-up's "it", "they" or "that firm" stands for first; ``""`` when it gave
    none, or a time or a number."""


_REFERRING = frozenset(
    re.findall(
        r"\w+",
        "he she it they him her his hers its them their theirs this that these those there "
        "then former latter such same",
    )
)
_CONTINUING = re.compile(
    r"^(and|but|so|also|then|what about|how about|what else|why|why not|how so|really)\b"
    r"|\b(tell me more|go on|more about|more detail|elaborate|after that|before that|"
    r"what next|what happened next|and then)\b",
    re.IGNORECASE,
)
_MORE_OF_THE_SAME = re.compile(
    r"^\W*(and\s+)?(tell me more|go on|continue|more|elaborate|what else|and then|"
    r"what happened (next|then|after that)|what came next|then what)\W*$",
    re.IGNORECASE,
)
_MARKER = re.compile(r"\s*\[\d+\]")
#: A word standing for a thing told before, which a follow-up's embedded question writes
#: the thing in place of (:meth:`SearchPlan.referent`): the first one only.
_THING = re.compile(r"\b(?:that|this|these|those|it|they|them|there)\b", re.IGNORECASE)
#: How many times a follow-up's query writes the question before the context it refers
#: back to. The model pools its tokens' vectors by their mean, so every token weighs the
#: same and a previous answer of 200-600 characters outweighed a follow-up of 40: the
#: query matched the last answer's sentences and its own words hardly counted ("who came
#: up with it originally, and where else did it work?" found the class committee's
#: members again, not "first implemented by Yu Yongfu at UC"). Over the 161 questions
#: asked after others (every set with history, this article's and three others'), 1 gave
#: 128 answered as the reference, 2 gave 130 (none lost), 3 and 4 also 130 (4 swapped two
#: more); a context cut to the previous answer's first sentence gave 122-123.
QUESTION_WEIGHT = 2
#: The least share of a follow-up's query its question's words make up, whatever the length
#: of the previous answer (:meth:`SearchPlan.repeats`): a fixed ``QUESTION_WEIGHT`` is a
#: quarter of the words after an answer of 45 words, but a tenth after one of 130, which
#: then drowns the follow-up again ("Which hospital was he taken to?" after a two-sentence
#: answer found the hospital's later admissions, not "who was admitted to St. Brennan's
#: Hospital"). Written ``round(QUESTION_SHARE * context words / question words)`` times
#: when that is more. Over every readable set with earlier turns (821 questions, runs
#: s26-base -> h45f-sh28/sh33): 0.28 and 0.33 answered 2 more as the reference (OBF-01,
#: mutf-09), none lost, no unanswerable moved (0.28 ranked 1 passage lower, 0.33 3); 0.4
#: and 0.5 also lost one (EXF-06) and answered an unanswerable (CNF-14); QUESTION_WEIGHT
#: 3 for every follow-up gained 2, lost 2 and gave an unanswerable a short answer.
QUESTION_SHARE = 0.28
#: At most this many times: the model reads 256 tokens, and a one-word "why?" after a long
#: answer would otherwise be written dozens of times, cutting the answer it refers to. No
#: readable set moved between caps of 4 and 10 (runs h45f-cap4, h45f-cap10).
QUESTION_REPEATS_CAP = 6
#: How much a clear follow-up leans on the previous answer (:attr:`SearchPlan.strength`):
#: wholly. What marks a plan as a follow-up wherever it is read.
FOLLOW_UP_STRENGTH = 1.0
#: A pronoun standing for one person: what the last answer's person (``Turn.about``) is
#: written in place of, the first one only ("What did he make him write?": "he" is the
#: one just named, "him" the one asked about before).
_PERSONAL = re.compile(r"\b(?:he|she|him|his|her)\b(?P<next>\s+[\w'’-]+)?", re.IGNORECASE)
#: Words standing for the time the last answer gave ("How many jobs were lost then?" after
#: "1931"; "that year", "at the time"), with a preposition of their own kept ("by then",
#: "by that time": "by 1931"). Not a "then" set off by a comma ("What do people expect
#: from it, then?") nor opening the question ("then what?", "and then?"): those go on, they
#: date nothing.
_THEN = re.compile(
    r"(?<!,)(?<!,\s)(?<!\band\s)(?<!^)(?<!^\s)(?P<by>\b(?:by|since|until|before|after|from)\s+)?"
    r"\b(?:(?:that|the\s+same)\s+(?:year|month|day|season|time)"
    r"|at\s+(?:that|the)\s+(?:time|point|moment)|then)\b(?!\s*,)",
    re.IGNORECASE,
)
#: A question asking which thing it is ("What was the first steam engine in the Quill
#: valley?", "What did Philip Cradock shut down in 1927?", "Which office did it create?"):
#: a follow-up's "it" or "that" then stands for its answer, not for the names it wrote
#: ("what happened to it in the end?" asks of the engine, not of the valley). Not what
#: happened or what someone did: the answer is an event, and what it happened to or who
#: did it is what a later "it" is about ("What happened to the Greyholt Tunnel in 1966?").
_ASKS_WHICH_THING = re.compile(
    r"^\W*(?:(?:and|so|but)\s+)?(?:what|which)\b(?!\s+(?:happened|happens|happen)\b)"
    r"(?!.*\b(?:do|doing|done)\b)",
    re.IGNORECASE,
)
#: "What was/is NP?": the NP names the thing asked of, whatever the answer calls it ("What
#: was the Cadby Diversion?"): what a later "it" is written as, a trailing "called" or
#: "named" left off. Only a noun phrase opening with "the" or a name ("What was his job?"
#: names no thing of its own).
_WHAT_IS = re.compile(
    r"^\W*(?:(?:and|so|but)\s+)?(?:what|which)\s+(?:is|was|are|were)\s+"
    r"(?P<thing>(?:the\s+|(?-i:[A-Z]))[^?]*?)(?:\s+(?:called|named|known\s+as))?\W*$",
    re.IGNORECASE,
)
#: "Who VERB NP?" ("Who led the Oskarian relief fleet?", "Who designed the Tollcross
#: Barrier?"): its answer is a person, and a follow-up's "it", "that" or "there" stands
#: for the NP, the thing that person did something to ("when did it set sail?"), not for
#: the person answered ("they", "their" stand for them: "why did they pull out?"). Only
#: an NP opening with "the" or a name after one verb (with its auxiliary): "Who did
#: Pendrecht marry?" writes no thing, and "Who was the first chair?" names the person.
_WHO_DID = re.compile(
    r"^\W*(?:(?:and|so|but)\s+)?who\s+(?:(?:was|were|had|has|is|are)\s+)?"
    r"(?!(?:do|did|does|was|were|is|are|has|had)\b)(?-i:[a-z])\w*\s+"
    r"(?P<thing>(?:the\s+|(?-i:[A-Z]))[^?]*?)\W*$",
    re.IGNORECASE,
)
#: The words standing for one thing, where "they" may stand for the people answered.
_ONE_THING = frozenset(("it", "that", "this", "there"))


#: A follow-up asking only of another time than the question before ("and in 1921?",
#: "what about in 2007?", "And 1987?"): ``time`` is all it writes besides, with the
#: preposition that dates it.
_ANOTHER_TIME = re.compile(
    r"^\W*(?:(?:and|but|so)\s+)?(?:(?:what|how)\s+about\s+)?"
    r"(?:(?:in|on|by|during|for)\s+)?(?P<time>[^?!.]*?)\W*$",
    re.IGNORECASE,
)
#: A time written as a day: what "on" dates ("on 23 March 2020"), where a year takes "in".
_DAY = re.compile(r"\b\d{1,2}\s+[A-Z][a-z]+|\b[A-Z][a-z]+\s+\d{1,2}\b")
#: A time that takes a preposition: a year ("1931", "1975–1996") or a named period ("the
#: 1930s"); "between 1964 and 1969" brings its own.
_NEEDS_PREPOSITION = re.compile(r"^(?:\d|the\b)", re.IGNORECASE)


@dataclass(frozen=True)
class SearchPlan:
    """What to search for a question asked in a conversation.

    ``context`` is what the conversation was about: the previous answer, which names what
    "it" and "she" point at (the previous question only when that answer was a refusal),
    ``anchors`` the
    sentences the previous answer quoted (its main one first), ``strength`` how much the
    question leans on them (1 for a clear follow-up, less for a question that may just
    change the subject), and ``continuation`` whether it asks for what comes next rather
    than anything new ("tell me more"). ``about`` is the person a "he" or "she" stands for
    (:attr:`Turn.about`), ``when`` the time a "then" stands for (:attr:`Turn.when`),
    ``before`` the question it follows up.
    """

    question: str
    context: str = ""
    anchors: tuple[int, ...] = ()
    strength: float = 0.0
    continuation: bool = False
    about: str = ""
    when: str = ""
    before: str = ""
    """The question the follow-up follows ("Which locomotive is preserved at the Saltmouth
    Museum of Transport?"), ``""`` for any other question."""
    thing: str = ""
    """The name the previous answer gave (:attr:`Turn.thing`)."""

    def referent(self) -> str:
        """What a follow-up's "it", "they" or "that" stands for, by name: after "who did
        something to a thing", the thing (:meth:`acted_on`: "when did it set sail?" after
        "Who led the Oskarian relief fleet?" asks of the fleet, not of its admiral); else the
        name the previous answer gave ("why did they shut the Whitcombe Shaft?" after "Vellan Metals
        Company" bought it); when no name was given and the question before asked which
        thing (:func:`asks_which_thing`), what it described that thing as ("the first steam
        engine in the Quill valley" of "What was ...?"), else nothing: its other names are
        not what "it" stands for (on the follow-up sets, 2 more answered as the reference,
        none lost; no other set moved). Else the names the question before wrote ("What did
        Cenric get out of it?" after "When was the Treaty of Saltmere signed?"); ``""`` when it asks
        of no thing (:func:`refers_to_a_thing`), nothing is named (a month is no thing),
        or the previous answer was a refusal, which told of nothing."""
        if not self.follow_up or self.continuation or not self.anchors:
            return ""
        if not refers_to_a_thing(self.question):
            return ""
        acted_on = self.acted_on()
        if acted_on:
            return acted_on
        if self.thing:
            return self.thing
        if asks_which_thing(self.before):
            described = _WHAT_IS.match(self.before)
            return described.group("thing") if described else ""
        spans = name_spans(self.before, place=False)  # the first word opens the question
        named = [self.before[start:end] for start, end in spans if start > 0]
        return " ".join(n for n in named if n not in MONTH_NAMES)

    def acted_on(self) -> str:
        """The thing the question before asked who did something to (:data:`_WHO_DID`: "the
        Oskarian relief fleet" of "Who led the Oskarian relief fleet?") when the follow-up
        writes a word for one thing ("when did it set sail?"), else ``""``. Over every
        readable set (run m26-b -> h41f-r1): 1 answerable answered (pellf-06, "What was it
        about?" after "Who led the 1907 strike?"), 1 passage ranked higher (FSF-07), none
        lost; no first question can move (it reads only a follow-up). With a preposition
        after the verb ("Who presided over the court?") nothing more moved."""
        found = _THING.search(self.question)
        if found is None or found.group(0).lower() not in _ONE_THING:
            return ""
        described = _WHO_DID.match(self.before)
        return described.group("thing") if described else ""

    def asked_before(self, text: str) -> bool:
        """Whether ``text`` (a short answer) is wholly what the question before asked of
        ("the Saltmouth Museum of Transport" for "Where was it built?"): a follow-up asks
        something new of it, so its answer is not that; the answer step gives no short
        answer then, as it gives none that the question itself writes."""
        words = tokenize(text)
        return bool(words) and set(words) <= set(tokenize(self.before))

    def dated(self) -> str:
        """The question with the time the conversation is about (``when``) written in place
        of the words standing for it ("How many jobs were lost then?" after "1931": "How
        many jobs were lost in 1931?"): what the time checks read, as if typed whole; the
        question itself when it has no such words or the conversation gave no time."""
        found = _THEN.search(self.question) if self.when else None
        if found is None:
            return self.question
        day = _DAY.search(self.when) is not None
        preposition = found.group("by") or ("on " if day else "in ")
        needs = day or _NEEDS_PREPOSITION.match(self.when) is not None
        written = preposition + self.when if needs else self.when
        return self.question[: found.start()] + written + self.question[found.end() :]

    def named(self, called: str) -> str:
        """The question with the person the conversation is about (``about``), ``called``
        as the article calls them, written in place of its first pronoun for one ("When
        was he born?" after "Colm Varey" led the strike: "When was Colm Varey born?"): what
        the question asks, read as if typed whole, so that the refusal checks read the
        name a follow-up leaves out."""
        pronoun = _PERSONAL.search(self.question) if self.about else None
        if pronoun is None:
            return self.question
        following = (pronoun.group("next") or "").strip().lower()
        owner = pronoun.group(0).lower().startswith("his") or (
            pronoun.group(0).lower().startswith("her") and following not in ("", *STOPWORDS)
        )  # "her father's name", not "did he meet her in Paris"
        name = f"{called}'s" if owner else called
        end = pronoun.start() + len(pronoun.group(0).split()[0])
        return self.question[: pronoun.start()] + name + self.question[end:]

    @property
    def follow_up(self) -> bool:
        """Whether the question clearly leans on the previous answer (not only the weak
        pull any question in a conversation gets)."""
        return self.strength >= FOLLOW_UP_STRENGTH

    @property
    def query(self) -> str:
        """A self-contained text to embed: the question, then what it refers back to, the
        question written :meth:`repeats` times so that a long context does not drown it;
        the last time with the thing its "it", "they" or "that" stands for written in
        (:meth:`referent`): the pooled vector then leans on that thing, not on whatever else
        the previous answer told ("What did Cenric get out of it?" after the Treaty of
        Saltmere was signed found the treaty's envoys, "When was it staged again?" after
        Sigrun the sentence saying its composer never saw it staged again). Over the
        follow-up sets (322 answerable, 150 not): 2 more answered as the reference, none
        lost, 1 unanswerable answered; no other set moved."""
        if not self.context:
            return self.question
        times = self.repeats()
        referent = self.referent()
        found = _THING.search(self.question) if referent else None
        if found is None:
            return " ".join([self.question] * times + [self.context])
        asked = self.question[: found.start()] + referent + self.question[found.end() :]
        return " ".join([self.question] * (times - 1) + [asked, self.context])

    def repeats(self) -> int:
        """How many times :attr:`query` writes the question before the context: at least
        ``QUESTION_WEIGHT``, more after a long previous answer, so that the question's words
        make up about ``QUESTION_SHARE`` of it (the model pools every token's vector
        alike), at most ``QUESTION_REPEATS_CAP``."""
        ratio = len(self.context.split()) / max(1, len(self.question.split()))
        return min(QUESTION_REPEATS_CAP, max(QUESTION_WEIGHT, round(QUESTION_SHARE * ratio)))


def asks_which_thing(question: str) -> bool:
    """Whether ``question`` asks which thing (:data:`_ASKS_WHICH_THING`), its answer no
    time, number, place, cause or manner (those are told of the names it writes)."""
    return (
        _ASKS_WHICH_THING.match(question) is not None and answer_kind(question)[0] is AnswerKind.ANY
    )


def refers_back(question: str) -> bool:
    """Whether ``question`` writes a word standing for something told before ("it",
    "there", "he", "that year"): what it asks of is named in the previous answer."""
    return any(word in _REFERRING for word in re.findall(r"[a-z']+", question.lower()))


def refers_to_a_thing(question: str) -> bool:
    """Whether ``question`` refers back (:func:`refers_back`: "When was it introduced?",
    "How much did that extension cost?") with no pronoun for a person (:data:`_PERSONAL`)
    and by more than words for a time (:data:`_THEN`): what it asks of is a thing the
    previous answer told of, there; a person ("When did he die?") or a time ("How many
    jobs were lost that year?") is told of wherever the article names or dates it."""
    return refers_back(_THEN.sub("", question)) and _PERSONAL.search(question) is None


def is_follow_up(question: str) -> bool:
    """Whether ``question`` leans on earlier turns (refers back, continues one, or asks
    of the time the last answer gave: :data:`_THEN`)."""
    words = re.findall(r"[a-z']+", question.lower())
    return (
        bool(_CONTINUING.search(question.strip()))
        or refers_back(question)
        # "Who was director at the time?" after the Carrow affair: the time the last answer
        # told of (an answerable follow-up of the twenty-ninth unseen batch asked "he" of
        # the director a question read alone had found elsewhere, and was refused)
        or _THEN.search(question) is not None
        or len(words) <= 3
    )


def asked_again(question: str, before: str) -> str:
    """The question an elliptical follow-up asking only of another time stands for
    (:data:`_ANOTHER_TIME`): the question before with that time in place of the one it
    wrote ("and in 1921?" after "How many people did the mill employ in 1917?": "How many
    people did the mill employ in 1921?"), searched, checked and answered as if typed
    whole: read alone, it asked no kind and named no time a check could read, and
    "what about in 2007?" after CVA's loss of 2008 was answered with the chief executive
    dismissed in 2007. ``question`` itself when it writes more than a time, or the
    question before no one year or named period of its own to replace."""
    found = _ANOTHER_TIME.match(question)
    if found is None:
        return question
    asked = periods(found.group("time"))
    if len(asked) != 1 or asked[0].text != found.group("time"):
        return question
    told = periods(before)
    if len(told) != 1 or not (told[0].first == told[0].last or told[0].named):
        return question  # "between 1901 and 1917" takes no single year's place
    return before[: told[0].start] + asked[0].text + before[told[0].end :]


def plan_search(question: str, history: list[Turn], weak: float = 0.35) -> SearchPlan:
    """How to search ``question`` given the conversation so far (oldest turn first).

    A clear follow-up is searched together with the previous answer, and near the
    sentences that answer quoted. Not with the previous question too: it restates what was
    already answered, and in the embedded query it pulled the search back to that rather
    than on to what the follow-up asks ("What role has he taken on since ...?" after "What
    did he say about Internet finance?" found the Internet-finance sentences again); the
    answer already names whom "he" means. A refused turn quoted nothing, so its question
    is all there is to go on. Any other question in a conversation still
    gets a weak pull toward them (people often drop the subject: "on the business side,
    what ...?"), which a question that matches elsewhere easily overrides.
    """
    if not history:
        return SearchPlan(question)
    previous = history[-1]
    said = _MARKER.sub("", previous.answer) if previous.sentence_ids else ""
    follow_up = is_follow_up(question)
    if follow_up:
        question = asked_again(question, previous.question)
    return SearchPlan(
        question=question,
        context=(said.strip() or previous.question) if follow_up else "",
        anchors=previous.sentence_ids,
        strength=FOLLOW_UP_STRENGTH if follow_up else weak,
        continuation=bool(_MORE_OF_THE_SAME.match(question)),
        about=previous.about if follow_up else "",
        when=previous.when if follow_up else "",
        before=previous.question if follow_up else "",
        thing=previous.thing if follow_up else "",
    )
