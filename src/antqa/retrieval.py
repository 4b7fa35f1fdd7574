"""Hybrid retrieval: dense (FAISS) and lexical (BM25) evidence fused at two granularities.

A passage's score mixes how well the passage as a whole matches (dense + BM25) with how
well its best *sentence* matches: questions are usually answered by one sentence, and a
sentence-level match is much sharper than a 700-character average. Passages are chosen
greedily so that each new one must bring sentences not already cited (overlapping
windows would otherwise fill the top-k with the same sentence).
"""

from __future__ import annotations

from dataclasses import dataclass

import faiss
import numpy as np

from antqa.embedding import Embedder
from antqa.index import ArticleIndex
from antqa.lexical import LexicalIndex
from antqa.models import Hit


@dataclass(frozen=True)
class FusionWeights:
    """How the signals are mixed; tuned on the development set, see the issue notes."""

    chunk_dense: float = 0.35
    chunk_lexical: float = 0.15
    sentence: float = 0.5
    sentence_lexical: float = 0.3


@dataclass(frozen=True)
class Scores:
    """Per-sentence and per-passage relevance of one query (arrays aligned with the index)."""

    sentence: np.ndarray
    sentence_dense: np.ndarray
    chunk: np.ndarray


def _dense_scores(vectors: faiss.Index, query: np.ndarray) -> np.ndarray:
    """Cosine similarity of ``query`` to every stored vector (exhaustive: the index is small)."""
    similarities, ids = vectors.search(query.reshape(1, -1), vectors.ntotal)
    scores = np.zeros(vectors.ntotal, dtype=np.float32)
    scores[ids[0]] = similarities[0]
    return scores


def _unit_max(values: np.ndarray) -> np.ndarray:
    peak = float(values.max(initial=0.0))
    return values / peak if peak > 0 else values


class Retriever:
    """Finds the passages of the article that answer a query."""

    def __init__(
        self, index: ArticleIndex, embedder: Embedder, weights: FusionWeights | None = None
    ) -> None:
        self.index = index
        self.embedder = embedder
        self.weights = weights or FusionWeights()
        self.chunk_lexical = LexicalIndex([c.text for c in index.chunks])
        self.sentence_lexical = LexicalIndex([s.text for s in index.sentences])

    def score(self, query: str) -> Scores:
        """Fused relevance of every sentence and passage to ``query``."""
        vector = self.embedder.embed([query])[0]
        w = self.weights
        sentence_dense = _dense_scores(self.index.sentence_vectors, vector)
        sentence = sentence_dense + w.sentence_lexical * _unit_max(
            self.sentence_lexical.scores(query)
        )
        chunk = w.chunk_dense * _dense_scores(
            self.index.chunk_vectors, vector
        ) + w.chunk_lexical * _unit_max(self.chunk_lexical.scores(query))
        return Scores(sentence=sentence, sentence_dense=sentence_dense, chunk=chunk)

    def select(self, scores: Scores, k: int) -> list[Hit]:
        """The ``k`` best passages, each adding at least one sentence not yet covered."""
        covered: set[int] = set()
        hits: list[Hit] = []
        remaining = list(range(len(self.index.chunks)))
        while remaining and len(hits) < k:
            best_value, best_chunk, best_sentence = -np.inf, -1, -1
            for chunk_no in remaining:
                fresh = [s for s in self.index.chunks[chunk_no].sentence_ids if s not in covered]
                if not fresh:
                    continue
                top = max(fresh, key=lambda s: scores.sentence[s])
                value = scores.chunk[chunk_no] + self.weights.sentence * scores.sentence[top]
                if value > best_value:
                    best_value, best_chunk, best_sentence = value, chunk_no, top
            if best_chunk < 0:
                break
            chunk = self.index.chunks[best_chunk]
            hits.append(Hit(chunk, float(best_value), self.index.sentences[best_sentence]))
            covered.update(chunk.sentence_ids)
            remaining.remove(best_chunk)
        return hits

    def search(self, query: str, k: int = 5) -> list[Hit]:
        """Score and select in one call."""
        return self.select(self.score(query), k)
