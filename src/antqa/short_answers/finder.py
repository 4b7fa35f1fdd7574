"""The finder that ties the rest: it picks, among a sentence's candidates of the kind
asked, the one the question's words pull at hardest, or gives none."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

from antqa.lexical import LexicalIndex, tokenize
from antqa.models import Sentence, ShortAnswer
from antqa.questions import Question
from antqa.short_answers.asked import (
    LENGTH,
    SIZE_UNITS,
    Asked,
    longer_names_of,
    mostly_asked,
    with_names_written,
)
from antqa.short_answers.called import called_spans
from antqa.short_answers.candidates import candidate_spans
from antqa.short_answers.causes import cause_spans
from antqa.short_answers.dates import (
    DAY,
    SEASON_WORDS,
    YEAR_ALONE,
    other_end_of_life,
    year_of,
)
from antqa.short_answers.names import (
    JOINED,
    NATIONALITY,
    ArticleNames,
    abbreviates_asked,
    agent_asked,
    answers_who,
    of_kind_asked,
    owner_only,
    persons_first,
    titled_person,
    without_asked_owner,
    without_body,
    without_office,
)
from antqa.short_answers.phrases import phrase_spans
from antqa.short_answers.quantities import (
    PERCENT,
    TIME_AFTER,
    TIME_UNIT,
    WITH_UNIT,
    at_asked_year,
    by_changed,
    changed_from,
    counts_of,
    of_the_group,
    with_approximation,
    with_measure_of,
    with_people_counted,
    with_time_counted,
    without_asked_rate,
)
from antqa.short_answers.roles import (
    ROLE_BEFORE,
    ROLE_CHARS,
    apposition_end,
    person_by_role,
    role_spans,
)
from antqa.short_answers.targets import (
    FRAME_WORDS,
    QUANTITIES,
    Target,
    first_asked,
    phrase_target,
    target,
    told_before,
)
from antqa.short_answers.words import word_positions

#: Where one clause ends and the next begins ("..., and", "; "): the question's words in
#: another clause tell less about a span than those in its own.
_CLAUSE = re.compile(r",\s+(?:and|but|while|whereas|although|though)\b|;")


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
    #: A question word after a date counts as this many content words further away: English
    #: writes when after what it dates ("electrified in 1958 and automated in 1987"
    #: answers "when was it automated?" with the second). Over the 42 SQuAD-format sets
    #: (1,523 answerable questions, replayed on the same quoted sentences): 0 gave 794
    #: exact short answers; 1 797; 2 800; 3 801 (9 gained, 1 lost, 1 wrong one dropped).
    time_after_gap: int = 3


_TIED = (-1, -1)
#: The words before a quantity that say what it measures ("a capacity of ", "its
#: population was "): the noun, a verb or "of", and maybe an approximation.
_MEASURED_BEFORE = re.compile(
    r"\b([a-z]+)\s+(?:of|was|is|were|are|reached|at)\s+"
    r"(?:(?:about|around|some|nearly|almost|roughly|over|under|more\s+than)\s+)?$",
    re.I,
)
#: How far before a quantity those words are looked for, in characters.
_MEASURED_CHARS = 40


def _figure_of(kind: Target, span: str) -> str:
    """What of ``span`` must not be the question's own words: for a length of time its
    figure, as the unit may be the question's ("nine days" for "For how many days ...?")."""
    return TIME_UNIT.sub("", span) if kind is Target.DURATION else span


