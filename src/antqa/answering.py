"""From ranked passages to an answer: the sentence(s) that answer, or an honest refusal.

The answer is extractive: it quotes the article, so it cannot say anything the article
does not. It is the best sentence of the top passages, plus a second one when that is
nearly as good (or the question asks two things), in article order, each followed by a
``[n]`` marker pointing at the citation whose passage contains it; a very long sentence
is cut down to the clauses that answer. A short sentence right after the best one is
quoted too when it fits uncut, because it often completes it.

Refusing is decided from signals that do not depend on the exact scale of the embedding
model's similarities: a name the article never mentions, a question far from every
sentence, a question that asks for a kind of thing (a number, a date, a share)
that none of the best sentences holds, or sentences that would answer but are about
another time (or give the question's time to something else), never name, in their
paragraph, what the question names, give what it asks to another name ("the Ostmark pit"
for "the Hollin pit") or another place, or say the opposite ("greatest" for "smallest",
"fell" for "rise", "first year" for "second year"), tell the step asked of a name of
someone else, or tell the name asked about as the doer of a "who" question's step, or a
question tying names the article never tells of together, or a "who" question whose
sentences tell the event but no one who did it, or a question asking a figure of an event
the article tells without one, or adding a detail it does not give (a refusal or a
dismissal never told, a city within the only country named, a total where only those who
took part are counted) (:mod:`antqa.refusals`). A
question the article does answer is refused only on that evidence, because a wrong
refusal fails the user too.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from antqa.conversation import SearchPlan
from antqa.index import ArticleIndex
from antqa.lexical import LexicalIndex, tokenize
from antqa.models import Answer, Citation, Hit, Sentence, ShortAnswer
from antqa.questions import (
    MONTH_NAMES,
    AnswerKind,
    Question,
    asks_cause_of_death,
    asks_successor,
    counts_spans,
    counts_things,
    gives_length_of_time,
    names,
    tells_cause_of_death,
    tells_succession,
)
from antqa.refusals import (
    KIND_FRAME_WORDS,
    ArticleWords,
    asked_role,
    dated_elsewhere,
    doer_reversed,
    event_untold,
    event_without_figure,
    event_word,
    given_to_another,
    in_period_written,
    named_by_year,
    never_done,
    no_one_told,
    numbered_names,
    only_larger_place,
    opening_name,
    opposite_word,
    periods,
    placed_elsewhere,
    plain_words,
    rank_swapped,
    role_held,
    role_written,
    step_of_another,
    time_conflict,
    total_untold,
    vague_time_alone,
    written_out,
)
from antqa.retrieval import Scores, off_centre
from antqa.short_answers import (
    Asked,
    ShortAnswerFinder,
    asks_parent_role,
    gives_measure_asked,
    target,
    tells_parentage,
    told_before,
)

NOT_COVERED = (
    "The article doesn't say{reason}. The closest passages are listed below in case they help."
)
_KIND_NOUN = {
    AnswerKind.COUNT: "a number",
    AnswerKind.AMOUNT: "an amount",
    AnswerKind.SHARE: "a share or rate",
    AnswerKind.DURATION: "a length of time",
    AnswerKind.AGE: "an age",
    AnswerKind.TIME: "a date or time",
    AnswerKind.PLACE: "a place",
}
#: Kinds whose pattern does not single out the answering sentence, so none is favoured
#: for matching it. A place is written in too many ways ("of the Adriatic", "in southern
#: Italy"): the one naming a place near the question's words is added by
#: :meth:`Answerer._completing` when the best names none. A manner's markers ("through",
#: "by ...ing", "way") are words any sentence may hold: the bonus put "... apologized by
#: sending an internal letter" before "Many people cried during the review" for "How did
#: staff react ...?"; without it two answers on this article's sets hit that missed, none
#: was lost on any set and medians fell (dev 238 -> 233 chars).
_UNFAVOURED_KINDS = (AnswerKind.ANY, AnswerKind.PLACE, AnswerKind.MANNER)
_TERMINAL = re.compile(r"[.!?…。！？][”’\"')\]]*$")
_CLAUSE_BREAK = re.compile(r"(?<=[;,:])\s+")
#: A statement, not a label: a pronoun doing something ("he has assumed the role of ...").
#: A line of that kind with no full stop is a sentence that lost it, not a caption or a
#: heading, which name things ("Chairman Peng Lei and CEO Jing Xiandong").
_STATEMENT = re.compile(
    r"\b(?:he|she|they|we|it)\s+(?:has|have|had|is|was|were|are|will|would|\w+ed)\b", re.I
)
#: Fewest words of such a statement: a short heading may read as one ("How it started").
_STATEMENT_WORDS = 8
_ELLIPSIS = "…"
#: Capitalised words in a row (a name: "Robert Dacre", "Margaret Thorne").
_CAPITALISED_RUN = re.compile(r"(?<![\w’'])[A-Z][\w’'-]*[a-z](?:\s+[A-Z][\w’'-]*[a-z])*")
#: Fewest words of a run taken for a person's name: one capitalised word may be anything
#: ("Ashby", "German"), two are a given name and a surname far more often than not.
_PERSON_WORDS = 2
#: A sentence opening by summing up things told before it: "These two incidents ...",
#: "Both ships ...", "The three reforms ..." (group 1: the noun it sums them up by).
_SUMMING_UP = re.compile(
    r"(?:These|Those|Both|The\s+(?:two|three|four|five))(?:\s+(?:two|three|four|five))?"
    r"\s+([a-z]+s)\b"
)
#: How English ends the adjectives of peoples and places ("German", "Swedish", "Japanese",
#: "Icelandic", "Saudi"): one such word before a lower-case one qualifies it.
_DEMONYM = re.compile(r"(?:an|ish|ese|ic|i)$")
_LOWER_NEXT = re.compile(r"\s+[a-z]")
#: What makes a number of a question an ordinal ("50th"), which words write as one.
_ORDINAL_SUFFIXES = ("st", "nd", "rd", "th")
#: The least number of a question looked for in words too: 2, since "one" and "first" are
#: written of anything ("one of the ...", "the first time"); with 1 (either form looked
#: for), "Where was race 1 first detected?" (unanswerable) found its number and was answered.
_LEAST_NUMBER_IN_WORDS = 2
#: A number in a question as people write one ("1107", "7,000", "9.0", "10th", "1100s"),
#: with what may follow it (an ordinal's suffix, a decade's "s"); the digits are matched.
#: Not an id ("<@&1000000000000030>").
_QUESTION_NUMBER = re.compile(
    r"(?<![\w.@&#])\d{1,4}(?:,\d{3})*(?:\.\d+)?(?!\d)"
    rf"(?=(?P<suffix>(?:{'|'.join(_ORDINAL_SUFFIXES)}|'?s)?))"
)


@dataclass(frozen=True)
class AnswerPolicy:
    """Knobs of the answer step (tuned on the development and extra sets, see the notes)."""

    max_answer_chars: int = 600
    candidate_passages: int = 3
    #: A second sentence only when nearly as good as the best, and the two short enough
    #: (``pair_chars``): at 0.4 with no length bound answers ran long (Normans median 303
    #: chars); 0.2 and 300 chars give 193 (Normans), 174 (squad-own) with dev and extra
    #: hits as at 0.4 (see benchmarks/quality_ablation.py --answers).
    second_margin: float = 0.2
    next_bonus: float = 0.1
    repeat_penalty: float = 1.0
    own_weight: float = 0.5
    kind_bonus: float = 0.3
    #: A best sentence without what the question asks for (a name for "who") is followed
    #: by the best one with it when that is within this share of its score, whatever the
    #: length: 0.3 took Normans hit .844 -> .854 at +10 chars median; 0.4/0.5 gained no
    #: more and added length (see benchmarks/quality_ablation.py --answers).
    kind_margin: float = 0.3
    #: The sentence after the best one holding at least half (IDF-weighted) of the
    #: question's words the best lacks is quoted second within this share of its score:
    #: 0.35 took squad-own .926 -> .941 with Normans unchanged (hit and median); any
    #: close sentence instead of the next one added length on Normans' unanswerables.
    next_margin: float = 0.35
    #: ... holding at least this share of the missing words: half, so one common word
    #: of the question ("company") does not make the next sentence the answer.
    next_share: float = 0.5
    #: How many sentences after the best one that sentence may be: 2, since a short one
    #: often stands between ("... struck a passenger train." "Four people died." "The
    #: inquiry ... recommended ...").
    next_reach: int = 2
    long_sentence_chars: int = 300
    #: A sentence holding the short answer is cut to its clauses around it past this many
    #: characters: at 250 no answer hit was lost on any set and medians fell (dev 248 ->
    #: 232, Normans 192 -> 187, extra 232 -> 219); at 200-220 a follow-up lost its hit.
    clear_cut_chars: int = 250
    #: A best sentence longer than this is quoted alone and whole, not cut to make room
    #: for a second (the README's "who replaced her?" lost "Jing Xiandong succeeded him").
    whole_best_chars: int = 300
    #: Two sentences are quoted together only up to this many characters: a second long
    #: sentence adds more reading than answer (median answers on other articles <= 200).
    pair_chars: int = 300
    follower_chars: int = 80
    #: A runner-up within this share of the best sentence's score is quoted after the
    #: chosen sentences whatever the pair's length (:meth:`Answerer.runner_up`): below a
    #: 0.1 margin the best was wrong in 4 of 10 questions of the SQuAD-format sets and
    #: the runner-up held the answer in half of those. 0.1 took their pooled hit .884 ->
    #: .903 (median 180 -> 183 chars, no hit or refusal lost); 0.07 gained 6 hits, 0.15
    #: one more than 0.1 at more length.
    tie_margin: float = 0.1
    #: ... but a best sentence that holds a clear short answer is hedged only within this
    #: much tighter share: most such sentences answer (0 gained 1 hit less, 0.1 added 7
    #: chars of median for 1 hit more).
    clear_tie_margin: float = 0.03
    #: How far back (in sentences) the thing a summing-up sentence names is looked for
    #: ("These two incidents ..." 17 sentences after the first incident is told): a few
    #: paragraphs, not the whole article.
    summed_reach: int = 20
    #: How many sentences away a "why" answer looks for the cause (within the paragraph).
    cause_reach: int = 4
    kind_depth: int = 6
    kind_passages: int = 2
    unrelated_similarity: float = 0.3
    #: The share of a question's (IDF-weighted) words one sentence must hold for the
    #: question to count as asked in the article's words: all of them, less float error.
    all_words_held: float = 0.999
    #: A word with a lower IDF is held by more than about a quarter of the sentences (the
    #: article's subject, "Normans"): sharing it ties a question to no sentence in particular.
    topic_idf: float = 1.4
    #: A name with a lower IDF is held by more than about one sentence in six: what the
    #: article is about ("Marrick" in a town's history), which a paragraph may call "it".
    #: At 2.3 (one in ten) a name in 3 of a short article's 27 sentences passed as its
    #: subject; Normans, squad-own and this article are the same at 1.8 and 2.3.
    subject_idf: float = 1.8
    #: A name is looked for in the answer's paragraphs and this many sentences either side:
    #: an article whose paragraphs are single lines still names things nearby (2 lost two
    #: unanswerables on Normans and squad-own, answerables refused the same at 0, 1 and 2).
    name_reach: int = 1


@dataclass(frozen=True)
class Part:
    """One quoted sentence as the answer reads it (maybe cut), and the hit citing it."""

    text: str
    hit: int
    sentence: Sentence


@dataclass(frozen=True)
class Choice:
    """The sentences :meth:`Answerer.choose` picked, the best first, and the answer score
    of every candidate they were picked from, kept so that :meth:`Answerer.runner_up`
    weighs the same values rather than computing them again (empty when the answer reads
    on from the last one, which has no candidates)."""

    sentences: list[Sentence]
    values: dict[int, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Composition:
    """The answer text and the sentences it quotes, the best first (a follow-up looks near it)."""

    text: str
    sentence_ids: tuple[int, ...]


class Answerer:
    """Builds :class:`Answer` objects from retrieval results."""

    def __init__(
        self, index: ArticleIndex, lexicon: LexicalIndex, policy: AnswerPolicy | None = None
    ) -> None:
        self.index = index
        self.lexicon = lexicon
        self.policy = policy or AnswerPolicy()
        self.short = ShortAnswerFinder(lexicon, index.article)
        self.captions = _captions(index.sentences)
        self.words = ArticleWords(index.sentences, lexicon)
        self.plain = [plain_words(s.text) for s in index.sentences]
        texts = [s.text for s in index.sentences]
        #: Per sentence, whether it holds a number that is no length of time or distance
        #: (:func:`~antqa.questions.counts_things`): what a count of people or things keeps.
        self.things = np.array([counts_things(text) for text in texts])
        #: The words the article writes in lower case, stemmed: a word of a question it
        #: writes only capitalised is a name, however the question is typed ("varnholt").
        self.lower_words = frozenset(tokenize(" ".join(self.short.common), cached=False))
        #: The words the article writes only capitalised, as names (stemmed): what a
        #: question typed all in lower case names (:meth:`_named_as_written`).
        self.name_words = frozenset(t for text in texts for t in names(text)) - self.lower_words
        #: Per sentence, the most words of a name of someone in it (0 if it names no one).
        self.named = [_longest_name(text, self.short.common, self.short.places) for text in texts]
        #: Per sentence, the stored window centred nearest on it (what a passage citing it
        #: quotes when no retrieved passage holds it).
        self.window = _centred_windows(index)
        #: The name the article opens on (:func:`antqa.refusals.opening_name`): what every
        #: paragraph tells of, by name or not.
        self.subject = opening_name(texts[0]) if texts else ""

    # ------------------------------------------------------------------ refusing

    def doubt(
        self, plan: SearchPlan, hits: list[Hit], scores: Scores, chosen: list[Sentence]
    ) -> str | None:
        """Why the article does not answer the question, or ``None`` if it may well.

        ``chosen`` is what :meth:`choose` picked to answer it. The wording completes "The
        article doesn't say…".
        """
        question = scores.question
        language = question.meaning_language  # "mean in English": not the subject
        missing = [
            n for n in question.names if not self.lexicon.resembles_known(n) and n not in language
        ]
        if missing:
            return f" — it never mentions {_named(question.text, missing[0])}"
        # A question that names something the article does name (a person, a month, a
        # place) is about the article however loosely its wording matches any sentence.
        named_here = bool(question.names)
        # Likewise a question whose every word one sentence holds: it asks in the
        # article's own words, however far its vector lands ("What did the inquiry
        # recommend?" scores low against a long sentence that says "recommended").
        worded_here = float(scores.coverage.max(initial=0.0)) >= self.policy.all_words_held
        follow_up = plan.strength >= 1.0
        closest = float(scores.dense.max(initial=0.0))
        if (
            not (follow_up or named_here or worded_here)
            and closest < self.policy.unrelated_similarity
        ):
            return " anything about that"
        unmatched = self._unmatched_number(question.text, hits)
        if unmatched is not None:
            return f" — none of its passages on this mentions {unmatched}"
        # For a count or an amount, any number will do: the thing counted is often named in
        # other words ("3,260 ships" for "how many vessels"), money in currencies no list
        # holds ("8,000 scudi"), so it steers which sentence answers (:meth:`_holding`)
        # but refuses nothing.
        if self._kind_applies(scores) and not self.holders(hits, scores, counted=False):
            return f" — none of its passages on this gives {_KIND_NOUN[question.kind]}"
        return (
            self._unheld_role(plan, hits, question)
            or self._beside_the_answer(plan, scores, chosen)
            or self._opposite_extreme(plan, hits, question, chosen)
            or self._no_one(plan, question, chosen)
            or self._event_without_kind(plan, hits, scores, chosen)
            or self._untold_detail(plan, hits, question, chosen)
        )

    def _named_as_written(self, question: Question) -> tuple[str, ...]:
        """The names the question gives; when it is typed all in lower case ("who took over
        as president once jing xiandong became ceo?"), its words the article writes only
        capitalised. Capitals typed are what :func:`~antqa.questions.names` reads."""
        if question.names or not _LOWER_CASE_TYPED.search(question.text):
            return question.names
        return tuple(t for t in question.tokens if t in self.name_words)

    def _untold_detail(
        self, plan: SearchPlan, hits: list[Hit], question: Question, chosen: list[Sentence]
    ) -> str | None:
        """The question makes its event a refusal or a dismissal the passages never tell
        of, asks a place within the only place the answer gives, or a total where it gives
        only how many took part in something (:func:`antqa.refusals.event_untold`,
        :func:`~antqa.refusals.only_larger_place`, :func:`~antqa.refusals.total_untold`):
        the article tells the event, not the detail the question adds."""
        if plan.continuation or not chosen:
            return None
        passages = [hit.chunk.text for hit in hits[: self.policy.candidate_passages]]
        event = event_untold(question.text, passages)
        if event is not None:
            return f' — where it tells of this, no one does what "{event}" says'
        texts = [s.text for s in chosen]
        larger = only_larger_place(question.text, texts)
        if larger is not None:
            return f" — where it tells of this, it names only {larger}, no place within it"
        if question.kind is AnswerKind.COUNT and total_untold(question.text, texts):
            return " — it gives how many took part in something, not a total"
        return None

    def _event_without_kind(
        self, plan: SearchPlan, hits: list[Hit], scores: Scores, chosen: list[Sentence]
    ) -> str | None:
        """The sentences of the top passages that tell of the question's event (its rarest
        word the article writes in lower case, :func:`antqa.refusals.event_word`) hold
        none of the kind it asks for, and the ones that would answer never tell of it
        (:func:`antqa.refusals.event_without_figure`): the article tells the event, not
        the figure."""
        question = scores.question
        if plan.continuation or not chosen or not self._kind_applies(scores):
            return None
        rarity = {
            t: self.lexicon.idf(self.lexicon.form(t))
            for t in question.tokens
            if t in self.lower_words and self.lexicon.known(self.lexicon.form(t))
        }
        word = event_word(question.tokens, question.names, rarity)
        if word is None:
            return None
        near = _sentences_of(hits[: self.policy.kind_passages])
        sentences = self.index.sentences
        telling = [
            (self.lexicon.words(sentences[s].text), sentences[s].text, bool(scores.kind_held[s]))
            for s in sorted(near)
        ]
        quoted = [self.lexicon.words(s.text) for s in chosen]
        topic = [t for t in question.tokens if t not in KIND_FRAME_WORDS]
        if not event_without_figure(word, topic, telling, quoted):
            return None
        return f" — where it tells of this, it never gives {_KIND_NOUN[question.kind]}"

    def _no_one(self, plan: SearchPlan, question: Question, chosen: list[Sentence]) -> str | None:
        """A question asking for a person whose answering sentences tell of no one it does
        not name (:func:`antqa.refusals.no_one_told`): the article tells the event, not who."""
        if plan.continuation or not chosen or not Asked.of(question).person:
            return None
        if not no_one_told(question.text, [s.text for s in chosen], self.short.common):
            return None
        return " who — where it tells of this, it names no one"

    def _opposite_extreme(
        self, plan: SearchPlan, hits: list[Hit], question: Question, chosen: list[Sentence]
    ) -> str | None:
        """The sentences that would answer, or the passage they would come first from, say
        the opposite of what the question asks (:func:`antqa.refusals.opposite_word`): the
        smallest asked, the greatest told; "the happiest moment" asked where the passage
        tells of "the saddest moment" in a sentence that matches the question less well; or
        they say what it asks of never happened (:func:`antqa.refusals.never_done`)."""
        if plan.continuation or not chosen:
            return None
        ranked = rank_swapped(question.text, [s.text for s in chosen])
        if ranked is not None:  # "the second year" asked, "the first year" told
            return f' — where it tells of this, it says "{ranked[1]}", not "{ranked[0]}"'
        denied = never_done(question.text, [s.text for s in chosen])
        if denied is not None:  # "when was it reopened" asked, "never reopened" told
            return f' — where it tells of this, it says "{denied}"'
        quoted = {s.id for s in chosen}
        for ids in (quoted, quoted | set(hits[0].chunk.sentence_ids)):
            found = opposite_word(question.text, self._plain_words(ids))
            if found is not None:
                asked, told = found
                return f' — where it tells of this, it says "{told}", not "{asked}"'
        return None

    def _plain_words(self, ids: set[int]) -> set[str]:
        """The words as written (:func:`antqa.refusals.plain_words`) of these sentences."""
        return set().union(*(self.plain[i] for i in ids))

    def _unheld_role(self, plan: SearchPlan, hits: list[Hit], question: Question) -> str | None:
        """A "who ... as ROLE" question whose role the passages the answer would come from
        give to no one but the people it names ("Who replaced Peng Lei as chairman?" where
        only Peng Lei became chairman): it swaps who held what (see
        :func:`antqa.refusals.role_held`). Captions label; they tie no one to a role."""
        written, words = asked_role(question.text)
        named = self._named_as_written(question)
        role = [w for w in words if w not in named]  # "as Ant's CEO": the CEO
        if not role or plan.continuation or not named:
            # naming no one, a question swaps no one's role ("as" may also mean "while")
            return None
        texts = [
            self.index.sentences[s].text
            for hit in hits[: self.policy.candidate_passages]
            for s in hit.chunk.sentence_ids
            if s not in self.captions
        ]
        if not role_written(role, texts) or role_held(role, named, texts):
            return None
        return f" — where it tells of the {written}, it names no one else as one"

    def _beside_the_answer(
        self, plan: SearchPlan, scores: Scores, chosen: list[Sentence]
    ) -> str | None:
        """Why the sentences that would answer are about something else than the question,
        though the article mentions everything it names: they are about another time
        (see :mod:`antqa.refusals`), or their paragraph never names what it names."""
        question = scores.question
        if plan.continuation or not chosen or not (question.names or periods(question.text)):
            return None  # reading on, or nothing to check
        return self._other_time(question, chosen) or self._unnamed(question, chosen)

    def _unnamed(self, question: Question, chosen: list[Sentence]) -> str | None:
        """A name the question gives that the paragraphs of the answer never mention:
        "Who identified themselves as French during the Hundred Years War?" answered from
        a paragraph where they called themselves English. A question names what its
        answer is told with, so a paragraph without it tells of something else."""
        language = question.meaning_language
        named = [
            n
            for n in question.names
            if self.lexicon.idf(n) >= self.policy.subject_idf and n not in language
        ]
        for name in named:  # not what the article is about: a paragraph may call it "it"
            if _named(question.text, name) == self.subject:
                continue  # nor the name it opens on: "the bridge" is Tarrowby Bridge
            near = self.words.beside(name, chosen, self.policy.name_reach)
            if not near and not self.words.described(question.text, name):  # "who ... in X"
                return f" — where it tells of this, it never mentions {_named(question.text, name)}"
        for written, pattern in numbered_names(question.text):  # "Henry II", not "Henry III"
            if not self.words.written_beside(pattern, chosen):
                return f" — where it tells of this, it never mentions {written}"
        apart = self.words.apart(named, self.policy.name_reach)
        if apart is not None:  # "Ni Xingjun's role at Wacai.com", told of apart
            one, other = (_named(question.text, n) for n in apart)
            together = one if one == other else f"{one} and {other} together"
            return f" — it never tells of {together}"
        asks_time = question.kind is AnswerKind.TIME
        step = self.words.step_apart(question.text, named, self.policy.name_reach, asks_time)
        if step is not None:  # "before she joined Alipay", "when did he join", never told
            name, written = step
            return f' — where it tells of {_named(question.text, name)}, it never says "{written}"'
        texts = [s.text for s in chosen]
        swapped = given_to_another(question.text, texts, self.short.common)
        if swapped is not None:  # "the Hollin pit" asked, "the Ostmark pit" told
            return f' — it tells of "{swapped[1]}", not "{swapped[0]}"'
        unnamed = step_of_another(question.text, [self._with_before(s) for s in chosen])
        if unnamed is not None:  # "did Piet Ommeren publish", told of Kaarvig's analysis
            return f' — where it tells of "{unnamed[1]}", it never names {unnamed[0]}'
        reversed_ = doer_reversed(question.text, texts)
        if reversed_ is not None:  # "Who replaced the Normans?" of "The Normans replaced"
            return f' — it never says who "{reversed_[1]}" {reversed_[0]}'
        if question.compound:
            return None  # the place asked may be the other question's ("..., and how long
            # had she been at Alipay?" of where she was when she apologized)
        placed = placed_elsewhere(question.text, texts, question.names)
        if placed is not None:  # "at Taobao" asked, "at UC" told
            return f" — where it tells of this, it says {placed[1]}, not {placed[0]}"
        return None

    def _with_before(self, sentence: Sentence) -> tuple[str, list[str]]:
        """A sentence's text and the texts of the ones before it in its paragraph (where a
        pronoun in it may find what it stands for; :func:`antqa.refusals.step_of_another`
        decides how far back)."""
        sentences = self.index.sentences
        start = sentence.id
        while start > 0 and sentences[start - 1].paragraph == sentence.paragraph:
            start -= 1
        return sentence.text, [s.text for s in sentences[start : sentence.id]]

    def _other_time(self, question: Question, chosen: list[Sentence]) -> str | None:
        """The sentences that would answer are dated only at other times than the question
        pins, or tied to it by nothing but a century or decade it names."""
        pinned = periods(question.text)
        if not pinned or self._dated_just_before(question.text, len(pinned), chosen):
            return None
        texts = [s.text for s in chosen]
        conflict = time_conflict(question.text, " ".join(texts))
        # Or they give the question's time, but to something else than what it asks.
        conflict = conflict or dated_elsewhere(question.text, texts)
        if conflict is not None:
            asked, dated = conflict
            return f" — what it says on this is dated {dated.text}, not {asked.text}"
        near = self._surroundings(chosen)
        rare = [t for t in question.tokens if self.lexicon.idf(t) >= self.policy.topic_idf]
        alone = vague_time_alone(question.text, near, set(rare))
        return None if alone is None else f" — what it tells of {alone} is about other things"

    def _dated_just_before(self, question: str, asked: int, chosen: list[Sentence]) -> bool:
        """Every time the question pins names a thing by its year ("the 2005 ruling"), and
        a chosen sentence calls it by its noun alone ("overturned the ruling") right after
        a sentence of its paragraph that writes the year: the year dates the thing, which
        the sentence before tells, not what is asked of it (an answerable of the eleventh
        batch was refused: "dated 2011, not 2005")."""
        named = named_by_year(question)
        if not named or len(named) != asked:
            return False
        sentences = self.index.sentences
        return all(
            any(
                re.search(rf"\b{re.escape(noun)}\b", c.text, re.I)
                and c.id > 0
                and sentences[c.id - 1].paragraph == c.paragraph
                and re.search(rf"\b{year}\b", sentences[c.id - 1].text)
                for c in chosen
            )
            for year, noun in named
        )

    def _surroundings(self, chosen: list[Sentence]) -> set[str]:
        """The words of the chosen sentences and of the sentence before and after each
        (same paragraph)."""
        sentences = self.index.sentences
        return {
            word
            for c in chosen
            for s in range(max(0, c.id - 1), min(len(sentences), c.id + 2))
            if sentences[s].paragraph == c.paragraph
            for word in self.lexicon.words(sentences[s].text)
        }

    def _unmatched_number(self, question: str, hits: list[Hit]) -> str | None:
        """A number the question gives ("in 1107", "the 10th century") that the passages
        the answer would come from never write: like a name the article never mentions,
        it says the question is about something else (often a changed date)."""
        near = " ".join(hit.chunk.text for hit in hits[: self.policy.candidate_passages])
        for number in _QUESTION_NUMBER.finditer(question):
            if in_period_written(question, number.start(), near):
                continue  # "the 11th century", written "from 1068 to 1104"; "the 1960s"
            if re.search(rf"(?<![\d.,]){re.escape(number.group())}(?![\d])", near):
                continue
            if not _written_in_words(number.group(), number.group("suffix"), near):
                return number.group(0) + number.group("suffix")
        return None

    @staticmethod
    def _kind_applies(scores: Scores) -> bool:
        """The answer must hold the kind asked for (a question asking two things may not).

        Only for kinds a sentence plainly holds or not (a number, a date): a cause or a
        method can be told in too many ways to refuse for want of "because".
        """
        return scores.question.kind in _KIND_NOUN and not scores.question.compound

    def holders(
        self, hits: list[Hit], scores: Scores, counted: bool = True, passages: int | None = None
    ) -> set[int]:
        """Sentences near the top that hold the kind of answer asked for (for a count or an
        amount, with ``counted=False``, any number, whatever it counts; for other kinds the
        flag changes nothing). For "by how much", a share is such an answer too.

        Near the top means among the ``kind_depth`` most relevant sentences and inside the
        first ``passages`` passages (``kind_passages`` unless given): a date in some
        far-off sentence answers nothing.
        """
        top = np.argsort(-scores.relevance, kind="stable")[: self.policy.kind_depth]
        reach = self.policy.kind_passages if passages is None else passages
        near = _sentences_of(hits[:reach])
        held = scores.held if counted else scores.kind_held
        if scores.question.by_how_much:
            held = held | scores.shares
        return {int(s) for s in top if s in near and held[s]}

    # ------------------------------------------------------------------ composing

    def _candidates(self, hits: list[Hit], plan: SearchPlan, scores: Scores) -> dict[int, float]:
        """Answer score of every sentence of the top passages."""
        ids = _sentences_of(hits[: self.policy.candidate_passages])
        ids = ids - self.captions or ids  # a caption or heading labels; it does not answer
        own = self.policy.own_weight
        order = list(ids)  # in the set's order, which breaks ties between equal values
        at = np.array(order, dtype=np.int64)
        # at once rather than one sentence at a time: the same float32 sums, far fewer calls
        value = scores.relevance[at] + own * (scores.dense[at] + scores.coverage[at])
        values = dict(zip(order, value.tolist(), strict=True))
        if plan.strength >= 1.0:  # a follow-up wants something new, not the last answer again
            for s in plan.anchors:
                if s in values:
                    values[s] -= self._repeat_penalty(s, plan)
        tells = _told_plainly(scores.question)
        if tells is not None:
            values = self._telling(values, tells)
        kind = scores.question.kind
        if self._kind_applies(scores) and kind is not AnswerKind.PLACE:
            return self._holding(values, hits, scores)
        if kind not in _UNFAVOURED_KINDS:
            for s in values:
                values[s] += self.policy.kind_bonus * bool(scores.held[s])
        return values

    def _telling(self, values: dict[int, float], tells: Callable[[str], bool]) -> dict[int, float]:
        """Only the candidates whose text ``tells`` (all if none does)."""
        sentences = self.index.sentences
        return {s: v for s, v in values.items() if tells(sentences[s].text)} or values

    def _holding(
        self, values: dict[int, float], hits: list[Hit], scores: Scores
    ) -> dict[int, float]:
        """Only the sentences near the top that hold the kind asked for (all if none does).

        A count need not name the thing counted ("... 41 of them were admitted"), nor an
        amount a currency a list knows ("8,000 scudi"): any sentence of the top with a
        number stays (for a count of things, one that is no length of time or distance),
        one naming the thing (or the money) is preferred.
        """
        if scores.question.kind not in (AnswerKind.COUNT, AnswerKind.AMOUNT):
            # A date or a share is rare enough to single out its sentence in any passage
            # the answer may quote: the one retrieval put third often holds it.
            reach = self.policy.candidate_passages
            holders = self.holders(hits, scores, passages=reach)
            if scores.question.kind is AnswerKind.DURATION and Asked.of(scores.question).lasting:
                sentences = self.index.sentences  # "for how long": not "87 kilometres"
                timed = {s for s in holders if gives_length_of_time(sentences[s].text)}
                holders = timed or holders
            return {s: v for s, v in values.items() if s in holders} or values
        holders = self.holders(hits, scores)
        numbers = self.holders(hits, scores, counted=False)
        counted = scores.question.counted
        if scores.question.kind is AnswerKind.COUNT and counted and not counts_spans(counted):
            # "how many people sat on the board?" is not told by "for thirty years"
            numbers = {s for s in numbers if self.things[s]} or numbers
        bonus = self.policy.kind_bonus
        return {s: v + bonus * (s in holders) for s, v in values.items() if s in numbers} or values

    def _repeat_penalty(self, sentence: int, plan: SearchPlan) -> float:
        """How much a sentence the previous answer quoted is held back in a follow-up.

        Only a sentence the previous answer showed whole: when it was cut, the words left
        out may be just what the follow-up asks for ("... and who replaced her?" after an
        answer cut before "Jing Xiandong succeeded him").
        """
        if self.index.sentences[sentence].text not in plan.context:
            return 0.0
        return self.policy.repeat_penalty * (2 if plan.continuation else 1)

    def choose(self, hits: list[Hit], plan: SearchPlan, scores: Scores) -> Choice:
        """The one or two sentences that answer, the best first."""
        following = self._continuation(hits, plan)
        if following is not None:
            return Choice([self.index.sentences[s] for s in self._add_short_follower([following])])
        values = self._candidates(hits, plan, scores)
        if not values:
            return Choice([])
        first = max(values, key=lambda s: values[s])
        best = values[first]
        # What follows the best sentence often completes it ("... labeled Ant Financial."
        # -> "This label is called ..."), so it competes with a bonus for second place.
        seconds = {
            s: v + self.policy.next_bonus * abs(best) * (s == first + 1)
            for s, v in values.items()
            if s != first
        }
        chosen = [first]
        if len(self.index.sentences[first].text) > self.policy.whole_best_chars:
            # A long best sentence is quoted whole rather than cut to make room for a
            # second: the cut would be made blind and may drop the answering words.
            seconds = {}
        if self._clearly_answers(first, scores):
            seconds = {}
        if seconds:
            other = max(seconds, key=lambda s: seconds[s])
            close = seconds[other] >= best - self.policy.second_margin * abs(best)
            pair = len(self.index.sentences[first].text) + len(self.index.sentences[other].text)
            if (close and pair <= self.policy.pair_chars) or scores.question.compound:
                chosen.append(other)
            else:
                chosen += self._completing(
                    first, best, seconds, scores
                ) or self._next_with_missing_words(first, best, seconds, scores)
        chosen = self._add_cause(chosen, scores)
        chosen = self._add_named_doer(chosen, scores)
        chosen = self._add_antecedent(chosen, scores)
        chosen = self._add_summed_up(chosen, scores)
        chosen = self._complete_fragments(self._add_short_follower(chosen))
        chosen = self._read_past_fragment(chosen, scores)
        return Choice([self.index.sentences[s] for s in dict.fromkeys(chosen)], values)

    def runner_up(self, choice: Choice, plan: SearchPlan, scores: Scores) -> Sentence | None:
        """The sentence to quote after the chosen ones when the scores cannot tell it from the
        best (within ``tie_margin`` of its score; ``clear_tie_margin`` when the best holds
        a clear short answer): quoting both answers more often than betting on one, where
        the article says what the question asks in other words than it does ("final" for
        "last", "damp" for "wet"). Added after the refusal checks, so it refuses nothing
        more nor less, nor the short answer; not after a long best sentence, which is quoted
        whole and alone."""
        chosen, values = choice.sentences, choice.values
        if plan.continuation or not chosen:
            return None
        first = chosen[0].id
        if first not in values or len(chosen[0].text) > self.policy.whole_best_chars:
            return None
        runner = max((s for s in values if s != first), key=values.__getitem__, default=None)
        if runner is None or runner in {s.id for s in chosen}:
            return None  # quoted already
        margin = self.policy.tie_margin
        if self._clearly_answers(first, scores):
            margin = self.policy.clear_tie_margin
        if values[runner] < values[first] - margin * abs(values[first]):
            return None
        return self.index.sentences[runner]

    def _clearly_answers(self, sentence: int, scores: Scores) -> bool:
        """Whether ``sentence`` holds a clear short answer to a question asking one thing:
        then it is quoted alone, a second sentence would add reading, not answer (Normans
        median 192 -> 177 chars with no answer hit lost on any set)."""
        question = scores.question
        return not question.compound and bool(
            self.short.find(question, [self.index.sentences[sentence]])
        )

    def _offers(self, sentence: int, scores: Scores) -> bool:
        """Whether ``sentence`` holds the kind of thing the question asks for, near the
        question's words: a name for "who", a place for "where", a date for "when"."""
        question = scores.question
        if question.kind in _KIND_NOUN and question.kind is not AnswerKind.PLACE:
            return bool(scores.held[sentence])
        return self.short.offers(question, self.index.sentences[sentence].text)

    def _completing(
        self, first: int, best: float, seconds: dict[int, float], scores: Scores
    ) -> list[int]:
        """The best sentence holding what the question asks for, when the best one does
        not and it is not far behind (``kind_margin``): quoted second whatever its length,
        since without it the answer does not answer ("Who commissioned the Tapestry?":
        "... the Bayeux Tapestry, which is not a tapestry" + "It was commissioned by Odo")."""
        if target(scores.question, ending=True) is None or self._offers(first, scores):
            return []
        offering = {s: v for s, v in seconds.items() if self._offers(s, scores)}
        if not offering:
            return []
        other = max(offering, key=lambda s: offering[s])
        return [other] if offering[other] >= best - self.policy.kind_margin * abs(best) else []

    def _next_with_missing_words(
        self, first: int, best: float, seconds: dict[int, float], scores: Scores
    ) -> list[int]:
        """A sentence up to ``next_reach`` after the best one, in its paragraph, when it holds
        most of the question's words the best one lacks (only words the article uses) and
        is not far behind (``next_margin``): the question was asked of the two together
        ("... the overrun being spent at the gorge." + "To cover it, the company issued
        shares": "How did the company pay for the overrun?")."""
        sentences = self.index.sentences
        missing = self._missing_words([first], scores.question)
        if not missing:
            return []
        for following in range(first + 1, first + 1 + self.policy.next_reach):
            if following not in seconds:
                return []
            if sentences[following].paragraph != sentences[first].paragraph:
                return []
            close = seconds[following] >= best - self.policy.next_margin * abs(best)
            share = self.lexicon.share_in(sentences[following].text, missing)
            if close and share >= self.policy.next_share:
                return [following]
        return []

    def _continuation(self, hits: list[Hit], plan: SearchPlan) -> int | None:
        """For "tell me more" / "what happened next": the sentence after the last answer.

        Such a request asks to read on, not for the sentence that best matches its few
        words ("what happened" matches any sentence saying "happened").
        """
        if not plan.continuation or not plan.anchors:
            return None
        following = max(plan.anchors) + 1
        while following in self.captions:
            following += 1
        cited = {s for hit in hits for s in hit.chunk.sentence_ids}
        return following if following in cited else None

    def _add_cause(self, chosen: list[int], scores: Scores) -> list[int]:
        """For "why", the cause when the best sentence only restates what happened.

        The sentence that best matches "why did she apologize?" is usually the one that
        says she apologized; the cause is told next to it ("... which caused a stir.",
        "The inquiry found ... because ..."), so the nearest sentence of the paragraph
        that gives a cause is quoted too (the earlier one when two are as near).
        """
        first = chosen[0]
        if scores.question.kind is not AnswerKind.REASON or scores.held[first]:
            return chosen
        sentences = self.index.sentences
        for step in range(1, self.policy.cause_reach + 1):
            for s in (first - step, first + step):
                if (
                    0 <= s < len(sentences)
                    and sentences[s].paragraph == sentences[first].paragraph
                    and scores.held[s]
                ):
                    return [first, s]
        return chosen

    def _add_named_doer(self, chosen: list[int], scores: Scores) -> list[int]:
        """For "who", the sentence right after the best one when only it names a person.

        An article tells an event, then who did it ("... the side wall collapsed, killing
        17 men." "An inquiry chaired by the engineer Robert Dacre blamed ..."): the second
        shares few of the question's words ("Who led the investigation into the
        collapse?"), so its score says little, but a best sentence naming no one cannot
        answer "who" and the next one, naming someone, most often does.
        """
        first, sentences = chosen[0], self.index.sentences
        following = first + 1
        if (
            not Asked.of(scores.question).person
            or following >= len(sentences)
            or following in self.captions
            or sentences[following].paragraph != sentences[first].paragraph
            or any(self.named[s] for s in chosen)
            or self.named[following] < _PERSON_WORDS
        ):
            return chosen
        return [*chosen, following]

    def _add_antecedent(self, chosen: list[int], scores: Scores) -> list[int]:
        """For "who did it?", the sentence before the best one when that one says only
        "he", "she" or "they" did it: the name is there ("... the attitudes of Edward." +
        "He appointed Robert archbishop and made Ralph earl.": "Who made Ralph earl?")."""
        first = chosen[0]
        sentences = self.index.sentences
        if first == 0 or sentences[first - 1].paragraph != sentences[first].paragraph:
            return chosen
        if not told_before(scores.question, sentences[first].text):
            return chosen
        return [first, first - 1, *chosen[1:]]

    def _add_summed_up(self, chosen: list[int], scores: Scores) -> list[int]:
        """For "which two incidents ...?", the sentence that told one of them, before a best
        one that only sums them up ("These two incidents ... plunged Ant Financial into a
        vortex of public opinion."): the nearest one before it, within ``summed_reach``
        sentences, holding the word it sums up ("a 'circle incident' occurred ...")."""
        first, sentences = chosen[0], self.index.sentences
        summing = _SUMMING_UP.match(sentences[first].text)
        if summing is None or scores.question.kind is not AnswerKind.ANY:
            return chosen
        summed = set(tokenize(summing.group(1)))
        if summed.isdisjoint(scores.question.tokens):
            return chosen  # it sums up something else than what is asked
        for earlier in range(first - 1, max(-1, first - 1 - self.policy.summed_reach), -1):
            words = self.lexicon.words(sentences[earlier].text)
            if earlier not in self.captions and not summed.isdisjoint(words):
                return chosen if earlier in chosen else [earlier, *chosen]
        return chosen

    def _add_short_follower(self, chosen: list[int]) -> list[int]:
        """A short sentence right after the best one usually completes it ("... the strategy
        meeting." -> "Only then did X come into existence."), so it is quoted too when it
        costs no cut: the answer stays within its length and no long sentence is trimmed.
        """
        follower = chosen[0] + 1
        sentences = self.index.sentences
        if follower >= len(sentences) or follower in chosen:
            return chosen
        if sentences[follower].paragraph != sentences[chosen[0]].paragraph:
            return chosen  # a caption or a new paragraph does not complete the sentence
        if len(sentences[follower].text) > self.policy.follower_chars:
            return chosen
        texts = [sentences[s].text for s in (*chosen, follower)]
        fits = sum(len(t) + 5 for t in texts) <= self.policy.max_answer_chars
        if not fits or max(map(len, texts)) > self.policy.long_sentence_chars:
            return chosen
        return [*chosen, follower]

    def _complete_fragments(self, chosen: list[int]) -> list[int]:
        """A unit cut at a line break ("Peng Lei also asked") is joined to what follows.

        Only when what follows goes on in lower case: a heading or caption without a full
        stop is followed by a new sentence, not by its own continuation.
        """
        return [*chosen, *(s + 1 for s in chosen if self._cut_at_line(s))]

    def _cut_at_line(self, sentence: int) -> bool:
        """Whether ``sentence`` is cut at a line break: no full stop, and the next one goes
        on in lower case."""
        sentences = self.index.sentences
        return (
            not _TERMINAL.search(sentences[sentence].text)
            and sentence + 1 < len(sentences)
            and sentences[sentence + 1].text[:1].islower()
        )

    def _missing_words(self, ids: list[int], question: Question) -> list[str]:
        """The question's words that sentences ``ids`` lack, among those the article uses:
        one it never writes ("mean" of "What does the name mean?") no sentence can hold,
        and would make every share of them look small."""
        present = set().union(*(self.lexicon.words(self.index.sentences[s].text) for s in ids))
        return [t for t in question.tokens if t not in present and self.lexicon.known(t)]

    def _read_past_fragment(self, chosen: list[int], scores: Scores) -> list[int]:
        """After a best sentence cut at a line break and its continuation, the sentence
        that follows when it holds most of the question's words the two lack.

        A fragment ("Peng Lei also asked" / "the team to discuss rectification ...")
        introduces what follows, but its score says nothing of the sentences it goes on
        into, so :meth:`_next_with_missing_words`' margin cannot judge them: "What did
        she ask the team to write down?" is answered by the sentence after ("Think
        clearly and write down ..."). Held means ``next_share`` of the missing words
        (IDF-weighted), in the continuation's paragraph.
        """
        first, sentences = chosen[0], self.index.sentences
        following = first + 2
        if (
            not self._cut_at_line(first)
            or following >= len(sentences)
            or following in chosen
            or sentences[following].paragraph != sentences[first + 1].paragraph
        ):
            return chosen
        missing = self._missing_words([first, first + 1], scores.question)
        share = self.lexicon.share_in(sentences[following].text, missing)
        return [*chosen, following] if missing and share >= self.policy.next_share else chosen

    def _fit(
        self, sentence: Sentence, scores: Scores, limit: int, keep: ShortAnswer | None = None
    ) -> str:
        """The sentence, or its clauses that best match the question when it is too long.

        The clause holding the short answer (``keep``) is the one kept first, so a cut
        never removes the answering words.
        """
        if len(sentence.text) <= limit:
            return sentence.text
        clauses = _CLAUSE_BREAK.split(sentence.text)
        tokens = scores.question.tokens
        weights = [self.lexicon.share_in(clause, tokens) for clause in clauses]
        if keep is not None and _holds_short(sentence, keep):
            at = keep.start - sentence.start
            offsets = [sentence.text.find(c) for c in clauses]
            holding = max(i for i, o in enumerate(offsets) if o <= at)
            weights[holding] += 2.0  # above any share (at most 1): this clause first
        best = max(range(len(clauses)), key=lambda i: weights[i])
        first = last = best
        while True:
            grown = False
            for step in (last + 1, first - 1):
                if 0 <= step < len(clauses):
                    lo, hi = min(first, step), max(last, step)
                    if len(" ".join(clauses[lo : hi + 1])) <= limit - 2:
                        first, last, grown = lo, hi, True
                        break
            if not grown:
                break
        text = " ".join(clauses[first : last + 1])
        if len(text) > limit - 2:
            text = text[: limit - 2].rsplit(" ", 1)[0]
        prefix = _ELLIPSIS if first > 0 else ""
        suffix = _ELLIPSIS if last < len(clauses) - 1 or not sentence.text.endswith(text) else ""
        return f"{prefix}{text}{suffix}"

    def compose(
        self,
        sentences: list[Sentence],
        holders: list[int],
        scores: Scores,
        keep: ShortAnswer | None = None,
        hedged: bool = False,
    ) -> list[Part]:
        """The quoted sentences as parts, in the order they will be read.

        ``holders`` gives, per sentence, the hit whose passage cites it. Sentences are
        grouped by that passage, the best-ranked passage first (so the first marker is the
        passage retrieval trusts most), each group in article order: "S1 S2 [1] S3 [2]".
        With ``hedged``, the last sentence (:meth:`runner_up`) is read last, whatever its
        passage: it is a second guess, and the first marker stays the choice's.
        """
        pairs = list(zip(sentences, holders, strict=True))
        tail = [pairs.pop()] if hedged and len(pairs) > 1 else []
        ordered = sorted(pairs, key=lambda p: (p[1], p[0].start)) + tail
        parts: list[Part] = []
        used = 0
        for sentence, hit in ordered:
            budget = self.policy.max_answer_chars - used - len(" [9]") - 1
            if budget < 40:
                break
            # A sentence alone may use the whole answer; next to others a long one is cut.
            alone = len(ordered) == 1
            limit = budget if alone else min(budget, self.policy.long_sentence_chars)
            if _holds_short(sentence, keep) and not scores.question.compound:
                # the clauses around a clear short answer say it: the rest is reading
                limit = min(limit, self.policy.clear_cut_chars)
            text = self._fit(sentence, scores, limit, keep)
            parts.append(Part(text, hit, sentence))
            used += len(text) + len(" [9]") + 1
        return parts

    # ------------------------------------------------------------------ the answer

    def citations(
        self, hits: list[Hit], quoted: dict[int, list[Sentence]], order: list[int]
    ) -> list[Citation]:
        """The cited passages numbered in order of first use, then the others, not cited.

        ``quoted`` maps a hit to the answer's sentences its passage quotes; ``order`` lists
        the hits in the order the answer first uses them. A passage the answer does not
        use quotes the sentence it was retrieved for, marked ``cited: false``.
        """
        ranked = order + [h for h in range(len(hits)) if h not in order]
        citations = []
        for n, h in enumerate(ranked, start=1):
            hit, inside = hits[h], quoted.get(h, [])
            quote_start, quote_end = _quote_span(hit, inside)
            citations.append(
                Citation(
                    n=n,
                    chunk_id=hit.chunk.id,
                    paragraph=self._paragraph_at(quote_start, hit),
                    start=hit.chunk.start,
                    end=hit.chunk.end,
                    text=hit.chunk.text,
                    quote=self.index.article[quote_start:quote_end],
                    quote_start=quote_start,
                    quote_end=quote_end,
                    score=round(hit.score, 4),
                    cited=h in order,
                )
            )
        return citations

    def _paragraph_at(self, offset: int, hit: Hit) -> int:
        """The paragraph holding the character at ``offset`` (the quote, not the passage)."""
        for s in hit.chunk.sentence_ids:
            sentence = self.index.sentences[s]
            if sentence.start <= offset < sentence.end:
                return sentence.paragraph
        return hit.chunk.paragraph

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
        choice = self.choose(hits, plan, scores) if hits else Choice([])
        reason = (
            self.doubt(plan, hits, scores, choice.sentences) if hits else " anything about that"
        )
        chosen = choice.sentences if reason is None else []
        hits = self._passages_for(chosen, hits, scores)
        quoted = [s for s in chosen if _holder(s, hits) is not None]
        if not quoted:
            text = NOT_COVERED.format(reason=reason or "")
            refused = self.refusal(text, hits, conversation_id=conversation_id, model=model)
            return refused, Composition(text, ())
        runner = self.runner_up(choice, plan, scores)
        short = self.short.find(scores.question, quoted)
        hedged = runner is not None and _holder(runner, hits) is not None
        if runner is not None and hedged:
            quoted.append(runner)  # read last, after what the answer chose (and its [1])
        text, citations = self.cite(hits, quoted, scores, short, hedged=hedged)
        if short is not None and short.text not in text:
            short = None  # cut out after all: the answer must show its short answer
        answer = Answer(
            answer=text,
            short_answer=short,
            answerable=True,
            citations=citations,
            conversation_id=conversation_id,
            model=model,
        )
        return answer, Composition(text, tuple(s.id for s in quoted))

    def _passages_for(self, chosen: list[Sentence], hits: list[Hit], scores: Scores) -> list[Hit]:
        """``hits`` with the last ones that hold no chosen sentence replaced by passages
        around the chosen sentences no hit holds, so that the answer quotes them: the ones
        read with the best for what it leaves out (the incident a "These two incidents ..."
        sums up, told 17 sentences before, the sentence a "he" stands for) may lie outside
        every retrieved passage. Not a short sentence after the best, quoted only when it
        costs nothing (:meth:`_add_short_follower`): a citation is a cost. The best hit is
        never replaced: the first citation stays the passage retrieval trusts most."""
        best = chosen[0].id if chosen else -1
        missing = [
            s
            for s in chosen
            if _holder(s, hits) is None
            and not (s.id == best + 1 and len(s.text) <= self.policy.follower_chars)
        ]
        if not missing:
            return hits
        hits = list(hits)
        spare = [
            h
            for h in range(len(hits) - 1, 0, -1)
            if all(_holder(s, [hits[h]]) is None for s in chosen)
        ]
        for sentence, h in zip(missing, spare, strict=False):
            chunk = self.index.chunks[self.window[sentence.id]]
            hits[h] = Hit(chunk, float(scores.relevance[sentence.id]), sentence)
        return hits

    def cite(
        self,
        hits: list[Hit],
        quoted: list[Sentence],
        scores: Scores,
        keep: ShortAnswer | None = None,
        hedged: bool = False,
    ) -> tuple[str, list[Citation]]:
        """The answer text quoting ``quoted`` (the best first) with ``[n]`` markers, and
        the citations: the ones it uses numbered in order of first use, then the rest."""
        holders = [_holder(s, hits) for s in quoted]
        parts = self.compose(
            [s for s, h in zip(quoted, holders, strict=True) if h is not None],
            [h for h in holders if h is not None],
            scores,
            keep,
            hedged,
        )
        order = list(dict.fromkeys(part.hit for part in parts))
        number = {hit: n for n, hit in enumerate(order, start=1)}
        text = " ".join(
            part.text
            if following is not None and following.hit == part.hit
            else f"{part.text} [{number[part.hit]}]"
            for part, following in zip(parts, [*parts[1:], None], strict=True)
        )
        by_hit: dict[int, list[Sentence]] = {}
        for part in parts:
            by_hit.setdefault(part.hit, []).append(part.sentence)
        return text, self.citations(hits, by_hit, order)

    def refusal(self, text: str, hits: list[Hit], *, conversation_id: str, model: str) -> Answer:
        """An ``answerable: false`` answer with ``text``; the closest passages are listed as
        related reading (``cited: false``), since the answer cites nothing."""
        return Answer(
            answer=text,
            answerable=False,
            citations=self.citations(hits, {}, []),
            conversation_id=conversation_id,
            model=model,
        )


