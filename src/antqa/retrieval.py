"""Hybrid retrieval: sentences scored from dense and keyword evidence, passages around them.

Questions are answered by a sentence or two, so relevance is scored per *sentence*, mixing
signals that fail in different ways:

- dense similarity of the sentence (meaning, paraphrase);
- dense similarity of the passage around it (what the sentence is about when it only
  says "he" or "this");
- keyword coverage: the IDF-weighted share of the question's words in the sentence and in
  it plus its neighbours (names, dates and numbers that embeddings blur);
- a small prior for sentences holding the kind of answer asked for (a number for
  "how many"), and a shift from a question the article itself asks to the sentences that
  answer it.

Passages are the stored windows of whole sentences (one starting at every sentence, at
most ``max_chars`` long). Each pick is the window around the best sentence not yet cited
that holds the most other relevant sentences, so the passage is centred on the evidence
rather than cut at a fixed boundary; later picks may not repeat a sentence already cited.
"""

from __future__ import annotations

from dataclasses import dataclass

import faiss
import numpy as np

from antqa.conversation import SearchPlan
from antqa.embedding import Embedder
from antqa.index import ArticleIndex
from antqa.lexical import LexicalIndex, qualifiers_asked
from antqa.models import Chunk, Hit, Sentence
from antqa.people import described_in
from antqa.questions import (
    KIND_NOUN,
    AnswerKind,
    Question,
    analyse,
    counts,
    counts_time,
    gives_amount,
    gives_change,
    holds,
    measure_words,
    numbers_in,
    ranked_as,
    spans_between,
)
from antqa.referents import referents
from antqa.refusals.times import paragraph_times


@dataclass(frozen=True)
class FusionWeights:
    """How the signals are mixed (tuned on the development and extra sets, see the notes)."""

    coverage: float = 0.8
    neighbourhood_coverage: float = 0.6
    context: float = 1.0
    answer_kind: float = 0.1
    #: Added to ``answer_kind`` in picking the passages (not in the relevance the answer
    #: step reads) when a question asking two things (``compound``) asks for a kind a
    #: sentence plainly holds or not (:data:`KIND_NOUN`: a date, a number, a length of
    #: time): the two are told in two sentences, and the answer step holds a compound
    #: question's sentences to no kind (:func:`~antqa.answering.kinds.kind_applies`), so
    #: the first passage must hold the one giving the date or the years itself ("Where was
    #: Peng Lei when she apologized, and how long had she been at Alipay by her own
    #: account?"). 0.2 took this article's holdouts' R@1 from 354 to 356 of 470, none lost,
    #: no item of another set moved (in the relevance too, as much moved the same items
    #: but lengthened two answers with a dated sentence the answer did not need; 0.1 moved
    #: nothing, up to 0.7 the same two). For every question, not only compound ones, it
    #: cost other articles (SQuAD-format sets: answer hit .935 -> .932, answerables refused
    #: 32 -> 35): for a question asking one thing the answer step keeps to the kind's
    #: holders by itself.
    plain_kind: float = 0.2
    earlier_coverage: float = 0.3
    nearness: float = 0.3
    continuation_nearness: float = 1.0
    nearness_reach: float = 3.0
    backward: float = 0.6
    heading_shift: float = 0.5
    companions: float = 0.3
    companion_floor: float = 0.5


@dataclass(frozen=True)
class Scores:
    """Per-sentence relevance of one query, and the parts judged again when answering."""

    question: Question
    relevance: np.ndarray
    dense: np.ndarray
    coverage: np.ndarray
    #: Per sentence, whether it holds the kind of answer asked for (for a count, a number
    #: followed by the thing counted when the question names one).
    held: np.ndarray
    #: The same for the kind alone, however the thing is named (for a count, any number,
    #: whatever it counts; for an amount, a sum in any currency the article writes).
    kind_held: np.ndarray
    #: Per sentence, whether it tells a change as a share ("a third", "55 percent") or in
    #: words ("doubled"), whatever the kind asked: a change asked "by how much" may be told
    #: by one (:func:`antqa.questions.gives_change`).
    changes: np.ndarray
    #: Per stored window (a passage of a few sentences), its cosine similarity to the
    #: query: a question told across sentences in other words is nearer the passage than
    #: any one of its sentences (:meth:`~antqa.answering.RefusalChecks.doubt`).
    passages: np.ndarray


