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
from antqa.lexical import LexicalIndex
from antqa.models import Chunk, Hit
from antqa.questions import AnswerKind, Question, analyse, holds


@dataclass(frozen=True)
class FusionWeights:
    """How the signals are mixed (tuned on the development and extra sets, see the notes)."""

    coverage: float = 0.8
    neighbourhood_coverage: float = 0.6
    context: float = 1.0
    answer_kind: float = 0.1
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
    held: np.ndarray


def dense_scores(vectors: faiss.Index, query: np.ndarray) -> np.ndarray:
    """Cosine similarity of ``query`` to every stored vector (exhaustive: the index is small)."""
    similarities, ids = vectors.search(query.reshape(1, -1), vectors.ntotal)
    scores = np.zeros(vectors.ntotal, dtype=np.float32)
    scores[ids[0]] = similarities[0]
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
        self._context = _context_chunks(index.chunks, len(texts))
        self._windows: list[list[Chunk]] = [[] for _ in texts]
        for chunk in index.chunks:
            for sentence in chunk.sentence_ids:
                self._windows[sentence].append(chunk)
        self._asks = np.array([s.text.rstrip().endswith("?") for s in index.sentences])
        self._holds = {
            kind: np.array([holds(kind, s.text) for s in index.sentences]) for kind in AnswerKind
        }

    def embed(self, text: str) -> np.ndarray:
        """The query vector (the one model call of a search)."""
        return self.embedder.embed([text])[0]

    def score(self, plan: SearchPlan | str, vector: np.ndarray | None = None) -> Scores:
        """Fused relevance of every sentence to the question (and its conversation)."""
        plan = SearchPlan(plan) if isinstance(plan, str) else plan
        question = analyse(plan.question)
        vector = self.embed(plan.query) if vector is None else vector
        w = self.weights
        dense = dense_scores(self.index.sentence_vectors, vector)
        context = dense_scores(self.index.chunk_vectors, vector)[self._context]
        coverage = self.lexicon.coverage(question.tokens)
        nearby = self.neighbourhood_lexicon.coverage(question.tokens)
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
        return Scores(question, relevance.astype(np.float32), dense, coverage, held)

    def holding(self, question: Question) -> np.ndarray:
        """Per sentence, whether it holds the kind of answer ``question`` asks for."""
        held = self._holds[question.kind]
        if question.kind is AnswerKind.COUNT and question.counted:
            held = np.array(
                [
                    bool(h) and holds(question.kind, s.text, question.counted)
                    for h, s in zip(held, self.index.sentences, strict=True)
                ]
            )
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
        for asked in np.flatnonzero(self._asks):
            for following in (asked + 1, asked + 2):
                if following < len(relevance) and not self._asks[following]:
                    gain = self.weights.heading_shift * (relevance[asked] - relevance[following])
                    shifted[following] = max(shifted[following], relevance[following] + gain)
            shifted[asked] -= self.weights.heading_shift * 0.5 * relevance[asked]
        return shifted

    def _window_value(
        self, chunk: Chunk, relevance: np.ndarray, anchor: int, covered: set[int]
    ) -> float:
        """How good ``chunk`` is as the passage for ``anchor``: its other relevant sentences.

        Sentences an earlier passage already cites add nothing, and each one costs a little,
        so that later passages overlap earlier ones only where they must; among otherwise
        equal windows the one that centres the anchor wins (context on both sides).
        """
        floor = self.weights.companion_floor * relevance[anchor]
        fresh = [s for s in chunk.sentence_ids if s != anchor and s not in covered]
        extra = sum(max(0.0, float(relevance[s]) - floor) for s in fresh)
        repeated = len(chunk.sentence_ids) - 1 - len(fresh)
        sentence = self.index.sentences[anchor]
        off_centre = abs((sentence.start + sentence.end) - (chunk.start + chunk.end)) / 2
        return (
            float(relevance[anchor])
            + self.weights.companions * extra
            - 1e-3 * repeated
            - 1e-6 * off_centre
        )

    def select(self, scores: Scores, k: int) -> list[Hit]:
        """The ``k`` best passages, each around the best sentence no earlier passage holds."""
        relevance = scores.relevance
        covered: set[int] = set()
        hits: list[Hit] = []
        for anchor in np.argsort(-relevance, kind="stable"):
            if len(hits) >= k:
                break
            anchor = int(anchor)
            if anchor in covered:
                continue
            windows = self._windows[anchor]
            best = max(windows, key=lambda c: self._window_value(c, relevance, anchor, covered))
            # The score shown is the anchor's relevance: it falls with the rank.
            hits.append(Hit(best, float(relevance[anchor]), self.index.sentences[anchor]))
            covered.update(best.sentence_ids)
        return hits

    def search(self, query: str, k: int = 5) -> list[Hit]:
        """Score and select in one call."""
        return self.select(self.score(query), k)