#: A question typed with letters and no capital: its capitals tell no names.
_LOWER_CASE_TYPED = re.compile(r"^(?=.*[a-z])[^A-Z]*$", re.S)


def _told_plainly(question: Question) -> Callable[[str], bool] | None:
    """For a question whose answer a sentence tells in words of their own kind, which the
    question does not use, the test of such a sentence (only those are candidates when
    some are): "What did his father do for a living?" is told at birth ("children of
    Josef Pendrecht, a miller"), not where "his father" does something else ("watching
    his father rebuild the mill race"); "What did Otto die of?" by "his death from a
    stroke"; "Who replaced Pendrecht?" by "was succeeded by Tilbury"; "How fast was it
    going?" by a speed ("62 metres per second")."""
    if asks_parent_role(question):
        return tells_parentage
    if asks_cause_of_death(question.text):
        return tells_cause_of_death
    if asks_successor(question.text):
        return tells_succession
    return gives_measure_asked(question)


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
        and not _TERMINAL.search(s.text)
        and not _states(s.text)
        and (
            s.id + 1 == len(sentences)
            or (
                sentences[s.id + 1].paragraph != s.paragraph
                and not sentences[s.id + 1].text[:1].islower()
            )
        )
    }


def _centred_windows(index: ArticleIndex) -> list[int]:
    """Per sentence, the number of the stored window holding it whose centre is nearest
    its own (the first of equals)."""
    best: list[tuple[float, int]] = [(float("inf"), 0)] * len(index.sentences)
    for number, chunk in enumerate(index.chunks):
        for s in chunk.sentence_ids:
            best[s] = min(best[s], (off_centre(index.sentences[s], chunk), number))
    return [number for _, number in best]