def stored_vectors(vectors: faiss.Index) -> np.ndarray:
    """The vectors a flat FAISS index holds, as an ``(n, dim)`` float32 matrix."""
    return np.ascontiguousarray(vectors.reconstruct_n(0, vectors.ntotal), dtype=np.float32)


def dense_scores(vectors: np.ndarray, query: np.ndarray) -> np.ndarray:
    """Cosine similarity of ``query`` to every row of ``vectors`` (all of unit length).

    FAISS's own inner-product kernel, the one its exhaustive search runs for one query, so
    the scores are bit for bit a search's, without the search's sort of all of them (a
    numpy product sums in another order: the last bits move and near-ties can swap).
    """
    vectors = np.ascontiguousarray(vectors, dtype=np.float32)  # what the kernel reads
    query = np.ascontiguousarray(query, dtype=np.float32)
    scores = np.empty(len(vectors), dtype=np.float32)
    faiss.fvec_inner_products_ny(  # type: ignore[attr-defined]  # missing from faiss's stubs
        faiss.swig_ptr(scores),
        faiss.swig_ptr(query),
        faiss.swig_ptr(vectors),
        vectors.shape[1],
        len(vectors),
    )
    return scores


def _context_chunks(chunks: list[Chunk], sentences: int) -> np.ndarray:
    """For each sentence, the stored window that starts one sentence before it."""
    starting = {chunk.sentence_ids[0]: number for number, chunk in enumerate(chunks)}
    context = np.zeros(sentences, dtype=np.int64)
    for sentence in range(sentences):
        for first in (sentence - 1, sentence, *range(sentence - 2, -1, -1)):
            if first in starting and sentence in chunks[starting[first]].sentence_ids:
                context[sentence] = starting[first]
                break
    return context


def off_centre(sentence: Sentence, chunk: Chunk) -> float:
    """How far the centre of ``chunk`` is from that of ``sentence``, in characters."""
    return abs((sentence.start + sentence.end) - (chunk.start + chunk.end)) / 2


def _answering_pairs(asks: np.ndarray) -> np.ndarray:
    """Rows ``(asked, following)``: a question the article asks itself, and each of the two
    sentences after it that is not a question too (what its relevance is passed on to)."""
    pairs = [
        (asked, following)
        for asked in np.flatnonzero(asks)
        for following in (asked + 1, asked + 2)
        if following < len(asks) and not asks[following]
    ]
    return np.array(pairs, dtype=np.int64).reshape(-1, 2)


@dataclass(frozen=True)
class _Windows:
    """The stored windows holding one sentence: their chunk numbers, and which sentences
    each holds, as 1.0 in a row over the sentences from ``first`` on that any of them holds."""

    chunks: list[int]
    first: int
    members: np.ndarray

    @property
    def run(self) -> slice:
        """The sentences any of these windows holds."""
        return slice(self.first, self.first + self.members.shape[1])


def _windows_holding(spans: list[tuple[int, int]], sentences: int) -> list[_Windows]:
    """For each sentence, the windows (runs ``[start, end)`` of sentences) holding it."""
    holding: list[list[int]] = [[] for _ in range(sentences)]
    for number, (start, end) in enumerate(spans):
        for sentence in range(start, end):
            holding[sentence].append(number)
    windows = []
    for chunks in holding:
        first = min(spans[c][0] for c in chunks)
        members = np.zeros((len(chunks), max(spans[c][1] for c in chunks) - first))
        for row, chunk in enumerate(chunks):
            start, end = spans[chunk]
            members[row, start - first : end - first] = 1.0
        windows.append(_Windows(chunks, first, members))
    return windows


