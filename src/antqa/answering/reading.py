"""What the answer step reads of every sentence of the article, once, at load:
which are captions or headings, who they name, what numbers and words they hold; and
the steps' common base, which reads it."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

import numpy as np

from antqa.answering.kinds import kind_applies
from antqa.answering.policy import AnswerPolicy
from antqa.conversation import SearchPlan, refers_to_a_thing
from antqa.index import ArticleIndex
from antqa.lexical import LexicalIndex, tokenize
from antqa.models import Sentence
from antqa.people import named_in, people
from antqa.questions import Question, analyse, counts_things, names
from antqa.referents import first_standing_for
from antqa.refusals import (
    ArticleWords,
    clause_words,
    holds_name,
    opening_name,
    plain_words,
    same_place,
)
from antqa.retrieval import Scores
from antqa.short_answers import ShortAnswerFinder
from antqa.short_answers.forms import TITLES
from antqa.short_answers.names import ArticleNames, names_body

#: How a sentence ends: a full stop, question or exclamation mark (Chinese ones too),
#: then any closing quotes or brackets.
TERMINAL = re.compile(r"[.!?…。！？][”’\"')\]]*$")
#: A statement, not a label: a pronoun doing something ("he has assumed the role of ...").
#: A line of that kind with no full stop is a sentence that lost it, not a caption or a
#: heading, which name things ("Chairman Peng Lei and CEO Jing Xiandong").
_STATEMENT = re.compile(
    r"\b(?:he|she|they|we|it)\s+(?:has|have|had|is|was|were|are|will|would|\w+ed)\b", re.I
)
#: Fewest words of such a statement: a short heading may read as one ("How it started").
_STATEMENT_WORDS = 8
#: Fewest words of a person's name :meth:`ArticleReading.calls_person` reads: one
#: capitalised word may be anything, two are a given name and a surname.
_PERSON_NAME_WORDS = 2
#: A sentence that is all a quotation: quote marks open and close it.
_QUOTATION = re.compile(r"^\s*[“\"].*[”\"]\s*$", re.S)

#: A possessive inside a capitalised run ("China’s Internet"): a thing of someone's, no name.
_POSSESSIVE = re.compile(r"['’]s\s")
#: Where a subject's name turns to what it is of ("Siege of Port Caldrenne"): the thing
#: after it is what every paragraph tells of too, as "the fortress" or "the town".
_OF = re.compile(r"\s+of\s+(?:the\s+)?(?=[A-Z])")


def _last_names(people: Collection[str]) -> frozenset[str]:
    """The last words (stemmed) of ``people``'s names of two words or more, none holding a
    possessive (:data:`_POSSESSIVE`: "China’s Internet" is no one)."""
    found: set[str] = set()
    for person in people:
        words = person.split()
        if len(words) > 1 and not _POSSESSIVE.search(person):
            found.update(tokenize(words[-1], cached=False)[-1:])
    return frozenset(found)


def _captions(sentences: list[Sentence]) -> set[int]:
    """Sentences that are a whole paragraph without a full stop: headings and captions.

    Not a line cut mid-sentence ("Peng Lei also asked" / "the team to ..."), which goes on
    in lower case in the next paragraph, nor a statement that only lacks its full stop
    (:func:`_states`): it may be just what a question asks about.
    """
    return {
        s.id
        for s in sentences
        if (s.id == 0 or sentences[s.id - 1].paragraph != s.paragraph)
        and not TERMINAL.search(s.text)
        and not _states(s.text)
        and (
            s.id + 1 == len(sentences)
            or (
                sentences[s.id + 1].paragraph != s.paragraph
                and not sentences[s.id + 1].text[:1].islower()
            )
        )
    }


def _introducers(sentences: list[Sentence]) -> dict[int, int]:
    """For each quotation standing as a paragraph of its own, the last sentence of the
    paragraph before its run of such quotations: the line saying whose words they are
    ("Let's look at Peng Lei's words ..." before “Wrong is wrong”, then “This is the
    saddest moment ...”), which a question about them names."""

    def alone(s: int) -> bool:
        paragraph = sentences[s].paragraph
        return (s == 0 or sentences[s - 1].paragraph != paragraph) and (
            s + 1 == len(sentences) or sentences[s + 1].paragraph != paragraph
        )

    introduced: dict[int, int] = {}
    for s in range(1, len(sentences)):
        if alone(s) and _QUOTATION.search(sentences[s].text):
            before = s - 1
            introduced[s] = introduced.get(before, before)
    return introduced


def one_person(text: str, article: ArticleNames, least_words: int = 1) -> bool:
    """Whether ``text`` is wholly one person's name of ``least_words`` or more, as
    ``article`` reads names (:func:`people`): "Viktor Albrecht", not "Hurnsby Dam" ("dam"
    is written in lower case) nor "Publishing Company"."""
    found = people(text, article.common, article.places)
    return found == (text,) and len(text.split()) >= least_words


def _states(text: str) -> bool:
    """Whether a line reads as a statement (a pronoun doing something, at some length)
    rather than as a label: "Since the end of last year at Alipay, he has assumed the role
    of interviewing and external communication" under a photo still says what he does."""
    return len(text.split()) >= _STATEMENT_WORDS and bool(_STATEMENT.search(text))


