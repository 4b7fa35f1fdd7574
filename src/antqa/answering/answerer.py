"""The answer step as one call: choose the sentences, refuse when the article does
not answer, else compose the answer and its citations."""

from __future__ import annotations

import re
from dataclasses import dataclass

from antqa.answering.choosing import Choice, SentenceChooser
from antqa.answering.composing import Composer, hit_holding
from antqa.answering.policy import AnswerPolicy
from antqa.answering.reading import ArticleReading, one_person
from antqa.answering.refusing import RefusalChecks
from antqa.conversation import SearchPlan
from antqa.lexical import tokenize
from antqa.models import Answer, Hit, Sentence, ShortAnswer
from antqa.people import people
from antqa.questions import AnswerKind, Question
from antqa.refusals import periods
from antqa.retrieval import Retriever, Scores
from antqa.short_answers import Asked, ShortAnswerFinder
from antqa.short_answers.names import CAPITALISED, ArticleNames, thing_named

#: How many words a name needs to be taken for a person's where only its capitals tell:
#: a "which" question's answer, or the one name a question asking for no one writes
#: (:func:`person_asked_of`). Two ("Viktor Albrecht"); one word names a work or a ship as
#: well as anyone ("Which opera ...?" -> "Sigrun", "Which locomotive ...?" -> "Corrin";
#: "the Clarion's article"), and a question's first word may read as one ("How").
_WHICH_NAME_WORDS = 2
#: "Who is Ni Xingjun?": a question asking what a person is, not for a name.
_WHO_IS = re.compile(r"^\W*(?i:who\s+(?:is|was))\s+([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)\W*$")
#: A question picking one of several ("Which of his pupils ...?"): its answer may be the
#: person a follow-up's "he" stands for, however :func:`person_named` reads it.
_WHICH = re.compile(r"^\W*(?:(?:and|so)\s+)?which\b", re.I)
#: A digit: a short answer holding one is a time, a number or a sum, no name of a thing.
_DIGIT = re.compile(r"\d")
#: A possessive's ending, which is no part of the name ("Aurel Vennick's job").
_POSSESSIVE = re.compile(r"['’]s\b")
NOT_COVERED = (
    "The article doesn't say{reason}. The closest passages are listed below in case they help."
)


@dataclass(frozen=True)
class Composition:
    """What a follow-up reads of an answer: its text without the runner-up it may hedge
    with (the words "it" and "that company" point into), and the sentences it quotes, the
    best first (a follow-up looks near them)."""

    text: str
    sentence_ids: tuple[int, ...]
    about: str = ""
    """The person it named when asked for one (:func:`person_named`), or the one person
    its question named when it asked for no one (:func:`person_asked_of`): for "he" or
    "her" in a follow-up."""
    when: str = ""
    """The time it gave (:func:`time_given`): for "then" or "that year" in a follow-up."""
    thing: str = ""
    """The name it showed as its short answer (:func:`name_given`): for "it" or "that
    firm" in a follow-up."""


def person_named(
    question: Question, short: ShortAnswer | None, article: ArticleNames | None = None
) -> str:
    """The short answer to a "who" question when it is a name ("Colm Varey"): the person a
    follow-up's pronoun then stands for. ``""`` for any other answer: a place or a year
    answering "where" or "when" is no "he", whom the conversation was about before.

    So is a "which" question's (of any noun: "Which critic described ...?"), when the
    short answer is wholly a person's name of two words or more as the ``article`` reads
    names (:func:`~antqa.people.people`: none of its words written in lower case, no
    place): "Viktor Albrecht", not "Hurnsby Dam" nor "Garrick Detective Agency".

    Either way the answer must hold someone's name as the article reads names: a "who"
    answered with "Tamberly Medical College" (the article writes "as the college had instructed")
    names no "he", and a follow-up reading it as one refused "when did he die?". Nor does a
    name of a thing (:func:`~antqa.short_answers.names.thing_named`), though named after
    someone and written capitalised only ("Marten Prize"), nor one whose words before "of"
    hold a noun for a thing ("Treaty of Almsby": "who led the relief fleet?" answered with
    it made a follow-up's "he" stand for the treaty)."""
    identity = _WHO_IS.match(question.text)
    if identity is not None:  # "Who is Ni Xingjun?" asks what he is: he is the one asked
        return identity.group(1)
    if short is None:
        return ""
    asked = Asked.of(question)
    if not asked.person and not (
        asked.noun and article is not None and one_person(short.text, article, _WHICH_NAME_WORDS)
    ):
        return ""
    if article is not None and not people(short.text, article.common, article.places):
        return ""
    if thing_named(short.text):
        # the unseen exchange-crash batch: "who replaced him?" after a "who" answered with
        # "Marten Prize" was refused as "it never mentions Marten Prize"
        return ""
    return " ".join(CAPITALISED.findall(short.text)[-2:])  # "Walter Hesketh" of "Assemblyman ..."