def _longest_name(text: str, common: frozenset[str], places: frozenset[str]) -> int:
    """How many words the longest name of someone in ``text`` has (0 if none): capitalised
    words in a row, none of which the article also writes in lower case (``common``: "the
    Second World War", "King Ethelred"), no place it writes (``places``: "at Hobb's
    Moss"), no month, and not one word of a people qualifying the next ("a German bomb").
    The sentence's first word is left out when the article writes it in lower case."""
    longest = 0
    for run in _CAPITALISED_RUN.finditer(text):
        words = run.group().split()
        if run.start() == 0 and words[0].lower() in common:
            words.pop(0)  # "The", "During", "Its": capitalised as the first word
        if not words or (
            len(words) == 1 and _DEMONYM.search(words[0]) and _LOWER_NEXT.match(text, run.end())
        ):
            continue
        if (
            not any(w.lower() in common or w in MONTH_NAMES or w in places for w in words)
            and " ".join(words) not in places
        ):
            longest = max(longest, len(words))
    return longest


def _states(text: str) -> bool:
    """Whether a line reads as a statement (a pronoun doing something, at some length)
    rather than as a label: "Since the end of last year at Alipay, he has assumed the role
    of interviewing and external communication" under a photo still says what he does."""
    return len(text.split()) >= _STATEMENT_WORDS and bool(_STATEMENT.search(text))