def subject_names(subject: str, lower_words: frozenset[str]) -> frozenset[str]:
    """The names a question may call the article's ``subject`` by: whole, and without
    each trailing word the article writes in lower case (``lower_words``, stemmed), its
    common noun: an article on "Wexcombe School" calls it "the school", and a question
    "Wexcombe". So is what it is "of": "Port Caldrenne" of "Siege of Port Caldrenne" (an
    answerable of the twenty-sixth batch was refused: "it never mentions Port Caldrenne",
    told of as "the fortress and town"). Not a name the subject's words are part of ("the
    Wexcombe Society", "Clara Halvern" of "Halvern Pharmaceuticals"): that is another
    thing, checked as any name is."""
    words = subject.split()
    found = {subject} if subject else set()
    while len(words) > 1 and set(tokenize(words[-1])) <= lower_words:
        words.pop()
        found.add(" ".join(words))
    for of in _OF.finditer(subject):
        found.add(subject[of.end() :])
    return frozenset(found)


def subject_noun(subject: str, lower_words: frozenset[str]) -> str:
    """The common noun the article calls its ``subject`` by, lower-cased: the subject's last
    word when it is one of two or more and the article writes it in lower case too
    (``lower_words``, stemmed): "service" of "Corvallen Mountain Rescue Service", which
    its paragraphs call "the service". ``""`` when there is none ("Peng Lei")."""
    words = subject.split()
    if len(words) < 2 or not set(tokenize(words[-1])) <= lower_words:
        return ""
    return words[-1].lower()