def person_asked_of(question: Question, article: ArticleNames) -> str:
    """The one person a question names when it asks for no one ("What was Aurel Vennick's
    job?"): whom a follow-up's "he" then stands for ("Where was he born?"), as the person a
    "who" answer names does (:func:`person_named`). ``""`` when it asks for a person or a
    thing of a kind ("Who was Obrenthal's father?", "Which of his sons ...?": "he" is then
    the one answered), or names no one or several (of :data:`_WHICH_NAME_WORDS` or more)."""
    asked = Asked.of(question)
    if asked.person or asked.noun or _WHICH.match(question.text):
        return ""
    found = [
        name
        for name in people(_POSSESSIVE.sub("", question.text), article.common, article.places)
        if one_person(name, article, _WHICH_NAME_WORDS)
    ]
    return found[0] if len(found) == 1 else ""


def time_given(question: Question, short: ShortAnswer | None, main: Sentence) -> str:
    """The time an answer gives, which a follow-up's "then" or "that year" stands for: its
    short answer to a "when" ("When did the Ophir mine close?": "1931"), else the first time
    its ``main`` sentence writes, when what it tells happened ("Vera Aldana took five
    titles; the first of these, in 1986, made her the first woman to win the event, and the
    last came in 2002": "how old was she then?" asks of 1986). ``""`` when it gives none."""
    if short is not None and question.kind is AnswerKind.TIME:
        return short.text
    told = periods(main.text, told=True)
    return min(told, key=lambda period: period.start).text if told else ""


def name_given(shown: ShortAnswer | None) -> str:
    """The short answer an answer showed when it is a name ("Vellan Metals Company"):
    capitalised, with no digit (not "1995", "£2,500" nor "three eggs"). ``""`` otherwise."""
    if shown is None or _DIGIT.search(shown.text) or not shown.text[:1].isupper():
        return ""
    return shown.text