def _holds_short(sentence: Sentence, short: ShortAnswer | None) -> bool:
    """Whether the short answer starts inside ``sentence``."""
    return short is not None and sentence.start <= short.start < sentence.end


def _sentences_of(hits: list[Hit]) -> set[int]:
    """The ids of the sentences of ``hits``' passages."""
    return {s for hit in hits for s in hit.chunk.sentence_ids}


def _holder(sentence: Sentence, hits: list[Hit]) -> int | None:
    """The first (best-ranked) hit whose passage holds ``sentence``."""
    for h, hit in enumerate(hits):
        if hit.chunk.start <= sentence.start and sentence.end <= hit.chunk.end:
            return h
    return None


def _quote_span(hit: Hit, inside: list[Sentence]) -> tuple[int, int]:
    """The answer's sentences in this passage (from the first to the last), else the
    sentence the passage was chosen for."""
    if inside:
        return min(s.start for s in inside), max(s.end for s in inside)
    if hit.best_sentence is not None:
        return hit.best_sentence.start, hit.best_sentence.end
    return hit.chunk.start, hit.chunk.end


def _written_in_words(digits: str, suffix: str, text: str) -> bool:
    """Whether ``text`` writes the number ``digits`` in words, as the question wrote it:
    "fiftieth" for "50th", "fifty" for "50" (from :data:`_LEAST_NUMBER_IN_WORDS` on)."""
    if not digits.isdigit() or int(digits) < _LEAST_NUMBER_IN_WORDS:
        return False
    cardinal, ordinal = written_out(int(digits)) or ("", "")
    word = ordinal if suffix in _ORDINAL_SUFFIXES else cardinal
    return bool(word) and re.search(rf"\b{word}\b", text, re.I) is not None


def _named(text: str, stem: str) -> str:
    """The capitalised name in ``text`` that holds the word stemmed ``stem`` ("Jack Ma")."""
    for match in re.finditer(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*", text):
        words = match.group().split()
        while words and not tokenize(words[0]):  # "Is Python" -> "Python"
            words.pop(0)
        if stem in tokenize(" ".join(words)):
            return " ".join(words).removesuffix("'s").removesuffix("’s").rstrip("'’")
    return stem