class ArticleReading:
    """Per sentence of the article, what the answer step reads of it (computed once, at
    load, since every question reads it)."""

    def __init__(
        self, index: ArticleIndex, lexicon: LexicalIndex, article_names: ArticleNames
    ) -> None:
        self.index = index
        self.lexicon = lexicon
        #: What the article tells of its capitalised words (the short-answer finder's own
        #: table, built once): which words it writes in lower case, which are names, places.
        self.names = article_names
        self.captions = _captions(index.sentences)
        #: Per quotation standing as a paragraph, the line introducing its run
        #: (:func:`_introducers`): where the speaker is named.
        self.introduced = _introducers(index.sentences)
        self.plain = [plain_words(s.text) for s in index.sentences]
        #: Per sentence, its clauses' words (:func:`~antqa.refusals.clause_words`): which
        #: of them tell a question's event.
        self.clauses = [clause_words(s.text) for s in index.sentences]
        texts = [s.text for s in index.sentences]
        #: Per sentence, whether it holds a number that is no length of time or distance
        #: (:func:`~antqa.questions.counts_things`): what a count of people or things keeps.
        self.things = np.array([counts_things(text) for text in texts])
        #: The words the article writes in lower case, stemmed: a word of a question it
        #: writes only capitalised is a name, however the question is typed ("varnholt").
        self.lower_words = frozenset(tokenize(" ".join(article_names.common), cached=False))
        self.words = ArticleWords(index.sentences, lexicon, self.lower_words)
        #: The article's names (:attr:`ArticleNames.within`), stemmed as a question's words
        #: are: what a question typed all in lower case names
        #: (:meth:`RefusalChecks._named_as_written`).
        self.name_words = (
            frozenset(tokenize(" ".join(article_names.within), cached=False)) - self.lower_words
        )
        #: Per sentence, the names of someone in it (:func:`people`), and the most words of
        #: one (0 if it names no one).
        #: A body's name (:func:`names_body`: "Skyline Aviation") names no one.
        self.people = [
            tuple(
                n
                for n in people(text, article_names.common, article_names.places)
                if not names_body(n)
            )
            for text in texts
        ]
        self.named = [max((len(n.split()) for n in found), default=0) for found in self.people]
        #: Per person, the sentences naming them: where a fact of theirs is looked for
        #: without reading every sentence per question.
        self.naming: dict[str, list[int]] = {}
        for s, found in enumerate(self.people):
            for person in found:
                self.naming.setdefault(person, []).append(s)
        #: The last words (stemmed) of the names of someone of two words or more: a word a
        #: sentence writes alone calls that person by it ("Arvanti drafted ..." after "Lena
        #: Arvanti"), where the article calls them so (:meth:`~antqa.people.Calling.calls_by`).
        self.last_names = _last_names(self.naming)
        #: The name the article opens on (:func:`antqa.refusals.opening_name`): what every
        #: paragraph tells of, by name or not; with its shortened forms
        #: (:func:`subject_names`): "Wexcombe" of "Wexcombe School".
        opening = opening_name(texts[0]) if texts else ""
        self.subjects = subject_names(opening, self.lower_words)
        #: The common noun the article calls its subject by (:func:`subject_noun`):
        #: "service" of "Corvallen Mountain Rescue Service".
        self.subject_noun = subject_noun(opening, self.lower_words)
        #: The names of the first sentence that most paragraphs write
        #: (:meth:`~antqa.refusals.ArticleWords.told_throughout`), stemmed: what else the
        #: article is about ("Tarvenia" of "The Halvessa Bourse crash of 1996, known in
        #: Tarvenia as ..."), which a sentence may leave unnamed ("The wider economy
        #: entered recession").
        self.pervasive = frozenset(
            n
            for n in (names(texts[0]) if texts else ())
            if n not in self.lower_words and self.words.told_throughout(n)
        )

    def calls_person(self, name: str) -> bool:
        """Whether ``name`` (a span of a sentence) is a person's as the article reads people
        (:func:`people`), no body's (:func:`names_body`), and known as one: a title opens
        it ("Dr Fiona Carrick", "Captain Olav Restrand"), or it is of two words or more
        that the article describes as a person's
        (:attr:`~antqa.short_answers.names.ArticleNames.described`: "the jazz pianist
        Ellinor Raask") or also calls by its last word alone
        (:meth:`~antqa.people.Calling.by_last_alone`: "Edwin Marsh" is "Marsh"; a firm's
        "Carrow-Lindt Laboratories" is never "Laboratories")."""
        found = people(name, self.names.common, self.names.places)
        if len(found) != 1 or not name.endswith(found[0]) or names_body(name):
            return False
        if name != found[0]:  # people() dropped the words opening it: titles, or a sentence's "The"
            opening = name[: len(name) - len(found[0])].split()
            return all(word.lower().rstrip(".") in TITLES for word in opening)
        words = found[0].split()
        if len(words) < _PERSON_NAME_WORDS:
            return False
        if " ".join(words[-2:]) in self.names.described:
            return True  # "the jazz pianist Ellinor Raask"
        first, last = tokenize(words[-2]), tokenize(words[-1])
        return (
            len(first) == 1
            and len(last) == 1
            and self.words.calling.by_last_alone(first[0], last[0])
        )