class Answerer:
    """Builds :class:`Answer` objects from retrieval results, in three steps each an
    object of its own: the sentences that answer (:class:`SentenceChooser`), whether
    the article answers at all (:class:`RefusalChecks`), and the text quoting them
    with its citations (:class:`Composer`)."""

    def __init__(self, retriever: Retriever, policy: AnswerPolicy | None = None) -> None:
        index, lexicon = retriever.index, retriever.lexicon
        self.index = index
        self.lexicon = lexicon
        self._policy = policy or AnswerPolicy()
        names = ArticleNames(index.article)
        self.reading = ArticleReading(index, lexicon, names)
        self.short = ShortAnswerFinder(
            lexicon, index.article, names=names, person=self.reading.calls_person
        )
        self.checks = RefusalChecks(self.reading, self.policy, self.short)
        self.chooser = SentenceChooser(self.reading, self.policy, self.short)
        self.composer = Composer(index, lexicon, self.policy, retriever.centred_window, self.short)

    @property
    def policy(self) -> AnswerPolicy:
        """The knobs every step reads."""
        return self._policy

    @policy.setter
    def policy(self, policy: AnswerPolicy) -> None:
        """New knobs for every step at once (an ablation sets them on a loaded service)."""
        self._policy = self.checks.policy = self.chooser.policy = self.composer.policy = policy

    def answer(
        self,
        plan: SearchPlan,
        hits: list[Hit],
        scores: Scores,
        *,
        conversation_id: str,
        model: str,
    ) -> tuple[Answer, Composition]:
        """The answer object for these hits, and what it quoted."""
        choice = self.chooser.choose(hits, plan, scores) if hits else Choice([])
        runner = self.chooser.runner_up(choice, plan, scores)
        reason = (
            self.checks.doubt(plan, hits, scores, choice.sentences, runner)
            if hits
            else " anything about that"
        )
        if (
            reason is not None
            and runner is not None
            and self.checks.told_then_instead(plan, hits, scores, choice.sentences, runner)
        ):  # the chosen sentences tell of another time, the runner-up of the one asked
            choice, runner, reason = Choice([runner], choice.values), None, None
        chosen = self.chooser.alone_when_clear(choice, scores) if reason is None else []
        hits = self.composer.passages_for(chosen, hits, scores)
        quoted = [s for s in chosen if hit_holding(s, hits) is not None]
        if not quoted:
            text = NOT_COVERED.format(reason=reason or "")
            refused = self.refusal(text, hits, conversation_id=conversation_id, model=model)
            return refused, Composition(text, ())
        # through a second hop the sentences found first tell whom the question asks about,
        # so a short answer they give answers that, not what is asked ("Who leads ..., and
        # what job did he take in October 2016?" gave the deputy's name)
        short = None if choice.kept else self.short.find(scores.question, quoted)
        if short is not None and not self.short.fits(scores.question, short):
            short = None  # of another kind, or the question's own words: no answer to cut to
        hedged = runner is not None and hit_holding(runner, hits) is not None
        if runner is not None and hedged:
            quoted.append(runner)  # read last, after what the answer chose (and its [1])
        text, citations = self.composer.cite(
            hits, quoted, scores, short, hedged=hedged, kept=choice.kept, answering=choice.answering
        )
        if short is not None and short.text not in text:
            short = None  # cut out after all: the answer must show its short answer
        if short is not None and plan.asked_before(short.text):
            short = None  # what the question before asked of, not what this one asks
        if short is not None and self._strays(plan, scores.question, short, quoted):
            short = None  # about something other than what the follow-up refers back to
        # found in a later sentence than the best, it is too weak to show: the quote is
        # still built around it, but a wrong short answer misleads more than none
        shown = short if short == self.short.shown(scores.question, quoted) else None
        if shown is not None and plan.about and shown.text in plan.about:
            # the one the follow-up asks of ("Whom did the strikers blame for it?" after
            # Rosa Venn was shot), which a question typed whole writes and so never gets
            # as its short answer; the text, cut around it, stays as it is
            shown = None
        answer = Answer(
            answer=text,
            short_answer=shown,
            answerable=True,
            citations=citations,
            conversation_id=conversation_id,
            model=model,
        )
        # a follow-up reads what the answer chose: the hedge names another thing ("that
        # company" after "Alipay was the settlement department of Taobao" + "We know that
        # Ant Financial started from Alipay" drifted to Ant Financial)
        said = self.composer.quote(hits, quoted[:-1], scores, short) if hedged else text
        about = person_named(scores.question, short, self.short.names) or person_asked_of(
            scores.question, self.short.names
        )
        when = time_given(scores.question, short, quoted[0])
        thing = name_given(shown)
        return answer, Composition(said, tuple(s.id for s in quoted), about, when, thing)

    def _strays(
        self, plan: SearchPlan, question: Question, short: ShortAnswer, quoted: list[Sentence]
    ) -> bool:
        """Whether a follow-up's ``short`` answer lies in a sentence more than
        :attr:`AnswerPolicy.follow_up_paragraphs` paragraphs from every sentence the previous
        answer quoted (:attr:`SearchPlan.anchors`), naming nobody the follow-up's "he" or
        "she" stands for (:attr:`SearchPlan.about`, by the last word of the name: "Penhallow
        himself lent the company £20,000") and not saying itself that it is of the kind
        asked ("China Guangfa Bank" for "Which bank ...?", :attr:`Asked.noun`): then it
        likely tells of another thing than the one "he", "it" or "there" stands for. Never
        for a question on its own."""
        if not plan.follow_up or not plan.anchors:
            return False
        if Asked.of(question).noun & set(tokenize(short.text)):
            return False
        holding = next((s for s in quoted if s.start <= short.start < s.end), None)
        if holding is None:
            return False
        surname = plan.about.split()[-1:]
        if surname and re.search(rf"\b{re.escape(surname[0])}\b", holding.text):
            return False
        return not self.chooser.near_the_anchors(plan, holding)

    def refusal(self, text: str, hits: list[Hit], *, conversation_id: str, model: str) -> Answer:
        """An ``answerable: false`` answer with ``text``; the closest passages are listed as
        related reading (``cited: false``), since the answer cites nothing."""
        return Answer(
            answer=text,
            answerable=False,
            citations=self.composer.citations(hits, {}, []),
            conversation_id=conversation_id,
            model=model,
        )