class Retriever:
    """Finds the passages of the article that answer a query."""

    def __init__(
        self, index: ArticleIndex, embedder: Embedder, weights: FusionWeights | None = None
    ) -> None:
        self.index = index
        self.embedder = embedder
        self.weights = weights or FusionWeights()
        texts = [s.text for s in index.sentences]
        self.lexicon = LexicalIndex(texts)
        neighbourhoods = [" ".join(texts[max(0, i - 1) : i + 2]) for i in range(len(texts))]
        self.neighbourhood_lexicon = LexicalIndex(neighbourhoods)
        # Per sentence opening with "it", "he", "she" or "they", the subject of the one
        # before, and per sentence writing no time, the time its paragraph gave last:
        # the words it is read with (:func:`_coverage`); none in an article without either.
        found = [
            f"{subject} {time} {said}".strip()
            for subject, time, said in zip(
                referents(index.sentences),
                paragraph_times(index.sentences),
                described_in(texts),
                strict=True,
            )
        ]
        self.referent_lexicon = LexicalIndex(found) if any(found) else None
        self._context = _context_chunks(index.chunks, len(texts))
        self._sentence_vectors = stored_vectors(index.sentence_vectors)
        self._chunk_vectors = stored_vectors(index.chunk_vectors)
        # The sentences each stored window holds, a run [start, end) (a chunk is a run of
        # whole sentences); per sentence, the windows holding it, the run of sentences they
        # hold between them and which of those each holds (1.0, so that a product sums over
        # them), and how far each window's centre is from the sentence's, in characters.
        # Memory grows with the article times a window's sentences, not with its square.
        self._spans = [(c.sentence_ids[0], c.sentence_ids[-1] + 1) for c in index.chunks]
        self._windows = _windows_holding(self._spans, len(texts))
        self._off_centre = [
            np.array([off_centre(s, index.chunks[c]) for c in self._windows[s.id].chunks])
            for s in index.sentences
        ]
        asks = np.array([s.text.rstrip().endswith("?") for s in index.sentences])
        self._asks = np.flatnonzero(asks)
        self._asked, self._answering = _answering_pairs(asks).T
        self._holds = {kind: np.array([holds(kind, t) for t in texts]) for kind in AnswerKind}
        # An amount in a currency no pattern knows ("8,000 scudi") keeps a sentence as its
        # answer, though the prior favours the known ones (:func:`gives_amount`).
        measures = measure_words(texts)
        amounts = np.array([gives_amount(t, measures) for t in texts])
        self._holds_alone = {**self._holds, AnswerKind.AMOUNT: amounts}
        self._changes = np.array([gives_change(t) for t in texts])
        self._numbers = [numbers_in(s.text) for s in index.sentences]

    def centred_window(self, sentence: int) -> Chunk:
        """The stored window holding ``sentence`` whose centre is nearest its own (the first
        of equals): the passage that quotes it with context on both sides, for a sentence
        the answer reads that no selected passage holds."""
        windows = self._windows[sentence]
        return self.index.chunks[windows.chunks[int(np.argmin(self._off_centre[sentence]))]]

    def embed(self, text: str) -> np.ndarray:
        """The query vector (the one model call of a search)."""
        return self.embedder.embed([text])[0]

    def score(self, plan: SearchPlan | str, vector: np.ndarray | None = None) -> Scores:
        """Fused relevance of every sentence to the question (and its conversation)."""
        plan = SearchPlan(plan) if isinstance(plan, str) else plan
        question = analyse(plan.question)
        vector = self.embed(plan.query) if vector is None else vector
        w = self.weights
        dense = dense_scores(self._sentence_vectors, vector)
        passages = dense_scores(self._chunk_vectors, vector)
        context = passages[self._context]
        covered = self._covered(question)
        qualifiers = qualifiers_asked(question.text)
        coverage = self._coverage(covered, qualifiers)
        nearby = self.neighbourhood_lexicon.coverage(covered, qualifiers=qualifiers)
        relevance = (
            dense + w.coverage * coverage + w.neighbourhood_coverage * nearby + w.context * context
        )
        if plan.context:
            relevance = relevance + w.earlier_coverage * self.neighbourhood_lexicon.coverage(
                plan.context
            )
        held = self.holding(question)
        if question.kind is not AnswerKind.ANY:
            relevance = relevance + w.answer_kind * held
        relevance = self._shift_from_headings(relevance) + self._nearness(plan)
        return Scores(
            question,
            relevance.astype(np.float32),
            dense,
            coverage,
            held,
            self._kind_held(question),
            self._changes,
            passages,
        )

    def _coverage(self, covered: tuple[str, ...], qualifiers: dict[str, int]) -> np.ndarray:
        """Per sentence, the share of the question's words it holds (``covered``, as
        :meth:`_covered` reads them); a sentence opening with
        "it", "he", "she" or "they" is read with the words of the subject it stands for
        (:mod:`antqa.referents`): "It was given eleven performances in its first season"
        holds "The Miller's Daughter of Kessing" of the sentence before for "How many times
        was The Miller's Daughter of Kessing performed in its first season?". Only the
        subject, not the whole sentence before: its other words ("died" of "Wrenfield died
        ...") are no words of the pronoun's; read with them, the sets (train14 aside) gained 6
        answer hits, lost 9 and answered 5 more unanswerables, and train14 lost 1. A
        sentence writing no time is read with the time its paragraph gave last
        (:func:`antqa.refusals.paragraph_times`): "An inquiry chaired by ..." after "On 12
        December 1907 a goods train ran into ..." holds "1907" of "Who led the inquiry into
        the 1907 accident?". A qualifier the question asks by counts in another form of its
        class (``qualifiers``, :func:`~antqa.lexical.qualifiers_asked`: "the last ship" for
        "the yard's final ship")."""
        return self.lexicon.coverage(covered, self.referent_lexicon, qualifiers)

    def _covered(self, question: Question) -> tuple[str, ...]:
        """The question's words a sentence's coverage counts: its tokens, with a comparative
        it asks a thing by read as its superlative when the article writes that
        (:func:`~antqa.questions.ranked_as`): "Which rescue body in the province is older
        than the CMRS?" is answered by "... it is the second-oldest mountain rescue body in
        the province, after the Halvard Alpine Guard of 1924", not by the sentence naming
        the CMRS (two answerables of the fresh25 batch quoted the compared thing's own
        sentence)."""
        ranked = ranked_as(question.text)
        if ranked is None or not self.lexicon.known(ranked[1]):
            return question.tokens
        return tuple(ranked[1] if t == ranked[0] else t for t in question.tokens)

    def _kind_held(self, question: Question) -> np.ndarray:
        """Per sentence, whether it holds the kind asked for, however it is named: for a
        count of days or years, or a length of time between two events, a date too (it lies
        between two of them: "how many days passed between the disclosure on December 15
        and ... on December 27?", "how long after the handover did ...?")."""
        held = self._holds_alone[question.kind]
        counted_in_time = question.kind is AnswerKind.COUNT and counts_time(question.counted)
        if counted_in_time or spans_between(question):
            held = held | self._holds[AnswerKind.TIME]
        return held

    def holding(self, question: Question) -> np.ndarray:
        """Per sentence, whether it holds the kind of answer ``question`` asks for: for a
        length of time between two events, a date too (:func:`spans_between`), which
        the sentences telling the events give ("In October 2016, at the Huanglong Sports
        Center ..." for "How long after the handover at Huanglong did ...?"). A count of days is
        read as before: the sentences counting them (untried with dates)."""
        held = self._holds[question.kind]
        if spans_between(question):
            held = held | self._holds[AnswerKind.TIME]
        if question.kind is AnswerKind.COUNT and question.counted:
            held = np.array([counts(numbers, question.counted) for numbers in self._numbers])
        return held

    def _nearness(self, plan: SearchPlan) -> np.ndarray:
        """A prior toward the sentences around the previous answer (for follow-ups).

        It is centred on the previous answer's main sentence and decays with the distance
        in sentences, more slowly forward (what happened next) than backward; a request to
        continue wants what follows the previous answer, not the same again.
        """
        prior = np.zeros(len(self.index.sentences), dtype=np.float32)
        if not plan.anchors or plan.strength <= 0:
            return prior
        w = self.weights
        anchor = max(plan.anchors) if plan.continuation else plan.anchors[0]
        offset = np.arange(len(prior)) - anchor
        reach = np.where(offset >= 0, 1.0, w.backward) * np.exp(-np.abs(offset) / w.nearness_reach)
        if plan.continuation:
            reach = np.where(offset > 0, reach, -1.0)
        weight = w.continuation_nearness if plan.continuation else w.nearness
        return (plan.strength * weight * reach).astype(np.float32)

    def _shift_from_headings(self, relevance: np.ndarray) -> np.ndarray:
        """A question the article asks itself is answered by the sentences after it."""
        shifted = relevance.copy()
        asked, answering = self._asked, self._answering
        gain = self.weights.heading_shift * (relevance[asked] - relevance[answering])
        np.maximum.at(shifted, answering, relevance[answering] + gain)
        shifted[self._asks] -= self.weights.heading_shift * 0.5 * relevance[self._asks]
        return shifted

    def _window_values(self, anchor: int, relevance: np.ndarray, covered: np.ndarray) -> np.ndarray:
        """How good each window holding ``anchor`` is as its passage: its other relevant
        sentences.

        Sentences an earlier passage already cites add nothing, and each one costs a little,
        so that later passages overlap earlier ones only where they must; among otherwise
        equal windows the one that centres the anchor wins (context on both sides).
        """
        windows = self._windows[anchor]
        near = windows.run
        floor = self.weights.companion_floor * float(relevance[anchor])
        fresh = ~covered[near]
        fresh[anchor - windows.first] = False
        # the arrays' own methods: on arrays this small, numpy's dispatch costs more than the sums
        extra = windows.members.dot(np.where(fresh, np.maximum(relevance[near] - floor, 0.0), 0.0))
        repeated = windows.members.dot(covered[near])
        return (
            float(relevance[anchor])
            + self.weights.companions * extra
            - 1e-3 * repeated
            - 1e-6 * self._off_centre[anchor]
        )

    def ranking(self, scores: Scores) -> np.ndarray:
        """The relevance passages are picked by: the sentences' own, and for a question
        asking two things, one of a kind a sentence plainly holds or not, ``plain_kind`` more
        for the sentences holding it (:attr:`FusionWeights.plain_kind`)."""
        question = scores.question
        if not (question.compound and question.kind in KIND_NOUN):
            return scores.relevance
        return scores.relevance + np.float32(self.weights.plain_kind) * scores.held

    def select(self, scores: Scores, k: int) -> list[Hit]:
        """The ``k`` best passages, each around the best sentence no earlier passage holds."""
        ranked = self.ranking(scores)
        relevance = ranked.astype(np.float64)
        covered = np.zeros(len(relevance), dtype=bool)
        hits: list[Hit] = []
        for anchor in np.argsort(-ranked, kind="stable").tolist():
            if len(hits) >= k:
                break
            if covered[anchor]:
                continue
            values = self._window_values(anchor, relevance, covered)
            best = self._windows[anchor].chunks[int(values.argmax())]  # the first of equals
            # The score shown is the anchor's relevance: it falls with the rank.
            hits.append(
                Hit(self.index.chunks[best], float(relevance[anchor]), self.index.sentences[anchor])
            )
            start, end = self._spans[best]
            covered[start:end] = True
        return hits

    def search(self, query: str, k: int = 5) -> list[Hit]:
        """Score and select in one call."""
        return self.select(self.score(query), k)