def _sizes_unmeasured(
    text: str, figures: list[tuple[int, int]], amounts: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """For "how big / how large" when no figure is an area or a length, the size is a sum
    or a count: the amounts with the words they count ("600,000 crowns" for "How large was
    the loan?", "23 vessels" for "How big was the fleet?"), or when there are none the
    figures that are no year ("31,000" for "How big had the town become by 1911?"), each
    written as the measure of a noun ("a grant of £420,000", "the gap ... reached 6.8
    points"; not "corrected an estimated 4,700 errors", "from 40 moves"); never a share,
    a length of time ("twenty-two years") or a rate ("about 8 beats per minute")."""
    sizes = amounts or [span for span in figures if not YEAR_ALONE.fullmatch(text, *span)]
    return [
        span
        for span in sizes
        if _MEASURED_BEFORE.search(text, max(0, span[0] - _MEASURED_CHARS), span[0])
        and not TIME_UNIT.search(text, *span)
        and not TIME_AFTER.match(text, span[1])
        and not PERCENT.search(text, *span)
    ]


def _measured_before(text: str, start: int, measure: str) -> bool:
    """Whether the quantity at ``start`` is written as the measure asked for ("with a
    capacity of 41 cubic metres per second" for "what is the design capacity?")."""
    before = _MEASURED_BEFORE.search(text, max(0, start - _MEASURED_CHARS), start)
    return before is not None and "".join(tokenize(before.group(1))) == measure


#: A word's hyphen between letters ("Co-op", "Anglo-Norman"): one word as written, which
#: the lexicon splits in two.
_WORD_HYPHEN = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")


def _compounds_joined(span: str) -> str:
    """``span`` with each hyphenated word written as one ("Brennock Coop"): a word of its
    own the question lacks counts once, as the reader counts it."""
    return _WORD_HYPHEN.sub("", span)


def _asked_target(question: Question) -> tuple[Question, Target | None]:
    """The question a short answer is looked for (the first of "Which publisher ..., and
    when?": the publisher) and the kind of span that answers it, if any."""
    first = first_asked(question)
    if first is not None:
        return first, target(first)
    return question, target(question) or phrase_target(question)


class ShortAnswerFinder:
    """Finds the short answer in the answer's sentences, or decides to give none."""

    def __init__(
        self,
        lexicon: LexicalIndex,
        article: str,
        policy: SpanPolicy | None = None,
        *,
        names: ArticleNames | None = None,
        person: Callable[[str], bool] | None = None,
    ) -> None:
        self.lexicon = lexicon
        self.policy = policy or SpanPolicy()
        #: What the article tells of its capitalised words: which are common words, nouns
        #: or places (the answering step reads the words and the places too).
        self.names = names or ArticleNames(article)
        #: Whether a name is a person's, as the answering step reads people
        #: (:meth:`antqa.answering.reading.ArticleReading.calls_person`): no answer to
        #: "which organisation" (:attr:`Asked.thing`). Passed in: the people reading sits
        #: above this package.
        self.person = person or (lambda _: False)
        self.common = self.names.common
        self.places = self.names.places
        #: What :meth:`_search` found of a question in a sentence, remembered: the answering
        #: step asks it of the best sentence up to three times (to choose the sentences, to
        #: hedge, to answer).
        self._found_in = lru_cache(maxsize=64)(self._search)
        #: The stems of the article's names of two words or more: a question may write
        #: one in lower case (:func:`~antqa.short_answers.asked.with_names_written`).
        self._longer_names = longer_names_of(article)

    def _asked(self, question: Question) -> Asked:
        """What of ``question`` is weighed (:meth:`Asked.of`), with the article's longer
        names it writes in any case (:func:`~antqa.short_answers.asked.with_names_written`)."""
        return with_names_written(Asked.of(question), self._longer_names)

    def find(self, question: Question, sentences: list[Sentence]) -> ShortAnswer | None:
        """The short answer inside ``sentences`` (the best first), when confident."""
        for sentence in sentences:
            found = self._found_in(question, sentence)
            if found is _TIED:
                return None
            if isinstance(found, ShortAnswer):
                return found
        return None

    def fits(self, question: Question, short: ShortAnswer) -> bool:
        """Whether ``short`` answers in the kind asked with words of its own: for "who" a
        name that can do what is asked (:func:`answers_who`: "Marten Prize" is a prize
        named after someone), and not mostly the question's own words with each word
        as written one (:func:`mostly_asked` over :func:`_compounds_joined`: "Brennock
        Co-op" only names "the Brennock cooperative" of "Which dairy group was older than
        the Brennock cooperative?"), read on the span as trimmed (:func:`_search` checks
        the candidate before its office is cut: "Walter Hesketh" of "Assemblyman Walter
        Hesketh" for "Which witness before the Hesketh committee ...?").

        :meth:`find` keeps such a span (the refusal checks read what it finds), but it is
        no clear answer: the sentence holding it is chosen as one holding none
        (:meth:`~antqa.answering.choosing.SentenceChooser.choose`), and the answer is not
        cut around it nor shows it."""
        question, kind = _asked_target(question)
        asked = self._asked(question)
        if kind is Target.NAME and asked.person and not answers_who(short.text, self.names):
            return False
        names = kind in (Target.NAME, Target.PLACE)  # a count's "twenty-two" is two words
        return not (names and mostly_asked(_compounds_joined(short.text), asked))

    def shown(self, question: Question, sentences: list[Sentence]) -> ShortAnswer | None:
        """The short answer shown to the reader: :meth:`find`'s, when the best of
        ``sentences`` gives it.

        When the best sentence holds none of the kind asked, a span of that kind in the
        next one is a weak bet: it sits in a sentence the answer quotes for other words
        than the question's. Over the 85 SQuAD-format sets, such short answers were 26
        exact, 41 wrong and 54 given to unanswerable questions (on the Normans: 1, 1, 6).
        The answer still quotes the sentences: only the short answer is withheld.
        """
        return self.find(question, sentences[:1])

    def _search(
        self, question: Question, sentence: Sentence
    ) -> ShortAnswer | tuple[int, int] | None:
        """The short answer ``sentence`` gives ``question``, :data:`_TIED` when two of its
        candidates pull about as hard (then the question has none), ``None`` when it
        holds none (the next sentence may)."""
        question, kind = _asked_target(question)
        if kind is None:
            return None
        asked = self._asked(question)
        # the words that only say what kind of answer is asked ("how long did it take")
        # are not what a sentence about the question must share
        topic = [t for t in question.tokens if t not in FRAME_WORDS.get(kind, ())] or list(
            question.tokens
        )
        least = self.policy.typed_shared if kind in QUANTITIES else self.policy.min_shared
        if kind is Target.TIME and asked.date:
            least = self.policy.typed_shared  # a day of a month is of the kind asked or not
        if kind is Target.PHRASE:
            least = self.policy.phrase_shared
        if self.lexicon.share_in(sentence.text, topic) < least:
            return None
        if told_before(question, sentence.text):
            return None  # "He ... made Ralph earl": any name in it is someone else
        span = self._best_span(kind, sentence.text, asked)
        if span is None or span is _TIED:
            return span
        if kind in QUANTITIES:
            span = with_approximation(sentence.text, *span)
        if kind is Target.NAME:
            span = without_asked_owner(sentence.text, *span, asked)
            span = (without_office(sentence.text, *span), span[1])
        span = without_asked_rate(sentence.text, *span, asked)
        start, end = sentence.start + span[0], sentence.start + span[1]
        return ShortAnswer(text=sentence.text[span[0] : span[1]], start=start, end=end)

    def holds_candidate(self, question: Question, text: str) -> bool:
        """Whether ``text`` holds any span that could answer ``question`` (of the kind the
        short answer is looked for as), near the question's words or not: a clause holding
        one may hold the answer when the short answer found is wrong ("In January 2010
        Dorothea Pellicer, a carbonate chemist, noted in a letter to the journal Marine
        Chemistry Letters ...": "Marine Chemistry Letters" for "Who noticed ...?"), so
        :meth:`Composer._clear_cut` does not cut it away."""
        question, kind = _asked_target(question)
        return kind is not None and bool(self._spans(kind, text, self._asked(question)))

    def offers(self, question: Question, text: str) -> bool:
        """Whether ``text`` holds a span of the kind ``question`` asks for, near its words.

        It need not be a confident short answer (two names may tie): the answering step
        uses it to prefer, among sentences about the question, one that can answer it
        ("Who commissioned the Tapestry?": the sentence naming who, not the one that only
        describes the Tapestry).
        """
        kind = target(question, ending=True)
        return kind is not None and bool(self._pulls(kind, text, self._asked(question)))

    def pull(self, question: Question, text: str) -> float:
        """How hard the question's words pull at the span of ``text`` they pull hardest
        (0 when it holds none of the kind asked near them): two sentences answering with
        spans pulled about as hard (within ``margin``) tell of two events of the kind
        asked, and the question may be about either (:meth:`SentenceChooser.runner_up`)."""
        question, kind = _asked_target(question)
        if kind is None:
            return 0.0
        pulls = self._pulls(kind, text, self._asked(question))
        return pulls[0][0] if pulls else 0.0

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
            candidates = phrase_spans(text, asked)
        elif kind is Target.CAUSE:
            candidates = cause_spans(text)
        elif kind is Target.ROLE:
            candidates = role_spans(text)
        elif kind is Target.CALLED:  # else the phrase after its words ("to form the ...")
            candidates = called_spans(text) or phrase_spans(text, asked)
        else:
            candidates = candidate_spans(kind, text)
        if kind in (Target.NUMBER, Target.AMOUNT) and asked.change:  # "by nearly a third"
            candidates += [
                (start, end)
                for start, end in candidate_spans(Target.SHARE, text)
                if not any(s < end and start < e for s, e in candidates)
            ]
        for start, end in candidates:
            if kind is Target.NUMBER and asked.quantity:
                end = with_measure_of(text, end, asked)  # "about 4 femtomoles" of sulfide
            if kind is Target.NUMBER:
                end = with_time_counted(text, end, asked)  # "nineteen hours" for "how many hours"
                end = with_people_counted(text, end, asked)  # "60 singers" for "how big"
            if kind is Target.PLACE and not self.names.place_after_of(text, start, end):
                continue  # "the competition of the Federation of Northern Leagues"
            if kind in (Target.NAME, Target.PLACE) and abbreviates_asked(text, start, end, asked):
                continue  # "The Brannoch Estuary Authority (BEA)" for "... run the Authority?"
            if kind is Target.NAME and (asked.person or not asked.noun):
                # "King Charles III of West Francia": he; "University of Calder": its name
                end = self.names.without_place(text, start, end)
                if asked.person:  # "Ilse Varga of the Kettering Observatory": she
                    end = without_body(text, start, end)
                nationality = NATIONALITY.match(text, start, end) if asked.person else None
                if nationality is not None:
                    start = nationality.end()  # "the Hungarian Zoltán Kertész": who, not whence
            if kind is Target.NAME and not asked.person and titled_person(text, start):
                continue  # "the name of Halvard's moon" is not "Dr. Rafael Imbert"
            if kind is Target.NAME and self._person_for_thing(text[start:end], asked):
                continue  # "On which move ...?" is not "Ottokar Maas"
            if mostly_asked(_figure_of(kind, text[start:end]), asked):
                continue
            if (
                kind in (Target.NAME, Target.PLACE)
                and not asked.several
                and JOINED.search(text, start, end)
            ):
                continue  # "Sassoun and Taron" answers no question asking for one
            if asked.person and owner_only(text, start, end, asked):
                continue  # "Merridew's wife Harriet cut the sod": she did, not he
            if (
                kind in (Target.NAME, Target.PLACE)
                and not of_kind_asked(text, start, end, asked)
                and not self.names.is_name(kind, text, start, end, asked.person)
            ):
                continue
            longest = (
                self.policy.max_clause_words if kind is Target.CAUSE else self.policy.max_words
            )
            if len(text[start:end].split()) > longest:
                continue
            spans.append((start, end))
        if kind in QUANTITIES:
            spans = [span for span in spans if not changed_from(text, *span, asked)]
            spans = at_asked_year(text, spans, asked)  # "3,100 in 1995", not "8,400 in 2019"
            spans = by_changed(text, spans, asked)  # "fell by 61 percent", not "two"
        if kind is Target.DURATION and asked.lasting:  # "for how long": not "4-kilometre"
            spans = [span for span in spans if TIME_UNIT.search(text, *span)]
        if asked.measure and asked.measure != LENGTH:  # a population of "36.8 years"
            spans = [
                span
                for span in spans
                if not TIME_AFTER.match(text, span[1]) and not PERCENT.search(text, *span)
            ]
        if kind is Target.NAME and asked.person:  # "Who headed it?": Tomas Reyne, not his agency
            spans = persons_first(text, spans)
        if kind is Target.NAME and asked.noun:  # "Which battle ...?": "the Battle of Loos"
            spans = [span for span in spans if of_kind_asked(text, *span, asked)] or spans
        if kind is Target.NUMBER:
            spans = counts_of(text, spans, asked)
            spans = of_the_group(text, spans, asked)
        if kind is Target.TIME and asked.date:  # "On what date ...?": a day, not a year
            spans = [span for span in spans if DAY.search(text, *span)] or spans
        if kind is Target.TIME and asked.lead:  # "By what year ...?": "by 2035"
            led = re.compile(rf"\b{asked.lead}\s+(?:the\s+)?$", re.I)
            spans = [span for span in spans if led.search(text, 0, span[0])] or spans
        if kind is Target.TIME and asked.words >= SEASON_WORDS:  # "what time of year": no year
            spans = [span for span in spans if not YEAR_ALONE.fullmatch(text, *span)]
        if kind is Target.TIME:  # "(14 March 1894 – 2 November 1971)": born, then died
            spans = [span for span in spans if not other_end_of_life(text, *span, asked)]
        if kind is Target.TIME and asked.year:  # "In what year ...?": "1191" of "April 1191"
            spans = [year_of(text, *span) for span in spans]
        if asked.units is not None:  # "how far": a length, not a count or a weight
            measured = [span for span in spans if asked.units.search(text, *span)]
            if not measured and asked.units is SIZE_UNITS and kind is not Target.AMOUNT:
                # "How large was the loan?": "600,000 crowns", not an area or a length
                return _sizes_unmeasured(
                    text, spans, self._spans(Target.AMOUNT, text, replace(asked, units=None))
                )
            spans = measured
        if asked.measure and asked.measure not in tokenize(text):
            spans = [span for span in spans if WITH_UNIT.search(text, *span)]
        return spans

    def _person_for_thing(self, name: str, asked: Asked) -> bool:
        """Whether ``name`` is a person's (:attr:`person`) and the question asks for a thing
        (:attr:`Asked.thing`) that the article never writes as someone's occupation
        (:attr:`ArticleNames.roles`: "the union organizer Ilmari Saarinen" makes the
        "organizer" of "Which union organizer ...?" a person) by the head of the noun asked,
        its last word (not "firm" of "Which firm designed ...?": a firm is written before
        a firm's name as an occupation is before a person's)."""
        return bool(asked.thing) and asked.thing[-1] not in self.names.roles and self.person(name)

    def _pulls(self, kind: Target, text: str, asked: Asked) -> list[tuple[float, tuple[int, int]]]:
        """Each candidate span with how hard the question's words pull at it, the strongest
        first; a candidate made of the question's words or far from them is none.

        For "who", the words of the description set off after a name (:func:`apposition_end`)
        pull at it as if next to it: "Agnes Coyle, a widow who kept the largest herd in the
        parish and became the first treasurer, and the schoolmaster Thomas Reddin" answers
        "Who was the first treasurer?" with her, whom the words are about, not with the name
        written closest after them; a follow-up's "she" then stands for her too."""
        words = word_positions(text)
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
            # the words of the description set off after a person's name tell of them
            described = (
                bisect_left(offsets, apposition_end(text, end)) - 1
                if kind is Target.NAME and asked.person
                else last
            )
            nearest: dict[str, int] = {}
            closest = self.policy.max_distance + 1
            for i in shared:
                if not first <= i <= last:
                    gap = first - i if i < first else 0 if i <= described else i - last
                    closest = min(closest, gap)
                    if kind is Target.TIME and i > last:
                        gap += self.policy.time_after_gap  # "automated in 1987", not "1958 and"
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
                ROLE_BEFORE.search(text, max(0, start - ROLE_CHARS), start)
                if kind is Target.NAME
                else None
            )
            if role is not None and asked.tokens.intersection(tokenize(role.group(1))):
                pull *= self.policy.role_weight  # "the architect Samuel Ditchling"
            elif kind is Target.NAME and of_kind_asked(text, start, end, asked):
                pull *= self.policy.role_weight  # "the River Brenn" for "Which river ...?"
            elif kind is Target.NAME and agent_asked(text, start, asked):
                pull *= self.policy.role_weight  # "published by CITIC Press": the publisher
            elif kind is Target.NAME and asked.person and person_by_role(text, start, end):
                pull *= self.policy.role_weight  # "the architect Matteo Grisoni": a person
            elif asked.measure and _measured_before(text, start, asked.measure):
                pull *= self.policy.role_weight  # "a capacity of 41 cubic metres per second"
            pulls.append((pull, (start, end)))
        pulls.sort(key=lambda p: -p[0])
        return pulls