class AnswerStep:
    """A step of the answer that reads the article (its sentences, what each holds, the
    lexicon), the knobs and the short answers: the refusal checks and the choice of
    sentences."""

    def __init__(
        self, reading: ArticleReading, policy: AnswerPolicy, short: ShortAnswerFinder
    ) -> None:
        self.index = reading.index
        self.lexicon = reading.lexicon
        self.reading = reading
        self.policy = policy
        #: The short answer a sentence holds weighs in its choice
        #: (:meth:`SentenceChooser._offers`) and tells whose step the answer's figure is
        #: (:meth:`RefusalChecks._figure_of_another`).
        self.short = short
        #: Per person (their checked names), the pronouns the article calls them by
        #: (:meth:`called_by`): read over every sentence, so once per person.
        self._called_by: dict[frozenset[str], re.Pattern[str] | None] = {}

    def writes_person(self, sentence: Sentence, named: dict[str, str]) -> bool:
        """Whether ``sentence`` writes one of a person's ``named`` names (stemmed, as
        :meth:`checked_names` gives them) in any form (:func:`~antqa.refusals.holds_name`)."""
        words = self.lexicon.words(sentence.text)
        return any(holds_name(name, words) for name in named)

    def called_by(self, named: dict[str, str]) -> re.Pattern[str] | None:
        """The pronouns the article calls a person by (their ``named`` names as
        :meth:`checked_names` gives them): per sentence writing one, the first pronoun for
        someone after that name, or in the next sentence of its paragraph
        (:func:`~antqa.referents.first_standing_for`: "Dr. Ingrid Vallance, held the post
        ... " + "Her successor, ..."), the kind most sentences give; ``None`` when as
        many give either, or none gives any. A follow-up's "he" is no one the article calls
        "she": a conversation's person carried over from an earlier turn is not always the
        one its pronoun stands for ("why was he forced out?" after "who succeeded her?",
        answered with no name)."""
        key = frozenset(named)
        if key in self._called_by:
            return self._called_by[key]
        sentences = self.index.sentences
        counts: dict[re.Pattern[str], int] = {}
        for sentence in sentences:
            if not self.writes_person(sentence, named):
                continue
            at = max((sentence.text.find(form) for form in named.values()), default=-1)
            after = sentence.text[max(at, 0) :]
            following = sentence.id + 1
            if following < len(sentences) and sentences[following].paragraph == sentence.paragraph:
                after += " " + sentences[following].text
            found = first_standing_for(after)
            if found is not None:
                counts[found] = counts.get(found, 0) + 1
        ranked = sorted(counts.values(), reverse=True)
        called = None
        if ranked and (len(ranked) == 1 or ranked[0] > ranked[1]):
            called = max(counts, key=counts.__getitem__)
        self._called_by[key] = called
        return called

    def near_the_anchors(
        self, plan: SearchPlan, sentence: Sentence, reach: int | None = None
    ) -> bool:
        """Whether ``sentence`` lies within ``reach`` (by default
        :attr:`AnswerPolicy.follow_up_paragraphs`) paragraphs of a sentence the previous
        answer quoted (:attr:`SearchPlan.anchors`): where a follow-up's "it", "there" or
        "that" stands for what was told."""
        sentences = self.index.sentences
        reach = self.policy.follow_up_paragraphs if reach is None else reach
        return any(
            abs(sentences[a].paragraph - sentence.paragraph) <= reach
            for a in plan.anchors
            if a < len(sentences)
        )

    def asks_a_figure_of_it(self, plan: SearchPlan, scores: Scores) -> bool:
        """Whether a follow-up, after an answer that quoted sentences, asks a figure (the
        kinds :func:`~antqa.answering.kinds.kind_applies` reads: a date, a number, a sum)
        of a thing it refers back to (:func:`~antqa.conversation.refers_to_a_thing`), the
        article's subject not named before (:meth:`of_the_subject`): the figure is then
        told near the sentences quoted (:meth:`near_the_anchors`). What the chooser keeps
        near (:meth:`SentenceChooser._near_the_anchors`) and the checks refuse far
        (:meth:`RefusalChecks._figure_elsewhere`)."""
        return kind_applies(scores) and self.refers_to_it(plan)

    def refers_to_it(self, plan: SearchPlan) -> bool:
        """Whether a follow-up, after an answer that quoted sentences, refers back to a
        thing (:func:`~antqa.conversation.refers_to_a_thing`) other than the article's
        subject (:meth:`of_the_subject`): what it asks is told near that answer
        (:meth:`near_the_anchors`)."""
        return (
            plan.follow_up
            and not plan.continuation
            and bool(plan.anchors)
            and refers_to_a_thing(plan.question)
            and not self.of_the_subject(plan)
        )

    def of_the_subject(self, plan: SearchPlan) -> bool:
        """Whether the question a follow-up follows, or the answer it got, names the
        article's subject (:attr:`ArticleReading.subjects`): "it" may then stand for the
        subject ("When was it founded?" after "What is the Northmarch Lights Service?"),
        which every paragraph tells of, not only the one the answer quoted."""
        told = f"{plan.before} {plan.context}"
        return any(
            re.search(rf"\b{re.escape(name)}\b", told, re.IGNORECASE)
            for name in self.reading.subjects
        )

    def checked_names(self, question: Question) -> dict[str, str]:
        """The names of ``question`` that the sentences answering it should mention, each as
        typed (to quote) and as the article writes it (to look up): not its subject, which a
        paragraph may call "it" (rarer than ``subject_idf``), nor a language it asks a word
        of ("mean in English")."""
        language = question.meaning_language
        written = {n: self.as_written(question.text, n) for n in question.names}
        return {
            n: form
            for n, form in written.items()
            if self.lexicon.idf(form) >= self.policy.subject_idf and n not in language
        }

    def as_written(self, text: str, name: str) -> str:
        """The question's ``name`` (a stemmed word of ``text``) as the article writes it:
        in the form it holds (:meth:`~antqa.lexical.LexicalIndex.form`), or, for a word
        it never writes, shortened or misspelt
        (:meth:`~antqa.refusals.ArticleWords.spelt_as`), the word it writes instead."""
        form = self.lexicon.form(name)
        if self.lexicon.resembles_known(name):
            return form
        return self.reading.words.spelt_as(text, name) or form

    def person_named(self, plan: SearchPlan) -> tuple[Question, dict[str, str]] | None:
        """A follow-up read with the person its "he" or "her" stands for written in
        (:meth:`SearchPlan.named`), and that person's :meth:`checked_names`; ``None`` for a
        question with no pronoun for a person or no such person."""
        if plan.continuation or not plan.about:
            return None
        called = self.reading.words.calling.called(plan.about)
        named = plan.named(called)
        if named == plan.question:
            return None  # no pronoun for a person
        question = analyse(named)
        person = set(tokenize(called))
        return question, {n: w for n, w in self.checked_names(question).items() if n in person}

    def names_apart(
        self, question: Question, named: dict[str, str], chosen: Sequence[Sentence]
    ) -> list[str]:
        """The names of ``named`` (the question's :meth:`checked_names`, which each caller
        reads too), as typed, that neither the paragraphs of the ``chosen`` sentences nor
        the sentences within ``name_reach`` mention: not the name the article opens on
        ("the bridge" is Tarrowby Bridge), nor one in a clause saying whom the question
        asks about, which the article tells elsewhere ("who ... in X")."""
        return [
            name
            for name, written_as in named.items()
            if not self.names_subject(question, name, chosen)
            and not self._mentioned_near(question, name, written_as, chosen)
            and not self.reading.words.described(question.text, name)
        ]

    def names_subject(self, question: Question, name: str, chosen: Sequence[Sentence] = ()) -> bool:
        """Whether the question's name holding ``name`` (stemmed) is the article's subject,
        whole or shortened (:attr:`ArticleReading.subjects`): every paragraph tells of the
        subject, by name, by its common noun or as "it", so no sentence need write it, nor
        write it near another name the question gives, nor near a step asked of it. So
        too a name of the first sentence that most paragraphs write
        (:attr:`ArticleReading.pervasive`), unless the ``chosen`` sentences (those that
        would answer) write another such name the question does not: they tell of that
        one ("Ostria ratified the Protocol only after a delay of almost three years"
        asked of Karvenia, both written all over a treaty's article)."""
        if named_in(question.text, name) in self.reading.subjects:
            return True
        pervasive = self.reading.pervasive
        if not (name in pervasive or any(same_place(name, p) for p in pervasive)):
            return False
        written = set().union(*(self.lexicon.words(s.text) for s in chosen))
        return not any(
            holds_name(other, written)
            for other in pervasive
            if other != name and not same_place(name, other) and other not in question.tokens
        )

    def _mentioned_near(
        self, question: Question, name: str, written_as: str, chosen: Sequence[Sentence]
    ) -> bool:
        """Whether the article mentions ``name`` within ``name_reach`` of ``chosen`` (or of
        the line introducing a quotation among them), as written or by the last word of a
        person's name ("Ilse" of "Ilse Dorrance", called "Dorrance" there;
        :meth:`~antqa.people.Calling.by_last`); not "Sarnath" of "the Sarnath
        Basin", which no "basin" tells of (a word the article writes in lower case: without
        that, 3 unanswerables of the SQuAD-format sets were answered)."""
        words = self.reading.words
        reach = self.policy.name_reach
        sentences, introduced = self.index.sentences, self.reading.introduced
        # a quotation is near the line saying whose words it is
        chosen = [*chosen, *(sentences[introduced[s.id]] for s in chosen if s.id in introduced)]
        if words.beside(written_as, chosen, reach):
            return True
        last = words.calling.by_last(question.text, name)
        return last is not None and words.beside(last, chosen, reach)
